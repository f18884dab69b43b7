"""Independent, deliberately plain reference implementations the measures are checked against.

Nothing here imports the code under test. Where a published implementation exists as a pip
package the tests call it directly (scikit-learn, statsmodels, krippendorff, nltk); this module
holds what has none: brute-force matchings, token values by definition, and a line-by-line port
of DKPro Statistics' alpha_U (``KrippendorffAlphaUnitizingAgreement``, 2.3.1) and INCEpTION's unit
filter (``KrippendorffAlphaUnitizingAgreementMeasure``), read from their Java sources.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import cache
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")


# --- matching -------------------------------------------------------------------------------


def brute_force_matching(a: Sequence[T], b: Sequence[U], edge: Callable[[T, U], bool]) -> int:
    """Maximum matching size by exhaustive search over which b (if any) each a takes."""
    adjacency = [tuple(j for j, y in enumerate(b) if edge(x, y)) for x in a]

    @cache
    def best(i: int, used: int) -> int:
        if i == len(a):
            return 0
        result = best(i + 1, used)
        for j in adjacency[i]:
            if not used & (1 << j):
                result = max(result, 1 + best(i + 1, used | (1 << j)))
        return result

    return best(0, 0)


def share_a_character(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return min(x[1], y[1]) - max(x[0], y[0]) > 0


# --- token values -----------------------------------------------------------------------------


def token_value(spans: Sequence[tuple[int, int, str]], token: tuple[int, int]) -> str:
    """The label of the longest span sharing a character with the token; "O" when none; equally
    long spans with different labels give the sorted labels joined by "|"."""
    touching = [s for s in spans if share_a_character((s[0], s[1]), token)]
    if not touching:
        return "O"
    longest = max(e - s for s, e, _ in touching)
    labels = sorted({label for s, e, label in touching if e - s == longest})
    return "|".join(labels)


# --- DKPro Statistics alpha_U, ported statement by statement -----------------------------------

DkproUnit = tuple[int, int, int, str]
"""(offset, length, rater index, category), as ``UnitizingAnnotationStudy.addUnit`` takes it."""


def _find_next_unit(
    units: list[DkproUnit], cursor: list[int], rater: int, category: str | None
) -> DkproUnit | None:
    while cursor[0] < len(units):
        unit = units[cursor[0]]
        cursor[0] += 1
        if category is not None and category != unit[3]:
            continue
        if rater < 0 or unit[2] == rater:
            return unit
    return None


def _measure_distance(
    offset1: int,
    length1: int,
    category1: str | None,
    offset2: int,
    length2: int,
    category2: str | None,
) -> int:
    begin_diff = offset1 - offset2
    length_diff = length1 - length2
    if category1 is not None and category2 is not None and -length1 < begin_diff < length2:
        return begin_diff * begin_diff + (begin_diff + length_diff) * (begin_diff + length_diff)
    if category1 is not None and category2 is None and -length_diff >= begin_diff >= 0:
        return length1 * length1
    if category1 is None and category2 is not None and -length_diff <= begin_diff <= 0:
        return length2 * length2
    return 0


class DkproAlphaU:
    """``new KrippendorffAlphaUnitizingAgreement(study)`` over a ``UnitizingAnnotationStudy``."""

    def __init__(self, raters: int, begin: int, length: int, units: Sequence[DkproUnit]):
        self.raters = raters
        self.begin = begin
        self.length = length
        # the study keeps its units in a TreeSet ordered by offset, length, rater
        self.units = sorted(units, key=lambda u: (u[0], u[1], u[2]))
        self.categories = {u[3] for u in self.units}

    def observed(self, category: str) -> float:
        B, L, R = self.begin, self.length, self.raters  # noqa: N806 (the study's names)
        result = 0.0
        for r1 in range(R):
            for r2 in range(r1 + 1, R):
                c1, c2 = [0], [0]
                next1 = _find_next_unit(self.units, c1, r1, category)
                next2 = _find_next_unit(self.units, c2, r2, category)
                offset1, length1, offset2, length2 = B, 0, B, 0
                category1 = category2 = None
                pos = B
                while pos < B + L and (next1 is not None or next2 is not None):
                    if pos == offset1 + length1:
                        if next1 is not None and pos == next1[0]:
                            length1, category1 = next1[1], next1[3]
                            next1 = _find_next_unit(self.units, c1, r1, category)
                        else:
                            length1 = (next1[0] if next1 is not None else B + L) - pos
                            category1 = None
                        offset1 = pos
                    if pos == offset2 + length2:
                        if next2 is not None and pos == next2[0]:
                            length2, category2 = next2[1], next2[3]
                            next2 = _find_next_unit(self.units, c2, r2, category)
                        else:
                            length2 = (next2[0] if next2 is not None else B + L) - pos
                            category2 = None
                        offset2 = pos
                    result += _measure_distance(
                        offset1, length1, category1, offset2, length2, category2
                    )
                    pos = min(offset1 + length1, offset2 + length2)
        result *= 2.0
        return result / (R * (R - 1) * (L * L))

    def expected(self, category: str) -> Fraction:
        B, L, R = self.begin, self.length, self.raters  # noqa: N806 (the study's names)
        n_c = 0
        squared = 0
        for unit in self.units:
            if unit[3] == category:
                n_c += 1
                squared += unit[1] * (unit[1] - 1)
        gaps: list[int] = []
        for r in range(R):
            cursor = [0]
            next_unit = _find_next_unit(self.units, cursor, r, category)
            offset, length, pos = B, 0, B
            while pos < B + L:
                if pos == offset + length:
                    if next_unit is not None and pos == next_unit[0]:
                        length = next_unit[1]
                        next_unit = _find_next_unit(self.units, cursor, r, category)
                    else:
                        length = (next_unit[0] if next_unit is not None else B + L) - pos
                        gaps.append(length)
                    offset = pos
                pos = offset + length
        gaps.sort(reverse=True)
        result = Fraction(0)
        for unit in self.units:
            if unit[3] == category:
                l1 = unit[1]
                sum1 = Fraction((n_c - 1) * (2 * l1**3 - 3 * l1**2 + l1), 3)
                sum2 = 0
                for gap in gaps:
                    if gap >= l1:
                        sum2 += gap - l1 + 1
                    else:
                        break
                result += sum1 + sum2 * l1 * l1
        result *= Fraction(2, L)
        return result / (R * L * (R * L - 1) - squared)

    def agreement(self) -> float:
        """calculateAgreement(); NaN for no units (0/0), as Java's double division gives."""
        if not self.categories:
            return float("nan")
        d_o = sum(self.observed(c) for c in self.categories) / len(self.categories)
        d_e = sum(self.expected(c) for c in self.categories) / len(self.categories)
        if d_o == d_e:
            return 0.0
        return 1.0 - d_o / float(d_e)

    def category_agreement(self, category: str) -> float:
        d_o, d_e = self.observed(category), self.expected(category)
        if d_o == d_e:
            return 0.0
        return 1.0 - d_o / float(d_e)


def inception_filter(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The units INCEpTION adds for one annotator: annotations in UIMA order (begin ascending,
    end descending); one is skipped when an *active* earlier annotation (ending after its begin,
    kept or skipped) has the same value. The active map is keyed by end, as its TreeMap is."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    active: dict[int, set[str]] = {}
    kept = []
    for begin, end, value in ordered:
        for key in [k for k in active if k <= begin]:
            del active[key]
        if not any(value in values for values in active.values()):
            kept.append((begin, end, value))
        active.setdefault(end, set()).add(value)
    return kept


def dkpro_study(
    spans_by_rater: Sequence[Sequence[tuple[int, int, str]]], length: int, begin: int = 0
) -> DkproAlphaU:
    """The study INCEpTION builds for one document: filtered units, one rater per annotator."""
    units = [
        (start, end - start, rater, label)
        for rater, spans in enumerate(spans_by_rater)
        for start, end, label in inception_filter(spans)
    ]
    return DkproAlphaU(len(spans_by_rater), begin, length, units)
