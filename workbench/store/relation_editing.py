"""Edits to a set's relations and document labels (issue 14): each is one transaction that bumps
the set's revision, refuses what the schema does not allow, and returns what undoing it needs.
The commands of ``app/relation_changes.py`` call these; deleting a span takes its relations with
it (``editing.delete_spans`` keeps them in its ``Removal``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.errors import SchemaError, WorkbenchError
from workbench.core.model import AnnotationSet, DocumentLabelValue, Relation, new_id
from workbench.core.relation_checks import document_label_problem
from workbench.store import relations as relation_rows
from workbench.store import rows
from workbench.store.bulk_import import insert_rows
from workbench.store.connection import write_transaction

if TYPE_CHECKING:
    from workbench.store.project import Project


def add_relation(
    project: Project,
    document_id: str,
    annotator: str,
    relation: Relation,
) -> Relation:
    """Store ``relation`` (a new id when it has none) between two spans of the annotator's set
    on the document; the type's default attributes fill what it does not give."""
    project.require_writable()
    schema = project.schema
    attributes = schema.default_attributes_for_relation(relation.type) | relation.attributes
    schema.check_attributes(relation.type, attributes)
    stored = Relation(
        relation.id or new_id(), relation.type, relation.from_span_id, relation.to_span_id,
        attributes,
    )
    _check_ends(project, stored, (document_id, annotator))
    with write_transaction(project.conn):
        set_id = project.touch_set(document_id, annotator)
        insert_relations(project.conn, set_id, [stored])
    return stored


def delete_relation(project: Project, relation_id: str) -> Relation:
    """Delete a relation; returns it, for ``add_relation`` on undo."""
    project.require_writable()
    relation, document_id, annotator = relation_owner(project, relation_id)
    with write_transaction(project.conn):
        project.touch_set(document_id, annotator)
        project.conn.execute("DELETE FROM relations WHERE id = ?", [relation_id])
    return relation


def update_relation(
    project: Project, relation_id: str, relation_type: str, attributes: dict[str, Any]
) -> Relation:
    """Give a relation another type or other attributes; returns it as it was (for undo)."""
    project.require_writable()
    before, document_id, annotator = relation_owner(project, relation_id)
    project.schema.check_attributes(relation_type, attributes)
    with write_transaction(project.conn):
        project.touch_set(document_id, annotator)
        project.db["relations"].update(
            relation_id,
            {"type": relation_type, "attributes": rows.to_json(dict(attributes))},
        )
    return before


def set_document_label(
    project: Project,
    document_id: str,
    annotator: str,
    field: str,
    value: DocumentLabelValue | None,
) -> DocumentLabelValue | None:
    """Set (or, with None, clear) one document-label field of the annotator's set; returns the
    value it had (None when it had none), for undo."""
    project.require_writable()
    if value is not None:
        problem = document_label_problem(field, value, project.schema)
        if problem:
            raise SchemaError(problem)
    before = document_label(project, document_id, annotator, field)
    with write_transaction(project.conn):
        set_id = project.touch_set(document_id, annotator)
        project.conn.execute(
            "DELETE FROM document_labels WHERE set_id = ? AND field = ?", [set_id, field]
        )
        if value is not None:
            insert_rows(
                project.conn, "document_labels",
                relation_rows.document_label_rows({field: value}, set_id),
            )
    return before


def document_label(
    project: Project, document_id: str, annotator: str, field: str
) -> DocumentLabelValue | None:
    row = project.conn.execute(
        "SELECT l.value FROM document_labels l JOIN annotation_sets a ON l.set_id = a.id "
        "WHERE a.document_id = ? AND a.annotator = ? AND l.field = ?",
        [document_id, annotator, field],
    ).fetchone()
    return None if row is None else relation_rows.label_value(row[0])


def relation_owner(project: Project, relation_id: str) -> tuple[Relation, str, str]:
    """The relation, its document and its annotator."""
    [relation] = relation_rows.relations_where(project.conn, "id = ?", [relation_id]) or [None]
    if relation is None:
        raise WorkbenchError(f"no relation {relation_id} in {project.path}")
    document_id, annotator = project.conn.execute(
        "SELECT a.document_id, a.annotator FROM relations r JOIN annotation_sets a "
        "ON r.set_id = a.id WHERE r.id = ?",
        [relation_id],
    ).fetchone()
    return relation, document_id, annotator


def span_relations(project: Project, span_ids: Sequence[str]) -> tuple[Relation, ...]:
    """The relations either end of which is one of the spans (what deleting them takes)."""
    marks = ",".join("?" * len(span_ids))
    condition = f"from_span_id IN ({marks}) OR to_span_id IN ({marks})"
    return tuple(relation_rows.relations_where(project.conn, condition, [*span_ids, *span_ids]))


def insert_set_extras(conn: sqlite3.Connection, set_id: str, annotations: AnnotationSet) -> None:
    """Insert a set's relations and document labels, its spans being in place already."""
    insert_relations(conn, set_id, annotations.relations)
    labels = relation_rows.document_label_rows(annotations.document_labels, set_id)
    if labels:
        insert_rows(conn, "document_labels", labels)


def insert_relations(conn: sqlite3.Connection, set_id: str, relations: Sequence[Relation]) -> None:
    if relations:
        insert_rows(conn, "relations", [relation_rows.relation_row(r, set_id) for r in relations])


def _check_ends(project: Project, relation: Relation, owner: tuple[str, str]) -> None:
    if relation.from_span_id == relation.to_span_id:
        raise WorkbenchError("a relation links two different spans")
    for span_id in (relation.from_span_id, relation.to_span_id):
        _, document_id, annotator = project.span_owner(span_id)
        if (document_id, annotator) != owner:
            raise WorkbenchError(
                f"span {span_id} is not in {owner[1]}'s set on document {owner[0]}"
            )
