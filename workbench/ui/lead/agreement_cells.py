"""The agreement dashboard's tables: cells made ready from the agreement report (text, heat
colour, tooltip with the reason a value is undefined) and the read-only Qt model that shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workbench.app.agreement_html import format_score, heat_colour
from workbench.core.agreement import undefined_reason
from workbench.ui.i18n import isolated

Index = QModelIndex | QPersistentModelIndex
Report = dict[str, Any]
KeyPath = tuple[str | int, ...]
"""Keys (and list indexes) leading to a value in the report."""


@dataclass(frozen=True)
class Cell:
    text: str
    colour: str | None = None
    tooltip: str = ""
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter


@dataclass
class CellTable:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    row_titles: list[str] = field(default_factory=list)


class CellTableModel(QAbstractTableModel):
    """A read-only table of ready-made cells (text, background, tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self._table = CellTable([])

    def set_table(self, table: CellTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell:
        return self._table.rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole and cell.colour:
            return QColor(cell.colour)
        if role == Qt.ItemDataRole.ForegroundRole and cell.colour:
            return QColor("#000000")  # the heat colours are light in both themes
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return cell.alignment | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._table.columns[section]
        titles = self._table.row_titles
        return titles[section] if titles else None


def value_at(report: Report, path: KeyPath) -> Any:
    value: Any = report
    for key in path:
        value = value[key]
    return value


def score_text(value: float | None) -> str:
    """``format_score`` kept left to right in a mirrored table, where a kappa of -0.250 would
    read 0.250- (the minus sign has no direction of its own and takes the table's)."""
    return isolated(format_score(value))


def score_cell(report: Report, path: KeyPath, tooltip: str = "", *, heat: bool = True) -> Cell:
    """The score at ``path``, coloured by its value unless ``heat`` is false; an undefined one
    says why in its tooltip."""
    value = value_at(report, path)
    reason = undefined_reason(report, *path) if value is None else None
    tip = "\n".join(part for part in (tooltip, reason) if part)
    return Cell(score_text(value), heat_colour(value) if heat else None, tip)
