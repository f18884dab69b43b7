"""The Project menu of the annotator's window: export, merging packages and the versions merges
replaced, assignments, and the lead's agreement dashboard and adjudication window. After a merge,
a version put back or a change of assignments the window reads its documents again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.ui.i18n import isolated
from workbench.ui.lead.assignment_dialog import open_assignment_dialog, open_merge_packages
from workbench.ui.lead.export_dialog import open_export_dialog
from workbench.ui.lead.replaced_dialog import open_replaced_versions

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow


class ProjectMenu(QObject):
    """The Project menu's entries for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def export(self) -> None:
        open_export_dialog(self._window, self._window.project, self._exported)

    def merge_packages(self) -> None:
        task = open_merge_packages(self._window, self._window.project)
        if task is not None:
            task.succeeded.connect(lambda _summary: self._window.reload())

    def replaced_versions(self) -> None:
        window = self._window
        open_replaced_versions(window, window.project).restored.connect(window.reload)

    def manage_assignments(self) -> None:
        window = self._window
        open_assignment_dialog(window, window.project).finished.connect(lambda _result: window.reload())

    # The lead's windows are imported when first opened: the agreement measures load numpy, which
    # an annotator's start-up need not wait for.

    def open_agreement(self) -> None:
        from workbench.ui.lead.agreement_dashboard import open_agreement_dashboard

        open_agreement_dashboard(self._window, self._window.project, self._window.annotator)

    def open_adjudication(self) -> None:
        from workbench.ui.lead.adjudication_view import open_adjudication

        window = self._window
        open_adjudication(window, window.project, window.annotator, window.current_document_id)

    def _exported(self, path: str, documents: int) -> None:
        self._window.tell(self.tr("Exported %n document(s) to %1", "", documents).replace("%1", isolated(path)))
