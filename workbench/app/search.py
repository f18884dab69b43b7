"""Searching documents regardless of diacritics and letter variants (no Qt here).

The matching is ``workbench.core.normalize.find_all``: a query without harakat finds the text with
them, أ/إ/آ find ا, ى finds ي, and each match is a range of the stored text. Normalizing a text
costs about 0.3 s per million characters, so the window keeps the views of recently used
documents (``DocumentTexts``), and a whole project (100,000 documents: minutes) is searched on a
worker thread with a connection of its own (``search_project``), its matches handed on a batch
of documents at a time, at most ``MATCH_LIMIT`` of them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from workbench.app.project import Project
from workbench.core.errors import Cancelled
from workbench.core.normalize import NormalizedText, find_all, normalize
from workbench.store import document_list as stored

CONTEXT_CHARS = 30
"""Characters of context shown on each side of a match."""
KEPT_DOCUMENTS = 32
MATCH_LIMIT = 10_000
"""Matches kept at most: a search finding more stops there, and says there were more."""
BATCH_DOCUMENTS = 200
"""Documents searched between two hand-overs of their matches (about 0.2 s of work)."""
T = TypeVar("T")
Found = Callable[[list["Match"]], None]
"""Takes the matches of the documents searched since the last call, in order."""


@dataclass(frozen=True, slots=True)
class Match:
    document_id: str
    document_title: str
    """As the document list shows it (``store.titles.shown_title``)."""
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

    def kept_text(self, document_id: str) -> str | None:
        """The document's text when it is kept (a worker thread reading it may start from it)."""
        return self._texts.get(document_id)

    def keep_text(self, document_id: str, text: str) -> None:
        """Keep a text read elsewhere (on a worker thread's connection)."""
        self._keep(self._texts, document_id, text)

    def normalized(self, document_id: str) -> NormalizedText:
        view = self._views.get(document_id) or normalize(self.text(document_id))
        self.keep_normalized(document_id, view)
        return view

    def kept_normalized(self, document_id: str) -> NormalizedText | None:
        """The normalized view of the document when one is kept (making one takes 0.3 s per
        million characters: a worker thread makes it from ``text``, and hands it back to
        ``keep_normalized``)."""
        return self._views.get(document_id)

    def keep_normalized(self, document_id: str, view: NormalizedText) -> None:
        self._keep(self._views, document_id, view)

    def searched(self, documents: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, NormalizedText]]:
        """The documents (id, title) as ``find_in_documents`` takes them, from the kept views."""
        return ((document_id, title, self.normalized(document_id)) for document_id, title in documents)

    def _keep(self, kept: OrderedDict[str, T], document_id: str, value: T) -> None:
        kept[document_id] = value
        kept.move_to_end(document_id)
        while len(kept) > self._capacity:
            kept.popitem(last=False)


def find_in_documents(
    documents: Iterable[tuple[str, str, NormalizedText]],
    query: str,
    found: Found,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    limit: int = MATCH_LIMIT,
) -> bool:
    """Hand every match of ``query`` in the documents (id, title, normalized text) to ``found``,
    in their order and text order, every ``BATCH_DOCUMENTS`` documents and at the end; stop with
    ``Cancelled`` when asked. True when there were more than ``limit`` matches (the first
    ``limit`` are handed on)."""
    batch: list[Match] = []
    handed = 0
    for number, (document_id, title, view) in enumerate(documents, start=1):
        if cancelled():
            raise Cancelled()
        batch.extend(matches_in(document_id, title, view, query))
        if handed + len(batch) > limit:
            found(batch[: limit - handed])
            return True
        if number % BATCH_DOCUMENTS == 0 and batch:
            found(batch)
            handed += len(batch)
            batch = []
    if batch:
        found(batch)
    return False


def matches_in(document_id: str, title: str, view: NormalizedText, query: str) -> list[Match]:
    """The matches of ``query`` in one document, in text order."""
    text = view.source
    return [
        Match(document_id, title, start, end, context(text, start, end))
        for start, end in find_all(text, query, view)
    ]


def search_project(
    project: Project,
    query: str,
    found: Found,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    limit: int = MATCH_LIMIT,
) -> bool:
    """``find_in_documents`` over every document of the project, in project order, reading
    their texts as it goes (for a worker thread: nothing is kept)."""
    documents = (
        (document_id, title, normalize(text)) for document_id, title, text in stored.document_texts(project.conn)
    )
    return find_in_documents(documents, query, found, cancelled, limit=limit)


def context(text: str, start: int, end: int) -> str:
    """The match with some text on each side, on one line."""
    before = max(0, start - CONTEXT_CHARS)
    after = min(len(text), end + CONTEXT_CHARS)
    shown = text[before:after].replace("\n", " ")
    return ("…" if before else "") + shown + ("…" if after < len(text) else "")
