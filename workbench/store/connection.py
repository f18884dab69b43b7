"""Opening a project file and writing to it.

Every write is one ``BEGIN IMMEDIATE`` transaction: a deferred transaction that reads first and
then writes fails with "database is locked" when another process writes meanwhile, and the busy
timeout cannot rescue it (measured in ../shared/notes/qt-sqlite-packaging.md, §5.3). The connection
runs in autocommit mode (``isolation_level=None``) so that Python never opens transactions of its
own; sqlite-utils nests its own writes inside ours as savepoints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 30_000


def connect(path: Path, *, readonly: bool = False) -> Database:
    """A connection with the project's pragmas; read-only connections never change the file."""
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return Database(conn)


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One ``BEGIN IMMEDIATE`` transaction: everything inside is committed together, or nothing."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
