"""Coding coefficients on fixed units: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha (nominal).

Input is a ``coders x units`` integer array of value codes with :data:`MISSING` (-1) for a
missing value (MEASURES.md §3.2 has the formulas). Every coefficient is computed from integer
counts and divided once, exactly, so it equals the reference packages to rounding:

- Cohen's kappa: ``sklearn.metrics.cohen_kappa_score``; units missing either value are dropped
  (listwise deletion).
- Fleiss' kappa: ``statsmodels.stats.inter_rater.fleiss_kappa``; **complete data only**: with a
  missing value anywhere it is undefined (MEASURES.md §3.1: "Don't offer Fleiss on incomplete
  data"; the generalisations to missing data disagree with each other).
- Krippendorff's alpha: ``krippendorff.alpha(level_of_measurement="nominal")`` with NaN for
  missing; units with fewer than two values are not pairable and drop out.

Where expected agreement is total (everybody used one value: p_e = 1, D_e = 0) the coefficient
is 0/0 and undefined, not 1.0 as NLTK and INCEpTION report it.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .token_units import MISSING, BoolArray, IntArray
from .values import Score, Undefined

NO_VARIATION = "no variation: every value given is the same, so chance agreement is total (0/0)"


def cohen_kappa(x: IntArray, y: IntArray, weights: IntArray | None = None) -> Score:
    """Cohen's kappa of two coders over the units where both have a value; ``weights`` as in
    :func:`krippendorff_alpha`."""
    both = (x != MISSING) & (y != MISSING)
    x, y = np.asarray(x[both], dtype=np.int64), np.asarray(y[both], dtype=np.int64)
    counts = _unit_weights(x.size, None if weights is None else np.asarray(weights)[both])
    n = int(counts.sum())
    if n == 0:
        return Undefined("no unit has a value from both annotators")
    size = int(max(x.max(), y.max())) + 1
    observed = int(counts[x == y].sum())
    chance = int(np.dot(_tally(x, counts, size), _tally(y, counts, size)))
    # kappa = (p_o - p_e) / (1 - p_e) with p_o = observed/n and p_e = chance/n^2
    denominator = n * n - chance
    if denominator == 0:
        return Undefined(NO_VARIATION)
    return (n * observed - chance) / denominator


def fleiss_kappa(values: IntArray, weights: IntArray | None = None) -> Score:
    """Fleiss' kappa over complete data (every coder has a value for every unit); ``weights``
    as in :func:`krippendorff_alpha`."""
    values = np.asarray(values, dtype=np.int64)
    counts = _unit_weights(values.shape[1], weights)
    raters, units = int(values.shape[0]), int(counts.sum())
    if raters < 2:
        return Undefined("needs at least two annotators")
    if units == 0:
        return Undefined("no units")
    incomplete = int(counts[(values == MISSING).any(axis=0)].sum())
    if incomplete:
        return Undefined(
            f"incomplete data: {incomplete} of {units} units lack a value from some annotator "
            "(an unfinished or unassigned document); Fleiss' kappa is defined on complete data "
            "only, see Krippendorff's alpha"
        )
    total = units * raters
    # sum_i sum_k n_ik^2 = sum_i (n + sum_k n_ik (n_ik - 1)), the last term being the ordered
    # pairs of coders who agree on unit i
    squares = total + 2 * int(np.dot(_agreeing_pairs(values), counts))
    marginals = _tally(values.ravel(), np.tile(counts, raters), 0)
    marginal_squares = int(np.dot(marginals, marginals))
    # P = (squares - total) / (total (n-1)); Pe = marginal_squares / total^2;
    # kappa = (P - Pe) / (1 - Pe), brought over one denominator:
    denominator = (raters - 1) * (total * total - marginal_squares)
    if denominator == 0:
        return Undefined(NO_VARIATION)
    return ((squares - total) * total - marginal_squares * (raters - 1)) / denominator


def krippendorff_alpha(values: IntArray, weights: IntArray | None = None) -> Score:
    """Krippendorff's alpha for nominal data with missing values.

    ``weights`` (optional, one per unit) says how many times each column occurs, so that a study
    made mostly of identical units (all "O") can pass each distinct column once.
    """
    values = np.asarray(values, dtype=np.int64)
    raters, units = values.shape
    weights = (
        np.ones(units, dtype=np.int64) if weights is None else np.asarray(weights, dtype=np.int64)
    )
    if raters < 2:
        return Undefined("needs at least two annotators")
    present = values != MISSING
    per_unit = present.sum(axis=0)
    pairable = (per_unit >= 2) & (weights > 0)
    if not pairable.any():
        return Undefined("no unit has values from two annotators")
    values, per_unit, weights = values[:, pairable], per_unit[pairable], weights[pairable]
    unit_weights = np.broadcast_to(weights, values.shape)
    given = values != MISSING
    per_category = np.bincount(values[given], weights=unit_weights[given]).astype(np.int64)
    n = int(per_category.sum())
    expected = n * n - int(np.dot(per_category, per_category))
    if expected == 0:
        return Undefined(NO_VARIATION)
    # the coincidence matrix's diagonal: sum_u (ordered pairs of coders agreeing on u) / (m_u - 1)
    agreeing = 2 * _agreeing_pairs(values) * weights
    diagonal = sum(
        (Fraction(int(agreeing[per_unit == m].sum()), m - 1) for m in range(2, raters + 1)),
        Fraction(0),
    )
    # alpha = 1 - D_o / D_e with D_o = (n - diagonal) / n and D_e = expected / (n (n - 1))
    return float(1 - (n - 1) * (n - diagonal) / expected)


def _unit_weights(units: int, weights: IntArray | None) -> IntArray:
    if weights is None:
        return np.ones(units, dtype=np.int64)
    return np.asarray(weights, dtype=np.int64)


def _tally(values: IntArray, weights: IntArray, size: int) -> IntArray:
    """How often each code occurs in ``values`` (codes >= 0), each unit counted ``weights``
    times: ``bincount`` sums the weights in floats, exact for the integers any corpus reaches."""
    return np.bincount(values, weights=weights, minlength=size).astype(np.int64)


def labelled_units(values: IntArray, outside: int = 0) -> BoolArray:
    """Units where at least one coder gave a value other than ``outside`` ("O")."""
    labelled: BoolArray = ((values != MISSING) & (values != outside)).any(axis=0)
    return labelled


def _agreeing_pairs(values: IntArray) -> IntArray:
    """Per unit, the number of unordered pairs of coders who both gave it the same value."""
    raters, units = values.shape
    pairs = np.zeros(units, dtype=np.int64)
    for i in range(raters):
        for j in range(i + 1, raters):
            pairs += (values[i] == values[j]) & (values[i] != MISSING)
    return pairs
