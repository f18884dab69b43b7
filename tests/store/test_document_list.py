"""What the document list reads a page at a time gives the rows ``annotator_progress`` gives for
the whole project, in the same order: the project's order, then the order stored."""

from __future__ import annotations

import pytest

from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, Status, make_document
from workbench.store import document_list
from workbench.store.document_list import (
    IndexRow,
    document_names,
    document_position,
    document_rowid,
    done_count,
    index_rows,
    not_done,
    page_by_position,
    page_by_rowid,
    titles_by_position,
    titles_of,
)
from workbench.store.project import Project
from workbench.store.reading import DocumentProgress

ANNOTATOR = "amal"


def annotated(number: int) -> AnnotatedDocument:
    """Document ``d<number>``: amal has done every third, is working on the next, has not
    started the third; the ones she works on hold ``number`` spans."""
    text = f"نص رقم {number}\nسطر ثان"
    document = make_document(f"doc{number}", text, doc_id=f"d{number}")
    status = (Status.DONE, Status.IN_PROGRESS, Status.NEW)[number % 3]
    if status is Status.NEW:
        return AnnotatedDocument(document)
    spans = tuple(Span(f"s{number}-{n}", n, n + 1, "PER", text[n]) for n in range(number))
    return AnnotatedDocument(document, (AnnotationSet(ANNOTATOR, spans, status=status),))


@pytest.fixture
def listed(project: Project) -> Project:
    """Seven documents, the last two moved up to the second place (an equal order)."""
    project.add_documents(annotated(n) for n in range(7))
    with project.writing() as conn:
        conn.execute("UPDATE documents SET ord = 1 WHERE id IN ('d5', 'd6')")
    return project


def everything(project: Project) -> list[DocumentProgress]:
    rows = project.annotator_progress(ANNOTATOR)
    order = ["d0", "d5", "d6", "d1", "d2", "d3", "d4"]
    return sorted(rows, key=lambda row: order.index(row.id))


def test_pages_by_position_are_slices_of_every_row(listed: Project) -> None:
    rows = everything(listed)
    for first in range(8):
        for count in (1, 2, 3, 7):
            assert page_by_position(listed.conn, ANNOTATOR, first, count) == rows[first : first + count]


def test_titles_by_position_are_those_of_the_pages(listed: Project) -> None:
    """What the assignment table reads: the same documents in the same order, ties included,
    with their names and the titles the annotator's list shows (one from the metadata)."""
    listed.set_document_title("d5", "عنوان مختار")
    rows = everything(listed)
    assert rows[1].title == "عنوان مختار" and rows[0].title == "نص رقم 0"
    for first in range(8):
        for count in (1, 2, 3, 7):
            wanted = [(row.id, row.name, row.title) for row in rows[first : first + count]]
            assert titles_by_position(listed.conn, first, count) == wanted


def test_titles_of_documents_by_id_in_batches(listed: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the agreement dashboard names its documents by, read a few ids at a time."""
    monkeypatch.setattr(document_list, "_BATCH", 2)
    listed.set_document_title("d3", "عنوان مختار")
    rows = everything(listed)
    assert titles_of(listed.conn, [r.id for r in rows] + ["nothing"]) == {r.id: r.title for r in rows}
    assert titles_of(listed.conn, ["d3"]) == {"d3": "عنوان مختار"}


def test_pages_by_rowid_come_in_the_order_asked(listed: Project) -> None:
    rows = {row.id: row for row in everything(listed)}
    asked = ["d4", "d0", "d6"]
    rowids = [document_rowid(listed.conn, i) for i in asked]
    assert None not in rowids
    page = page_by_rowid(listed.conn, ANNOTATOR, [r for r in rowids if r is not None] + [999])
    assert page == [rows[i] for i in asked]


def test_the_index_rows_and_positions_follow_the_project_order(listed: Project) -> None:
    rows = everything(listed)
    indexed = list(index_rows(listed.conn, ANNOTATOR))
    assert [(row.status, row.spans, row.title) for row in indexed] == [(r.status, r.spans, r.title) for r in rows]
    assert all(isinstance(row, IndexRow) for row in indexed)
    assert [row.name for row in indexed] == [r.name for r in rows]
    assert [document_position(listed.conn, r.id) for r in rows] == list(range(len(rows)))
    assert document_position(listed.conn, "nothing") is None and document_rowid(listed.conn, "nothing") is None


def test_counts_names_and_the_documents_not_done(listed: Project) -> None:
    rows = everything(listed)
    assert done_count(listed.conn, ANNOTATOR) == sum(r.status is Status.DONE for r in rows) == 3
    assert document_names(listed.conn) == [(r.id, r.name) for r in rows]
    assert not_done(listed.conn, ANNOTATOR) == [r.id for r in rows if r.status is not Status.DONE]
    assert not_done(listed.conn, "nobody") == [r.id for r in rows]
