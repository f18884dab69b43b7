"""Recommenders: what the project's own annotations suggest for a document not yet done (no Qt,
no SQLite; each is a plain function a window may call from a worker thread).

- ``gazetteer``: every labelled string of the project, found again normalization-insensitively
  and with its proclitics (``strings``);
- ``crf``: a conditional random field over Arabic word features, trained on the project's gold
  or done sets (``crf``);
- ``command``: any program reading documents as JSONL and writing spans as JSONL (``command``).

Each gives ``Recommendation``s: a range, a label, a score in [0, 1] and the recommender's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.suggestions import LabelledRange, TakenSpans


@dataclass(frozen=True, slots=True)
class Recommendation:
    start: int
    end: int
    label: str
    score: float
    recommender: str

    @property
    def key(self) -> LabelledRange:
        return (self.start, self.end, self.label)


@dataclass(frozen=True, slots=True)
class TrainingDocument:
    """A document's text and the labelled ranges an annotator (or gold) gave it."""

    text: str
    spans: Sequence[LabelledRange]


def without_rejected(
    found: Sequence[Recommendation], rejected: set[LabelledRange], taken: TakenSpans
) -> list[Recommendation]:
    """``found`` less what the annotator rejected and what the spans they have hide
    (``core.suggestions.hides``)."""
    return [r for r in found if r.key not in rejected and not taken.hide(*r.key)]


def best_per_range(found: Sequence[Recommendation]) -> list[Recommendation]:
    """One recommendation per range and label, the best scored; in text order."""
    best: dict[LabelledRange, Recommendation] = {}
    for recommendation in found:
        kept = best.get(recommendation.key)
        if kept is None or recommendation.score > kept.score:
            best[recommendation.key] = recommendation
    return sorted(best.values(), key=lambda r: (r.start, -r.end, r.label))


def merged(first: Sequence[Recommendation], second: Sequence[Recommendation]) -> list[Recommendation]:
    """``first``, and those of ``second`` that overlap none of them (strings + CRF: the CRF's
    spans, and the gazetteer's where the CRF saw nothing)."""
    taken = sorted((r.start, r.end) for r in first)
    kept = [r for r in second if not any(s < r.end and r.start < e for s, e in taken)]
    return [*first, *kept]
