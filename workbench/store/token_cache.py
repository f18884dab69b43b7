"""The tokens and sentence breaks of every document text, computed once and kept in the project.

A document's text never changes after import, so the tokens of a text (by its sha256) never go
stale; only another tokenizer (another camel-tools release or Unicode data) could cut it
differently, so each row names the tokenizer that cut it and a row of another one is cut again.

The cache is filled lazily, by the first export that needs a text's tokens, not by the import:
the import's cost stays that of its rows. The agreement has the texts cut in a second process
ahead of need (``store.tokens_ahead``), which hands the cache their rows (``hold``); an export
has part of its documents rendered in a second process, which hands back the rows it cut
(``keep``). While another program holds the project's write lock, the export goes on without
filling it. A project opened read-only, or a file of an older format that has no table yet, is
read from where it can be and tokenized for the rest, without writing.

Offsets are stored packed: the differences between consecutive boundaries (start, end, start,
end, ...; the sentence breaks likewise) in the narrowest unsigned integers that hold them (one
byte for almost every news text), little-endian, after one byte giving that width. A text is
packed from the array its tokens are cut into (``cut``), whose rows read start, end, start, end
in the stored order: a few whole-array operations, a quarter of the cost of subtracting a
thousand Python ints. Unpacking is plain Python over the bytes and ``accumulate``: the exports
need lists, and for a few hundred numbers each numpy call costs more than the work.
"""

from __future__ import annotations

import sqlite3
import sys
from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from workbench.core.errors import ProjectLocked
from workbench.core.model import Document
from workbench.core.tokens import (
    TextTokens,
    installed_versions,
    offset_columns,
    sentence_breaks,
    token_offsets,
)
from workbench.store.connection import without_waiting, write_transaction
from workbench.store.rows import marks

if TYPE_CHECKING:
    from workbench.core.tokens import TokenOffsets

BATCH = 500
"""Texts tokenized before their offsets are written, each batch in its own short transaction,
so that an export never holds the project's write lock for long."""
_TYPECODES = {1: "B", 2: "H", 4: "I", 8: "Q"}
"""The ``array`` type of each width a row's steps may be stored in (in bytes)."""


@cache
def tokenizer_name() -> str:
    """The tokenizer a row was cut by: camel-tools' release and the Unicode data version."""
    camel_tools, unicode = installed_versions()
    return f"camel-tools {camel_tools}, Unicode {unicode}"


def pack(positions: Sequence[int] | TokenOffsets) -> bytes:
    """Positions in order (token boundaries, sentence breaks; the rows of a ``token_offsets``
    array, start and end) as the differences between consecutive ones (module docstring)."""
    import numpy as np

    flat = np.asarray(positions, dtype=np.int64).ravel()
    steps = np.empty_like(flat)  # np.diff(flat, prepend=0), whose own steps took three times as long
    steps[:1] = flat[:1]
    np.subtract(flat[1:], flat[:-1], out=steps[1:])
    largest = int(steps.max(initial=0))
    width = next(size for size in _TYPECODES if largest < 1 << (8 * size))
    return bytes([width]) + steps.astype(f"<u{width}").tobytes()


def unpack(blob: bytes) -> list[int]:
    """The positions ``pack`` packed; ``ValueError`` for a blob it cannot have written."""
    return list(accumulate(_steps(blob)))


def _steps(blob: bytes) -> Sequence[int]:
    """The steps of a packed blob: the bytes themselves where they are one byte wide (almost
    every news text), which ``accumulate`` and slicing read faster than an ``array``."""
    if not blob or blob[0] not in _TYPECODES:
        raise ValueError("positions stored in a width that is not one of 1, 2, 4 or 8 bytes")
    if blob[0] == 1:
        return blob[1:]
    steps = array(_TYPECODES[blob[0]])
    steps.frombytes(blob[1:])  # ValueError when not a whole number of values
    if sys.byteorder == "big":
        steps.byteswap()
    return steps


Packed = tuple[bytes, bytes]
"""A text's token boundaries and sentence breaks as a row stores them (``pack``)."""


class Cut(NamedTuple):
    """A text's tokens, and the row the cache keeps them in."""

    tokens: TextTokens
    row: Packed


def cut(text: str) -> Cut:
    """``core.tokens.text_tokens`` of ``text`` and their row, from one tokenization: the row is
    packed from the tokens' array before it becomes lists."""
    offsets, breaks = token_offsets(text), sentence_breaks(text)
    return Cut(TextTokens(*offset_columns(offsets), breaks), (pack(offsets), pack(breaks)))


def cut_packed(texts: Iterable[str]) -> list[Packed]:
    """Each text's tokens cut and packed as a row of the cache holds them."""
    return [cut(text).row for text in texts]


class TokenCache:
    """The ``TextTokens`` of documents: from the rows cut ahead that it holds, from the
    project's cache, or cut now; those the project did not keep are written back in batches
    (``BATCH``) when ``writable``. With ``handing_back``, those cut are collected instead, for
    the caller to take (``take_cut``): a second process rendering part of an export hands them
    to the export's process, which keeps them (``keep``)."""

    def __init__(self, conn: sqlite3.Connection, *, writable: bool, handing_back: bool = False) -> None:
        self.conn = conn
        self.has_table = _has_table(conn)
        self.writable = writable and self.has_table and not handing_back
        self.handing_back = handing_back
        self.pending: list[tuple[str, str, bytes, bytes]] = []
        self.held: dict[str, Packed] = {}
        self.cut: dict[str, Packed] = {}
        self.read: dict[str, Packed | None] = {}
        """The project's rows of the texts asked for next (``read_ahead``); None for a text it
        does not keep."""

    def tokens(self, document: Document) -> TextTokens:
        """The tokens and sentence breaks of ``document``'s text (``core.tokens.text_tokens``)."""
        held = self.held.get(document.sha256)
        if held is not None and (cut_ahead := _fitting(*held, len(document.text))) is not None:
            self._keep(document.sha256, held)
            return cut_ahead
        stored = self._stored(document.sha256)
        if stored is not None and (cached := _fitting(*stored, len(document.text))) is not None:
            return cached
        found = cut(document.text)
        self._keep(document.sha256, found.row)
        return found.tokens

    def hold(self, rows: dict[str, Packed]) -> None:
        """Rows cut ahead (``store.tokens_ahead``), by the sha256 of their texts, for the
        documents asked for next; they replace those held before."""
        self.held = rows

    def lacking(self, sha256s: Collection[str]) -> set[str]:
        """Those of the texts (by sha256) whose tokens the project does not keep."""
        if not self.has_table or not sha256s:
            return set(sha256s)
        stored = self.conn.execute(
            f"SELECT sha256 FROM token_offsets WHERE tokenizer = ? AND sha256 IN ({marks(sha256s)})",
            [tokenizer_name(), *sha256s],
        )
        return set(sha256s).difference(sha256 for (sha256,) in stored)

    def read_ahead(self, sha256s: Collection[str]) -> None:
        """Read the project's rows of these texts, those of the documents asked for next, in
        one query; they replace those read ahead before. A query for each document lets go of
        the interpreter for a moment each time, too briefly for a waiting thread to take it, and
        wakes that thread to wait anew: beside an export or the agreement on a worker, a thread
        went without the interpreter for up to 60-100 ms, dozens of times
        (tests/benchmarks/test_interpreter_waits_bench.py)."""
        self.read = dict.fromkeys(sha256s)
        if not self.has_table or not sha256s:
            return
        stored = self.conn.execute(
            "SELECT sha256, offsets, sentences FROM token_offsets "
            f"WHERE tokenizer = ? AND sha256 IN ({marks(sha256s)})",
            [tokenizer_name(), *sha256s],
        )
        self.read.update((sha256, (offsets, sentences)) for sha256, offsets, sentences in stored)

    def _stored(self, sha256: str) -> Packed | None:
        if sha256 in self.read:
            return self.read[sha256]
        if not self.has_table:
            return None
        row = self.conn.execute(
            "SELECT offsets, sentences FROM token_offsets WHERE sha256 = ? AND tokenizer = ?",
            [sha256, tokenizer_name()],
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def keep(self, rows: dict[str, Packed]) -> None:
        """Keep rows cut elsewhere for the project, as those cut here are kept."""
        for sha256, row in rows.items():
            self._keep(sha256, row)

    def take_cut(self) -> dict[str, Packed]:
        """The rows cut since the last take, by the sha256 of their texts (``handing_back``)."""
        cut, self.cut = self.cut, {}
        return cut

    def _keep(self, sha256: str, row: Packed) -> None:
        if self.handing_back:
            self.cut[sha256] = row
        elif self.writable:
            self.pending.append((sha256, tokenizer_name(), *row))
            if len(self.pending) >= BATCH:
                self.flush()

    def flush(self) -> None:
        """Write the tokens cut since the last flush, in one short transaction. The cache saves
        time and is no duty: while another program holds the project's write lock, waiting for
        it (``BUSY_TIMEOUT_MS``) and then failing would lose the export, so the rows are let go
        and nothing more is written; a later export cuts those texts again."""
        try:
            if self.pending:
                with without_waiting(self.conn), write_transaction(self.conn):
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO token_offsets (sha256, tokenizer, offsets, sentences) "
                        "VALUES (?, ?, ?, ?)",
                        self.pending,
                    )
        except ProjectLocked:
            self.writable = False
        self.pending.clear()


@contextmanager
def token_cache(conn: sqlite3.Connection, *, writable: bool) -> Iterator[TokenCache]:
    """A ``TokenCache`` whose last batch is written when the work using it ends without error."""
    cache_ = TokenCache(conn, writable=writable)
    yield cache_
    cache_.flush()


def _fitting(offsets: bytes, sentences: bytes, length: int) -> TextTokens | None:
    """The tokens stored in a row when they could be those of a text of ``length`` code points
    (tokens non-empty, in order and inside the text, breaks inside it), else None: a project
    file may come from someone else, and a row that does not fit is cut again, not trusted.
    Steps are never negative, so the tokens are in order; a token is empty where the step from
    its start to its end is 0."""
    try:
        steps, breaks = _steps(offsets), unpack(sentences)
    except ValueError:
        return None
    if len(steps) % 2 or 0 in steps[1::2]:
        return None
    boundaries = list(accumulate(steps))
    if (boundaries and boundaries[-1] > length) or (breaks and breaks[-1] > length):
        return None
    return TextTokens(boundaries[::2], boundaries[1::2], breaks)


def _has_table(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'token_offsets')"
    ).fetchone()[0]
    return bool(found)
