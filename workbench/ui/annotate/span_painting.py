"""Painting the spans of the annotation view (``text_view``): where a range is drawn, one
rectangle per visually contiguous piece on each line (from the glyph runs: ``cursorToX`` is wrong
at LTR/RTL run boundaries), and how each kind of span is drawn there: translucent backgrounds
under the text, then underlines stacked by level, frames and dashed outlines over it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from workbench.ui.annotate.view_span import SpanKind

BACKGROUND_ALPHA = 60
SELECTED_BACKGROUND_ALPHA = 130
MATCH_ALPHA = 160
DARK_ALPHA_CAP = 90
"""On a dark base (the dark theme) a light label colour laid on thicker than this comes too near
the light text (a contrast under 4.5): the selected span and the search matches stop there."""
UNDERLINE_WIDTH = 2.0
SELECTED_UNDERLINE_WIDTH = 3.0
UNDERLINE_GAP = 1.0
MAX_VISIBLE_LEVELS = 5
"""Deeper nesting shares the top underline row: the line has no more room below the text."""

GLYPH_RUN_GEOMETRY = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
)

LineRect = tuple[int, float, float]
"""A piece of a range on one line, in layout coordinates: the line's number, left and width."""


@dataclass
class Piece:
    """One span (or highlight) as drawn in the visible blocks: its rectangles and stack level."""

    kind: SpanKind
    color: str
    rects: list[QRectF]
    level: int = 0
    selected: bool = False


def background_alpha(kind: SpanKind, selected: bool, dark: bool) -> int:
    """How thickly a piece's colour is laid under the text."""
    alpha = MATCH_ALPHA if kind == "match" else BACKGROUND_ALPHA
    if selected:
        alpha = SELECTED_BACKGROUND_ALPHA
    return min(alpha, DARK_ALPHA_CAP) if dark else alpha


def paint_backgrounds(painter: QPainter, pieces: list[Piece]) -> None:
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
    for piece in pieces:
        if piece.kind == "suggestion":
            continue
        color = _color(piece.color, background_alpha(piece.kind, piece.selected, dark))
        for rect in piece.rects:
            painter.fillRect(rect, color)


def paint_decorations(painter: QPainter, pieces: list[Piece]) -> None:
    for piece in pieces:
        if piece.kind == "entity":
            _paint_underlines(painter, piece)
        elif piece.kind == "trigger":
            _paint_outline(painter, piece, Qt.PenStyle.SolidLine, 2.0)
        elif piece.kind == "suggestion":
            _paint_outline(painter, piece, Qt.PenStyle.DashLine, 1.5)
        if piece.selected:
            _paint_outline(painter, piece, Qt.PenStyle.SolidLine, 2.0, darker=True)


def _paint_underlines(painter: QPainter, piece: Piece) -> None:
    """One underline per span, raised by its stack level so nested spans stay visible."""
    width = SELECTED_UNDERLINE_WIDTH if piece.selected else UNDERLINE_WIDTH
    painter.setPen(_pen(piece.color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    raised = min(piece.level, MAX_VISIBLE_LEVELS - 1) * (UNDERLINE_WIDTH + UNDERLINE_GAP)
    for rect in piece.rects:
        y = rect.bottom() - width / 2 - raised
        painter.drawLine(QPointF(rect.left() + 1, y), QPointF(rect.right() - 1, y))


def _paint_outline(
    painter: QPainter, piece: Piece, style: Qt.PenStyle, width: float, darker: bool = False
) -> None:
    painter.setPen(_pen(piece.color, width, style, darker=darker))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    for rect in piece.rects:
        painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))


@lru_cache(maxsize=256)
def _pen(
    hex_color: str,
    width: float,
    style: Qt.PenStyle,
    cap: Qt.PenCapStyle = Qt.PenCapStyle.SquareCap,
    darker: bool = False,
) -> QPen:
    """A pen made once for every piece drawn with it (a screen draws dozens at every paint)."""
    color = _color(hex_color, 255)
    pen = QPen(color.darker(150) if darker else color, width, style)
    pen.setCapStyle(cap)
    return pen


@lru_cache(maxsize=256)
def _color(hex_color: str, alpha: int) -> QColor:
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


# -- layout geometry helpers ----------------------------------------------------------------------


def layout_rects(layout: QTextLayout, first: int, last: int) -> list[LineRect]:
    """One piece per visually contiguous part of ``[first, last)`` on each line: its line and
    horizontal extent (a line's height is read when drawing: the room above lines moves them)."""
    rects: list[LineRect] = []
    line = layout.lineForTextPosition(first)
    while line.isValid() and line.textStart() < last:
        line_start = line.textStart()
        piece_start = max(first, line_start)
        piece_end = min(last, line_start + line.textLength())
        if piece_start < piece_end:
            for left, right in run_extents(layout, piece_start, piece_end - piece_start):
                rects.append((line.lineNumber(), left, right - left))
        line = layout.lineAt(line.lineNumber() + 1)
    return rects


def run_extents(layout: QTextLayout, start: int, length: int) -> list[tuple[float, float]]:
    """Horizontal extents of the glyph runs of ``[start, start + length)`` on one line, merged
    where they touch: a range crossing LTR/RTL runs can be one piece or several."""
    runs = layout.glyphRuns(start, length, GLYPH_RUN_GEOMETRY)
    rects = [run.boundingRect() for run in runs]
    extents = sorted((rect.left(), rect.right()) for rect in rects if rect.width() > 0)
    merged: list[tuple[float, float]] = []
    for left, right in extents:
        if merged and left <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged
