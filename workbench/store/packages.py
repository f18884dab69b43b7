"""Handing work out and bringing it back: assignments, annotator packages, merging.

A package is an ordinary project file holding the schema, the documents assigned to one annotator
and that annotator's annotation sets, under the lead project's id. Merging a package replaces each
of the lead's sets with the package's version when the package's revision is newer, so merging the
same package twice changes nothing. A package is someone else's file: it is opened read-only and
validated as a whole before anything of it is merged.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import ProjectError, SchemaError, WorkbenchError
from workbench.core.model import GOLD
from workbench.store.connection import write_transaction
from workbench.store.inspection import project_problems
from workbench.store.migrations import file_version, format_version
from workbench.store.project import Project

PACKAGE_ANNOTATOR_KEY = "package_annotator"

Progress = Callable[[int, int], None]


def _ignore_progress(done: int, total: int) -> None:
    """Progress is not shown."""


def choose_documents(
    project: Project,
    names_or_ids: Sequence[str] = (),
    *,
    every: bool = False,
    sample: int | None = None,
    seed: int = 0,
) -> list[str]:
    """Document ids: those named (by id or name), all of them, or a reproducible random sample."""
    documents = project.documents()
    if every:
        return [d.id for d in documents]
    if sample is not None:
        if not 0 < sample <= len(documents):
            raise WorkbenchError(f"cannot sample {sample} of the project's {len(documents)} documents")
        return sorted(
            (d.id for d in random.Random(seed).sample(documents, sample)),
            key=[d.id for d in documents].index,
        )
    by_key = {d.id: d.id for d in documents} | {d.name: d.id for d in documents}
    unknown = [key for key in names_or_ids if key not in by_key]
    if unknown:
        raise WorkbenchError(f"{project.path}: no document named or numbered {unknown[0]!r}")
    if not names_or_ids:
        raise WorkbenchError("name the documents, or give --all or --sample N")
    return [by_key[key] for key in names_or_ids]


def assign(project: Project, annotator: str, document_ids: Sequence[str]) -> int:
    """Give documents to an annotator (a new, empty set each); returns how many were new to them."""
    if annotator == GOLD:
        raise WorkbenchError(f"{GOLD!r} is the adjudicated layer, not an annotator")
    project.require_writable()
    with write_transaction(project.conn):
        before = project.conn.execute(
            "SELECT count(*) FROM annotation_sets WHERE annotator = ?", [annotator]
        ).fetchone()[0]
        for document_id in document_ids:
            project.set_id(document_id, annotator, create=True)
        after = project.conn.execute(
            "SELECT count(*) FROM annotation_sets WHERE annotator = ?", [annotator]
        ).fetchone()[0]
    return int(after - before)


def assigned_documents(project: Project, annotator: str) -> list[str]:
    return [
        row[0]
        for row in project.conn.execute(
            "SELECT a.document_id FROM annotation_sets a JOIN documents d ON a.document_id = d.id "
            "WHERE a.annotator = ? ORDER BY d.ord",
            [annotator],
        )
    ]


def write_package(project: Project, annotator: str, out: Path) -> int:
    """Write ``annotator``'s documents and sets to a new project file; returns the document count."""
    document_ids = assigned_documents(project, annotator)
    if not document_ids:
        raise WorkbenchError(f"nothing is assigned to {annotator!r} in {project.path}")
    if out.exists():
        raise ProjectError(f"{out}: a file of that name exists already; choose another name")
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with Project.create(partial, project.schema) as package:
            with write_transaction(package.conn):
                package.db["meta"].upsert({"key": "project_id", "value": project.project_id}, pk="key")
                package.db["meta"].insert({"key": PACKAGE_ANNOTATOR_KEY, "value": annotator})
            package.add_documents(
                project.annotated_document(document_id, annotator) for document_id in document_ids
            )
        partial.rename(out)
    finally:
        partial.unlink(missing_ok=True)
    return len(document_ids)


def package_annotator(project: Project) -> str | None:
    """The annotator a package was written for, or None for a lead's project."""
    return project.meta(PACKAGE_ANNOTATOR_KEY)


@dataclass
class MergeSummary:
    replaced: int = 0
    """Sets taken from the packages because they were newer."""
    unchanged: int = 0
    """Sets the project already had at the same or a newer revision."""
    packages: list[str] = field(default_factory=list)


def merge_packages(
    project: Project, package_paths: Sequence[Path], progress: Progress = _ignore_progress
) -> MergeSummary:
    """Merge annotators' packages; when any of them is refused, nothing of any is merged.

    Every package is validated first (opened read-only). Then each is attached read-only and its
    newer sets are copied in one transaction, in SQL: rows, not objects, travel.
    """
    project.require_writable()
    paths = [Path(path) for path in package_paths]
    for path in paths:
        validate_package(project, path)
    summary = MergeSummary()
    for done, path in enumerate(paths, start=1):
        replaced, unchanged = _copy_newer_sets(project, path)
        summary.replaced += replaced
        summary.unchanged += unchanged
        summary.packages.append(str(path))
        progress(done, len(paths))
    return summary


def validate_package(project: Project, path: Path) -> None:
    """Refuse a package that is not of this project, not sound, or not within its schema."""
    with Project.open(path, readonly=True) as package:
        if package.project_id != project.project_id:
            raise ProjectError(
                f"{path}: this package belongs to another project (its project id is "
                f"{package.project_id}, this project's is {project.project_id}); nothing was merged"
            )
        if file_version(package.conn) != format_version():
            raise ProjectError(
                f"{path}: written by an older version of Tawsim Workbench; open it once with this "
                "version (which updates it), then merge it; nothing was merged"
            )
        _check_documents(project, package, path)
        problems = project_problems(package)
        if problems:
            raise ProjectError(f"{path}: {problems[0]}; nothing was merged")
        _check_labels(project, package, path)


def _check_documents(project: Project, package: Project, path: Path) -> None:
    texts = dict(project.conn.execute("SELECT id, sha256 FROM documents"))
    for document in package.documents():
        if texts.get(document.id) != document.sha256:
            problem = "is not in this project" if document.id not in texts else "has another text here"
            raise ProjectError(
                f"{path}: document {document.name!r} ({document.id}) {problem}; nothing was merged"
            )


def _check_labels(project: Project, package: Project, path: Path) -> None:
    schema = project.schema
    for (label,) in package.conn.execute("SELECT DISTINCT label FROM spans"):
        if not (schema.has_entity(label) or schema.has_event(label)):
            raise SchemaError(
                f"{path}: spans labelled {label!r}, which this project's schema {schema.id!r} "
                "does not define; nothing was merged"
            )
    for (event_type,) in package.conn.execute("SELECT DISTINCT type FROM events"):
        if not schema.has_event(event_type):
            raise SchemaError(
                f"{path}: events of the type {event_type!r}, which this project's schema "
                f"{schema.id!r} does not define; nothing was merged"
            )


_NEWER_SETS = """
    CREATE TEMP TABLE newer_sets AS
    SELECT p.* FROM package.annotation_sets p
    LEFT JOIN main.annotation_sets m ON m.document_id = p.document_id AND m.annotator = p.annotator
    WHERE m.id IS NULL OR p.revision > m.revision"""

_COPY_NEWER_SETS = (
    """DELETE FROM main.annotation_sets WHERE id IN (
           SELECT m.id FROM main.annotation_sets m JOIN temp.newer_sets n
           ON m.document_id = n.document_id AND m.annotator = n.annotator)""",
    """INSERT OR IGNORE INTO main.annotators (name, created)
           SELECT name, created FROM package.annotators
           WHERE name IN (SELECT annotator FROM temp.newer_sets)""",
    "INSERT INTO main.annotation_sets SELECT * FROM temp.newer_sets",
    """INSERT INTO main.spans SELECT s.* FROM package.spans s
           WHERE s.set_id IN (SELECT id FROM temp.newer_sets)""",
    """INSERT INTO main.events SELECT e.* FROM package.events e
           WHERE e.set_id IN (SELECT id FROM temp.newer_sets)""",
    """INSERT INTO main.arguments (event_id, role, span_id, filler_event_id, ord)
           SELECT a.event_id, a.role, a.span_id, a.filler_event_id, a.ord FROM package.arguments a
           JOIN package.events e ON a.event_id = e.id
           WHERE e.set_id IN (SELECT id FROM temp.newer_sets)""",
)


def _copy_newer_sets(project: Project, path: Path) -> tuple[int, int]:
    """Copy the package's newer sets into the project; returns (replaced, unchanged) counts."""
    conn = project.conn
    conn.execute("ATTACH DATABASE ? AS package", [f"{path.resolve().as_uri()}?mode=ro"])
    try:
        with write_transaction(conn):
            conn.execute(_NEWER_SETS)
            replaced = conn.execute("SELECT count(*) FROM temp.newer_sets").fetchone()[0]
            total = conn.execute("SELECT count(*) FROM package.annotation_sets").fetchone()[0]
            try:
                for statement in _COPY_NEWER_SETS:
                    conn.execute(statement)
            except sqlite3.IntegrityError as error:
                raise ProjectError(
                    f"{path}: its annotations collide with this project's ({error}); "
                    "nothing of it was merged"
                ) from error
            conn.execute("DROP TABLE temp.newer_sets")
    finally:
        conn.execute("DETACH DATABASE package")
    return int(replaced), int(total - replaced)
