"""What the command line shows on the terminal: progress, warnings, one-line errors."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.progress import Progress

if TYPE_CHECKING:
    from workbench.app.project import Project

EXIT_ERROR = 1


def progress_bar(what: str) -> Progress:
    """A one-line progress counter on stderr when it is a terminal; silent otherwise."""
    if sys.stderr is None or not sys.stderr.isatty():  # None in a windowed Windows app
        return lambda done, total: None

    def show(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            of = f"/{total}" if total else ""
            print(f"\r{what} {done}{of}", end="" if done != total else "\n", file=sys.stderr)

    return show


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun`` in agreement: "1 document", "2 documents", "0 events"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def warn(lines: Sequence[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)


def fail(message: str) -> int:
    """One line on stderr: a line break in the message (a file name may hold one) is shown escaped."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"workbench: error: {one_line}", file=sys.stderr)
    return EXIT_ERROR


def printable_output() -> None:
    """Let stdout and stderr print any text: a file name that is not UTF-8 (held as lone
    surrogates) or a character the console's encoding lacks is escaped, not a crash after the
    work is done."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def open_project(path: Path, *, readonly: bool = False) -> Project:
    """The project a command names, open; a wait for another program that is changing it is
    said on stderr before it begins."""
    from workbench.app.project import Project

    def say_waiting(seconds: int) -> None:
        print(
            f"workbench: {path}: another program is changing the project (an import, say); "
            f"waiting up to {seconds} s for it to finish",
            file=sys.stderr,
            flush=True,
        )

    return Project.open_telling_waits(Path(path), say_waiting, readonly=readonly)


def open_project_keeping_tokens(path: Path) -> Project:
    """The project a command that only reads names (an export, the agreement), open to write
    where it can be, so that the tokens it cuts are kept for every later one
    (``store.token_cache``); read-only on read-only media."""
    from workbench.app.project import on_read_only_media

    return open_project(path, readonly=on_read_only_media(Path(path)))


@contextmanager
def update_noted(project: Path | None) -> Iterator[None]:
    """Say on stderr when the command, opening ``project`` to write, brought it to this version's
    file format: the file as it was is kept beside it, and the user should know where. A command
    that only reads a project of an earlier version reads a copy brought forward in memory, and
    writes nothing."""
    from workbench.app.project import backup_before_update

    backup = None if project is None else backup_before_update(Path(project))
    try:
        yield
    finally:
        if backup is not None and backup.exists():
            print(
                f"workbench: {project} now has this version's file format; "
                f"the file as it was is kept as {backup}",
                file=sys.stderr,
            )
