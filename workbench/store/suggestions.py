"""What suggestions are made of: the texts labelled anywhere in the project, and the suggestions
each annotator rejected (kept in the file, so they stay rejected)."""

from __future__ import annotations

import sqlite3

from workbench.core.model import SUGGESTIONS
from workbench.core.schema import Schema

Rejected = tuple[int, int, str]
"""(start, end, label) of a rejected suggestion."""


def labelled_texts(conn: sqlite3.Connection, schema: Schema) -> set[tuple[str, str]]:
    """Every (covered text, label) of an entity span in the project, whoever's set it is
    in (annotators, gold, imported sets); triggers and suggestions are left out."""
    return {
        (text, label)
        for text, label in conn.execute(
            "SELECT DISTINCT s.text, s.label FROM spans s JOIN annotation_sets a "
            "ON a.id = s.set_id WHERE a.annotator != ?",
            [SUGGESTIONS],
        )
        if schema.has_entity(label)
    }


def rejected_suggestions(conn: sqlite3.Connection, document_id: str, annotator: str) -> set[Rejected]:
    rows = conn.execute(
        'SELECT start, "end", label FROM rejected_suggestions '
        "WHERE document_id = ? AND annotator = ?",
        [document_id, annotator],
    )
    return {(start, end, label) for start, end, label in rows}


def reject_suggestion(
    conn: sqlite3.Connection, document_id: str, annotator: str, start: int, end: int, label: str
) -> None:
    """Runs inside the caller's write transaction."""
    conn.execute(
        'INSERT OR IGNORE INTO rejected_suggestions (document_id, annotator, start, "end", '
        "label) VALUES (?, ?, ?, ?, ?)",
        [document_id, annotator, start, end, label],
    )
