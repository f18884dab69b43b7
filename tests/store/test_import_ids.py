"""An import keeps only its unwritten batch's ids in memory and asks the project for the rest."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    make_document,
)
from workbench.core.schema import Schema, builtin_schema
from workbench.store import bulk_import
from workbench.store.project import Project


def annotated(number: int, annotator: str = "amal", ids: str = "") -> AnnotatedDocument:
    """A document with a span, a trigger and an event; ``ids`` fixes their ids (else unique)."""
    text = f"قال محمد إن داعش هاجم الموصل {number}"
    prefix = ids or f"{number}-"
    person = Span(f"{prefix}s1", 4, 8, "PER", "محمد")
    trigger = Span(f"{prefix}t1", 17, 21, "Conflict.Attack", "هاجم")
    event = Event(f"{prefix}e1", "Conflict.Attack", trigger.id, (Argument("Attacker", span_id=person.id),))
    return AnnotatedDocument(
        make_document(f"doc{number}", text), (AnnotationSet(annotator, (person, trigger), (event,)),)
    )


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as created:
        yield created


def test_ids_repeated_in_another_batch_are_renamed_and_references_follow(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 2)
    summary = project.add_documents(annotated(n, ids="same-") for n in range(5))
    assert (summary.documents_added, summary.spans, summary.events) == (5, 10, 5)
    spans = project.conn.execute("SELECT count(DISTINCT id) FROM spans").fetchone()[0]
    events = project.conn.execute("SELECT count(DISTINCT id) FROM events").fetchone()[0]
    assert (spans, events) == (10, 5)
    for document in project.documents():
        [annotation_set] = project.annotated_document(document.id).sets
        span_ids = {span.id for span in annotation_set.spans}
        [event] = annotation_set.events
        assert event.trigger_span_id in span_ids
        assert {argument.span_id for argument in event.arguments} <= span_ids
    assert "same-s1" in {row[0] for row in project.conn.execute("SELECT id FROM spans")}


def test_a_text_met_again_in_a_later_batch_is_the_same_document(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 2)
    first = [annotated(n) for n in range(4)]
    again = [annotated(n, annotator="badr") for n in range(4)]
    summary = project.add_documents([*first, *again, annotated(0, annotator="badr")])
    assert (summary.documents_added, summary.documents_matched) == (4, 5)
    sets = project.conn.execute("SELECT count(*) FROM annotation_sets").fetchone()[0]
    assert sets == 8


def python_memory_of_import(tmp_path: Path, schema: Schema, count: int) -> int:
    """The peak of Python's own allocations while ``count`` documents are imported."""
    with Project.create(tmp_path / f"{count}.tawsim", schema) as project:
        tracemalloc.start()
        try:
            project.add_documents(annotated(n) for n in range(count))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def test_an_import_s_memory_does_not_grow_with_its_documents(tmp_path: Path) -> None:
    """Eight times the documents, not eight times the memory: only a batch is held (issue 16)."""
    schema = builtin_schema("conflict-news")
    small = python_memory_of_import(tmp_path, schema, 1_000)
    large = python_memory_of_import(tmp_path, schema, 8_000)
    assert large < 1.5 * small, (small, large)
