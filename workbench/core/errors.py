"""Errors a user can act on.

Every error the program expects (bad input, a refused operation) is a ``WorkbenchError``: its
message is one line that names the file and the place. The command line prints it without a
traceback; the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Self


class WorkbenchError(Exception):
    """An error whose message is meant for the user."""


class Problem(str):
    """What is wrong, said in the command line's English (the string itself, as the command line
    and the logs show it), with the ``template`` it was made of and its ``values``, so that a
    window can say it in its own language. The values are the things of the file (a label, an
    id, a number, a line's text) or problems of their own, each said the same way; the English
    words are all in the templates."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Self:
        problem = super().__new__(cls, template.format(**values))
        problem.template = template
        problem.values = values
        return problem

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        """A copy (``copy``, ``pickle``) is made again of the template and the values: the
        English sentence is not a template."""
        return (self.template,), self.values


def problem_of(error: Exception) -> str:
    """The message of ``error``, as the ``Problem`` it was made of when it was one (a
    ``SchemaError`` met by an import becomes the import's problem)."""
    message = error.args[0] if len(error.args) == 1 else None
    return message if isinstance(message, Problem) else str(error)


class Cancelled(WorkbenchError):
    """The user cancelled the operation, or closed the window that wanted it; nothing of it
    was kept."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was changed")


@dataclass(frozen=True)
class Place:
    """Where in a file a problem is: a line (and its column), a byte, or a Label Studio task (by
    its index, with its id, the line it starts on and a result's id). ``str`` names it in the
    command line's words ("task 2 (id 7), line 3, result 'r1'"); a window words it its own way."""

    line: int | None = None
    column: int | None = None
    byte: int | None = None
    task: int | None = None
    task_id: object = None
    result_id: object = None

    def __str__(self) -> str:
        parts = []
        if self.task is not None:
            parts.append(f"task {self.task}" + (f" (id {self.task_id})" if self.task_id is not None else ""))
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.byte is not None:
            parts.append(f"byte {self.byte}")
        if self.result_id is not None:
            parts.append(f"result {self.result_id!r}")
        return ", ".join(parts)


class InputError(WorkbenchError):
    """A file that cannot be read as what it claims to be, and where (``where``) when a place
    in it is to blame."""

    def __init__(self, path: Path | str, problem: str, *, where: Place | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.where = where
        place = f"{self.path}, {where}" if where else str(self.path)
        super().__init__(f"{place}: {problem}")


class TextFault(StrEnum):
    """Why a file is not text the workbench reads (``core.text_io``)."""

    EMPTY = "empty"
    UTF32 = "UTF-32"
    ONLY_A_BOM = "a byte-order mark and no text"
    NOT_UTF8 = "not UTF-8"
    NOT_UTF16 = "not UTF-16"
    CONTROL = "a control character"
    """A NUL or another C0 control that text does not hold."""


class UnreadableText(InputError):
    """A file that is not text the workbench reads, and why (``fault``; for a control character,
    its code, ``U+0000``, in ``character``): said in the command line's words, which a window
    words its own way."""

    def __init__(
        self, path: Path | str, problem: str, fault: TextFault, *, where: Place | None = None, character: str = ""
    ) -> None:
        super().__init__(path, problem, where=where)
        self.fault = fault
        self.character = character


class Undetected(StrEnum):
    """What the files given to an import whose format is to be told look like, when that is not
    a format it reads by itself (``formats.detection``)."""

    UNKNOWN_SUFFIX = "unknown suffix"
    LOOKS_LIKE_CONLL = "looks like CoNLL"
    """A name of no known suffix, and lines of a token and its tags."""
    TSV_NOT_CONLL = "a .tsv file that is not CoNLL"
    DOCCANO_JSONL = "doccano JSONL"
    DOCCANO_JSON = "doccano's JSON export"
    LABEL_STUDIO_MIN = "Label Studio's JSON_MIN export"


class UndetectedFormat(InputError):
    """A file whose format the import does not tell by itself, and what it looks like
    (``reason``): said in the command line's words (the ``--format`` to give), which a window
    words its own way."""

    def __init__(self, path: Path | str, problem: str, reason: Undetected) -> None:
        super().__init__(path, problem)
        self.reason = reason


class MixedFormats(WorkbenchError):
    """Files of several formats given to one import: one file of each, by the format's name
    (``found``), said in the command line's words."""

    def __init__(self, message: str, found: Mapping[str, Path]) -> None:
        super().__init__(message)
        self.found = dict(found)


class UnknownLabel(InputError):
    """A label or event type of an imported file (``foreign``) that the project's schema does not
    have, said with the command line's ``--label-map``, which a window words its own way."""

    def __init__(self, path: Path | str, problem: str, *, foreign: str, where: Place | None) -> None:
        super().__init__(path, problem, where=where)
        self.foreign = foreign


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
