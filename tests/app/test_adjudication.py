from __future__ import annotations

from pathlib import Path

import pytest

from workbench.app.adjudication import adjudication_progress, copy_to_gold, prefill_gold
from workbench.core.adjudication import Agreement
from workbench.core.model import GOLD, AnnotatedDocument, AnnotationSet, Span, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل أمس."


def span(annotator: str, start: int, end: int, label: str) -> Span:
    return Span(f"{annotator}{start}{label}", start, end, label, TEXT[start:end])


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    project.add_documents([AnnotatedDocument(make_document("d", TEXT), (
        AnnotationSet("amal", (span("a", 4, 8, "PER"), span("a", 12, 22, "ORG"))),
        AnnotationSet("badr", (span("b", 4, 8, "PER"), span("b", 12, 22, "ORG"))),
        AnnotationSet("cala", (span("c", 4, 8, "PER"), span("c", 29, 35, "LOC")), status=Status.DONE),
        AnnotationSet("dima", (span("d", 29, 35, "LOC"),), status=Status.IN_PROGRESS),
    ))])
    return project


def gold_keys(project: Project, document_id: str) -> set[tuple[int, int, str]]:
    gold = project.annotation_set(document_id, GOLD)
    return set() if gold is None else {(s.start, s.end, s.label) for s in gold.spans}


def test_prefill_with_what_all_finished_annotators_agree_on(project: Project) -> None:
    [doc] = project.documents()
    assert prefill_gold(project, doc.id) == 1
    assert gold_keys(project, doc.id) == {(4, 8, "PER")}
    assert adjudication_progress(project) == {doc.id: Status.IN_PROGRESS}


def test_prefill_with_the_majority_and_never_twice(project: Project) -> None:
    [doc] = project.documents()
    assert prefill_gold(project, doc.id, Agreement.MAJORITY) == 2
    assert gold_keys(project, doc.id) == {(4, 8, "PER"), (12, 22, "ORG")}  # dima is unfinished
    assert prefill_gold(project, doc.id, Agreement.MAJORITY) == 0


def test_accepting_one_annotators_version(project: Project) -> None:
    [doc] = project.documents()
    cala = project.annotation_set(doc.id, "cala")
    assert cala is not None
    assert copy_to_gold(project, doc.id, cala.spans) == 2
    assert gold_keys(project, doc.id) == {(4, 8, "PER"), (29, 35, "LOC")}
    project.set_status(doc.id, GOLD, Status.DONE)
    assert adjudication_progress(project) == {doc.id: Status.DONE}


def test_comments_on_a_document(project: Project) -> None:
    [doc] = project.documents()
    project.add_comment(doc.id, "amal", "هل الموصل هنا GPE؟")
    [comment] = project.comments(doc.id)
    assert (comment.author, comment.text) == ("amal", "هل الموصل هنا GPE؟")
