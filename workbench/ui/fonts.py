"""The font of the annotation view: the bundled Noto Naskh Arabic, with a Latin fallback.

Bundling the Arabic font makes the text look, wrap and measure the same on Windows, macOS and
Linux (and in screenshots taken by the tests). Noto Naskh Arabic has Arabic letters, digits and
punctuation but no Latin letters, so the view's font is a family list: Qt takes each character
from the first family in the list that has it.

Call these functions only once a QGuiApplication exists: the font database needs one.
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from workbench.paths import resources_dir

log = logging.getLogger(__name__)

BUNDLED_FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
DEFAULT_POINT_SIZE = 16
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 48

_SYSTEM_ARABIC_FAMILIES = {
    "win32": "Segoe UI",  # ships Arabic glyphs on every supported Windows
    "darwin": "Geeza Pro",
}
_SYSTEM_LATIN_FAMILIES = {
    "win32": "Segoe UI",
    "darwin": "Helvetica Neue",
}
_LINUX_ARABIC_FAMILY = "Noto Naskh Arabic"
_LINUX_LATIN_FAMILY = "DejaVu Sans"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def bundled_arabic_family() -> str | None:
    """Register the bundled font files once; the family name, or None when they failed to load."""
    family = None
    for file_name in BUNDLED_FONT_FILES:
        path = fonts_dir() / file_name
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id != -1 else []
        if not families:
            log.warning("could not load the bundled font %s", path)
            continue
        family = family or families[0]
    return family


def system_arabic_family() -> str:
    """The platform's usual Arabic family, for when the bundled font did not load."""
    return _SYSTEM_ARABIC_FAMILIES.get(sys.platform, _LINUX_ARABIC_FAMILY)


def latin_family() -> str:
    return _SYSTEM_LATIN_FAMILIES.get(sys.platform, _LINUX_LATIN_FAMILY)


def annotation_font(
    point_size: int = DEFAULT_POINT_SIZE, arabic_family: str | None = None
) -> QFont:
    """``[arabic family, Latin fallback]`` at ``point_size`` (clamped to the zoom range).

    ``arabic_family`` defaults to the bundled font, or the platform's Arabic font without it.
    """
    arabic = arabic_family or bundled_arabic_family() or system_arabic_family()
    font = QFont([arabic, latin_family()])
    font.setPointSize(clamp_point_size(point_size))
    return font


def clamp_point_size(point_size: int) -> int:
    return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size))
