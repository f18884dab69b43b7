"""Handing work out and bringing it back, as the window and the command line do it: choosing
documents, assigning them, writing an annotator's package, merging packages.

The project file's side of each (one transaction, the package read as untrusted input) is
``workbench.store.packages``; this module adds what a use case decides: which documents, where an
output may go, and a merge the window can cancel while the packages are checked.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

from workbench.app.document_list import document_names
from workbench.app.output_paths import check_output_path
from workbench.core.errors import Cancelled, Problem, WorkbenchError
from workbench.core.progress import Progress, no_progress
from workbench.store import packages
from workbench.store.packages import (
    MergeSummary,
    assign,
    assigned_documents,
    assignment_statuses,
    merge_packages,
    package_annotator,
    validate_package,
)
from workbench.store.project import Project
from workbench.store.replaced_sets import RESTORE, ReplacedSet, replaced_sets, restore_replaced

__all__ = [
    "RESTORE",
    "MergeSummary",
    "ReplacedSet",
    "assign",
    "assigned_documents",
    "assignment_statuses",
    "checked_merge",
    "choose_documents",
    "first_names",
    "merge_packages",
    "package_annotator",
    "replaced_versions",
    "restore_version",
    "validate_package",
    "write_package",
]


NAMES_SHOWN = 10
"""How many documents a merge's summary names of those changed on both sides."""


def first_names(names: Sequence[str], most: int = NAMES_SHOWN) -> str:
    """Up to ``most`` of ``names``, comma-separated, and "…" after them when there are more."""
    return ", ".join([*names[:most], "…"] if len(names) > most else names)


def replaced_versions(project: Project) -> list[ReplacedSet]:
    """The versions of sets merges replaced although the project had changed them too."""
    return replaced_sets(project.conn)


def restore_version(project: Project, replaced_id: str) -> ReplacedSet:
    """Put a replaced version back in place of its set, keeping the one it replaces."""
    with project.writing() as conn:
        return restore_replaced(conn, replaced_id)


def choose_documents(
    project: Project,
    names_or_ids: Sequence[str] = (),
    *,
    every: bool = False,
    sample: int | None = None,
    seed: int = 0,
) -> list[str]:
    """Document ids: those named (by id or name), all of them, or a reproducible random sample."""
    documents = document_names(project)  # (id, name) in project order; no text read
    if every:
        return [i for i, _ in documents]
    if sample is not None:
        if not 0 < sample <= len(documents):
            raise WorkbenchError(
                Problem(
                    "cannot sample {count} of the project's {total} documents", count=sample, total=len(documents)
                )
            )
        position = {i: number for number, (i, _) in enumerate(documents)}
        return sorted((i for i, _ in random.Random(seed).sample(documents, sample)), key=position.__getitem__)
    by_key = {i: i for i, _ in documents} | {name: i for i, name in documents}
    unknown = [key for key in names_or_ids if key not in by_key]
    if unknown:
        raise WorkbenchError(
            Problem("{path}: no document named or numbered {key!r}", path=project.path, key=unknown[0])
        )
    if not names_or_ids:
        raise WorkbenchError("name the documents, or give --all or --sample N")
    return [by_key[key] for key in names_or_ids]


def write_package(project: Project, annotator: str, out: Path) -> int:
    """Write ``annotator``'s package to ``out``, which may not be an input (a project or any
    SQLite file); returns the document count."""
    check_output_path(out, project.path)
    return packages.write_package(project, annotator, out)


def checked_merge(
    project: Project,
    paths: Sequence[Path],
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
) -> MergeSummary:
    """Validate every package (cancellable), then merge them all in one transaction, which
    cannot be stopped half-way. Progress counts each package twice: once validated, once merged."""
    total = 2 * len(paths)
    for done, path in enumerate(paths, start=1):
        if cancelled():
            raise Cancelled()
        validate_package(project, path)
        progress(done, total)
    if cancelled():
        raise Cancelled()
    return merge_packages(project, paths, lambda done, _: progress(len(paths) + done, total))
