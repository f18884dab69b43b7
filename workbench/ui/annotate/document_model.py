"""The document list's models: the project's documents for one annotator (title, status, span
count), and the proxy that filters them by status and title.

A title is edited in place (F2, or a double click): the model only asks for the rename
(``renameRequested``); the window makes it an undoable command and reads the row again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from workbench.app.project import DocumentProgress, Project
from workbench.core.model import Status
from workbench.core.normalize import normalize_query
from workbench.ui.i18n import isolated

Index = QModelIndex | QPersistentModelIndex
_STATUS_ORDER = (Status.NEW, Status.IN_PROGRESS, Status.DONE)

DocumentRow = DocumentProgress


def load_rows(project: Project, annotator: str) -> list[DocumentRow]:
    """Every document, with this annotator's status and span count."""
    return project.annotator_progress(annotator)


def load_row(project: Project, annotator: str, document_id: str) -> DocumentRow:
    [row] = project.annotator_progress(annotator, document_id)
    return row


def status_text(status: Status) -> str:
    """A status as the interface language names it (the document list, the assignments)."""
    names = {
        Status.NEW: QCoreApplication.translate("Status", "new"),
        Status.IN_PROGRESS: QCoreApplication.translate("Status", "in progress"),
        Status.DONE: QCoreApplication.translate("Status", "done"),
    }
    return names[status]


class DocumentTableModel(QAbstractTableModel):
    NAME, STATUS, SPANS = range(3)
    renameRequested = Signal(str, str)
    """The title typed for a document (its id, the text as typed)."""

    def __init__(self, rows: list[DocumentRow]) -> None:
        super().__init__()
        self._rows = rows
        self._row_numbers = {row.id: number for number, row in enumerate(rows)}

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def row_of(self, document_id: str) -> int:
        return self._row_numbers[document_id]

    def document(self, document_id: str) -> DocumentRow:
        return self._rows[self._row_numbers[document_id]]

    def rows(self) -> list[DocumentRow]:
        return list(self._rows)

    def set_rows(self, rows: list[DocumentRow]) -> None:
        """Every row afresh: documents may have come in (an import, a merge)."""
        self.beginResetModel()
        self._rows = rows
        self._row_numbers = {row.id: number for number, row in enumerate(rows)}
        self.endResetModel()

    def replace_row(self, row: DocumentRow) -> None:
        number = self._row_numbers[row.id]
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.SPANS))

    def retranslate(self) -> None:
        """Headers and status names are texts in the interface language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.SPANS)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, self.STATUS), self.index(last, self.STATUS))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (isolated(row.title), status_text(row.status), row.spans)[index.column()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.NAME:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NAME:
            return isolated(row.name)  # the file stem, which exports name their files by
        if role == Qt.ItemDataRole.UserRole:  # what sorting compares: statuses in working order
            return (row.title, _STATUS_ORDER.index(row.status), row.spans)[index.column()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A title typed in the list: asked for, not kept here (the window stores it, undoably,
        and replaces the row)."""
        if role != Qt.ItemDataRole.EditRole or index.column() != self.NAME:
            return False
        self.renameRequested.emit(self._rows[index.row()].id, str(value))
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Status"), self.tr("Spans"))[section]
        return None



class DocumentFilter(QSortFilterProxyModel):
    """Rows whose status is among the chosen ones and whose title or file name contains the
    typed text.

    The title is matched as search is (diacritics, letter variants and case folded), so typing
    اسلام finds a document named الإسلام.
    """

    def __init__(self) -> None:
        super().__init__()
        self._statuses: frozenset[Status] = frozenset(Status)
        self._name = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_statuses(self, statuses: frozenset[Status]) -> None:
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_name(self, text: str) -> None:
        self.beginFilterChange()
        self._name = normalize_query(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DocumentTableModel)
        row = model.row_at(source_row)
        if row.status not in self._statuses:
            return False
        # Without typed text no name is folded: folding loads camel-tools' character sets (a
        # second of start-up) for nothing.
        return not self._name or any(self._name in normalize_query(name) for name in (row.title, row.name))
