"""What suggestions are made of: the texts labelled anywhere in the project, and the suggestions
each annotator rejected (kept in the file, so they stay rejected)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.model import SUGGESTIONS
from workbench.store.connection import write_transaction

if TYPE_CHECKING:
    from workbench.store.project import Project

Rejected = tuple[int, int, str]
"""(start, end, label) of a rejected suggestion."""


class SuggestionsMixin:
    """The suggestion queries of ``Project``."""

    def labelled_texts(self: Project) -> set[tuple[str, str]]:
        """Every (covered text, label) of an entity span in the project, whoever's set it is
        in (annotators, gold, imported sets); triggers and suggestions are left out."""
        schema = self.schema
        return {
            (text, label)
            for text, label in self.conn.execute(
                "SELECT DISTINCT s.text, s.label FROM spans s JOIN annotation_sets a "
                "ON a.id = s.set_id WHERE a.annotator != ?",
                [SUGGESTIONS],
            )
            if schema.has_entity(label)
        }

    def rejected_suggestions(self: Project, document_id: str, annotator: str) -> set[Rejected]:
        rows = self.conn.execute(
            'SELECT start, "end", label FROM rejected_suggestions '
            "WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        )
        return {(start, end, label) for start, end, label in rows}

    def reject_suggestion(
        self: Project, document_id: str, annotator: str, start: int, end: int, label: str
    ) -> None:
        self.require_writable()
        with write_transaction(self.conn):
            self.conn.execute(
                'INSERT OR IGNORE INTO rejected_suggestions (document_id, annotator, start, "end", '
                "label) VALUES (?, ?, ?, ?, ?)",
                [document_id, annotator, start, end, label],
            )
