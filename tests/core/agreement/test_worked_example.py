"""Every value of ../shared/agreement/worked_example.json, reproduced through the public API."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workbench.core.agreement import (
    MISSING,
    Codebook,
    DocumentAnnotations,
    Undefined,
    agreement_report,
    alpha_u,
    cohen_kappa,
    document_token_values,
    fleiss_kappa,
    krippendorff_alpha,
)
from workbench.core.agreement.documents import entity_spans
from workbench.core.model import AnnotationSet, Span, Status

from .worked_example import example_document, example_sets, example_tokens, load_example

TOLERANCE = 1e-9
PAIRS = {"A-B": "A|B", "A-C": "A|C", "B-C": "B|C"}


@pytest.fixture(scope="module")
def example(shared_dir: Path) -> dict[str, Any]:
    return load_example(shared_dir)


@pytest.fixture(scope="module")
def expected(example: dict[str, Any]) -> dict[str, Any]:
    wanted: dict[str, Any] = example["expected"]
    return wanted


@pytest.fixture(scope="module")
def report(example: dict[str, Any]) -> dict[str, Any]:
    return agreement_report([example_document(example)], ["A", "B", "C"])


def close(actual: float | Undefined | None, wanted: float) -> bool:
    return isinstance(actual, (int, float)) and abs(actual - wanted) <= TOLERANCE


@pytest.mark.parametrize(
    ("fixture_key", "mode"),
    [
        ("span_f1_exact_labeled", "exact_labeled"),
        ("span_f1_exact_unlabeled", "exact_unlabeled"),
        ("span_f1_overlap_labeled_one_to_one", "overlap_labeled"),
        ("span_f1_overlap_unlabeled_one_to_one", "overlap_unlabeled"),
    ],
)
def test_span_f1_pairs(report: dict[str, Any], expected: dict[str, Any], fixture_key: str, mode: str) -> None:
    for pair, key in PAIRS.items():
        assert close(report["span_f1"][mode]["pairs"][key], expected[fixture_key][pair])


def test_span_f1_mean_and_population_sd(report: dict[str, Any], expected: dict[str, Any]) -> None:
    block = report["span_f1"]["exact_labeled"]
    assert close(block["mean"], expected["span_f1_exact_labeled"]["mean"])
    assert close(block["sd"], expected["span_f1_exact_labeled"]["population_sd"])


def test_span_counts_sit_beside_the_scores(report: dict[str, Any]) -> None:
    # A has 6 entities, B 5; both have GPE باريس (36, 41) and PER ماكرون (61, 67) exactly
    assert report["span_f1"]["exact_labeled"]["counts"]["A|B"] == {"tp": 2, "a": 6, "b": 5}
    assert report["span_f1"]["exact_labeled"]["precision"]["A|B"] == 2 / 5
    assert report["span_f1"]["exact_labeled"]["recall"]["A|B"] == 2 / 6


def test_token_values_are_the_fixture_labels(example: dict[str, Any]) -> None:
    text = example["text"]
    tokens = example_tokens(text)
    assert len(tokens) == 15
    for annotator, annotation_set in example_sets(example).items():
        spans = entity_spans(annotation_set, len(text))
        labels = document_token_values(spans, tokens)
        assert labels == example["token_units"]["labels"][annotator]


def test_token_coefficients_on_all_tokens(report: dict[str, Any], expected: dict[str, Any]) -> None:
    token = report["token"]
    assert close(token["cohen_kappa"]["A|B"], expected["token_cohen_kappa_all_tokens"]["A-B"])
    assert close(token["fleiss_kappa"], expected["token_fleiss_kappa_all_tokens"])
    assert close(
        token["krippendorff_alpha"], expected["token_krippendorff_alpha_nominal_all_tokens"]
    )


def test_token_coefficients_on_labelled_tokens(report: dict[str, Any], expected: dict[str, Any]) -> None:
    token = report["token"]
    restricted = expected["token_restricted_to_labelled_by_someone"]
    assert token["tokens_labelled_by_someone"] == restricted["kept_tokens"]
    assert close(token["fleiss_kappa_labelled_only"], restricted["fleiss_kappa"])
    assert close(
        token["krippendorff_alpha_labelled_only"], restricted["krippendorff_alpha_nominal"]
    )
    assert close(token["cohen_kappa_labelled_only"]["A|B"], restricted["cohen_kappa_A-B"])


def test_fleiss_alpha_identity_holds_exactly(report: dict[str, Any]) -> None:
    """Complete data, n coders, N items: alpha = 1 - (1 - kappa_F)(Nn - 1)/(Nn) (MEASURES §3.2)."""
    assert close(report["token"]["fleiss_kappa"], float(Fraction(499, 769)))
    assert close(report["token"]["krippendorff_alpha"], float(Fraction(505, 769)))


def test_nltk_named_coefficients(report: dict[str, Any]) -> None:
    """MEASURES §3.2: NLTK kappa() is the mean pairwise Cohen, pi() Fleiss, alpha() alpha."""
    token = report["token"]
    assert abs(token["cohen_kappa_mean"] - 0.650477) < 5e-7
    assert abs(token["fleiss_kappa"] - 0.648895) < 5e-7
    assert abs(token["krippendorff_alpha"] - 0.656697) < 5e-7


def _label_matrix(example: dict[str, Any]) -> tuple[np.ndarray, Codebook]:
    codebook = Codebook()
    rows = [[codebook.code(v) for v in example["token_units"]["labels"][a]] for a in "ABC"]
    return np.array(rows, dtype=np.int64), codebook


def test_alpha_with_missing_tokens_on_the_matrix(example: dict[str, Any], expected: dict[str, Any]) -> None:
    values, _ = _label_matrix(example)
    values[2, 8:15] = MISSING
    assert close(krippendorff_alpha(values), expected["token_alpha_with_missing_C_tokens_8_to_14"])
    assert isinstance(fleiss_kappa(values), Undefined)


def _split(example: dict[str, Any], at: int) -> list[DocumentAnnotations]:
    """The sentence as two documents cut at ``at``, spans clipped; C has not finished the second."""
    text = example["text"]
    parts = [(0, at), (at, len(text))]
    documents = []
    for index, (lo, hi) in enumerate(parts):
        sets = []
        for annotator, entities in example["entities"].items():
            spans = tuple(
                Span(
                    f"{annotator}{i}",
                    max(e["start"], lo) - lo,
                    min(e["end"], hi) - lo,
                    e["label"],
                    "",
                )
                for i, e in enumerate(entities)
                if e["start"] < hi and e["end"] > lo
            )
            status = Status.IN_PROGRESS if (annotator == "C" and index == 1) else Status.DONE
            sets.append(AnnotationSet(annotator, spans, (), status))
        tokens = [(s - lo, e - lo) for s, e in example_tokens(text) if lo <= s and e <= hi]
        documents.append(DocumentAnnotations.from_sets(f"part{index}", hi - lo, tokens, sets))
    return documents


def test_alpha_with_unfinished_document_through_the_report(example: dict[str, Any], expected: dict[str, Any]) -> None:
    # token 8 (الاثنين) starts at 46: the first document holds tokens 0-7, the second 8-14
    documents = _split(example, 46)
    assert [len(d.tokens) for d in documents] == [8, 7]
    report = agreement_report(documents, ["A", "B", "C"])
    token = report["token"]
    assert close(token["krippendorff_alpha"], expected["token_alpha_with_missing_C_tokens_8_to_14"])
    assert token["fleiss_kappa"] is None
    assert "incomplete data" in report["undefined"]["/token/fleiss_kappa"]
    # Cohen's kappa of A and B still sees all 15 tokens; A and C only the 8 C finished
    assert close(token["cohen_kappa"]["A|B"], expected["token_cohen_kappa_all_tokens"]["A-B"])
    assert token["cohen_kappa_tokens"] == {"A|B": 15, "A|C": 8, "B|C": 8}


def test_alpha_u_overall_per_label_and_pairs(report: dict[str, Any], expected: dict[str, Any]) -> None:
    wanted = expected["krippendorff_alpha_U_characters_DKPro_semantics"]
    section = report["alpha_u"]
    assert close(section["overall"], wanted["overall"])
    assert set(section["per_label"]) == set(wanted["per_label"])
    for label, value in wanted["per_label"].items():
        assert close(section["per_label"][label], value)
    for pair, key in PAIRS.items():
        assert close(section["pairs"][key], wanted["pairs"][pair])
    assert "alpha_U (1995)" in section["measure"] and "INCEpTION" in section["measure"]


def test_alpha_u_book_example(example: dict[str, Any]) -> None:
    """Krippendorff (2004, p. 254) as DKPro's Krippendorff2004Test sets it up: B=150, L=300."""
    wanted = example["krippendorff_2004_alpha_U_book_example"]
    units = {
        "i": [(225, 295, "c"), (370, 400, "c"), (180, 240, "k"), (300, 350, "k")],
        "j": [(220, 300, "c"), (355, 375, "c"), (400, 420, "c"), (180, 240, "k"), (300, 350, "k")],
    }
    result = alpha_u(units, length=300, begin=150)
    assert close(result.overall, wanted["overall"])
    for category, value in wanted["per_label"].items():
        assert close(result.per_category[category], value)


def test_events(report: dict[str, Any], expected: dict[str, Any]) -> None:
    for pair, measures in expected["events_textee_style_f1"].items():
        for name, value in measures.items():
            assert close(report["events"]["exact"][name]["pairs"][PAIRS[pair]], value), (pair, name)


def test_conditional_role_agreement(report: dict[str, Any]) -> None:
    """MEASURES §7: role F1 over trigger-aligned events, A-B 0.5455, A-C 0.8571, B-C 0.6667."""
    roles = report["events"]["role_agreement"]
    assert roles["pairs"] == pytest.approx({"A|B": 6 / 11, "A|C": 6 / 7, "B|C": 2 / 3}, abs=1e-12)
    assert roles["aligned_events"] == {"A|B": 2, "A|C": 1, "B|C": 1}


def test_set_semantics_collapse_repeated_arguments(report: dict[str, Any]) -> None:
    """C's two Contact:Meet events both take Sisi: 5 Arg-I tuples, not 6 (MEASURES §7)."""
    assert report["events"]["exact"]["argument_identification"]["counts"]["A|C"]["b"] == 5


def test_undefined_cases(example: dict[str, Any]) -> None:
    """One category everywhere: kappa/alpha undefined, not 1.0; no spans: F1 undefined."""
    values = np.zeros((3, 15), dtype=np.int64)
    assert isinstance(cohen_kappa(values[0], values[1]), Undefined)
    assert isinstance(fleiss_kappa(values), Undefined)
    assert isinstance(krippendorff_alpha(values), Undefined)

    text = example["text"]
    empty = [AnnotationSet(a, (), (), Status.DONE) for a in "AB"]
    document = DocumentAnnotations.from_sets("empty", len(text), example_tokens(text), empty)
    report = agreement_report([document], ["A", "B"])
    assert report["span_f1"]["exact_labeled"]["pairs"]["A|B"] is None
    assert "|A| + |B| = 0" in report["undefined"]["/span_f1/exact_labeled/pairs/A|B"]
    assert report["token"]["cohen_kappa"]["A|B"] is None
    assert report["token"]["krippendorff_alpha"] is None
    assert report["alpha_u"]["overall"] is None
    json.dumps(report, allow_nan=False)
