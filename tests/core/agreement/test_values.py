"""Scores that may be undefined, pair keys, and means over the defined values."""

from __future__ import annotations

from fractions import Fraction

import pytest

from workbench.core.agreement.values import (
    Undefined,
    annotator_pairs,
    mean_and_sd,
    mean_of_defined,
    pair_key,
    pair_members,
    ratio,
)


def test_a_ratio_over_zero_is_undefined_with_its_reason() -> None:
    assert ratio(1, 4, "no units") == 0.25
    assert ratio(Fraction(1, 3), Fraction(2, 3), "no units") == 0.5
    assert ratio(0, 0, "no units") == Undefined("no units")


def test_pair_keys_are_ordered_and_read_back() -> None:
    assert pair_key("badr", "amal") == pair_key("amal", "badr") == "amal|badr"
    assert pair_members("amal|badr") == ("amal", "badr")
    assert annotator_pairs(["cala", "amal", "badr"]) == [("amal", "badr"), ("amal", "cala"), ("badr", "cala")]


def test_means_leave_undefined_values_out() -> None:
    mean, sd = mean_and_sd([1.0, Undefined("x"), 0.5], "none")
    assert [mean, sd] == [pytest.approx(0.75), pytest.approx(0.25)]  # population SD
    assert mean_and_sd([Undefined("x")], "none") == (Undefined("none"), Undefined("none"))
    assert mean_of_defined([], "no pairs") == Undefined("no pairs")
