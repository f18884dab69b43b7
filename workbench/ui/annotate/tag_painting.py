"""Label tags, brat-style: a small box above the start of each span with its label's short name,
in the label's colour (a pale fill and a full border, dark text, readable on every colour), the
selected span's tag framed heavier. Where they go is ``room_above_lines``'s business."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

TAG_FILL_ALPHA = 70
TAG_TEXT = "#212121"
TAG_BORDER_WIDTH, SELECTED_TAG_BORDER_WIDTH = 1.0, 2.0


@dataclass(frozen=True)
class DrawnTag:
    """A tag where it is drawn (viewport coordinates), for the span ``key``."""

    key: str
    rect: QRectF
    text: str
    color: str
    selected: bool


def paint_tags(painter: QPainter, tags: list[DrawnTag], font: QFont) -> None:
    painter.setFont(font)
    for tag in tags:
        color = QColor(tag.color)
        fill = QColor(color)
        fill.setAlpha(TAG_FILL_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(tag.rect, 2.0, 2.0)
        painter.setBrush(fill)
        width = SELECTED_TAG_BORDER_WIDTH if tag.selected else TAG_BORDER_WIDTH
        painter.setPen(QPen(color.darker(130) if tag.selected else color, width))
        painter.drawRoundedRect(tag.rect, 2.0, 2.0)
        painter.setPen(QColor(TAG_TEXT))
        painter.drawText(tag.rect, Qt.AlignmentFlag.AlignCenter, tag.text)
