"""Undo commands: each change the annotator makes is one command calling one store operation.

A command makes its change when it is built, so that a refusal (a duplicate span, a read-only
file) raises before anything is pushed on the undo stack; pushing it then only reports the change.
Undo and redo call the inverse store operation and report again. Reports go to a
``ChangeListener`` (the window) as a ``Change``: which document, which spans came, went or
changed, and the document's new status. Every command here and in ``event_commands.py`` is a
``DocumentCommand``: it names its document, and undo and redo open that document before they
change or draw anything, which is how undo works across the documents of a session. The caller gives
each command a ``Describe``: it makes the text of the Undo and Redo menu entries in the interface
language, now and again after a language switch (``retranslate_stack``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.core.errors import WorkbenchError
from workbench.core.model import Span, Status
from workbench.core.schema import Schema
from workbench.store.editing import Removal
from workbench.store.project import Project


@dataclass(frozen=True)
class Change:
    """What one store operation did to one annotator's set on one document."""

    document_id: str
    added: tuple[Span, ...] = ()
    removed: tuple[str, ...] = ()
    updated: tuple[Span, ...] = ()
    status: Status | None = None


class ChangeListener(Protocol):
    def open_document(self, document_id: str) -> None: ...

    def apply_change(self, change: Change) -> None: ...

    def report_error(self, message: str) -> None: ...


Describe = Callable[[], str]
"""Makes a command's text (what Undo and Redo name) in the current interface language."""


class DescribedCommand(QUndoCommand):
    """An undo command whose text ``describe`` makes, and makes again when the language changes."""

    def __init__(self, describe: Describe) -> None:
        super().__init__(describe())
        self._describe = describe

    def retranslate(self) -> None:
        self.setText(self._describe())


def retranslate_stack(stack: QUndoStack) -> None:
    """Name every command on ``stack`` in the interface language just installed."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, DescribedCommand):
            command.retranslate()


OpenDocument = Callable[[str], None]
"""Shows a document (its id) in the window, with its spans and events as stored."""


class DocumentCommand(DescribedCommand):
    """An undoable change to one document. ``undo`` and ``redo`` open that document first, then
    ``undo_in_document`` and ``redo_in_document`` change and draw it: nothing is drawn in, or
    taken from, whichever document happens to be shown. Opening the shown one does nothing."""

    def __init__(self, document_id: str, open_document: OpenDocument, describe: Describe) -> None:
        super().__init__(describe)
        self.document_id = document_id
        self._open_document = open_document

    def redo(self) -> None:
        self._open_document(self.document_id)
        self.redo_in_document()

    def undo(self) -> None:
        self._open_document(self.document_id)
        self.undo_in_document()

    def redo_in_document(self) -> None:
        raise NotImplementedError

    def undo_in_document(self) -> None:
        raise NotImplementedError


class StoreCommand(DocumentCommand):
    """The common shape: the change made at construction, then inverse and forward operations."""

    def __init__(self, listener: ChangeListener, describe: Describe, first: Change) -> None:
        super().__init__(first.document_id, listener.open_document, describe)
        self._listener = listener
        self._first: Change | None = first

    def redo_in_document(self) -> None:
        first, self._first = self._first, None
        self._report(lambda: first if first is not None else self.redo_change())

    def undo_in_document(self) -> None:
        self._report(self.undo_change)

    def redo_change(self) -> Change:
        raise NotImplementedError

    def undo_change(self) -> Change:
        raise NotImplementedError

    def _report(self, operation: Callable[[], Change]) -> None:
        """Run the store operation; a failure (the file gone read-only, say) is shown, not raised:
        Qt calls undo and redo, and an exception there would only be printed."""
        try:
            change = operation()
        except (WorkbenchError, sqlite3.Error) as error:
            self._listener.report_error(str(error))
            return
        self._listener.apply_change(change)


class AddSpans(StoreCommand):
    """New spans with one label (a hotkey, an accepted suggestion, or every search match)."""

    def __init__(
        self,
        project: Project,
        listener: ChangeListener,
        document_id: str,
        annotator: str,
        text: str,
        ranges: Sequence[tuple[int, int]],
        label: str,
        describe: Describe,
    ) -> None:
        spans = project.add_spans(document_id, annotator, ranges, label, text=text)
        self._project = project
        self._span_ids = [span.id for span in spans]
        self._removal: Removal | None = None
        super().__init__(listener, describe, Change(document_id, added=tuple(spans)))

    @property
    def span_ids(self) -> list[str]:
        return list(self._span_ids)

    def undo_change(self) -> Change:
        self._removal = self._project.delete_spans(self._span_ids)
        return Change(self.document_id, removed=tuple(self._span_ids))

    def redo_change(self) -> Change:
        assert self._removal is not None, "redo follows an undo"
        self._project.restore(self._removal)
        return Change(self.document_id, added=self._removal.spans)


class DeleteSpans(StoreCommand):
    """Spans removed with the events they trigger and the roles they fill; undo restores all."""

    def __init__(
        self,
        project: Project,
        listener: ChangeListener,
        document_id: str,
        span_ids: Sequence[str],
        describe: Describe,
    ) -> None:
        self._project = project
        self._span_ids = list(span_ids)
        self._removal = project.delete_spans(self._span_ids)
        first = Change(document_id, removed=tuple(self._span_ids))
        super().__init__(listener, describe, first)

    def undo_change(self) -> Change:
        self._project.restore(self._removal)
        return Change(self.document_id, added=self._removal.spans)

    def redo_change(self) -> Change:
        self._removal = self._project.delete_spans(self._span_ids)
        return Change(self.document_id, removed=tuple(self._span_ids))


class UpdateSpan(StoreCommand):
    """A span's label, attributes or note changed; ``before`` is the span as stored until now."""

    def __init__(
        self,
        project: Project,
        listener: ChangeListener,
        document_id: str,
        before: Span,
        after: Span,
        describe: Describe,
    ) -> None:
        self._project = project
        self._before = before
        self._after = self._store(after)
        super().__init__(listener, describe, Change(document_id, updated=(self._after,)))

    def undo_change(self) -> Change:
        return Change(self.document_id, updated=(self._store(self._before),))

    def redo_change(self) -> Change:
        return Change(self.document_id, updated=(self._store(self._after),))

    def _store(self, span: Span) -> Span:
        return self._project.update_span(
            span.id, label=span.label, attributes=span.attributes, note=span.note
        )


class SetStatus(StoreCommand):
    """The annotator marked the document done, or took it up again."""

    def __init__(
        self,
        project: Project,
        listener: ChangeListener,
        document_id: str,
        annotator: str,
        before: Status,
        after: Status,
        describe: Describe,
    ) -> None:
        self._project = project
        self._annotator = annotator
        self._before = before
        self._after = after
        first = self._store(document_id, after)
        super().__init__(listener, describe, first)

    def undo_change(self) -> Change:
        return self._store(self.document_id, self._before)

    def redo_change(self) -> Change:
        return self._store(self.document_id, self._after)

    def _store(self, document_id: str, status: Status) -> Change:
        self._project.set_status(document_id, self._annotator, status)
        return Change(document_id, status=status)


def relabelled(span: Span, label: str, schema: Schema) -> Span:
    """``span`` with an entity ``label``: attribute values the new label also allows are kept,
    the others are dropped, and the label's defaults fill what is missing."""
    allowed = {attribute.name: attribute for attribute in schema.attributes_for_entity(label)}
    kept = {
        name: value
        for name, value in span.attributes.items()
        if name in allowed and value in allowed[name].values
    }
    return replace(span, label=label, attributes=schema.default_attributes_for_entity(label) | kept)
