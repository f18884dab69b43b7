"""Maximum-cardinality matching and alignment against exhaustive search."""

from __future__ import annotations

from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.agreement import (
    align_spans,
    best_alignment,
    interval_matching_size,
    max_matching_size,
)
from workbench.core.agreement.matching import jaccard

from .references import brute_force_matching, share_a_character

intervals = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(intervals, intervals)
def test_interval_matching_equals_brute_force(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> None:
    assert interval_matching_size(a, b) == brute_force_matching(a, b, share_a_character)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 7), st.integers(0, 7), st.data())
def test_max_matching_on_random_graphs(n_left: int, n_right: int, data: st.DataObject) -> None:
    edges = data.draw(
        st.sets(st.tuples(st.integers(0, max(n_left - 1, 0)), st.integers(0, max(n_right - 1, 0))))
        if n_left and n_right
        else st.just(set())
    )
    adjacency = [sorted(j for i, j in edges if i == left) for left in range(n_left)]
    expected = brute_force_matching(
        list(range(n_left)), list(range(n_right)), lambda i, j: (i, j) in edges
    )
    assert max_matching_size(adjacency, n_right) == expected


def brute_force_alignment(weights: list[list[float | None]]) -> tuple[int, float]:
    """(largest cardinality, largest total weight at that cardinality) by trying every injection."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    best = (0, 0.0)
    if rows <= cols:
        for perm in permutations(range(cols), rows):
            chosen = [w for i, j in enumerate(perm) if (w := weights[i][j]) is not None]
            best = max(best, (len(chosen), sum(chosen)))
    else:
        for perm in permutations(range(rows), cols):
            chosen = [w for j, i in enumerate(perm) if (w := weights[i][j]) is not None]
            best = max(best, (len(chosen), sum(chosen)))
    return best


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_best_alignment_is_maximum_then_heaviest(rows: int, cols: int, data: st.DataObject) -> None:
    weights = [
        [data.draw(st.one_of(st.none(), st.floats(0.01, 1.0))) for _ in range(cols)]
        for _ in range(rows)
    ]
    pairs = best_alignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] is not None for i, j in pairs)
    size, total = brute_force_alignment(weights)
    assert len(pairs) == size
    assert abs(sum(w for i, j in pairs if (w := weights[i][j]) is not None) - total) < 1e-9


def test_alignment_prefers_the_closer_span() -> None:
    a = [(0, 10, "PER")]
    b = [(0, 3, "PER"), (0, 9, "PER")]
    assert align_spans(a, b) == [(0, 1)]
    assert jaccard((0, 10), (0, 9)) == 0.9


def test_alignment_cardinality_beats_jaccard() -> None:
    # a0 fits b0 best, but only a0-b1 lets a1 be matched too
    a = [(0, 10, "X"), (12, 20, "X")]
    b = [(0, 10, "X"), (8, 14, "X")]
    weights_pairs = align_spans(a, b)
    assert len(weights_pairs) == 2


def test_long_chain_needs_no_recursion() -> None:
    a = [(i, i + 2) for i in range(0, 4000, 1)]
    b = [(i + 1, i + 3) for i in range(0, 4000, 1)]
    assert interval_matching_size(a, b) == 4000
