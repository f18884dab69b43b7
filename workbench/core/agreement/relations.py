"""Agreement on relations: pairwise F1 with exact and with overlapping ends (issue 14).

A relation is compared by its content, never its id: its type and its two ends, each end as the
span's ``(start, end, label)``. Per document each annotator's relations are a **set** (the same
relation twice counts once, as entities do). For annotators A (the reference side) and B,
``F1 = 2TP/(|A|+|B|)``, micro over the documents both finished, as span F1 (MEASURES.md §2.1).

- ``exact``: TP = the relations both have: same type, and each end the same offsets and label.
- ``overlap``: TP = the size of a one-to-one maximum-cardinality matching in which a relation
  of A may match one of B of the same type whose ends each share at least one character with,
  and carry the label of, their counterpart: a boundary that differs by a clitic is forgiven,
  a different entity label is not.

A **symmetric** type (the schema says so) carries no direction: its relations match with the
ends in either order, and A->B and B->A of one annotator are the same relation. A directed
type's ends must match in order. ``per_type`` restricts both sides to one type; TPs add up.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import partial

from workbench.core.model import AnnotationSet

from .documents import EntitySpan, check_span
from .matching import matching_size, overlaps
from .span_f1 import Counts

RELATION_MODES = ("exact", "overlap")


@dataclass(frozen=True, slots=True, order=True)
class RelationMention:
    """A relation by content; for a symmetric type the ends are in sorted order."""

    type: str
    source: EntitySpan
    target: EntitySpan


def relation_mentions(
    annotation_set: AnnotationSet, text_length: int, symmetric: Collection[str] = ()
) -> tuple[RelationMention, ...]:
    """The set's relations by content, distinct and sorted; a relation naming a span that is not
    in the set is a ``ValueError`` (the store guarantees integrity: it is a bug)."""
    spans = {span.id: span for span in annotation_set.spans}
    who = annotation_set.annotator
    mentions = set()
    for relation in annotation_set.relations:
        ends = []
        for span_id in (relation.from_span_id, relation.to_span_id):
            span = spans.get(span_id)
            if span is None:
                raise ValueError(
                    f"{who}: relation {relation.id} refers to a missing span {span_id}"
                )
            check_span(span, text_length, who)
            ends.append((span.start, span.end, span.label))
        source, target = ends
        if relation.type in symmetric and target < source:
            source, target = target, source
        mentions.add(RelationMention(relation.type, source, target))
    return tuple(sorted(mentions))


def ends_overlap(a: RelationMention, b: RelationMention, symmetric: bool) -> bool:
    """Whether ``b``'s ends overlap ``a``'s (in order, or either way for a symmetric type)."""
    if _same_label_overlap(a.source, b.source) and _same_label_overlap(a.target, b.target):
        return True
    return (
        symmetric
        and _same_label_overlap(a.source, b.target)
        and _same_label_overlap(a.target, b.source)
    )


def _same_label_overlap(x: EntitySpan, y: EntitySpan) -> bool:
    return x[2] == y[2] and overlaps(x[0], x[1], y[0], y[1])


@dataclass(slots=True)
class RelationCounts:
    """One pair's relation counts in both modes, overall and per type, pooled over documents."""

    symmetric: frozenset[str] = frozenset()
    modes: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in RELATION_MODES})
    per_type: dict[str, dict[str, Counts]] = field(default_factory=dict)
    documents: int = 0

    def add_document(self, a: Sequence[RelationMention], b: Sequence[RelationMention]) -> None:
        """Add one document's relations of A and of B (each from :func:`relation_mentions`)."""
        self.documents += 1
        a_by_type = _by_type(a)
        b_by_type = _by_type(b)
        for relation_type in a_by_type.keys() | b_by_type.keys():
            x = a_by_type.get(relation_type, [])
            y = b_by_type.get(relation_type, [])
            symmetric = relation_type in self.symmetric
            tp = {
                "exact": len(set(x) & set(y)),
                "overlap": matching_size(x, y, partial(ends_overlap, symmetric=symmetric)),
            }
            counts = self.per_type.setdefault(
                relation_type, {m: Counts() for m in RELATION_MODES}
            )
            for mode in RELATION_MODES:
                counts[mode].add(tp[mode], len(x), len(y))
                self.modes[mode].add(tp[mode], len(x), len(y))


def _by_type(mentions: Sequence[RelationMention]) -> dict[str, list[RelationMention]]:
    grouped: dict[str, list[RelationMention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.type, []).append(mention)
    return grouped
