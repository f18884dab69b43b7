"""Comments on documents (a span's comment is its note)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbench.core.model import new_id
from workbench.store.clock import now


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    document_id: str
    author: str
    text: str
    created: str


def add_comment(conn: sqlite3.Connection, document_id: str, author: str, text: str) -> Comment:
    """Runs inside the caller's write transaction."""
    comment = Comment(new_id(), document_id, author, text, now())
    conn.execute(
        "INSERT INTO comments (id, document_id, author, text, created) VALUES (?, ?, ?, ?, ?)",
        [comment.id, document_id, author, text, comment.created],
    )
    return comment


def comments(conn: sqlite3.Connection, document_id: str) -> list[Comment]:
    return [
        Comment(*row)
        for row in conn.execute(
            "SELECT id, document_id, author, text, created FROM comments "
            "WHERE document_id = ? ORDER BY created, rowid",
            [document_id],
        )
    ]
