"""Edits to a set's relations and document labels (issue 14): each bumps the set's revision,
refuses what the schema does not allow, and returns what undoing it needs. They run in the
caller's write transaction (``Project.writing``); the commands of ``app/relation_changes.py``
reach them through ``Project``. Deleting a span takes its relations with it
(``editing.delete_spans`` keeps them in its ``Removal``).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from workbench.core.errors import Problem, SchemaError, WorkbenchError
from workbench.core.model import AnnotationSet, DocumentLabelValue, Relation, new_id
from workbench.core.relation_checks import document_label_problem
from workbench.core.schema import Schema
from workbench.store import relations as relation_rows
from workbench.store import rows
from workbench.store.annotation_sets import touch_set
from workbench.store.bulk_import import insert_rows
from workbench.store.connection import database_path, table
from workbench.store.reading import span_owner


def add_relation(
    conn: sqlite3.Connection, schema: Schema, document_id: str, annotator: str, relation: Relation
) -> Relation:
    """Store ``relation`` (a new id when it has none) between two spans of the annotator's set
    on the document; the type's default attributes fill what it does not give."""
    attributes = schema.default_attributes_for_relation(relation.type) | relation.attributes
    schema.check_attributes(relation.type, attributes)
    stored = Relation(
        relation.id or new_id(), relation.type, relation.from_span_id, relation.to_span_id,
        attributes,
    )
    _check_ends(conn, stored, (document_id, annotator))
    set_id = touch_set(conn, document_id, annotator)
    insert_relations(conn, set_id, [stored])
    return stored


def delete_relation(conn: sqlite3.Connection, relation_id: str) -> Relation:
    """Delete a relation; returns it, for ``add_relation`` on undo."""
    relation, document_id, annotator = relation_owner(conn, relation_id)
    touch_set(conn, document_id, annotator)
    conn.execute("DELETE FROM relations WHERE id = ?", [relation_id])
    return relation


def update_relation(
    conn: sqlite3.Connection,
    schema: Schema,
    relation_id: str,
    relation_type: str,
    attributes: dict[str, Any],
) -> Relation:
    """Give a relation another type or other attributes; returns it as it was (for undo)."""
    before, document_id, annotator = relation_owner(conn, relation_id)
    schema.check_attributes(relation_type, attributes)
    touch_set(conn, document_id, annotator)
    table(conn, "relations").update(
        relation_id, {"type": relation_type, "attributes": rows.to_json(dict(attributes))}
    )
    return before


def set_document_label(
    conn: sqlite3.Connection,
    schema: Schema,
    document_id: str,
    annotator: str,
    field: str,
    value: DocumentLabelValue | None,
) -> DocumentLabelValue | None:
    """Set (or, with None, clear) one document-label field of the annotator's set; returns the
    value it had (None when it had none), for undo."""
    if value is not None:
        problem = document_label_problem(field, value, schema)
        if problem:
            raise SchemaError(problem)
    before = document_label(conn, document_id, annotator, field)
    set_id = touch_set(conn, document_id, annotator)
    conn.execute("DELETE FROM document_labels WHERE set_id = ? AND field = ?", [set_id, field])
    if value is not None:
        insert_rows(conn, "document_labels", relation_rows.document_label_rows({field: value}, set_id))
    return before


def document_label(
    conn: sqlite3.Connection, document_id: str, annotator: str, field: str
) -> DocumentLabelValue | None:
    row = conn.execute(
        "SELECT l.value FROM document_labels l JOIN annotation_sets a ON l.set_id = a.id "
        "WHERE a.document_id = ? AND a.annotator = ? AND l.field = ?",
        [document_id, annotator, field],
    ).fetchone()
    return None if row is None else relation_rows.label_value(row[0])


def relation_owner(conn: sqlite3.Connection, relation_id: str) -> tuple[Relation, str, str]:
    """The relation, its document and its annotator."""
    found = relation_rows.relations_where(conn, "id = ?", [relation_id])
    if not found:
        raise WorkbenchError(Problem("no relation {id} in {path}", id=relation_id, path=database_path(conn)))
    [relation] = found
    document_id, annotator = conn.execute(
        "SELECT a.document_id, a.annotator FROM relations r JOIN annotation_sets a "
        "ON r.set_id = a.id WHERE r.id = ?",
        [relation_id],
    ).fetchone()
    return relation, document_id, annotator


def span_relations(conn: sqlite3.Connection, span_ids: Sequence[str]) -> tuple[Relation, ...]:
    """The relations either end of which is one of the spans (what deleting them takes)."""
    condition = f"from_span_id IN ({rows.marks(span_ids)}) OR to_span_id IN ({rows.marks(span_ids)})"
    return tuple(relation_rows.relations_where(conn, condition, [*span_ids, *span_ids]))


def insert_set_extras(conn: sqlite3.Connection, set_id: str, annotations: AnnotationSet) -> None:
    """Insert a set's relations and document labels, its spans being in place already."""
    insert_relations(conn, set_id, annotations.relations)
    labels = relation_rows.document_label_rows(annotations.document_labels, set_id)
    if labels:
        insert_rows(conn, "document_labels", labels)


def insert_relations(conn: sqlite3.Connection, set_id: str, relations: Sequence[Relation]) -> None:
    if relations:
        insert_rows(conn, "relations", [relation_rows.relation_row(r, set_id) for r in relations])


def _check_ends(conn: sqlite3.Connection, relation: Relation, owner: tuple[str, str]) -> None:
    if relation.from_span_id == relation.to_span_id:
        raise WorkbenchError(Problem("a relation links two different spans"))
    for span_id in (relation.from_span_id, relation.to_span_id):
        _, document_id, annotator = span_owner(conn, span_id)
        if (document_id, annotator) != owner:
            raise WorkbenchError(
                Problem(
                    "span {id} is not in {annotator}'s set on document {document}",
                    id=span_id, annotator=owner[1], document=owner[0],
                )
            )
