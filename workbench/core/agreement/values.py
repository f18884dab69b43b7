"""Scores that may be undefined, pair keys, and the aggregation over pairs the measures share.

A measure that is undefined on its data (0/0: no units, no variation, fewer than two annotators)
is an :class:`Undefined` carrying the reason, never 0, 1 or NaN. The report turns it into JSON
``null`` and records the reason (see :mod:`workbench.core.agreement.report`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

PAIR_SEPARATOR = "|"
FEWER_THAN_TWO_FINISHED = "fewer than two annotators finished the document"
"""Why a measure of one document's annotators is undefined when fewer than two finished it."""


@dataclass(frozen=True, slots=True)
class Undefined:
    """A value the measure does not define on this data, and why."""

    reason: str


Score = float | Undefined
"""A measure's value: a finite float, or :class:`Undefined` with a reason."""


def ratio(numerator: int | Fraction, denominator: int | Fraction, reason: str) -> Score:
    """``numerator / denominator``, or ``Undefined(reason)`` when the denominator is 0.

    Integers are divided exactly (Python rounds an int/int quotient correctly), so counts never
    lose precision before the single final division.
    """
    if denominator == 0:
        return Undefined(reason)
    if isinstance(numerator, int) and isinstance(denominator, int):
        return numerator / denominator
    return float(Fraction(numerator) / Fraction(denominator))


def pair_key(a: str, b: str) -> str:
    """The report's key of a pair: the two names in alphabetical order joined by ``|``."""
    first, second = sorted((a, b))
    return f"{first}{PAIR_SEPARATOR}{second}"


def annotator_pairs(annotators: Sequence[str]) -> list[tuple[str, str]]:
    """Every unordered pair once, each as (first, second) in alphabetical order, sorted."""
    return sorted((min(a, b), max(a, b)) for a, b in combinations(annotators, 2))


def pair_members(key: str) -> tuple[str, str]:
    first, second = key.split(PAIR_SEPARATOR)
    return first, second


def mean_and_sd(values: Iterable[Score], reason: str) -> tuple[Score, Score]:
    """Mean and population SD (ddof=0, as bratiaa and ``np.std`` compute it) of the defined values.

    Undefined values are left out (INCEpTION's ``usableAgreements().average()`` does the same);
    with no defined value at all both results are ``Undefined(reason)``.
    """
    defined = [v for v in values if not isinstance(v, Undefined)]
    if not defined:
        return Undefined(reason), Undefined(reason)
    mean = math.fsum(defined) / len(defined)
    variance = math.fsum((v - mean) ** 2 for v in defined) / len(defined)
    return mean, math.sqrt(variance)


def mean_of_defined(values: Iterable[Score], reason: str) -> Score:
    """Unweighted mean of the defined values (a macro average), else ``Undefined(reason)``."""
    return mean_and_sd(values, reason)[0]
