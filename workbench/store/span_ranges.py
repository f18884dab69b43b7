"""Moving a stored span's ends: the span keeps its id, label, attributes, note and the events it
takes part in; its covered text follows its new range."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError
from workbench.core.model import Span
from workbench.store.connection import write_transaction

if TYPE_CHECKING:
    from workbench.store.project import Project


def set_span_range(project: Project, span_id: str, start: int, end: int) -> Span:
    """Store ``[start, end)`` as the span's range, in one transaction; the span as stored."""
    project.require_writable()
    span, document_id, annotator = project.span_owner(span_id)
    covered, length = _covered_text(project, document_id, start, end)
    if not 0 <= start < end <= length:
        raise WorkbenchError(f"span [{start}, {end}) is outside the document (0 to {length})")
    moved = replace(span, start=start, end=end, text=covered)
    with write_transaction(project.conn):
        project.touch_set(document_id, annotator)
        try:
            project.conn.execute(
                'UPDATE spans SET start = ?, "end" = ?, text = ? WHERE id = ?',
                [start, end, moved.text, span_id],
            )
        except sqlite3.IntegrityError as error:
            raise WorkbenchError(
                f"{annotator} already has a {span.label} span on [{start}, {end})"
            ) from error
    return moved


def _covered_text(project: Project, document_id: str, start: int, end: int) -> tuple[str, int]:
    """``text[start:end]`` of the document and its length, without reading the whole text
    (SQLite's ``substr`` and ``length`` count characters, as Python's indices do)."""
    row = project.conn.execute(
        "SELECT substr(text, ?, ?), length(text) FROM documents WHERE id = ?",
        [start + 1, max(0, end - start), document_id],
    ).fetchone()
    if row is None:
        raise WorkbenchError(f"{project.path}: no document {document_id}")
    return row[0], row[1]
