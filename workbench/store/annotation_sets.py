"""The rows of one annotator's annotation set on a document: finding or making the set, marking
it changed, and storing spans and events in it with their ids.

Every function runs inside the caller's write transaction (``connection.write_transaction``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from workbench.core.errors import Problem, SchemaError, WorkbenchError
from workbench.core.model import Event, Span, Status, new_id
from workbench.core.schema import Schema
from workbench.store import rows
from workbench.store.clock import now
from workbench.store.connection import table
from workbench.store.guidelines import SEEN_NOW

OUTSIDE_THE_DOCUMENT = "span [{start}, {end}) is outside the document (0 to {length})"
ALREADY_LABELLED = "{annotator} already has a {label} span on [{start}, {end})"
"""A span's range and label that another span of the annotator's set has (an edit's refusal)."""


def annotators(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM annotators ORDER BY name")]


def ensure_annotator(conn: sqlite3.Connection, name: str) -> None:
    if not name.strip():
        raise WorkbenchError(Problem("an annotator's name cannot be empty"))
    conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [name, now()])


def set_id(conn: sqlite3.Connection, document_id: str, annotator: str, *, create: bool) -> str:
    """The id of the annotator's set on the document; a new, empty set when ``create``."""
    row = conn.execute(
        "SELECT id FROM annotation_sets WHERE document_id = ? AND annotator = ?",
        [document_id, annotator],
    ).fetchone()
    if row is not None:
        return str(row[0])
    if not create:
        raise WorkbenchError(
            Problem("{annotator} has no annotations on document {document}", annotator=annotator, document=document_id)
        )
    ensure_annotator(conn, annotator)
    new_set_id = new_id()
    table(conn, "annotation_sets").insert(
        {"id": new_set_id, "document_id": document_id, "annotator": annotator,
         "status": Status.NEW.value, "revision": 0, "updated": now()}
    )
    return new_set_id


def touch_set(conn: sqlite3.Connection, document_id: str, annotator: str) -> str:
    """The annotator's set on the document, with its revision bumped and work marked begun."""
    touched = set_id(conn, document_id, annotator, create=True)
    conn.execute(
        f"UPDATE annotation_sets SET revision = revision + 1, updated = ?, {SEEN_NOW}, "
        "status = CASE status WHEN 'new' THEN 'in_progress' ELSE status END WHERE id = ?",
        [now(), touched],
    )
    return touched


def set_status(conn: sqlite3.Connection, document_id: str, annotator: str, status: Status) -> None:
    changed = set_id(conn, document_id, annotator, create=True)
    conn.execute(
        f"UPDATE annotation_sets SET status = ?, revision = revision + 1, updated = ?, {SEEN_NOW} "
        "WHERE id = ?",
        [status.value, now(), changed],
    )


def check_label(schema: Schema, label: str) -> None:
    """A span's label is an entity label, or an event type for a trigger span."""
    if not (schema.has_entity(label) or schema.has_event(label)):
        raise SchemaError(
            Problem("the label {label!r} is not in the project's schema {schema!r}", label=label, schema=schema.id)
        )


def new_span(schema: Schema, text: str, start: int, end: int, label: str) -> Span:
    """A span over ``text[start:end]`` with a new id and the label's default attributes."""
    if not 0 <= start < end <= len(text):
        raise WorkbenchError(Problem(OUTSIDE_THE_DOCUMENT, start=start, end=end, length=len(text)))
    defaults = {} if schema.has_event(label) else schema.default_attributes_for_entity(label)
    return Span(new_id(), start, end, label, text[start:end], defaults)


_INSERT_SPAN = rows.insert_statement("spans", rows.SPAN_COLUMNS)


def insert_span(conn: sqlite3.Connection, span: Span, into_set: str) -> None:
    """One span's row, bound as values: sqlite-utils' ``insert`` reads the table's columns at
    each call, 0.35 ms a span, which a label-all or an accepted name's places pay per span."""
    try:
        conn.execute(_INSERT_SPAN, rows.span_values(span, into_set))
    except sqlite3.IntegrityError as error:
        raise WorkbenchError(
            Problem("the annotator already has a span with the same range and label")
        ) from error


def insert_annotations(
    conn: sqlite3.Connection, into_set: str, spans: Sequence[Span], events: Sequence[Event]
) -> None:
    """Spans, then events, then their arguments (which refer to both), ids kept."""
    for span in spans:
        insert_span(conn, span, into_set)
    for event in events:
        table(conn, "events").insert(rows.event_row(event, into_set))
    for event in events:
        for argument_row in rows.argument_rows(event):
            table(conn, "arguments").insert(argument_row)
