"""Opening a project file, reading it through sqlite3, and writing to it.

Reads go through a plain ``sqlite3.Connection``. Importing sqlite-utils costs about 0.35 s of CPU
(click, dateutil, pluggy and its own large ``db.py``), which every process that opens a project
would otherwise pay: ``workbench stats`` must answer in under half a second, and the window's
start-up should not wait for it. Writes that add or change rows from dicts use sqlite-utils' table
API (``insert``, ``insert_all``, ``update``, ``upsert``), which ``table_api`` imports on first use
and wraps around the same connection; the window imports it ahead of need with ``warm_up``.

Every write is one ``BEGIN IMMEDIATE`` transaction: a deferred transaction that reads first and
then writes fails with "database is locked" when another process writes meanwhile, and the busy
timeout cannot rescue it (measured in ../shared/notes/qt-sqlite-packaging.md, §5.3). The connection
runs in autocommit mode (``isolation_level=None``) so that Python never opens transactions of its
own; sqlite-utils nests its own writes inside ours as savepoints.

A project held by another program waits ``BUSY_TIMEOUT_MS`` once, then is refused as locked. A
project on read-only media (or in a folder the user cannot write) is read as an immutable file:
SQLite cannot create the ``-shm`` file a WAL-mode reader needs there, and nobody can change the
file there either.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from workbench.core.errors import ProjectLocked

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

    from sqlite_utils import Database
    from sqlite_utils.db import Table

BUSY_TIMEOUT_MS = 30_000
"""How long a command waits for another program that holds the project (the README says so)."""


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the project's pragmas; read-only connections never change the file."""
    if readonly:
        mode = "immutable=1" if on_read_only_media(path) and not _has_wal(path) else "mode=ro"
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{mode}", uri=True, isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def on_read_only_media(path: Path) -> bool:
    """Whether no file can be created beside ``path`` (read-only media, or a read-only folder).
    ``os.access`` answers for root too: a read-only mount refuses root with EROFS."""
    return not os.access(path.resolve().parent, os.W_OK)


def _has_wal(path: Path) -> bool:
    """Whether changes wait in the project's ``-wal`` file, which an immutable reader ignores."""
    wal = path.with_name(f"{path.name}-wal")
    return wal.is_file() and wal.stat().st_size > 0


def is_locked(error: sqlite3.Error) -> bool:
    """Whether SQLite gave up waiting for a lock another connection holds."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def locked_error(path: Path | str) -> ProjectLocked:
    return ProjectLocked(
        f"{path}: the project is locked by another program (waited {BUSY_TIMEOUT_MS // 1000} s); "
        "try again when that program has finished with it"
    )


def database_path(conn: sqlite3.Connection) -> str:
    """The file behind the connection's main database, to name it in messages."""
    return str(conn.execute("PRAGMA database_list").fetchone()[2])


def checkpoint_without_waiting(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the project file so that it is whole on its own, unless another
    connection is using it: that one folds it in when it closes. Never waits (a second wait
    after a refused write would double the documented one)."""
    with without_waiting(conn):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def without_waiting(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside, a lock another connection holds is refused at once rather than after the
    connection's busy timeout (``BUSY_TIMEOUT_MS``), which is set back after."""
    waits = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waits}")


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` transaction: everything inside is committed together, or nothing.
    A project another program holds is refused after one wait of ``BUSY_TIMEOUT_MS``."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if is_locked(error):
            raise locked_error(database_path(conn)) from error
        raise
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def table_api(conn: sqlite3.Connection) -> Database:
    """sqlite-utils' ``Database`` over ``conn``, for writes through its table API.

    It is only a writer here, so it leaves the connection as ``connect`` made it (sqlite-utils
    would turn on recursive triggers, of which the project has none) and loads no plugins (which
    scans the entry points of every installed package, 30 ms)."""
    database: type[Database] = _sqlite_utils().Database
    return database(conn, recursive_triggers=False, execute_plugins=False)


def table(conn: sqlite3.Connection, name: str) -> Table:
    """sqlite-utils' table ``name`` over ``conn``, to write rows given as dicts. Wrapping the
    connection again costs two microseconds, so the functions of the store need not carry one."""
    return table_api(conn).table(name)


def warm_up() -> None:
    """Import sqlite-utils now (from a background thread) rather than at the first write."""
    _sqlite_utils()


def _sqlite_utils() -> ModuleType:
    # sqlite-utils imports pandas and numpy at import time when they are installed, to map their
    # types; camel-tools puts them in the environment, and loading them costs seconds at every
    # start of the program. The workbench never hands them to sqlite-utils, so they are hidden
    # while it loads; from the loading thread only, since the window's thread may meanwhile
    # import numpy itself (the agreement measures use it).
    hidden = _HiddenFromThisThread(("pandas", "numpy"))
    sys.meta_path.insert(0, hidden)
    try:
        return import_module("sqlite_utils")
    finally:
        sys.meta_path.remove(hidden)


class _HiddenFromThisThread:
    """A finder that makes importing the named modules fail in the thread that created it. It
    is asked only about modules not imported yet: those already in ``sys.modules`` stay visible."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)
        self.thread = threading.get_ident()

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"{name} is hidden while sqlite-utils loads", name=name)
        return None
