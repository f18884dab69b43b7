"""Event extraction data as JSON lines in the TextEE / OneIE layout (``--format events``).

One line per window, as TextEE does. A window is a sentence of the export unit (``exporting``),
joined with its neighbours where a span, or an event with its trigger and all its arguments,
crosses a sentence break (``tokenized``), so no event is cut in two. A line holds::

    {"doc_id", "wnd_id", "doc_name", "annotator", "lang", "text", "char_offset", "tokens",
     "entity_mentions": [{"id", "entity_type", "text", "start", "end",
                          "char_start", "char_end", "attributes"}],
     "event_mentions": [{"id", "event_type", "attributes",
                         "trigger": {"text", "start", "end", "char_start", "char_end"},
                         "arguments": [{"entity_id", "role", "text", "start", "end"}],
                         "event_arguments": [{"event_id", "role", "text", "start", "end"}]}],
     "relation_mentions": [{"id", "relation_type", "attributes",
                            "arguments": [{"entity_id", "role": "Arg-1" | "Arg-2", "text",
                                           "start", "end"}]}]}

``start``/``end`` are token indices into the window's ``tokens`` (end excluded), widened to whole
tokens; ``char_start``/``char_end`` are the exact code point offsets into the window's ``text``,
which starts at ``char_offset`` in the document. Ids are the workbench's span and event ids.
Entity mentions are the spans that are not event triggers (``token_layers``). TextEE's
``arguments`` refer to entity mentions only, so a role filled by another event is written to
``event_arguments`` instead, naming that event and its trigger. A relation is written as
TextEE (and OneIE) write ACE relations: its ``from`` end is ``Arg-1``, its ``to`` end ``Arg-2``,
both entity mentions of the window, which holds both ends; a relation an end of which is no
entity mention (a trigger, a span covering no token) is left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.model import Event, ImportedDocument, Relation, Span
from workbench.core.progress import Progress, no_progress
from workbench.formats.base import ExportOptions
from workbench.formats.exporting import ExportUnit, Renderer, export_units, write_text_export
from workbench.formats.report import FormatReport, Issue
from workbench.formats.token_layers import (
    entity_spans,
    placed_relations,
    span_ranges,
    unit_place,
)
from workbench.formats.tokenized import TokenizedDocument, TokenRange, tokenized

READS_TOKENS = True
_JSON = json.JSONEncoder(ensure_ascii=False)


def write(
    documents: Iterable[ImportedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress = no_progress,
    *,
    report: FormatReport | None = None,
) -> None:
    report = report if report is not None else FormatReport()
    render = renderer(options, report)
    write_text_export(documents, out, options, progress, suffix=".jsonl", render=render)


def renderer(options: ExportOptions, report: FormatReport) -> Renderer:
    """The windows of a document, a line each."""

    def render(annotated: ImportedDocument) -> Iterator[str]:
        units = export_units(annotated, report)
        if not units:
            return
        tokens = tokenized(annotated.document, options)
        for unit in units:
            for window in _Windows(unit, tokens, options, report).lines():
                yield _JSON.encode(window) + "\n"

    return render


class _Windows:
    """The windows of one export unit."""

    def __init__(
        self,
        unit: ExportUnit,
        tokens: TokenizedDocument,
        options: ExportOptions,
        report: FormatReport,
    ) -> None:
        self.unit = unit
        self.tokens = tokens
        self.language = options.schema.language
        self.place = unit_place(unit)
        self.spans = {span.id: span for span in unit.annotations.spans}
        self.events = {event.id: event for event in unit.annotations.events}
        self.ranges = span_ranges(tokens, unit.annotations.spans, report, self.place)
        self.entities = [
            span
            for span in entity_spans(unit.annotations, options.schema)
            if span.id in self.ranges
        ]
        self.placed_events = [
            event for event in self.events.values() if self._placed(event, report)
        ]
        entity_ranges = {span.id: self.ranges[span.id] for span in self.entities}
        self.placed_relations = placed_relations(
            unit.annotations, entity_ranges, report, self.place
        )

    def lines(self) -> Iterator[dict[str, Any]]:
        hulls = [self._hull(event) for event in self.placed_events]
        hulls += [hull for _, hull in self.placed_relations]
        segments = self.tokens.segments([*self.ranges.values(), *hulls])
        entities = self.tokens.by_segment(
            segments, ((self.ranges[span.id][0], span) for span in self.entities)
        )
        events = self.tokens.by_segment(
            segments,
            ((self.ranges[event.trigger_span_id][0], event) for event in self.placed_events),
        )
        relations = self.tokens.by_segment(
            segments,
            ((self.ranges[r.from_span_id][0], r) for r, _ in self.placed_relations),
        )
        for number, segment in enumerate(segments):
            yield self._window(
                number, segment, entities[number], events[number], relations[number]
            )

    def _window(
        self,
        number: int,
        segment: TokenRange,
        entities: list[Span],
        events: list[Event],
        relations: list[Relation],
    ) -> dict[str, Any]:
        char_offset, text = self.tokens.segment_text(segment)
        frame = _Frame(segment[0], char_offset)
        return {
            "doc_id": self.unit.id,
            "wnd_id": f"{self.unit.id}_{number}",
            "doc_name": self.unit.document.name,
            "annotator": self.unit.annotations.annotator,
            "lang": self.language,
            "text": text,
            "char_offset": char_offset,
            "tokens": self.tokens.token_texts[segment[0] : segment[1]],
            "entity_mentions": [self._entity_mention(span, frame) for span in entities],
            "event_mentions": [self._event_mention(event, frame) for event in events],
            "relation_mentions": [self._relation_mention(r, frame) for r in relations],
        }

    def _relation_mention(self, relation: Relation, frame: _Frame) -> dict[str, Any]:
        ends = (("Arg-1", relation.from_span_id), ("Arg-2", relation.to_span_id))
        return {
            "id": relation.id,
            "relation_type": relation.type,
            "attributes": relation.attributes,
            "arguments": [
                {"entity_id": span_id, "role": role, **self._tokens_of(span_id, frame)}
                for role, span_id in ends
            ],
        }

    def _entity_mention(self, span: Span, frame: _Frame) -> dict[str, Any]:
        return {
            "id": span.id,
            "entity_type": span.label,
            **self._mention(span, frame),
            "attributes": span.attributes,
        }

    def _event_mention(self, event: Event, frame: _Frame) -> dict[str, Any]:
        by_span = [argument for argument in event.arguments if argument.span_id is not None]
        by_event = [argument for argument in event.arguments if argument.span_id is None]
        return {
            "id": event.id,
            "event_type": event.type,
            "attributes": event.attributes,
            "trigger": self._mention(self.spans[event.trigger_span_id], frame),
            "arguments": [
                {"entity_id": a.filler_id, "role": a.role, **self._tokens_of(a.filler_id, frame)}
                for a in by_span
            ],
            "event_arguments": [
                {
                    "event_id": a.filler_id,
                    "role": a.role,
                    **self._tokens_of(self._trigger_of(a.filler_id), frame),
                }
                for a in by_event
            ],
        }

    def _mention(self, span: Span, frame: _Frame) -> dict[str, Any]:
        return {
            **self._tokens_of(span.id, frame),
            "char_start": span.start - frame.char_offset,
            "char_end": span.end - frame.char_offset,
        }

    def _tokens_of(self, span_id: str, frame: _Frame) -> dict[str, Any]:
        """A span's text and its token range in the window."""
        start, end = self.ranges[span_id]
        return {
            "text": self.spans[span_id].text,
            "start": start - frame.token_offset,
            "end": end - frame.token_offset,
        }

    def _placed(self, event: Event, report: FormatReport) -> bool:
        """Whether the event and every filler it names can be written; refuse dangling ids,
        count (and leave out) an event whose trigger or filler covers no token."""
        for span_id in self._span_ids(event):
            if span_id not in self.spans:
                raise WorkbenchError(
                    f"{self.place}: event {event.id} ({event.type}) refers to the span {span_id}, "
                    "which is not in its annotation set"
                )
            if span_id not in self.ranges:
                report.add(
                    Issue.EVENT_LEFT_OUT,
                    f"{self.place}: event {event.id} ({event.type}) is left out: its span "
                    f"{span_id} covers no token",
                )
                return False
        return True

    def _trigger_of(self, event_id: str) -> str:
        return self.events[event_id].trigger_span_id

    def _span_ids(self, event: Event) -> list[str]:
        """The trigger and the spans filling its roles (an event filler by its trigger)."""
        ids = [event.trigger_span_id]
        for argument in event.arguments:
            if argument.span_id is not None:
                ids.append(argument.span_id)
            elif argument.filler_id in self.events:
                ids.append(self._trigger_of(argument.filler_id))
            else:
                raise WorkbenchError(
                    f"{self.place}: event {event.id} ({event.type}) has a {argument.role} filled "
                    f"by the event {argument.filler_id}, which is not in its annotation set"
                )
        return ids

    def _hull(self, event: Event) -> TokenRange:
        ranges = [self.ranges[span_id] for span_id in self._span_ids(event)]
        return min(start for start, _ in ranges), max(end for _, end in ranges)


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where a window starts, in tokens and in characters of the document."""

    token_offset: int
    char_offset: int
