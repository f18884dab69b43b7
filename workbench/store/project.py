"""A project: documents, annotators, their annotation sets, and the label schema, in one file.

``Project`` is the front the rest of the program holds: it opens and closes the file, keeps its
schema, and gives each read and each edit one method. The work is done by the functions of the
other store modules, over the connection; every public method that writes is one ``BEGIN
IMMEDIATE`` transaction around them, so a kill at any moment leaves either all of an operation in
the file or none of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import Problem, ProjectError, ProjectLocked, WorkbenchError
from workbench.core.model import (
    SUGGESTIONS,
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Document,
    DocumentLabelValue,
    Event,
    ImportedDocument,
    Relation,
    Span,
    Status,
)
from workbench.core.schema import Schema
from workbench.store import (
    annotation_sets,
    comments,
    connection,
    editing,
    relation_editing,
    span_ranges,
    suggestions,
    titles,
)
from workbench.store.bulk_import import DocumentImporter, ImportSummary
from workbench.store.comments import Comment
from workbench.store.connection import (
    bulk_writing,
    checkpoint_without_waiting,
    table_api,
    write_transaction,
)
from workbench.store.editing import Dependents, Removal
from workbench.store.project_file import create_project_file, open_connection
from workbench.store.reading import (
    NO_DOCUMENT,
    DocumentProgress,
    Revisions,
    Source,
    SpanEntry,
    annotator_progress,
    documents_annotated_by,
    event_layer,
    iter_annotated,
    iter_documents,
    iter_plain,
    load_annotated,
    read_document,
    set_revisions,
    span_entries,
    span_labels_by_document,
    span_owner,
    with_plain_sets,
    with_sets,
)
from workbench.store.suggestions import Rejected

if TYPE_CHECKING:
    from sqlite_utils import Database

PROJECT_SUFFIX = ".tawsim"


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows, without the text."""

    id: str
    name: str
    order: int
    sha256: str
    length: int
    source: str


class Project:
    """An open project file. Use ``Project.create`` or ``Project.open``; close it when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        """Every read and every SQL statement goes through this connection."""
        self.readonly = readonly
        self.closed = False
        self._schema: Schema | None = None

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over ``conn``, for the writes through its table API only: importing it
        is left to the first such write (see ``workbench.store.connection``)."""
        return table_api(self.conn)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, schema: Schema) -> Project:
        """A new, empty project file holding ``schema`` (see ``create_project_file``), open."""
        path = Path(path)
        create_project_file(path, schema)
        project = cls.open(path)
        project._schema = schema
        return project

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False, wait: bool = True) -> Project:
        """Open an existing project file; read-only for files from other people (packages).
        Without ``wait``, one another program is changing is refused at once."""
        path = Path(path)
        return cls(path, open_connection(path, readonly=readonly, wait=wait), readonly=readonly)

    @classmethod
    def open_telling_waits(
        cls, path: Path, waiting: Callable[[int], None], *, readonly: bool = False
    ) -> Project:
        """``open``, first without waiting: when another program is changing the project (an
        import holds it in rollback-journal mode), ``waiting`` is told how many seconds the
        opening will wait for it, before it waits, so that the wait does not look like a hang;
        so is a write that will wait later (``connection.tell_waits``)."""
        try:
            project = cls.open(path, readonly=readonly, wait=False)
        except ProjectLocked:
            waiting(connection.BUSY_TIMEOUT_MS // 1000)
            project = cls.open(path, readonly=readonly)
        connection.tell_waits(project.conn, waiting)
        return project

    def wait_briefly(self) -> None:
        """Writes wait for another program's lock a moment only, then are refused: the project
        of a window, whose thread must not freeze (``connection.WINDOW_WAIT_MS``)."""
        connection.wait_briefly(self.conn)

    def close(self) -> None:
        """Fold the WAL in (``checkpoint_without_waiting``) and close; closing again does
        nothing (a window's project is closed after the window, and by its opener's ``with``)."""
        if self.closed:
            return
        if not self.readonly:
            checkpoint_without_waiting(self.conn)
        self.conn.close()
        self.closed = True

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
        return None if row is None else str(row[0])

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

    # -- reading ---------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self.conn.execute(
                "SELECT id, name, ord, sha256, length(text), source FROM documents ORDER BY ord"
            )
        ]

    def document(self, document_id: str) -> Document:
        return read_document(self.conn, document_id)

    def annotators(self) -> list[str]:
        """Whoever has annotation sets, gold included; never the recommenders' suggestions."""
        return [name for name in annotation_sets.annotators(self.conn) if name != SUGGESTIONS]

    def annotation_set(self, document_id: str, annotator: str) -> AnnotationSet | None:
        annotated = self.annotated_document(document_id, annotator)
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
        found = load_annotated(self.conn, [document_id], source)
        if not found:
            raise WorkbenchError(Problem(NO_DOCUMENT, path=self.path, id=document_id))
        return found[0]

    def iter_annotated(
        self, source: Source = "all", document_ids: Sequence[str] | None = None
    ) -> Iterator[AnnotatedDocument]:
        """Documents (all, in order, unless given) with the sets of ``source`` ("all", one
        annotator's name or a tuple of names), loaded many at a time."""
        return iter_annotated(self.conn, source, document_ids)

    def iter_documents(self, document_ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Documents (all, in order, unless given) without their sets (``with_sets`` reads
        them), loaded many at a time."""
        return iter_documents(self.conn, document_ids)

    def with_sets(
        self, documents: list[Document], source: Source = "all", *, plain: bool = False
    ) -> Sequence[ImportedDocument]:
        """``documents`` (from ``iter_documents``) with the sets of ``source``; with ``plain``,
        those whose sets hold spans and nothing else as ``PlainSpansDocument`` (``iter_plain``)."""
        return with_plain_sets(self.conn, documents, source) if plain else with_sets(self.conn, documents, source)

    def set_revisions(self, document_ids: Sequence[str], source: Source = "all") -> Revisions:
        """By document, the annotator and revision of each of its sets of ``source``, in the
        order ``with_sets`` gives them (``reading.set_revisions``)."""
        return set_revisions(self.conn, document_ids, source)

    def iter_plain(
        self, source: Source = "all", document_ids: Sequence[str] | None = None
    ) -> Iterator[ImportedDocument]:
        """Documents (all, in order, unless given) with the sets of ``source``, those whose sets
        hold spans and nothing else as ``PlainSpansDocument``: what an export reads
        (``reading.iter_plain``)."""
        return iter_plain(self.conn, source, document_ids)

    def span_labels_by_document(self, source: Source) -> dict[str, set[str]]:
        """Every document's id with the labels of the spans in its sets of ``source``: what a
        split by document is decided on (``reading.span_labels_by_document``)."""
        return span_labels_by_document(self.conn, source)

    def documents_annotated_by(self, annotators: Sequence[str]) -> list[str]:
        """The documents (ids, in order) on which any of ``annotators`` has a set."""
        return documents_annotated_by(self.conn, annotators)

    def document_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def span_owner(self, span_id: str) -> tuple[Span, str, str]:
        return span_owner(self.conn, span_id)

    def event(self, event_id: str) -> Event:
        return editing.event(self.conn, event_id)

    def dependents(self, span_id: str) -> Dependents:
        """What deleting the span takes with it (events it triggers, roles it fills)."""
        return editing.dependents(self.conn, span_id)

    def comments(self, document_id: str) -> list[Comment]:
        return comments.comments(self.conn, document_id)

    def labelled_texts(self) -> set[tuple[str, str]]:
        """Every (covered text, label) of an entity span in the project (what suggests)."""
        return suggestions.labelled_texts(self.conn, self.schema)

    def rejected_suggestions(self, document_id: str, annotator: str) -> set[Rejected]:
        return suggestions.rejected_suggestions(self.conn, document_id, annotator)

    # -- writing (one transaction each) ----------------------------------------------------

    def require_writable(self) -> None:
        if self.readonly:
            raise ProjectError(f"{self.path} is open read-only")

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on a project open for writing: what every edit runs in."""
        self.require_writable()
        with write_transaction(self.conn) as conn:
            yield conn

    def add_documents(
        self, documents: Iterable[ImportedDocument], summary: ImportSummary | None = None
    ) -> ImportSummary:
        """Add documents and their annotation sets in one transaction: all of them, or none.

        A document whose text (sha256) is already in the project is not added again; its
        annotations are added to the existing document for their annotators.
        """
        summary = summary or ImportSummary()
        self.require_writable()
        with bulk_writing(self.conn), write_transaction(self.conn) as conn:
            DocumentImporter(conn, self.schema, summary).run(documents)
        return summary



    def document_title(self, document_id: str) -> str | None:
        """The title stored for the document (None: its first line stands for it)."""
        return titles.stored_title(self.conn, document_id)

    def set_document_title(self, document_id: str, title: str | None) -> None:
        """Rename the document in the list (None: its first line again); the file stem stays."""
        with self.writing() as conn:
            titles.set_title(conn, document_id, title)

    def set_status(self, document_id: str, annotator: str, status: Status) -> None:
        with self.writing() as conn:
            annotation_sets.set_status(conn, document_id, annotator, status)

    def add_comment(self, document_id: str, author: str, text: str) -> Comment:
        """A comment on a document (a span's comment is its note)."""
        with self.writing() as conn:
            return comments.add_comment(conn, document_id, author, text)

    def ensure_annotator(self, name: str) -> None:
        with self.writing() as conn:
            annotation_sets.ensure_annotator(conn, name)

    def set_span_range(self, span_id: str, start: int, end: int) -> Span:
        """Move a span's ends (``span_ranges.set_span_range``)."""
        with self.writing() as conn:
            return span_ranges.set_span_range(conn, span_id, start, end)

    def reject_suggestion(
        self, document_id: str, annotator: str, start: int, end: int, label: str
    ) -> None:
        with self.writing() as conn:
            suggestions.reject_suggestion(conn, document_id, annotator, start, end, label)

    def add_span(
        self,
        document_id: str,
        annotator: str,
        start: int,
        end: int,
        label: str,
        *,
        attributes: dict[str, Any] | None = None,
        note: str = "",
        span_id: str | None = None,
    ) -> Span:
        """Create a span; the covered text is taken from the stored document text."""
        with self.writing() as conn:
            return editing.add_span(
                conn, self.schema, document_id, annotator, start, end, label,
                attributes=attributes, note=note, span_id=span_id,
            )

    def update_span(
        self,
        span_id: str,
        *,
        label: str | None = None,
        attributes: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> Span:
        with self.writing() as conn:
            return editing.update_span(
                conn, self.schema, span_id, label=label, attributes=attributes, note=note
            )

    def add_spans(
        self,
        document_id: str,
        annotator: str,
        ranges: Sequence[tuple[int, int]],
        label: str,
        *,
        text: str | None = None,
    ) -> list[Span]:
        """Label several ranges at once; see ``editing.add_spans``."""
        with self.writing() as conn:
            return editing.add_spans(conn, self.schema, document_id, annotator, ranges, label, text=text)

    def delete_spans(self, span_ids: Sequence[str]) -> Removal:
        """Delete spans of one set; events they trigger and arguments they fill go with them."""
        with self.writing() as conn:
            return editing.delete_spans(conn, span_ids)

    def delete_span(self, span_id: str) -> Removal:
        return self.delete_spans([span_id])

    def restore(self, removal: Removal) -> None:
        """Put back what a deletion removed, with the same ids (undo)."""
        with self.writing() as conn:
            editing.restore(conn, removal)

    def replace_set(
        self, document_id: str, annotator: str, annotations: AnnotationSet | None
    ) -> None:
        """Make the annotator's set on the document hold exactly ``annotations``, or nothing."""
        with self.writing() as conn:
            editing.replace_set(conn, document_id, annotator, annotations)

    def create_event(
        self,
        document_id: str,
        annotator: str,
        start: int,
        end: int,
        event_type: str,
        *,
        attributes: dict[str, Any] | None = None,
    ) -> Event:
        """A trigger span labelled with the event type, and its event."""
        with self.writing() as conn:
            return editing.create_event(
                conn, self.schema, document_id, annotator, start, end, event_type,
                attributes=attributes,
            )

    def add_argument(
        self,
        event_id: str,
        role: str,
        *,
        span_id: str | None = None,
        filler_event_id: str | None = None,
        order: int | None = None,
    ) -> Argument:
        """Fill a role; see ``editing.add_argument``."""
        with self.writing() as conn:
            return editing.add_argument(
                conn, self.schema, event_id, role,
                span_id=span_id, filler_event_id=filler_event_id, order=order,
            )

    def remove_argument(self, event_id: str, argument: Argument) -> int:
        """Remove an argument; returns its position, for ``add_argument(order=...)`` on undo."""
        with self.writing() as conn:
            return editing.remove_argument(conn, event_id, argument)

    def update_event(self, event_id: str, attributes: dict[str, Any]) -> Event:
        """Replace an event's attributes; returns the event as it was (for undo)."""
        with self.writing() as conn:
            return editing.update_event(conn, self.schema, event_id, attributes)

    # -- pieces of a caller's write transaction ----------------------------------------------

    # -- relations and document labels (store/relation_editing.py) ------------------------------

    def add_relation(self, document_id: str, annotator: str, relation: Relation) -> Relation:
        with self.writing() as conn:
            return relation_editing.add_relation(conn, self.schema, document_id, annotator, relation)

    def delete_relation(self, relation_id: str) -> Relation:
        with self.writing() as conn:
            return relation_editing.delete_relation(conn, relation_id)

    def update_relation(self, relation_id: str, relation_type: str, attributes: dict[str, Any]) -> Relation:
        with self.writing() as conn:
            return relation_editing.update_relation(conn, self.schema, relation_id, relation_type, attributes)

    def set_document_label(
        self, document_id: str, annotator: str, field: str, value: DocumentLabelValue | None
    ) -> DocumentLabelValue | None:
        with self.writing() as conn:
            return relation_editing.set_document_label(conn, self.schema, document_id, annotator, field, value)

    def document_label(self, document_id: str, annotator: str, field: str) -> DocumentLabelValue | None:
        return relation_editing.document_label(self.conn, document_id, annotator, field)

    def check_label(self, label: str) -> None:
        """A span's label is an entity label, or an event type for a trigger span."""
        annotation_sets.check_label(self.schema, label)

    def new_span(self, text: str, start: int, end: int, label: str) -> Span:
        return annotation_sets.new_span(self.schema, text, start, end, label)

    def set_id(self, document_id: str, annotator: str, *, create: bool) -> str:
        return annotation_sets.set_id(self.conn, document_id, annotator, create=create)

    def touch_set(self, document_id: str, annotator: str) -> str:
        """The annotator's set on the document, with its revision bumped and work marked begun."""
        return annotation_sets.touch_set(self.conn, document_id, annotator)

    def insert_span(self, span: Span, set_id: str) -> None:
        annotation_sets.insert_span(self.conn, span, set_id)
