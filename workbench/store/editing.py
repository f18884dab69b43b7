"""Edits to one annotator's annotation set: each is one transaction, and each can be undone.

Deleting returns a ``Removal`` that records everything that went (the spans, the events they
triggered, the arguments they filled), so that ``restore`` puts back exactly that, ids included.
These are what the commands of ``app/changes.py`` call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from workbench.core.errors import SchemaError, WorkbenchError
from workbench.core.model import AnnotationSet, Argument, Event, Relation, Span, new_id
from workbench.core.schema import event_filler
from workbench.store import rows
from workbench.store.connection import write_transaction
from workbench.store.reading import query_dicts
from workbench.store.relation_editing import insert_relations, insert_set_extras, span_relations

if TYPE_CHECKING:
    from workbench.store.project import Project


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


class EditingMixin:
    """The editing operations of ``Project`` (see the module docstring)."""

    # -- spans ---------------------------------------------------------------------------------

    def add_span(
        self: Project,
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
        self.require_writable()
        self.check_label(label)
        span = self.new_span(self.document(document_id).text, start, end, label)
        span = replace(
            span,
            id=span_id or span.id,
            attributes=span.attributes if attributes is None else dict(attributes),
            note=note,
        )
        with write_transaction(self.conn):
            set_id = self.touch_set(document_id, annotator)
            self.insert_span(span, set_id)
        return span

    def update_span(
        self: Project,
        span_id: str,
        *,
        label: str | None = None,
        attributes: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> Span:
        self.require_writable()
        span, document_id, annotator = self.span_owner(span_id)
        changed = replace(
            span,
            label=span.label if label is None else label,
            attributes=span.attributes if attributes is None else dict(attributes),
            note=span.note if note is None else note,
        )
        self.check_label(changed.label)
        if not self.schema.has_event(changed.label):
            self.schema.check_attributes(changed.label, changed.attributes)
        with write_transaction(self.conn):
            self.touch_set(document_id, annotator)
            try:
                self.db["spans"].update(
                    span_id,
                    {"label": changed.label, "attributes": rows.to_json(changed.attributes),
                     "note": changed.note},
                )
            except sqlite3.IntegrityError as error:
                raise WorkbenchError(
                    f"{annotator} already has a {changed.label} span on [{span.start}, {span.end})"
                ) from error
        return changed

    def add_spans(
        self: Project,
        document_id: str,
        annotator: str,
        ranges: Sequence[tuple[int, int]],
        label: str,
        *,
        text: str | None = None,
    ) -> list[Span]:
        """Label several ranges at once (one transaction); ranges the annotator already has with
        this label are skipped. Returns the spans created.

        ``text`` is the document's stored text, for a caller that holds it already (the window
        adding a span at a keystroke): reading a long document again costs most of a frame."""
        self.require_writable()
        self.check_label(label)
        text = self.document(document_id).text if text is None else text
        with write_transaction(self.conn):
            set_id = self.touch_set(document_id, annotator)
            spans = [
                self.new_span(text, start, end, label)
                for start, end in dict.fromkeys(ranges)
                if not self._has_span(set_id, start, end, label)
            ]
            for span in spans:
                self.insert_span(span, set_id)
        return spans

    def _has_span(self: Project, set_id: str, start: int, end: int, label: str) -> bool:
        """One lookup in the set's unique index, not a read of all its spans with the label (a
        millisecond beside 10,000 spans, at every hotkey)."""
        found = self.conn.execute(
            'SELECT 1 FROM spans WHERE set_id = ? AND start = ? AND "end" = ? AND label = ?',
            [set_id, start, end, label],
        )
        return found.fetchone() is not None

    def dependents(self: Project, span_id: str) -> Dependents:
        triggered = self._events_where("e.trigger_span_id = ?", [span_id])
        filling = [
            (event, argument)
            for event in self._events_where(
                "e.id IN (SELECT event_id FROM arguments WHERE span_id = ?)", [span_id]
            )
            for argument in event.arguments
            if argument.span_id == span_id
        ]
        return Dependents(tuple(triggered), tuple(filling))

    def delete_spans(self: Project, span_ids: Sequence[str]) -> Removal:
        """Delete spans of one set; events they trigger, arguments they fill and relations they
        end go with them."""
        self.require_writable()
        if not span_ids:
            raise WorkbenchError("no span to delete")
        owners = [self.span_owner(span_id) for span_id in span_ids]
        document_id, annotator = owners[0][1], owners[0][2]
        if any((d, a) != (document_id, annotator) for _, d, a in owners):
            raise WorkbenchError("spans deleted together must belong to one annotation set")
        marks = ",".join("?" * len(span_ids))
        events = self._events_where(f"e.trigger_span_id IN ({marks})", span_ids)
        gone_events = {e.id for e in events}
        triggered = f"SELECT id FROM events WHERE trigger_span_id IN ({marks})"
        arguments = tuple(
            (row["event_id"], row["ord"], Argument(row["role"], row["span_id"], row["filler_event_id"]))
            for row in query_dicts(
                self.conn,
                f"SELECT * FROM arguments WHERE (span_id IN ({marks}) OR filler_event_id IN "
                f"({triggered})) AND event_id NOT IN ({triggered})",
                [*span_ids, *span_ids, *span_ids],
            )
        )
        relations = span_relations(self, span_ids)
        with write_transaction(self.conn):
            self.touch_set(document_id, annotator)
            self.conn.execute(f"DELETE FROM spans WHERE id IN ({marks})", list(span_ids))
        spans = tuple(s for s, _, _ in owners)
        return Removal(document_id, annotator, spans, tuple(events), arguments, relations)

    def delete_span(self: Project, span_id: str) -> Removal:
        return self.delete_spans([span_id])

    def restore(self: Project, removal: Removal) -> None:
        """Put back what a deletion removed, with the same ids (undo)."""
        self.require_writable()
        with write_transaction(self.conn):
            set_id = self.touch_set(removal.document_id, removal.annotator)
            self._insert_annotations(set_id, removal.spans, removal.events)
            for event_id, order, argument in removal.arguments:
                self._insert_argument(event_id, argument, order)
            insert_relations(self.conn, set_id, removal.relations)

    def replace_set(
        self: Project, document_id: str, annotator: str, annotations: AnnotationSet | None
    ) -> None:
        """Make the annotator's set on the document hold exactly ``annotations`` (ids, status),
        or nothing at all when None: how gold edits are written, undone and redone."""
        self.require_writable()
        with write_transaction(self.conn):
            set_id = self.touch_set(document_id, annotator)
            self.conn.execute("DELETE FROM events WHERE set_id = ?", [set_id])
            self.conn.execute("DELETE FROM spans WHERE set_id = ?", [set_id])
            self.conn.execute("DELETE FROM document_labels WHERE set_id = ?", [set_id])
            if annotations is None:
                self.conn.execute("DELETE FROM annotation_sets WHERE id = ?", [set_id])
                return
            self._insert_annotations(set_id, annotations.spans, annotations.events)
            insert_set_extras(self.conn, set_id, annotations)
            self.conn.execute(
                "UPDATE annotation_sets SET status = ? WHERE id = ?",
                [annotations.status.value, set_id],
            )

    def _insert_annotations(
        self: Project, set_id: str, spans: Sequence[Span], events: Sequence[Event]
    ) -> None:
        """Spans, then events, then their arguments (which refer to both), ids kept."""
        for span in spans:
            self.insert_span(span, set_id)
        for event in events:
            self.db["events"].insert(rows.event_row(event, set_id))
        for event in events:
            for argument_row in rows.argument_rows(event):
                self.db["arguments"].insert(argument_row)

    # -- events --------------------------------------------------------------------------------

    def create_event(
        self: Project,
        document_id: str,
        annotator: str,
        start: int,
        end: int,
        event_type: str,
        *,
        attributes: dict[str, Any] | None = None,
    ) -> Event:
        """A trigger span labelled with the event type, and its event, in one transaction."""
        self.require_writable()
        schema = self.schema
        schema.event(event_type)
        values = schema.default_attributes_for_event(event_type) | dict(attributes or {})
        schema.check_attributes(event_type, values)
        text = self.document(document_id).text
        trigger = self.new_span(text, start, end, event_type)
        event = Event(new_id(), event_type, trigger.id, (), values)
        with write_transaction(self.conn):
            set_id = self.touch_set(document_id, annotator)
            self.insert_span(trigger, set_id)
            self.db["events"].insert(rows.event_row(event, set_id))
        return event

    def event(self: Project, event_id: str) -> Event:
        [event] = self._events_where("e.id = ?", [event_id]) or [None]
        if event is None:
            raise WorkbenchError(f"no event {event_id} in {self.path}")
        return event

    def add_argument(
        self: Project,
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
        self.require_writable()
        event = self.event(event_id)
        argument = Argument(role, span_id=span_id, event_id=filler_event_id)
        self._check_argument(event, argument)
        with write_transaction(self.conn):
            self.touch_set(*self._event_owner(event_id))
            self._insert_argument(event_id, argument, order)
        return argument

    def remove_argument(self: Project, event_id: str, argument: Argument) -> int:
        """Remove an argument; returns its position, for ``add_argument(order=...)`` on undo."""
        self.require_writable()
        match = [event_id, argument.role, argument.span_id, argument.event_id]
        where = "event_id = ? AND role = ? AND span_id IS ? AND filler_event_id IS ?"
        row = self.conn.execute(f"SELECT ord FROM arguments WHERE {where}", match).fetchone()
        if row is None:
            raise WorkbenchError(f"event {event_id} has no such {argument.role} argument")
        with write_transaction(self.conn):
            self.touch_set(*self._event_owner(event_id))
            self.conn.execute(f"DELETE FROM arguments WHERE {where}", match)
        return int(row[0])

    def update_event(self: Project, event_id: str, attributes: dict[str, Any]) -> Event:
        """Replace an event's attributes; returns the event as it was (for undo)."""
        self.require_writable()
        before = self.event(event_id)
        self.schema.check_attributes(before.type, attributes)
        with write_transaction(self.conn):
            self.touch_set(*self._event_owner(event_id))
            self.db["events"].update(event_id, {"attributes": rows.to_json(dict(attributes))})
        return before

    # -- helpers -------------------------------------------------------------------------------

    def new_span(self: Project, text: str, start: int, end: int, label: str) -> Span:
        if not 0 <= start < end <= len(text):
            raise WorkbenchError(f"span [{start}, {end}) is outside the document (0 to {len(text)})")
        defaults = {} if self.schema.has_event(label) else self.schema.default_attributes_for_entity(label)
        return Span(new_id(), start, end, label, text[start:end], defaults)

    def _check_argument(self: Project, event: Event, argument: Argument) -> None:
        event_type = self.schema.event(event.type)
        role = event_type.role(argument.role)
        filler_label = self._filler_label(event, argument)
        self.schema.check_filler(event.type, argument.role, filler_label)
        if argument in event.arguments:
            raise SchemaError(f"that {argument.role} argument is there already")
        if not role.repeatable and any(a.role == argument.role for a in event.arguments):
            raise SchemaError(f"the role {argument.role} of {event.type} takes one filler only")

    def _filler_label(self: Project, event: Event, argument: Argument) -> str:
        """The filler's label as the schema names fillers: an entity label or "EVENT:type"."""
        owner = self._event_owner(event.id)
        if argument.span_id is not None:
            span, document_id, annotator = self.span_owner(argument.span_id)
            if (document_id, annotator) != owner:
                raise WorkbenchError("an argument's span must belong to the event's annotation set")
            return span.label
        if argument.event_id is None or argument.event_id == event.id:
            raise WorkbenchError("an argument is filled by a span or by another event")
        filler = self.event(argument.event_id)
        if self._event_owner(filler.id) != owner:
            raise WorkbenchError("an argument's event must belong to the event's annotation set")
        return event_filler(filler.type)

    def _insert_argument(
        self: Project, event_id: str, argument: Argument, order: int | None = None
    ) -> None:
        if order is None:
            order = self.conn.execute(
                "SELECT coalesce(max(ord), -1) + 1 FROM arguments WHERE event_id = ?", [event_id]
            ).fetchone()[0]
        self.db["arguments"].insert(
            {"event_id": event_id, "role": argument.role, "span_id": argument.span_id,
             "filler_event_id": argument.event_id, "ord": order}
        )

    def _event_owner(self: Project, event_id: str) -> tuple[str, str]:
        row = self.conn.execute(
            "SELECT a.document_id, a.annotator FROM events e JOIN annotation_sets a "
            "ON e.set_id = a.id WHERE e.id = ?",
            [event_id],
        ).fetchone()
        if row is None:
            raise WorkbenchError(f"no event {event_id} in {self.path}")
        return row[0], row[1]

    def _events_where(self: Project, condition: str, params: Sequence[Any]) -> list[Event]:
        events = list(query_dicts(self.conn, f"SELECT e.* FROM events e WHERE {condition}", params))
        if not events:
            return []
        marks = ",".join("?" * len(events))
        arguments: dict[str, list[dict[str, Any]]] = {}
        for row in query_dicts(
            self.conn, f"SELECT * FROM arguments WHERE event_id IN ({marks})", [e["id"] for e in events]
        ):
            arguments.setdefault(row["event_id"], []).append(row)
        return [rows.event_from_row(e, arguments.get(e["id"], [])) for e in events]
