"""The measures' input: one document's annotation sets, and the layers read from a set.

The caller (the app layer) builds one :class:`DocumentAnnotations` per document from the store.
Everything here is plain data: no Qt, no SQLite.

Layers read from an :class:`~workbench.core.model.AnnotationSet`:

- **entities**: the set's spans that are not the trigger of one of the set's events, as
  ``(start, end, label)``. Duplicates (same range and label; the store forbids them) count once.
- **events**: each event as an :class:`EventMention`: trigger offsets, type, and its arguments as
  a set of ``(start, end, role)``. An argument filled by another event (``event_id``) takes the
  offsets of that event's trigger, since a nested event is identified by its trigger.
- **relations**: read in :mod:`.relations`; **document labels** are the set's own dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from workbench.core.model import AnnotationSet, Span, Status

from .values import PAIR_SEPARATOR

EntitySpan = tuple[int, int, str]
"""``(start, end, label)``: half-open code point offsets and the entity label."""

Argument = tuple[int, int, str]
"""``(start, end, role)``: the argument filler's offsets and its role."""

TokenBounds = npt.NDArray[np.int64]
"""A document's tokens as an array of ``(start, end)`` rows: its few hundred tokens are checked
and laid out for the token measures by whole-array operations, where pairs of ints were walked
one by one (a third of the report's own time at 10,000 documents)."""
TokenRanges = Sequence[tuple[int, int]] | TokenBounds


@dataclass(frozen=True, slots=True)
class EventMention:
    trigger_start: int
    trigger_end: int
    type: str
    arguments: frozenset[Argument]


@dataclass(frozen=True, eq=False)
class DocumentAnnotations:
    """One document as the agreement measures see it.

    - ``text_length``: the length of the document text in code points; the continuum of alpha_U.
    - ``tokens``: ``(start, end)`` token ranges in text order, not overlapping (the caller
      passes camel-tools tokens; ``from_sets`` takes them as pairs too); the units of the
      token-level coefficients.
    - ``sets``: annotator -> that annotator's set on this document. An annotator who is absent was
      not assigned the document.
    - ``finished``: the annotators who finished the document (status done). Only their sets count:
      the tokens of anyone else are *missing*, never "O", and pairwise measures use the documents
      both annotators finished. A finished set with no spans means "found nothing".
    """

    document_id: str
    text_length: int
    tokens: TokenBounds
    sets: Mapping[str, AnnotationSet]
    finished: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.text_length < 0:
            raise ValueError(f"document {self.document_id}: negative text length")
        unknown = self.finished - set(self.sets)
        if unknown:
            raise ValueError(
                f"document {self.document_id}: finished by {sorted(unknown)} who have no set"
            )
        flat = self.tokens.ravel()
        steps = np.diff(flat, prepend=0)  # start - previous end, end - start, ...
        wrong = (steps[0::2] < 0) | (steps[1::2] <= 0)
        if wrong.any() or (flat.size and flat[-1] > self.text_length):
            start, end = self.tokens[int(wrong.argmax()) if wrong.any() else -1].tolist()
            raise ValueError(
                f"document {self.document_id}: token [{start}, {end}) is empty, outside the "
                f"text of length {self.text_length}, or not after the previous token"
            )

    @classmethod
    def from_sets(
        cls,
        document_id: str,
        text_length: int,
        tokens: TokenRanges,
        sets: Iterable[AnnotationSet],
    ) -> DocumentAnnotations:
        """Build from a document's sets; an annotator has finished when the set's status is done."""
        by_annotator = {s.annotator: s for s in sets}
        finished = frozenset(a for a, s in by_annotator.items() if s.status is Status.DONE)
        return cls(document_id, text_length, token_bounds(tokens), by_annotator, finished)

    def finished_among(self, annotators: Iterable[str]) -> list[str]:
        """The given annotators who finished this document, in the given order."""
        return [a for a in annotators if a in self.finished]


def token_bounds(tokens: TokenRanges) -> TokenBounds:
    return np.ascontiguousarray(np.asarray(tokens, dtype=np.int64).reshape(-1, 2))


def check_annotator_names(annotators: Sequence[str]) -> None:
    if len(set(annotators)) != len(annotators):
        raise ValueError(f"annotator names repeat: {list(annotators)}")
    for name in annotators:
        if not name or PAIR_SEPARATOR in name:
            raise ValueError(
                f"annotator name {name!r} is empty or contains {PAIR_SEPARATOR!r}, "
                "which separates the names in a pair key"
            )


def trigger_span_ids(annotation_set: AnnotationSet) -> frozenset[str]:
    return frozenset(event.trigger_span_id for event in annotation_set.events)


def entity_spans(annotation_set: AnnotationSet, text_length: int) -> tuple[EntitySpan, ...]:
    """The set's entity layer as sorted, distinct ``(start, end, label)``."""
    triggers = trigger_span_ids(annotation_set)
    spans = {(s.start, s.end, s.label) for s in annotation_set.spans if s.id not in triggers}
    for start, end, _ in spans:
        if not 0 <= start < end <= text_length:
            bad = next(s for s in annotation_set.spans if (s.start, s.end) == (start, end))
            check_span(bad, text_length, annotation_set.annotator)
    return tuple(sorted(spans))


def event_mentions(annotation_set: AnnotationSet, text_length: int) -> tuple[EventMention, ...]:
    """The set's events with offsets resolved; a dangling reference is a ``ValueError``."""
    spans = {span.id: span for span in annotation_set.spans}
    events = {event.id: event for event in annotation_set.events}
    who = annotation_set.annotator

    def span_of(span_id: str, context: str) -> Span:
        span = spans.get(span_id)
        if span is None:
            raise ValueError(f"{who}: {context} refers to a missing span {span_id}")
        check_span(span, text_length, who)
        return span

    mentions = []
    for event in annotation_set.events:
        trigger = span_of(event.trigger_span_id, f"event {event.id}")
        arguments = set()
        for argument in event.arguments:
            if argument.span_id is not None:
                filler = span_of(argument.span_id, f"an argument of event {event.id}")
            elif argument.event_id is not None and argument.event_id in events:
                filler = span_of(
                    events[argument.event_id].trigger_span_id, f"event {argument.event_id}"
                )
            else:
                raise ValueError(
                    f"{who}: an argument of event {event.id} has no span or known event filler"
                )
            arguments.add((filler.start, filler.end, argument.role))
        mentions.append(EventMention(trigger.start, trigger.end, event.type, frozenset(arguments)))
    return tuple(mentions)


def check_span(span: Span, text_length: int, who: str) -> None:
    if not 0 <= span.start < span.end <= text_length:
        raise ValueError(
            f"{who}: span {span.id} [{span.start}, {span.end}) is empty or outside the text "
            f"of length {text_length}"
        )
