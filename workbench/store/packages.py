"""Handing work out and bringing it back: assignments, annotator packages, merging.

A package is an ordinary project file holding the schema, the documents assigned to one annotator
and that annotator's annotation sets, under the lead project's id. Merging a package replaces each
of the lead's sets with the package's version when the annotator changed it since it was carried
(the lead's ``synced_revision``, kept as a package is written and as a merge brings a set back),
so merging the same package twice changes nothing; a set the lead's project changed meanwhile too
is taken all the same, its document named (``MergeSummary.changed_on_both_sides``) and the
project's version kept (``workbench.store.replaced_sets``). A package is someone else's file: it
is read as untrusted input (``workbench.store.package_reading``), and brings back only its own
annotator's sets. The packages of one merge go in one transaction: all of them, or nothing of any.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import Problem, ProjectError, WorkbenchError
from workbench.core.model import GOLD, SUGGESTIONS, AnnotatedDocument, Status, new_id
from workbench.core.progress import Progress, no_progress
from workbench.store import rows
from workbench.store.bulk_import import insert_rows
from workbench.store.clock import now
from workbench.store.connection import table, write_transaction
from workbench.store.guidelines import copy_guidelines
from workbench.store.package_reading import (
    PACKAGE_ANNOTATOR_KEY,
    PACKAGE_ID_KEY,
    PACKAGE_SEAL_KEY,
    PACKAGE_SECRET_KEY,
    MergeableSet,
    PackageFile,
    package_seal,
    refusals,
)
from workbench.store.project import Project
from workbench.store.recommending import copy_models
from workbench.store.relations import document_label_rows, relation_row
from workbench.store.replaced_sets import keep_replaced_sets


def assign(project: Project, annotator: str, document_ids: Sequence[str]) -> int:
    """Give documents to an annotator (a new, empty set each); returns how many were new to them."""
    if annotator == GOLD:
        raise WorkbenchError(Problem("{name!r} is the adjudicated layer, not an annotator", name=GOLD))
    if annotator == SUGGESTIONS:
        raise WorkbenchError(Problem("{name!r} is the recommenders' layer, not an annotator", name=SUGGESTIONS))
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


def assignment_statuses(
    project: Project, document_ids: Sequence[str]
) -> dict[tuple[str, str], Status]:
    """The status of each assignment of these documents, by (document id, annotator): what a
    page of the assignment table shows (gold and the suggestions are no assignments)."""
    assignments = project.conn.execute(
        f"SELECT document_id, annotator, coalesce(status, 'new') FROM annotation_sets "
        f"WHERE document_id IN ({rows.marks(document_ids)}) AND annotator NOT IN (?, ?)",
        [*document_ids, GOLD, SUGGESTIONS],
    )
    return {(document_id, annotator): Status(status) for document_id, annotator, status in assignments}


def write_package(project: Project, annotator: str, out: Path) -> int:
    """Write ``annotator``'s documents and sets to a new project file; returns the document count."""
    project.require_writable()  # it keeps the revisions the package carries (_mark_synced)
    document_ids = assigned_documents(project, annotator)
    if not document_ids:
        raise WorkbenchError(
            Problem("nothing is assigned to {annotator!r} in {path}", annotator=annotator, path=project.path)
        )
    if out.exists():
        raise ProjectError(Problem("{path}: a file of that name exists already; choose another name", path=out))
    seal = package_seal(_package_secret(project), annotator)
    package_id = new_id()
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with Project.create(partial, project.schema) as package:
            with write_transaction(package.conn):
                meta = table(package.conn, "meta")
                meta.upsert({"key": "project_id", "value": project.project_id}, pk="key")
                meta.insert({"key": PACKAGE_ANNOTATOR_KEY, "value": annotator})
                meta.insert({"key": PACKAGE_SEAL_KEY, "value": seal})
                meta.insert({"key": PACKAGE_ID_KEY, "value": package_id})
                copy_guidelines(project.conn, package.conn)
            carried: list[tuple[int, str]] = []
            package.add_documents(
                _carried(project.annotated_document(document_id, annotator), carried)
                for document_id in document_ids
            )
            with write_transaction(package.conn):  # each copy keeps the revision it was carried at
                package.conn.execute("UPDATE annotation_sets SET synced_revision = revision")
            copy_models(project, package)
        with write_transaction(project.conn):  # refused (the project locked): no package
            _mark_synced(project, annotator, carried, package_id)
            partial.rename(out)  # failed: the revisions are not kept either
    finally:
        partial.unlink(missing_ok=True)
    return len(document_ids)


def _carried(annotated: AnnotatedDocument, carried: list[tuple[int, str]]) -> AnnotatedDocument:
    """``annotated``, its set's revision kept in ``carried`` with its document's id."""
    carried.extend((annotation_set.revision, annotated.document.id) for annotation_set in annotated.sets)
    return annotated


def _mark_synced(
    project: Project, annotator: str, carried: Sequence[tuple[int, str]], package_id: str
) -> None:
    """Remember the revision of each set a package carried and the package (``synced_revision``,
    ``synced_package``): a change of the project's set after it is the project's own, which a
    merge reports when the package's set changed too (``package_lineage``). In the transaction
    that puts the package in its place, so that the project never counts as carried what no
    package holds: a merge of an older package would then take the project's changes made since
    it for the annotator's and replace them."""
    project.conn.executemany(
        "UPDATE annotation_sets SET synced_revision = ?, synced_package = ? "
        "WHERE document_id = ? AND annotator = ?",
        [(revision, package_id, document_id, annotator) for revision, document_id in carried],
    )


def _package_secret(project: Project) -> str:
    """The key the project seals its packages with, made when it writes its first package."""
    secret = project.meta(PACKAGE_SECRET_KEY)
    if secret is None:
        project.require_writable()
        with write_transaction(project.conn):
            project.conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                [PACKAGE_SECRET_KEY, secrets.token_hex(32)],
            )
        secret = str(project.meta(PACKAGE_SECRET_KEY))
    return secret


def package_annotator(project: Project) -> str | None:
    """The annotator a package was written for, or None for a lead's project."""
    return project.meta(PACKAGE_ANNOTATOR_KEY)


@dataclass
class MergeSummary:
    replaced: int = 0
    """Sets taken from the packages because their annotator changed them."""
    unchanged: int = 0
    """Sets the project already had as the package holds them, or newer."""
    packages: list[str] = field(default_factory=list)
    changed_on_both_sides: list[str] = field(default_factory=list)
    """The names of the documents whose set the project had changed too since its package was
    written: the package's set replaced the project's, which is kept (``store.replaced_sets``)."""


def merge_packages(
    project: Project, package_paths: Sequence[Path], progress: Progress = no_progress
) -> MergeSummary:
    """Merge annotators' packages in one transaction: all of them, or nothing of any.

    Each package is read as untrusted input (see ``workbench.store.package_reading``); its sets
    that are newer than the project's replace them whole.
    """
    project.require_writable()
    paths = [Path(path) for path in package_paths]
    summary = MergeSummary()
    with write_transaction(project.conn):
        for done, path in enumerate(paths, start=1):
            with refusals(path), PackageFile.open(path, project) as package:
                sets = package.sets()
                newer = package.newer_sets(sets)
                both = package.changed_in_project(newer)
                keep_replaced_sets(project.conn, both, package.annotator, path.name)
                summary.changed_on_both_sides += _names(project, both)
                for chunk in package.mergeable(newer):
                    _replace_sets(project, chunk, package.package_id)
            summary.replaced += len(newer)
            summary.unchanged += len(sets) - len(newer)
            summary.packages.append(str(path))
            progress(done, len(paths))
    return summary


def _names(project: Project, document_ids: Sequence[str]) -> list[str]:
    """The names of these documents, in the project's order."""
    wanted = set(document_ids)
    if not wanted:
        return []
    names = project.conn.execute("SELECT id, name FROM documents ORDER BY ord")
    return [name for document_id, name in names if document_id in wanted]


def validate_package(project: Project, path: Path) -> None:
    """Refuse a package that ``merge_packages`` would refuse, without merging anything."""
    with refusals(path), PackageFile.open(path, project) as package:
        for _ in package.mergeable(package.newer_sets(package.sets())):
            pass


def _replace_sets(project: Project, chunk: Sequence[MergeableSet], package_id: str | None) -> None:
    """Put the package's sets in place of the project's sets of the same annotator and
    documents, with their spans, events, arguments, relations and document labels (inside the
    merge's transaction), synced with the package (``package_lineage``)."""
    conn = project.conn
    conn.executemany(
        "INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)",
        [(annotator, now()) for annotator in {merged.row.annotator for merged in chunk}],
    )
    conn.executemany(
        "DELETE FROM annotation_sets WHERE document_id = ? AND annotator = ?",
        [(merged.row.document_id, merged.row.annotator) for merged in chunk],
    )
    insert_rows(
        conn, "annotation_sets",
        [
            merged.row._asdict()
            | {"status": merged.row.status.value, "synced_revision": merged.row.revision,
               "synced_package": package_id}
            for merged in chunk
        ],
    )
    if package_id is not None:
        conn.executemany(
            "INSERT OR IGNORE INTO merged_packages (document_id, annotator, package_id, revision) "
            "VALUES (?, ?, ?, ?)",
            [(m.row.document_id, m.row.annotator, package_id, m.row.revision) for m in chunk],
        )
    for name, pending in (
        ("spans", [rows.span_row(s, m.row.id) for m in chunk for s in m.annotations.spans]),
        ("events", [rows.event_row(e, m.row.id) for m in chunk for e in m.annotations.events]),
        ("arguments", [a for m in chunk for e in m.annotations.events for a in rows.argument_rows(e)]),
        ("relations", [relation_row(r, m.row.id) for m in chunk for r in m.annotations.relations]),
        ("document_labels",
         [label for m in chunk for label in document_label_rows(m.annotations.document_labels, m.row.id)]),
    ):
        if pending:
            insert_rows(conn, name, pending)
