"""Document-label agreement per field (issue 14, point 6) against scikit-learn, krippendorff and
nltk on random corpora, and a small example worked by hand.

The reference side builds the items from the definition in documents/test terms: a field's
answer is missing where the annotator has not finished the document or left the field out;
a multiple-choice field is one binary item per (document, value someone chose).
"""

from __future__ import annotations

from itertools import combinations
from statistics import fmean

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score

from workbench.core.agreement import DocumentAnnotations, agreement_report, undefined_reason
from workbench.core.model import AnnotationSet, DocumentLabelValue, Status

from .strategies import Corpus, corpora
from .test_token_coefficients import assert_same, undefined_or_nan

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Column = list[str | None]  # one item: each annotator's value, None = missing


def answers(corpus: Corpus, name: str) -> list[dict[str, frozenset[str]]]:
    """Per document someone answered ``name`` in: annotator -> the values chosen."""
    found = []
    for document in corpus.documents:
        answer = {}
        for annotator in corpus.annotators:
            labels = document.labels[annotator]
            if corpus.finished(document, annotator) and name in labels:
                value = labels[name]
                answer[annotator] = frozenset([value] if isinstance(value, str) else value)
        if answer:
            found.append(answer)
    return found


def items(corpus: Corpus, name: str, multiple: bool, value: str | None = None) -> list[Column]:
    """The study's items: one per document (nominal), or per (document, value) (binary)."""
    documents = answers(corpus, name)
    if not multiple and value is None:
        return [
            [next(iter(d[a])) if a in d else None for a in corpus.annotators] for d in documents
        ]
    used = sorted({v for d in documents for chosen in d.values() for v in chosen})
    return [
        [("yes" if v in d[a] else "no") if a in d else None for a in corpus.annotators]
        for v in (used if value is None else [value])
        for d in documents
    ]


def sklearn_kappa(columns: list[Column], i: int, j: int) -> float | None:
    pairs = [(c[i], c[j]) for c in columns if c[i] is not None and c[j] is not None]
    if not pairs:
        return None
    return undefined_or_nan(lambda: cohen_kappa_score(*zip(*pairs, strict=True)))


def krippendorff_alpha_of(columns: list[Column]) -> float | None:
    if not columns:
        return None
    codes = {v: k for k, v in enumerate(sorted({v for c in columns for v in c if v is not None}))}
    data = np.array(
        [[np.nan if v is None else codes[v] for v in c] for c in columns], dtype=float
    ).T
    return undefined_or_nan(lambda: krippendorff.alpha(data, level_of_measurement="nominal"))


@SETTINGS
@given(corpora(min_annotators=2, max_annotators=4, max_documents=6, max_spans=0, with_labels=True))
def test_field_coefficients_equal_the_reference_packages(corpus: Corpus) -> None:
    report = agreement_report(corpus.build(), corpus.annotators)
    fields = report["document_labels"]["fields"]
    assert set(fields) == {name for name in ("relevance", "topic") if answers(corpus, name)}
    for name, block in fields.items():
        multiple = name == "topic"
        assert block["kind"] == ("multiple_choice" if multiple else "single_choice")
        documents = answers(corpus, name)
        assert block["values"] == sorted({v for d in documents for c in d.values() for v in c})
        columns = items(corpus, name, multiple)
        assert_same(block["krippendorff_alpha"], krippendorff_alpha_of(columns))
        for (i, a), (j, b) in combinations(enumerate(corpus.annotators), 2):
            key = f"{a}|{b}"
            assert_same(block["cohen_kappa"][key], sklearn_kappa(columns, i, j))
            both = [d for d in documents if a in d and b in d]
            assert block["documents"][key] == len(both)
            same = sum(1 for d in both if d[a] == d[b]) / len(both) if both else None
            assert_same(block["observed_agreement"][key], same)
        for value, per_value in block["per_value"].items():
            binary = items(corpus, name, multiple, value)
            assert_same(per_value["krippendorff_alpha"], krippendorff_alpha_of(binary))
            for (i, a), (j, b) in combinations(enumerate(corpus.annotators), 2):
                assert_same(per_value["cohen_kappa"][f"{a}|{b}"], sklearn_kappa(binary, i, j))
    for pointer, reason in report["undefined"].items():
        assert reason, pointer


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(min_annotators=2, max_annotators=3, max_documents=6, max_spans=0, with_labels=True))
def test_alpha_equals_nltk(corpus: Corpus) -> None:
    """NLTK's AnnotationTask (missing answers left out) gives Krippendorff's alpha too; it
    returns 1.0 or raises where the value is 0/0, so only defined values are compared."""
    report = agreement_report(corpus.build(), corpus.annotators)
    for name, block in report["document_labels"]["fields"].items():
        columns = items(corpus, name, name == "topic")
        triples = [
            (coder, f"u{unit}", value)
            for unit, column in enumerate(columns)
            for coder, value in zip(corpus.annotators, column, strict=True)
            if value is not None
        ]
        alpha = block["krippendorff_alpha"]
        if alpha is not None:
            assert AnnotationTask(data=triples).alpha() == pytest.approx(alpha, abs=1e-9)


# --- worked by hand ---------------------------------------------------------------------------


def labelled(
    annotator: str, labels: dict[str, DocumentLabelValue], done: bool = True
) -> AnnotationSet:
    return AnnotationSet(
        annotator, status=Status.DONE if done else Status.IN_PROGRESS, document_labels=labels
    )


def corpus_of(*documents: list[AnnotationSet]) -> list[DocumentAnnotations]:
    return [DocumentAnnotations.from_sets(f"d{i}", 10, (), s) for i, s in enumerate(documents)]


RELEVANCE_A = ["yes", "yes", "no", "yes", "no"]
RELEVANCE_B = ["yes", "no", "no", "yes", "yes"]


def test_single_choice_worked_by_hand() -> None:
    """Five documents. p_o = 3/5; both said yes 3 times and no 2 times, so
    p_e = (3*3 + 2*2)/25 = 13/25 and kappa = (15/25 - 13/25)/(12/25) = 1/6.
    Alpha: n = 10 values, 6 yes and 4 no; the coincidences off the diagonal are 2 + 2, so
    D_o = 4/10, D_e = 2*6*4/(10*9) = 48/90, alpha = 1 - (4/10)/(48/90) = 1/4."""
    documents = corpus_of(
        *(
            [labelled("A", {"relevance": a}), labelled("B", {"relevance": b})]
            for a, b in zip(RELEVANCE_A, RELEVANCE_B, strict=True)
        )
    )
    block = agreement_report(documents, ["A", "B"])["document_labels"]["fields"]["relevance"]
    assert block["kind"] == "single_choice"
    assert block["values"] == ["no", "yes"]
    assert block["documents"] == {"A|B": 5}
    assert block["observed_agreement"]["A|B"] == pytest.approx(3 / 5)
    assert block["cohen_kappa"]["A|B"] == pytest.approx(1 / 6)
    assert block["krippendorff_alpha"] == pytest.approx(1 / 4)
    # with two values, "yes or not" is the same study as the field
    assert block["per_value"]["yes"]["cohen_kappa"]["A|B"] == pytest.approx(1 / 6)


def test_multiple_choice_worked_by_hand() -> None:
    """Two documents, values war and economy: items (d0, economy) A 0 B 0, (d0, war) 1 1,
    (d1, economy) 1 0, (d1, war) 1 1. p_o = 3/4; A chose 3 of 4, B 2 of 4, so
    p_e = (3*2 + 1*2)/16 = 1/2 and kappa = (3/4 - 1/2)/(1/2) = 1/2. Identical sets on d0 only:
    observed agreement 1/2. Alpha: 5 ones, 3 zeros, one disagreeing item: D_o = 2/8,
    D_e = 2*5*3/(8*7) = 30/56, alpha = 1 - (1/4)/(30/56) = 8/15."""
    documents = corpus_of(
        [labelled("A", {"topic": ("war",)}), labelled("B", {"topic": ("war",)})],
        [labelled("A", {"topic": ("economy", "war")}), labelled("B", {"topic": ("war",)})],
    )
    block = agreement_report(documents, ["A", "B"])["document_labels"]["fields"]["topic"]
    assert block["kind"] == "multiple_choice"
    assert block["values"] == ["economy", "war"]
    assert block["cohen_kappa"]["A|B"] == pytest.approx(1 / 2)
    assert block["observed_agreement"]["A|B"] == pytest.approx(1 / 2)
    assert block["krippendorff_alpha"] == pytest.approx(8 / 15)
    assert block["per_value"]["war"]["krippendorff_alpha"] is None  # everybody chose war


def test_unanswered_and_unfinished_are_missing_not_values() -> None:
    """C left the field out, D has not finished: neither is compared, and a pair with no
    document both answered is undefined with a reason."""
    documents = corpus_of(
        [
            labelled("A", {"relevance": "yes"}),
            labelled("B", {"relevance": "yes"}),
            labelled("C", {}),
            labelled("D", {"relevance": "no"}, done=False),
        ],
        [labelled("A", {"relevance": "no"}), labelled("B", {"relevance": "no"})],
    )
    report = agreement_report(documents, ["A", "B", "C", "D"])
    block = report["document_labels"]["fields"]["relevance"]
    assert block["documents"] == {"A|B": 2, "A|C": 0, "A|D": 0, "B|C": 0, "B|D": 0, "C|D": 0}
    assert block["cohen_kappa"]["A|B"] == 1.0
    assert block["krippendorff_alpha"] == 1.0
    assert block["observed_agreement"]["A|C"] is None
    pointer = ("document_labels", "fields", "relevance", "observed_agreement", "A|C")
    reason = undefined_reason(report, *pointer)
    assert reason == "no document that both annotators finished and answered"
    assert block["observed_agreement_mean"] == 1.0
    assert block["cohen_kappa_mean"] == 1.0


def test_document_labels_count_in_the_per_document_disagreement() -> None:
    documents = corpus_of(
        [
            labelled("A", {"relevance": "yes", "topic": ("war", "economy")}),
            labelled("B", {"relevance": "yes", "topic": ("war",)}),
        ]
    )
    row = agreement_report(documents, ["A", "B"])["per_document"][0]
    # A: relevance=yes, topic=war, topic=economy; B: relevance=yes, topic=war
    assert (row["unmatched"], row["annotations"]) == (1, 5)


def test_mean_of_kappa_over_pairs() -> None:
    documents = corpus_of(
        *(
            [
                labelled("A", {"relevance": a}),
                labelled("B", {"relevance": b}),
                labelled("C", {"relevance": a}),
            ]
            for a, b in zip(RELEVANCE_A, RELEVANCE_B, strict=True)
        )
    )
    block = agreement_report(documents, ["A", "B", "C"])["document_labels"]["fields"]["relevance"]
    assert block["cohen_kappa"] == pytest.approx({"A|B": 1 / 6, "A|C": 1.0, "B|C": 1 / 6})
    assert block["cohen_kappa_mean"] == pytest.approx(fmean([1 / 6, 1.0, 1 / 6]))
