"""Edits to one annotator's annotation set: each is one transaction, and each can be undone.

Deleting returns a ``Removal`` that records everything that went (the spans, the events they
triggered, the arguments they filled), so that ``restore`` puts back exactly that, ids included.
Each function runs inside the caller's write transaction; ``Project`` opens one per edit, and
the commands of ``app/changes.py`` call its methods.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from workbench.core.errors import Problem, SchemaError, WorkbenchError
from workbench.core.model import AnnotationSet, Argument, Event, Relation, Span, new_id
from workbench.core.schema import Schema, event_filler
from workbench.store import rows
from workbench.store.annotation_sets import (
    ALREADY_LABELLED,
    check_label,
    insert_annotations,
    insert_span,
    new_span,
    touch_set,
)
from workbench.store.connection import database_path, table
from workbench.store.reading import document_text, query_dicts, span_owner
from workbench.store.relation_editing import insert_relations, insert_set_extras, span_relations

NO_EVENT = "no event {id} in {path}"


@dataclass(frozen=True, slots=True)
class Removal:
    """What one deletion removed from a set, to put it back on undo."""

    document_id: str
    annotator: str
    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    """Whole events: those whose trigger was deleted, with their arguments."""
    arguments: tuple[tuple[str, int, Argument], ...] = ()
    """(event id, position, argument) of events that stay but lost an argument."""
    relations: tuple[Relation, ...] = ()
    """Relations either end of which was deleted."""


@dataclass(frozen=True, slots=True)
class Dependents:
    """What deleting a span takes with it; the window asks before deleting such a span."""

    triggered_events: tuple[Event, ...]
    filled_roles: tuple[tuple[Event, Argument], ...]


# -- spans ---------------------------------------------------------------------------------------


def add_span(
    conn: sqlite3.Connection,
    schema: Schema,
    document_id: str,
    annotator: str,
    start: int,
    end: int,
    label: str,
    *,
    attributes: dict[str, Any] | None = None,
    note: str = "",
    span_id: str | None = None,
) -> Span:
    """Create a span; the covered text is taken from the stored document text."""
    check_label(schema, label)
    span = new_span(schema, document_text(conn, document_id), start, end, label)
    span = replace(
        span,
        id=span_id or span.id,
        attributes=span.attributes if attributes is None else dict(attributes),
        note=note,
    )
    insert_span(conn, span, touch_set(conn, document_id, annotator))
    return span


def update_span(
    conn: sqlite3.Connection,
    schema: Schema,
    span_id: str,
    *,
    label: str | None = None,
    attributes: dict[str, Any] | None = None,
    note: str | None = None,
) -> Span:
    span, document_id, annotator = span_owner(conn, span_id)
    changed = replace(
        span,
        label=span.label if label is None else label,
        attributes=span.attributes if attributes is None else dict(attributes),
        note=span.note if note is None else note,
    )
    check_label(schema, changed.label)
    if not schema.has_event(changed.label):
        schema.check_attributes(changed.label, changed.attributes)
    touch_set(conn, document_id, annotator)
    try:
        table(conn, "spans").update(
            span_id,
            {"label": changed.label, "attributes": rows.to_json(changed.attributes),
             "note": changed.note},
        )
    except sqlite3.IntegrityError as error:
        already = Problem(ALREADY_LABELLED, annotator=annotator, label=changed.label, start=span.start, end=span.end)
        raise WorkbenchError(already) from error
    return changed


def add_spans(
    conn: sqlite3.Connection,
    schema: Schema,
    document_id: str,
    annotator: str,
    ranges: Sequence[tuple[int, int]],
    label: str,
    *,
    text: str | None = None,
) -> list[Span]:
    """Label several ranges at once; ranges the annotator already has with this label are
    skipped. Returns the spans created.

    ``text`` is the document's stored text, for a caller that holds it already (the window
    adding a span at a keystroke): reading a long document again costs most of a frame."""
    check_label(schema, label)
    text = document_text(conn, document_id) if text is None else text
    set_id = touch_set(conn, document_id, annotator)
    spans = [
        new_span(schema, text, start, end, label)
        for start, end in dict.fromkeys(ranges)
        if not _has_span(conn, set_id, start, end, label)
    ]
    for span in spans:
        insert_span(conn, span, set_id)
    return spans


def _has_span(conn: sqlite3.Connection, set_id: str, start: int, end: int, label: str) -> bool:
    """One lookup in the set's unique index, not a read of all its spans with the label (a
    millisecond beside 10,000 spans, at every hotkey)."""
    found = conn.execute(
        'SELECT 1 FROM spans WHERE set_id = ? AND start = ? AND "end" = ? AND label = ?',
        [set_id, start, end, label],
    )
    return found.fetchone() is not None


def dependents(conn: sqlite3.Connection, span_id: str) -> Dependents:
    triggered = events_where(conn, "e.trigger_span_id = ?", [span_id])
    filling = [
        (event, argument)
        for event in events_where(
            conn, "e.id IN (SELECT event_id FROM arguments WHERE span_id = ?)", [span_id]
        )
        for argument in event.arguments
        if argument.span_id == span_id
    ]
    return Dependents(tuple(triggered), tuple(filling))


def delete_spans(conn: sqlite3.Connection, span_ids: Sequence[str]) -> Removal:
    """Delete spans of one set; events they trigger, arguments they fill and relations they end
    go with them."""
    if not span_ids:
        raise WorkbenchError(Problem("no span to delete"))
    owners = [span_owner(conn, span_id) for span_id in span_ids]
    document_id, annotator = owners[0][1], owners[0][2]
    if any((d, a) != (document_id, annotator) for _, d, a in owners):
        raise WorkbenchError(Problem("spans deleted together must belong to one annotation set"))
    marks = rows.marks(span_ids)
    events = events_where(conn, f"e.trigger_span_id IN ({marks})", span_ids)
    triggered = f"SELECT id FROM events WHERE trigger_span_id IN ({marks})"
    arguments = tuple(
        (row["event_id"], row["ord"], Argument(row["role"], row["span_id"], row["filler_event_id"]))
        for row in query_dicts(
            conn,
            f"SELECT * FROM arguments WHERE (span_id IN ({marks}) OR filler_event_id IN "
            f"({triggered})) AND event_id NOT IN ({triggered})",
            [*span_ids, *span_ids, *span_ids],
        )
    )
    relations = span_relations(conn, span_ids)
    touch_set(conn, document_id, annotator)
    conn.execute(f"DELETE FROM spans WHERE id IN ({marks})", list(span_ids))
    spans = tuple(s for s, _, _ in owners)
    return Removal(document_id, annotator, spans, tuple(events), arguments, relations)


def restore(conn: sqlite3.Connection, removal: Removal) -> None:
    """Put back what a deletion removed, with the same ids (undo)."""
    set_id = touch_set(conn, removal.document_id, removal.annotator)
    insert_annotations(conn, set_id, removal.spans, removal.events)
    for event_id, order, argument in removal.arguments:
        _insert_argument(conn, event_id, argument, order)
    insert_relations(conn, set_id, removal.relations)


def clear_set(conn: sqlite3.Connection, set_id: str) -> None:
    """Delete everything a set holds (its events and arguments, spans and the relations between
    them, document labels), keeping the set itself."""
    conn.execute("DELETE FROM events WHERE set_id = ?", [set_id])
    conn.execute("DELETE FROM spans WHERE set_id = ?", [set_id])
    conn.execute("DELETE FROM document_labels WHERE set_id = ?", [set_id])


def replace_set(
    conn: sqlite3.Connection, document_id: str, annotator: str, annotations: AnnotationSet | None
) -> None:
    """Make the annotator's set on the document hold exactly ``annotations`` (ids, status),
    or nothing at all when None: how gold edits are written, undone and redone."""
    set_id = touch_set(conn, document_id, annotator)
    clear_set(conn, set_id)
    if annotations is None:
        conn.execute("DELETE FROM annotation_sets WHERE id = ?", [set_id])
        return
    insert_annotations(conn, set_id, annotations.spans, annotations.events)
    insert_set_extras(conn, set_id, annotations)
    conn.execute(
        "UPDATE annotation_sets SET status = ? WHERE id = ?", [annotations.status.value, set_id]
    )


# -- events --------------------------------------------------------------------------------------


def create_event(
    conn: sqlite3.Connection,
    schema: Schema,
    document_id: str,
    annotator: str,
    start: int,
    end: int,
    event_type: str,
    *,
    attributes: dict[str, Any] | None = None,
) -> Event:
    """A trigger span labelled with the event type, and its event."""
    schema.event(event_type)
    values = schema.default_attributes_for_event(event_type) | dict(attributes or {})
    schema.check_attributes(event_type, values)
    trigger = new_span(schema, document_text(conn, document_id), start, end, event_type)
    event = Event(new_id(), event_type, trigger.id, (), values)
    set_id = touch_set(conn, document_id, annotator)
    insert_span(conn, trigger, set_id)
    table(conn, "events").insert(rows.event_row(event, set_id))
    return event


def event(conn: sqlite3.Connection, event_id: str) -> Event:
    found = events_where(conn, "e.id = ?", [event_id])
    if not found:
        raise WorkbenchError(Problem(NO_EVENT, id=event_id, path=database_path(conn)))
    return found[0]


def add_argument(
    conn: sqlite3.Connection,
    schema: Schema,
    event_id: str,
    role: str,
    *,
    span_id: str | None = None,
    filler_event_id: str | None = None,
    order: int | None = None,
) -> Argument:
    """Fill a role, after checking the schema allows the filler there; refusals say why.

    ``order`` puts the argument back where ``remove_argument`` said it was (undo); by
    default it goes last."""
    argument = Argument(role, span_id=span_id, event_id=filler_event_id)
    _check_argument(conn, schema, event(conn, event_id), argument)
    touch_set(conn, *_event_owner(conn, event_id))
    _insert_argument(conn, event_id, argument, order)
    return argument


def remove_argument(conn: sqlite3.Connection, event_id: str, argument: Argument) -> int:
    """Remove an argument; returns its position, for ``add_argument(order=...)`` on undo."""
    match = [event_id, argument.role, argument.span_id, argument.event_id]
    where = "event_id = ? AND role = ? AND span_id IS ? AND filler_event_id IS ?"
    row = conn.execute(f"SELECT ord FROM arguments WHERE {where}", match).fetchone()
    if row is None:
        raise WorkbenchError(Problem("event {id} has no such {role} argument", id=event_id, role=argument.role))
    touch_set(conn, *_event_owner(conn, event_id))
    conn.execute(f"DELETE FROM arguments WHERE {where}", match)
    return int(row[0])


def update_event(
    conn: sqlite3.Connection, schema: Schema, event_id: str, attributes: dict[str, Any]
) -> Event:
    """Replace an event's attributes; returns the event as it was (for undo)."""
    before = event(conn, event_id)
    schema.check_attributes(before.type, attributes)
    touch_set(conn, *_event_owner(conn, event_id))
    table(conn, "events").update(event_id, {"attributes": rows.to_json(dict(attributes))})
    return before


def _check_argument(
    conn: sqlite3.Connection, schema: Schema, event: Event, argument: Argument
) -> None:
    role = schema.event(event.type).role(argument.role)
    schema.check_filler(event.type, argument.role, _filler_label(conn, event, argument))
    if argument in event.arguments:
        raise SchemaError(Problem("that {role} argument is there already", role=argument.role))
    if not role.repeatable and any(a.role == argument.role for a in event.arguments):
        raise SchemaError(
            Problem("the role {role} of {type} takes one filler only", role=argument.role, type=event.type)
        )


def _filler_label(conn: sqlite3.Connection, of_event: Event, argument: Argument) -> str:
    """The filler's label as the schema names fillers: an entity label or "EVENT:type"."""
    owner = _event_owner(conn, of_event.id)
    if argument.span_id is not None:
        span, document_id, annotator = span_owner(conn, argument.span_id)
        if (document_id, annotator) != owner:
            raise WorkbenchError(Problem("an argument's span must belong to the event's annotation set"))
        return span.label
    if argument.event_id is None or argument.event_id == of_event.id:
        raise WorkbenchError(Problem("an argument is filled by a span or by another event"))
    filler = event(conn, argument.event_id)
    if _event_owner(conn, filler.id) != owner:
        raise WorkbenchError(Problem("an argument's event must belong to the event's annotation set"))
    return event_filler(filler.type)


def _insert_argument(
    conn: sqlite3.Connection, event_id: str, argument: Argument, order: int | None = None
) -> None:
    if order is None:
        order = int(
            conn.execute(
                "SELECT coalesce(max(ord), -1) + 1 FROM arguments WHERE event_id = ?", [event_id]
            ).fetchone()[0]
        )
    table(conn, "arguments").insert(
        {"event_id": event_id, "role": argument.role, "span_id": argument.span_id,
         "filler_event_id": argument.event_id, "ord": order}
    )


def _event_owner(conn: sqlite3.Connection, event_id: str) -> tuple[str, str]:
    row = conn.execute(
        "SELECT a.document_id, a.annotator FROM events e JOIN annotation_sets a "
        "ON e.set_id = a.id WHERE e.id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        raise WorkbenchError(Problem(NO_EVENT, id=event_id, path=database_path(conn)))
    return row[0], row[1]


def events_where(conn: sqlite3.Connection, condition: str, params: Sequence[Any]) -> list[Event]:
    """Whole events (with their arguments) of ``SELECT e.* FROM events e WHERE condition``."""
    events = list(query_dicts(conn, f"SELECT e.* FROM events e WHERE {condition}", params))
    if not events:
        return []
    marks = rows.marks(events)
    arguments: dict[str, list[dict[str, Any]]] = {}
    for row in query_dicts(
        conn, f"SELECT * FROM arguments WHERE event_id IN ({marks})", [e["id"] for e in events]
    ):
        arguments.setdefault(row["event_id"], []).append(row)
    return [rows.event_from_row(e, arguments.get(e["id"], [])) for e in events]
