"""An import keeps only its unwritten batch's ids in memory and asks the project for the rest."""

from __future__ import annotations

import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    PlainSpans,
    PlainSpansDocument,
    Span,
    Status,
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


def plain(number: int, span_ids: tuple[str, str]) -> PlainSpansDocument:
    """A document whose one set holds two spans and nothing else, with the given span ids."""
    text = f"قال محمد إن داعش هاجم الموصل {number}"
    spans = PlainSpans("amal", Status.NEW, span_ids, (4, 12), (8, 16), ("PER", "ORG"), ("محمد", "داعش"))
    return PlainSpansDocument(make_document(f"plain{number}", text), (spans,))


@pytest.mark.parametrize("held_before", [False, True])
def test_plain_span_ids_repeated_in_another_batch_or_held_by_the_project_are_renamed(
    project: Project, monkeypatch: pytest.MonkeyPatch, held_before: bool
) -> None:
    """Spans read a column at a time (``PlainSpans``) are renamed in their batch's columns as
    spans read one by one are: each stored once, in its own set, with its range and label.
    Into a project without spans, a later batch meets the ids at its insert
    (``write_renaming_on_conflict``); else they are asked of the project first."""
    first = [plain(0, ("p1", "p2"))]
    if held_before:
        project.add_documents(first)
    monkeypatch.setattr(bulk_import, "BATCH", 2)
    later = (plain(n, ("p1", "p2") if n % 2 else ("p2", "p1")) for n in range(1, 6))
    summary = project.add_documents(later if held_before else [*first, *later])
    assert summary.spans == 10 if held_before else 12
    stored = project.conn.execute(
        'SELECT s.id, d.name, s.start, s.label FROM spans s JOIN annotation_sets a ON a.id = s.set_id '
        "JOIN documents d ON d.id = a.document_id"
    ).fetchall()
    assert len({span_id for span_id, *_ in stored}) == len(stored) == 12
    assert sorted((name, start, label) for _, name, start, label in stored) == sorted(
        (f"plain{n}", start, label) for n in range(6) for start, label in ((4, "PER"), (12, "ORG"))
    )
    assert {"p1", "p2"} <= {span_id for span_id, *_ in stored}


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


def test_the_project_is_asked_about_documents_a_chunk_at_a_time(project: Project) -> None:
    """A text's document and a document id are looked up for a chunk of documents at once, not
    with a query for each document (issue 16: two queries a document were a tenth of the import)."""
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    project.add_documents(annotated(n) for n in range(10 * bulk_import.CHUNK))
    project.conn.set_trace_callback(None)
    asked = [sql for sql in statements if "FROM documents WHERE" in sql]
    assert len(asked) == 2 * 10, asked[:3]  # the chunk's texts, the chunk's ids


POOL_TEXTS = ("قال محمد إن داعش هاجم الموصل", "قال محمد", "محمد في الموصل")
"""Texts that all hold محمد at [4, 8) or [0, 4): short documents that are often the same."""


@st.composite
def pooled_documents(draw: st.DrawFn) -> list[AnnotatedDocument]:
    """Documents drawn from small pools of texts, ids, annotators and span ids, so that texts,
    document ids, sets and span ids meet again within and across chunks and batches."""
    documents = []
    for number in range(draw(st.integers(1, 12))):
        text = draw(st.sampled_from(POOL_TEXTS))
        start = text.index("محمد")
        spans = tuple(
            Span(span_id, start, start + 4, label, "محمد")
            for span_id, label in draw(
                st.lists(st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.sampled_from(["PER", "ORG"])),
                         max_size=2, unique_by=lambda pair: pair[0])
            )
        )  # fmt: skip
        document = make_document(
            f"doc{number}", text, doc_id=draw(st.sampled_from(["d1", "d2", None]))
        )
        annotator = draw(st.sampled_from(["amal", "badr"]))
        documents.append(AnnotatedDocument(document, (AnnotationSet(annotator, spans),)))
    return documents


def stored(project: Project) -> list[tuple[object, ...]]:
    """What the project holds, with the ids an import made up shown as ``new``."""
    given = {"d1", "d2", "s1", "s2", "s3"}

    def shown(value: str) -> str:
        return value if value in given else "new"

    documents = [
        (shown(row[0]), *row[1:])
        for row in project.conn.execute("SELECT id, name, sha256, ord FROM documents ORDER BY ord")
    ]
    sets = list(project.conn.execute(
        "SELECT d.ord, s.annotator, s.status, s.revision FROM annotation_sets s "
        "JOIN documents d ON d.id = s.document_id ORDER BY d.ord, s.annotator"
    ))  # fmt: skip
    spans = [
        (shown(row[0]), *row[1:])
        for row in project.conn.execute(
            'SELECT p.id, d.ord, s.annotator, p.start, p."end", p.label, p.text FROM spans p '
            "JOIN annotation_sets s ON s.id = p.set_id JOIN documents d ON d.id = s.document_id "
            'ORDER BY d.ord, s.annotator, p.start, p.label'
        )
    ]
    return [*documents, *sets, *spans]


def import_twice(
    first: list[AnnotatedDocument], second: list[AnnotatedDocument], batch: int, chunk: int
) -> list[tuple[object, ...]]:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk_import, "BATCH", batch)
        patch.setattr(bulk_import, "CHUNK", chunk)
        with Project.create(Path(folder) / "p.tawsim", builtin_schema("conflict-news")) as project:
            project.add_documents(first)
            project.add_documents(second)
            return stored(project)


@settings(deadline=None, max_examples=50)
@given(
    pooled_documents(), pooled_documents(), st.sampled_from([1, 2, 3, 500]), st.integers(2, 5)
)
def test_documents_read_a_chunk_at_a_time_are_stored_as_one_at_a_time(
    first: list[AnnotatedDocument], second: list[AnnotatedDocument], batch: int, chunk: int
) -> None:
    """Asking the project about a chunk's texts and ids at once (and one document at a time once
    a batch was written mid-chunk) matches texts, ids and sets exactly as asking for each
    document did: a chunk of one document is that."""
    assert import_twice(first, second, batch, chunk) == import_twice(first, second, batch, 1)
