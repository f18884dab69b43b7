"""Adding many documents and annotation sets in one go: imports, merges, gold pre-filling.

Runs inside the caller's write transaction. Rows are gathered and inserted in batches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from workbench.core.errors import Problem, SchemaError
from workbench.core.import_checks import (
    annotation_set_problem,
    misplaced_attribute_warnings,
)
from workbench.core.model import (
    AnnotationSet,
    Document,
    ImportedDocument,
    PlainSpans,
    PlainSpansDocument,
    new_id,
)
from workbench.core.schema import Schema
from workbench.store import rows
from workbench.store.annotation_sets import annotators
from workbench.store.clock import now
from workbench.store.import_ids import ImportIds, write_renaming_on_conflict
from workbench.store.relations import document_label_rows, relation_row
from workbench.store.span_columns import SpanColumns

BATCH = 500
BATCH_CHARACTERS = 4_000_000
"""Fewer documents to a batch when they are long: a batch of 500 documents of 500,000
characters held 250 million characters before its insert (60 such documents: 229 MB)."""
CHUNK = 16
"""Documents read at once, so that the project is asked about their texts and ids together.
Their sets (up to four annotators' each) fit in what ``core.import_checks`` remembers of the
sets that passed: the reader's check of a set and the store's are then one walk."""
IMPORT_CACHE_KIB = 32 * 1024
"""SQLite's page cache when an import starts: the random ids of the span index touch pages all
over it, and with the default 2 MiB, inserting 200,000 spans costs a third more."""
MAX_IMPORT_CACHE_KIB = 144 * 1024
"""What the page cache may grow to as the spans' indexes grow (``INDEX_BYTES_PER_SPAN``): a
fixed cache of this size would hold the peak memory of an import of 10,000 documents above
150 MB; 2,000,000 spans (100,000 documents) cost a fifth less than with the starting cache."""
INDEX_BYTES_PER_SPAN = 160
"""The pages a span's two index entries take (its random id, and its set's id with its range
and label), about 45 and 55 bytes in pages about two thirds full."""
SpanKey = tuple[int, int, str]
RelationKey = tuple[str, str, str]


@dataclass
class ImportSummary:
    documents_added: int = 0
    documents_matched: int = 0
    """Documents whose text was already in the project: their annotations were added to it."""
    spans: int = 0
    events: int = 0
    relations: int = 0
    duplicate_spans: int = 0
    """Spans skipped because the annotator already had the same range and label (or id)."""
    messages: list[str] = field(default_factory=list)
    """Warnings of what was kept as it was, each a ``Problem`` (the window says it in its language)."""


class DocumentImporter:
    """One import into a project, run inside the caller's write transaction."""

    def __init__(self, conn: sqlite3.Connection, schema: Schema, summary: ImportSummary) -> None:
        self.conn = conn
        self.summary = summary
        self.schema = schema
        self.ids = ImportIds(conn)
        self.next_order = (self.conn.execute("SELECT max(ord) FROM documents").fetchone()[0] or 0) + 1
        self.document_rows: list[tuple[Any, ...]] = []
        self.set_rows: list[tuple[Any, ...]] = []
        self.spans = SpanColumns()
        self.event_rows: list[dict[str, Any]] = []
        self.argument_rows: list[dict[str, Any]] = []
        self.relation_rows: list[dict[str, Any]] = []
        self.label_rows: list[dict[str, Any]] = []
        self.annotators: set[str] = set(annotators(conn))
        self.cache_kib = IMPORT_CACHE_KIB
        self.pending_characters = 0
        self.batch_time = now()
        """When the sets of the batch were made (to the second, as ``now`` gives it): asked
        once for a batch rather than for each of its sets."""

    def run(self, documents: Iterable[ImportedDocument]) -> None:
        pending = iter(documents)
        with page_cache(self.conn, IMPORT_CACHE_KIB):
            while chunk := list(islice(pending, CHUNK)):
                self.ids.read_chunk([annotated.document for annotated in chunk])
                for annotated in chunk:
                    self._add(annotated)
                    if self._batch_full():
                        self._flush()
            self._flush()

    def _batch_full(self) -> bool:
        return (
            len(self.document_rows) >= BATCH
            or len(self.spans) >= 20 * BATCH
            or self.pending_characters >= BATCH_CHARACTERS
        )

    def _add(self, annotated: ImportedDocument) -> None:
        document = annotated.document
        existing_id = self.ids.document_with(document.sha256)
        if existing_id is None:
            document_id = self._new_document(document)
        else:
            document_id = existing_id
            self.summary.documents_matched += 1
        if isinstance(annotated, PlainSpansDocument):
            for spans in annotated.sets:
                self._add_plain_spans(document_id, document, spans)
        else:
            for annotation_set in annotated.sets:
                self._add_set(document_id, document, annotation_set)

    def _new_document(self, document: Document) -> str:
        if self.ids.document_id_taken(document.id):
            document = replace(document, id=new_id())
        self.ids.add_document(document.sha256, document.id)
        self.document_rows.append(rows.document_values(document, self.next_order))
        self.pending_characters += len(document.text)
        self.next_order += 1
        self.summary.documents_added += 1
        return document.id

    def _add_set(self, document_id: str, document: Document, annotation_set: AnnotationSet) -> None:
        check_annotation_set(self.schema, document, annotation_set)
        self.summary.messages.extend(
            Problem("document {name!r}: {problem}", name=document.name, problem=warning)
            for warning in misplaced_attribute_warnings(annotation_set, self.schema)
        )
        self._add_annotator(annotation_set.annotator)
        set_id = self.ids.set_id(document_id, annotation_set.annotator)
        if set_id is None:
            set_id = self._new_set(document_id, annotation_set)
            taken: dict[SpanKey, str] = {}
            linked: set[RelationKey] = set()
        else:
            taken = self._stored_spans(set_id)  # first: a set of this import is then written
            self.conn.execute(
                "UPDATE annotation_sets SET revision = revision + 1, updated = ? WHERE id = ?",
                [now(), set_id],
            )
            linked = self._stored_relations(set_id) if annotation_set.relations else set()
        span_ids = self._add_annotations(annotation_set, set_id, taken)
        self._add_relations(annotation_set, set_id, linked, span_ids)

    def _add_plain_spans(self, document_id: str, document: Document, spans: PlainSpans) -> None:
        """``_add_set`` of ``spans.annotation_set()``: a new set's rows are made from the columns
        at once. A set the project holds already, or spans repeating a range and label (which
        are stored once), take ``_add_set``'s way."""
        check_annotation_set(self.schema, document, spans)
        self._add_annotator(spans.annotator)
        keys = set(zip(spans.starts, spans.ends, spans.labels, strict=True))
        if len(keys) < len(spans.ids) or self.ids.set_id(document_id, spans.annotator) is not None:
            self._add_set(document_id, document, spans.annotation_set())
            return
        set_id = self._new_set(document_id, spans)
        self.spans.extend_plain(
            set_id, self.ids.fresh_id_column(spans.ids, "spans"), spans.starts, spans.ends,
            spans.labels, spans.texts,
        )
        self.summary.spans += len(spans.ids)

    def _add_annotator(self, annotator: str) -> None:
        if annotator not in self.annotators:
            self.annotators.add(annotator)
            self.conn.execute(
                "INSERT INTO annotators (name, created) VALUES (?, ?)", [annotator, now()]
            )

    def _new_set(self, document_id: str, annotations: AnnotationSet | PlainSpans) -> str:
        set_id = new_id()
        self.ids.add_set(document_id, annotations.annotator, set_id)
        revision = annotations.revision if isinstance(annotations, AnnotationSet) else 1
        self.set_rows.append(
            (set_id, document_id, annotations.annotator, annotations.status.value, revision,
             self.batch_time)
        )
        return set_id

    def _stored_spans(self, set_id: str) -> dict[SpanKey, str]:
        """The spans of a set that exists already, by range and label, read from the project
        (with what this import holds back written first) rather than kept for every set, so
        that memory does not grow with the number of documents."""
        self._flush()
        return {
            (r[0], r[1], r[2]): r[3]
            for r in self.conn.execute(
                'SELECT start, "end", label, id FROM spans WHERE set_id = ?', [set_id]
            )
        }

    def _add_annotations(
        self, annotation_set: AnnotationSet, set_id: str, taken: dict[SpanKey, str]
    ) -> dict[str, str]:
        """Add a set's spans and events; a span the set already holds is reused, not repeated.
        Returns the stored id of each span by its id in the set."""
        span_ids = self.ids.fresh_ids([s.id for s in annotation_set.spans], "spans")
        before = len(self.spans)
        for span in annotation_set.spans:
            key = (span.start, span.end, span.label)
            if key in taken:
                span_ids[span.id] = taken[key]
                continue
            taken[key] = span_ids[span.id]
            self.spans.append(rows.span_values(span, set_id, span_ids[span.id]))
        added = len(self.spans) - before
        self.summary.spans += added
        self.summary.duplicate_spans += len(annotation_set.spans) - added
        event_ids = self.ids.fresh_ids([e.id for e in annotation_set.events], "events")
        for event in annotation_set.events:
            renamed = replace(
                event,
                id=event_ids[event.id],
                trigger_span_id=span_ids[event.trigger_span_id],
                arguments=tuple(
                    replace(
                        a,
                        span_id=None if a.span_id is None else span_ids[a.span_id],
                        event_id=None if a.event_id is None else event_ids.get(a.event_id, a.event_id),
                    )
                    for a in event.arguments
                ),
            )
            self.event_rows.append(rows.event_row(renamed, set_id))
            self.argument_rows.extend(rows.argument_rows(renamed))
            self.summary.events += 1
        return span_ids

    def _add_relations(
        self,
        annotation_set: AnnotationSet,
        set_id: str,
        stored: set[RelationKey],
        span_ids: dict[str, str],
    ) -> None:
        """A set's relations between its spans as stored, and its document labels; a relation
        the set holds already (same type and ends, as a second import of the same file brings)
        is not repeated."""
        self.label_rows.extend(document_label_rows(annotation_set.document_labels, set_id))
        relation_ids = self.ids.fresh_ids([r.id for r in annotation_set.relations], "relations")
        for relation in annotation_set.relations:
            ends = (span_ids[relation.from_span_id], span_ids[relation.to_span_id])
            if (relation.type, *ends) in stored:
                continue
            stored.add((relation.type, *ends))
            renamed = replace(
                relation, id=relation_ids[relation.id], from_span_id=ends[0], to_span_id=ends[1]
            )
            self.relation_rows.append(relation_row(renamed, set_id))
            self.summary.relations += 1

    def _stored_relations(self, set_id: str) -> set[RelationKey]:
        """(type, from, to) of the relations of a set that exists already (``_stored_spans``
        wrote what this import held back)."""
        return set(
            self.conn.execute(
                "SELECT type, from_span_id, to_span_id FROM relations WHERE set_id = ?", [set_id]
            )
        )

    def _flush(self) -> None:
        for table, columns, pending in (
            ("documents", rows.DOCUMENT_ROW_COLUMNS, self.document_rows),
            ("annotation_sets", rows.SET_COLUMNS, self.set_rows),
        ):
            if pending:
                insert_values(self.conn, table, columns, pending)
                pending.clear()
        batch = (self.spans, self.event_rows, self.argument_rows, self.relation_rows)
        if any(batch):
            write_renaming_on_conflict(self.conn, *batch, self._write_annotations)
            for written in batch:
                written.clear()
        if self.label_rows:  # a later import's labels of a set replace the earlier ones
            self.conn.executemany(
                "INSERT OR REPLACE INTO document_labels (set_id, field, value) "
                "VALUES (:set_id, :field, :value)",
                self.label_rows,
            )
            self.label_rows.clear()
        self.ids.batch_written()
        self.pending_characters = 0
        self.batch_time = now()
        self._grow_page_cache()

    def _grow_page_cache(self) -> None:
        """Keep the spans' indexes in SQLite's page cache as they grow, up to a bound."""
        wanted = min(self.summary.spans * INDEX_BYTES_PER_SPAN // 1024, MAX_IMPORT_CACHE_KIB)
        if wanted > self.cache_kib:
            self.cache_kib = wanted
            self.conn.execute(f"PRAGMA cache_size = {-wanted}")

    def _write_annotations(self) -> None:
        if self.spans:
            insert_columns(self.conn, "spans", rows.SPAN_COLUMNS, self.spans.columns)
        for table, pending in (
            ("events", self.event_rows),
            ("arguments", self.argument_rows),
            ("relations", self.relation_rows),
        ):
            if pending:
                insert_rows(self.conn, table, pending)


@contextmanager
def page_cache(conn: sqlite3.Connection, kib: int) -> Iterator[None]:
    """SQLite's page cache set to ``kib`` KiB for a while, then back to what it was."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def check_annotation_set(
    schema: Schema, document: Document, annotation_set: AnnotationSet | PlainSpans
) -> None:
    """Refuse a set that does not fit its document and the schema, as every import and every
    merge must (``core.import_checks``: offsets and stored text, labels, event types, roles,
    fillers and attributes of the schema, references inside the set, no cycles of events)."""
    problem = annotation_set_problem(document.text, annotation_set, schema)
    if problem:
        raise SchemaError(Problem("document {name!r}: {problem}", name=document.name, problem=problem))


def insert_rows(conn: sqlite3.Connection, table: str, pending: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys. Bulk imports and merges go through here:
    sqlite-utils' ``insert_all`` inspects every value to decide whether to encode it as JSON,
    which costs more than the insert itself for hundreds of thousands of spans."""
    names = tuple(pending[0])
    insert_columns(conn, table, names, [[row[name] for row in pending] for name in names])


def insert_values(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], pending: list[tuple[Any, ...]]
) -> None:
    """``insert_columns`` of rows given as tuples in ``columns`` order."""
    if pending:
        insert_columns(conn, table, columns, tuple(zip(*pending, strict=True)))


def insert_columns(
    conn: sqlite3.Connection, table: str, names: Sequence[str], columns: Sequence[Sequence[Any]]
) -> None:
    """Insert rows given as columns (a sequence of values for each of ``names``, all of one
    length), up to ``ROWS_PER_INSERT`` in a statement: sqlite3 binds a statement's values in
    one go and SQLite inserts its rows in one step, where ``executemany`` goes back and forth
    between the two for every row (200,000 spans: 0.55 s with ``executemany``, 0.31 s like
    this). A statement inserts all of its rows, in their order, or none."""
    width, count = len(names), len(columns[0])
    per_statement = rows_per_insert(conn, width)
    for first in range(0, count, per_statement):
        last = min(first + per_statement, count)
        values: list[Any] = [None] * ((last - first) * width)
        for place, column in enumerate(columns):
            values[place::width] = column[first:last]
        conn.execute(rows.insert_statement(table, names, last - first), values)


ROWS_PER_INSERT = 1000


def rows_per_insert(conn: sqlite3.Connection, columns: int) -> int:
    """``ROWS_PER_INSERT``, or fewer when SQLite takes fewer values in one statement (999 before
    SQLite 3.32, and what a build sets)."""
    values = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_INSERT, values // columns))
