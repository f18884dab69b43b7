"""Label tags, brat-style: a small box above the start of each span with its label's short name,
filled with the label's colour, its text black or white, whichever reads better on that colour
(``core.schema.colours.text_colour_on``, as brat's ``fgColor``), the selected span's tag framed
heavier. Where they go is ``room_above_lines``'s business."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from workbench.core.schema.colours import text_colour_on

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
        fill, border, text = _tag_colours(tag.color, tag.selected)
        painter.setBrush(fill)
        painter.setPen(border)
        painter.drawRoundedRect(tag.rect, 2.0, 2.0)
        painter.setPen(text)
        painter.drawText(tag.rect, Qt.AlignmentFlag.AlignCenter, tag.text)


@lru_cache(maxsize=256)
def _tag_colours(colour: str, selected: bool) -> tuple[QColor, QPen, QColor]:
    """A tag's fill, border and text in ``colour``, made once: a screen paints dozens of tags
    in a few colours, at every paint."""
    fill = QColor(colour)
    width = SELECTED_TAG_BORDER_WIDTH if selected else TAG_BORDER_WIDTH
    return fill, QPen(fill.darker(150) if selected else fill, width), QColor(text_colour_on(colour))
