"""Where Qt draws the characters of a text laid out right to left, as a mirrored (Arabic)
interface lays out a label or a table cell: for checking that numbers keep their order there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption


def left_edge_in_right_to_left(text: str, position: int) -> float:
    """Where the character at ``position`` of ``text`` is drawn, laid out on one line right to
    left."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(1000)
    layout.endLayout()
    [run] = layout.glyphRuns(position, 1)
    return run.boundingRect().left()


def reads_left_to_right(text: str, first: str, second: str) -> bool:
    """``first`` (where it first occurs in ``text``) is drawn left of ``second`` (where it last
    occurs)."""
    return left_edge_in_right_to_left(text, text.index(first)) < left_edge_in_right_to_left(
        text, text.rindex(second)
    )
