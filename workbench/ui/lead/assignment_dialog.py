"""Handing work out and bringing it back: assigning documents to annotators, writing an
annotator's package, and File > Merge packages….

The assignment table has a row per document and a column per annotator; a ticked cell is a
document assigned to that annotator, with the status of their work on it. Ticking a cell assigns
at once (one transaction, like every change). A tick cannot be taken back here: the store has no
operation that takes a document away from an annotator (it would delete their work on it).

Merging runs in the background on a connection of its own (``background.writable``). The
packages are validated first, where Cancel still stops everything; merging itself is one
transaction for all of them and cannot be stopped half-way (``merge_packages`` takes no ``cancelled``), so a
Cancel pressed then is ignored and the summary shows what was merged.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.app import document_list
from workbench.app.document_list import TitledDocument
from workbench.app.packages import (
    MergeSummary,
    assign,
    assignment_statuses,
    checked_merge,
    choose_documents,
    first_names,
    write_package,
)
from workbench.app.project import Project
from workbench.core.errors import WorkbenchError
from workbench.core.model import GOLD, Status
from workbench.core.progress import Progress
from workbench.ui.annotate.document_model import KEPT_PAGES, PAGE, status_text
from workbench.ui.background import (
    BackgroundTask,
    CancelCheck,
    UseCase,
    run_in_background,
    writable,
)
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated
from workbench.ui.lead.row_titles import RowTitles

Index = QModelIndex | QPersistentModelIndex

_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_CELL_ROLES = frozenset({_DISPLAY, _CHECK_STATE})
_TITLE_ROLES = frozenset({_DISPLAY, _TOOLTIP})
"""The roles ``AssignmentModel`` answers for a cell and for a row's title, as the plain numbers
a view asks with: it asks each for eight or nine roles as it paints and measures them."""


@dataclass(frozen=True)
class _Page:
    """``PAGE`` rows of the assignment table: each document's id, name and title, in project
    order, and the status of each of their assignments by (document id, annotator)."""

    documents: list[TitledDocument]
    statuses: dict[tuple[str, str], Status]


def package_filter() -> str:
    return QCoreApplication.translate("Merge", "Tawsim projects (*.tawsim)")


class AssignmentModel(QAbstractTableModel):
    """Documents x annotators; a checked cell is an assignment, showing the work's status.

    A project may hold 100,000 documents: the model starts from their count and reads the rows a
    view paints a page at a time (their ids and names, and their assignments' statuses), keeping
    the pages last read."""

    refused = Signal(str)
    """A tick the project refused (another program is changing it): why."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self._project = project
        self._count = 0
        self.annotators: list[str] = []
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._count = self._project.document_count()
        self.annotators = [a for a in self._project.annotators() if a != GOLD]
        self._pages.clear()
        self.endResetModel()

    def _page(self, number: int) -> _Page:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        documents = document_list.titles_by_position(self._project, number * PAGE, PAGE)
        page = _Page(documents, assignment_statuses(self._project, [document.id for document in documents]))
        self._pages[number] = page
        if len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return page

    def _document(self, row: int) -> TitledDocument:
        return self._page(row // PAGE).documents[row % PAGE]

    def document_id(self, row: int) -> str:
        return self._document(row).id

    def is_assigned(self, document_id: str, annotator: str) -> bool:
        return (document_id, annotator) in assignment_statuses(self._project, [document_id])

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.annotators)

    def _status(self, index: Index) -> Status | None:
        """The status of the annotator's work on the document; None when it is not assigned."""
        page = self._page(index.row() // PAGE)
        document_id = page.documents[index.row() % PAGE].id
        return page.statuses.get((document_id, self.annotators[index.column()]))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _CELL_ROLES or not index.isValid():
            return None
        status = self._status(index)
        if role == _CHECK_STATE:
            return Qt.CheckState.Unchecked if status is None else Qt.CheckState.Checked
        return "" if status is None else status_text(status)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled
        if index.isValid() and self._status(index) is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if role != Qt.ItemDataRole.CheckStateRole or not checked:
            return False
        annotator = self.annotators[index.column()]
        try:
            assign(self._project, annotator, [self.document_id(index.row())])
        except WorkbenchError as error:
            self.refused.emit(error_words(error))
            return False
        self._pages.pop(index.row() // PAGE, None)
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """An annotator's name above a column; a document's title before its row, as the
        annotator's list shows it, with its name (the file stem) as the tooltip."""
        if role not in _TITLE_ROLES:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.annotators[section] if role == _DISPLAY else None
        document = self._document(section)
        return isolated(document.title if role == _DISPLAY else document.name)


class AssignmentDialog(QDialog):
    """Assign documents, sample documents for an annotator, write packages, merge packages."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Assignments and packages"))
        self.model = AssignmentModel(project)
        self.model.refused.connect(self._say)
        self.table = self._table()
        self.new_annotator_edit = QLineEdit()
        self.new_annotator_edit.setPlaceholderText(self.tr("New annotator's name"))
        self.add_annotator_button = QPushButton(self.tr("Add annotator"))
        self.annotator_combo = QComboBox()
        self.sample_spin = QSpinBox()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.sample_button = QPushButton(self.tr("Assign a sample"))
        self.package_button = QPushButton(self.tr("Write package for this annotator…"))
        self.merge_button = QPushButton(self.tr("Merge packages…"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._lay_out()
        self._connect()
        self._refresh_choices()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setVerticalHeader(RowTitles(table))
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_annotator_edit, 1)
        add_row.addWidget(self.add_annotator_button)
        per_annotator = QGroupBox(self.tr("For one annotator"))
        grid = QGridLayout(per_annotator)
        grid.addWidget(QLabel(self.tr("Annotator")), 0, 0)
        grid.addWidget(self.annotator_combo, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Documents")), 1, 0)
        grid.addWidget(self.sample_spin, 1, 1)
        grid.addWidget(QLabel(self.tr("Seed")), 1, 2)
        grid.addWidget(self.seed_spin, 1, 3)
        grid.addWidget(self.sample_button, 2, 0, 1, 4)
        grid.addWidget(self.package_button, 3, 0, 1, 4)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick a cell to assign the document to the annotator.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(per_annotator)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.add_annotator_button.clicked.connect(self._add_annotator)
        self.new_annotator_edit.returnPressed.connect(self._add_annotator)
        self.sample_button.clicked.connect(self._assign_sample)
        self.package_button.clicked.connect(self._choose_package_path)
        self.merge_button.clicked.connect(self._choose_packages)
        self.annotator_combo.currentIndexChanged.connect(self._refresh_buttons)

    def _refresh_choices(self) -> None:
        chosen = self.annotator_combo.currentText()
        self.annotator_combo.clear()
        self.annotator_combo.addItems(self.model.annotators)
        self.annotator_combo.setCurrentText(chosen)
        documents = self.model.rowCount()
        self.sample_spin.setRange(1, max(documents, 1))
        self.sample_spin.setSuffix(self.tr(" of {count}").format(count=documents))
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        chosen = bool(self.annotator_combo.currentText())
        self.sample_button.setEnabled(chosen and self.model.rowCount() > 0)
        self.package_button.setEnabled(chosen)

    def _say(self, message: str) -> None:
        self.status_label.setText(message)

    def _reload(self) -> None:
        self.model.reload()
        self._refresh_choices()

    # -- actions --------------------------------------------------------------------------------

    def add_annotator(self, name: str) -> None:
        name = name.strip()
        if name == GOLD:
            self._say(
                self.tr("'{gold}' is the adjudicated layer, not an annotator.").format(gold=GOLD)
            )
            return
        try:
            self._project.ensure_annotator(name)
        except WorkbenchError as error:
            self._say(error_words(error))
            return
        self._reload()
        self.annotator_combo.setCurrentText(name)
        self.new_annotator_edit.clear()

    def _add_annotator(self) -> None:
        self.add_annotator(self.new_annotator_edit.text())

    def assign_sample(self, annotator: str, count: int, seed: int) -> BackgroundTask:
        """Assign a reproducible random sample of ``count`` documents to ``annotator``, in the
        background: sampling reads every document's id, which takes longer than a frame on a
        large project."""

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> tuple[int, int]:
            document_ids = choose_documents(project, sample=count, seed=seed)
            return len(document_ids), assign(project, annotator, document_ids)

        task = self._write_in_background(
            self.tr("Assigning a sample to {name}").format(name=annotator), use_case
        )
        task.succeeded.connect(lambda counts: self._sampled(annotator, *counts))
        task.failed.connect(self._say)
        return task

    def _sampled(self, annotator: str, sampled: int, added: int) -> None:
        self._reload()
        self._say(
            self.tr("{count} documents sampled for {name}; {new} of them newly assigned.").format(
                count=sampled, name=annotator, new=added
            )
        )

    def _assign_sample(self) -> None:
        self.assign_sample(
            self.annotator_combo.currentText(), self.sample_spin.value(), self.seed_spin.value()
        )

    def write_package_to(self, annotator: str, out: Path) -> BackgroundTask:
        """Write ``annotator``'s package to ``out`` in the background."""

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> int:
            return write_package(project, annotator, out)

        task = self._write_in_background(
            self.tr("Writing the package for {name}").format(name=annotator), use_case
        )
        task.succeeded.connect(
            lambda count: self._say(
                self.tr("Wrote {name}'s package ({count} documents) to {path}.").format(
                    name=isolated(annotator), count=count, path=isolated(str(out))
                )
            )
        )
        return task

    def _write_in_background(self, title: str, use_case: UseCase[Any]) -> BackgroundTask:
        """``use_case`` on the project, on a connection of a worker thread's own, behind a
        progress dialog titled ``title`` with no Cancel (it is one transaction)."""
        self.task = run_in_background(
            self, title, writable(self._project.path, use_case), cancellable=False
        )
        return self.task

    def _choose_package_path(self) -> None:
        annotator = self.annotator_combo.currentText()
        suggested = self._project.path.with_name(f"{self._project.path.stem}-{annotator}.tawsim")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the package to"), str(suggested), package_filter()
        )
        if chosen:
            self.write_package_to(annotator, Path(chosen))

    def _choose_packages(self) -> None:
        task = open_merge_packages(self, self._project)
        if task is not None:
            self.task = task
            task.finished.connect(self._reload)


def merge_use_case(
    paths: Sequence[Path],
) -> Callable[[Project, Progress, CancelCheck], MergeSummary]:
    """``checked_merge`` of ``paths`` as a background use case (see the module docstring)."""

    def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> MergeSummary:
        return checked_merge(project, paths, progress, cancelled)

    return use_case


def merge_summary_text(summary: MergeSummary) -> str:
    translate = QCoreApplication.translate
    text = translate(
        "Merge",
        "Merged {packages} packages: {replaced} annotation sets taken from them (newer), "
        "{unchanged} unchanged.\n{paths}",
    ).format(
        packages=len(summary.packages),
        replaced=summary.replaced,
        unchanged=summary.unchanged,
        paths="\n".join(summary.packages),
    )
    both = summary.changed_on_both_sides
    if not both:
        return text
    replaced = translate(
        "Merge",
        "{count} of the sets taken had been changed in this project too since their package was "
        "written; the package's replaced them: {names}",
    ).format(count=len(both), names=first_names(both))
    kept = translate("Merge", "The project's versions are kept: File > Replaced versions…")
    return f"{text}\n\n{replaced}\n{kept}"


def merge_packages_in_background(
    parent: QWidget, project: Project, paths: Sequence[Path]
) -> BackgroundTask:
    """Merge ``paths`` into ``project`` in the background; shows the summary (or the refusal,
    which names the package) in a message box that does not block."""
    title = QCoreApplication.translate("Merge", "Merging packages")
    task = run_in_background(parent, title, writable(project.path, merge_use_case(list(paths))))
    task.succeeded.connect(lambda summary: _show_summary(parent, title, summary))
    return task


def _show_summary(parent: QWidget, title: str, summary: MergeSummary) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, merge_summary_text(summary), parent=parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def open_merge_packages(parent: QWidget, project: Project) -> BackgroundTask | None:
    """File > Merge packages…: choose package files and merge them; the returned task's
    ``succeeded(MergeSummary)`` is the moment to reload what the window shows (None when the
    user chose nothing)."""
    translate = QCoreApplication.translate
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("Merge", "Merge packages"),
        str(project.path.parent),
        package_filter(),
    )
    if not paths:
        return None
    return merge_packages_in_background(parent, project, [Path(p) for p in paths])


def open_assignment_dialog(parent: QWidget, project: Project) -> AssignmentDialog:
    """Project > Assignments and packages…: open the dialog (window-modal, not blocking)."""
    dialog = AssignmentDialog(project, parent)
    dialog.resize(720, 560)
    dialog.open()
    return dialog
