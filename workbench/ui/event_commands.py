"""Undo steps for events: each is one store operation and its inverse (DESIGN.md: a user action
becomes an undo command, which calls one store operation, which is one transaction).

The controller runs an operation once before pushing its command, so that a refusal is shown and
nothing is pushed; the first ``redo`` (which ``QUndoStack.push`` calls) therefore only brings
the widgets up to date. After that, ``undo`` and ``redo`` run the store operations themselves.
Deletions keep the store's ``Removal`` and put back exactly that (same ids) with ``restore``.
Each command names its document (``DocumentCommand``): undo and redo show it first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from workbench.core.errors import WorkbenchError
from workbench.core.model import Argument, Event
from workbench.store.editing import Removal
from workbench.store.project import Project
from workbench.ui.commands import Describe, DocumentCommand


class EventEditor(Protocol):
    """What the commands need from the controller."""

    @property
    def project(self) -> Project: ...

    def show_document(self, document_id: str) -> None:
        """Show the document (text, spans, events) before an undo or redo changes it."""

    def refresh(self, *, span_ids: Iterable[str] = (), event_ids: Iterable[str] = ()) -> None:
        """Bring the widgets in line with the store for these spans and events."""

    def report(self, message: str) -> None:
        """Tell the user an undo or redo could not be done."""


class StoreCommand(DocumentCommand):
    """The shared base: ``apply`` (redo) and ``revert`` (undo) call the store; afterwards the
    editor refreshes what ``touched`` names. A store refusal during undo or redo (the project
    changed behind the stack's back) is reported and the command dropped from the stack."""

    def __init__(self, editor: EventEditor, document_id: str, describe: Describe) -> None:
        super().__init__(document_id, editor.show_document, describe)
        self._editor = editor
        self._first_redo = True

    def redo_in_document(self) -> None:
        if self._first_redo:
            self._first_redo = False
        else:
            self._run(self.apply)
        self._refresh()

    def undo_in_document(self) -> None:
        self._run(self.revert)
        self._refresh()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def touched(self) -> tuple[list[str], list[str]]:
        """(span ids, event ids) whose shown state may have changed."""
        raise NotImplementedError

    @property
    def project(self) -> Project:
        return self._editor.project

    def _run(self, operation: Callable[[], None]) -> None:
        try:
            operation()
        except WorkbenchError as error:
            self._editor.report(str(error))
            self.setObsolete(True)

    def _refresh(self) -> None:
        span_ids, event_ids = self.touched()
        self._editor.refresh(span_ids=span_ids, event_ids=event_ids)


class _Deletion:
    """Spans deleted with what depended on them, and put back: the two halves of creating an
    event (undo deletes its trigger) and of deleting spans (undo restores them)."""

    def __init__(self, span_ids: list[str], removal: Removal | None = None) -> None:
        self.span_ids = span_ids
        self.removal = removal

    def delete(self, project: Project) -> None:
        self.removal = project.delete_spans(self.span_ids)

    def restore(self, project: Project) -> None:
        assert self.removal is not None, "restore follows a deletion"
        project.restore(self.removal)

    def event_ids(self, *also: str) -> list[str]:
        """The events the deletion removed or changed."""
        removal = self.removal
        removed = [] if removal is None else [event.id for event in removal.events]
        changed = [] if removal is None else [event_id for event_id, _, _ in removal.arguments]
        return list(dict.fromkeys([*also, *removed, *changed]))


class CreateEventCommand(StoreCommand):
    """An event and its trigger span: undo deletes the trigger span, which takes the event."""

    def __init__(
        self, editor: EventEditor, document_id: str, event: Event, describe: Describe
    ) -> None:
        super().__init__(editor, document_id, describe)
        self._event_id = event.id
        self._deletion = _Deletion([event.trigger_span_id])

    def apply(self) -> None:
        self._deletion.restore(self.project)

    def revert(self) -> None:
        self._deletion.delete(self.project)

    def touched(self) -> tuple[list[str], list[str]]:
        return self._deletion.span_ids, self._deletion.event_ids(self._event_id)


class DeleteSpansCommand(StoreCommand):
    """Spans, with the events they trigger and the roles they fill; undo puts all back."""

    def __init__(self, editor: EventEditor, removal: Removal, describe: Describe) -> None:
        super().__init__(editor, removal.document_id, describe)
        self._deletion = _Deletion([span.id for span in removal.spans], removal)

    def apply(self) -> None:
        self._deletion.delete(self.project)

    def revert(self) -> None:
        self._deletion.restore(self.project)

    def touched(self) -> tuple[list[str], list[str]]:
        return self._deletion.span_ids, self._deletion.event_ids()


class ArgumentCommand(StoreCommand):
    """A role filled (``adding``) or emptied; undo does the other."""

    def __init__(
        self,
        editor: EventEditor,
        document_id: str,
        event_id: str,
        argument: Argument,
        *,
        adding: bool,
    ) -> None:
        super().__init__(editor, document_id, lambda: _argument_text(argument, adding=adding))
        self._event_id = event_id
        self._argument = argument
        self._adding = adding
        self._position: int | None = None
        """Where a removed argument stood, so that adding it back puts it there."""

    def apply(self) -> None:
        self._change(add=self._adding)

    def revert(self) -> None:
        self._change(add=not self._adding)

    def _change(self, *, add: bool) -> None:
        argument = self._argument
        if add:
            self.project.add_argument(
                self._event_id,
                argument.role,
                span_id=argument.span_id,
                filler_event_id=argument.event_id,
                order=self._position,
            )
        else:
            self._position = self.project.remove_argument(self._event_id, argument)

    def touched(self) -> tuple[list[str], list[str]]:
        return [], [self._event_id]


class EditAttributesCommand(StoreCommand):
    def __init__(
        self,
        editor: EventEditor,
        document_id: str,
        event_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        super().__init__(editor, document_id, lambda: _translate("Change event attributes"))
        self._event_id = event_id
        self._before = before
        self._after = after

    def apply(self) -> None:
        self.project.update_event(self._event_id, self._after)

    def revert(self) -> None:
        self.project.update_event(self._event_id, self._before)

    def touched(self) -> tuple[list[str], list[str]]:
        return [], [self._event_id]


def _argument_text(argument: Argument, *, adding: bool) -> str:
    text = _translate("Fill role {role}") if adding else _translate("Empty role {role}")
    return text.format(role=argument.role)


def _translate(text: str) -> str:
    return QCoreApplication.translate("EventCommands", text)
