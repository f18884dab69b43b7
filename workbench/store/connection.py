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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from workbench.core.errors import ProjectError, ProjectLocked

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

    from sqlite_utils import Database
    from sqlite_utils.db import Table

BUSY_TIMEOUT_MS = 30_000
"""How long a command waits for another program that holds the project (the README says so)."""
WINDOW_WAIT_MS = 250
"""How long the window's own connection waits for another program's write lock before the edit
is refused (``wait_briefly``): a `workbench import` into the project the window has open holds
the lock for its whole transaction, and a label waited ``BUSY_TIMEOUT_MS`` for it on the GUI
thread, the window frozen. Long enough for this program's own background writes, each a short
transaction (a token cache batch: a few milliseconds)."""
PAGE_SIZE = 16 * 1024
"""The size of a new project's pages; a file keeps the size it was made with. SQLite's default,
4 KiB, holds less than one of the 3,000-character articles a team imports (6 KB of UTF-8), whose
rest then goes to overflow pages, and makes the indexes deeper. Importing 100,000
such documents with 20 spans each took 16.4-17.3 s with 16 KiB pages against 17.7-19.1 s with
4 KiB (8 KiB: 17.5 s); 10,000 took 1.70-1.72 s against 1.88-1.94 s elapsed
(tests/benchmarks/test_import_scale_bench.py). The README gives the sizes: 5% larger on
articles of varied length, 0.9 MB rather than 0.3 MB empty."""


class ProjectConnection(sqlite3.Connection):
    """A connection to a project file, which a command may ask to say its waits: ``waiting``,
    when set (``tell_waits``), is told how many seconds at most a write is about to wait for
    another program's lock, before it waits (``write_transaction``). A command that met a
    `workbench import` running in another terminal waited 30 s without a word, then failed."""

    waiting: Callable[[int], None] | None = None


def tell_waits(conn: sqlite3.Connection, waiting: Callable[[int], None]) -> None:
    """From now on, a write about to wait for another program's lock tells ``waiting`` first."""
    if isinstance(conn, ProjectConnection):
        conn.waiting = waiting


def connect(path: Path, *, readonly: bool = False, wait: bool = True) -> sqlite3.Connection:
    """A connection with the project's pragmas; read-only connections never change the file.
    Without ``wait``, a lock another program holds is refused at once (until ``wait_as_usual``)."""
    if readonly:
        mode = "immutable=1" if on_read_only_media(path) and not _has_wal(path) else "mode=ro"
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{mode}", uri=True, isolation_level=None,
            check_same_thread=False, factory=ProjectConnection,
        )
    else:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, factory=ProjectConnection
        )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS if wait else 0}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file's; an existing one keeps its
        try:
            _write_ahead(conn)
        except sqlite3.OperationalError as error:
            conn.close()
            if is_locked(error):  # an import holds the project in rollback mode (bulk_writing)
                raise locked_error(path) from error
            raise
    return conn


def wait_as_usual(conn: sqlite3.Connection) -> None:
    """From now on, a lock another program holds is waited for up to ``BUSY_TIMEOUT_MS``."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def wait_briefly(conn: sqlite3.Connection) -> None:
    """From now on, a lock another program holds is waited for up to ``WINDOW_WAIT_MS`` only:
    the connection of a window's thread."""
    conn.execute(f"PRAGMA busy_timeout = {WINDOW_WAIT_MS}")


def _write_ahead(conn: sqlite3.Connection) -> None:
    """The project's own mode: WAL, where readers never wait for a writer, and NORMAL
    synchronisation, which WAL keeps whole through a power cut (only the last commits may go)."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def on_read_only_media(path: Path) -> bool:
    """Whether no file can be created beside ``path`` (read-only media, or a read-only folder).
    ``os.access`` answers for root too: a read-only mount refuses root with EROFS."""
    return not os.access(path.resolve().parent, os.W_OK)


SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
"""What SQLite writes beside a database file, named after it: its write-ahead log and the log's
index, or its rollback journal (``bulk_writing``)."""


def side_file(path: Path, suffix: str) -> Path:
    """The side file of the database ``path`` with one of ``SIDE_FILE_SUFFIXES``."""
    return path.with_name(f"{path.name}{suffix}")


def _has_wal(path: Path) -> bool:
    """Whether changes wait in the project's ``-wal`` file, or a stopped change in its
    ``-journal`` (``bulk_writing``), both of which an immutable reader would ignore."""
    return any(
        side.is_file() and side.stat().st_size > 0
        for side in (side_file(path, "-wal"), side_file(path, "-journal"))
    )


def left_half_written(error: sqlite3.Error) -> bool:
    """Whether a read-only connection refused to read because a program that stopped in the
    middle of a change left its rollback journal: only a connection that may write undoes it."""
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK


def undo_stopped_change(path: Path) -> None:
    """Roll back what a program stopped in the middle of a change (killed, a power cut) left
    in the project, from its rollback journal (``bulk_writing``): SQLite does it on the first
    read of a connection that may write."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        if is_locked(error):
            raise locked_error(path) from error
        raise ProjectError(
            f"{path}: a change to the project was stopped half-way, and undoing it needs a folder "
            f"you can write to; copy the project with its {path.name}-journal file to one and "
            "open it there"
        ) from error
    finally:
        conn.close()


def is_locked(error: sqlite3.Error) -> bool:
    """Whether SQLite gave up waiting for a lock another connection holds."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def locked_error(path: Path | str, *, waited: bool = True) -> ProjectLocked:
    if not waited:
        return ProjectLocked(
            f"{path}: another program is changing the project (an import, say); "
            "try again when that program has finished with it",
            path,
            waited=False,
        )
    return ProjectLocked(
        f"{path}: the project is locked by another program (waited {BUSY_TIMEOUT_MS // 1000} s); "
        "try again when that program has finished with it",
        path,
        waited=True,
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
def without_waiting(conn: sqlite3.Connection) -> Iterator[int]:
    """Inside, a lock another connection holds is refused at once rather than after the
    connection's busy timeout (``BUSY_TIMEOUT_MS``; given, in milliseconds), which is set back
    after."""
    waits = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        yield waits
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waits}")


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` transaction: everything inside is committed together, or nothing.
    A project another program holds is refused after one wait of ``BUSY_TIMEOUT_MS``: at the
    start (said first, where asked: ``tell_waits``), or at the commit, which in rollback-journal
    mode (``bulk_writing``) waits for the readers to finish."""
    try:
        _begin(conn)
    except sqlite3.OperationalError as error:
        if is_locked(error):
            raise _refused(conn) from error
        raise
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if not is_locked(error):
            raise
        conn.execute("ROLLBACK")
        raise _refused(conn) from error


def _begin(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``; a connection that says its waits (``tell_waits``) tries without
    waiting first, and says the wait before it waits."""
    waiting = getattr(conn, "waiting", None)
    if waiting is not None:
        with without_waiting(conn) as waits:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not (is_locked(error) and waits):
                    raise
        waiting(waits // 1000)
    conn.execute("BEGIN IMMEDIATE")


def _refused(conn: sqlite3.Connection) -> ProjectLocked:
    """A write that met another program's lock: said as waited for, when the connection waits
    as usual (``BUSY_TIMEOUT_MS``); else (``wait_briefly``) as refused at once."""
    waits = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    return locked_error(database_path(conn), waited=waits >= BUSY_TIMEOUT_MS)


@contextmanager
def bulk_writing(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside, a connection that has the project to itself writes in rollback-journal mode;
    WAL again after, however the block ends. What ``Project.add_documents`` runs in.

    In WAL every page a transaction writes goes to the ``-wal`` file first, then is copied
    into the project by the checkpoint: an import, nearly all new pages, writes everything
    twice. A rollback journal keeps the old content of the pages a transaction changes, and a
    page past the file's end when the transaction began has none: the import's pages are
    written once, and a kill or a power cut still leaves all of it or none (the next opener
    rolls the journal back). ``synchronous = FULL`` meanwhile, since NORMAL is not safe
    through a power cut in this mode. ``workbench import`` of 10,000 documents of 3,000
    characters with 20 spans each (tests/benchmarks/test_import_scale_bench.py): 2.36-2.72 s of
    processor time, 2.51-2.88 s elapsed in WAL; 2.07-2.31 s and 2.16-2.41 s so.

    Every import switches, however small: how many documents it brings is known only once they
    are all read, the switches and FULL's syncs cost an import of one document about 2 ms more
    within a process and nothing measurable in a whole command (which no longer checkpoints at
    its close: 100 ms against 101-103, medians of 12), and from some 60 such documents it pays.

    SQLite leaves WAL only when no other connection has the file open, and refuses at once
    otherwise (an open window, a second command): the import then runs in WAL as before.
    While it runs in rollback mode, another program reads the project as it was, until the
    import's page cache spills into the file; from then to the commit a reader waits, at most
    ``BUSY_TIMEOUT_MS`` before it is told the project is locked. The other way round, writing
    into the file waits for the readers already reading: a spill that cannot leaves the pages
    in memory, and a commit held up past the busy timeout takes the import back and refuses it
    as locked (``write_transaction``), as when another program holds the write lock.

    Going back to WAL needs the file to itself for a moment. If it cannot be had (a reader
    that came in after the commit holds the file past the busy timeout, a full disk), the
    project stays in rollback mode, this connection with FULL synchronisation, until the next
    connection that writes opens it (``connect`` puts it back in WAL); it is whole either way,
    and the import's own outcome or error is what the caller hears.
    """
    try:
        left_wal = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError as error:
        if not is_locked(error):
            raise
        left_wal = False
    if not left_wal:
        yield
        return
    conn.execute("PRAGMA synchronous = FULL")
    try:
        yield
    finally:
        with suppress(sqlite3.OperationalError):  # the file is whole in either mode
            _write_ahead(conn)


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
