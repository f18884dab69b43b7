"""Importing files into a project: all of one import, or nothing of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from workbench.app.progress import counted
from workbench.formats import importer
from workbench.formats.base import ImportOptions, Progress, no_progress
from workbench.store.project import ImportSummary, Project

FORMAT_BY_SUFFIX = {".txt": "txt", ".jsonl": "jsonl"}


def detect_format(paths: Sequence[Path]) -> str:
    """The format named by the files' suffix; a folder counts as plain text files."""
    suffixes = {".txt" if p.is_dir() else p.suffix.lower() for p in paths}
    formats = {FORMAT_BY_SUFFIX.get(s) for s in suffixes}
    if len(formats) == 1 and None not in formats:
        return formats.pop()  # type: ignore[return-value]
    known = ", ".join(sorted(FORMAT_BY_SUFFIX))
    raise ValueError(f"cannot tell the format from the file names (known: {known}); give --format")


def import_paths(
    project: Project,
    paths: Sequence[Path],
    *,
    format_name: str = "auto",
    annotator: str | None = None,
    label_map: dict[str, str] | None = None,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportSummary:
    """Read ``paths`` in ``format_name`` and add what they hold to the project in one transaction."""
    name = detect_format(paths) if format_name == "auto" else format_name
    read = importer(name)
    options = ImportOptions(schema=project.schema, annotator=annotator, label_map=label_map or {})
    documents = counted(read(paths, options), progress, cancelled=cancelled)
    return project.add_documents(documents)
