"""Token-level coefficients of the report against scikit-learn, statsmodels, krippendorff and nltk.

Random corpora (random token grids, random spans per annotator, some documents unfinished or not
assigned) go through :func:`agreement_report`; the reference side derives every token's value
from the definition (references.token_value) and hands the values to the published packages.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable
from itertools import combinations
from statistics import fmean

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from workbench.core.agreement import (
    MISSING,
    Codebook,
    DocumentAnnotations,
    Undefined,
    agreement_report,
    cohen_kappa,
    document_token_values,
    fleiss_kappa,
    krippendorff_alpha,
    token_values,
)

from .references import token_value
from .strategies import Corpus, corpora, spans_in, token_grids

TOLERANCE = 1e-9
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Table = list[list[str | None]]  # annotators x tokens, None = missing


def reference_table(corpus: Corpus) -> Table:
    """Each annotator's value of every token of the corpus, from the definition."""
    table: Table = [[] for _ in corpus.annotators]
    for document in corpus.documents:
        for row, annotator in zip(table, corpus.annotators, strict=True):
            for token in document.tokens:
                row.append(
                    token_value(document.spans[annotator], token)
                    if corpus.finished(document, annotator)
                    else None
                )
    return table


def undefined_or_nan(compute: Callable[[], float]) -> float | None:
    """A reference value; None where the reference raises or returns NaN (undefined)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = float(compute())
        except (ValueError, ZeroDivisionError):
            return None
    return None if math.isnan(value) else value


def assert_same(actual: float | None, reference: float | None) -> None:
    if reference is None:
        assert actual is None
    else:
        assert actual is not None and abs(actual - reference) <= TOLERANCE, (actual, reference)


def labelled(column: list[str | None]) -> bool:
    return any(v is not None and v != "O" for v in column)


def sklearn_cohen(x: list[str | None], y: list[str | None], *, labelled_only: bool) -> float | None:
    pairs = [(a, b) for a, b in zip(x, y, strict=True) if a is not None and b is not None]
    if labelled_only:
        pairs = [(a, b) for a, b in pairs if a != "O" or b != "O"]
    if not pairs:
        return None
    return undefined_or_nan(lambda: cohen_kappa_score([a for a, _ in pairs], [b for _, b in pairs]))


def statsmodels_fleiss_of(columns: list[list[str | None]]) -> float | None:
    if not columns or any(v is None for column in columns for v in column) or len(columns[0]) < 2:
        return None
    values = sorted({v for column in columns for v in column if v is not None})
    codes: dict[str | None, int] = {v: i for i, v in enumerate(values)}
    data = np.array([[codes[v] for v in column] for column in columns])  # units x raters
    table, _ = aggregate_raters(data, n_cat=len(codes))
    return undefined_or_nan(lambda: statsmodels_fleiss(table, method="fleiss"))


def krippendorff_of(columns: list[list[str | None]], n_annotators: int) -> float | None:
    if n_annotators < 2 or not columns:
        return None
    codes = {v: i for i, v in enumerate(sorted({v for c in columns for v in c if v is not None}))}
    data = np.array(
        [[np.nan if v is None else codes[v] for v in column] for column in columns], dtype=float
    ).T  # coders x units
    return undefined_or_nan(lambda: krippendorff.alpha(data, level_of_measurement="nominal"))


def columns_of(table: Table) -> list[list[str | None]]:
    return [list(column) for column in zip(*table, strict=True)] if table else []


@SETTINGS
@given(corpora(min_annotators=1, max_annotators=4))
def test_token_coefficients_equal_the_reference_packages(corpus: Corpus) -> None:
    report = agreement_report(corpus.build(), corpus.annotators)
    token = report["token"]
    table = reference_table(corpus)
    columns = columns_of(table)
    names = corpus.annotators

    for (i, a), (j, b) in combinations(enumerate(names), 2):
        key = f"{a}|{b}"
        assert_same(
            token["cohen_kappa"][key], sklearn_cohen(table[i], table[j], labelled_only=False)
        )
        assert_same(
            token["cohen_kappa_labelled_only"][key],
            sklearn_cohen(table[i], table[j], labelled_only=True),
        )

    kept = [column for column in columns if labelled(column)]
    assert token["tokens"] == len(columns)
    assert token["tokens_labelled_by_someone"] == len(kept)
    assert_same(token["fleiss_kappa"], statsmodels_fleiss_of(columns) if len(names) > 1 else None)
    assert_same(
        token["fleiss_kappa_labelled_only"],
        statsmodels_fleiss_of(kept) if len(names) > 1 else None,
    )
    assert_same(token["krippendorff_alpha"], krippendorff_of(columns, len(names)))
    assert_same(token["krippendorff_alpha_labelled_only"], krippendorff_of(kept, len(names)))

    for pointer, reason in report["undefined"].items():
        assert reason, pointer


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(min_annotators=2, max_annotators=4))
def test_per_label_binary_alpha_equals_krippendorff(corpus: Corpus) -> None:
    report = agreement_report(corpus.build(), corpus.annotators)
    for label, block in report["token"]["per_label"].items():
        columns = []
        for document in corpus.documents:
            for start, end in document.tokens:
                column: list[str | None] = []
                for annotator in corpus.annotators:
                    if not corpus.finished(document, annotator):
                        column.append(None)
                    else:
                        hit = any(
                            x == label and min(e, end) - max(s, start) > 0
                            for s, e, x in document.spans[annotator]
                        )
                        column.append("yes" if hit else "no")
                columns.append(column)
        assert_same(block["krippendorff_alpha"], krippendorff_of(columns, len(corpus.annotators)))


def nltk_task(table: Table) -> AnnotationTask:
    triples = [
        (f"c{coder}", f"u{unit}", value)
        for coder, row in enumerate(table)
        for unit, value in enumerate(row)
        if value is not None
    ]
    return AnnotationTask(data=triples)


def nltk_value(compute: Callable[[], float]) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(compute())
        except (ValueError, ZeroDivisionError):
            return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(min_annotators=2, max_annotators=3, max_documents=3, max_length=25), st.booleans())
def test_nltk_annotation_task_where_it_applies(corpus: Corpus, complete: bool) -> None:
    """NLTK: alpha() with missing values omitted; pi() (= Fleiss) and kappa() (= mean pairwise
    Cohen) on complete data. NLTK returns 1.0 where the coefficient is 0/0, so only defined
    values are compared."""
    if complete:
        corpus = Corpus(
            corpus.annotators,
            tuple(
                type(d)(
                    d.length, d.tokens, d.spans, d.events, dict.fromkeys(corpus.annotators, "done")
                )
                for d in corpus.documents
            ),
        )
    report = agreement_report(corpus.build(), corpus.annotators)
    token = report["token"]
    table = reference_table(corpus)
    if token["krippendorff_alpha"] is not None:
        reference = nltk_value(nltk_task(table).alpha)
        assert reference is not None and abs(token["krippendorff_alpha"] - reference) <= TOLERANCE
    if complete and table[0]:
        task = nltk_task(table)
        if token["fleiss_kappa"] is not None:
            reference = nltk_value(task.pi)
            assert reference is not None and abs(token["fleiss_kappa"] - reference) <= TOLERANCE
        pairwise = list(token["cohen_kappa"].values())
        if all(v is not None for v in pairwise):
            reference = nltk_value(task.kappa)
            assert reference is not None and abs(fmean(pairwise) - reference) <= TOLERANCE
            assert abs(token["cohen_kappa_mean"] - reference) <= TOLERANCE


# --- the coefficient functions on their own -----------------------------------------------------


@st.composite
def code_matrices(draw: st.DrawFn) -> np.ndarray:
    raters = draw(st.integers(1, 5))
    units = draw(st.integers(0, 30))
    categories = draw(st.integers(1, 4))
    missing_rate = draw(st.sampled_from([0.0, 0.0, 0.2, 0.6]))
    values = draw(
        st.lists(
            st.lists(
                st.one_of(
                    st.integers(0, categories - 1),
                    st.just(MISSING) if missing_rate else st.integers(0, categories - 1),
                ),
                min_size=units,
                max_size=units,
            ),
            min_size=raters,
            max_size=raters,
        )
    )
    return np.array(values, dtype=np.int64).reshape(raters, units)


def score(value: float | Undefined) -> float | None:
    return None if isinstance(value, Undefined) else value


@SETTINGS
@given(code_matrices())
def test_coefficient_functions_on_random_matrices(values: np.ndarray) -> None:
    raters, units = values.shape
    columns: list[list[str | None]] = [
        [None if v == MISSING else str(v) for v in values[:, u]] for u in range(units)
    ]
    assert_same(score(krippendorff_alpha(values)), krippendorff_of(columns, raters))
    assert_same(score(fleiss_kappa(values)), statsmodels_fleiss_of(columns) if raters > 1 else None)
    if raters >= 2:
        x = [None if v == MISSING else str(v) for v in values[0]]
        y = [None if v == MISSING else str(v) for v in values[1]]
        assert_same(
            score(cohen_kappa(values[0], values[1])), sklearn_cohen(x, y, labelled_only=False)
        )


def test_balanced_total_disagreement_is_minus_one() -> None:
    x = np.array([0, 1, 0, 1])
    y = np.array([1, 0, 1, 0])
    assert cohen_kappa(x, y) == -1.0
    assert krippendorff_alpha(np.vstack([x, y])) == pytest.approx(-0.75)


def test_one_unit_two_coders_disagreeing_gives_alpha_zero() -> None:
    assert krippendorff_alpha(np.array([[0], [1]])) == 0.0


def test_single_coder_is_undefined() -> None:
    values = np.array([[0, 1, 1]])
    assert isinstance(krippendorff_alpha(values), Undefined)
    assert isinstance(fleiss_kappa(values), Undefined)


# --- token values --------------------------------------------------------------------------------


def values_of(spans: list[tuple[int, int, str]], tokens: list[tuple[int, int]]) -> list[str]:
    return document_token_values(spans, tokens)


def test_longest_overlapping_span_gives_the_value() -> None:
    tokens = [(0, 3), (4, 8), (9, 12)]
    # ORG covers all three tokens and is longest; PER is nested in it
    assert values_of([(0, 12, "ORG"), (4, 8, "PER")], tokens) == ["ORG", "ORG", "ORG"]
    # a span touching one character of a token gives the token its label
    assert values_of([(2, 5, "LOC")], tokens) == ["LOC", "LOC", "O"]


def test_equally_long_spans_with_different_labels_give_a_composite() -> None:
    tokens = [(0, 3), (4, 8)]
    assert values_of([(0, 3, "PER"), (0, 3, "LOC")], tokens) == ["LOC|PER", "O"]
    # the composite gives way to a longer span
    assert values_of([(0, 3, "PER"), (0, 3, "LOC"), (0, 8, "ORG")], tokens) == ["ORG", "ORG"]


@pytest.mark.parametrize(
    ("tokens", "named"),
    [
        (((4, 6), (0, 3)), "[0, 3)"),  # before the previous one
        (((0, 3), (2, 5)), "[2, 5)"),  # overlapping the previous one
        (((0, 3), (5, 5), (6, 8)), "[5, 5)"),  # empty
        (((0, 3), (6, 4)), "[6, 4)"),  # reversed
        (((-1, 3),), "[-1, 3)"),  # before the text
        (((0, 3), (8, 11)), "[8, 11)"),  # past its end
    ],
)
def test_tokens_must_be_in_order_inside_the_text_and_not_empty(
    tokens: tuple[tuple[int, int], ...], named: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(f"token {named} is empty, outside the text")):
        DocumentAnnotations.from_sets("d", 10, tokens, [])


def test_tokens_that_touch_and_fill_the_text_are_taken() -> None:
    document = DocumentAnnotations.from_sets("d", 10, ((0, 3), (3, 4), (6, 10)), [])
    assert document.tokens.tolist() == [[0, 3], [3, 4], [6, 10]]


@SETTINGS
@given(
    st.lists(
        st.integers(0, 30).flatmap(lambda n: st.tuples(st.just(n), token_grids(n))), max_size=4
    ),
    st.data(),
)
def test_token_values_over_documents_laid_end_to_end(
    documents: list[tuple[int, tuple[tuple[int, int], ...]]], data: st.DataObject
) -> None:
    """The vectorised values equal the definition, document by document, ties included."""
    codebook = Codebook()
    starts, ends, labels, token_starts, token_ends = [], [], [], [], []
    expected: list[str] = []
    offset = 0
    for length, tokens in documents:
        spans = data.draw(spans_in(length, 8, ("PER", "LOC")))
        for s, e, label in spans:
            starts.append(s + offset)
            ends.append(e + offset)
            labels.append(codebook.code(label))
        token_starts += [s + offset for s, _ in tokens]
        token_ends += [e + offset for _, e in tokens]
        expected += [token_value(spans, token) for token in tokens]
        offset += length
    span_starts, span_ends, span_labels, token_start_array, token_end_array = (
        np.array(x, dtype=np.int64) for x in (starts, ends, labels, token_starts, token_ends)
    )
    result = token_values(
        span_starts, span_ends, span_labels, token_start_array, token_end_array, codebook
    )
    assert [codebook.values[c] for c in result.codes] == expected
