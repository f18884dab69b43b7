"""Where an output may go: never onto a project or anything of it.

An export, an agreement report or a package is refused, before anything is written, when its
``OUT`` is

- the project itself (the same file by any path: a link, another letter case, another Unicode
  normalization of the name), or one of its SQLite side files (``-wal``, ``-shm``, ``-journal``),
  which would corrupt or lose it;
- any SQLite database (another project, a package): its header is ``SQLite format 3\\0``;
- a folder holding the project, or an earlier export's folder holding any SQLite database, since
  a folder export replaces ``OUT`` whole (any other folder that is not empty is refused by
  ``export_folder`` without being searched).

Names are compared as a case-insensitive file system would (Windows and macOS by default), so a
name that differs from the project's only in case is refused on Linux too: the cost is a refusal
of an unusual name, never a lost project.
"""

from __future__ import annotations

import os
import unicodedata
from enum import StrEnum
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.formats.base import EXPORT_MARK
from workbench.formats.exporting import write_text_file
from workbench.store.connection import SIDE_FILE_SUFFIXES, side_file

SQLITE_HEADER = b"SQLite format 3\x00"


class Refusal(StrEnum):
    """What an output path refused would have overwritten."""

    THE_PROJECT = "the project"
    A_SIDE_FILE = "a side file of the project"
    A_DATABASE = "a database"
    HOLDS_THE_PROJECT = "a folder holding the project"
    HOLDS_A_DATABASE = "a folder holding a database"


class OutputPathError(WorkbenchError):
    """An output path that would overwrite a project or a database: said in the command line's
    words (``why``), which a window words its own way from ``out`` and ``refusal``."""

    def __init__(self, out: Path, why: str, refusal: Refusal) -> None:
        self.out, self.refusal = out, refusal
        super().__init__(f"{out}: refused as an output: {why}; choose another path")


def check_output_path(out: Path, project: Path) -> None:
    """Refuse ``out`` as an output of ``project`` (module docstring); nothing is written."""
    if _same_file(out, project):
        raise OutputPathError(out, f"it is the project {project}", Refusal.THE_PROJECT)
    for suffix in SIDE_FILE_SUFFIXES:
        if _same_file(out, side_file(project, suffix)):
            why = f"it is the SQLite {suffix[1:]} file of the project {project}"
            raise OutputPathError(out, why, Refusal.A_SIDE_FILE)
    if out.is_file() and is_sqlite_file(out):
        raise OutputPathError(out, "it is a SQLite database (a project or a package)", Refusal.A_DATABASE)
    if out.is_dir():
        _check_folder(out, project)


def write_output_text(out: Path, text: str, project: Path) -> None:
    """Write a report of ``project`` to ``out`` whole (``write_text_file``), once it is allowed."""
    check_output_path(out, project)
    write_text_file(out, text)


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _check_folder(out: Path, project: Path) -> None:
    if _folded(project).startswith(_folded(out).rstrip(os.sep) + os.sep):
        raise OutputPathError(out, f"the folder holds the project {project}", Refusal.HOLDS_THE_PROJECT)
    if not (out / EXPORT_MARK).is_file():
        return  # an export refuses to replace a folder it did not write (``export_folder``)
    for folder, _, files in os.walk(out):
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink() and is_sqlite_file(path):
                raise OutputPathError(out, f"the folder holds the SQLite database {path}", Refusal.HOLDS_A_DATABASE)


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are, or would be, one file."""
    try:
        return a.samefile(b)
    except OSError:  # one of them does not exist (yet): compare the names
        return _folded(a) == _folded(b)


def _folded(path: Path) -> str:
    """The absolute path with links resolved, as a case-insensitive, normalizing file system
    compares it."""
    return unicodedata.normalize("NFC", str(path.resolve()).casefold())
