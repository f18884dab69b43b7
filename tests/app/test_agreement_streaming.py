"""project_agreement reads a project's documents one at a time and keeps only what the measures
read (issue 16, point 3): the figures are those of the whole-list report, and documents no two
annotators finished change no pairwise figure."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

import workbench.app.agreement as app_agreement
from workbench.app.agreement import TOKENIZER, measures_input, project_agreement
from workbench.core.agreement import DocumentAnnotations, agreement_report
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل أمس، وقال علي إن الجيش رد في بغداد."
ANNOTATORS = ["amal", "badr", "carim"]


def spans(*ranges: tuple[int, int, str]) -> tuple[Span, ...]:
    return tuple(Span(f"{a}-{b}-{label}", a, b, label, TEXT[a:b]) for a, b, label in ranges)


SHARED = [
    ("one", {
        "amal": spans((4, 8, "PER"), (12, 22, "ORG"), (28, 34, "LOC")),
        "badr": spans((4, 8, "PER"), (18, 22, "ORG"), (28, 34, "MISC")),
        "carim": spans((4, 8, "PER"), (45, 48, "PER")),
    }),
    ("two", {
        "amal": spans((4, 8, "PER"), (4, 8, "ORG")),
        "badr": spans((4, 12, "PER"), (64, 69, "LOC")),
    }),
]
LONE = [
    ("amal alone", {"amal": spans((4, 8, "MISC"), (64, 69, "LOC"))}),
    ("nobody", {}),
    ("badr unfinished", {"amal": spans((4, 8, "PER")), "badr": spans((4, 8, "PER"))}),
]


def make_project(path: Path, documents: list[tuple[str, dict[str, tuple[Span, ...]]]]) -> Project:
    """The documents (each text its own: a project keeps one document per text)."""
    project = Project.create(path, builtin_schema("generic"))
    project.add_documents([
        AnnotatedDocument(
            make_document(name, TEXT + " " * [*SHARED, *LONE].index((name, sets))),
            tuple(AnnotationSet(a, found) for a, found in sets.items()),
        )
        for name, sets in documents
    ])
    for document in project.documents():
        if document.name == "badr unfinished":
            project.set_status(document.id, "badr", Status.IN_PROGRESS)
    return project


@pytest.fixture
def with_lone(tmp_path: Path) -> Project:
    return make_project(tmp_path / "with.tawsim", [LONE[0], SHARED[0], LONE[1], SHARED[1], LONE[2]])


def whole_list_report(project: Project) -> dict[str, Any]:
    """The report as it was made before: every document's input in one list, tokens cut anew
    (of the documents an annotator compared has a set on, as ``project_agreement`` chooses)."""
    names: dict[str, str] = {}
    chosen = project.documents_annotated_by(ANNOTATORS)
    inputs = [measures_input(a, ANNOTATORS, names) for a in project.iter_annotated("all", chosen)]
    report = agreement_report(
        inputs,
        ANNOTATORS,
        tokenizer=TOKENIZER,
        symmetric_relations=project.schema.symmetric_relation_types,
    )
    for row in report["per_document"]:
        row["name"] = names[row["document_id"]]
    return report


def test_the_streamed_report_is_the_whole_list_report(with_lone: Project) -> None:
    streamed = project_agreement(with_lone, ANNOTATORS)
    assert streamed == whole_list_report(with_lone)
    assert streamed["documents"] == 4  # "nobody", which no annotator has a set on, is not read
    assert streamed["token"]["per_label"].keys() >= {"LOC", "MISC", "ORG", "PER"}
    # the second run reads the tokens the first kept in the project's token cache
    assert project_agreement(with_lone, ANNOTATORS) == streamed


PAIRWISE = ("span_f1", "alpha_u", "events", "relations", "document_labels")
PAIRWISE_TOKEN = (
    "cohen_kappa",
    "cohen_kappa_labelled_only",
    "cohen_kappa_tokens",
    "cohen_kappa_labelled_only_tokens",
    "krippendorff_alpha",
)


def test_documents_no_two_annotators_finished_change_no_pairwise_figure(
    with_lone: Project, tmp_path: Path
) -> None:
    without = project_agreement(make_project(tmp_path / "without.tawsim", SHARED), ANNOTATORS)
    report = project_agreement(with_lone, ANNOTATORS)
    for section in PAIRWISE:
        assert report[section] == without[section], section
    for key in PAIRWISE_TOKEN:
        assert report["token"][key] == without["token"][key], key
    def rows(report: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in row.items() if k != "document_id"}
            for row in report["per_document"]
            if row["name"] in {"one", "two"}
        ]

    assert rows(report) == rows(without)


def test_each_document_is_let_go_before_the_next_is_read(
    with_lone: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At most the document being measured and the one just before it are alive: the report
    never holds the project's documents (their texts, sets and token ranges) at once."""
    made: list[weakref.ref[DocumentAnnotations]] = []

    def recording(*arguments: Any) -> DocumentAnnotations:
        assert [ref() for ref in made[:-1]] == [None] * len(made[:-1])
        document = measures_input(*arguments)
        made.append(weakref.ref(document))
        return document

    monkeypatch.setattr(app_agreement, "measures_input", recording)
    project_agreement(with_lone, ANNOTATORS)
    assert len(made) == 4  # "nobody" is not read


def test_the_cyclic_collector_is_paused_while_measuring_and_back_on_after(
    with_lone: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It walked the report's millions of kept objects again and again: 12% of the time at
    10,000 documents x 3 annotators (issue 16)."""
    enabled: list[bool] = []

    def recording(*arguments: Any) -> DocumentAnnotations:
        enabled.append(gc.isenabled())
        return measures_input(*arguments)

    monkeypatch.setattr(app_agreement, "measures_input", recording)
    assert gc.isenabled()
    project_agreement(with_lone, ANNOTATORS)
    assert enabled == [False] * 4  # "nobody" is not read
    assert gc.isenabled()
