"""The spans and events of the open document, as the event widgets read them.

One annotator's set on one document, loaded once when the document opens and then kept in step
by the event controller after every edit (one event or span at a time), so that the list, the
panel and the overlay never query the project file while painting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from workbench.app.project import Project
from workbench.core.model import AnnotationSet, Argument, Event, Span


@dataclass
class EventDocument:
    """The events of one annotator's set on a document, and the spans they use (triggers and
    span fillers): all the event widgets look up."""

    document_id: str = ""
    spans: dict[str, Span] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    _by_trigger: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls,
        project: Project,
        document_id: str,
        annotator: str,
        annotations: AnnotationSet | None = None,
    ) -> EventDocument:
        """The annotator's events on the document with the spans they use, read from the
        project file, or taken from ``annotations`` when the caller has the whole set."""
        events: Sequence[Event]
        spans: Sequence[Span]
        if annotations is None:
            events, spans = project.event_layer(document_id, annotator)
        else:
            events, spans = annotations.events, annotations.spans
        document = cls(document_id, {span.id: span for span in spans})
        for event in events:
            document.put_event(event)
        return document

    # -- changes ----------------------------------------------------------------------------------

    def put_event(self, event: Event) -> None:
        self.events[event.id] = event
        self._by_trigger[event.trigger_span_id] = event.id

    def drop_event(self, event_id: str) -> None:
        event = self.events.pop(event_id, None)
        if event is not None and self._by_trigger.get(event.trigger_span_id) == event_id:
            del self._by_trigger[event.trigger_span_id]

    def put_span(self, span: Span) -> None:
        self.spans[span.id] = span

    def drop_span(self, span_id: str) -> None:
        self.spans.pop(span_id, None)

    # -- questions --------------------------------------------------------------------------------

    def trigger(self, event: Event) -> Span | None:
        return self.spans.get(event.trigger_span_id)

    def event_triggered_by(self, span_id: str) -> Event | None:
        event_id = self._by_trigger.get(span_id)
        return None if event_id is None else self.events.get(event_id)

    def filler_span(self, argument: Argument) -> Span | None:
        """The span an argument points at: its span, or the trigger of the event filling it."""
        if argument.span_id is not None:
            return self.spans.get(argument.span_id)
        filler = self.events.get(argument.filler_id)
        return None if filler is None else self.trigger(filler)

    def events_filled_by(self, filler_id: str) -> list[tuple[Event, Argument]]:
        """(event, argument) for every role the span or event ``filler_id`` fills."""
        return [
            (event, argument)
            for event in self.events.values()
            for argument in event.arguments
            if argument.filler_id == filler_id
        ]
