"""Adjudication: the annotators' spans and events laid side by side, and what they agree on.

An annotation is compared by its content, not its id: a span by (start, end, label); an event by
its trigger's range and its type, with its arguments' (range, label, role). Gold is pre-filled
with what every finished annotator agrees on, or what a strict majority agrees on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workbench.core.model import AnnotationSet, Argument, Event, Span, new_id

SpanKey = tuple[int, int, str]
ArgumentKey = tuple[int, int, str, str]
"""The filler's range and label, and the role."""
EventKey = tuple[SpanKey, frozenset[ArgumentKey]]


class Agreement(StrEnum):
    ALL = "all"
    """Every annotator compared has it."""
    MAJORITY = "majority"
    """More than half of them have it, not all."""
    SOME = "some"
    """Half of them or fewer."""


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    key: SpanKey
    text: str
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool


@dataclass(frozen=True, slots=True)
class EventCandidate:
    key: EventKey
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool


def span_key(span: Span) -> SpanKey:
    return (span.start, span.end, span.label)


def event_key(event: Event, spans: Mapping[str, Span]) -> EventKey | None:
    """The event's content; None when it refers to a span the set does not hold, or to an
    event (events filling roles are compared by their own keys, not nested here)."""
    trigger = spans.get(event.trigger_span_id)
    if trigger is None:
        return None
    arguments = frozenset(
        (*span_key(spans[a.span_id])[:2], spans[a.span_id].label, a.role)
        for a in event.arguments
        if a.span_id is not None and a.span_id in spans
    )
    return span_key(trigger), arguments


def agreement_of(count: int, of: int) -> Agreement:
    if count == of:
        return Agreement.ALL
    return Agreement.MAJORITY if count * 2 > of else Agreement.SOME


def span_candidates(
    sets: Sequence[AnnotationSet], gold: AnnotationSet | None = None
) -> list[SpanCandidate]:
    """Every distinct span of the annotators, in text order, with who has it."""
    holders: dict[SpanKey, list[str]] = defaultdict(list)
    texts: dict[SpanKey, str] = {}
    for annotation_set in sets:
        for span in annotation_set.spans:
            holders[span_key(span)].append(annotation_set.annotator)
            texts[span_key(span)] = span.text
    in_gold = {span_key(s) for s in gold.spans} if gold else set()
    return [
        SpanCandidate(key, texts[key], tuple(sorted(set(names))), agreement_of(len(set(names)), len(sets)), key in in_gold)
        for key, names in sorted(holders.items())
    ]


def event_candidates(
    sets: Sequence[AnnotationSet], gold: AnnotationSet | None = None
) -> list[EventCandidate]:
    holders: dict[EventKey, set[str]] = defaultdict(set)
    for annotation_set in sets:
        spans = {s.id: s for s in annotation_set.spans}
        for event in annotation_set.events:
            key = event_key(event, spans)
            if key is not None:
                holders[key].add(annotation_set.annotator)
    in_gold: set[EventKey] = set()
    if gold:
        gold_spans = {s.id: s for s in gold.spans}
        in_gold = {k for e in gold.events if (k := event_key(e, gold_spans)) is not None}
    return [
        EventCandidate(key, tuple(sorted(names)), agreement_of(len(names), len(sets)), key in in_gold)
        for key, names in sorted(holders.items(), key=lambda item: item[0][0])
    ]


def agreed_annotations(
    sets: Sequence[AnnotationSet], minimum: Agreement = Agreement.ALL
) -> tuple[tuple[Span, ...], tuple[Event, ...]]:
    """New spans and events (fresh ids) for what the annotators agree on: all of them, or a
    majority when ``minimum`` is MAJORITY. An event is kept with its trigger and fillers."""
    accepted = {Agreement.ALL} if minimum is Agreement.ALL else {Agreement.ALL, Agreement.MAJORITY}
    spans: dict[SpanKey, Span] = {}
    for candidate in span_candidates(sets):
        if candidate.agreement in accepted:
            start, end, label = candidate.key
            spans[candidate.key] = Span(new_id(), start, end, label, candidate.text)
    events = []
    for candidate in event_candidates(sets):
        if candidate.agreement not in accepted:
            continue
        trigger_key, arguments = candidate.key
        fillers = [((a, b, label), role) for a, b, label, role in arguments]
        if trigger_key not in spans or any(key not in spans for key, _ in fillers):
            continue
        events.append(
            Event(
                new_id(),
                trigger_key[2],
                spans[trigger_key].id,
                tuple(Argument(role, span_id=spans[key].id) for key, role in sorted(fillers)),
            )
        )
    triggers = {span_key(s) for a in sets for s in a.spans if s.id in _trigger_ids(a)}
    used = {e.trigger_span_id for e in events}
    kept = tuple(s for key, s in spans.items() if key not in triggers or s.id in used)
    return kept, tuple(events)


def _trigger_ids(annotation_set: AnnotationSet) -> set[str]:
    return {event.trigger_span_id for event in annotation_set.events}
