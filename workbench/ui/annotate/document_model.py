"""The document list's models: the project's documents for one annotator (name, status, span
count), and the proxy that filters them by status and name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (isolated(row.name), status_text(row.status), row.spans)[index.column()]
        if role == Qt.ItemDataRole.UserRole:  # what sorting compares: statuses in working order
            return (row.name, _STATUS_ORDER.index(row.status), row.spans)[index.column()]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Status"), self.tr("Spans"))[section]
        return None



class DocumentFilter(QSortFilterProxyModel):
    """Rows whose status is among the chosen ones and whose name contains the typed text.

    The name is matched as search is (diacritics, letter variants and case folded), so typing
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

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, DocumentTableModel)
        row = model.row_at(source_row)
        if row.status not in self._statuses:
            return False
        # Without typed text no name is folded: folding loads camel-tools' character sets (a
        # second of start-up) for nothing.
        return not self._name or self._name in normalize_query(row.name)
