"""The undo stack's one command: a ``CommandStep`` wraps a Qt-free ``Command`` of app.

The edit itself lives in ``workbench/app/changes.py``: a command names its document, holds what
undo needs, and its ``apply`` and ``revert`` each make one store transaction and return the
``Change`` made. ``push_command`` applies a command first, so that a refusal (a duplicate span, a
read-only file) raises before anything is pushed; pushing it then only reports that first
change. Undo and redo work across the documents of a session: a step of the document shown
hands its ``Change`` to a ``ChangeListener`` (the window, the event controller, the adjudication
view), which shows it; a step of another document has that document shown as stored after the
change (``StepDocuments.show_changed``), which the annotator's window reads off the GUI thread (a
long document took 90 ms to read). A store refusal during undo or redo (the project changed
behind the stack's back, the file went read-only) is reported and the step dropped from the
stack. The caller gives each step a ``Describe``: it
makes the text of the Undo and Redo menu entries in the interface language, now and again after
a language switch (``retranslate_stack``).

The subclasses name the window's kinds of step (the event controller's are in
``event_commands.py``); each wraps one kind of command.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.app import changes
from workbench.app.changes import Change, Command
from workbench.app.project import Project
from workbench.core.errors import WorkbenchError
from workbench.ui.error_words import refusal_words

C = TypeVar("C", bound=Command)
S = TypeVar("S", bound="CommandStep[Any]")


class ChangeListener(Protocol):
    def apply_change(self, change: Change) -> None:
        """Show a change made, undone or redone in the shown document."""

    def report_refusal(self, message: str, command: Command) -> None:
        """Tell the user the store refused an undo or redo of ``command``; when its document is
        shown, show what it concerns as stored."""


class StepDocuments(Protocol):
    """Which document a window shows, for the steps of its undo stack (module docstring)."""

    def shows(self, document_id: str) -> bool:
        """``document_id`` is shown, and no other is on its way to be."""

    def show_changed(self, document_id: str, change: Change | None) -> None:
        """Show ``document_id`` with its annotations as stored now: a step changed it (``change``,
        None when the store refused) while it was not shown."""


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


class CommandStep(DescribedCommand, Generic[C]):
    """An applied ``command`` on the undo stack (see the module docstring); ``first`` is the
    change its first apply made, which the first ``redo`` (``QUndoStack.push``) reports."""

    def __init__(
        self,
        project: Project,
        command: C,
        first: Change,
        documents: StepDocuments,
        listener: ChangeListener,
        describe: Describe,
    ) -> None:
        super().__init__(describe)
        self.command = command
        self._project = project
        self._first: Change | None = first
        self._documents = documents
        self._listener = listener

    @property
    def document_id(self) -> str:
        return self.command.document_id

    def redo(self) -> None:
        first, self._first = self._first, None
        if first is None:
            self._run(self.command.apply)
        else:  # made in the shown document just before the push
            self._listener.apply_change(first)

    def undo(self) -> None:
        self._run(self.command.revert)

    def _run(self, operation: Callable[[Project], Change]) -> None:
        """Change the document, then show the change (module docstring); Qt calls undo and
        redo, where an exception would only be printed, so a refusal is reported instead."""
        shown = self._documents.shows(self.document_id)
        try:
            change: Change | None = operation(self._project)
        except (WorkbenchError, sqlite3.Error) as error:
            self.setObsolete(True)
            change = None
            self._listener.report_refusal(refusal_words(error, self._project.schema), self.command)
        if not shown:
            self._documents.show_changed(self.document_id, change)
        elif change is not None:
            self._listener.apply_change(change)


def push_command(
    stack: QUndoStack,
    step: type[S],
    project: Project,
    command: Command,
    documents: StepDocuments,
    listener: ChangeListener,
    describe: Describe,
) -> S:
    """Apply ``command`` and push it on ``stack`` as a ``step``; a refusal raises
    ``WorkbenchError`` and nothing is pushed."""
    pushed = step(project, command, command.apply(project), documents, listener, describe)
    stack.push(pushed)
    return pushed


class AddSpans(CommandStep[changes.AddSpans]):
    """Spans with one label: a hotkey, an accepted suggestion, label-all."""


class DeleteSpans(CommandStep[changes.DeleteSpans]):
    """The window's Delete key (the event controller's deletion is ``DeleteSpansCommand``)."""


class UpdateSpan(CommandStep[changes.UpdateSpan]):
    """A span relabelled, or its attributes or note edited."""


class ResizeSpan(CommandStep[changes.ResizeSpan]):
    """A span's ends moved by key or by dragging them."""


class SetStatus(CommandStep[changes.SetStatus]):
    """The document marked done, or taken up again."""


class RenameDocument(CommandStep[changes.RenameDocument]):
    """The document's title changed in the document list."""
