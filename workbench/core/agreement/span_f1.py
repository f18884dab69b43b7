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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

import numpy as np

from .documents import EntitySpan
from .matching import interval_matching_size
from .token_units import IntArray
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


CHUNK = 1000
"""Documents counted together: numpy's cost per call spreads over them, and the arrays of a
chunk stay a few megabytes (a whole corpus at once took 60 MB more at its peak)."""


def span_counts(
    documents: Iterable[tuple[Sequence[EntitySpan], Sequence[EntitySpan]]],
) -> SpanCounts:
    """Pool the counts of ``(spans of A, spans of B)`` over documents.

    ``CHUNK`` documents at a time, with numpy: document d's spans move by d times (the largest
    end + 1), so no two documents' spans overlap; the exact counts are the rows both sides have, the
    overlap matchings come from clusters of ranges chained by overlaps (a sort and a running
    maximum), where only a cluster with two or more ranges of each side needs a matching search
    (``interval_matching_size``); per label, each label's ranges move past the previous
    label's in the same way. (Per document in Python this was most of the span section.)
    """
    counts = SpanCounts()
    remaining = iter(documents)
    while chunk := list(islice(remaining, CHUNK)):
        _add_documents(counts, chunk)
    return counts


def _add_documents(
    counts: SpanCounts, documents: list[tuple[Sequence[EntitySpan], Sequence[EntitySpan]]]
) -> None:
    a_rows: list[EntitySpan] = []
    b_rows: list[EntitySpan] = []
    a_sizes: list[int] = []
    b_sizes: list[int] = []
    for a, b in documents:
        a_rows.extend(a)
        b_rows.extend(b)
        a_sizes.append(len(a))
        b_sizes.append(len(b))
    counts.documents += len(documents)
    names = sorted(set(map(itemgetter(2), a_rows)).union(map(itemgetter(2), b_rows)))
    code = {label: number for number, label in enumerate(names)}
    a_side, b_side = _Side(a_rows, a_sizes, code), _Side(b_rows, b_sizes, code)
    # document d's positions move by d * (the largest end + 1): no two documents' spans overlap
    width = int(max(a_side.ends.max(initial=0), b_side.ends.max(initial=0))) + 1
    side = np.concatenate([np.zeros(a_side.size, np.int64), np.ones(b_side.size, np.int64)])
    shift = np.concatenate([a_side.documents, b_side.documents]) * width
    starts = np.concatenate([a_side.starts, b_side.starts]) + shift
    ends = np.concatenate([a_side.ends, b_side.ends]) + shift
    labels = np.concatenate([a_side.labels, b_side.labels])
    exact = _shared_rows([starts, ends, labels], side)
    exact_unlabeled = _shared_rows([starts, ends], side)
    by_label = labels * width * len(a_sizes)  # each label's ranges past the previous label's
    overlap = _cluster_matchings(starts + by_label, ends + by_label, side)
    n_a, n_b = len(a_rows), len(b_rows)
    counts.modes["exact_labeled"].add(int(exact.sizes.sum()), n_a, n_b)
    counts.modes["exact_unlabeled"].add(int(exact_unlabeled.sizes.sum()), n_a, n_b)
    counts.modes["overlap_labeled"].add(int(overlap.sizes.sum()), n_a, n_b)
    counts.modes["overlap_unlabeled"].add(int(_cluster_matchings(starts, ends, side).sizes.sum()), n_a, n_b)
    per_label = {
        "exact": exact.by(labels, len(names)),
        "overlap": overlap.by(labels, len(names)),
    }
    a_labels = np.bincount(a_side.labels, minlength=len(names)).tolist()
    b_labels = np.bincount(b_side.labels, minlength=len(names)).tolist()
    for number, label in enumerate(names):
        for mode, tps in per_label.items():
            counts.per_label[label][mode].add(tps[number], a_labels[number], b_labels[number])


class _Side:
    """One side's spans as arrays: starts, ends, label codes and the number of the document
    of each (``sizes``: how many spans each document has)."""

    def __init__(self, rows: Sequence[EntitySpan], sizes: list[int], code: dict[str, int]) -> None:
        self.size = len(rows)
        self.starts = np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=self.size)
        self.ends = np.fromiter(map(itemgetter(1), rows), dtype=np.int64, count=self.size)
        self.labels = np.fromiter(
            map(code.__getitem__, map(itemgetter(2), rows)), dtype=np.int64, count=self.size
        )
        self.documents = np.repeat(np.arange(len(sizes)), sizes)


@dataclass(frozen=True, slots=True)
class _Groups:
    """Groups of rows (equal rows, or a cluster of ranges): what each adds to TP, and one row
    of each (an index into the rows both sides were laid in)."""

    sizes: IntArray
    members: IntArray

    def by(self, labels: IntArray, count: int) -> list[int]:
        """TP per label code, each group counted for the label of its row."""
        return [int(tp) for tp in np.bincount(labels[self.members], self.sizes, count)]


def _shared_rows(columns: list[IntArray], side: IntArray) -> _Groups:
    """The rows both sides have (multisets: a row as often as the side with fewer has it)."""
    order = np.lexsort(columns[::-1])
    first = _starts_of_runs([column[order] for column in columns])
    n_a, n_b = _sides_of_runs(side[order], first)
    return _Groups(np.minimum(n_a, n_b), order[first])


def _cluster_matchings(starts: IntArray, ends: IntArray, side: IntArray) -> _Groups:
    """Maximum one-to-one matching of A's ranges with B's that share a position, per cluster
    of ranges chained by overlaps (a range joins when it starts before the furthest end so far,
    so it overlaps the range that reaches it; a cluster is connected, and with one range on
    either side it matches one pair)."""
    order = np.lexsort((side, ends, starts))
    starts, ends, side = starts[order], ends[order], side[order]
    joins = np.zeros(starts.size, dtype=bool)
    joins[1:] = starts[1:] < np.maximum.accumulate(ends)[:-1]
    first = np.flatnonzero(~joins)
    n_a, n_b = _sides_of_runs(side, first)
    sizes = np.minimum(np.minimum(n_a, n_b), 1)
    stops = np.append(first[1:], starts.size)
    for cluster in np.flatnonzero((n_a > 1) & (n_b > 1)).tolist():
        members = range(int(first[cluster]), int(stops[cluster]))
        ranges = [(int(starts[i]), int(ends[i])) for i in members]
        of_b = side[first[cluster] : stops[cluster]].tolist()
        sizes[cluster] = interval_matching_size(
            [r for r, b in zip(ranges, of_b, strict=True) if not b],
            [r for r, b in zip(ranges, of_b, strict=True) if b],
        )
    return _Groups(sizes, order[first])


def _starts_of_runs(columns: list[IntArray]) -> IntArray:
    """Where each run of equal rows begins in sorted columns."""
    new = np.ones(columns[0].size, dtype=bool)
    for column in columns:
        new[1:] &= column[1:] == column[:-1]
    new[1:] = ~new[1:]
    return np.flatnonzero(new)


def _sides_of_runs(side: IntArray, first: IntArray) -> tuple[IntArray, IntArray]:
    """How many rows of A and of B each run beginning at ``first`` holds."""
    if not first.size:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    of_b = np.add.reduceat(side, first)
    return np.diff(np.append(first, side.size)) - of_b, of_b
