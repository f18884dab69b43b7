"""Errors a user can act on.

Every error the program expects (bad input, a refused operation) is a ``WorkbenchError``: its
message is one line that names the file and the place. The command line prints it without a
traceback; the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

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
    """A project another program holds, so that it could not be written."""


class SchemaError(WorkbenchError):
    """A label schema that is not valid, or an annotation the schema does not allow."""


def one_line(message: str) -> str:
    """``message`` on one line: SQLite's reports (integrity, a damaged schema) run over several."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())
