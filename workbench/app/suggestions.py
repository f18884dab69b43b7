"""Suggestions for a document as it opens: built from every labelled span in the project, with
the annotator's rejections read from the file (run off the GUI thread: a long document and a
large project take longer than a frame)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.normalize import normalize
from workbench.core.suggestions import Suggestion, lexicon_suggestions
from workbench.store.project import Project
from workbench.store.throughput import log_action


@dataclass(frozen=True)
class DocumentOffer:
    document_id: str
    suggestions: frozenset[Suggestion]
    rejected: frozenset[Suggestion]


def document_suggestions(project: Project, document_id: str, annotator: str) -> DocumentOffer:
    text = project.document(document_id).text
    taken = {(e.start, e.end, e.label) for e in project.span_entries(document_id, annotator)}
    rejected = project.rejected_suggestions(document_id, annotator)
    found = lexicon_suggestions(normalize(text), project.labelled_texts(), taken, rejected)
    return DocumentOffer(
        document_id, frozenset(found), frozenset(Suggestion(*r) for r in rejected)
    )


def reject_in_document(
    project: Project, document_id: str, annotator: str, suggestion: Suggestion
) -> None:
    """Keep a rejected in-document suggestion in the project (it stays rejected after a
    restart) and log the rejection (throughput counts it against the accepted ones)."""
    project.reject_suggestion(
        document_id, annotator, suggestion.start, suggestion.end, suggestion.label
    )
    log_action(project, annotator, document_id, "reject")
