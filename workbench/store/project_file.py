"""Making a new project file and opening an existing one, refusing what is not one."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from workbench import __version__
from workbench.core.child_process import importing_the_main_script
from workbench.core.errors import ProjectError, ProjectLocked, Unopenable, UnopenableProject
from workbench.core.model import new_id
from workbench.core.schema import Schema
from workbench.store.clock import now
from workbench.store.connection import (
    SIDE_FILE_SUFFIXES,
    connect,
    locked_error,
    on_read_only_media,
    side_file,
    table,
    wait_as_usual,
    write_transaction,
)
from workbench.store.migrations import check_readable, format_version, migrate, migrated_copy, not_a_project


def create_project_file(path: Path, schema: Schema) -> None:
    """A new, empty project file holding ``schema``; refuses to overwrite an existing file.

    The file is built under a hidden name in the same folder and renamed once complete, so a
    failure (a full disk, a kill) leaves no file that looks like a project.
    """
    _refuse_in_a_rerun_script(path)
    if path.exists():
        raise _exists_already(path)
    if not path.parent.is_dir():
        raise ProjectError(f"{path.parent}: no such folder")
    partial = path.with_name(f".{path.name}.{new_id()[:8]}.creating")
    try:
        try:
            _build_project_file(partial, schema)
        except (sqlite3.Error, OSError, ProjectError) as error:
            cause = error.__cause__ if isinstance(error, ProjectError) else error
            raise ProjectError(f"{path}: cannot create the project: {cause or error}") from error
        _move_into_place(partial, path)
    finally:
        for leftover in (partial, *(side_file(partial, suffix) for suffix in SIDE_FILE_SUFFIXES)):
            leftover.unlink(missing_ok=True)


def open_connection(path: Path, *, readonly: bool, wait: bool = True) -> sqlite3.Connection:
    """A connection to the project file at ``path``, migrated to this version; read-only, an older
    file is read through a migrated copy in memory and never written. Without ``wait``, a
    project another program is changing is refused at once rather than after
    ``BUSY_TIMEOUT_MS`` (the window opens projects on its own thread); the connection then
    waits as any other (``wait_as_usual``)."""
    try:
        conn = _opened(path, readonly=readonly, wait=wait)
    except ProjectLocked as error:
        if wait:
            raise
        raise locked_error(path, waited=False) from error
    wait_as_usual(conn)
    return conn


def _opened(path: Path, *, readonly: bool, wait: bool) -> sqlite3.Connection:
    _refuse_in_a_rerun_script(path)
    if not path.is_file():
        raise UnopenableProject(f"{path}: no such project file", path, Unopenable.NO_FILE)
    probe = connect(path, readonly=True, wait=wait)
    try:
        version = check_readable(probe, path)
        if version == 0:
            raise not_a_project(path, "it is empty")
    finally:
        probe.close()
    if not readonly and on_read_only_media(path):
        raise UnopenableProject(
            f"{path}: the project is on read-only media or in a folder you cannot write to; "
            "copy it to a writable folder to change it",
            path,
            Unopenable.READ_ONLY,
        )
    conn = connect(path, readonly=readonly, wait=wait)
    if not readonly:
        migrate(conn, path)
    elif version < format_version():
        conn = migrated_copy(conn)
    return conn


def _refuse_in_a_rerun_script(path: Path) -> None:
    """No project is opened or made by a script's top level run again in a second process
    (``core.child_process.importing_the_main_script``): the script's own process does the work.
    That process ends there, saying why in one line (``SystemExit``: not a traceback, and not
    an error the script's own ``except`` could take and run on)."""
    if importing_the_main_script():
        main = getattr(sys.modules.get("__mp_main__"), "__file__", None) or "the main script"
        raise SystemExit(
            f"{path}: {main} opens the project at its top level, which a second process of the "
            'program runs again as it starts; put that work under if __name__ == "__main__":'
        )


def _insert_schema(conn: sqlite3.Connection, schema: Schema) -> None:
    table(conn, "label_schemas").insert(
        {
            "schema_id": schema.id,
            "version": schema.version,
            "definition": schema.to_json(),
            "created": now(),
        }
    )


def _build_project_file(path: Path, schema: Schema) -> None:
    """Write a complete project file at ``path``: its tables, its identity and ``schema``.

    It is left in rollback-journal mode, so that the one file holds everything once closed.
    """
    conn = connect(path)
    try:
        migrate(conn, path)
        with write_transaction(conn):
            table(conn, "meta").insert_all(
                [
                    {"key": "project_id", "value": new_id()},
                    {"key": "created", "value": now()},
                    {"key": "created_with", "value": __version__},
                ]
            )
            _insert_schema(conn, schema)
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise ProjectError(f"{path}: the new file could not be completed (journal {mode})")
    finally:
        conn.close()


def _move_into_place(partial: Path, path: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(partial, path)
    except FileExistsError:
        raise _exists_already(path) from None
    except OSError:  # a file system without hard links (FAT, some network shares)
        if path.exists():
            raise _exists_already(path) from None
        partial.rename(path)


def _exists_already(path: Path) -> ProjectError:
    return ProjectError(f"{path}: a file of that name exists already; choose another name")
