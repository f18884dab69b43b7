"""Adjudication: the annotators' spans and events laid side by side, and what they agree on.

An annotation is compared by its content, not its id: a span by (start, end, label); an event by
its trigger's range and its type; an argument, within its event, by its filler's range and label
and its role. So two annotators who marked the same trigger with the same type agree on the
event even when they gave it different arguments; each argument is a candidate of its own, with
who gave it. (Arguments filled by an event, not a span, are not compared.)

A relation is compared by its type and its ends' ranges and labels (a symmetric type's ends in
either order); relation and document-label candidates are made in ``adjudication_relations.py``
and ``adjudication_labels.py``.

Gold grows by ``add_to_gold``: what it lacks of some annotations is added (a span gold has with
the same range and label, an event gold has on the same trigger, an argument its event has, a
relation gold has, are not added twice; a document label given replaces gold's answer for that
field), so accepting the same thing twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from workbench.core.model import (
    GOLD,
    AnnotationSet,
    Argument,
    DocumentLabelValue,
    Event,
    Relation,
    Span,
    Status,
    new_id,
)

SpanKey = tuple[int, int, str]
"""A span's range and label; for a trigger, its range and the event type."""
ArgumentKey = tuple[int, int, str, str]
"""The filler's range and label, and the role."""
RelationKey = tuple[str, SpanKey, SpanKey]
"""The type and the ends' keys (a symmetric type's ends in sorted order)."""


class Agreement(StrEnum):
    ALL = "all"
    """Every annotator compared has it."""
    MAJORITY = "majority"
    """More than half of them have it, not all."""
    SOME = "some"
    """Half of them or fewer."""


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    """An entity span (a span that triggers no event)."""

    key: SpanKey
    text: str
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool


@dataclass(frozen=True, slots=True)
class ArgumentCandidate:
    """One argument of an event candidate: ``event`` is the event's key."""

    event: SpanKey
    key: ArgumentKey
    text: str
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event: its trigger's range and type (``key``), and its arguments' candidates."""

    key: SpanKey
    text: str
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool
    arguments: tuple[ArgumentCandidate, ...] = ()


Candidate = SpanCandidate | EventCandidate | ArgumentCandidate


@dataclass(frozen=True, slots=True)
class Added:
    """What an addition to gold added."""

    spans: int = 0
    events: int = 0
    arguments: int = 0
    relations: int = 0
    document_labels: int = 0
    """Fields whose answer in gold changed."""

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__slots__)

    def __add__(self, other: Added) -> Added:
        return Added(*(getattr(self, n) + getattr(other, n) for n in self.__slots__))


def span_key(span: Span) -> SpanKey:
    return (span.start, span.end, span.label)


def relation_key(
    relation: Relation, spans: Mapping[str, Span], symmetric: Collection[str] = ()
) -> RelationKey | None:
    """The relation by content, or None when an end is not among ``spans``."""
    source, target = spans.get(relation.from_span_id), spans.get(relation.to_span_id)
    if source is None or target is None:
        return None
    ends = (span_key(source), span_key(target))
    if relation.type in symmetric:
        ends = (min(ends), max(ends))
    return (relation.type, *ends)


def agreement_of(count: int, of: int) -> Agreement:
    if count == of:
        return Agreement.ALL
    return Agreement.MAJORITY if count * 2 > of else Agreement.SOME


@dataclass(frozen=True, slots=True)
class _EventContent:
    key: SpanKey
    text: str
    arguments: dict[ArgumentKey, str]
    """Each argument's key and its filler's text."""


def _events_of(annotation_set: AnnotationSet) -> list[_EventContent]:
    spans = {s.id: s for s in annotation_set.spans}
    found = []
    for event in annotation_set.events:
        trigger = spans.get(event.trigger_span_id)
        if trigger is None:
            continue
        fillers = {
            (filler.start, filler.end, filler.label, argument.role): filler.text
            for argument in event.arguments
            if (filler := spans.get(argument.span_id or "")) is not None
        }
        found.append(_EventContent((trigger.start, trigger.end, event.type), trigger.text, fillers))
    return found


def _trigger_ids(annotation_set: AnnotationSet) -> set[str]:
    return {event.trigger_span_id for event in annotation_set.events}


def _gold_content(gold: AnnotationSet | None) -> tuple[set[SpanKey], dict[SpanKey, set[ArgumentKey]]]:
    """Gold's entity span keys, and its events' keys with their arguments' keys."""
    if gold is None:
        return set(), {}
    triggers = _trigger_ids(gold)
    spans = {span_key(s) for s in gold.spans if s.id not in triggers}
    events: dict[SpanKey, set[ArgumentKey]] = defaultdict(set)
    for content in _events_of(gold):
        events[content.key] |= set(content.arguments)
    return spans, events


def span_candidates(
    sets: Sequence[AnnotationSet], gold: AnnotationSet | None = None
) -> list[SpanCandidate]:
    """Every distinct entity span of the annotators, in text order, with who has it."""
    holders: dict[SpanKey, set[str]] = defaultdict(set)
    texts: dict[SpanKey, str] = {}
    for annotation_set in sets:
        triggers = _trigger_ids(annotation_set)
        for span in annotation_set.spans:
            if span.id not in triggers:
                holders[span_key(span)].add(annotation_set.annotator)
                texts[span_key(span)] = span.text
    in_gold, _ = _gold_content(gold)
    return [
        SpanCandidate(
            key, texts[key], tuple(sorted(names)), agreement_of(len(names), len(sets)), key in in_gold
        )
        for key, names in sorted(holders.items())
    ]


def event_candidates(
    sets: Sequence[AnnotationSet], gold: AnnotationSet | None = None
) -> list[EventCandidate]:
    """Every distinct event (trigger range and type) of the annotators, in text order, with who
    has it, and its arguments with who gave them."""
    holders: dict[SpanKey, set[str]] = defaultdict(set)
    texts: dict[SpanKey, str] = {}
    argument_holders: dict[SpanKey, dict[ArgumentKey, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    argument_texts: dict[ArgumentKey, str] = {}
    for annotation_set in sets:
        for content in _events_of(annotation_set):
            holders[content.key].add(annotation_set.annotator)
            texts[content.key] = content.text
            for argument, text in content.arguments.items():
                argument_holders[content.key][argument].add(annotation_set.annotator)
                argument_texts[argument] = text
    _, gold_events = _gold_content(gold)
    candidates = []
    for key, names in sorted(holders.items()):
        arguments = tuple(
            ArgumentCandidate(
                key,
                argument,
                argument_texts[argument],
                tuple(sorted(who)),
                agreement_of(len(who), len(sets)),
                argument in gold_events.get(key, set()),
            )
            for argument, who in sorted(argument_holders[key].items())
        )
        candidates.append(
            EventCandidate(
                key,
                texts[key],
                tuple(sorted(names)),
                agreement_of(len(names), len(sets)),
                key in gold_events,
                arguments,
            )
        )
    return candidates


def all_candidates(
    sets: Sequence[AnnotationSet], gold: AnnotationSet | None = None
) -> list[Candidate]:
    """Spans and events in text order, each event followed by its arguments."""
    ordered: list[SpanCandidate | EventCandidate] = [
        *span_candidates(sets, gold),
        *event_candidates(sets, gold),
    ]
    ordered.sort(key=lambda c: (c.key, isinstance(c, EventCandidate)))
    rows: list[Candidate] = []
    for candidate in ordered:
        rows.append(candidate)
        if isinstance(candidate, EventCandidate):
            rows.extend(candidate.arguments)
    return rows


def accepted_levels(minimum: Agreement) -> set[Agreement]:
    return {Agreement.ALL} if minimum is Agreement.ALL else {Agreement.ALL, Agreement.MAJORITY}


def event_annotations(
    event: EventCandidate, arguments: Iterable[ArgumentCandidate]
) -> tuple[list[Span], Event]:
    """New spans (the trigger, the fillers) and an event for ``event`` with ``arguments``."""
    start, end, event_type = event.key
    trigger = Span(new_id(), start, end, event_type, event.text)
    spans = [trigger]
    filled = []
    for argument in arguments:
        a, b, label, role = argument.key
        filler = Span(new_id(), a, b, label, argument.text)
        spans.append(filler)
        filled.append(Argument(role, span_id=filler.id))
    return spans, Event(new_id(), event_type, trigger.id, tuple(filled))


def agreed_annotations(
    sets: Sequence[AnnotationSet], minimum: Agreement = Agreement.ALL
) -> tuple[tuple[Span, ...], tuple[Event, ...]]:
    """New spans and events (fresh ids) for what the annotators agree on: all of them, or a
    majority when ``minimum`` is MAJORITY. An event agreed on comes with the arguments agreed on
    at the same level (and their fillers)."""
    accepted = accepted_levels(minimum)
    spans = [
        Span(new_id(), *candidate.key, candidate.text)
        for candidate in span_candidates(sets)
        if candidate.agreement in accepted
    ]
    events = []
    for candidate in event_candidates(sets):
        if candidate.agreement in accepted:
            arguments = [a for a in candidate.arguments if a.agreement in accepted]
            event_spans, event = event_annotations(candidate, arguments)
            spans.extend(event_spans)
            events.append(event)
    return tuple(spans), tuple(events)


def accepted_at_majority(event: EventCandidate) -> list[ArgumentCandidate]:
    """The arguments of ``event`` that all or a majority gave: what accepting the event brings."""
    return [a for a in event.arguments if a.agreement in accepted_levels(Agreement.MAJORITY)]


def empty_gold(status: Status = Status.IN_PROGRESS) -> AnnotationSet:
    return AnnotationSet(GOLD, status=status)


def add_to_gold(
    gold: AnnotationSet,
    spans: Sequence[Span],
    events: Sequence[Event] = (),
    relations: Sequence[Relation] = (),
    document_labels: Mapping[str, DocumentLabelValue] | None = None,
    symmetric: Collection[str] = (),
) -> tuple[AnnotationSet, Added]:
    """``gold`` with what it lacks of ``spans``, ``events`` and ``relations`` (whose triggers,
    span fillers and ends are among ``spans``), under new ids, and with ``document_labels``'
    answers; and what was added. ``symmetric``: the relation types whose ends have no order.
    See the module docstring."""
    writer = _GoldWriter(gold, symmetric)
    source = {span.id: span for span in spans}
    triggers = {event.trigger_span_id for event in events}
    for span in spans:
        if span.id not in triggers:
            writer.span(span)
    for event in events:
        trigger = source.get(event.trigger_span_id)
        if trigger is not None:
            fillers = [
                (argument.role, source[argument.span_id])
                for argument in event.arguments
                if argument.span_id in source
            ]
            writer.event(event, trigger, fillers)
    for relation in relations:
        if relation.from_span_id in source and relation.to_span_id in source:
            writer.relation(relation, source[relation.from_span_id], source[relation.to_span_id])
    writer.answer(document_labels or {})
    return writer.result(), writer.added


class _GoldWriter:
    """Adds to a copy of gold, finding what it holds by content."""

    def __init__(self, gold: AnnotationSet, symmetric: Collection[str] = ()) -> None:
        self._gold = gold
        self._spans = list(gold.spans)
        self._events = list(gold.events)
        self._relations = list(gold.relations)
        self._labels = dict(gold.document_labels)
        self._symmetric = symmetric
        triggers = _trigger_ids(gold)
        self._entity_ids = {span_key(s): s.id for s in gold.spans if s.id not in triggers}
        self._span_ids = {span_key(s): s.id for s in gold.spans}
        spans = {s.id: s for s in gold.spans}
        self._event_at = {
            (spans[e.trigger_span_id].start, spans[e.trigger_span_id].end, e.type): number
            for number, e in enumerate(gold.events)
            if e.trigger_span_id in spans
        }
        self._relation_keys = {relation_key(r, spans, symmetric) for r in gold.relations}
        self.added = Added()

    def span(self, span: Span) -> str:
        """The id of gold's span with ``span``'s content, added if need be."""
        key = span_key(span)
        if key not in self._span_ids:
            copy = replace(span, id=new_id())
            self._spans.append(copy)
            self._span_ids[key] = copy.id
            self.added += Added(spans=1)
        return self._span_ids[key]

    def event(self, event: Event, trigger: Span, fillers: Sequence[tuple[str, Span]]) -> None:
        key = (trigger.start, trigger.end, event.type)
        if key not in self._event_at:
            trigger_id = self._trigger_id(trigger, event.type)
            self._events.append(replace(event, id=new_id(), trigger_span_id=trigger_id, arguments=()))
            self._event_at[key] = len(self._events) - 1
            self.added += Added(events=1)
        number = self._event_at[key]
        for role, filler in fillers:
            argument = Argument(role, span_id=self.span(filler))
            held = self._events[number]
            if argument not in held.arguments:
                self._events[number] = replace(held, arguments=(*held.arguments, argument))
                self.added += Added(arguments=1)

    def relation(self, relation: Relation, source: Span, target: Span) -> None:
        key = relation_key(relation, {source.id: source, target.id: target}, self._symmetric)
        if key not in self._relation_keys:
            self._relations.append(
                replace(
                    relation, id=new_id(), from_span_id=self.span(source), to_span_id=self.span(target)
                )
            )
            self._relation_keys.add(key)
            self.added += Added(relations=1)

    def answer(self, labels: Mapping[str, DocumentLabelValue]) -> None:
        for name, value in labels.items():
            if self._labels.get(name) != value:
                self._labels[name] = value
                self.added += Added(document_labels=1)

    def _trigger_id(self, trigger: Span, event_type: str) -> str:
        """Gold's span on the trigger's range with the type, which no event uses yet (one
        was left without its event, say), or a new one."""
        key = (trigger.start, trigger.end, event_type)
        if key not in self._span_ids:
            copy = replace(trigger, id=new_id(), label=event_type, attributes={})
            self._spans.append(copy)
            self._span_ids[key] = copy.id
        return self._span_ids[key]

    def result(self) -> AnnotationSet:
        return replace(
            self._gold,
            spans=tuple(self._spans),
            events=tuple(self._events),
            relations=tuple(self._relations),
            document_labels=self._labels,
        )


def same_content(a: AnnotationSet | None, b: AnnotationSet | None) -> bool:
    """Whether two sets hold the same spans, events, relations, document labels and status
    (ids and revisions aside)."""
    return _content(a) == _content(b)


def _content(annotations: AnnotationSet | None) -> tuple[object, ...]:
    if annotations is None:
        return ((), (), (), {}, None)
    spans, events = _gold_content(annotations)
    by_id = {span.id: span for span in annotations.spans}
    relations = sorted(
        key for relation in annotations.relations if (key := relation_key(relation, by_id))
    )
    return (
        sorted(spans),
        sorted((k, sorted(v)) for k, v in events.items()),
        relations,
        annotations.document_labels,
        annotations.status,
    )


def holders_span(sets: Sequence[AnnotationSet], annotator: str, key: SpanKey) -> Span:
    """``annotator``'s span with this content (its attributes and note travel with it)."""
    chosen = next(s for s in sets if s.annotator == annotator)
    return next(span for span in chosen.spans if span_key(span) == key)

