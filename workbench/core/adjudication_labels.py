"""Adjudicating document labels: each field's answers side by side (issue 14).

An answer is a field's value in an annotator's set: one value, or for a multiple choice the set
of values chosen (compared as a set: the order they were picked in does not count). Every
distinct answer is a candidate with who gave it; a field whose candidates are not all agreed
on is a disagreement. Accepting a candidate (``add_to_gold``) makes it gold's answer for the
field, replacing the one gold had.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.adjudication import Agreement, accepted_levels, agreement_of
from workbench.core.model import AnnotationSet, DocumentLabelValue


@dataclass(frozen=True, slots=True)
class DocumentLabelCandidate:
    """One answer to one field, and who gave it."""

    field: str
    value: DocumentLabelValue
    annotators: tuple[str, ...]
    agreement: Agreement
    in_gold: bool


def answer_key(value: DocumentLabelValue) -> DocumentLabelValue:
    """A multiple choice with its values sorted, so that the same set compares equal."""
    return value if isinstance(value, str) else tuple(sorted(value))


def document_label_candidates(
    sets: Sequence[AnnotationSet], gold: AnnotationSet | None = None
) -> list[DocumentLabelCandidate]:
    """Every answer of the annotators, fields in name order, the answers given most first."""
    holders: dict[tuple[str, DocumentLabelValue], set[str]] = defaultdict(set)
    for annotation_set in sets:
        for name, value in annotation_set.document_labels.items():
            holders[(name, answer_key(value))].add(annotation_set.annotator)
    gold_answers = {
        (name, answer_key(value))
        for name, value in (gold.document_labels.items() if gold is not None else ())
    }
    ordered = sorted(holders.items(), key=lambda item: (item[0][0], -len(item[1]), str(item[0][1])))
    return [
        DocumentLabelCandidate(
            name,
            value,
            tuple(sorted(names)),
            agreement_of(len(names), len(sets)),
            (name, value) in gold_answers,
        )
        for (name, value), names in ordered
    ]


def disagreeing_fields(candidates: Sequence[DocumentLabelCandidate]) -> list[str]:
    """The fields on which not every annotator compared gave the same answer."""
    return sorted({c.field for c in candidates if c.agreement is not Agreement.ALL})


def agreed_document_labels(
    sets: Sequence[AnnotationSet], minimum: Agreement = Agreement.ALL
) -> dict[str, DocumentLabelValue]:
    """The answers all (or a majority) of the annotators gave: at most one per field."""
    accepted = accepted_levels(minimum)
    return {
        candidate.field: candidate.value
        for candidate in document_label_candidates(sets)
        if candidate.agreement in accepted
    }
