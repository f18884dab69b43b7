"""Which ids and texts an import has already used, kept without growing with the import.

An import must match a text it meets again (by sha256) to the document it already added, keep
one set per document and annotator, and never store an id twice. Keeping every id it wrote in
memory grew with the number of documents (a third of the import's memory at 10,000 documents,
more than the whole limit at 100,000). What an import writes reaches the project in batches, so
only the batch not written yet is kept here; what was written before is asked of the project,
through its indexes, when it is needed:

- documents: an import reads its documents a few at a time (``bulk_import.CHUNK``), and the
  project is asked once for such a chunk which of its texts and document ids it holds
  (``read_chunk``; asking for each document cost a tenth of the import). Once a batch is
  written the answers are stale, and the rest of the chunk asks one document at a time;
- sets: a matched document's sets are looked up one at a time (a document the import has just
  added has no set in the project yet, so it is not asked about);
- span, event and relation ids: the project is asked about a batch's ids only when it held rows of the
  table before the import (``fresh_ids``) or when writing the batch meets an id already written
  (``write_renaming_on_conflict``): ids repeated across the files of one import are rare, and asking
  about every id would cost a tenth of the import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from workbench.core.model import Document, new_id
from workbench.store import rows
from workbench.store.span_columns import SpanColumns


class ImportIds:
    """The ids of one import: those of the batch not yet written, and the project's for the rest."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.batch_documents: dict[str, str] = {}
        """sha256 -> document id, for the documents of the batch not yet written."""
        self.batch_sets: dict[tuple[str, str], str] = {}
        self.added_documents: set[str] = set()
        """The documents of the batch not yet written (they have no sets in the project)."""
        self.chunk: _StoredDocuments | None = None
        """What the project held of the chunk's documents, until a batch is written."""
        self.batch_ids: dict[str, set[str]] = {"spans": set(), "events": set(), "relations": set()}
        self.table_was_empty: dict[str, bool] = {}
        """Whether a table held no rows before this import put any in (read at its first use:
        an import of spans alone never reads the relations table)."""

    def read_chunk(self, documents: Sequence[Document]) -> None:
        """Ask the project at once which of these documents' texts and ids it holds."""
        self.chunk = _StoredDocuments(
            _first_ids_by_text(self.conn, [d.sha256 for d in documents]),
            stored_ids(self.conn, [d.id for d in documents], "documents"),
        )

    def document_with(self, sha256: str) -> str | None:
        """The id of the document holding the text ``sha256``, in the project or the batch."""
        found = self.batch_documents.get(sha256)
        if found is None:
            if self.chunk is not None:
                return self.chunk.texts.get(sha256)
            row = self.conn.execute(
                "SELECT id FROM documents WHERE sha256 = ? ORDER BY rowid LIMIT 1", [sha256]
            ).fetchone()
            found = None if row is None else row[0]
        return found

    def document_id_taken(self, document_id: str) -> bool:
        if document_id in self.added_documents:
            return True
        if self.chunk is not None:
            return document_id in self.chunk.ids
        return bool(stored_ids(self.conn, [document_id], "documents"))

    def add_document(self, sha256: str, document_id: str) -> None:
        self.batch_documents[sha256] = document_id
        self.added_documents.add(document_id)

    def set_id(self, document_id: str, annotator: str) -> str | None:
        """The id of the annotator's set on the document, in the batch or the project."""
        found = self.batch_sets.get((document_id, annotator))
        if found is None and document_id not in self.added_documents:
            row = self.conn.execute(
                "SELECT id FROM annotation_sets WHERE document_id = ? AND annotator = ?",
                [document_id, annotator],
            ).fetchone()
            found = None if row is None else row[0]
        return found

    def add_set(self, document_id: str, annotator: str, set_id: str) -> None:
        self.batch_sets[(document_id, annotator)] = set_id

    def fresh_ids(self, ids: list[str], table: str) -> dict[str, str]:
        """Ids to store: the given ones, except those the batch or (when the table held rows
        before the import) the project already uses."""
        renamed = self._renamed(ids, table)
        return dict(zip(ids, ids, strict=True)) if renamed is None else renamed

    def fresh_id_column(self, ids: tuple[str, ...], table: str) -> tuple[str, ...]:
        """``fresh_ids`` of ids that are all different, in their order."""
        renamed = self._renamed(ids, table)
        return ids if renamed is None else tuple(map(renamed.__getitem__, ids))

    def _renamed(self, ids: Sequence[str], table: str) -> dict[str, str] | None:
        """``fresh_ids``, or None when they are the given ones (what nearly every set's are)."""
        if not ids:
            return None
        if table not in self.table_was_empty:
            self.table_was_empty[table] = not _has_rows(self.conn, table)
        stored = set() if self.table_was_empty[table] else stored_ids(self.conn, ids, table)
        taken = self.batch_ids[table]
        if not stored and taken.isdisjoint(ids):
            taken.update(ids)
            return None
        fresh = {i: (new_id() if i in taken or i in stored else i) for i in ids}
        taken.update(fresh.values())
        return fresh

    def batch_written(self) -> None:
        """Forget the batch: its rows are in the project now (and what was read of the chunk's
        documents is stale)."""
        self.batch_documents.clear()
        self.batch_sets.clear()
        self.added_documents.clear()
        self.chunk = None
        for ids in self.batch_ids.values():
            ids.clear()


@dataclass(frozen=True)
class _StoredDocuments:
    texts: dict[str, str]
    """sha256 -> id of the first document holding it, for the chunk's texts the project holds."""
    ids: set[str]
    """The chunk's document ids that the project holds."""


def write_renaming_on_conflict(
    conn: sqlite3.Connection,
    spans: SpanColumns,
    events: list[dict[str, Any]],
    arguments: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    write: Callable[[], None],
) -> None:
    """``write`` a batch's spans, events, arguments and relations in a savepoint; when one of
    their ids was written by an earlier batch, roll the savepoint back, give the rows that use
    one a new id, in place (the references to them inside their own set follow), and write
    again."""
    try:
        with _savepoint(conn):
            write()
        return
    except sqlite3.IntegrityError:
        pass
    taken_spans = stored_ids(conn, spans.ids, "spans")
    taken_events = stored_ids(conn, [event["id"] for event in events], "events")
    taken_relations = stored_ids(conn, [relation["id"] for relation in relations], "relations")
    renamed = _rename(spans, events, arguments, taken_spans, taken_events)
    _rename_relations(relations, renamed, taken_relations)
    with _savepoint(conn):
        write()


def _rename(
    spans: SpanColumns,
    events: list[dict[str, Any]],
    arguments: list[dict[str, Any]],
    taken_spans: set[str],
    taken_events: set[str],
) -> dict[tuple[str, str], str]:
    """Give rows whose id is taken a new one, in place; references follow within each set.
    The new ids by (set id, old id)."""
    renamed: dict[tuple[str, str], str] = {}  # (set id, old id) -> new id
    ids, set_ids = spans.ids, spans.set_ids
    for number, span_id in enumerate(ids):
        if span_id in taken_spans:
            renamed[(set_ids[number], span_id)] = ids[number] = new_id()
    set_of_event: dict[str, str] = {}
    for event in events:
        set_id, old = event["set_id"], event["id"]
        if old in taken_events:
            renamed[(set_id, old)] = event["id"] = new_id()
        set_of_event[event["id"]] = set_of_event[old] = set_id
        event["trigger_span_id"] = renamed.get((set_id, event["trigger_span_id"]), event["trigger_span_id"])
    for argument in arguments:
        set_id = set_of_event[argument["event_id"]]
        for key in ("event_id", "span_id", "filler_event_id"):
            if argument[key] is not None:
                argument[key] = renamed.get((set_id, argument[key]), argument[key])
    return renamed


def _rename_relations(
    relations: list[dict[str, Any]], renamed: dict[tuple[str, str], str], taken: set[str]
) -> None:
    """A relation whose id is taken gets a new one; its ends follow their spans' new ids."""
    for relation in relations:
        set_id = relation["set_id"]
        if relation["id"] in taken:
            relation["id"] = new_id()
        for end in ("from_span_id", "to_span_id"):
            relation[end] = renamed.get((set_id, relation[end]), relation[end])


def stored_ids(conn: sqlite3.Connection, ids: Sequence[str], table: str) -> set[str]:
    """Those of ``ids`` that ``table`` holds."""
    return {
        r[0]
        for start in range(0, len(ids), 500)
        for r in conn.execute(
            f"SELECT id FROM {table} WHERE id IN ({rows.marks(ids[start : start + 500])})",
            list(ids[start : start + 500]),
        )
    }


def _first_ids_by_text(conn: sqlite3.Connection, texts: Sequence[str]) -> dict[str, str]:
    """sha256 -> id of the first document (in the order they were added) holding it, for those
    of ``texts`` that the project holds."""
    first: dict[str, str] = {}
    for start in range(0, len(texts), 500):
        part = list(texts[start : start + 500])
        for sha256, document_id in conn.execute(
            f"SELECT sha256, id FROM documents WHERE sha256 IN ({rows.marks(part)}) "
            "ORDER BY rowid",
            part,
        ):
            first.setdefault(sha256, document_id)
    return first


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("SAVEPOINT import_batch")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO import_batch")
        conn.execute("RELEASE import_batch")
        raise
    conn.execute("RELEASE import_batch")


def _has_rows(conn: sqlite3.Connection, table: str) -> bool:
    return bool(conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0])
