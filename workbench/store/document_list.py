"""What the window's document list reads, a page at a time: a project may hold 100,000 documents
(300 million characters), and the list must open without reading them all.

Positions are places in the project's order (``ord``, then ``rowid``, as ``iter_annotated``
walks it). A page is read by position (``LIMIT``/``OFFSET`` down the order index) or by rowid (the
rows a filtered or sorted list shows); each row is the ``DocumentProgress`` the list shows.
``index_rows`` streams what the list's index keeps of every document, for a background thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from workbench.core.model import Status
from workbench.store.reading import (
    PROGRESS_COLUMNS,
    PROGRESS_FROM,
    PROJECT_ORDER,
    DocumentProgress,
    progress_rows,
)
from workbench.store.rows import marks
from workbench.store.titles import TITLE_COLUMNS, shown_title


class IndexRow(NamedTuple):
    """What the list's index keeps of a document: its rowid, the annotator's status and span
    count, its title as shown and its name (the file stem)."""

    rowid: int
    status: Status
    spans: int
    title: str
    name: str


class TitledDocument(NamedTuple):
    """A document as the lead's tables name it: its title shown, its name (the file stem) as
    the tooltip."""

    id: str
    name: str
    title: str


_ROWIDS_AT_POSITIONS = f"SELECT d.rowid FROM documents d {PROJECT_ORDER} LIMIT ? OFFSET ?"
"""The rowids of ``count`` documents from position ``first`` (bound in that order), found down
the order index alone."""


def page_by_position(
    conn: sqlite3.Connection, annotator: str, first: int, count: int
) -> list[DocumentProgress]:
    """The rows at positions ``first`` to ``first + count`` (fewer at the end). The rowids are
    found down the order index first: an ``OFFSET`` over the whole rows would make each of the
    rows skipped (their span counts, their openings) on the way."""
    rowids = conn.execute(_ROWIDS_AT_POSITIONS, [count, first])
    return page_by_rowid(conn, annotator, [rowid for (rowid,) in rowids])


def titles_by_position(conn: sqlite3.Connection, first: int, count: int) -> list[TitledDocument]:
    """The documents at positions ``first`` to ``first + count`` in project order, with their
    names and titles (``titles.shown_title``: no more of a text than its opening): what the
    assignment table's rows show (a page of 64 documents of 3,000 characters: 0.4-0.5 ms, where
    their ids and names alone took 0.13-0.15)."""
    rows = conn.execute(
        f"SELECT d.id, d.name, {TITLE_COLUMNS} FROM documents d "
        f"WHERE d.rowid IN ({_ROWIDS_AT_POSITIONS}) {PROJECT_ORDER}",
        [count, first],
    )
    return [TitledDocument(i, name, shown_title(title, opening)) for i, name, title, opening in rows]


def titles_of(conn: sqlite3.Connection, document_ids: Sequence[str]) -> dict[str, str]:
    """The title of each of these documents (``titles.shown_title``) by id, read in batches
    (a query binds a limited number of values)."""
    titles: dict[str, str] = {}
    for first in range(0, len(document_ids), _BATCH):
        batch = document_ids[first : first + _BATCH]
        rows = conn.execute(f"SELECT d.id, {TITLE_COLUMNS} FROM documents d WHERE d.id IN ({marks(batch)})", batch)
        titles.update((i, shown_title(title, opening)) for i, title, opening in rows)
    return titles


_BATCH = 500


def page_by_rowid(
    conn: sqlite3.Connection, annotator: str, rowids: Sequence[int]
) -> list[DocumentProgress]:
    """The rows of these documents, in the order given (a rowid no document has is left out)."""
    query = f"SELECT d.rowid, {PROGRESS_COLUMNS} {PROGRESS_FROM} WHERE d.rowid IN ({marks(rowids)})"
    found = {row[0]: row[1:] for row in conn.execute(query, [annotator, *rowids])}
    return progress_rows(found[rowid] for rowid in rowids if rowid in found)


def index_rows(conn: sqlite3.Connection, annotator: str) -> Iterator[IndexRow]:
    """Every document in project order, with what the list's index keeps of it. Reads every
    document's opening (for its title): a background thread's work on a large project."""
    rows = conn.execute(
        f"SELECT d.rowid, {PROGRESS_COLUMNS} {PROGRESS_FROM} {PROJECT_ORDER}", [annotator]
    )
    for rowid, _, name, status, spans, title, opening in rows:
        yield IndexRow(rowid, Status(status), spans, shown_title(title, opening), name)


def document_rowid(conn: sqlite3.Connection, document_id: str) -> int | None:
    row = conn.execute("SELECT rowid FROM documents WHERE id = ?", [document_id]).fetchone()
    return None if row is None else int(row[0])


def document_position(conn: sqlite3.Connection, document_id: str) -> int | None:
    """The document's place in the project's order (None: no such document)."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM documents e WHERE (e.ord, e.rowid) < (d.ord, d.rowid)) "
        "FROM documents d WHERE d.id = ?",
        [document_id],
    ).fetchone()
    return None if row is None else int(row[0])


def done_count(conn: sqlite3.Connection, annotator: str) -> int:
    """How many documents the annotator has marked done."""
    row = conn.execute(
        "SELECT count(*) FROM annotation_sets WHERE annotator = ? AND status = ?",
        [annotator, Status.DONE.value],
    ).fetchone()
    return int(row[0])


def document_names(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every document's id and name, in project order (no text read)."""
    return [(i, name) for i, name in conn.execute(f"SELECT d.id, d.name FROM documents d {PROJECT_ORDER}")]


def document_titles(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every document's id and title (``titles.shown_title``, as the list shows it), in project
    order, reading no more of a text than its opening."""
    rows = conn.execute(f"SELECT d.id, {TITLE_COLUMNS} FROM documents d {PROJECT_ORDER}")
    return [(i, shown_title(title, opening)) for i, title, opening in rows]


def document_texts(conn: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """Every document's id, title and text, in project order, read as they are asked for."""
    rows = conn.execute(f"SELECT d.id, {TITLE_COLUMNS}, d.text FROM documents d {PROJECT_ORDER}")
    return ((i, shown_title(title, opening), text) for i, title, opening, text in rows)


_NOT_DONE = (
    "SELECT d.id FROM documents d LEFT JOIN annotation_sets a "
    "ON a.document_id = d.id AND a.annotator = ? WHERE coalesce(a.status, 'new') != ?"
)
"""The documents an annotator has not marked done (parameters: the annotator, ``done``)."""


def next_not_done(conn: sqlite3.Connection, annotator: str, document_id: str, count: int) -> list[str]:
    """Up to ``count`` of ``not_done``: those after ``document_id`` in project order, then those
    from the first document on."""
    found: list[str] = []
    for side in (">", "<="):
        found += [
            i
            for (i,) in conn.execute(
                f"{_NOT_DONE} AND (d.ord, d.rowid) {side} (SELECT ord, rowid FROM documents WHERE id = ?) "
                f"{PROJECT_ORDER} LIMIT ?",
                [annotator, Status.DONE.value, document_id, count - len(found)],
            )
        ]
    return found


def not_done(conn: sqlite3.Connection, annotator: str) -> list[str]:
    """The ids of the documents the annotator has not marked done, in project order."""
    return [i for (i,) in conn.execute(f"{_NOT_DONE} {PROJECT_ORDER}", [annotator, Status.DONE.value])]
