"""Events drawn over the annotation view, and the events a hovered span takes part in.

Drawn through the view's one extension point (``AnnotatedTextView.add_overlay``), from its
``SpanGeometry``, never from the view's internals:

- every trigger on screen gets a heavy bar in its event type's colour under the frame the view
  draws for trigger spans, so triggers read differently from the entities' thin underlines;
- for the selected event only (notes §1.5: arcs for every event would bury the text), its
  trigger gets a darker frame and a curve rises from it to each argument's span (for an event
  filling a role, to that event's trigger), with an arrowhead on the argument and the role's
  name on the curve, in the interface language. QPlainTextEdit keeps no room between lines (it
  ignores ``lineHeight``), so the curves cross the line above; the labels sit on a white box to
  stay readable, slid along their curves where they would cover each other. Where the top of
  the view leaves no room above (the first line), the curve hangs below the words instead. An
  argument or a trigger off screen gets no curve.

Hovering a span shows, under the view's own tooltip, which events it triggers or fills.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip

from workbench.core.model import Event, Span
from workbench.core.schema import Schema
from workbench.core.span_index import IndexedSpan, SpanIndex
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_text import Language, label_name, role_name
from workbench.ui.annotate.text_view import AnnotatedTextView, SpanGeometry

TRIGGER_BAR_HEIGHT = 4.0
SELECTED_FRAME_WIDTH = 3.0
ARC_WIDTH = 2.0
ENDPOINT_INSET = 2.0
"""How far inside a word's rectangle (its top edge, or its bottom one for an arc hanging below)
an arc starts or ends, so that it visibly touches the word."""
MIN_RISE, MAX_RISE, RISE_PER_PIXEL = 18.0, 70.0, 0.12
"""How high an arc climbs above its higher end: more for ends further apart, within bounds."""
TOP_MARGIN = 2.0
ARROW_LENGTH, ARROW_HALF_WIDTH = 7.0, 4.0
LABEL_PADDING = 3.0
LABEL_SCALE = 0.7
"""Role labels' size against the text's."""
LABEL_BACKGROUND, LABEL_TEXT = "#ffffff", "#212121"
LABEL_PLACES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)
"""Where along its arc a label may sit (fractions of the arc's length), best first."""


@dataclass(frozen=True)
class Arc:
    """A curve from the selected event's trigger to one argument, in viewport coordinates."""

    role: str
    label: str
    start: QPointF
    end: QPointF
    path: QPainterPath
    label_at: QPointF
    above: bool
    """Whether the curve rises above the words (else it hangs below them)."""


class EventOverlay(QObject):
    """See the module docstring; ``set_document``/``event_changed`` keep it in step."""

    def __init__(self, view: AnnotatedTextView, schema: Schema, language: Language = "en") -> None:
        super().__init__(view)
        self._view = view
        self._schema = schema
        self._language: Language = language
        self._document = EventDocument()
        self._triggers: SpanIndex[str] = SpanIndex()
        self._selected: str | None = None
        view.add_overlay(self.paint)
        view.viewport().installEventFilter(self)

    # -- state ------------------------------------------------------------------------------------

    def set_document(self, document: EventDocument) -> None:
        self._document = document
        self._selected = None
        self._triggers = SpanIndex(
            indexed for event in document.events.values() if (indexed := self._indexed(event))
        )
        self._view.viewport().update()

    def event_changed(self, event_id: str) -> None:
        """Follow the document's version of one event (added, changed or gone)."""
        if event_id in self._triggers:
            self._triggers.remove(event_id)
        event = self._document.events.get(event_id)
        indexed = None if event is None else self._indexed(event)
        if indexed is not None:
            self._triggers.add(indexed)
        if self._selected == event_id and event is None:
            self._selected = None
        self._view.viewport().update()

    def set_selected_event(self, event_id: str | None) -> None:
        self._selected = event_id
        self._view.viewport().update()

    @property
    def selected_event_id(self) -> str | None:
        return self._selected

    def set_language(self, language: Language) -> None:
        self._language = language
        self._view.viewport().update()

    def _indexed(self, event: Event) -> IndexedSpan[str] | None:
        trigger = self._document.trigger(event)
        if trigger is None or not self._schema.has_event(event.type):
            return None
        color = self._schema.event(event.type).color
        return IndexedSpan(event.id, trigger.start, trigger.end, color)

    # -- geometry ---------------------------------------------------------------------------------

    def arcs(self, geometry: SpanGeometry) -> list[Arc]:
        """The selected event's arcs on screen (none when it, or an argument, is off screen)."""
        event = self._document.events.get(self._selected or "")
        trigger = None if event is None else self._document.trigger(event)
        if event is None or trigger is None:
            return []
        trigger_rects = geometry.span_rects(trigger.start, trigger.end)
        if not trigger_rects:
            return []
        arcs = []
        for number, argument in enumerate(event.arguments):
            filler = self._document.filler_span(argument)
            filler_rects = [] if filler is None else geometry.span_rects(filler.start, filler.end)
            if filler_rects:
                label = role_name(self._schema, event.type, argument.role, self._language)
                ends = _Ends(trigger_rects[0], filler_rects, number, len(event.arguments))
                arcs.append(_arc(argument.role, label, ends))
        return arcs

    # -- painting ---------------------------------------------------------------------------------

    def paint(self, painter: QPainter, geometry: SpanGeometry) -> None:
        for trigger in self._triggers.overlapping(*geometry.visible_range):
            color = QColor(trigger.payload)
            for rect in geometry.span_rects(trigger.start, trigger.end):
                bar = QRectF(rect)
                bar.setTop(rect.bottom() - TRIGGER_BAR_HEIGHT)
                painter.fillRect(bar, color)
        selected = self._triggers.get(self._selected or "")
        if selected is not None:
            self._paint_selected(painter, geometry, selected)

    def _paint_selected(
        self, painter: QPainter, geometry: SpanGeometry, trigger: IndexedSpan[str]
    ) -> None:
        color = QColor(trigger.payload).darker(140)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, SELECTED_FRAME_WIDTH))
        for rect in geometry.span_rects(trigger.start, trigger.end):
            painter.drawRect(rect)
        font = QFont(self._view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * LABEL_SCALE))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        arcs = self.arcs(geometry)
        for arc in arcs:
            _paint_arc(painter, arc, color)
        boxes: list[QRectF] = []
        for arc in arcs:  # after every curve, so that no curve crosses a label
            boxes.append(_label_box(arc, metrics, boxes))
            _paint_label(painter, arc.label, boxes[-1], color)

    # -- hovering ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Answer tooltip requests on the view: its own text, then the events taking part."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        tip = self.tooltip_at(QPointF(event.pos()))
        if tip:
            QToolTip.showText(event.globalPos(), tip, self._view.viewport())
        else:
            QToolTip.hideText()
        return True

    def tooltip_at(self, point: QPointF) -> str:
        view = self._view
        position = view.code_point_at(point)
        if position is None:
            return ""
        document = self._document
        parts = [view.tooltip_at(point)]
        for span in view.spans_at(position):
            participation = participation_tooltip(
                span.id, document.events.values(), document.spans, self._schema, self._language
            )
            if participation:
                parts.append(participation)
        return "\n\n".join(part for part in parts if part)


# -- arcs (pure geometry) ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ends:
    """Where one arc may start and end: the trigger's first piece, shared by ``count`` arcs of
    which this is number ``number``, and the argument's pieces."""

    trigger: QRectF
    filler: list[QRectF]
    number: int
    count: int

    def points(self, above: bool) -> tuple[QPointF, QPointF]:
        """On the top edges (``above``) or the bottom ones, just inside the rectangles: the
        start spread across the trigger's width, one point per argument; the end in the middle
        of the argument's piece nearest the trigger."""
        trigger = self.trigger
        x = trigger.left() + trigger.width() * (self.number + 1) / (self.count + 1)
        nearest = min(self.filler, key=lambda rect: _distance(rect.center(), trigger.center()))
        return (
            QPointF(x, _edge_y(trigger, above)),
            QPointF(nearest.center().x(), _edge_y(nearest, above)),
        )


def _edge_y(rect: QRectF, above: bool) -> float:
    return rect.top() + ENDPOINT_INSET if above else rect.bottom() - ENDPOINT_INSET


def _distance(a: QPointF, b: QPointF) -> float:
    return abs(a.x() - b.x()) + abs(a.y() - b.y())


def _arc(role: str, label: str, ends: _Ends) -> Arc:
    """A curve above the words (lower near the view's top), or below them where the top
    leaves not even the lowest rise."""
    start, end = ends.points(above=True)
    rise = min(MAX_RISE, MIN_RISE + abs(end.x() - start.x()) * RISE_PER_PIXEL)
    room = min(start.y(), end.y()) - TOP_MARGIN
    above = room >= MIN_RISE
    if above:
        apex = min(start.y(), end.y()) - min(rise, room)
    else:
        start, end = ends.points(above=False)
        apex = max(start.y(), end.y()) + rise
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x(), apex), QPointF(end.x(), apex), end)
    return Arc(role, label, start, end, path, path.pointAtPercent(0.5), above)


def _label_box(arc: Arc, metrics: QFontMetricsF, taken: list[QRectF]) -> QRectF:
    """The label's box on its arc, at the middle if free, else at the free place along the arc
    nearest the middle; where the whole arc is taken, moved off the middle away from the words
    (up for an arc above, down for one below) until it covers no label placed before it."""
    box = metrics.boundingRect(arc.label).adjusted(
        -LABEL_PADDING, -LABEL_PADDING, LABEL_PADDING, LABEL_PADDING
    )
    for percent in LABEL_PLACES:
        box.moveCenter(arc.path.pointAtPercent(percent))
        if not any(box.intersects(other) for other in taken):
            return box
    box.moveCenter(arc.label_at)
    step = -(box.height() + 1) if arc.above else box.height() + 1
    while any(box.intersects(other) for other in taken):
        box.translate(0, step)
    return box


def _paint_arc(painter: QPainter, arc: Arc, color: QColor) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(color, ARC_WIDTH))
    painter.drawPath(arc.path)
    end = arc.end
    back = -ARROW_LENGTH if arc.above else ARROW_LENGTH
    arrow = QPainterPath(end)
    arrow.lineTo(end.x() - ARROW_HALF_WIDTH, end.y() + back)
    arrow.lineTo(end.x() + ARROW_HALF_WIDTH, end.y() + back)
    arrow.closeSubpath()
    painter.fillPath(arrow, color)


def _paint_label(painter: QPainter, label: str, box: QRectF, color: QColor) -> None:
    painter.setBrush(QColor(LABEL_BACKGROUND))
    painter.setPen(QPen(color, 1.0))
    painter.drawRoundedRect(box, 3.0, 3.0)
    painter.setPen(QColor(LABEL_TEXT))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


# -- participation -------------------------------------------------------------------------------


def participation_tooltip(
    span_id: str,
    events: Iterable[Event],
    spans: Mapping[str, Span],
    schema: Schema,
    language: Language = "en",
) -> str:
    """One line per event the span triggers or fills a role of, naming the role and the event
    (type and trigger text); empty when it takes part in none."""
    lines = []
    for event in events:
        name = label_name(schema, event.type, language)
        trigger = spans.get(event.trigger_span_id)
        about = f"{name} «{trigger.text if trigger is not None else '?'}»"
        if event.trigger_span_id == span_id:
            lines.append(_translate("trigger of {event}").format(event=about))
        lines.extend(
            _translate("{role} in {event}").format(
                role=role_name(schema, event.type, argument.role, language), event=about
            )
            for argument in event.arguments
            if argument.span_id == span_id
        )
    return "\n".join(lines)


def _translate(text: str) -> str:
    return QCoreApplication.translate("EventOverlay", text)
