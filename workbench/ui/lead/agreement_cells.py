"""The agreement dashboard's tables: cells made ready from the agreement report (text, heat
colour, tooltip with the reason a value is undefined) and the read-only Qt models that show them:
``CellItemModel``, Qt's own items, made on the worker thread with the report's tables, and
``CellTableModel``, answering from Python, for the heatmap, which changes with the measure."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

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
    """A read-only table of ready-made cells (text, background, tooltip), whose table may
    change (the heatmap's, with the measure chosen).

    A view asks each cell for eight roles as it measures and paints it: ``data`` answers with
    what each cell made beforehand, the roles it has no answer for first."""

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


class CellItemModel(QStandardItemModel):
    """A ``CellTable`` as Qt's own read-only items: a view measures and paints them without a
    call into Python. As a report arrived, the dashboard's views asked ``CellTableModel`` 4,400
    times for their cells' roles, 5-7 ms of the GUI thread; these items are made on the worker
    thread that computes the report (``on_gui_thread`` hands them over). They are made by Qt from
    their roles (``setItemData``): an item made in Python keeps a Python object alive with it,
    which the garbage collector then walks on the GUI thread (1.5 ms more for a report's 5,000
    cells)."""

    def __init__(self, table: CellTable | None = None) -> None:
        self._table = table or CellTable([])
        super().__init__(len(self._table.rows), len(self._table.columns))
        self.setItemPrototype(_read_only_item())
        self.setHorizontalHeaderLabels(self._table.columns)
        for row, cells in enumerate(self._table.rows):
            for column, cell in enumerate(cells):
                self.setItemData(self.index(row, column), _roles(cell))

    def cell(self, row: int, column: int) -> Cell:
        return self._table.rows[row][column]

    def on_gui_thread(self) -> CellItemModel:
        """This model, moved from the worker thread that made it to the GUI thread, where its
        views are (a QObject lives in the thread that made it; only that thread may move it)."""
        application = QCoreApplication.instance()
        assert application is not None
        self.moveToThread(application.thread())
        return self


def _read_only_item() -> QStandardItem:
    """The item a ``CellItemModel`` copies for each of its cells (in Qt): not editable, as a
    table model's cell is by default."""
    item = QStandardItem()
    flag = Qt.ItemFlag
    item.setFlags(flag.ItemIsSelectable | flag.ItemIsEnabled | flag.ItemNeverHasChildren)
    return item


def _roles(cell: Cell) -> dict[int, Any]:
    """What ``CellTableModel.data`` answers for ``cell``, by role."""
    roles: dict[int, Any] = {_DISPLAY: cell.text, _ALIGNMENT: cell.aligned}
    if cell.tooltip:
        roles[_TOOLTIP] = cell.tooltip
    if cell.background is not None:
        roles[_BACKGROUND] = cell.background
        roles[_FOREGROUND] = _BLACK
    return roles


def value_at(report: Report, path: KeyPath) -> Any:
    value: Any = report
    for key in path:
        value = value[key]
    return value


def score_text(value: float | None) -> str:
    """``format_score`` kept left to right in a mirrored table, where a kappa of -0.250 would
    read 0.250- (the minus sign has no direction of its own and takes the table's); an undefined
    value in the interface's language."""
    if value is None:
        return QCoreApplication.translate("Agreement", "n/a")
    return isolated(format_score(value))


def score_cell(report: Report, path: KeyPath, tooltip: str = "", *, heat: bool = True) -> Cell:
    """The score at ``path``, coloured by its value unless ``heat`` is false; an undefined one
    says why in its tooltip."""
    value = value_at(report, path)
    reason = undefined_reason(report, *path) if value is None else None
    tip = "\n".join(part for part in (tooltip, reason) if part)
    return Cell(score_text(value), heat_colour(value) if heat else None, tip)
