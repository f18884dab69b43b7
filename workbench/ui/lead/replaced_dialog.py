"""File > Replaced versions…: the project's versions of annotation sets that merges replaced
although the project had changed them too (kept by the merge, ``app.packages.replaced_versions``),
and putting one back, which keeps the set it replaces in its turn. Read and written on a worker
thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.app.packages import RESTORE, ReplacedSet, replaced_versions, restore_version
from workbench.app.project import Project
from workbench.core.progress import Progress
from workbench.ui.annotate.document_model import status_text
from workbench.ui.background import BackgroundTask, CancelCheck, read_only, run_in_background, writable
from workbench.ui.i18n import isolated, local_time
from workbench.ui.table_setup import set_up_table


class ReplacedVersionsDialog(QDialog):
    """The kept versions, newest last; "Put back" restores the chosen one."""

    restored = Signal()
    """A version was put back: what the window shows may have changed."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self.versions: list[ReplacedSet] = []
        self.model = QStandardItemModel(0, 6, self)
        self.setWindowTitle(self.tr("Replaced versions"))
        self.explanation = QLabel(
            self.tr(
                "When a merge takes an annotator's set that this project had changed too, the "
                "project's version is kept here. Putting one back keeps the set it replaces."
            )
        )
        self.explanation.setWordWrap(True)
        self.table = self._make_table()
        self.put_back_button = QPushButton(self.tr("Put back"))
        self.put_back_button.setEnabled(False)
        self.put_back_button.clicked.connect(self.put_back)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.put_back_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _make_table(self) -> QTableView:
        self.model.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Annotator"), self.tr("Status"), self.tr("Spans"),
             self.tr("Replaced"), self.tr("Replaced by")]
        )
        table = set_up_table(QTableView(), self.model)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def refresh(self) -> BackgroundTask:
        """Read the kept versions; they are shown when they arrive."""

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> list[ReplacedSet]:
            return replaced_versions(project)

        task = run_in_background(self, self.tr("Reading replaced versions"), read_only(self._project.path, use_case))
        task.succeeded.connect(self._show)
        return task

    def put_back(self) -> BackgroundTask | None:
        """Restore the chosen version (None when none is chosen)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        chosen = self.versions[rows[0].row()].id

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> ReplacedSet:
            return restore_version(project, chosen)

        task = run_in_background(
            self, self.tr("Putting a version back"), writable(self._project.path, use_case), cancellable=False
        )
        task.succeeded.connect(self._restored)
        return task

    def _restored(self, _version: ReplacedSet) -> None:
        self.restored.emit()
        self.refresh()

    def _show(self, versions: list[ReplacedSet]) -> None:
        self.versions = versions
        self.model.setRowCount(0)
        for version in versions:
            self.model.appendRow([QStandardItem(text) for text in self._texts(version)])
        for column in range(1, self.model.columnCount()):  # the document's stretches
            self.table.resizeColumnToContents(column)
        self._selection_changed()

    def _texts(self, version: ReplacedSet) -> list[str]:
        by = self.tr("putting back") if version.replaced_by == RESTORE else isolated(version.replaced_by)
        return [
            isolated(version.document_name), isolated(version.annotator), status_text(version.status),
            str(version.spans), local_time(version.replaced), by,
        ]

    def _selection_changed(self) -> None:
        self.put_back_button.setEnabled(bool(self.table.selectionModel().selectedRows()))


def open_replaced_versions(parent: QWidget, project: Project) -> ReplacedVersionsDialog:
    """File > Replaced versions…: open the dialog (window-modal, not blocking) and read the list."""
    dialog = ReplacedVersionsDialog(project, parent)
    dialog.resize(760, 360)
    dialog.open()
    dialog.refresh()
    return dialog

