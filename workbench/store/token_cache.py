"""The token offsets of every document text, computed once and kept in the project.

A document's text never changes after import, so the tokens of a text (by its sha256) never go
stale; only another tokenizer (another camel-tools release or Unicode data) could cut it
differently, so each row names the tokenizer that cut it and a row of another one is cut again.

The cache is filled lazily, by the first export (or agreement) that needs a text's tokens, not
by the import: the import's cost stays that of its rows. A project opened read-only, or a file
of an older format that has no table yet, is read from where it can be and tokenized for the
rest, without writing.

Offsets are stored packed: the differences between consecutive boundaries (start, end, start,
end, ...) in the narrowest unsigned integers that hold them (one byte for almost every news
text), after one byte giving that width. Unpacking is one ``cumsum``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from workbench.core.model import Document
from workbench.core.tokens import installed_versions, token_offsets

if TYPE_CHECKING:
    from workbench.core.tokens import TokenOffsets
from workbench.store.connection import write_transaction

BATCH = 500
"""Texts tokenized before their offsets are written, each batch in its own short transaction,
so that an export never holds the project's write lock for long."""
_WIDTHS = (1, 2, 4, 8)
"""The sizes in bytes of the unsigned integers a row's steps may be stored in."""


@cache
def tokenizer_name() -> str:
    """The tokenizer a row was cut by: camel-tools' release and the Unicode data version."""
    camel_tools, unicode = installed_versions()
    return f"camel-tools {camel_tools}, Unicode {unicode}"


def pack(offsets: TokenOffsets) -> bytes:
    """``offsets`` as the differences between consecutive boundaries (module docstring)."""
    import numpy as np

    steps = np.diff(offsets.ravel(), prepend=0)
    largest = int(steps.max()) if steps.size else 0
    width = next(size for size in _WIDTHS if largest < 1 << (8 * size))
    return bytes([width]) + steps.astype(f"<u{width}").tobytes()


def unpack(blob: bytes) -> TokenOffsets:
    import numpy as np

    if blob[0] not in _WIDTHS:
        raise ValueError(f"token offsets stored {blob[0]} bytes wide")
    steps = np.frombuffer(blob, dtype=f"<u{blob[0]}", offset=1)
    return steps.cumsum(dtype=np.int64).reshape(-1, 2)


class TokenCache:
    """Token offsets of documents, from the project's cache or cut now and written back in
    batches (``BATCH``) when ``writable``."""

    def __init__(self, conn: sqlite3.Connection, *, writable: bool) -> None:
        self.conn = conn
        self.has_table = _has_table(conn)
        self.writable = writable and self.has_table
        self.pending: dict[str, bytes] = {}

    def offsets(self, document: Document) -> TokenOffsets:
        """The token offsets of ``document``'s text (``core.tokens.token_offsets``)."""
        if self.has_table:
            row = self.conn.execute(
                "SELECT offsets FROM token_offsets WHERE sha256 = ? AND tokenizer = ?",
                [document.sha256, tokenizer_name()],
            ).fetchone()
            if row is not None and (cached := _fitting(row[0], len(document.text))) is not None:
                return cached
        offsets = token_offsets(document.text)
        if self.writable:
            self.pending[document.sha256] = pack(offsets)
            if len(self.pending) >= BATCH:
                self.flush()
        return offsets

    def flush(self) -> None:
        """Write the offsets cut since the last flush, in one short transaction."""
        if not self.pending:
            return
        name = tokenizer_name()
        with write_transaction(self.conn):
            self.conn.executemany(
                "INSERT OR REPLACE INTO token_offsets (sha256, tokenizer, offsets) VALUES (?, ?, ?)",
                [(sha256, name, blob) for sha256, blob in self.pending.items()],
            )
        self.pending.clear()


@contextmanager
def token_cache(conn: sqlite3.Connection, *, writable: bool) -> Iterator[TokenCache]:
    """A ``TokenCache`` whose last batch is written when the work using it ends without error."""
    cache_ = TokenCache(conn, writable=writable)
    yield cache_
    cache_.flush()


def _fitting(blob: bytes, length: int) -> TokenOffsets | None:
    """The offsets stored in ``blob`` when they could be tokens of a text of ``length`` code
    points (non-empty, in order, inside the text), else None: a project file may come from
    someone else, and a row that does not fit is cut again rather than trusted."""
    try:
        offsets = unpack(blob)
    except ValueError:
        return None
    if offsets.size and (offsets[-1, 1] > length or not (offsets[:, 1] > offsets[:, 0]).all()):
        return None
    return offsets


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'token_offsets')"
    ).fetchone()[0] == 1
