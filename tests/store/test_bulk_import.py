"""Adding many documents at once over a connection: ids that clash are renamed with what refers
to them, a set that exists takes only the spans it lacks, the page cache is put back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from workbench.core.errors import SchemaError
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    Status,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.store import bulk_import, rows
from workbench.store.bulk_import import DocumentImporter, ImportSummary, page_cache
from workbench.store.connection import write_transaction
from workbench.store.project import Project
from workbench.store.reading import load_annotated

TEXT = "هاجم مسلحون قرية قرب الموصل"
SCHEMA = builtin_schema("conflict-news")


def attack(annotator: str, text: str = TEXT) -> AnnotatedDocument:
    """One set with fixed ids: a trigger, an attacker and the event linking them."""
    trigger = Span("t", 0, 4, "Conflict.Attack", text[0:4])
    attacker = Span("a", 5, 11, "PER", text[5:11])
    event = Event("e", "Conflict.Attack", "t", (Argument("Attacker", span_id="a"),))
    annotations = AnnotationSet(annotator, (trigger, attacker), (event,), Status.DONE, 1)
    return AnnotatedDocument(make_document(f"doc-{text[-3:]}", text), (annotations,))


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with Project.create(tmp_path / "p.tawsim", SCHEMA) as project:
        yield project.conn


def run_import(conn: sqlite3.Connection, *documents: AnnotatedDocument) -> ImportSummary:
    summary = ImportSummary()
    with write_transaction(conn):
        DocumentImporter(conn, SCHEMA, summary).run(documents)
    return summary


def test_ids_the_project_holds_are_renamed_and_references_follow(conn: sqlite3.Connection) -> None:
    run_import(conn, attack("amal"))
    run_import(conn, attack("badr", TEXT + " أمس"))  # another document, the same span and event ids
    [first, second] = [
        annotated.sets[0]
        for annotated in load_annotated(conn, [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY ord")])
    ]
    assert {s.id for s in first.spans} == {"t", "a"} and first.events[0].id == "e"
    renamed = {s.label: s.id for s in second.spans}
    assert not {*renamed.values(), second.events[0].id} & {"t", "a", "e"}
    [event] = second.events
    assert event.trigger_span_id == renamed["Conflict.Attack"]
    assert event.arguments == (Argument("Attacker", span_id=renamed["PER"]),)


def test_a_set_that_exists_takes_only_the_spans_it_lacks(conn: sqlite3.Connection) -> None:
    run_import(conn, attack("amal"))
    again = attack("amal")
    extra = Span("q", 12, 16, "GPE", TEXT[12:16])
    grown = AnnotatedDocument(again.document, (AnnotationSet("amal", (*again.sets[0].spans, extra)),))
    summary = run_import(conn, grown)
    assert (summary.documents_added, summary.documents_matched) == (0, 1)
    assert (summary.spans, summary.duplicate_spans) == (1, 2)
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 3
    assert conn.execute("SELECT revision FROM annotation_sets").fetchone()[0] == 2


def test_new_documents_follow_the_order_of_those_there(conn: sqlite3.Connection) -> None:
    run_import(conn, attack("amal"))
    run_import(conn, attack("amal", TEXT + " أمس"), attack("amal", TEXT + " اليوم"))
    orders = [row[0] for row in conn.execute("SELECT ord FROM documents ORDER BY ord")]
    assert orders == [1, 2, 3]


def test_a_set_that_does_not_fit_the_schema_is_refused_with_its_document(conn: sqlite3.Connection) -> None:
    document = attack("amal").document
    wrong = AnnotatedDocument(document, (AnnotationSet("amal", (Span("x", 0, 4, "Invented", TEXT[0:4]),)),))
    with pytest.raises(SchemaError, match=f"document {document.name!r}: "):
        run_import(conn, wrong)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_the_page_cache_is_put_back_even_after_a_failure(conn: sqlite3.Connection) -> None:
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    with pytest.raises(RuntimeError), page_cache(conn, 4096):
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -4096
        raise RuntimeError
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == before


def test_the_page_cache_grows_with_the_spans_up_to_its_bound_and_is_put_back(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large import keeps more of the spans' indexes in the page cache as they grow (issue
    16: a fifth of the time at 100,000 documents), never more than the bound the memory limit
    allows, and the cache is what it was once the import is done."""
    monkeypatch.setattr(bulk_import, "BATCH", 1)
    monkeypatch.setattr(bulk_import, "INDEX_BYTES_PER_SPAN", 1024 * 1024)  # a MiB a span
    monkeypatch.setattr(bulk_import, "MAX_IMPORT_CACHE_KIB", 40 * 1024 + 512)
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    set_to: list[int] = []
    conn.set_trace_callback(
        lambda sql: set_to.append(int(sql.rsplit("=", 1)[1])) if "cache_size = " in sql else None
    )
    run_import(conn, *(attack("amal", f"{TEXT} {n}") for n in range(30)))  # 2 spans each
    conn.set_trace_callback(None)
    assert set_to[0] == -bulk_import.IMPORT_CACHE_KIB and set_to[-1] == before
    assert set_to[1:-1] == [-34 * 1024, -36 * 1024, -38 * 1024, -40 * 1024, -(40 * 1024 + 512)]
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == before


def span_table_rows(count: int) -> list[tuple[object, ...]]:
    return [(f"s{n}", f"set{n % 3}", n, n + 1, "PER", "x", "{}", "") for n in range(count)]


def stored_spans(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    columns = ", ".join(f'"{column}"' for column in rows.SPAN_COLUMNS)
    return list(conn.execute(f"SELECT {columns} FROM spans ORDER BY rowid"))


def test_rows_are_inserted_many_to_a_statement_in_their_order(conn: sqlite3.Connection) -> None:
    """Issue 16: a statement binds many rows (one step of SQLite for them all, not one each);
    what is left after whole statements goes in one more; the rows keep their order."""
    conn.execute("PRAGMA foreign_keys = OFF")
    statements: list[str] = []
    conn.set_trace_callback(lambda sql: statements.append(sql) if sql.startswith("INSERT") else None)
    pending = span_table_rows(2 * bulk_import.ROWS_PER_INSERT + 7)
    bulk_import.insert_values(conn, "spans", rows.SPAN_COLUMNS, pending)
    conn.set_trace_callback(None)
    per = bulk_import.ROWS_PER_INSERT
    assert [sql.count("('s") for sql in statements] == [per, per, 7]  # traced with their values
    assert stored_spans(conn) == pending


def test_a_statement_takes_no_more_values_than_sqlite_allows(conn: sqlite3.Connection) -> None:
    """A build of SQLite that takes fewer values in a statement (999 before 3.32) gets
    statements of fewer rows, not an error."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 20)  # two spans of 8 values
    pending = span_table_rows(25)
    bulk_import.insert_values(conn, "spans", rows.SPAN_COLUMNS, pending)
    assert stored_spans(conn) == pending


def test_a_statement_that_fails_inserts_none_of_its_rows(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    pending = span_table_rows(5)
    pending[3] = ("s0", *pending[3][1:])  # an id repeated
    with pytest.raises(sqlite3.IntegrityError):
        bulk_import.insert_values(conn, "spans", rows.SPAN_COLUMNS, pending)
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


@pytest.mark.parametrize("batch", [1, 500])
def test_a_set_met_twice_in_one_import_gets_the_same_revision_however_it_is_batched(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """A text twice in one import, with spans of one annotator each time: the second adds to the
    set the first made, whether the first was written by then (a batch of one document) or not
    (its set's row still held back, where raising its revision changed no row)."""
    monkeypatch.setattr(bulk_import, "BATCH", batch)
    first = attack("amal")
    extra = Span("q", 12, 16, "GPE", TEXT[12:16])
    again = AnnotatedDocument(first.document, (AnnotationSet("amal", (extra,), revision=1),))
    run_import(conn, first, again)
    assert conn.execute("SELECT revision FROM annotation_sets").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 3


def test_long_documents_are_written_a_few_at_a_time(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of 500 documents of half a million characters each held 250 million characters."""
    inserted: list[int] = []
    insert = bulk_import.insert_values

    def counted(
        conn: sqlite3.Connection, table: str, columns: Sequence[str], pending: list[tuple[Any, ...]]
    ) -> None:
        if table == "documents":
            inserted.append(len(pending))
        insert(conn, table, columns, pending)

    monkeypatch.setattr(bulk_import, "insert_values", counted)
    monkeypatch.setattr(bulk_import, "BATCH_CHARACTERS", 2 * len(TEXT))
    texts = [f"{TEXT} {number}" for number in range(5)]  # each longer than TEXT: two fill a batch
    summary = run_import(conn, *(AnnotatedDocument(make_document(f"d{n}", t)) for n, t in enumerate(texts)))
    assert summary.documents_added == 5
    assert inserted == [2, 2, 1]
