"""Loading documents with their annotation sets, many documents per query.

One query per table for a chunk of documents, instead of several queries per document, is what
lets merging and exporting ten thousand documents take seconds.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from workbench.core.errors import Problem, WorkbenchError
from workbench.core.model import (
    SUGGESTIONS,
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Document,
    DocumentLabelValue,
    Event,
    ImportedDocument,
    PlainColumns,
    PlainSpans,
    PlainSpansDocument,
    Relation,
    Span,
    Status,
    as_annotated,
)
from workbench.store import rows
from workbench.store.connection import database_path
from workbench.store.relations import label_value
from workbench.store.titles import TITLE_COLUMNS, shown_title

CHUNK = 200
NO_DOCUMENT = "{path}: no document {id}"

Source = str | tuple[str, ...]
"""Whose sets are read: "all" (everyone's work, gold included, not the recommenders'
suggestions), one annotator's name, or a tuple of names (e.g. the annotators an agreement
compares: nobody else's spans are read)."""


class SpanEntry(NamedTuple):
    """What a view of a document keeps of a span: its id, code point range and label."""

    id: str
    start: int
    end: int
    label: str


class DocumentProgress(NamedTuple):
    """A document as one annotator's list shows it: name, their status and their span count."""

    id: str
    name: str
    status: Status
    spans: int
    title: str = ""
    """What the list shows (``titles.shown_title``); ``name`` is the file stem."""


PROGRESS_COLUMNS = f"""d.id, d.name, coalesce(a.status, 'new'),
    (SELECT count(*) FROM spans s WHERE s.set_id = a.id), {TITLE_COLUMNS}"""
"""A ``DocumentProgress`` of each document ``d`` (``progress_rows`` makes them)."""
PROJECT_ORDER = "ORDER BY d.ord, d.rowid"
"""The documents ``d`` in project order; those sharing an order come in rowid order."""
PROGRESS_FROM = "FROM documents d LEFT JOIN annotation_sets a ON a.document_id = d.id AND a.annotator = ?"
"""Documents ``d`` with the annotator's (the parameter's) set ``a``."""
_PROGRESS_QUERY = f"SELECT {PROGRESS_COLUMNS} {PROGRESS_FROM}"


def annotator_progress(
    conn: sqlite3.Connection, annotator: str, document_id: str | None = None
) -> list[DocumentProgress]:
    """Every document (or the one given) in order, with the annotator's status and span count."""
    if document_id is None:
        rows = conn.execute(_PROGRESS_QUERY + " ORDER BY d.ord", [annotator])
    else:
        rows = conn.execute(_PROGRESS_QUERY + " WHERE d.id = ?", [annotator, document_id])
    return progress_rows(rows)


def progress_rows(rows: Iterable[Sequence[Any]]) -> list[DocumentProgress]:
    """``DocumentProgress`` rows from rows of ``PROGRESS_COLUMNS``."""
    return [
        DocumentProgress(i, name, Status(status), spans, shown_title(title, opening))
        for i, name, status, spans, title, opening in rows
    ]


def span_entries(conn: sqlite3.Connection, document_id: str, annotator: str) -> list[SpanEntry]:
    """One annotator's spans on a document in text order (by start, the longer first, then by
    label), without their text, attributes or notes: opening a document with ten thousand spans
    needs no more, and building whole spans would cost most of the time allowed."""
    rows = conn.execute(
        """SELECT s.id, s.start, s."end", s.label
           FROM spans s JOIN annotation_sets a ON a.id = s.set_id
           WHERE a.document_id = ? AND a.annotator = ?
           ORDER BY s.start, s."end" DESC, s.label""",
        [document_id, annotator],
    )
    return list(map(SpanEntry._make, rows))


def query_dicts(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()
) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def read_document(conn: sqlite3.Connection, document_id: str) -> Document:
    row = next(query_dicts(conn, "SELECT * FROM documents WHERE id = ?", [document_id]), None)
    if row is None:
        raise _no_document(conn, document_id)
    return rows.document_from_row(row)


def document_text(conn: sqlite3.Connection, document_id: str) -> str:
    """The document's stored text alone: what a new span is cut from."""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise _no_document(conn, document_id)
    return str(row[0])


def _no_document(conn: sqlite3.Connection, document_id: str) -> WorkbenchError:
    return WorkbenchError(Problem(NO_DOCUMENT, path=database_path(conn), id=document_id))


def span_owner(conn: sqlite3.Connection, span_id: str) -> tuple[Span, str, str]:
    """The span with the document and the annotator whose set holds it."""
    row = next(
        query_dicts(
            conn,
            "SELECT s.*, a.document_id, a.annotator FROM spans s "
            "JOIN annotation_sets a ON s.set_id = a.id WHERE s.id = ?",
            [span_id],
        ),
        None,
    )
    if row is None:
        raise WorkbenchError(Problem("no span {id} in {path}", id=span_id, path=database_path(conn)))
    return rows.span_from_row(row), row["document_id"], row["annotator"]


_DOCUMENT_COLUMNS = ", ".join(rows.DOCUMENT_COLUMNS)
_SET_COLUMNS = "id, document_id, annotator, status, revision"


def load_annotated(
    conn: sqlite3.Connection, document_ids: Sequence[str], source: Source = "all"
) -> list[AnnotatedDocument]:
    """The documents, in the given order, with the sets of ``source``.

    Rows are read as tuples in named column order, not as dicts: an export of ten thousand
    documents reads them all, and building a dict per row was a tenth of its time."""
    return with_sets(conn, _documents_by_id(conn, document_ids), source)


def _documents_by_id(conn: sqlite3.Connection, document_ids: Sequence[str]) -> list[Document]:
    """The documents, in the given order, without their sets; ids of no document left out."""
    documents = {
        row[0]: rows.document_from_values(*row)
        for row in conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id IN ({rows.marks(document_ids)})",
            list(document_ids),
        )
    }
    return [documents[document_id] for document_id in document_ids if document_id in documents]


def with_sets(conn: sqlite3.Connection, documents: list[Document], source: Source) -> list[AnnotatedDocument]:
    """The documents, read already, with the sets of ``source``."""
    return list(map(as_annotated, _with_any_sets(conn, documents, source, plain=False)))


def with_plain_sets(conn: sqlite3.Connection, documents: list[Document], source: Source) -> list[ImportedDocument]:
    """``with_sets``, those whose sets hold spans and nothing else as ``PlainSpansDocument``
    (``iter_plain``)."""
    return _with_any_sets(conn, documents, source, plain=True)


Revisions = dict[str, tuple[tuple[str, int], ...]]
"""By document, the annotator and revision of each of its sets."""


def set_revisions(conn: sqlite3.Connection, document_ids: Sequence[str], source: Source) -> Revisions:
    """The annotator and revision of each set of ``source`` on the documents that have one, by
    document, in the order ``with_sets`` gives the sets: what tells whether two reads of the
    documents found the same sets, without reading them."""
    revisions: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for _, document_id, annotator, _, revision in conn.execute(*sets_query(document_ids, source)):
        revisions[document_id].append((annotator, revision))
    return {document_id: tuple(sets) for document_id, sets in revisions.items()}


def _with_any_sets(
    conn: sqlite3.Connection, documents: list[Document], source: Source, *, plain: bool
) -> list[ImportedDocument]:
    """The documents with the sets of ``source``; with ``plain``, a document whose sets all hold
    spans and nothing else is a ``PlainSpansDocument``."""
    sets_by_document = _sets_by_document(conn, [document.id for document in documents], source, plain)
    return [_document_with(document, sets_by_document.get(document.id, ())) for document in documents]


def _document_with(document: Document, sets: Sequence[AnnotationSet | PlainSpans]) -> ImportedDocument:
    plain = [s for s in sets if isinstance(s, PlainSpans)]
    if len(plain) == len(sets):
        return PlainSpansDocument(document, tuple(plain))
    whole = (s.annotation_set() if isinstance(s, PlainSpans) else s for s in sets)
    return AnnotatedDocument(document, tuple(whole))


def iter_annotated(
    conn: sqlite3.Connection, source: Source = "all", document_ids: Sequence[str] | None = None
) -> Iterator[AnnotatedDocument]:
    """The documents (``_pages``) with the sets of ``source``."""
    for page in _pages(conn, document_ids):
        yield from with_sets(conn, page, source)


def iter_documents(conn: sqlite3.Connection, document_ids: Sequence[str] | None = None) -> Iterator[Document]:
    """The documents (``_pages``), without their sets."""
    for page in _pages(conn, document_ids):
        yield from page


def iter_plain(
    conn: sqlite3.Connection, source: Source = "all", document_ids: Sequence[str] | None = None
) -> Iterator[ImportedDocument]:
    """``iter_annotated``, with each document whose sets hold spans and nothing else (no
    attribute or note on a span, no events, relations or document labels) as a
    ``PlainSpansDocument``: its spans' columns taken from the rows as they come, not made into a
    ``Span`` each, which was a fifth of an export of ten thousand documents."""
    for page in _pages(conn, document_ids):
        yield from with_plain_sets(conn, page, source)


def _pages(conn: sqlite3.Connection, document_ids: Sequence[str] | None) -> Iterator[list[Document]]:
    """The documents ``CHUNK`` at a time: every one in project order (``_document_pages``), or
    those given, in the given order."""
    if document_ids is None:
        yield from _document_pages(conn)
        return
    for start in range(0, len(document_ids), CHUNK):
        yield _documents_by_id(conn, document_ids[start : start + CHUNK])


def _document_pages(conn: sqlite3.Connection) -> Iterator[list[Document]]:
    """Every document in order, ``CHUNK`` at a time down the order index (each page of documents
    whole in one query), so that not even their ids are held all at once."""
    last = (-1, -1)  # (ord, rowid): documents that share an order come in rowid order
    while page := conn.execute(
        f"SELECT ord, rowid, {_DOCUMENT_COLUMNS} FROM documents WHERE (ord, rowid) > (?, ?) "
        "ORDER BY ord, rowid LIMIT ?",
        [*last, CHUNK],
    ).fetchall():
        yield [rows.document_from_values(*row[2:]) for row in page]
        last = page[-1][:2]


def documents_annotated_by(conn: sqlite3.Connection, annotators: Sequence[str]) -> list[str]:
    """The ids of the documents on which any of ``annotators`` has a set, in project order (as
    ``iter_annotated`` reads them), found through the index on (document, annotator)."""
    return [
        i
        for (i,) in conn.execute(
            "SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM annotation_sets a "
            f"WHERE a.document_id = d.id AND a.annotator IN ({rows.marks(annotators)})) {PROJECT_ORDER}",
            list(annotators),
        )
    ]


def sets_query(document_ids: Sequence[str], source: Source) -> tuple[str, list[str]]:
    """The query of the sets of ``source`` on the documents, and its parameters. With several
    names the sets are found by document (``+annotator`` keeps SQLite off the index by name,
    which would visit every set of those annotators for each chunk of documents)."""
    chosen, params = _annotator_condition(source, "annotator")
    query = (
        f"SELECT {_SET_COLUMNS} FROM annotation_sets WHERE document_id IN ({rows.marks(document_ids)}) "
        f"AND {chosen} ORDER BY annotator"
    )
    return query, [*document_ids, *params]


def _annotator_condition(source: Source, column: str) -> tuple[str, list[str]]:
    """The condition on a set's annotator ``column`` that chooses the sets of ``source``, and its
    parameters (``+`` keeps SQLite off the index by annotator: ``sets_query``)."""
    if isinstance(source, tuple):
        return f"+{column} IN ({rows.marks(source)})", list(source)
    if source != "all":
        return f"{column} = ?", [source]
    return f"{column} != ?", [SUGGESTIONS]  # everyone's work, which the recommenders' suggestions are not


def span_labels_by_document(conn: sqlite3.Connection, source: Source) -> dict[str, set[str]]:
    """Every document's id with the labels of the spans (event triggers included) in its sets of
    ``source``: what a split by document is decided on, without reading the documents."""
    chosen, params = _annotator_condition(source, "a.annotator")
    labels: dict[str, set[str]] = {}
    for document_id, label in conn.execute(
        "SELECT DISTINCT d.id, s.label FROM documents d "
        f"LEFT JOIN annotation_sets a ON a.document_id = d.id AND {chosen} "
        "LEFT JOIN spans s ON s.set_id = a.id",
        params,
    ):
        held = labels.setdefault(document_id, set())
        if label is not None:
            held.add(label)
    return labels


def _sets_by_document(
    conn: sqlite3.Connection, document_ids: Sequence[str], source: Source, plain: bool
) -> dict[str, list[AnnotationSet | PlainSpans]]:
    """The sets of ``source`` on the documents; with ``plain``, a set that holds spans and
    nothing else as ``PlainSpans``, else each as an ``AnnotationSet``."""
    set_rows = conn.execute(*sets_query(document_ids, source)).fetchall()
    set_ids = [row[0] for row in set_rows]
    span_rows = dict(_span_rows_by_set(conn, set_ids))
    events = events_by_set(conn, set_ids)
    relations = relations_by_set(conn, set_ids)
    labels = document_labels_by_set(conn, set_ids)
    sets: dict[str, list[AnnotationSet | PlainSpans]] = defaultdict(list)
    for set_id, document_id, annotator, status, revision in set_rows:
        rows_of_set = span_rows.get(set_id, [])
        if plain and not (set_id in events or set_id in relations or set_id in labels):
            columns = _plain_columns(rows_of_set)
            if columns is not None:
                sets[document_id].append(PlainSpans(annotator, Status(status), *columns, revision=revision))
                continue
        sets[document_id].append(
            AnnotationSet(
                annotator, tuple(_spans(rows_of_set)), tuple(events.get(set_id, ())),
                Status(status), revision, tuple(relations.get(set_id, ())),
                labels.get(set_id, {}),
            )
        )
    return sets


_SPAN_COLUMNS = """set_id, rowid, id, start, "end", label, text, nullif(attributes, '{}'), nullif(note, '')"""
"""A span's row; its attributes and note NULL where it has none, which makes no string of them."""


def event_layer(
    conn: sqlite3.Connection, document_id: str, annotator: str
) -> tuple[list[Event], list[Span]]:
    """One annotator's events on a document and the spans they use (triggers and span
    fillers), without the other spans: what the event widgets need when a document opens."""
    row = conn.execute(
        "SELECT id FROM annotation_sets WHERE document_id = ? AND annotator = ?",
        [document_id, annotator],
    ).fetchone()
    if row is None:
        return [], []
    set_id = row[0]
    events = events_by_set(conn, [set_id]).get(set_id, [])
    if not events:
        return [], []
    used = {event.trigger_span_id for event in events} | {
        argument.span_id for event in events for argument in event.arguments if argument.span_id
    }
    # Filtering the set's spans in Python is faster than asking SQLite for the used ids.
    spans = [span for span in spans_by_set(conn, [set_id]).get(set_id, []) if span.id in used]
    return events, spans


def spans_by_set(conn: sqlite3.Connection, set_ids: Sequence[str]) -> dict[str, list[Span]]:
    """Each set's spans (``_span_rows_by_set``), read as plain rows into ``Span`` directly:
    opening a document with ten thousand spans must fit in a fraction of a second."""
    return {set_id: _spans(set_rows) for set_id, set_rows in _span_rows_by_set(conn, set_ids)}


def _span_rows_by_set(conn: sqlite3.Connection, set_ids: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
    """Each set that has spans with the rows of its spans (``_SPAN_COLUMNS``), in text order, by
    start, the longer first; spans of the same extent keep the order they were stored in (rowid),
    which is the order of the layers of the file they came from: exports write them in that order
    (a Wojood token tagged ``B-UNIT B-QUANTITY`` is written so again).

    SQLite gives the rows in the order of the index on (set, start, end, label), without
    sorting them (sorting was a third of the query's time in an export); only the spans of a set
    that share a start are then put in order (``_text_order``)."""
    if not set_ids:
        return
    query = (
        f"SELECT {_SPAN_COLUMNS} FROM spans WHERE set_id IN ({rows.marks(set_ids)}) "
        'ORDER BY set_id, start, "end", label'
    )
    for set_id, rows_of_set in groupby(conn.execute(query, list(set_ids)), _SET_ID):
        yield set_id, _text_order(list(rows_of_set))


def _spans(set_rows: list[Any]) -> list[Span]:
    from_json = rows.from_json_object
    return [
        Span(span_id, start, end, label, text, from_json(attributes) if attributes else {}, note or "")
        for _, _, span_id, start, end, label, text, attributes, note in set_rows
    ]


_NO_COLUMNS: PlainColumns = ((),) * 5


def _plain_columns(set_rows: list[Any]) -> PlainColumns | None:
    """The columns of ``PlainSpans`` (ids, starts, ends, labels, texts) of a set's span rows,
    or None when a span has an attribute or a note."""
    if not set_rows:
        return _NO_COLUMNS
    _, _, ids, starts, ends, labels, texts, attributes, notes = zip(*set_rows, strict=True)
    if any(attributes) or any(notes):
        return None
    return ids, starts, ends, labels, texts


_SET_ID = itemgetter(0)
_START = itemgetter(3)


def _text_order(set_rows: list[Any]) -> list[Any]:
    """A set's span rows (in index order: by start, end, label) by start, the longer first,
    then by rowid; most sets have no two spans with one start, and are in that order already."""
    starts = list(map(_START, set_rows))
    if len(set(starts)) < len(starts):
        set_rows.sort(key=_text_order_key)
    return set_rows


def _text_order_key(row: Sequence[Any]) -> tuple[int, int, int]:
    return row[3], -row[4], row[1]


def events_by_set(conn: sqlite3.Connection, set_ids: Sequence[str]) -> dict[str, list[Event]]:
    events: dict[str, list[Event]] = defaultdict(list)
    if not set_ids:
        return events
    marks = rows.marks(set_ids)
    arguments: dict[str, list[Argument]] = defaultdict(list)
    argument_query = (
        "SELECT a.event_id, a.role, a.span_id, a.filler_event_id FROM arguments a "
        f"JOIN events e ON a.event_id = e.id WHERE e.set_id IN ({marks}) ORDER BY a.event_id, a.ord"
    )
    for event_id, role, span_id, filler_event_id in conn.execute(argument_query, list(set_ids)):
        arguments[event_id].append(Argument(role, span_id, filler_event_id))
    event_query = (
        "SELECT set_id, id, type, trigger_span_id, attributes FROM events "
        f"WHERE set_id IN ({marks}) ORDER BY rowid"
    )
    for set_id, event_id, event_type, trigger, attributes in conn.execute(event_query, list(set_ids)):
        events[set_id].append(
            Event(
                event_id, event_type, trigger, tuple(arguments.get(event_id, ())),
                rows.from_json_object(attributes),
            )
        )
    return events


def relations_by_set(conn: sqlite3.Connection, set_ids: Sequence[str]) -> dict[str, list[Relation]]:
    """Each set's relations in the order they were stored."""
    relations: dict[str, list[Relation]] = defaultdict(list)
    if set_ids:
        query = (
            "SELECT set_id, id, type, from_span_id, to_span_id, attributes FROM relations "
            f"WHERE set_id IN ({rows.marks(set_ids)}) ORDER BY rowid"
        )
        for set_id, relation_id, kind, source, target, attributes in conn.execute(query, list(set_ids)):
            relation = Relation(relation_id, kind, source, target, rows.from_json_object(attributes))
            relations[set_id].append(relation)
    return relations


def document_labels_by_set(
    conn: sqlite3.Connection, set_ids: Sequence[str]
) -> dict[str, dict[str, DocumentLabelValue]]:
    labels: dict[str, dict[str, DocumentLabelValue]] = defaultdict(dict)
    if set_ids:
        query = (
            "SELECT set_id, field, value FROM document_labels "
            f"WHERE set_id IN ({rows.marks(set_ids)}) ORDER BY rowid"
        )
        for set_id, field, value in conn.execute(query, list(set_ids)):
            labels[set_id][field] = label_value(value)
    return labels
