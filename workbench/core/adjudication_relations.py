"""Adjudicating relations: the annotators' relations side by side, by content (issue 14).

A relation candidate is a type and two ends, each end a span's range and label
(:func:`~workbench.core.adjudication.relation_key`); the relations of several annotators with
that content are one candidate, with who has it. A symmetric type's ends have no order, so
A->B and B->A are one candidate. Accepting a candidate (``add_to_gold``) brings the relation and,
where gold lacks them, its ends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workbench.core.adjudication import (
    Agreement,
    RelationKey,
    accepted_levels,
    agreement_of,
    relation_key,
)
from workbench.core.model import AnnotationSet, Relation, Span


@dataclass(frozen=True, slots=True)
class RelationCandidate:
    """A relation by content (``key``: type, source key, target key), with its ends' texts."""

    key: RelationKey
    texts: tuple[str, str]
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool
    symmetric: bool = False

    @property
    def type(self) -> str:
        return self.key[0]


def relation_candidates(
    sets: Sequence[AnnotationSet],
    gold: AnnotationSet | None = None,
    symmetric: Collection[str] = (),
) -> list[RelationCandidate]:
    """Every distinct relation of the annotators, ordered by its source's place in the text."""
    holders: dict[RelationKey, set[str]] = defaultdict(set)
    texts: dict[RelationKey, tuple[str, str]] = {}
    for annotation_set in sets:
        for key, (source, target) in _relations_of(annotation_set, symmetric).items():
            holders[key].add(annotation_set.annotator)
            texts[key] = _texts(key, source, target)
    in_gold = set(_relations_of(gold, symmetric)) if gold is not None else set()
    return [
        RelationCandidate(
            key,
            texts[key],
            tuple(sorted(names)),
            agreement_of(len(names), len(sets)),
            key in in_gold,
            key[0] in symmetric,
        )
        for key, names in sorted(holders.items(), key=lambda item: (item[0][1:], item[0][0]))
    ]


def holders_relation(
    sets: Sequence[AnnotationSet], candidate: RelationCandidate, symmetric: Collection[str] = ()
) -> tuple[list[Span], Relation]:
    """The first holder's relation with this content and its two ends (attributes travel)."""
    chosen = next(s for s in sets if s.annotator == candidate.annotators[0])
    spans = {span.id: span for span in chosen.spans}
    relation = next(
        r for r in chosen.relations if relation_key(r, spans, symmetric) == candidate.key
    )
    return [spans[relation.from_span_id], spans[relation.to_span_id]], relation


def agreed_relations(
    sets: Sequence[AnnotationSet],
    minimum: Agreement = Agreement.ALL,
    symmetric: Collection[str] = (),
) -> tuple[list[Span], list[Relation]]:
    """The relations all (or a majority) of the annotators have, each as its first holder made
    it, with their ends: what ``add_to_gold`` takes."""
    accepted = accepted_levels(minimum)
    spans: list[Span] = []
    relations: list[Relation] = []
    for candidate in relation_candidates(sets, symmetric=symmetric):
        if candidate.agreement in accepted:
            ends, relation = holders_relation(sets, candidate, symmetric)
            spans.extend(ends)
            relations.append(relation)
    return spans, relations


def _relations_of(
    annotation_set: AnnotationSet, symmetric: Collection[str]
) -> dict[RelationKey, tuple[Span, Span]]:
    """The set's relations by content, each with its ends (a relation whose end is missing is
    left out: there is nothing to show of it)."""
    spans = {span.id: span for span in annotation_set.spans}
    found = {}
    for relation in annotation_set.relations:
        key = relation_key(relation, spans, symmetric)
        if key is not None:
            found[key] = (spans[relation.from_span_id], spans[relation.to_span_id])
    return found


def _texts(key: RelationKey, source: Span, target: Span) -> tuple[str, str]:
    """The ends' texts in the key's order (a symmetric key may have swapped them)."""
    first = (source.start, source.end, source.label)
    return (source.text, target.text) if key[1] == first else (target.text, source.text)
