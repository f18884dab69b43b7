"""One-to-one matching between two annotators' items (MEASURES.md §2.1).

Overlap agreement counts TP as the size of a *maximum-cardinality* matching in the bipartite
graph whose edges join items that share at least one character (and, where asked, a label). It
is one-to-one, symmetric and independent of input order, unlike the greedy matching of
nervaluate. Where a particular matching is shown or used (aligning events before comparing
their roles), the one with the largest total Jaccard among the maximum-cardinality matchings is
taken.

Graphs here are small (tens of items per document), so plain augmenting paths (Kuhn) and an
O(n^3) Hungarian algorithm are fast enough; interval graphs are first cut into connected
clusters by a sweep, and most clusters are a single pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Interval = tuple[int, int]
T = TypeVar("T")
U = TypeVar("U")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when half-open ranges share at least one position: min(ends) - max(starts) > 0."""
    return a_start < b_end and b_start < a_end


def jaccard(a: Interval, b: Interval) -> float:
    intersection = min(a[1], b[1]) - max(a[0], b[0])
    if intersection <= 0:
        return 0.0
    return intersection / (max(a[1], b[1]) - min(a[0], b[0]))


def max_matching_size(adjacency: Sequence[Sequence[int]], n_right: int) -> int:
    """Size of a maximum matching; ``adjacency[i]`` lists the right vertices of left vertex i.

    Kuhn's augmenting paths, searched breadth-first without recursion (a long chain of nested
    spans must not hit Python's recursion limit), after a greedy start.
    """
    match_of_left = [-1] * len(adjacency)
    match_of_right = [-1] * n_right
    size = 0
    for left, neighbours in enumerate(adjacency):
        for right in neighbours:
            if match_of_right[right] == -1:
                match_of_right[right] = left
                match_of_left[left] = right
                size += 1
                break
    for root in range(len(adjacency)):
        if match_of_left[root] != -1:
            continue
        parent: dict[int, int] = {}
        free_right = _augmenting_path_end(root, adjacency, match_of_right, parent)
        if free_right == -1:
            continue
        right = free_right
        while True:
            left = parent[right]
            previous = match_of_left[left]
            match_of_left[left] = right
            match_of_right[right] = left
            if left == root:
                break
            right = previous
        size += 1
    return size


def _augmenting_path_end(
    root: int,
    adjacency: Sequence[Sequence[int]],
    match_of_right: list[int],
    parent: dict[int, int],
) -> int:
    """Breadth-first search for a free right vertex; fills ``parent`` (right -> left) on the way."""
    queue = [root]
    seen_left = {root}
    for left in queue:
        for right in adjacency[left]:
            if right in parent:
                continue
            parent[right] = left
            partner = match_of_right[right]
            if partner == -1:
                return right
            if partner not in seen_left:
                seen_left.add(partner)
                queue.append(partner)
    return -1


def matching_size(a: Sequence[T], b: Sequence[U], compatible: Callable[[T, U], bool]) -> int:
    """Maximum one-to-one matching size between ``a`` and ``b`` under ``compatible``."""
    if not a or not b:
        return 0
    adjacency = [[j for j, y in enumerate(b) if compatible(x, y)] for x in a]
    return max_matching_size(adjacency, len(b))


def interval_matching_size(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Maximum matching size between two lists of ranges, an edge where two ranges overlap.

    A sweep cuts the ranges into clusters chained by overlaps (a range joins the cluster when it
    starts before the cluster's furthest end, so it overlaps the range reaching that end). Each
    cluster is connected, so one with a single range on either side matches exactly one pair;
    only clusters with two or more ranges on both sides need augmenting paths.
    """
    if not a or not b:
        return 0
    items = [(start, end, False) for start, end in a]
    items += [(start, end, True) for start, end in b]
    items.sort()
    total = 0
    a_cluster: list[Interval] = []
    b_cluster: list[Interval] = []
    reach = items[0][0]
    for start, end, from_b in items:
        if start >= reach:
            total += _cluster_matching_size(a_cluster, b_cluster)
            a_cluster, b_cluster = [], []
        (b_cluster if from_b else a_cluster).append((start, end))
        if end > reach:
            reach = end
    return total + _cluster_matching_size(a_cluster, b_cluster)


def _cluster_matching_size(a: list[Interval], b: list[Interval]) -> int:
    if not a or not b:
        return 0
    if len(a) == 1 or len(b) == 1:
        return 1
    adjacency = [[j for j, (bs, be) in enumerate(b) if as_ < be and bs < ae] for as_, ae in a]
    return max_matching_size(adjacency, len(b))


def best_alignment(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """A maximum-cardinality matching with the largest total weight, as (row, column) pairs.

    ``weights[i][j]`` is the weight of edge i-j (e.g. a Jaccard in [0, 1]) or None for no edge.
    Cardinality comes first: every edge is worth more than all weights together could add.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    transposed = n_rows > n_cols
    rows = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    bonus = 1.0 + sum(max((w for w in row if w is not None), default=0.0) for row in rows)
    cost = [[0.0 if w is None else -(bonus + w) for w in row] for row in rows]
    pairs = [(i, j) for i, j in enumerate(_hungarian(cost)) if j != -1 and rows[i][j] is not None]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)


def _hungarian(cost: Sequence[Sequence[float]]) -> list[int]:
    """Minimum-cost assignment of every row to a distinct column (rows <= columns), O(n^2 m)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    row_of_col = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        row_of_col[0] = i
        j0 = 0
        min_to = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = row_of_col[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < min_to[j]:
                        min_to[j] = reduced
                        way[j] = j0
                    if min_to[j] < delta:
                        delta = min_to[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[row_of_col[j]] += delta
                    v[j] -= delta
                else:
                    min_to[j] -= delta
            j0 = j1
            if row_of_col[j0] == 0:
                break
        while True:
            j1 = way[j0]
            row_of_col[j0] = row_of_col[j1]
            j0 = j1
            if j0 == 0:
                break
    assignment = [-1] * n
    for j in range(1, m + 1):
        if row_of_col[j]:
            assignment[row_of_col[j] - 1] = j - 1
    return assignment


def align_spans(
    a: Sequence[tuple[int, int, str]], b: Sequence[tuple[int, int, str]], *, labeled: bool = True
) -> list[tuple[int, int]]:
    """The alignment shown to adjudicators: index pairs of a maximum-cardinality overlap matching
    with the largest total Jaccard (MEASURES.md §2.1); ``labeled`` requires equal labels."""
    weights = [
        [
            jaccard((sa, ea), (sb, eb))
            if overlaps(sa, ea, sb, eb) and (not labeled or la == lb)
            else None
            for sb, eb, lb in b
        ]
        for sa, ea, la in a
    ]
    return best_alignment(weights)
