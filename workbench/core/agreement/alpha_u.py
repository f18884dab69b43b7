"""Krippendorff's alpha_U (1995; Krippendorff 2004, §11.6) on characters, as DKPro Statistics
computes it and INCEpTION uses it (MEASURES.md §4).

One study per document: the continuum is the document's characters ``[0, text_length)``, the
raters are the annotators who finished it (one with no spans found nothing: their continuum is
all gap), a unit is an entity span and its category the label. For a category c each rater's
continuum is cut into their c-units and the gaps between them (other categories count as gap):

- ``D_O^c = 1/(m(m-1)L^2) * sum_{i!=j} sum_{g in S_i, h in S_j, g & h overlap} delta^2(g, h)``,
  ``delta^2`` being ``(b_g-b_h)^2 + (e_g-e_h)^2`` for two overlapping units, ``l^2`` for a unit
  lying inside a gap of the other rater, 0 otherwise;
- ``D_E^c = (2/L) * sum_u [(N_c-1)(2l^3-3l^2+l)/3 + l^2 sum_{gaps >= l}(|gap|-l+1)]
  / (mL(mL-1) - sum_u l(l-1))`` over the c-units u of all raters and the gaps of all raters;
- ``alpha_U = 1 - sum_c D_O^c / sum_c D_E^c``; per category ``1 - D_O^c / D_E^c``, and 0.0
  where ``D_O^c = D_E^c`` (DKPro's rule).

DKPro walks the continuum segment by segment; here the same sums come from the units directly:
a unit lies inside a gap of the other rater exactly when it overlaps none of that rater's units,
and the gap sum uses sorted gap lengths with suffix sums. Everything is integer arithmetic with
one exact division at the end, so it matches DKPro (which uses BigDecimal) to rounding.

INCEpTION's filter (its ``KrippendorffAlphaUnitizingAgreementMeasure``): DKPro gives nonsense for
overlapping units of one rater and category, so INCEpTION visits a rater's spans in UIMA order
(start ascending, end descending) and skips a span when an earlier span *of the same label*
(kept or skipped) still extends past its start: the earliest-starting, longest unit wins.

Undefined (None in the report, where DKPro gives NaN or a convention): fewer than two raters, no
units at all, and zero expected disagreement (``D_O = D_E = 0``, which needs every unit to be one
character long and leave no gap; DKPro 2.3.1 reports 1.0 for it, earlier versions 0.0).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from .values import FEWER_THAN_TWO_FINISHED, Score, Undefined

ZERO_OVER_ZERO = (
    "D_O = D_E = 0 (every unit is one character long and no gap is left): 0/0; "
    "DKPro Statistics returns 0.0 or 1.0 here depending on its version"
)

UnitSpec = tuple[int, int, str]
"""``(start, end, category)`` of one unit, half-open."""


@dataclass(frozen=True, slots=True)
class AlphaU:
    overall: Score
    per_category: dict[str, Score]


def inception_units(units: Iterable[UnitSpec]) -> dict[str, list[tuple[int, int]]]:
    """One rater's units per category after INCEpTION's overlap filter, sorted by start."""
    by_category: dict[str, list[tuple[int, int]]] = {}
    for start, end, category in units:
        by_category.setdefault(category, []).append((start, end))
    kept: dict[str, list[tuple[int, int]]] = {}
    for category, ranges in by_category.items():
        ranges.sort(key=lambda r: (r[0], -r[1]))
        reach = None  # the largest end of any earlier unit of this category, kept or skipped
        out = kept[category] = []
        for start, end in ranges:
            if reach is None or start >= reach:
                out.append((start, end))
            reach = end if reach is None else max(reach, end)
    return kept


@dataclass(slots=True)
class _Category:
    """One category's per-rater sums, and the pairwise terms, for every rater of the document."""

    units: list[list[tuple[int, int]]]
    count: list[int]  # n_r: units of rater r
    cubic: list[int]  # sum over r's units of (2l^3 - 3l^2 + l) / 3
    square: list[int]  # sum over r's units of l(l - 1)
    gap_terms: list[list[int]]  # [r][s]: sum_{u of r} l^2 sum_{gaps g of s, g >= l} (g - l + 1)
    observed: dict[tuple[int, int], int]  # (r, s), r < s: sum of delta^2 over r's and s's segments


class Continuum:
    """One document's continuum with every rater's units; alpha_U for any subset of raters.

    Raters are listed in ``units_by_rater`` (a rater with no units found nothing). The per-rater
    and per-pair sums are computed once, so the study of all raters and every pairwise study
    share them.
    """

    def __init__(
        self,
        units_by_rater: Mapping[str, Iterable[UnitSpec]],
        length: int,
        begin: int = 0,
    ) -> None:
        self.raters = list(units_by_rater)
        self.begin = begin
        self.length = length
        filtered = [inception_units(units) for units in units_by_rater.values()]
        for rater, categories in zip(self.raters, filtered, strict=True):
            for ranges in categories.values():
                for start, end in ranges:
                    if not begin <= start < end <= begin + length:
                        raise ValueError(
                            f"{rater}: unit [{start}, {end}) is empty or outside the continuum "
                            f"[{begin}, {begin + length})"
                        )
        names = sorted({c for categories in filtered for c in categories})
        self._categories = {
            c: self._category([categories.get(c, []) for categories in filtered]) for c in names
        }

    def _category(self, units: list[list[tuple[int, int]]]) -> _Category:
        raters = range(len(units))
        gaps = [_sorted_gaps(ranges, self.begin, self.length) for ranges in units]
        suffix = [_suffix_sums(g) for g in gaps]
        gap_terms = [[_gap_term(units[r], gaps[s], suffix[s]) for s in raters] for r in raters]
        return _Category(
            units=units,
            count=[len(ranges) for ranges in units],
            cubic=[sum((2 * n**3 - 3 * n**2 + n) // 3 for n in _lengths(r)) for r in units],
            square=[sum(n * (n - 1) for n in _lengths(r)) for r in units],
            gap_terms=gap_terms,
            observed={
                (r, s): _observed_pair(units[r], units[s]) for r, s in combinations(raters, 2)
            },
        )

    def alpha_u(self, raters: Sequence[str] | None = None) -> AlphaU:
        """alpha_U of the study made of ``raters`` (default: all raters of the continuum)."""
        chosen = self.raters if raters is None else list(raters)
        index = sorted(self.raters.index(r) for r in chosen)
        m, length = len(index), self.length
        if m < 2:
            return AlphaU(Undefined(FEWER_THAN_TWO_FINISHED), {})
        pairs = list(combinations(index, 2))
        per_category: dict[str, Score] = {}
        observed_total = 0
        expected_terms: list[tuple[int, int]] = []
        for name, category in self._categories.items():
            units = cubic = square = gap = observed = 0
            for r in index:
                units += category.count[r]
                cubic += category.cubic[r]
                square += category.square[r]
                row = category.gap_terms[r]
                for s in index:
                    gap += row[s]
            if units == 0:
                continue  # the category is not in this study: DKPro never sees it
            for pair in pairs:
                observed += category.observed[pair]
            observed *= 2
            expected = (units - 1) * cubic + gap
            squares = m * length * (m * length - 1) - square
            # D_O = observed / (m(m-1)L^2);  D_E = 2 expected / (L squares)
            per_category[name] = _one_minus_ratio(
                observed * squares, 2 * m * (m - 1) * length * expected
            )
            observed_total += observed
            expected_terms.append((expected, squares))
        if not per_category:
            return AlphaU(Undefined("no spans in the document"), {})
        # sum_c D_E^c = (2/L) sum_c expected_c / squares_c = (2/L) P/Q over a common denominator
        common = math.lcm(*(squares for _, squares in expected_terms))
        total = sum(expected * (common // squares) for expected, squares in expected_terms)
        overall = _one_minus_ratio(observed_total * common, 2 * m * (m - 1) * length * total)
        return AlphaU(overall, per_category)


def alpha_u(
    units_by_rater: Mapping[str, Iterable[UnitSpec]], length: int, begin: int = 0
) -> AlphaU:
    """alpha_U of one continuum ``[begin, begin + length)`` and all the given raters."""
    return Continuum(units_by_rater, length, begin).alpha_u()


def _one_minus_ratio(numerator: int, denominator: int) -> Score:
    """``1 - numerator/denominator`` (= 1 - D_O/D_E), exactly 0.0 when D_O = D_E (DKPro)."""
    if denominator == 0:
        return Undefined(ZERO_OVER_ZERO)
    return (denominator - numerator) / denominator


def _lengths(ranges: list[tuple[int, int]]) -> list[int]:
    return [end - start for start, end in ranges]


def _sorted_gaps(ranges: list[tuple[int, int]], begin: int, length: int) -> list[int]:
    """Lengths of the stretches of ``[begin, begin+length)`` no unit covers, ascending."""
    gaps = []
    position = begin
    for start, end in ranges:
        if start > position:
            gaps.append(start - position)
        position = end
    if begin + length > position:
        gaps.append(begin + length - position)
    gaps.sort()
    return gaps


def _suffix_sums(values: list[int]) -> list[int]:
    sums = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        sums[i] = sums[i + 1] + values[i]
    return sums


def _gap_term(units: list[tuple[int, int]], gaps: list[int], suffix: list[int]) -> int:
    """``sum_u l_u^2 * sum_{g in gaps, g >= l_u} (g - l_u + 1)``."""
    total = 0
    count = len(gaps)
    for start, end in units:
        length = end - start
        first = bisect_left(gaps, length)
        total += length * length * (suffix[first] - (length - 1) * (count - first))
    return total


def _observed_pair(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Sum of delta^2 between the segments of two raters (one category; each side sorted and
    without overlaps): overlapping units by their boundary differences, a unit overlapping no
    unit of the other rater (so lying inside one of their gaps) by its squared length."""
    total = 0
    b_matched = [False] * len(b)
    first = 0
    for a_start, a_end in a:
        while first < len(b) and b[first][1] <= a_start:
            first += 1
        matched = False
        j = first
        while j < len(b) and b[j][0] < a_end:
            b_start, b_end = b[j]
            total += (a_start - b_start) ** 2 + (a_end - b_end) ** 2
            b_matched[j] = matched = True
            j += 1
        if not matched:
            total += (a_end - a_start) ** 2
    for (b_start, b_end), matched in zip(b, b_matched, strict=True):
        if not matched:
            total += (b_end - b_start) ** 2
    return total
