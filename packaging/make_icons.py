"""Draw the app icon with Qt and write it as .ico (Windows), .icns (macOS) and .png (the window).

    QT_QPA_PLATFORM=offscreen uv run python packaging/make_icons.py

The icon: the letter ت (the first of توسيم, "tagging") in the bundled Noto Naskh Arabic Bold,
white on a teal rounded square, over an amber bar like an annotated span. Every size is drawn
from the vector shapes, not scaled from a large bitmap; below 32 px the letter is drawn larger,
so that it stays legible.

The outputs are committed; run this again only when the drawing changes. Both containers are
written here rather than with Pillow, which the project does not otherwise need:

- ICO: a directory of images; sizes up to 48 px are 32-bit BMPs (with the AND mask that old
  readers expect), 64 and 256 px are PNGs, as Windows has read them since Vista.
- ICNS: the ``icns`` magic and length, then typed PNG entries (the types ``iconutil`` writes).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageWriter,
    QLinearGradient,
    QPainter,
    QPainterPath,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
FONT_FILE = REPO_ROOT / "resources" / "fonts" / "NotoNaskhArabic-Bold.ttf"
ICONS_DIR = REPO_ROOT / "packaging" / "icons"
WINDOW_ICON = REPO_ROOT / "resources" / "icons" / "tawsim.png"

LETTER = "ت"
TEAL_TOP, TEAL_BOTTOM = QColor("#127a7a"), QColor("#0b4f5c")
AMBER = QColor("#f2b43c")
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
ICO_PNG_FROM = 64
"""ICO entries at least this large are stored as PNG; smaller ones as BMP."""
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)  # fmt: skip
"""(type, pixels): ic11-ic14 and ic10 are the @2x variants of 16, 32, 128, 256 and 512 points."""


def draw_icon(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(size / 100, size / 100)  # draw on a 100 x 100 canvas
    small = size < 32
    draw_background(painter, margin=2 if small else 6)
    draw_span_bar(painter, small)
    draw_letter(painter, family, small)
    painter.end()
    return image


def draw_background(painter: QPainter, margin: float) -> None:
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 100))
    gradient.setColorAt(0, TEAL_TOP)
    gradient.setColorAt(1, TEAL_BOTTOM)
    square = QPainterPath()
    square.addRoundedRect(QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin), 22, 22)
    painter.fillPath(square, gradient)


def draw_span_bar(painter: QPainter, small: bool) -> None:
    bar = QRectF(18, 70, 64, 12) if small else QRectF(22, 68, 56, 9)
    path = QPainterPath()
    path.addRoundedRect(bar, 3, 3)
    painter.fillPath(path, AMBER)


def draw_letter(painter: QPainter, family: str, small: bool) -> None:
    font = QFont(family)
    font.setPixelSize(88 if small else 74)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, -22 if small else -16, 100, 100), Qt.AlignmentFlag.AlignCenter, LETTER)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """An ICO image as a DIB: BITMAPINFOHEADER (height doubled for the mask), bottom-up BGRA rows,
    then the 1-bit AND mask (1 = transparent) for readers that ignore alpha."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA bytes on little-endian
    raw = bytes(argb.constBits())  # rows of bytesPerLine() bytes, top to bottom
    stride = argb.bytesPerLine()
    rows = [raw[y * stride : y * stride + size * 4] for y in reversed(range(size))]
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(rows) + b"".join(mask_row(row) for row in rows)


def mask_row(bgra_row: bytes) -> bytes:
    """One row of the AND mask: a bit per pixel, most significant first, padded to 4 bytes."""
    bits = "".join("1" if bgra_row[x + 3] == 0 else "0" for x in range(0, len(bgra_row), 4))
    padded = bits.ljust(-(-len(bits) // 32) * 32, "0")
    return int(padded, 2).to_bytes(len(padded) // 8, "big")


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = [
        png_bytes(images[size]) if size >= ICO_PNG_FROM else bmp_entry(images[size])
        for size in ICO_SIZES
    ]
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(directory) + 16 * len(entries)
    for size, data in zip(ICO_SIZES, entries, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + b"".join(entries)


def icns_bytes(images: dict[int, QImage]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(data)) + data
        for kind, size in ICNS_TYPES
        for data in [png_bytes(images[size])]
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def load_font_family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id == -1:
        raise SystemExit(f"could not load {FONT_FILE}")
    return QFontDatabase.applicationFontFamilies(font_id)[0]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])  # the font database and painting need one
    family = load_font_family()
    sizes = sorted({*ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: draw_icon(size, family) for size in sizes}
    ICONS_DIR.mkdir(parents=True, exist_ok=True)
    WINDOW_ICON.parent.mkdir(parents=True, exist_ok=True)
    (ICONS_DIR / "tawsim.ico").write_bytes(ico_bytes(images))
    (ICONS_DIR / "tawsim.icns").write_bytes(icns_bytes(images))
    WINDOW_ICON.write_bytes(png_bytes(images[256]))
    for path in (ICONS_DIR / "tawsim.ico", ICONS_DIR / "tawsim.icns", WINDOW_ICON):
        print(f"wrote {path.relative_to(REPO_ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
