"""A document's title, as the document list and the window show it: the ``title`` in its
metadata (an import's, or the annotator's rename), else its first line, shortened.

The title lives in the documents table's ``metadata`` (no new column, so no migration); the file
stem an import gave stays in ``documents.name``, which the exports still name their files by.
"""

from __future__ import annotations

import sqlite3

TITLE_LENGTH = 60
"""Characters of a first line shown as the title; a longer one is cut at a word and ends in …"""
OPENING_LENGTH = 400
"""Characters of the text read to find its first line (never the whole text)."""
TITLE_COLUMNS = f"json_extract(d.metadata, '$.title'), substr(d.text, 1, {OPENING_LENGTH})"
"""Selected beside a document (``d``) to make its title with ``shown_title``."""


def shown_title(stored: object, opening: str) -> str:
    """The metadata's title when it has one, else the first non-blank line of ``opening``."""
    if isinstance(stored, str | int | float) and str(stored).strip():
        return " ".join(str(stored).split())
    line = next((line.strip() for line in opening.splitlines() if line.strip()), "")
    line = " ".join(line.split())
    if len(line) <= TITLE_LENGTH:
        return line
    cut = line[:TITLE_LENGTH].rsplit(" ", 1)[0] or line[:TITLE_LENGTH]
    return cut.rstrip(" ,.،؛:") + "…"


def stored_title(conn: sqlite3.Connection, document_id: str) -> str | None:
    """The title the metadata holds (None: the first line stands for it)."""
    row = conn.execute(
        "SELECT json_extract(metadata, '$.title') FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def set_title(conn: sqlite3.Connection, document_id: str, title: str | None) -> None:
    """Store ``title`` in the document's metadata, inside the caller's write transaction; None
    takes it out (the first line shows)."""
    if title is None:
        conn.execute(
            "UPDATE documents SET metadata = json_remove(metadata, '$.title') WHERE id = ?",
            [document_id],
        )
    else:
        conn.execute(
            "UPDATE documents SET metadata = json_set(metadata, '$.title', ?) WHERE id = ?",
            [title, document_id],
        )
