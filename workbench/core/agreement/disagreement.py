"""A per-document disagreement score, for sorting documents on a dashboard.

``disagreement = unmatched / annotations``, summed over every pair of annotators who finished
the document, where an annotation is

- an entity ``(start, end, label)``,
- an event trigger ``(start, end, type)``,
- an event argument attached to its trigger ``(trigger offsets, type, argument offsets, role)``,
- a relation by content (:class:`~.relations.RelationMention`: type and both ends),
- a document label value ``(field, value)``, each value of a multiple choice on its own,

``annotations`` counts each pair's ``|A| + |B|`` and ``unmatched`` the annotations of either side
without an exact counterpart on the other side (``|A| + |B| - 2 TP``). It is ``1 - F1`` pooled over
pairs and layers: 0 when everyone agrees exactly, 1 when no annotation is shared. It is strict on
purpose: a boundary that differs by a clitic is a disagreement an adjudicator has to resolve.
``unmatched`` alone ranks documents by the amount of work instead.

Undefined when fewer than two annotators finished the document, or when none of them annotated
anything (nothing to disagree about is not the same as agreement on something).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from workbench.core.model import DocumentLabelValue

from .documents import EntitySpan, EventMention
from .relations import RelationMention
from .values import FEWER_THAN_TWO_FINISHED, Score, Undefined

AnnotationKey = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class DocumentDisagreement:
    score: Score
    unmatched: int
    annotations: int


def annotation_keys(
    entities: Sequence[EntitySpan],
    events: Sequence[EventMention],
    relations: Sequence[RelationMention] = (),
    document_labels: Mapping[str, DocumentLabelValue] | None = None,
) -> frozenset[AnnotationKey]:
    keys: set[AnnotationKey] = {("entity", *span) for span in entities}
    for event in events:
        trigger = (event.trigger_start, event.trigger_end, event.type)
        keys.add(("trigger", *trigger))
        keys.update(("argument", *trigger, *argument) for argument in event.arguments)
    keys.update(("relation", relation) for relation in relations)
    for name, value in (document_labels or {}).items():
        chosen = (value,) if isinstance(value, str) else value
        keys.update(("document_label", name, item) for item in chosen)
    return frozenset(keys)


def document_disagreement(
    entities: Mapping[str, Sequence[EntitySpan]],
    events: Mapping[str, Sequence[EventMention]],
    relations: Mapping[str, Sequence[RelationMention]] | None = None,
    document_labels: Mapping[str, Mapping[str, DocumentLabelValue]] | None = None,
) -> DocumentDisagreement:
    """The score over the annotators given (those who finished the document)."""
    annotators = list(entities)
    if len(annotators) < 2:
        return DocumentDisagreement(
            Undefined(FEWER_THAN_TWO_FINISHED), 0, 0
        )
    relations = relations or {}
    document_labels = document_labels or {}
    keys = {
        a: annotation_keys(
            entities[a], events.get(a, ()), relations.get(a, ()), document_labels.get(a)
        )
        for a in annotators
    }
    unmatched = total = 0
    for a, b in combinations(annotators, 2):
        total += len(keys[a]) + len(keys[b])
        unmatched += len(keys[a] ^ keys[b])
    if total == 0:
        return DocumentDisagreement(Undefined("no annotations from any annotator"), 0, 0)
    return DocumentDisagreement(unmatched / total, unmatched, total)
