"""Cutting the tokens an export will ask for next in a second process, while it writes those before.

An export in a token-based format (CoNLL, Hugging Face, events) and an agreement report ask the
token cache (``store.token_cache``) for each document's tokens in turn, and a text the project
keeps no tokens of is cut then, on the export's own process: about 0.26 ms of processor time for
3,000 characters, a third of the first CoNLL export of 10,000 such documents. ``cut_ahead``
reads the documents one batch (``BATCH``) ahead of the export and sends the texts of the next
batch that the cache lacks to a process of its own (``spawn``, as on Windows and macOS), which
cuts and packs them while the export writes the batch before; the cache takes their rows as it
takes stored ones (``TokenCache.hold``) and keeps them in the project as it keeps those it cuts.
Only texts go there and rows come back, in the order they went.

The first batch (``BATCH`` documents, fewer when they are long) is cut by the export itself
while the process starts (about half a second), and so is any batch whose rows are not back when
it is reached before the process has sent back anything. An export of one batch or less starts
no process; one whose texts the project keeps tokens of sends nothing. A process that dies leaves
the rest to be cut by the export. The process is ended with the export, however the export ends,
and ends itself if the export's process is gone. The frozen program lets it start
(``multiprocessing.freeze_support`` in ``workbench/__main__.py``).
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.queues import Queue
from typing import NamedTuple, TypeVar

from workbench.core.model import ImportedDocument
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
POLL_SECONDS = 0.1
"""How often a wait for rows looks whether the cutting process is still there."""
Annotated = TypeVar("Annotated", bound=ImportedDocument)


@contextmanager
def cut_ahead(documents: Iterable[Annotated], cache: TokenCache) -> Iterator[Iterator[Annotated]]:
    """The documents, in their order, with the tokens of each batch cut ahead (module
    docstring) and held in ``cache`` before the batch is handed on. The consumer must be done
    with a document before it asks for the next (as exports and the agreement are)."""
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
        batches = _batches(documents)
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
        """Send the texts of ``batch`` that will be asked for and that the cache lacks."""
        wanted = {
            annotated.document.sha256: annotated.document.text
            for annotated in batch
            if annotated.sets and annotated.document.tokens is None
        }
        lacking = self.cache.lacking(wanted.keys())
        if not lacking:
            return None
        if self.cutter is None:
            self.cutter = _Cutter()
        if not self.cutter.alive() or self.cutter.sent - self.cutter.received >= IN_FLIGHT:
            return None
        sha256s = [sha256 for sha256 in wanted if sha256 in lacking]
        return _Sent(sha256s, self.cutter.send([wanted[sha256] for sha256 in sha256s]))

    def _with_rows_held(self, batch: list[Annotated], sent: _Sent | None) -> list[Annotated]:
        held: dict[str, Packed] = {}
        if sent is not None and self.cutter is not None and (rows := self.cutter.rows_of(sent.number)):
            held = dict(zip(sent.sha256s, rows, strict=True))
        self.cache.hold(held)
        return batch


def _batches(documents: Iterable[Annotated]) -> Iterator[list[Annotated]]:
    """The documents in batches of ``BATCH``, or fewer holding ``BATCH_CHARACTERS``."""
    batch: list[Annotated] = []
    characters = 0
    for annotated in documents:
        batch.append(annotated)
        characters += len(annotated.document.text)
        if len(batch) >= BATCH or characters >= BATCH_CHARACTERS:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


class _Cutter:
    """The cutting process and its two queues."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.texts: Queue[list[str]] = context.Queue()
        self.rows: Queue[list[Packed]] = context.Queue()
        self.process = context.Process(
            target=cut_texts, args=(self.texts, self.rows), name="workbench tokens ahead", daemon=True
        )
        self.process.start()
        self.sent = 0
        self.received = 0

    def alive(self) -> bool:
        return self.process.is_alive()

    def send(self, texts: list[str]) -> int:
        """Send texts to be cut; the number their rows will come back as."""
        self.texts.put(texts)
        self.sent += 1
        return self.sent - 1

    def rows_of(self, number: int) -> list[Packed] | None:
        """The rows of the texts sent as ``number`` (those of any before it are let go);
        None when the process has sent nothing back yet and they are not back now, or when it
        has died before sending them."""
        rows: list[Packed] | None = None
        while self.received <= number:
            try:
                rows = self.rows.get(timeout=POLL_SECONDS) if self.received else self.rows.get_nowait()
            except queue.Empty:
                if not self.received or not self.alive():
                    return None
                continue
            self.received += 1
        return rows

    def close(self) -> None:
        self.process.kill()
        self.process.join()
        self.texts.cancel_join_thread()  # texts it was not there to take are let go
        for channel in (self.texts, self.rows):
            channel.close()


def cut_texts(texts: Queue[list[str]], rows: Queue[list[Packed]]) -> None:
    """The cutting process: the rows of each list of texts it is sent, in order, for as long
    as the process that sends them is there."""
    sender = multiprocessing.parent_process()
    while sender is None or sender.is_alive():
        try:
            batch = texts.get(timeout=1)
        except queue.Empty:
            continue
        rows.put(cut_packed(batch))
