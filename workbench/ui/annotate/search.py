"""Searching documents regardless of diacritics and letter variants (no Qt here).

The matching is ``workbench.core.normalize.find_all``: a query without harakat finds the text with
them, أ/إ/آ find ا, ى finds ي, and each match is a range of the stored text. Normalizing a text
costs about 0.3 s per million characters, so the views of recently used documents are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from workbench.app.project import Project
from workbench.core.normalize import NormalizedText, find_all, normalize

CONTEXT_CHARS = 30
"""Characters of context shown on each side of a match."""
KEPT_DOCUMENTS = 32
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match:
    document_id: str
    document_name: str
    start: int
    end: int
    context: str


class DocumentTexts:
    """Documents' stored texts, and their normalized views once searched, least recent dropped."""

    def __init__(self, project: Project, capacity: int = KEPT_DOCUMENTS) -> None:
        self._project = project
        self._capacity = capacity
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._views: OrderedDict[str, NormalizedText] = OrderedDict()

    def text(self, document_id: str) -> str:
        text = self._texts.get(document_id)
        if text is None:
            text = self._project.document(document_id).text
        self._keep(self._texts, document_id, text)
        return text

    def normalized(self, document_id: str) -> NormalizedText:
        view = self._views.get(document_id)
        if view is None:
            view = normalize(self.text(document_id))
        self._keep(self._views, document_id, view)
        return view

    def _keep(self, kept: OrderedDict[str, T], document_id: str, value: T) -> None:
        kept[document_id] = value
        kept.move_to_end(document_id)
        while len(kept) > self._capacity:
            kept.popitem(last=False)


def find_in_documents(
    texts: DocumentTexts, documents: Sequence[tuple[str, str]], query: str
) -> list[Match]:
    """Every match of ``query`` in the documents (id, name), in their order and text order."""
    matches: list[Match] = []
    for document_id, name in documents:
        text = texts.text(document_id)
        for start, end in find_all(text, query, texts.normalized(document_id)):
            matches.append(Match(document_id, name, start, end, context(text, start, end)))
    return matches


def context(text: str, start: int, end: int) -> str:
    """The match with some text on each side, on one line."""
    before = max(0, start - CONTEXT_CHARS)
    after = min(len(text), end + CONTEXT_CHARS)
    shown = text[before:after].replace("\n", " ")
    return ("…" if before else "") + shown + ("…" if after < len(text) else "")
