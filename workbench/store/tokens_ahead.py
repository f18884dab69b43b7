"""Cutting the tokens the agreement will ask for next in a second process, while it works on those before.

The agreement report asks the token cache (``store.token_cache``) for each document's tokens in
turn, and a text the project keeps no tokens of is cut then, on its own process: about 0.26 ms
of processor time for 3,000 characters. ``cut_ahead`` reads the documents one batch (``BATCH``)
ahead and sends the texts of the next batch that the cache lacks to a process of its own
(``core.ahead_process``), which cuts and packs them meanwhile; the cache takes their rows as it
takes stored ones (``TokenCache.hold``) and keeps them in the project as it keeps those it cuts.
Only texts go there and rows come back, in the order they went. (A token-based export does more
there: it has whole batches rendered, ``app.render_ahead``.)

The first batch (``BATCH`` documents, fewer when they are long) is cut here while the process
starts (about half a second), and so is any batch whose rows are not back when it is reached
before the process has sent back anything. A reading of one batch or less starts no process;
one whose texts the project keeps tokens of sends nothing. A process that dies leaves the rest
to be cut here. The process is ended with the reading, however it ends, and ends itself if the
reading's process is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple, TypeVar

from workbench.core.ahead_process import AheadProcess
from workbench.core.model import Document, ImportedDocument
from workbench.store.token_cache import Packed, TokenCache, cut_packed

BATCH = 250
"""Documents read ahead, and so the texts sent at once: a tenth of a second of cutting."""
BATCH_CHARACTERS = 1_000_000
"""Fewer documents when they are long: a batch ends once its texts hold this many characters,
so that what is read ahead stays a few megabytes whatever the documents' length."""
IN_FLIGHT = 2
"""Batches sent whose rows have not been taken back: the one being cut and the next. Until the
process answers, the batches reached are cut by the export and not sent (sent, they waited in
the pipe: 37 MB of texts as an export of 500,000-character documents ran ahead of a process
still starting)."""
Annotated = TypeVar("Annotated", bound=ImportedDocument)


@contextmanager
def cut_ahead(documents: Iterable[Annotated], cache: TokenCache) -> Iterator[Iterator[Annotated]]:
    """The documents, in their order, with the tokens of each batch cut ahead (module
    docstring) and held in ``cache`` before the batch is handed on. The consumer must be done
    with a document before it asks for the next (as the agreement is)."""
    ahead = _Ahead(cache)
    try:
        yield ahead.documents(documents)
    finally:
        ahead.close()


class _Sent(NamedTuple):
    """The texts of a batch sent to be cut: their sha256s, and the batch's number there."""

    sha256s: list[str]
    number: int


class _Ahead:
    def __init__(self, cache: TokenCache) -> None:
        self.cache = cache
        self.cutter: _Cutter | None = None

    def documents(self, documents: Iterable[Annotated]) -> Iterator[Annotated]:
        batches = read_in_batches(documents, BATCH, BATCH_CHARACTERS)
        current: list[Annotated] = next(batches, [])
        current_sent: _Sent | None = None  # the first batch is the export's own to cut
        for following in batches:
            following_sent = self._send(following)
            yield from self._with_rows_held(current, current_sent)
            current, current_sent = following, following_sent
        yield from self._with_rows_held(current, current_sent)

    def close(self) -> None:
        if self.cutter is not None:
            self.cutter.close()

    def _send(self, batch: Sequence[ImportedDocument]) -> _Sent | None:
        """Send the texts of ``batch`` that will be asked for and that the cache lacks, unless
        the process is gone or has ``IN_FLIGHT`` batches to answer."""
        cutter = self.cutter
        if cutter is not None and (not cutter.alive() or cutter.in_flight() >= IN_FLIGHT):
            return None
        wanted = {
            annotated.document.sha256: annotated.document.text
            for annotated in batch
            if annotated.sets and annotated.document.tokens is None
        }
        lacking = self.cache.lacking(wanted.keys())
        if not lacking:
            return None
        if cutter is None:
            cutter = self.cutter = _Cutter()
        sha256s = [sha256 for sha256 in wanted if sha256 in lacking]
        return _Sent(sha256s, cutter.send([wanted[sha256] for sha256 in sha256s]))

    def _with_rows_held(self, batch: list[Annotated], sent: _Sent | None) -> list[Annotated]:
        """The batch, its texts' rows held: those cut ahead, and those the project keeps, read
        in one query (``TokenCache.read_ahead``)."""
        held: dict[str, Packed] = {}
        if sent is not None and self.cutter is not None and (rows := self.cutter.answer(sent.number)):
            held = dict(zip(sent.sha256s, rows, strict=True))
        self.cache.hold(held)
        self.cache.read_ahead({annotated.document.sha256 for annotated in batch} - held.keys())
        return batch


Item = TypeVar("Item", bound=ImportedDocument | Document)


def read_in_batches(
    documents: Iterable[Item], size: int, most_characters: int | Callable[[], int]
) -> Iterator[list[Item]]:
    """The documents in batches of ``size``, or fewer once their texts hold ``most_characters``
    (or as many as it says as each batch is made)."""
    limit = most_characters if callable(most_characters) else lambda: most_characters
    batch: list[Item] = []
    characters = 0
    for item in documents:
        batch.append(item)
        characters += len((item if isinstance(item, Document) else item.document).text)
        if len(batch) >= size or characters >= limit():
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


class _Cutter(AheadProcess[list[str], list[Packed]]):
    """The cutting process: the rows of each list of texts it is sent."""

    def __init__(self) -> None:
        super().__init__(cut_packed, "workbench tokens ahead")
