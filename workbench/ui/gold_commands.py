"""Undo for adjudication: every write to gold is a ``GoldEdit`` (app), wrapped here for the
adjudication window's undo stack. Undo writes gold back as it was, redo as the edit left it;
either way the window then shows that document."""

from __future__ import annotations

from collections.abc import Callable

from workbench.app.adjudication import GoldEdit, redo_gold, undo_gold
from workbench.store.project import Project
from workbench.ui.commands import Describe, DescribedCommand


class GoldCommand(DescribedCommand):
    """One gold edit, made already when it is pushed (the first redo only reports it)."""

    def __init__(
        self, project: Project, edit: GoldEdit, describe: Describe, show: Callable[[str], None]
    ) -> None:
        super().__init__(describe)
        self._project = project
        self._edit = edit
        self._show = show
        self._made = True

    @property
    def document_id(self) -> str:
        return self._edit.document_id

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        redo_gold(self._project, self._edit)
        self._show(self._edit.document_id)

    def undo(self) -> None:
        undo_gold(self._project, self._edit)
        self._show(self._edit.document_id)
