"""Reading a package someone sent back: an untrusted SQLite file, read as an import reads a file.

A package is opened read-only with ``trusted_schema`` off, and every statement on it is bounded in
time by SQLite's progress handler, so no crafted file keeps a merge busy for more than seconds. It
must hold the tables this format version writes, with their columns (in any order: rows are read
by column name), and nothing that runs when read: no views, triggers or virtual tables. Every value
must have the type its column declares in the lead's project, every set must be its annotator's
own, for a document the package holds with the lead's text, and must fit that text and the lead's
schema exactly as an imported set must (``check_annotation_set``). The package's record of its
annotator is the annotator's to edit, so it must carry the seal the lead made for that annotator
(``package_seal``): renaming a package and its sets to ``gold`` or to another annotator is refused.

Every problem is raised as a ``PackageProblem`` (one line, without the file's name);
``refusals(path)`` turns it, and any SQLite error met on the way, into the one-line refusal that
names the package. Each is a ``Problem`` of its template, the refusal too, so that a window says
it in its own language (``ui.problem_words``); what SQLite and Python say of the file stays their
English, a value of the sentence.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from workbench.core.errors import Problem, ProjectError, WorkbenchError, one_line, problem_of
from workbench.core.model import GOLD, AnnotationSet, Document, Status
from workbench.store import rows
from workbench.store.bulk_import import check_annotation_set
from workbench.store.guidelines import package_guidelines_problem
from workbench.store.migrations import file_version, format_version
from workbench.store.package_lineage import (
    NO_SET,
    LeadSet,
    PackageCopy,
    changed_by_annotator,
    changed_in_project,
)
from workbench.store.project import Project
from workbench.store.reading import (
    CHUNK,
    document_labels_by_set,
    events_by_set,
    relations_by_set,
    spans_by_set,
)

PACKAGE_ANNOTATOR_KEY = "package_annotator"
PACKAGE_SEAL_KEY = "package_seal"
"""The package's meta key holding ``package_seal`` of its annotator."""
PACKAGE_SECRET_KEY = "package_secret"
"""The lead project's meta key holding the key its packages are sealed with (never in a package)."""
PACKAGE_ID_KEY = "package_id"
"""The package's meta key holding its own id, made as it is written (``package_lineage``)."""

READ_TABLES = (
    "meta", "documents", "annotation_sets", "spans", "events", "arguments", "relations",
    "document_labels", "guidelines",
)
"""The package's tables a merge reads; their columns must be the lead project's."""

TIME_LIMIT_S = 10.0
"""How long reading a package may take, plus ``SECONDS_PER_MB`` for each megabyte of it: a
package of 1,000 documents this program wrote reads in well under a second."""
SECONDS_PER_MB = 0.5

_SQLITE_TYPES = {"TEXT": "text", "INTEGER": "integer"}
"""The value type ``typeof()`` gives for each declared column type the project uses."""

_CODE = {
    "view": "it holds the view {name!r}, which a package never holds (only tables)",
    "trigger": "it holds the trigger {name!r}, which a package never holds (only tables)",
    "virtual table": "it holds the virtual table {name!r}, which a package never holds (only tables)",
}
"""The refusal of a package holding what runs when it is read, by its kind."""

_OTHERS_SETS = {
    False: "it is {annotator!r}'s package but holds annotation sets of {others}; "
    "a package brings back its own annotator's work only",
    True: "it is {annotator!r}'s package but holds annotation sets of {others} (the gold layer "
    "comes only in a package written with --annotator gold); a package brings back its own "
    "annotator's work only",
}
"""The refusal of a package holding the sets of other annotators, by whether gold is one."""

_FOREIGN_DOCUMENT = {
    False: "document {name!r} ({id}) is not in this project",
    True: "document {name!r} ({id}) has another text here",
}
"""The refusal of a package's document, by whether the project has a document of its id."""


class PackageProblem(WorkbenchError):
    """What is wrong with a package, in words that do not name it (``refusals`` adds the name):
    a ``Problem``."""


class PackageSet(NamedTuple):
    """A row of the package's ``annotation_sets``, its types checked."""

    id: str
    document_id: str
    annotator: str
    status: Status
    revision: int
    updated: str
    guidelines_version: int | None
    synced_revision: int | None
    """The revision the set was carried at when the package was written (None in a package
    written before packages kept it)."""


@dataclass(frozen=True)
class MergeableSet:
    """A set of the package, validated against the lead's document and schema."""

    row: PackageSet
    annotations: AnnotationSet


@contextmanager
def refusals(path: Path) -> Iterator[None]:
    """Turn what goes wrong while reading or merging the package at ``path`` into one line that
    names it and says that nothing was merged (the caller's transaction is rolled back)."""
    try:
        yield
    except PackageProblem as problem:
        raise _refusal(path, problem_of(problem)) from problem
    except sqlite3.IntegrityError as error:
        collide = Problem(
            "its annotations collide with this project's or with each other ({error})",
            error=one_line(str(error)),
        )
        raise _refusal(path, collide) from error
    except (sqlite3.Error, UnicodeDecodeError) as error:  # a damaged file's messages may not be UTF-8
        if getattr(error, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
            too_long = Problem("reading it took too long; it is not a package this program wrote")
            raise _refusal(path, too_long) from error
        unreadable = Problem("it cannot be read as a package ({error})", error=one_line(str(error)))
        raise _refusal(path, unreadable) from error


def package_seal(secret: str, annotator: str) -> str:
    """What proves that the lead holding ``secret`` wrote a package for ``annotator``."""
    name = annotator.encode("utf-8", "surrogatepass")
    return hmac.new(secret.encode("utf-8"), name, hashlib.sha256).hexdigest()


def _refusal(path: Path, problem: str) -> ProjectError:
    """The refusal of the package at ``path`` for ``problem``, on one line: what SQLite says is
    put on one as it is met, and a refusal that still runs over several (an id of a package
    edited by hand holding a line break) is said on one in the command line's words only."""
    refusal = Problem("{path}: {problem}; nothing was merged", path=path, problem=problem)
    flat = one_line(refusal)
    return ProjectError(refusal if flat == refusal else flat)


class PackageFile:
    """An annotator's package, open read-only and checked; use ``PackageFile.open``."""

    def __init__(self, package: Project, lead: Project) -> None:
        self.package = package
        self.conn = package.conn
        self.lead = lead
        self.annotator = ""

    @classmethod
    @contextmanager
    def open(cls, path: Path, lead: Project) -> Iterator[PackageFile]:
        """Open the package at ``path`` for ``lead`` and check everything but its annotations."""
        package = Project.open(path, readonly=True)
        try:
            deadline = time.monotonic() + TIME_LIMIT_S + SECONDS_PER_MB * path.stat().st_size / 1e6
            package.conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
            package.conn.execute("PRAGMA trusted_schema = OFF")
            package.conn.execute("BEGIN")  # one snapshot of the file for the whole reading
            opened = cls(package, lead)
            opened._check()
            yield opened
        finally:
            package.close()

    # -- the file as a whole ---------------------------------------------------------------

    def _check(self) -> None:
        self._check_no_code()
        self._check_columns()
        self._check_integrity()
        for table in READ_TABLES:
            self._check_types(table)
        self._check_origin()
        self.annotator = self._own_annotator()
        self._check_documents()
        guidelines_problem = package_guidelines_problem(self.conn, self.lead.conn)
        if guidelines_problem is not None:
            raise PackageProblem(guidelines_problem)

    def _check_no_code(self) -> None:
        row = self.conn.execute(
            "SELECT type, name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master "
            "WHERE type IN ('view', 'trigger') OR sql LIKE 'CREATE VIRTUAL TABLE%' LIMIT 1"
        ).fetchone()
        if row is not None:
            kind = "virtual table" if row[2] else row[0]
            raise PackageProblem(Problem(_CODE[kind], name=row[1]))

    def _check_columns(self) -> None:
        for table in READ_TABLES:
            expected = {name for name, _, _ in self._lead_columns(table)}
            found = {row[1] for row in self.conn.execute(f"PRAGMA table_info({_quoted(table)})")}
            if not found:
                raise PackageProblem(Problem("it has no table {table}", table=table))
            if found != expected:
                extra, missing = sorted(found - expected), sorted(expected - found)
                if extra:
                    raise PackageProblem(Problem(
                        "its table {table} has a column {column!r} this version does not write",
                        table=table, column=extra[0],
                    ))
                raise PackageProblem(
                    Problem("its table {table} has no column {column!r}", table=table, column=missing[0])
                )

    def _check_integrity(self) -> None:
        report = self.conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        if report != "ok":
            raise PackageProblem(
                Problem("the file is damaged (SQLite integrity: {report})", report=one_line(report))
            )

    def _check_origin(self) -> None:
        project_id = self.package.meta("project_id")
        if project_id != self.lead.project_id:
            raise PackageProblem(Problem(
                "this package belongs to another project (its project id is {package}, "
                "this project's is {lead})",
                package=project_id, lead=self.lead.project_id,
            ))
        if file_version(self.conn) != format_version():
            raise PackageProblem(Problem(
                "written by an older version of Tawsim Workbench; open it once with this "
                "version (which updates it), then merge it"
            ))

    def _check_types(self, table: str) -> None:
        """Every value of ``table`` has the type its column declares in the lead's project
        (SQLite keeps any value in any column of a table declared without types)."""
        columns = [
            (name, _allowed_types(declared, not_null))
            for name, declared, not_null in self._lead_columns(table)
        ]
        wrong = " OR ".join(
            f"typeof({_quoted(name)}) NOT IN ({', '.join(map(repr, allowed))})"
            for name, allowed in columns
        )
        found = self.conn.execute(
            f"SELECT {', '.join(f'typeof({_quoted(name)})' for name, _ in columns)} "
            f"FROM {_quoted(table)} WHERE {wrong} LIMIT 1"
        ).fetchone()
        if found is None:
            return
        for (name, allowed), value_type in zip(columns, found, strict=True):
            if value_type not in allowed:
                raise PackageProblem(Problem(
                    "its table {table} holds a {found} value in the column {column!r}, "
                    "where this version writes {allowed} only",
                    table=table, found=value_type, column=name, allowed=allowed[0],
                ))

    def _own_annotator(self) -> str:
        """The annotator the package was written for, after refusing sets of anyone else."""
        annotator = self.package.meta(PACKAGE_ANNOTATOR_KEY)
        if not annotator:
            raise PackageProblem(
                Problem("it names no annotator, so it is not a package (`workbench package` writes them)")
            )
        others = [
            name for (name,) in self.conn.execute(
                "SELECT DISTINCT annotator FROM annotation_sets WHERE annotator != ? "
                "ORDER BY annotator", [annotator],
            )
        ]
        if others:
            raise PackageProblem(Problem(
                _OTHERS_SETS[GOLD in others], annotator=annotator, others=", ".join(map(repr, others))
            ))
        self._check_seal(annotator)
        return annotator

    def _check_seal(self, annotator: str) -> None:
        secret = self.lead.meta(PACKAGE_SECRET_KEY)
        seal = (self.package.meta(PACKAGE_SEAL_KEY) or "").encode("utf-8", "surrogatepass")
        if secret is None or not hmac.compare_digest(seal, package_seal(secret, annotator).encode()):
            raise PackageProblem(Problem(
                "it was not written by this project for {annotator!r} (its seal does not match: "
                "it was edited, or written by another project or an older version); "
                "write the package again with `workbench package`",
                annotator=annotator,
            ))

    def _check_documents(self) -> None:
        texts = dict(self.lead.conn.execute("SELECT id, sha256 FROM documents"))
        for document_id, name, sha256 in self.conn.execute("SELECT id, name, sha256 FROM documents"):
            if texts.get(document_id) != sha256:
                raise PackageProblem(Problem(_FOREIGN_DOCUMENT[document_id in texts], name=name, id=document_id))

    # -- its annotation sets -----------------------------------------------------------------

    def sets(self) -> list[PackageSet]:
        """The package's sets, each for a document it holds, one per document, as written."""
        documents = {row[0] for row in self.conn.execute("SELECT id FROM documents")}
        sets: list[PackageSet] = []
        seen: set[str] = set()
        for row in self.conn.execute(
            "SELECT id, document_id, annotator, status, revision, updated, guidelines_version, "
            "synced_revision FROM annotation_sets"
        ):
            package_set = _package_set(row)
            if package_set.document_id not in documents:
                raise PackageProblem(Problem(
                    "its annotation set {set} is for the document {document}, which the package "
                    "does not hold",
                    set=package_set.id, document=package_set.document_id,
                ))
            if package_set.document_id in seen:
                raise PackageProblem(Problem(
                    "it holds two annotation sets for the document {document}",
                    document=package_set.document_id,
                ))
            seen.add(package_set.document_id)
            sets.append(package_set)
        return sets

    def newer_sets(self, sets: Sequence[PackageSet]) -> list[PackageSet]:
        """The sets holding changes of the annotator that the lead's project does not have
        (``package_lineage.changed_by_annotator``), and those the lead does not have."""
        lead = self._lead_sets
        return [s for s in sets if changed_by_annotator(self._copy(s), lead.get(s.document_id, NO_SET))]

    def changed_in_project(self, newer: Sequence[PackageSet]) -> list[str]:
        """The ids of the documents whose set, of ``newer``, the lead's project changed too
        (``package_lineage.changed_in_project``)."""
        lead = self._lead_sets
        return [
            s.document_id for s in newer
            if changed_in_project(self._copy(s), lead.get(s.document_id, NO_SET))
        ]

    @cached_property
    def package_id(self) -> str | None:
        """The package's id; None for a package written before packages had one."""
        return self.package.meta(PACKAGE_ID_KEY)

    def _copy(self, package_set: PackageSet) -> PackageCopy:
        return PackageCopy(package_set.revision, package_set.synced_revision, self.package_id)

    @cached_property
    def _lead_sets(self) -> dict[str, LeadSet]:
        """What the lead's project knows of each of its sets of the annotator, by document: read
        once for ``newer_sets`` and ``changed_in_project``, before the merge replaces any."""
        taken = self._taken_before()
        return {
            document_id: LeadSet(revision, synced, synced_package, taken.get(document_id, frozenset()))
            for document_id, revision, synced, synced_package in self.lead.conn.execute(
                "SELECT document_id, revision, synced_revision, synced_package FROM annotation_sets "
                "WHERE annotator = ?",
                [self.annotator],
            )
        }

    def _taken_before(self) -> dict[str, frozenset[int]]:
        """The revisions at which a merge took this package's sets, by document."""
        taken: dict[str, set[int]] = {}
        for document_id, revision in self.lead.conn.execute(
            "SELECT document_id, revision FROM merged_packages WHERE annotator = ? AND package_id = ?",
            [self.annotator, self.package_id],
        ):
            taken.setdefault(document_id, set()).add(revision)
        return {document_id: frozenset(revisions) for document_id, revisions in taken.items()}

    def mergeable(self, sets: Sequence[PackageSet]) -> Iterator[list[MergeableSet]]:
        """The annotations of ``sets``, read by column name and checked as an import checks
        them, a chunk of sets at a time."""
        for start in range(0, len(sets), CHUNK):
            chunk = sets[start : start + CHUNK]
            ids = [s.id for s in chunk]
            try:
                spans, events = spans_by_set(self.conn, ids), events_by_set(self.conn, ids)
                relations = relations_by_set(self.conn, ids)
            except (ValueError, TypeError, RecursionError) as error:
                raise PackageProblem(
                    Problem("attributes that are not a JSON object ({error})", error=one_line(str(error)))
                ) from None
            try:
                labels = document_labels_by_set(self.conn, ids)
            except (ValueError, TypeError, RecursionError) as error:
                raise PackageProblem(
                    Problem("a document label that cannot be read ({error})", error=one_line(str(error)))
                ) from None
            documents = self._lead_documents([s.document_id for s in chunk])
            mergeable = []
            for row in chunk:
                annotations = AnnotationSet(
                    row.annotator, tuple(spans.get(row.id, ())), tuple(events.get(row.id, ())),
                    status=row.status, revision=row.revision,
                    relations=tuple(relations.get(row.id, ())),
                    document_labels=labels.get(row.id, {}),
                )
                try:
                    check_annotation_set(self.lead.schema, documents[row.document_id], annotations)
                except WorkbenchError as error:
                    raise PackageProblem(problem_of(error)) from None
                mergeable.append(MergeableSet(row, annotations))
            yield mergeable

    def _lead_documents(self, document_ids: Sequence[str]) -> dict[str, Document]:
        return {
            document_id: Document(document_id, name, text, sha256)
            for document_id, name, text, sha256 in self.lead.conn.execute(
                f"SELECT id, name, text, sha256 FROM documents WHERE id IN ({rows.marks(document_ids)})",
                list(document_ids),
            )
        }

    def _lead_columns(self, table: str) -> list[tuple[str, str, bool]]:
        """The lead's columns of ``table``: (name, declared type, whether NOT NULL or a key)."""
        return [
            (row[1], row[2].upper(), bool(row[3] or row[5]))
            for row in self.lead.conn.execute(f"PRAGMA table_info({_quoted(table)})")
        ]


def _package_set(row: tuple[str, str, str, str, int, str, int | None, int | None]) -> PackageSet:
    set_id, document_id, annotator, status, revision, updated, guidelines_version, carried = row
    if revision < 0:
        raise PackageProblem(
            Problem("its annotation set {set} has the revision {revision}", set=set_id, revision=revision)
        )
    if carried is not None and not 0 <= carried <= revision:
        raise PackageProblem(Problem(
            "its annotation set {set} was carried at the revision {carried}, "
            "which its revision {revision} does not follow",
            set=set_id, carried=carried, revision=revision,
        ))
    if status not in {member.value for member in Status}:
        raise PackageProblem(
            Problem("its annotation set {set} has the status {status!r}", set=set_id, status=status)
        )
    return PackageSet(
        set_id, document_id, annotator, Status(status), revision, updated, guidelines_version, carried
    )


def _allowed_types(declared: str, not_null: bool) -> tuple[str, ...]:
    return (_SQLITE_TYPES[declared],) if not_null else (_SQLITE_TYPES[declared], "null")


def _quoted(name: str) -> str:
    return f'"{name}"'
