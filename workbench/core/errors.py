"""Errors a user can act on.

Every error the program expects (bad input, a refused operation) is a ``WorkbenchError``: its
message is one line that names the file and the place. The command line prints it without a
traceback; the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class WorkbenchError(Exception):
    """An error whose message is meant for the user."""


class Cancelled(WorkbenchError):
    """The user cancelled the operation, or closed the window that wanted it; nothing of it
    was kept."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was changed")


class InputError(WorkbenchError):
    """A file that cannot be read as what it claims to be."""

    def __init__(self, path: Path | str, problem: str, *, where: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.where = where
        place = f"{self.path}, {where}" if where else str(self.path)
        super().__init__(f"{place}: {problem}")


class ProjectError(WorkbenchError):
    """A project file that cannot be opened or changed as asked."""


class ProjectLocked(ProjectError):
    """A project another program holds, so that it could not be written: said in the command
    line's words, which a window words its own way from ``path`` and whether the refusal
    ``waited`` for the other program."""

    def __init__(self, message: str, path: Path | str, *, waited: bool) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.waited = waited


class Unopenable(StrEnum):
    """Why a file cannot be opened as a project at all."""

    NO_FILE = "no file"
    NOT_A_PROJECT = "not a project"
    NEWER_VERSION = "newer version"
    READ_ONLY = "read-only"
    """To be changed, on read-only media or in a folder the user cannot write to."""


class UnopenableProject(ProjectError):
    """A file that cannot be opened as a project, and why (``reason``): said in the command
    line's words, which a window words its own way from ``path`` and ``reason``."""

    def __init__(self, message: str, path: Path | str, reason: Unopenable) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.reason = reason


class SchemaError(WorkbenchError):
    """A label schema that is not valid, or an annotation the schema does not allow."""


def one_line(message: str) -> str:
    """``message`` on one line: SQLite's reports (integrity, a damaged schema) run over several."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())
