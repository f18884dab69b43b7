"""Arcs between spans, drawn in the room above the lines (``room_above_lines``), never over the
letters: an arc from one span to another with a text label, whatever it stands for (an event's
role now, a relation between spans next).

An arc rises from the top of its source's tag (or of the span, with tags hidden), runs level in
its row of the line's arc room, and comes down onto its target's, with an arrowhead there. Where
the ends are on different lines, the arc runs to the edge of each line (towards the other end)
in that line's room. Its label sits on the level part next to the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

Range = tuple[int, int]

ARC_WIDTH = 1.6
ARROW_LENGTH, ARROW_HALF_WIDTH = 6.0, 3.5
CORNER = 4.0
LABEL_PADDING = 2.0
LABEL_BACKGROUND, LABEL_TEXT = "#ffffff", "#212121"


@dataclass(frozen=True)
class ArcSpec:
    """An arc to draw: from the span on ``source`` to the one on ``target`` (code point
    ranges), labelled ``label``, in ``color``; ``key`` says what it stands for (a role)."""

    key: str
    label: str
    source: Range
    target: Range
    color: str


@dataclass(frozen=True)
class ArcPiece:
    """The part of an arc on one line, in viewport coordinates: its ends on this line (None for
    an end on another line, where the part runs to ``edge_x``) and the height of its level part."""

    source: QPointF | None
    target: QPointF | None
    edge_x: float | None
    level: float


@dataclass(frozen=True)
class Arc:
    """An arc as drawn: from ``start`` (on its source) to ``end`` (on its target)."""

    spec: ArcSpec
    start: QPointF
    end: QPointF
    path: QPainterPath
    label_at: QPointF

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def color(self) -> str:
        return self.spec.color


def build_arc(spec: ArcSpec, pieces: list[ArcPiece]) -> Arc | None:
    """The arc through its pieces; None unless both of its ends are on screen."""
    starts = [piece for piece in pieces if piece.source is not None]
    ends = [piece for piece in pieces if piece.target is not None]
    if not starts or not ends:
        return None
    first, last = starts[0], ends[0]
    assert first.source is not None and last.target is not None
    path = QPainterPath(first.source)
    if first is last:
        _bracket(path, first.source, first.level, last.target)
        label_at = QPointF((first.source.x() + last.target.x()) / 2, first.level)
    else:
        assert first.edge_x is not None and last.edge_x is not None
        _bracket(path, first.source, first.level, QPointF(first.edge_x, first.level))
        path.moveTo(last.edge_x, last.level)
        _bracket(path, QPointF(last.edge_x, last.level), last.level, last.target)
        label_at = QPointF((first.source.x() + first.edge_x) / 2, first.level)
    return Arc(spec, first.source, last.target, path, label_at)


def _bracket(path: QPainterPath, start: QPointF, level: float, end: QPointF) -> None:
    """Up (or along) from ``start`` to ``level``, across, and down to ``end``, corners rounded."""
    toward = 1.0 if end.x() >= start.x() else -1.0
    corner = min(CORNER, abs(end.x() - start.x()) / 2)
    if start.y() > level:
        path.lineTo(start.x(), level + corner)
        path.quadTo(start.x(), level, start.x() + toward * corner, level)
    path.lineTo(end.x() - toward * corner, level)
    if end.y() > level:
        path.quadTo(end.x(), level, end.x(), level + corner)
    path.lineTo(end)


def paint_arcs(painter: QPainter, arcs: list[Arc], font: QFont) -> None:
    """The curves first, then every label over them, so that no curve crosses a label."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for arc in arcs:
        color = QColor(arc.color)
        painter.setPen(QPen(color, ARC_WIDTH))
        painter.drawPath(arc.path)
        _paint_arrowhead(painter, arc.end, color)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for arc in arcs:
        painter.setBrush(QColor(LABEL_BACKGROUND))
        painter.setPen(QPen(QColor(arc.color), 1.0))
        box = label_box(arc, metrics)
        painter.drawRoundedRect(box, 3.0, 3.0)
        painter.setPen(QColor(LABEL_TEXT))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, arc.label)


def label_box(arc: Arc, metrics: QFontMetricsF) -> QRectF:
    box = QRectF(0, 0, metrics.horizontalAdvance(arc.label) + 2 * LABEL_PADDING, metrics.height())
    box.moveCenter(arc.label_at)
    return box


def _paint_arrowhead(painter: QPainter, tip: QPointF, color: QColor) -> None:
    arrow = QPainterPath(tip)
    arrow.lineTo(tip.x() - ARROW_HALF_WIDTH, tip.y() - ARROW_LENGTH)
    arrow.lineTo(tip.x() + ARROW_HALF_WIDTH, tip.y() - ARROW_LENGTH)
    arrow.closeSubpath()
    painter.fillPath(arrow, color)
