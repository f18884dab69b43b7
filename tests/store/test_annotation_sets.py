"""The functions behind every edit, called over a bare connection inside one write transaction,
with no ``Project`` around them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.errors import SchemaError, WorkbenchError
from workbench.core.model import AnnotatedDocument, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store.annotation_sets import (
    annotators,
    check_label,
    ensure_annotator,
    insert_span,
    new_span,
    set_id,
    set_status,
    touch_set,
)
from workbench.store.connection import write_transaction
from workbench.store.project import Project

TEXT = "هاجم مسلحون قرية قرب الموصل"
SCHEMA = builtin_schema("conflict-news")


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with Project.create(tmp_path / "p.tawsim", SCHEMA) as project:
        project.add_documents([AnnotatedDocument(make_document("d", TEXT, doc_id="d"))])
        yield project.conn


def set_row(conn: sqlite3.Connection, annotator: str) -> tuple[str, int]:
    row: tuple[str, int] = conn.execute(
        "SELECT status, revision FROM annotation_sets WHERE document_id = 'd' AND annotator = ?",
        [annotator],
    ).fetchone()
    return row


def test_a_set_is_found_or_made_with_its_annotator(conn: sqlite3.Connection) -> None:
    with pytest.raises(WorkbenchError, match="amal has no annotations on document d"):
        set_id(conn, "d", "amal", create=False)
    with write_transaction(conn):
        made = set_id(conn, "d", "amal", create=True)
    assert set_id(conn, "d", "amal", create=False) == made
    assert set_row(conn, "amal") == ("new", 0)
    assert annotators(conn) == ["amal"]


def test_touching_a_set_bumps_its_revision_and_starts_the_work_once(conn: sqlite3.Connection) -> None:
    with write_transaction(conn):
        touch_set(conn, "d", "amal")
    assert set_row(conn, "amal") == ("in_progress", 1)
    with write_transaction(conn):
        set_status(conn, "d", "amal", Status.DONE)
        touch_set(conn, "d", "amal")
    assert set_row(conn, "amal") == ("done", 3)  # a finished set stays finished


def test_an_annotator_needs_a_name(conn: sqlite3.Connection) -> None:
    with pytest.raises(WorkbenchError, match="cannot be empty"), write_transaction(conn):
        ensure_annotator(conn, "  ")
    assert annotators(conn) == []


def test_labels_are_the_schemas_entities_or_event_types() -> None:
    check_label(SCHEMA, "PER")
    check_label(SCHEMA, "Conflict.Attack")  # a trigger span's label
    with pytest.raises(SchemaError, match="'Invented' is not in the project's schema"):
        check_label(SCHEMA, "Invented")


@pytest.mark.parametrize(("start", "end"), [(-1, 4), (4, 4), (5, 4), (0, len(TEXT) + 1)])
def test_a_new_span_lies_inside_the_text(start: int, end: int) -> None:
    with pytest.raises(WorkbenchError, match="outside the document"):
        new_span(SCHEMA, TEXT, start, end, "PER")


def test_a_new_entity_span_takes_its_default_attributes_and_a_trigger_none() -> None:
    entity = new_span(SCHEMA, TEXT, 5, 11, "PER")
    assert (entity.text, entity.attributes) == ("مسلحون", SCHEMA.default_attributes_for_entity("PER"))
    assert entity.attributes == {"mention_level": "NAM"}
    assert new_span(SCHEMA, TEXT, 0, 4, "Conflict.Attack").attributes == {}
    assert new_span(SCHEMA, TEXT, 0, 4, "PER").id != entity.id


def test_a_repeated_range_and_label_is_refused(conn: sqlite3.Connection) -> None:
    with write_transaction(conn):
        target = touch_set(conn, "d", "amal")
        insert_span(conn, new_span(SCHEMA, TEXT, 5, 11, "PER"), target)
    with pytest.raises(WorkbenchError, match="same range and label"), write_transaction(conn):
        insert_span(conn, new_span(SCHEMA, TEXT, 5, 11, "PER"), target)
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 1


def test_the_functions_compose_in_the_callers_transaction(conn: sqlite3.Connection) -> None:
    """A refusal anywhere in the caller's transaction takes back every row written before it."""
    with pytest.raises(WorkbenchError), write_transaction(conn):
        target = touch_set(conn, "d", "badr")
        insert_span(conn, new_span(SCHEMA, TEXT, 0, 4, "PER"), target)
        insert_span(conn, new_span(SCHEMA, TEXT, 0, 4, "PER"), target)
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM annotation_sets").fetchone()[0] == 0
    assert annotators(conn) == []
