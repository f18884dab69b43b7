"""Pairwise span P/R/F1 against a brute-force reference, and the edge cases of MEASURES.md §2.2."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.agreement import (
    Counts,
    DocumentAnnotations,
    Undefined,
    agreement_report,
    interval_matching_size,
    span_counts,
    span_f1,
)
from workbench.core.model import AnnotationSet, Span, Status

from .references import brute_force_matching, share_a_character
from .strategies import Corpus, corpora

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference_tp(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]], mode: str) -> int:
    if mode == "exact_labeled":
        return sum((Counter(a) & Counter(b)).values())
    if mode == "exact_unlabeled":
        return sum((Counter((s, e) for s, e, _ in a) & Counter((s, e) for s, e, _ in b)).values())
    labeled = mode == "overlap_labeled"
    return brute_force_matching(
        a,
        b,
        lambda x, y: share_a_character(x[:2], y[:2]) and (not labeled or x[2] == y[2]),
    )


@SETTINGS
@given(corpora(min_annotators=2, max_annotators=3, max_spans=7))
def test_span_f1_equals_brute_force(corpus: Corpus) -> None:
    report = agreement_report(corpus.build(), corpus.annotators)
    labels = sorted(
        {
            x
            for d in corpus.documents
            for a in corpus.annotators
            for *_, x in d.spans[a]
            if corpus.finished(d, a)
        }
    )
    for a, b in combinations(corpus.annotators, 2):
        key = f"{a}|{b}"
        shared = [d for d in corpus.documents if corpus.finished(d, a) and corpus.finished(d, b)]
        for mode in ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled"):
            tp = sum(reference_tp(list(d.spans[a]), list(d.spans[b]), mode) for d in shared)
            n_a = sum(len(d.spans[a]) for d in shared)
            n_b = sum(len(d.spans[b]) for d in shared)
            block = report["span_f1"][mode]
            assert block["counts"][key] == {"tp": tp, "a": n_a, "b": n_b}
            if not shared or n_a + n_b == 0:
                assert block["pairs"][key] is None
            else:
                assert block["pairs"][key] == 2 * tp / (n_a + n_b)
            assert block["precision"][key] == (tp / n_b if shared and n_b else None)
            assert block["recall"][key] == (tp / n_a if shared and n_a else None)
        assert sorted(report["span_f1"]["per_label"]) == labels
        for label in labels:
            for mode, full in (("exact", "exact_labeled"), ("overlap", "overlap_labeled")):
                tp = sum(
                    reference_tp(
                        [s for s in d.spans[a] if s[2] == label],
                        [s for s in d.spans[b] if s[2] == label],
                        full,
                    )
                    for d in shared
                )
                assert report["span_f1"]["per_label"][label][mode]["counts"][key]["tp"] == tp
        # labeled matching decomposes by label
        for mode, full in (("exact", "exact_labeled"), ("overlap", "overlap_labeled")):
            assert (
                sum(
                    report["span_f1"]["per_label"][label][mode]["counts"][key]["tp"]
                    for label in labels
                )
                == report["span_f1"][full]["counts"][key]["tp"]
            )


spans_of_a_document = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["PER", "LOC", "ORG"])).map(
        lambda raw: (raw[0], raw[0] + raw[1], raw[2])
    ),
    max_size=8,
)


@SETTINGS
@given(st.lists(st.tuples(spans_of_a_document, spans_of_a_document), max_size=5))
def test_span_counts_of_a_corpus_are_the_documents_counts_added(
    documents: list[tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]],
) -> None:
    """All documents counted at once (issue 16) give each document's counts added up, as
    ``interval_matching_size`` and multiset intersections count one document; spans in any order,
    repeated, nested, overlapping; the corpus in one chunk or in chunks of two documents."""
    counts = span_counts(documents)
    with patch.object(span_f1, "CHUNK", 2):
        assert span_counts(documents) == counts
    assert counts.documents == len(documents)
    for mode in ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled"):
        expected = (
            sum(per_document_tp(a, b, mode) for a, b in documents),
            sum(len(a) for a, _ in documents),
            sum(len(b) for _, b in documents),
        )
        got = counts.modes[mode]
        assert (got.tp, got.n_a, got.n_b) == expected, mode
    labels = {x for a, b in documents for *_, x in (*a, *b)}
    assert set(counts.per_label) == labels
    for label in labels:
        for mode, full in (("exact", "exact_labeled"), ("overlap", "overlap_labeled")):
            only = [([s for s in a if s[2] == label], [s for s in b if s[2] == label]) for a, b in documents]
            got = counts.per_label[label][mode]
            assert (got.tp, got.n_a, got.n_b) == (
                sum(per_document_tp(a, b, full) for a, b in only),
                sum(len(a) for a, _ in only),
                sum(len(b) for _, b in only),
            )


def per_document_tp(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]], mode: str) -> int:
    """One document's TP as it was counted per document: multiset intersections, and
    ``interval_matching_size`` per label (labeled) or over all ranges."""
    if mode.startswith("exact"):
        return reference_tp(a, b, mode)
    if mode == "overlap_unlabeled":
        return interval_matching_size([(s, e) for s, e, _ in a], [(s, e) for s, e, _ in b])
    return sum(
        interval_matching_size([(s, e) for s, e, x in a if x == label], [(s, e) for s, e, x in b if x == label])
        for label in {x for *_, x in (*a, *b)}
    )


def value(score: float | Undefined) -> float | None:
    return None if isinstance(score, Undefined) else score


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(min_annotators=2, max_annotators=2, max_spans=7, complete=True))
def test_f1_is_symmetric_and_ordered(corpus: Corpus) -> None:
    documents = corpus.documents
    forward = span_counts((d.spans["A"], d.spans["B"]) for d in documents)
    backward = span_counts((d.spans["B"], d.spans["A"]) for d in documents)
    for mode, counts in forward.modes.items():
        assert value(counts.f1) == value(backward.modes[mode].f1)
        assert value(counts.precision) == value(backward.modes[mode].recall)
    tp = {mode: c.tp for mode, c in forward.modes.items()}
    assert tp["exact_labeled"] <= tp["exact_unlabeled"] <= tp["overlap_unlabeled"]
    assert tp["exact_labeled"] <= tp["overlap_labeled"] <= tp["overlap_unlabeled"]


def test_one_to_one_not_lenient() -> None:
    """MEASURES §2.1: A = [0,10); B = [0,4) + [5,10): TP = 1, P = 0.5, R = 1, F1 = 2/3."""
    counts = span_counts([([(0, 10, "X")], [(0, 4, "X"), (5, 10, "X")])])
    overlap = counts.modes["overlap_labeled"]
    assert (overlap.tp, overlap.precision, overlap.recall) == (1, 0.5, 1.0)
    assert overlap.f1 == 2 / 3


def test_edge_cases() -> None:
    nothing = Counts()
    assert isinstance(nothing.f1, Undefined) and isinstance(nothing.precision, Undefined)
    only_a = Counts(tp=0, n_a=3, n_b=0)
    assert isinstance(only_a.precision, Undefined)
    assert only_a.recall == 0.0
    assert only_a.f1 == 0.0


def _document(
    doc_id: str, spans: dict[str, list[tuple[int, int, str]]], done: set[str]
) -> DocumentAnnotations:
    sets = [
        AnnotationSet(
            annotator,
            tuple(Span(f"{annotator}{i}", s, e, x, "") for i, (s, e, x) in enumerate(items)),
            (),
            Status.DONE if annotator in done else Status.IN_PROGRESS,
        )
        for annotator, items in spans.items()
    ]
    return DocumentAnnotations.from_sets(doc_id, 20, (), sets)


def test_counts_pool_over_documents_both_finished() -> None:
    documents = [
        _document("d1", {"A": [(0, 3, "X")], "B": [(0, 3, "X")]}, {"A", "B"}),
        _document("d2", {"A": [(0, 3, "X")], "B": [(5, 8, "X")]}, {"A", "B"}),
        _document("d3", {"A": [(0, 3, "X")], "B": [(0, 3, "X")]}, {"A"}),  # B unfinished
    ]
    block = agreement_report(documents, ["A", "B"])["span_f1"]["exact_labeled"]
    assert block["counts"]["A|B"] == {"tp": 1, "a": 2, "b": 2}
    assert block["pairs"]["A|B"] == 0.5


def test_pair_without_shared_document_is_undefined() -> None:
    documents = [_document("d1", {"A": [(0, 3, "X")], "B": [(0, 3, "X")]}, {"A"})]
    report = agreement_report(documents, ["A", "B"])
    assert report["span_f1"]["exact_labeled"]["pairs"]["A|B"] is None
    assert report["undefined"]["/span_f1/exact_labeled/pairs/A|B"] == (
        "no document that both annotators finished"
    )


def test_mean_sd_and_per_annotator_over_pairs() -> None:
    documents = [
        _document(
            "d1",
            {"A": [(0, 3, "X")], "B": [(0, 3, "X")], "C": [(0, 3, "Y")]},
            {"A", "B", "C"},
        )
    ]
    block = agreement_report(documents, ["A", "B", "C"])["span_f1"]["exact_labeled"]
    assert block["pairs"] == {"A|B": 1.0, "A|C": 0.0, "B|C": 0.0}
    assert block["mean"] == 1 / 3
    assert abs(block["sd"] - (2 / 9) ** 0.5) < 1e-15  # population SD of (1, 0, 0)
    assert block["per_annotator"] == {"A": 0.5, "B": 0.5, "C": 0.0}
