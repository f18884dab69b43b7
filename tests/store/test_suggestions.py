"""What suggestions are made of, read over a connection: labelled texts and rejections."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store.connection import write_transaction
from workbench.store.project import Project
from workbench.store.suggestions import labelled_texts, reject_suggestion, rejected_suggestions

TEXT = "هاجم مسلحون قرية قرب الموصل"
SCHEMA = builtin_schema("conflict-news")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", SCHEMA) as project:
        yield project


def span(span_id: str, word: str, label: str) -> Span:
    start = TEXT.index(word)
    return Span(span_id, start, start + len(word), label, word)


def test_the_labelled_texts_of_every_set_without_the_triggers(project: Project) -> None:
    amal = AnnotationSet("amal", (span("a", "مسلحون", "PER"), span("t", "هاجم", "Conflict.Attack")))
    gold = AnnotationSet("gold", (span("g", "الموصل", "GPE"), span("p", "مسلحون", "PER")))
    project.add_documents([AnnotatedDocument(make_document("d", TEXT, doc_id="d"), (amal, gold))])
    assert labelled_texts(project.conn, SCHEMA) == {("مسلحون", "PER"), ("الموصل", "GPE")}


def test_rejections_are_kept_per_document_and_annotator_once_each(project: Project) -> None:
    project.add_documents([AnnotatedDocument(make_document("d", TEXT, doc_id="d"))])
    with write_transaction(project.conn):
        reject_suggestion(project.conn, "d", "amal", 5, 11, "PER")
        reject_suggestion(project.conn, "d", "amal", 5, 11, "PER")
        reject_suggestion(project.conn, "d", "amal", 5, 11, "ORG")
    assert rejected_suggestions(project.conn, "d", "amal") == {(5, 11, "PER"), (5, 11, "ORG")}
    assert rejected_suggestions(project.conn, "d", "badr") == set()
    assert project.conn.execute("SELECT count(*) FROM rejected_suggestions").fetchone()[0] == 2
