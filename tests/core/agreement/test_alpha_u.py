"""alpha_U against a statement-by-statement port of DKPro Statistics and INCEpTION (references.py),
and against DKPro's own unit tests."""

from __future__ import annotations

import math
from itertools import combinations
from statistics import fmean

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.agreement import Undefined, agreement_report, alpha_u, inception_units
from workbench.core.agreement.alpha_u import _observed_pair

from .references import DkproAlphaU, dkpro_study, inception_filter
from .strategies import Corpus, corpora, spans_in

TOLERANCE = 1e-9
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def defined(score: float | Undefined) -> float:
    assert not isinstance(score, Undefined), score
    return score


def dkpro_matches(ours: float | Undefined, dkpro: float, d_o: float, d_e: float) -> bool:
    """Equal, or undefined where DKPro has 0/0 (NaN, or its 0.0 for D_O = D_E = 0)."""
    if isinstance(ours, Undefined):
        return math.isnan(dkpro) or (d_o == 0 and d_e == 0)
    return abs(ours - dkpro) <= TOLERANCE


@st.composite
def continua(draw: st.DrawFn) -> tuple[int, int, list[tuple[tuple[int, int, str], ...]]]:
    length = draw(st.integers(1, 60))
    begin = draw(st.sampled_from([0, 0, 7]))
    raters = draw(st.integers(2, 4))
    spans = [
        tuple((s + begin, e + begin, x) for s, e, x in draw(spans_in(length, 8, ("c", "k"))))
        for _ in range(raters)
    ]
    return begin, length, spans


@SETTINGS
@given(continua())
def test_alpha_u_equals_dkpro(continuum: tuple[int, int, list[tuple[tuple[int, int, str], ...]]]) -> None:
    begin, length, spans = continuum
    ours = alpha_u({f"r{i}": s for i, s in enumerate(spans)}, length, begin)
    study = dkpro_study(spans, length, begin)
    categories = sorted(study.categories)
    d_o = sum(study.observed(c) for c in categories)
    d_e = float(sum(study.expected(c) for c in categories))
    assert dkpro_matches(ours.overall, study.agreement(), d_o, d_e)
    assert sorted(ours.per_category) == categories
    for category in categories:
        assert dkpro_matches(
            ours.per_category[category],
            study.category_agreement(category),
            study.observed(category),
            float(study.expected(category)),
        )


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10), st.sampled_from("xy")), max_size=12)
)
def test_filter_keeps_what_inception_adds(raw: list[tuple[int, int, str]]) -> None:
    spans = [(s, s + n, x) for s, n, x in raw]
    kept = inception_units(spans)
    reference = inception_filter(spans)
    assert {(s, e, x) for x, ranges in kept.items() for s, e in ranges} == set(reference)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(min_annotators=2, max_annotators=3, max_spans=6))
def test_report_averages_document_studies(corpus: Corpus) -> None:
    """One study per document of its finished annotators; the corpus values are the unweighted
    means of the defined per-document values (INCEpTION)."""
    report = agreement_report(corpus.build(), corpus.annotators)
    overall: list[float] = []
    per_pair: dict[str, list[float]] = {}
    for index, document in enumerate(corpus.documents):
        finished = [a for a in corpus.annotators if corpus.finished(document, a)]
        row = report["per_document"][index]
        if len(finished) < 2 or document.length == 0:
            assert row["alpha_u"] is None
            continue
        study = dkpro_study([document.spans[a] for a in finished], document.length)
        value = study.agreement()
        if row["alpha_u"] is None:
            assert math.isnan(value) or not study.categories or _zero_over_zero(study)
        else:
            assert abs(row["alpha_u"] - value) <= TOLERANCE
            overall.append(row["alpha_u"])
        for a, b in combinations(finished, 2):
            pair = dkpro_study([document.spans[a], document.spans[b]], document.length)
            values = per_pair.setdefault(f"{a}|{b}", [])
            if pair.categories and not _zero_over_zero(pair):
                values.append(pair.agreement())
    if overall:
        assert abs(report["alpha_u"]["overall"] - fmean(overall)) <= TOLERANCE
    else:
        assert report["alpha_u"]["overall"] is None
    for key, values in per_pair.items():
        got = report["alpha_u"]["pairs"][key]
        if values:
            assert got is not None and abs(got - fmean(values)) <= TOLERANCE
        else:
            assert got is None and report["undefined"][f"/alpha_u/pairs/{key}"]


def _zero_over_zero(study: DkproAlphaU) -> bool:
    """D_O = D_E = 0 (single-character units leaving no gap): undefined here, DKPro's 0.0 or 1.0."""
    categories = study.categories
    return (
        sum(study.observed(c) for c in categories) == 0
        and sum(study.expected(c) for c in categories) == 0
    )


# --- DKPro's unit tests (dkpro-statistics, unitizing/*Test.java) -------------------------------


def test_distance_metric() -> None:
    assert _observed_pair([(225, 295)], [(220, 300)]) == 50
    assert _observed_pair([(370, 400)], [(355, 375)]) == 850
    assert _observed_pair([], [(400, 420)]) == 400  # a unit inside the other rater's gap


def test_unitizing_agreement_example() -> None:
    """r0: -11111111-, r1: --1-1-1--- ; category A: 0.9100 / 0.5351 -> -0.7003."""
    result = alpha_u({"r0": [(1, 9, "A")], "r1": [(2, 3, "A"), (4, 5, "A"), (6, 7, "A")]}, 10)
    assert abs(defined(result.per_category["A"]) - -0.7003) < 1e-4


def test_single_annotation_unit_is_zero() -> None:
    assert alpha_u({"0": [(0, 1, "X")], "1": [], "2": []}, 20).overall == 0.0


def test_empty_study_is_undefined() -> None:
    assert isinstance(alpha_u({"0": [], "1": [], "2": []}, 20).overall, Undefined)


def test_single_rater_is_undefined() -> None:
    assert isinstance(alpha_u({"0": [(0, 5, "X")]}, 20).overall, Undefined)


def test_book_example_without_shared_files() -> None:
    units = {
        "i": [(225, 295, "c"), (370, 400, "c"), (180, 240, "k"), (300, 350, "k")],
        "j": [(220, 300, "c"), (355, 375, "c"), (400, 420, "c"), (180, 240, "k"), (300, 350, "k")],
    }
    result = alpha_u(units, length=300, begin=150)
    assert abs(defined(result.overall) - 0.8591) < 5e-4
    assert abs(defined(result.per_category["c"]) - 0.7286) < 1e-4
    assert result.per_category["k"] == 1.0


def test_identical_unitizations_agree_fully() -> None:
    assert alpha_u({"a": [(0, 30, "X")], "b": [(0, 30, "X")]}, 30).overall == 1.0
    assert (
        alpha_u({"a": [(3, 9, "X"), (12, 20, "Y")], "b": [(3, 9, "X"), (12, 20, "Y")]}, 30).overall
        == 1.0
    )


def test_overlapping_units_of_one_rater_are_filtered_as_inception_does() -> None:
    """DKPro alone returns 1.0 for [10,20)+[12,15) vs [10,20); INCEpTION keeps the earliest,
    longest unit, so the studies are identical and 1.0 is right for a different reason."""
    assert inception_units([(10, 20, "X"), (12, 15, "X")]) == {"X": [(10, 20)]}
    # a skipped unit still blocks later ones (INCEpTION's active set keeps it)
    assert inception_units([(0, 10, "X"), (5, 20, "X"), (15, 25, "X")]) == {"X": [(0, 10)]}
    # other labels are other categories
    assert inception_units([(0, 10, "X"), (5, 20, "Y")]) == {"X": [(0, 10)], "Y": [(5, 20)]}
