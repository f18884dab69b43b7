"""A study kept as distinct columns with weights (the report's token study, issue 16 point 3)
gives every coefficient of the study with each column repeated: the figures are unchanged."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.agreement.coding import cohen_kappa, fleiss_kappa, krippendorff_alpha
from workbench.core.agreement.report_tokens import _column_counts
from workbench.core.agreement.token_units import MISSING

columns = st.lists(
    st.tuples(st.lists(st.integers(MISSING, 4), min_size=3, max_size=3), st.integers(1, 4)),
    min_size=1,
    max_size=12,
)


@given(columns)
def test_weights_count_a_column_as_often_as_it_is_repeated(drawn: list[Any]) -> None:
    values = np.array([column for column, _ in drawn], dtype=np.int64).T
    weights = np.array([weight for _, weight in drawn], dtype=np.int64)
    repeated = np.repeat(values, weights, axis=1)
    assert cohen_kappa(values[0], values[1], weights) == cohen_kappa(repeated[0], repeated[1])
    assert fleiss_kappa(values, weights) == fleiss_kappa(repeated)
    assert krippendorff_alpha(values, weights) == krippendorff_alpha(repeated)


@given(st.integers(1, 80), st.integers(0, 30), st.integers(0, 2**16))
def test_column_counts_are_the_columns_counted(rows: int, units: int, seed: int) -> None:
    """Also with so many annotators and values that a column no longer fits in one number."""
    values = np.random.default_rng(seed).integers(MISSING, 5, size=(rows, units))
    expected = Counter(tuple(column) for column in values.T.tolist())
    assert _column_counts(values) == expected
