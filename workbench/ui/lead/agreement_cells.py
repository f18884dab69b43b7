"""The agreement dashboard's tables: cells made ready from the agreement report (text, heat
colour, tooltip with the reason a value is undefined) and the read-only Qt model that shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
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

_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _BACKGROUND, _FOREGROUND})
"""The roles ``CellTableModel.data`` answers, as the plain numbers a view asks with."""
_VERTICAL_CENTRE = int(Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Cell:
    """A cell's text, heat colour (by name), tooltip and horizontal alignment, with what the
    model answers for them made at once (``background``, ``aligned``): cells are made on a
    worker thread (``AgreementTables.of_report``), the model answers on the GUI thread, and
    making a colour there took 8 microseconds a cell."""

    text: str
    colour: str | None = None
    tooltip: str = ""
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
    background: QColor | None = field(init=False, repr=False, compare=False)
    aligned: int = field(init=False, repr=False, compare=False)
    """``alignment``, vertically centred, as a number."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "background", _named_colour(self.colour) if self.colour else None)
        object.__setattr__(self, "aligned", int(self.alignment) | _VERTICAL_CENTRE)


@cache
def _named_colour(name: str) -> QColor:
    """One colour of each name (the heat colours are a few hundred), on any thread: a QColor
    is a plain value, which nothing changes once made."""
    return QColor(name)


_BLACK = _named_colour("#000000")


@dataclass
class CellTable:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    row_titles: list[str] = field(default_factory=list)


class CellTableModel(QAbstractTableModel):
    """A read-only table of ready-made cells (text, background, tooltip).

    A view asks each cell for eight roles as it measures a column, and the dashboard's tables
    measure a page of rows each as a report arrives (2,500 questions for its documents alone):
    ``data`` answers with what each cell made beforehand, the roles it has no answer for first."""

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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        cell = self._table.rows[index.row()][index.column()]
        if role == _DISPLAY:
            return cell.text
        if role == _TOOLTIP:
            return cell.tooltip or None
        if role == _ALIGNMENT:
            return cell.aligned
        if role == _BACKGROUND or cell.background is None:
            return cell.background
        return _BLACK  # on a heat colour, light in both themes

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != _DISPLAY:
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
