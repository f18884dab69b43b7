"""Pairwise span precision, recall and F1 (MEASURES.md §2).

For annotators A (the reference side: the first name of the pair) and B:
``P = TP/|B|``, ``R = TP/|A|``, ``F1 = 2TP/(|A|+|B|)`` (the Dice coefficient, symmetric).

Modes:

- ``exact_labeled``: TP = multiset intersection of ``(start, end, label)``;
- ``exact_unlabeled``: of ``(start, end)``;
- ``overlap_labeled`` / ``overlap_unlabeled``: TP = size of a maximum-cardinality one-to-one
  matching between spans sharing a character (and, labeled, a label).

Per label, both sides are restricted to that label (``exact`` and ``overlap``); labeled matching
decomposes by label, so the per-label TPs add up to the labeled TP. Counts are pooled over the
documents both annotators finished (micro average, as bratiaa does).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .documents import EntitySpan
from .matching import interval_matching_size
from .values import Score, ratio

SPAN_MODES = ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled")
LABEL_MODES = ("exact", "overlap")


@dataclass(slots=True)
class Counts:
    """TP, |A| and |B| for one pair, pooled over documents; P, R and F1 follow from them."""

    tp: int = 0
    n_a: int = 0
    n_b: int = 0

    def add(self, tp: int, n_a: int, n_b: int) -> None:
        self.tp += tp
        self.n_a += n_a
        self.n_b += n_b

    @property
    def precision(self) -> Score:
        return ratio(self.tp, self.n_b, "the second annotator of the pair has none (|B| = 0)")

    @property
    def recall(self) -> Score:
        return ratio(self.tp, self.n_a, "the first annotator of the pair has none (|A| = 0)")

    @property
    def f1(self) -> Score:
        return ratio(2 * self.tp, self.n_a + self.n_b, "neither annotator has any (|A| + |B| = 0)")

    def as_dict(self) -> dict[str, int]:
        return {"tp": self.tp, "a": self.n_a, "b": self.n_b}


@dataclass(slots=True)
class SpanCounts:
    """One pair's counts in every mode, overall and per label, pooled over documents."""

    modes: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in SPAN_MODES})
    per_label: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: {m: Counts() for m in LABEL_MODES})
    )
    documents: int = 0

    def add_document(self, a: Sequence[EntitySpan], b: Sequence[EntitySpan]) -> None:
        """Add one document's spans of A and of B (each ``(start, end, label)``)."""
        self.documents += 1
        n_a, n_b = len(a), len(b)
        a_by_label = _by_label(a)
        b_by_label = _by_label(b)
        exact_labeled = overlap_labeled = 0
        for label in a_by_label.keys() | b_by_label.keys():
            a_ranges = a_by_label.get(label, [])
            b_ranges = b_by_label.get(label, [])
            exact = _multiset_intersection(a_ranges, b_ranges)
            overlap = interval_matching_size(a_ranges, b_ranges)
            counts = self.per_label[label]
            counts["exact"].add(exact, len(a_ranges), len(b_ranges))
            counts["overlap"].add(overlap, len(a_ranges), len(b_ranges))
            exact_labeled += exact
            overlap_labeled += overlap
        a_ranges_all = [(s, e) for s, e, _ in a]
        b_ranges_all = [(s, e) for s, e, _ in b]
        self.modes["exact_labeled"].add(exact_labeled, n_a, n_b)
        self.modes["overlap_labeled"].add(overlap_labeled, n_a, n_b)
        self.modes["exact_unlabeled"].add(
            _multiset_intersection(a_ranges_all, b_ranges_all), n_a, n_b
        )
        self.modes["overlap_unlabeled"].add(
            interval_matching_size(a_ranges_all, b_ranges_all), n_a, n_b
        )


def span_counts(
    documents: Iterable[tuple[Sequence[EntitySpan], Sequence[EntitySpan]]],
) -> SpanCounts:
    """Pool the counts of ``(spans of A, spans of B)`` over documents."""
    counts = SpanCounts()
    for a, b in documents:
        counts.add_document(a, b)
    return counts


def _by_label(spans: Sequence[EntitySpan]) -> dict[str, list[tuple[int, int]]]:
    grouped: dict[str, list[tuple[int, int]]] = {}
    for start, end, label in spans:
        grouped.setdefault(label, []).append((start, end))
    return grouped


def _multiset_intersection(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    if not a or not b:
        return 0
    a_set, b_set = set(a), set(b)
    if len(a_set) == len(a) and len(b_set) == len(b):
        return len(a_set & b_set)  # no repeats: the multisets are sets
    return sum((Counter(a) & Counter(b)).values())
