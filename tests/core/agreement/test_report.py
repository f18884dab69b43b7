"""The report's JSON shape, its undefined-value scheme, and the per-document disagreement score."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from workbench.core.agreement import DocumentAnnotations, agreement_report, undefined_reason
from workbench.core.model import AnnotationSet, Argument, Event, Span, Status

from .strategies import Corpus, corpora

F1_BLOCK_KEYS = {"pairs", "mean", "sd", "precision", "recall", "counts", "per_annotator"}


def document(
    doc_id: str, spans: dict[str, list[tuple[int, int, str]]], *, done: str = ""
) -> DocumentAnnotations:
    finished = set(done) if done else set(spans)
    sets = [
        AnnotationSet(
            a,
            tuple(Span(f"{a}{i}", s, e, x, "") for i, (s, e, x) in enumerate(items)),
            (),
            Status.DONE if a in finished else Status.IN_PROGRESS,
        )
        for a, items in spans.items()
    ]
    return DocumentAnnotations.from_sets(doc_id, 30, ((0, 3), (5, 8), (10, 14)), sets)


def nulls(node: Any, pointer: str = "") -> set[str]:
    if node is None:
        return {pointer}
    if isinstance(node, dict):
        found: set[str] = set()
        for key, value in node.items():
            if pointer == "" and key == "undefined":
                continue
            escaped = key.replace("~", "~0").replace("/", "~1")
            found |= nulls(value, f"{pointer}/{escaped}")
        return found
    if isinstance(node, list):
        return (
            set().union(*(nulls(v, f"{pointer}/{i}") for i, v in enumerate(node)))
            if node
            else set()
        )
    return set()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(with_events=True))
def test_every_null_has_a_reason_and_the_json_is_strict(corpus: Corpus) -> None:
    report = agreement_report(corpus.build(), corpus.annotators)
    text = json.dumps(report, allow_nan=False, ensure_ascii=False)
    assert json.loads(text) == report
    assert nulls(report) == set(report["undefined"])
    assert all(isinstance(reason, str) and reason for reason in report["undefined"].values())


def test_shape() -> None:
    documents = [
        document("d1", {"A": [(0, 3, "PER")], "B": [(0, 3, "PER"), (5, 8, "LOC")], "C": []}),
        document("d2", {"A": [(10, 14, "ORG")], "B": [(10, 14, "ORG")]}, done="A"),
    ]
    report = agreement_report(
        documents, ["C", "A", "B"], tokenizer="camel-tools simple_word_tokenize"
    )
    assert report["annotators"] == ["C", "A", "B"]
    assert report["documents"] == 2
    assert report["finished_documents"] == {"C": 1, "A": 2, "B": 1}
    span = report["span_f1"]
    assert set(span) == {
        "exact_labeled",
        "exact_unlabeled",
        "overlap_labeled",
        "overlap_unlabeled",
        "per_label",
    }
    for mode in ("exact_labeled", "exact_unlabeled", "overlap_labeled", "overlap_unlabeled"):
        assert set(span[mode]) == F1_BLOCK_KEYS
        assert set(span[mode]["pairs"]) == {"A|B", "A|C", "B|C"}
    assert set(span["per_label"]) == {"PER", "LOC", "ORG"}
    assert set(span["per_label"]["PER"]) == {"exact", "overlap"}
    token = report["token"]
    for key in (
        "cohen_kappa",
        "cohen_kappa_labelled_only",
        "fleiss_kappa",
        "fleiss_kappa_labelled_only",
        "krippendorff_alpha",
        "krippendorff_alpha_labelled_only",
        "per_label",
        "tokenizer",
    ):
        assert key in token
    assert token["tokenizer"] == "camel-tools simple_word_tokenize"
    assert set(report["alpha_u"]) >= {"overall", "per_label", "pairs", "measure", "aggregation"}
    assert set(report["events"]) == {"exact", "overlap", "role_agreement"}
    assert len(report["events"]["exact"]) == 6
    assert [row["document_id"] for row in report["per_document"]] == ["d1", "d2"]
    # the pair matrix is keyed alphabetically whatever the order of the annotators
    assert span["exact_labeled"]["pairs"]["A|B"] == 2 / 3


def test_single_annotator_gives_no_pairs_and_reasons() -> None:
    report = agreement_report([document("d1", {"A": [(0, 3, "PER")]})], ["A"])
    block = report["span_f1"]["exact_labeled"]
    assert block["pairs"] == {}
    assert block["mean"] is None and block["sd"] is None
    assert (
        undefined_reason(report, "span_f1", "exact_labeled", "mean") == "fewer than two annotators"
    )
    assert report["token"]["krippendorff_alpha"] is None
    assert report["token"]["fleiss_kappa"] is None
    assert report["alpha_u"]["overall"] is None
    assert report["per_document"][0]["disagreement"] is None


def test_annotators_not_listed_are_ignored() -> None:
    documents = [
        document("d1", {"A": [(0, 3, "PER")], "B": [(0, 3, "PER")], "gold": [(5, 8, "X")]})
    ]
    report = agreement_report(documents, ["A", "B"])
    assert set(report["span_f1"]["exact_labeled"]["pairs"]) == {"A|B"}
    assert "X" not in report["span_f1"]["per_label"]


def test_unfinished_tokens_are_missing_not_outside() -> None:
    documents = [
        document("d1", {"A": [(0, 3, "PER")], "B": [(0, 3, "PER")]}),
        document("d2", {"A": [(5, 8, "LOC")], "B": []}, done="A"),
    ]
    token = agreement_report(documents, ["A", "B"])["token"]
    assert token["tokens"] == 6
    assert token["cohen_kappa_tokens"] == {"A|B": 3}
    assert token["cohen_kappa"]["A|B"] == 1.0


def test_pointer_escapes_labels_with_a_slash() -> None:
    documents = [document("d1", {"A": [(0, 3, "PER/GROUP")], "B": []})]
    report = agreement_report(documents, ["A", "B"])
    assert report["span_f1"]["per_label"]["PER/GROUP"]["exact"]["precision"]["A|B"] is None
    assert "/span_f1/per_label/PER~1GROUP/exact/precision/A|B" in report["undefined"]
    assert undefined_reason(
        report, "span_f1", "per_label", "PER/GROUP", "exact", "precision", "A|B"
    )


@pytest.mark.parametrize("names", [["A", "A"], ["A|B", "C"], [""]])
def test_bad_annotator_names(names: list[str]) -> None:
    with pytest.raises(ValueError):
        agreement_report([], names)


def test_no_documents() -> None:
    report = agreement_report([], ["A", "B"])
    assert report["documents"] == 0
    assert report["token"]["tokens"] == 0
    assert report["token"]["cohen_kappa"]["A|B"] is None
    json.dumps(report, allow_nan=False)


# --- per-document disagreement -------------------------------------------------------------


def test_disagreement_score() -> None:
    documents = [
        document("same", {"A": [(0, 3, "PER")], "B": [(0, 3, "PER")]}),
        document("extra", {"A": [(0, 3, "PER")], "B": [(0, 3, "PER"), (5, 8, "LOC")]}),
        document("apart", {"A": [(0, 3, "PER")], "B": [(0, 3, "LOC")]}),
        document("empty", {"A": [], "B": []}),
        document("alone", {"A": [(0, 3, "PER")], "B": [(0, 3, "PER")]}, done="A"),
    ]
    rows = {r["document_id"]: r for r in agreement_report(documents, ["A", "B"])["per_document"]}
    assert (rows["same"]["disagreement"], rows["same"]["unmatched"]) == (0.0, 0)
    assert (rows["extra"]["disagreement"], rows["extra"]["unmatched"]) == (1 / 3, 1)
    assert rows["apart"]["disagreement"] == 1.0
    assert rows["empty"]["disagreement"] is None
    assert rows["alone"]["disagreement"] is None
    assert rows["alone"]["finished"] == ["A"]


def test_disagreement_counts_triggers_and_attached_arguments() -> None:
    def with_event(annotator: str, role: str) -> AnnotationSet:
        spans = (Span("t", 10, 14, "Attack", ""), Span("x", 0, 3, "PER", ""))
        events = (Event("e", "Attack", "t", (Argument(role, span_id="x"),)),)
        return AnnotationSet(annotator, spans, events, Status.DONE)

    doc = DocumentAnnotations.from_sets(
        "d", 20, (), [with_event("A", "Agent"), with_event("B", "Victim")]
    )
    row = agreement_report([doc], ["A", "B"])["per_document"][0]
    # entity and trigger agree (4 shared annotations), the attached arguments differ (2 unmatched)
    assert (row["unmatched"], row["annotations"]) == (2, 6)


def test_the_package_imports_neither_qt_nor_sqlite() -> None:
    code = (
        "import sys, workbench.core.agreement;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'sqlite3', 'sqlite_utils'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
