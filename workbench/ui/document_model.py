"""The document list: a Qt table model over the project's documents for one annotator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.core.model import Status
from workbench.store.project import Project

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    name: str
    status: Status
    spans: int


def load_rows(project: Project, annotator: str) -> list[DocumentRow]:
    """Every document, with this annotator's status and span count, in one query."""
    query = """
        SELECT d.id, d.name, coalesce(a.status, 'new'),
               (SELECT count(*) FROM spans s WHERE s.set_id = a.id)
        FROM documents d
        LEFT JOIN annotation_sets a ON a.document_id = d.id AND a.annotator = ?
        ORDER BY d.ord"""
    return [
        DocumentRow(doc_id, name, Status(status), spans)
        for doc_id, name, status, spans in project.db.execute(query, [annotator])
    ]


class DocumentTableModel(QAbstractTableModel):
    COLUMNS = ("name", "status", "spans")

    def __init__(self, rows: list[DocumentRow]) -> None:
        super().__init__()
        self._rows = rows

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        return (row.name, status_text(row.status), row.spans)[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Status"), self.tr("Spans"))[section]
        return None


def status_text(status: Status) -> str:
    return {
        Status.NEW: DocumentTableModel.tr("new"),
        Status.IN_PROGRESS: DocumentTableModel.tr("in progress"),
        Status.DONE: DocumentTableModel.tr("done"),
    }[status]
