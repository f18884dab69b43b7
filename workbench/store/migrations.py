"""The project file's format version and the migrations that bring older files forward.

The format version lives in ``PRAGMA user_version`` and the file is marked as ours with
``PRAGMA application_id``. A file from a newer version of the program is refused before anything
is written to it. Before migrating an older file, a copy is written beside it with ``VACUUM INTO``
(never a file copy while open), and each migration commits together with its new version number.

sqlite-utils' own ``Migrations`` records applied steps in a table, which can only be read after
the file is opened for writing; a version number in the header can be checked first, which is why
this small runner is written here.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import Unopenable, UnopenableProject, one_line
from workbench.store.connection import (
    is_locked,
    left_half_written,
    locked_error,
    table_api,
    undo_stopped_change,
    write_transaction,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x5457534D  # "TWSM"

Migration = Callable[["Database"], None]
"""A step forward; it gets sqlite-utils, whose ``transform()`` rebuilds a table SQLite cannot
alter in place."""


def m001_initial(db: Database) -> None:
    for statement in _INITIAL_SCHEMA:
        db.execute(statement)


_INITIAL_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE label_schemas (
        id INTEGER PRIMARY KEY, schema_id TEXT NOT NULL, version INTEGER NOT NULL,
        definition TEXT NOT NULL, created TEXT NOT NULL)""",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL, sha256 TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '', metadata TEXT NOT NULL DEFAULT '{}', tokens TEXT,
        ord INTEGER NOT NULL)""",
    "CREATE INDEX documents_sha256 ON documents (sha256)",
    "CREATE INDEX documents_ord ON documents (ord)",
    "CREATE TABLE annotators (name TEXT PRIMARY KEY, created TEXT NOT NULL)",
    """CREATE TABLE annotation_sets (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        annotator TEXT NOT NULL REFERENCES annotators (name),
        status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done')),
        revision INTEGER NOT NULL, updated TEXT NOT NULL,
        UNIQUE (document_id, annotator))""",
    "CREATE INDEX annotation_sets_annotator ON annotation_sets (annotator)",
    """CREATE TABLE spans (
        id TEXT PRIMARY KEY,
        set_id TEXT NOT NULL REFERENCES annotation_sets (id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
        attributes TEXT NOT NULL DEFAULT '{}', note TEXT NOT NULL DEFAULT '',
        CHECK (start >= 0 AND "end" > start),
        UNIQUE (set_id, start, "end", label))""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        set_id TEXT NOT NULL REFERENCES annotation_sets (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        trigger_span_id TEXT NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
        attributes TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX events_set ON events (set_id)",
    "CREATE INDEX events_trigger ON events (trigger_span_id)",
    """CREATE TABLE arguments (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        span_id TEXT REFERENCES spans (id) ON DELETE CASCADE,
        filler_event_id TEXT REFERENCES events (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL DEFAULT 0,
        CHECK ((span_id IS NULL) <> (filler_event_id IS NULL)))""",
    "CREATE INDEX arguments_event ON arguments (event_id)",
    "CREATE INDEX arguments_span ON arguments (span_id)",
    "CREATE INDEX arguments_filler_event ON arguments (filler_event_id)",
    """CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        author TEXT NOT NULL, text TEXT NOT NULL, created TEXT NOT NULL)""",
    "CREATE INDEX comments_document ON comments (document_id)",
)

def m002_rejected_suggestions(db: Database) -> None:
    """The suggestions an annotator rejected, so that they stay rejected after a restart."""
    db.execute(
        """CREATE TABLE rejected_suggestions (
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator, start, "end", label))"""
    )


def m003_relations_and_document_labels(db: Database) -> None:
    """Relations between two spans of a set, and labels of the whole document (issue 14); both
    belong to the annotation set and go with it (and a relation with either of its spans)."""
    for statement in (
        """CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            set_id TEXT NOT NULL REFERENCES annotation_sets (id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            from_span_id TEXT NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
            to_span_id TEXT NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
            attributes TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX relations_set ON relations (set_id)",
        "CREATE INDEX relations_from ON relations (from_span_id)",
        "CREATE INDEX relations_to ON relations (to_span_id)",
        """CREATE TABLE document_labels (
            set_id TEXT NOT NULL REFERENCES annotation_sets (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (set_id, field))""",
    ):
        db.execute(statement)


def m004_guidelines(db: Database) -> None:
    """The project's guidelines document, one row per version, and the version each annotation
    set's annotator saw when they last edited it (NULL: none, or edited before there was one)."""
    db.execute(
        """CREATE TABLE guidelines (
            version INTEGER PRIMARY KEY, text TEXT NOT NULL, sha256 TEXT NOT NULL,
            created TEXT NOT NULL)"""
    )
    db.execute("ALTER TABLE annotation_sets ADD COLUMN guidelines_version INTEGER")


def m005_recommenders(db: Database) -> None:
    """Trained recommender models (they travel in packages), and every annotation action with its
    time (throughput: what assistance saves)."""
    db.execute(
        """CREATE TABLE recommender_models (
            name TEXT PRIMARY KEY, model BLOB NOT NULL, documents INTEGER NOT NULL,
            trained TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE actions (
            id INTEGER PRIMARY KEY, annotator TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            action TEXT NOT NULL
                CHECK (action IN ('create', 'delete', 'relabel', 'accept', 'reject', 'done')),
            at REAL NOT NULL)"""
    )
    db.execute("CREATE INDEX actions_annotator ON actions (annotator, at)")


def m006_token_offsets(db: Database) -> None:
    """The tokens and sentence breaks of each document text, keyed by its sha256
    (``store.token_cache``)."""
    db.execute(
        """CREATE TABLE token_offsets (
            sha256 TEXT PRIMARY KEY, tokenizer TEXT NOT NULL, offsets BLOB NOT NULL,
            sentences BLOB NOT NULL)"""
    )


def m007_spans_by_label(db: Database) -> None:
    """The spans by label: ``stats`` counts them per label by walking this index (in label
    order, no sort); without it, grouping two million spans by label sorted them all (0.6 s of
    processor time). New spans of one label go to the end of that label's part of the index, so
    an import maintains it at little cost."""
    db.execute("CREATE INDEX spans_label ON spans (label)")


def m008_synced_revisions(db: Database) -> None:
    """Each set's revision as it was when a package last carried it to its annotator or brought
    it back (``store.packages``); NULL for a set never in a package. A merge then tells a set
    the annotator changed from one the project changed meanwhile: by revisions alone, a package
    whose set had fewer edits than the project's looked older, and its work was left out."""
    db.execute("ALTER TABLE annotation_sets ADD COLUMN synced_revision INTEGER")


def m009_package_lineage(db: Database) -> None:
    """With each set's synced revision, the id of the package it was carried in or brought back
    from, and the states of packages a merge has taken (``store.package_lineage``): two packages
    of one annotator, each worked on, are then told apart, where by revisions alone the work of
    one was left out or replaced the other's without a word, and a package merged again brings
    nothing it brought before. ``synced_package`` NULL: no package since this version."""
    db.execute("ALTER TABLE annotation_sets ADD COLUMN synced_package TEXT")
    db.execute(
        """CREATE TABLE merged_packages (
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL, package_id TEXT NOT NULL, revision INTEGER NOT NULL,
            PRIMARY KEY (annotator, package_id, document_id, revision))"""
    )


def m010_replaced_sets(db: Database) -> None:
    """The versions of sets a merge replaced although the project had changed them too, kept row
    for row to be put back (``store.replaced_sets``): before, the project's version was gone."""
    db.execute(
        """CREATE TABLE replaced_sets (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL, status TEXT NOT NULL, revision INTEGER NOT NULL,
            replaced TEXT NOT NULL, replaced_by TEXT NOT NULL, rows TEXT NOT NULL)"""
    )


MIGRATIONS: list[Migration] = [
    m001_initial,
    m002_rejected_suggestions,
    m003_relations_and_document_labels,
    m004_guidelines,
    m005_recommenders,
    m006_token_offsets,
    m007_spans_by_label,
    m008_synced_revisions,
    m009_package_lineage,
    m010_replaced_sets,
]


def format_version() -> int:
    """The format version this program writes: one per migration."""
    return len(MIGRATIONS)


def file_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _identity(conn: sqlite3.Connection) -> tuple[int, int, bool]:
    """The file's application id and format version, and whether it holds any table."""
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = file_version(conn)
    return application_id, version, conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def check_readable(conn: sqlite3.Connection, path: Path) -> int:
    """The file's format version, after refusing a file that is not ours or is too new."""
    try:
        try:
            application_id, version, has_tables = _identity(conn)
        except sqlite3.Error as error:
            if not left_half_written(error):
                raise
            undo_stopped_change(path)
            application_id, version, has_tables = _identity(conn)
    except (sqlite3.Error, UnicodeDecodeError) as error:
        # "file is not a database", a damaged schema (whose message may not even be UTF-8), or
        # a file another program holds
        if isinstance(error, sqlite3.Error) and is_locked(error):
            raise locked_error(path) from error
        raise not_a_project(path, str(error)) from error
    if application_id != APPLICATION_ID and (has_tables or version):
        raise not_a_project(path, "it is another SQLite database")
    if version > format_version():
        raise UnopenableProject(
            f"{path}: written by a newer version of Tawsim Workbench (file format {version}; "
            f"this version reads up to {format_version()}). Update the program to open it; "
            "the file was left untouched.",
            path,
            Unopenable.NEWER_VERSION,
        )
    return version


def not_a_project(path: Path, why: str) -> UnopenableProject:
    """The refusal of a file that is not a project (``why``: what it is instead)."""
    return UnopenableProject(one_line(f"{path}: not a Tawsim project file ({why})"), path, Unopenable.NOT_A_PROJECT)


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.stem}.format{version}-backup{path.suffix}")


def backup_before_update(path: Path) -> Path | None:
    """The backup that opening the project at ``path`` writes before bringing it to this
    version (``migrate``), which takes seconds for a large project; None when it writes none:
    the file is of this version, holds a backup already, is read-only, or is not a project
    that can be read (the opening says why). Read from the file's header alone: an SQLite
    connection, even a read-only one, leaves ``-wal`` and ``-shm`` files beside a project. (A
    header the write-ahead log has changed since may be behind: the opening then finds no
    backup to write.)"""
    try:
        with path.open("rb") as file:
            header = file.read(SQLITE_HEADER_BYTES)
    except OSError:
        return None
    if len(header) < SQLITE_HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        return None
    version = int.from_bytes(header[60:64], "big")  # PRAGMA user_version
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID or not 0 < version < format_version():
        return None
    backup = backup_path(path, version)
    return None if backup.exists() or not os.access(path, os.W_OK) else backup


SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_HEADER_BYTES = 100
"""An SQLite file's header: its magic string, and at bytes 60 and 68 the user version and the
application id (https://www.sqlite.org/fileformat.html)."""


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to the current format, after a backup when it already held a project."""
    version = check_readable(conn, path)
    if version == format_version():
        return
    if version > 0:
        backup = backup_path(path, version)
        if not backup.exists():
            _write_backup(conn, backup)
    run_migrations(conn, version)


def _write_backup(conn: sqlite3.Connection, backup: Path) -> None:
    """``VACUUM INTO`` a hidden name beside ``backup``, on the disk, then renamed to it: a run
    killed half-way (a large project takes seconds) left a half-written file under the backup's
    name, which the next opening took for the backup, and migrated without one."""
    partial = backup.with_name(f".{backup.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        conn.execute("VACUUM INTO ?", [str(partial)])
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        partial.replace(backup)
    finally:
        partial.unlink(missing_ok=True)


def migrated_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older file's rows copied into a temporary database and brought to this version there:
    what a read-only opening of an older file reads, so that every reader finds the tables it
    knows while the file itself is never written. ``conn`` is closed. The temporary database
    (SQLite's empty file name) lives in SQLite's page cache and a file of its own beyond it,
    deleted when closed: a copy in memory held the whole project, over a gigabyte at 100,000
    documents."""
    copy = sqlite3.connect("", isolation_level=None, check_same_thread=False)
    conn.backup(copy)
    conn.close()
    copy.execute("PRAGMA foreign_keys = ON")
    run_migrations(copy, file_version(copy))
    return copy


def run_migrations(conn: sqlite3.Connection, version: int) -> None:
    """The migrations after ``version``, each in its own transaction with its version number."""
    db = table_api(conn)
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with write_transaction(conn):
            migration(db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number}")
