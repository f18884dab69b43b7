"""Hypothesis strategies: random corpora of documents, tokens, spans, events, relations,
document labels and statuses."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from workbench.core.agreement import DocumentAnnotations
from workbench.core.model import (
    AnnotationSet,
    Argument,
    DocumentLabelValue,
    Event,
    Relation,
    Span,
    Status,
)

NAMES = ("A", "B", "C", "D")
LABELS = ("PER", "LOC", "ORG")
EVENT_TYPES = ("Attack", "Meet")
ROLES = ("Agent", "Place")
RELATION_TYPES = ("member-of", "near")
SYMMETRIC_TYPES = frozenset({"near"})
RELEVANCE = ("yes", "no", "maybe")
TOPICS = ("war", "economy", "health")

RawSpan = tuple[int, int, str]


@dataclass(frozen=True)
class RawEvent:
    trigger: tuple[int, int]
    type: str
    arguments: tuple[tuple[int, int, str], ...]  # (start, end, role); the filler is an entity


@dataclass(frozen=True)
class RawRelation:
    type: str
    source: RawSpan  # entity spans of the same annotator
    target: RawSpan


@dataclass(frozen=True)
class RawDocument:
    length: int
    tokens: tuple[tuple[int, int], ...]
    spans: dict[str, tuple[RawSpan, ...]]  # annotator -> entity spans (distinct)
    events: dict[str, tuple[RawEvent, ...]]
    status: dict[str, str]  # annotator -> "done" | "in_progress" | "absent"
    relations: dict[str, tuple[RawRelation, ...]] = field(default_factory=dict)
    labels: dict[str, dict[str, DocumentLabelValue]] = field(default_factory=dict)


@dataclass(frozen=True)
class Corpus:
    annotators: tuple[str, ...]
    documents: tuple[RawDocument, ...]

    def finished(self, document: RawDocument, annotator: str) -> bool:
        return document.status[annotator] == "done"

    def build(self) -> list[DocumentAnnotations]:
        return [to_document(f"d{i}", d) for i, d in enumerate(self.documents)]


@st.composite
def token_grids(draw: st.DrawFn, length: int) -> tuple[tuple[int, int], ...]:
    """Tokens of 1-4 characters separated by 0-2 characters of space."""
    tokens = []
    position = draw(st.integers(0, 2))
    while position < length:
        end = min(length, position + draw(st.integers(1, 4)))
        tokens.append((position, end))
        position = end + draw(st.integers(0, 2))
    return tuple(tokens)


@st.composite
def spans_in(
    draw: st.DrawFn, length: int, max_spans: int, labels: tuple[str, ...] = LABELS
) -> tuple[RawSpan, ...]:
    if length == 0:
        return ()
    spans = set()
    for _ in range(draw(st.integers(0, max_spans))):
        start = draw(st.integers(0, length - 1))
        end = draw(st.integers(start + 1, min(length, start + 12)))
        spans.add((start, end, draw(st.sampled_from(labels))))
    return tuple(sorted(spans))


@st.composite
def events_over(
    draw: st.DrawFn, length: int, entities: tuple[RawSpan, ...]
) -> tuple[RawEvent, ...]:
    if length == 0:
        return ()
    events = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, length - 1))
        end = draw(st.integers(start + 1, min(length, start + 5)))
        arguments: set[tuple[int, int, str]] = set()
        if entities:
            for _ in range(draw(st.integers(0, 3))):
                s, e, _label = draw(st.sampled_from(entities))
                arguments.add((s, e, draw(st.sampled_from(ROLES))))
        events.append(
            RawEvent((start, end), draw(st.sampled_from(EVENT_TYPES)), tuple(sorted(arguments)))
        )
    return tuple(events)


@st.composite
def relations_over(draw: st.DrawFn, entities: tuple[RawSpan, ...]) -> tuple[RawRelation, ...]:
    """Relations between distinct entities; the same pair twice, or both ways, may happen."""
    if len(entities) < 2:
        return ()
    relations = []
    for _ in range(draw(st.integers(0, 4))):
        ends = st.lists(st.sampled_from(entities), min_size=2, max_size=2, unique=True)
        source, target = draw(ends)
        relations.append(RawRelation(draw(st.sampled_from(RELATION_TYPES)), source, target))
    return tuple(relations)


@st.composite
def document_labels(draw: st.DrawFn) -> dict[str, DocumentLabelValue]:
    """A single-choice "relevance" and a multiple-choice "topic", each perhaps left out."""
    labels: dict[str, DocumentLabelValue] = {}
    if draw(st.integers(0, 4)):
        labels["relevance"] = draw(st.sampled_from(RELEVANCE))
    if draw(st.integers(0, 4)):
        labels["topic"] = tuple(sorted(draw(st.sets(st.sampled_from(TOPICS)))))
    return labels


@st.composite
def corpora(
    draw: st.DrawFn,
    *,
    min_annotators: int = 1,
    max_annotators: int = 4,
    max_documents: int = 4,
    max_length: int = 40,
    max_spans: int = 6,
    labels: tuple[str, ...] = LABELS,
    with_events: bool = False,
    with_relations: bool = False,
    with_labels: bool = False,
    complete: bool | None = None,
) -> Corpus:
    """``complete``: True = everybody finished everything, None = random statuses."""
    count = draw(st.integers(min_annotators, max_annotators))
    annotators = NAMES[:count]
    documents = []
    for _ in range(draw(st.integers(1, max_documents))):
        length = draw(st.integers(0, max_length))
        tokens = draw(token_grids(length))
        spans = {a: draw(spans_in(length, max_spans, labels)) for a in annotators}
        events = {a: draw(events_over(length, spans[a])) for a in annotators} if with_events else {}
        relations = (
            {a: draw(relations_over(spans[a])) for a in annotators} if with_relations else {}
        )
        answers = {a: draw(document_labels()) for a in annotators} if with_labels else {}
        if complete:
            status = dict.fromkeys(annotators, "done")
        else:
            status = {
                a: draw(st.sampled_from(("done", "done", "done", "in_progress", "absent")))
                for a in annotators
            }
        documents.append(RawDocument(length, tokens, spans, events, status, relations, answers))
    return Corpus(annotators, tuple(documents))


def to_document(document_id: str, raw: RawDocument) -> DocumentAnnotations:
    """The model objects for one raw document (events get their own trigger spans)."""
    sets = []
    for annotator, status in raw.status.items():
        if status == "absent":
            continue
        spans = [
            Span(f"{annotator}-s{i}", s, e, label, "")
            for i, (s, e, label) in enumerate(raw.spans[annotator])
        ]
        ids = {(s.start, s.end): s.id for s in spans}
        events = []
        for i, event in enumerate(raw.events.get(annotator, ())):
            trigger = Span(f"{annotator}-t{i}", event.trigger[0], event.trigger[1], event.type, "")
            spans.append(trigger)
            arguments = tuple(Argument(role, span_id=ids[(s, e)]) for s, e, role in event.arguments)
            events.append(Event(f"{annotator}-e{i}", event.type, trigger.id, arguments))
        entity_ids = {(s.start, s.end, s.label): s.id for s in spans[: len(raw.spans[annotator])]}
        relations = tuple(
            Relation(f"{annotator}-r{i}", r.type, entity_ids[r.source], entity_ids[r.target])
            for i, r in enumerate(raw.relations.get(annotator, ()))
        )
        sets.append(
            AnnotationSet(
                annotator,
                tuple(spans),
                tuple(events),
                Status.DONE if status == "done" else Status.IN_PROGRESS,
                relations=relations,
                document_labels=dict(raw.labels.get(annotator, {})),
            )
        )
    return DocumentAnnotations.from_sets(document_id, raw.length, raw.tokens, sets)
