"""The project's guidelines document, as the command line and the window use it: set it from a
Markdown file, read it, write it out, search it (the panel's search; no Qt here).

The store keeps every version (``workbench.store.guidelines``); setting the same text again makes
no new version. A package's guidelines are the lead's: they cannot be set in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.app.output_paths import write_output_text
from workbench.core.errors import InputError, Problem, WorkbenchError
from workbench.core.text_io import read_text_file
from workbench.store.connection import write_transaction
from workbench.store.guidelines import GuidelinesVersion, add_guidelines, current_guidelines
from workbench.store.packages import package_annotator
from workbench.store.project import Project

MAX_GUIDELINES_BYTES = 5_000_000
"""A guidelines document is a few pages; a bigger file is not one."""

__all__ = [
    "GuidelinesVersion",
    "Match",
    "project_guidelines",
    "required_guidelines",
    "search_guidelines",
    "set_guidelines",
    "write_guidelines",
]


def project_guidelines(project: Project) -> GuidelinesVersion | None:
    """The current guidelines, or None when none were set."""
    return current_guidelines(project.conn)


def set_guidelines(project: Project, path: Path) -> GuidelinesVersion:
    """Store the Markdown file at ``path`` as the project's guidelines (a new version unless it
    is the current text); one-line errors name the file."""
    project.require_writable()
    annotator = package_annotator(project)
    if annotator is not None:
        raise WorkbenchError(
            f"{project.path} is {annotator!r}'s package: its guidelines are the lead's; set them "
            "in the lead's project and write the package again"
        )
    if path.is_file() and path.stat().st_size > MAX_GUIDELINES_BYTES:
        raise InputError(path, Problem("the file is over {megabytes} MB", megabytes=MAX_GUIDELINES_BYTES // 1_000_000))
    text = read_text_file(path)
    if not text.strip():
        raise InputError(path, Problem("the file is empty; a guidelines document holds text"))
    with write_transaction(project.conn):
        return add_guidelines(project.conn, text)


def write_guidelines(project: Project, out: Path) -> GuidelinesVersion:
    """Write the current guidelines to ``out``, which may not be the project or another SQLite
    file (``output_paths``)."""
    current = required_guidelines(project)
    write_output_text(out, current.text, project.path)
    return current


def required_guidelines(project: Project) -> GuidelinesVersion:
    """The current guidelines; a one-line error when the project has none."""
    current = project_guidelines(project)
    if current is None:
        raise WorkbenchError(
            f"{project.path} has no guidelines; set them with "
            "`workbench guidelines PROJECT FILE.md`"
        )
    return current


@dataclass(frozen=True)
class Match:
    line: int
    """Numbered from 1."""
    text: str


def search_guidelines(text: str, query: str) -> list[Match]:
    """The lines of ``text`` holding ``query``, ignoring case (the panel's search)."""
    needle = query.casefold().strip()
    if not needle:
        return []
    return [
        Match(number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if needle in line.casefold()
    ]
