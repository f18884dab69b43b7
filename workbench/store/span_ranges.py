"""Moving a stored span's ends: the span keeps its id, label, attributes, note and the events it
takes part in; its covered text follows its new range."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from workbench.core.errors import Problem, WorkbenchError
from workbench.core.model import Span
from workbench.store.annotation_sets import ALREADY_LABELLED, OUTSIDE_THE_DOCUMENT, touch_set
from workbench.store.connection import database_path
from workbench.store.reading import NO_DOCUMENT, span_owner


def set_span_range(conn: sqlite3.Connection, span_id: str, start: int, end: int) -> Span:
    """Store ``[start, end)`` as the span's range, inside the caller's write transaction; the
    span as stored."""
    span, document_id, annotator = span_owner(conn, span_id)
    covered, length = _covered_text(conn, document_id, start, end)
    if not 0 <= start < end <= length:
        raise WorkbenchError(Problem(OUTSIDE_THE_DOCUMENT, start=start, end=end, length=length))
    moved = replace(span, start=start, end=end, text=covered)
    touch_set(conn, document_id, annotator)
    try:
        conn.execute(
            'UPDATE spans SET start = ?, "end" = ?, text = ? WHERE id = ?',
            [start, end, moved.text, span_id],
        )
    except sqlite3.IntegrityError as error:
        already = Problem(ALREADY_LABELLED, annotator=annotator, label=span.label, start=start, end=end)
        raise WorkbenchError(already) from error
    return moved


def _covered_text(conn: sqlite3.Connection, document_id: str, start: int, end: int) -> tuple[str, int]:
    """``text[start:end]`` of the document and its length, without reading the whole text
    (SQLite's ``substr`` and ``length`` count characters, as Python's indices do)."""
    row = conn.execute(
        "SELECT substr(text, ?, ?), length(text) FROM documents WHERE id = ?",
        [start + 1, max(0, end - start), document_id],
    ).fetchone()
    if row is None:
        raise WorkbenchError(Problem(NO_DOCUMENT, path=database_path(conn), id=document_id))
    return row[0], row[1]
