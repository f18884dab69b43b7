"""Events drawn over the annotation view, and the events a hovered span takes part in.

Drawn through the view's extension points, never from its internals:

- every trigger on screen gets a heavy bar in its event type's colour under the frame the view
  draws for trigger spans (``add_overlay``), so triggers read differently from the entities'
  thin underlines; the selected event's trigger gets a darker frame;
- arcs (``set_arcs``) run from a trigger to each argument's span (for an event filling a role,
  to that event's trigger), labelled with the role's name in the interface language, in the
  room the view makes above the lines: for the selected event only (the default: arcs for every
  event can bury a busy paragraph), or for every event (View > Show all arcs).

Hovering a span shows, under the view's own tooltip, which events it triggers or fills.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from workbench.core.model import Event, Span
from workbench.core.schema import Schema
from workbench.core.span_index import IndexedSpan, SpanIndex
from workbench.ui.annotate.arc_painting import Arc, ArcSpec
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.annotate.view_geometry import SpanGeometry
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_text import Language, label_name, role_name
from workbench.ui.label_style import label_colour

TRIGGER_BAR_HEIGHT = 4.0
SELECTED_FRAME_WIDTH = 3.0
ARC_OWNER = "events"
"""The name under which the view keeps the events' arcs (relations have their own)."""


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
        self._all_arcs = False
        view.add_overlay(self.paint)
        view.viewport().installEventFilter(self)

    # -- state ------------------------------------------------------------------------------------

    def set_document(self, document: EventDocument) -> None:
        self._document = document
        self._selected = None
        self._triggers = SpanIndex(
            indexed for event in document.events.values() if (indexed := self._indexed(event))
        )
        self._show_arcs()

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
        self._show_arcs()

    def set_selected_event(self, event_id: str | None) -> None:
        self._selected = event_id
        self._show_arcs()

    @property
    def selected_event_id(self) -> str | None:
        return self._selected

    def set_language(self, language: Language) -> None:
        self._language = language
        self._show_arcs()

    @property
    def all_arcs_shown(self) -> bool:
        return self._all_arcs

    def set_all_arcs_shown(self, shown: bool) -> None:
        """Arcs for every event (True) or for the selected one only (False)."""
        self._all_arcs = shown
        self._show_arcs()

    def _indexed(self, event: Event) -> IndexedSpan[str] | None:
        trigger = self._document.trigger(event)
        if trigger is None or not self._schema.has_event(event.type):
            return None
        color = label_colour(self._schema, event.type)
        return IndexedSpan(event.id, trigger.start, trigger.end, color)

    # -- arcs -------------------------------------------------------------------------------------

    def _show_arcs(self) -> None:
        self._view.set_arcs(ARC_OWNER, self.arc_specs())

    def arc_specs(self) -> list[ArcSpec]:
        """An arc per argument of the events shown (all, or the selected one)."""
        events = self._document.events
        if self._all_arcs:
            shown = list(events.values())
        else:
            shown = [events[self._selected]] if self._selected in events else []
        return [spec for event in shown for spec in self._event_arcs(event)]

    def _event_arcs(self, event: Event) -> list[ArcSpec]:
        trigger = self._document.trigger(event)
        if trigger is None or not self._schema.has_event(event.type):
            return []
        color = QColor(label_colour(self._schema, event.type)).darker(140).name()
        specs = []
        for argument in event.arguments:
            filler = self._document.filler_span(argument)
            if filler is not None:
                label = role_name(self._schema, event.type, argument.role, self._language)
                target = (filler.start, filler.end)
                specs.append(ArcSpec(argument.role, label, (trigger.start, trigger.end), target, color))
        return specs

    def arcs(self, geometry: SpanGeometry) -> list[Arc]:
        """The events' arcs on screen, as drawn (none for an argument or a trigger off screen)."""
        return geometry.arcs(ARC_OWNER)

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
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(selected.payload).darker(140), SELECTED_FRAME_WIDTH))
            for rect in geometry.span_rects(selected.start, selected.end):
                painter.drawRect(rect)

    # -- hovering ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
