"""A project: documents, annotators, their annotation sets, and the label schema, in one file.

Every public method that writes is one ``BEGIN IMMEDIATE`` transaction, so a kill at any moment
leaves either all of an operation in the file or none of it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import __version__
from workbench.core.errors import ProjectError, SchemaError, WorkbenchError
from workbench.core.model import (
    GOLD,
    SUGGESTIONS,
    AnnotatedDocument,
    AnnotationSet,
    Document,
    Event,
    Span,
    Status,
    new_id,
)
from workbench.core.schema import Schema
from workbench.store import rows
from workbench.store.connection import (
    checkpoint_without_waiting,
    connect,
    on_read_only_media,
    table_api,
    write_transaction,
)
from workbench.store.editing import EditingMixin
from workbench.store.bulk_import import DocumentImporter
from workbench.store.clock import now
from workbench.store.migrations import check_readable, migrate
from workbench.store.suggestions import SuggestionsMixin
from workbench.store.reading import (
    DocumentProgress,
    SpanEntry,
    annotator_progress,
    event_layer,
    iter_all_annotated,
    iter_annotated,
    load_annotated,
    query_dicts,
    span_entries,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

PROJECT_SUFFIX = ".tawsim"
_SIDE_FILES = ("-journal", "-wal", "-shm")




@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows, without the text."""

    id: str
    name: str
    order: int
    sha256: str
    length: int
    source: str


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    document_id: str
    author: str
    text: str
    created: str


@dataclass
class ImportSummary:
    documents_added: int = 0
    documents_matched: int = 0
    """Documents whose text was already in the project: their annotations were added to it."""
    spans: int = 0
    events: int = 0
    duplicate_spans: int = 0
    """Spans skipped because the annotator already had the same range and label (or id)."""
    messages: list[str] = field(default_factory=list)


class Project(EditingMixin, SuggestionsMixin):
    """An open project file. Use ``Project.create`` or ``Project.open``; close it when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        """Every read and every SQL statement goes through this connection."""
        self.readonly = readonly
        self._schema: Schema | None = None

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over ``conn``, for the writes through its table API only: importing it
        is left to the first such write (see ``workbench.store.connection``)."""
        return table_api(self.conn)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, schema: Schema) -> Project:
        """A new, empty project file holding ``schema``; refuses to overwrite an existing file.

        The file is built under a hidden name in the same folder and renamed once complete, so a
        failure (a full disk, a kill) leaves no file that looks like a project.
        """
        path = Path(path)
        if path.exists():
            raise _exists_already(path)
        if not path.parent.is_dir():
            raise ProjectError(f"{path.parent}: no such folder")
        partial = path.with_name(f".{path.name}.{new_id()[:8]}.creating")
        try:
            try:
                _build_project_file(partial, schema)
            except (sqlite3.Error, OSError, ProjectError) as error:
                cause = error.__cause__ if isinstance(error, ProjectError) else error
                raise ProjectError(f"{path}: cannot create the project: {cause or error}") from error
            _move_into_place(partial, path)
        finally:
            for leftover in (partial, *(Path(f"{partial}{end}") for end in _SIDE_FILES)):
                leftover.unlink(missing_ok=True)
        project = cls.open(path)
        project._schema = schema
        return project

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> Project:
        """Open an existing project file; read-only for files from other people (packages)."""
        path = Path(path)
        if not path.is_file():
            raise ProjectError(f"{path}: no such project file")
        probe = connect(path, readonly=True)
        try:
            version = check_readable(probe, path)
            if version == 0:
                raise ProjectError(f"{path}: not a Tawsim project file (it is empty)")
        finally:
            probe.close()
        if not readonly and on_read_only_media(path):
            raise ProjectError(
                f"{path}: the project is on read-only media or in a folder you cannot write to; "
                "copy it to a writable folder to change it"
            )
        conn = connect(path, readonly=readonly)
        if not readonly:
            migrate(conn, path)
        return cls(path, conn, readonly=readonly)

    def close(self) -> None:
        if not self.readonly:
            checkpoint_without_waiting(self.conn)
        self.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- project facts ---------------------------------------------------------------------

    @property
    def project_id(self) -> str:
        return str(self.meta("project_id"))

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            row = self.conn.execute(
                "SELECT definition FROM label_schemas ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                raise ProjectError(f"{self.path}: the project holds no label schema")
            self._schema = Schema.from_json(row[0])
        return self._schema

    def _insert_schema(self, schema: Schema) -> None:
        self.db["label_schemas"].insert(
            {
                "schema_id": schema.id,
                "version": schema.version,
                "definition": schema.to_json(),
                "created": now(),
            }
        )
        self._schema = schema

    # -- reading ---------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self.conn.execute(
                "SELECT id, name, ord, sha256, length(text), source FROM documents ORDER BY ord"
            )
        ]

    def document(self, document_id: str) -> Document:
        row = next(query_dicts(self.conn, "SELECT * FROM documents WHERE id = ?", [document_id]), None)
        if row is None:
            raise WorkbenchError(f"{self.path}: no document {document_id}")
        return rows.document_from_row(row)

    def annotators(self) -> list[str]:
        """Whoever has annotation sets, gold included; never the recommenders' suggestions."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM annotators WHERE name != ? ORDER BY name", [SUGGESTIONS]
            )
        ]

    def annotation_set(self, document_id: str, annotator: str) -> AnnotationSet | None:
        [annotated] = load_annotated(self.conn, [document_id], annotator) or [None]
        if annotated is None:
            raise WorkbenchError(f"{self.path}: no document {document_id}")
        return annotated.sets[0] if annotated.sets else None

    def annotator_progress(
        self, annotator: str, document_id: str | None = None
    ) -> list[DocumentProgress]:
        """Every document (or one) with the annotator's status and span count, in one query."""
        return annotator_progress(self.conn, annotator, document_id)

    def event_layer(self, document_id: str, annotator: str) -> tuple[list[Event], list[Span]]:
        """The annotator's events on the document and the spans they use (not the others)."""
        return event_layer(self.conn, document_id, annotator)

    def span_entries(self, document_id: str, annotator: str) -> list[SpanEntry]:
        """The annotator's spans on the document as (id, start, end, label), in text order."""
        return span_entries(self.conn, document_id, annotator)

    def annotated_document(self, document_id: str, source: str = "all") -> AnnotatedDocument:
        """The document with the sets of ``source``: "all", "gold" or one annotator's name."""
        [annotated] = load_annotated(self.conn, [document_id], source) or [None]
        if annotated is None:
            raise WorkbenchError(f"{self.path}: no document {document_id}")
        return annotated

    def iter_annotated(
        self, source: str = "all", document_ids: Sequence[str] | None = None
    ) -> Iterator[AnnotatedDocument]:
        """Documents (all, in order, unless given) with their sets, loaded many at a time."""
        if document_ids is None:
            return iter_all_annotated(self.conn, source)
        return iter_annotated(self.conn, list(document_ids), source)

    def document_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- importing -------------------------------------------------------------------------

    def add_documents(
        self, documents: Iterable[AnnotatedDocument], summary: ImportSummary | None = None
    ) -> ImportSummary:
        """Add documents and their annotation sets in one transaction: all of them, or none.

        A document whose text (sha256) is already in the project is not added again; its
        annotations are added to the existing document for their annotators.
        """
        self.require_writable()
        summary = summary or ImportSummary()
        with write_transaction(self.conn):
            DocumentImporter(self, summary).run(documents)
        return summary

    # -- editing (one transaction each) ----------------------------------------------------

    def set_status(self, document_id: str, annotator: str, status: Status) -> None:
        self.require_writable()
        with write_transaction(self.conn):
            set_id = self.set_id(document_id, annotator, create=True)
            self.conn.execute(
                "UPDATE annotation_sets SET status = ?, revision = revision + 1, updated = ? "
                "WHERE id = ?",
                [status.value, now(), set_id],
            )

    def add_comment(self, document_id: str, author: str, text: str) -> Comment:
        """A comment on a document (a span's comment is its note)."""
        self.require_writable()
        comment = Comment(new_id(), document_id, author, text, now())
        with write_transaction(self.conn):
            self.db["comments"].insert(
                {"id": comment.id, "document_id": document_id, "author": author,
                 "text": text, "created": comment.created}
            )
        return comment

    def comments(self, document_id: str) -> list[Comment]:
        return [
            Comment(*row)
            for row in self.conn.execute(
                "SELECT id, document_id, author, text, created FROM comments "
                "WHERE document_id = ? ORDER BY created, rowid",
                [document_id],
            )
        ]

    def ensure_annotator(self, name: str) -> None:
        self.require_writable()
        with write_transaction(self.conn):
            self._ensure_annotator(name)

    def span_owner(self, span_id: str) -> tuple[Span, str, str]:
        row = next(
            query_dicts(
                self.conn,
                "SELECT s.*, a.document_id, a.annotator FROM spans s "
                "JOIN annotation_sets a ON s.set_id = a.id WHERE s.id = ?",
                [span_id],
            ),
            None,
        )
        if row is None:
            raise WorkbenchError(f"no span {span_id} in {self.path}")
        return rows.span_from_row(row), row["document_id"], row["annotator"]

    def check_label(self, label: str) -> None:
        """A span's label is an entity label, or an event type for a trigger span."""
        if not (self.schema.has_entity(label) or self.schema.has_event(label)):
            raise SchemaError(
                f"the label {label!r} is not in the project's schema {self.schema.id!r}"
            )

    def require_writable(self) -> None:
        if self.readonly:
            raise ProjectError(f"{self.path} is open read-only")

    # -- helpers used inside a write transaction --------------------------------------------

    def _ensure_annotator(self, name: str) -> None:
        if not name.strip():
            raise WorkbenchError("an annotator's name cannot be empty")
        self.conn.execute(
            "INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [name, now()]
        )

    def set_id(self, document_id: str, annotator: str, *, create: bool) -> str:
        row = self.conn.execute(
            "SELECT id FROM annotation_sets WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        if row is not None:
            return str(row[0])
        if not create:
            raise WorkbenchError(f"{annotator} has no annotations on document {document_id}")
        self._ensure_annotator(annotator)
        set_id = new_id()
        self.db["annotation_sets"].insert(
            {"id": set_id, "document_id": document_id, "annotator": annotator,
             "status": Status.NEW.value, "revision": 0, "updated": now()}
        )
        return set_id

    def touch_set(self, document_id: str, annotator: str) -> str:
        """The annotator's set on the document, with its revision bumped and work marked begun."""
        set_id = self.set_id(document_id, annotator, create=True)
        self.conn.execute(
            "UPDATE annotation_sets SET revision = revision + 1, updated = ?, "
            "status = CASE status WHEN 'new' THEN 'in_progress' ELSE status END WHERE id = ?",
            [now(), set_id],
        )
        return set_id

    def insert_span(self, span: Span, set_id: str) -> None:
        try:
            self.db["spans"].insert(rows.span_row(span, set_id))
        except sqlite3.IntegrityError as error:
            raise WorkbenchError(
                "the annotator already has a span with the same range and label"
            ) from error


def _build_project_file(path: Path, schema: Schema) -> None:
    """Write a complete project file at ``path``: its tables, its identity and ``schema``.

    It is left in rollback-journal mode, so that the one file holds everything once closed.
    """
    conn = connect(path)
    try:
        migrate(conn, path)
        project = Project(path, conn, readonly=False)
        with write_transaction(conn):
            project.db["meta"].insert_all(
                [
                    {"key": "project_id", "value": new_id()},
                    {"key": "created", "value": now()},
                    {"key": "created_with", "value": __version__},
                ]
            )
            project._insert_schema(schema)
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise ProjectError(f"{path}: the new file could not be completed (journal {mode})")
    finally:
        conn.close()


def _move_into_place(partial: Path, path: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(partial, path)
    except FileExistsError:
        raise _exists_already(path) from None
    except OSError:  # a file system without hard links (FAT, some network shares)
        if path.exists():
            raise _exists_already(path) from None
        partial.rename(path)


def _exists_already(path: Path) -> ProjectError:
    return ProjectError(f"{path}: a file of that name exists already; choose another name")
