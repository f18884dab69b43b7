"""The annotator's document list without Qt: its rows, read a page at a time, and the compact
index that filters it by name and status and sorts it.

A project may hold 100,000 documents (300 million characters). The list opens on the count of
documents and reads the rows it paints a page at a time; ``build_document_index`` reads what the
filter and the sort need of every document (reading every document's opening, for its title:
seconds on a large project, so the window runs it in the background) into a few arrays and two
strings, about 30 MB for 100,000 documents:

- ``keys``: each document's title and name as the filter compares them (``normalize_query``:
  diacritics, letter variants and case folded), ``title SEPARATOR name END``; a typed text is found
  in it with one ``str.split`` (C speed) and each match mapped to its document by ``starts``;
- ``statuses`` and ``spans``: the annotator's status (in working order) and span count;
- ``titles`` and ``title_ranks``: the titles as shown, and each one's place in their sorted order
  (UTF-16 order, as Qt compares texts), spaced so that a renamed title finds a place between two
  others without ranking them all again.

Line ends and unit separators in names and in the typed text are compared as spaces: they are the
index's separators (titles never hold them: see ``titles.shown_title``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.app.project import DocumentProgress, Project
from workbench.core.errors import Cancelled
from workbench.core.model import Status
from workbench.core.normalize import normalize_query
from workbench.core.progress import CancelCheck as CancelCheck  # the document list's name for it too
from workbench.store import document_list as stored
from workbench.store.document_list import IndexRow
from workbench.store.document_list import TitledDocument as TitledDocument  # the lead's tables name documents by it

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

STATUS_ORDER = (Status.NEW, Status.IN_PROGRESS, Status.DONE)
"""Statuses in working order: what sorting by status follows."""
NAME, STATUS, SPANS = range(3)
"""The list's columns, which ``DocumentIndex.shown`` sorts by."""
SEPARATOR, END = "\x1f", "\n"
_AS_SPACES = str.maketrans({SEPARATOR: " ", END: " "})
RANK_GAP = 1 << 20
"""Distance between neighbouring titles' ranks: room for renamed titles in between."""
CHECK_EVERY = 1000
"""Documents indexed between two looks at ``cancelled``."""


def filter_text(typed: str) -> str:
    """A typed filter as the index compares it: folded, its separators made spaces."""
    return normalize_query(typed.strip()).translate(_AS_SPACES)


def filter_key(title: str, name: str) -> str:
    """One document's part of ``DocumentIndex.keys``."""
    title, name = (normalize_query(text).translate(_AS_SPACES) for text in (title, name))
    return f"{title}{SEPARATOR}{name}{END}"


def title_order_key(title: str) -> bytes:
    """What sorting by title compares: UTF-16 code units, as Qt orders texts."""
    return title.encode("utf-16-be")


@dataclass
class DocumentIndex:
    """Every document of the list in project order (a position is a place in that order)."""

    rowids: NDArray[np.int64]
    statuses: NDArray[np.int8]
    """Each document's status as its place in ``STATUS_ORDER``."""
    spans: NDArray[np.int64]
    keys: str
    starts: NDArray[np.int64]
    """Where each document's key starts in ``keys``."""
    titles: list[str]
    title_ranks: NDArray[np.int64]
    _orders: dict[tuple[int, bool], NDArray[np.int64]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rowids)

    def shown(
        self, typed: str, statuses: frozenset[Status], sort: tuple[int, bool] | None
    ) -> NDArray[np.int64]:
        """The positions the list shows, in its order: the documents whose title or name holds
        the typed text (``filter_text``) and whose status is chosen, sorted by ``sort``
        (column, descending) or in project order, equal ones in project order."""
        import numpy as np

        chosen = [STATUS_ORDER.index(status) for status in statuses]
        wanted = self.matching(filter_text(typed)) & np.isin(self.statuses, chosen)
        order = self.order(*sort) if sort is not None else np.arange(len(self), dtype=np.int64)
        shown: NDArray[np.int64] = order[wanted[order]]
        return shown

    def matching(self, text: str) -> NDArray[np.bool_]:
        """Which documents' keys hold ``text`` (already ``filter_text``)."""
        import numpy as np

        if not text:
            return np.ones(len(self), dtype=bool)
        pieces = self.keys.split(text)
        found = np.zeros(len(self), dtype=bool)
        if len(pieces) > 1:
            before = np.fromiter(map(len, pieces[:-1]), dtype=np.int64, count=len(pieces) - 1)
            match_starts = np.cumsum(before + len(text)) - len(text)
            found[np.searchsorted(self.starts, match_starts, side="right") - 1] = True
        return found

    def order(self, column: int, descending: bool) -> NDArray[np.int64]:
        """Positions sorted by a column, stably (kept until a row changes)."""
        import numpy as np

        cached = self._orders.get((column, descending))
        if cached is None:
            values = (self.title_ranks, self.statuses.astype(np.int64), self.spans)[column]
            cached = np.argsort(-values if descending else values, kind="stable")
            self._orders[(column, descending)] = cached
        return cached

    def position_of(self, rowid: int) -> int | None:
        import numpy as np

        found = np.flatnonzero(self.rowids == rowid)
        return int(found[0]) if len(found) else None

    def update(self, position: int, row: DocumentProgress) -> None:
        """The document's row as it is now (its status, span count or title changed)."""
        self.statuses[position] = STATUS_ORDER.index(row.status)
        self.spans[position] = row.spans
        if row.title != self.titles[position]:
            self._retitle(position, row.title, row.name)
        self._orders.clear()

    def _retitle(self, position: int, title: str, name: str) -> None:
        start = int(self.starts[position])
        end = int(self.starts[position + 1]) if position + 1 < len(self) else len(self.keys)
        key = filter_key(title, name)
        self.keys = self.keys[:start] + key + self.keys[end:]
        self.starts[position + 1 :] += len(key) - (end - start)
        self.titles[position] = title
        self.title_ranks[position] = self._rank_between(position, title)

    def _rank_between(self, position: int, title: str) -> int:
        """A rank for ``title`` among the other titles: an equal title's, else one between its
        neighbours' (all ranked again when they leave no room)."""
        import numpy as np

        others = np.delete(np.arange(len(self)), position)
        ordered = others[np.argsort(self.title_ranks[others], kind="stable")]
        key = title_order_key(title)
        low, high = 0, len(ordered)
        while low < high:  # the first title not below ``key``
            middle = (low + high) // 2
            if title_order_key(self.titles[ordered[middle]]) < key:
                low = middle + 1
            else:
                high = middle
        ranks = self.title_ranks
        if low < len(ordered) and self.titles[ordered[low]] == title:
            return int(ranks[ordered[low]])
        if not len(ordered):
            return 0
        if low in (0, len(ordered)):  # before the first or after the last: a gap beyond it
            return int(ranks[ordered[0]]) - RANK_GAP if low == 0 else int(ranks[ordered[-1]]) + RANK_GAP
        below, above = int(ranks[ordered[low - 1]]), int(ranks[ordered[low]])
        if above - below > 1:
            return (below + above) // 2
        self.title_ranks = rank_titles(self.titles)
        return int(self.title_ranks[position])


def rank_titles(titles: Sequence[str]) -> NDArray[np.int64]:
    """Each title's rank in their sorted order, equal titles equal, ``RANK_GAP`` apart."""
    import numpy as np

    keys = [title_order_key(title) for title in titles]
    ranks = np.zeros(len(titles), dtype=np.int64)
    rank, previous = -RANK_GAP, None
    for position in sorted(range(len(keys)), key=keys.__getitem__):
        if keys[position] != previous:
            rank, previous = rank + RANK_GAP, keys[position]
        ranks[position] = rank
    return ranks


def index_documents(rows: Iterable[IndexRow], cancelled: CancelCheck = lambda: False) -> DocumentIndex:
    """The index of these rows (in project order); ``Cancelled`` when asked to stop."""
    import numpy as np

    rowids: list[int] = []
    statuses = bytearray()
    spans: list[int] = []
    keys: list[str] = []
    titles: list[str] = []
    for number, row in enumerate(rows):
        if number % CHECK_EVERY == 0 and cancelled():
            raise Cancelled
        rowids.append(row.rowid)
        statuses.append(STATUS_ORDER.index(row.status))
        spans.append(row.spans)
        keys.append(filter_key(row.title, row.name))
        titles.append(row.title)
    starts = np.zeros(len(keys), dtype=np.int64)
    if keys:
        starts[1:] = np.cumsum(np.fromiter(map(len, keys[:-1]), dtype=np.int64, count=len(keys) - 1))
    return DocumentIndex(
        np.array(rowids, dtype=np.int64), np.frombuffer(bytes(statuses), dtype=np.int8).copy(),
        np.array(spans, dtype=np.int64), "".join(keys), starts, titles, rank_titles(titles),
    )


def build_document_index(
    project: Project, annotator: str, cancelled: CancelCheck = lambda: False
) -> DocumentIndex:
    """The index of the annotator's list (module docstring): every document read once."""
    return index_documents(stored.index_rows(project.conn, annotator), cancelled)


# -- pages and single facts, for the list's model -----------------------------------------------


def page_by_position(project: Project, annotator: str, first: int, count: int) -> list[DocumentProgress]:
    """Rows in project order from position ``first``."""
    return stored.page_by_position(project.conn, annotator, first, count)


def titles_by_position(project: Project, first: int, count: int) -> list[TitledDocument]:
    """The documents in project order from position ``first``, with their names and titles."""
    return stored.titles_by_position(project.conn, first, count)


def titles_of(project: Project, document_ids: Sequence[str]) -> dict[str, str]:
    """The titles (as the lists show them) of these documents, by id."""
    return stored.titles_of(project.conn, document_ids)


def page_by_rowid(project: Project, annotator: str, rowids: Sequence[int]) -> list[DocumentProgress]:
    """The rows of these documents, in the order given."""
    return stored.page_by_rowid(project.conn, annotator, rowids)


def document_rowid(project: Project, document_id: str) -> int | None:
    return stored.document_rowid(project.conn, document_id)


def document_position(project: Project, document_id: str) -> int | None:
    """The document's place in project order (None: the project has no such document)."""
    return stored.document_position(project.conn, document_id)


def done_count(project: Project, annotator: str) -> int:
    return stored.done_count(project.conn, annotator)


def document_names(project: Project) -> list[tuple[str, str]]:
    """Every document's id and name in project order, without reading a text."""
    return stored.document_names(project.conn)


def document_titles(project: Project) -> list[tuple[str, str]]:
    """Every document's id and title (as the list shows it) in project order."""
    return stored.document_titles(project.conn)


def not_done(project: Project, annotator: str) -> list[str]:
    """The documents the annotator has not marked done, in project order."""
    return stored.not_done(project.conn, annotator)


def next_not_done(project: Project, annotator: str, document_id: str, count: int) -> list[str]:
    """Up to ``count`` documents the annotator has not marked done: the next ones after
    ``document_id`` in project order, then from the first."""
    return stored.next_not_done(project.conn, annotator, document_id, count)
