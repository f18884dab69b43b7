"""Versions of annotation sets that a merge replaced although the lead's project had changed them
too (``MergeSummary.changed_on_both_sides``). The package's set is taken, as the annotator's own
work; the project's version is kept here, row for row, to be listed and put back
(``restore_replaced``), which keeps the version it puts aside in its turn. Nothing a merge
replaces is lost.

A version is kept as the JSON of its rows by column name, ids included, so that it comes back
exactly as it was; a migration that renames or drops a column of the tables in ``SET_ROWS`` must
update the kept rows too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.errors import Problem, WorkbenchError
from workbench.core.model import Status, new_id
from workbench.store.annotation_sets import touch_set
from workbench.store.bulk_import import insert_rows
from workbench.store.clock import now
from workbench.store.editing import clear_set
from workbench.store.reading import query_dicts

SET_ROWS: dict[str, str] = {
    "spans": "SELECT * FROM spans WHERE set_id = ? ORDER BY rowid",
    "events": "SELECT * FROM events WHERE set_id = ? ORDER BY rowid",
    "arguments": "SELECT arguments.* FROM arguments JOIN events ON events.id = arguments.event_id "
    "WHERE events.set_id = ? ORDER BY arguments.id",
    "relations": "SELECT * FROM relations WHERE set_id = ? ORDER BY rowid",
    "document_labels": "SELECT * FROM document_labels WHERE set_id = ?",
}
"""A set's rows, table by table, in an order they can be inserted in (events after the spans
they start at, arguments after every event they may name)."""
RESTORE = "restore"
"""What replaced a version that ``restore_replaced`` put aside."""


@dataclass(frozen=True)
class ReplacedSet:
    id: str
    document_id: str
    document_name: str
    annotator: str
    status: Status
    revision: int
    replaced: str
    """When it was replaced (UTC, ISO 8601)."""
    replaced_by: str
    """The file name of the package whose set took its place, or ``RESTORE``."""
    spans: int


def keep_replaced_sets(
    conn: sqlite3.Connection, document_ids: Iterable[str], annotator: str, replaced_by: str
) -> None:
    """Keep the annotator's sets on these documents as they are now, before they are replaced."""
    when = now()
    for document_id in document_ids:
        found = conn.execute(
            "SELECT id, status, revision FROM annotation_sets WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        if found is None:
            continue
        set_id, status, revision = found
        conn.execute(
            "INSERT INTO replaced_sets (id, document_id, annotator, status, revision, replaced, "
            "replaced_by, rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id(), document_id, annotator, status, revision, when, replaced_by,
             json.dumps(_set_rows(conn, set_id), ensure_ascii=False)],
        )


def replaced_sets(conn: sqlite3.Connection) -> list[ReplacedSet]:
    """Every kept version, oldest first."""
    return _kept_versions(conn, "ORDER BY r.replaced, r.rowid")


def restore_replaced(conn: sqlite3.Connection, replaced_id: str) -> ReplacedSet:
    """Put a kept version back in place of the annotator's set on its document (its spans,
    events, relations and document labels, ids and status as they were), keeping the set it
    replaces in turn. Runs inside the caller's write transaction."""
    found = _kept_versions(conn, "WHERE r.id = ?", [replaced_id])
    if not found:
        raise WorkbenchError(Problem("no replaced version {id!r} in the project", id=replaced_id))
    [kept] = found
    set_rows = json.loads(
        conn.execute("SELECT rows FROM replaced_sets WHERE id = ?", [replaced_id]).fetchone()[0]
    )
    keep_replaced_sets(conn, [kept.document_id], kept.annotator, RESTORE)
    set_id = touch_set(conn, kept.document_id, kept.annotator)
    clear_set(conn, set_id)
    for table, pending in set_rows.items():
        if pending:
            insert_rows(conn, table, [_in_set(table, row, set_id) for row in pending])
    conn.execute("UPDATE annotation_sets SET status = ? WHERE id = ?", [kept.status.value, set_id])
    conn.execute("DELETE FROM replaced_sets WHERE id = ?", [replaced_id])
    return kept


def _kept_versions(conn: sqlite3.Connection, condition: str, parameters: Sequence[str] = ()) -> list[ReplacedSet]:
    return [
        ReplacedSet(kept_id, document_id, name, annotator, Status(status), revision, when, by, spans)
        for kept_id, document_id, name, annotator, status, revision, when, by, spans in conn.execute(
            "SELECT r.id, r.document_id, d.name, r.annotator, r.status, r.revision, r.replaced, "
            "r.replaced_by, json_array_length(r.rows, '$.spans') FROM replaced_sets r "
            f"JOIN documents d ON d.id = r.document_id {condition}",
            list(parameters),
        )
    ]


def _set_rows(conn: sqlite3.Connection, set_id: str) -> dict[str, list[dict[str, Any]]]:
    return {table: list(query_dicts(conn, sql, [set_id])) for table, sql in SET_ROWS.items()}


def _in_set(table: str, row: dict[str, Any], set_id: str) -> dict[str, Any]:
    """A kept row as it goes back: in the set it is restored to; an argument under a new number
    (its event's id, which it names, is kept)."""
    if table == "arguments":
        return {column: value for column, value in row.items() if column != "id"}
    return row | {"set_id": set_id}
