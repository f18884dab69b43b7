"""The one set-up of the workbench's list tables (documents, labels, spans, search results,
events, agreement and adjudication tables): read-only cells, no row numbers, one line per row,
whole rows selected one at a time (or nothing selectable); and a table sized to its contents that
measures them once (``ContentsSizedTable``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, QEvent, SignalInstance
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyleOptionViewItem, QTableView, QWidget

Selection = QAbstractItemView.SelectionMode


def set_up_table(
    table: QTableView, model: QAbstractItemModel, *, selectable: bool = True
) -> QTableView:
    """Give ``table`` its ``model`` and the shared look and behaviour; ``selectable`` False: a
    click selects nothing (the label palette, the agreement tables). Returns ``table``.

    The row numbers are hidden before the model comes: shown, Qt sizes their header to the first
    and last hundred rows' headers as the model is set, four roles each (800 calls into Python,
    2-3 ms, as the adjudication window opened)."""
    table.verticalHeader().hide()
    table.setModel(model)
    if selectable:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(Selection.SingleSelection if selectable else Selection.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    return table


def fitted_table(
    model: QAbstractItemModel,
    *,
    rows_measured: int = -1,
    selectable: bool = True,
) -> ContentsSizedTable:
    """A ``ContentsSizedTable`` (``set_up_table``) whose columns fit their contents, the last
    stretched, measured on ``rows_measured`` rows (set before the resize mode, which measures at
    once; -1: Qt's default, a thousand rows)."""
    table = ContentsSizedTable()
    set_up_table(table, model, selectable=selectable)
    header = table.horizontalHeader()
    if rows_measured >= 0:
        header.setResizeContentsPrecision(rows_measured)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ContentsSizedTable(QTableView):
    """A table whose columns' widths (``QHeaderView.ResizeMode.ResizeToContents``) are measured
    once for the rows they are measured on, until the model's rows or the table's look change.

    Qt measures a column again each time its header lays out, on every resize: five times, two
    milliseconds each, as the adjudication window opened, all on the same rows. The measure is
    Qt's own (``sizeHintForColumn``), kept by the rows it starts from (the first shown, and the
    last when the table is on screen) and the header's precision: with a precision of N rows and
    the first row at the top, Qt measures the first N, whatever is shown, so the last shown does
    not count then (the adjudication window's list was measured before it showed and again once
    shown, on the same 64 rows). A change of the model's rows,
    of the font, style or palette measures again; so would any other setting that changes a
    cell's size (the grid, word wrap), were it changed once the table is measured: none is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widths: dict[tuple[int, int, int, int], int] = {}

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Connected before Qt's own slots, the widths are forgotten before the header measures
        the new rows (connected after, a reset of the model was measured by the header, then
        forgotten and measured again: the agreement dashboard's documents, 5 columns of 64 rows,
        twice as its report arrived)."""
        follow_model(self.model(), model, _row_signals, self._forget_widths)
        super().setModel(model)
        self._widths.clear()

    def sizeHintForColumn(self, column: int) -> int:
        header = self.verticalHeader()
        first, precision = header.visualIndexAt(0), self.horizontalHeader().resizeContentsPrecision()
        from_the_top = first <= 0 and precision > 0  # the first rows, however many are shown
        last = header.visualIndexAt(self.viewport().height()) if self.isVisible() and not from_the_top else -1
        key = (column, first, last, precision)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.measure_column(column)
        return width

    def measure_column(self, column: int) -> int:
        """The column's width as its contents ask: Qt's own measure (``sizeHintForColumn``: the
        widest cell's size hint, a pixel more for the grid), on one cell of each of the column's
        texts when the model can tell them (``DistinctCells``): a status, a count or a label
        repeats down a column, and each cell measured costs about a tenth of a millisecond."""
        model = self.model()
        if not isinstance(model, DistinctCells):
            return super().sizeHintForColumn(column)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        widths = [
            self.itemDelegateForIndex(index).sizeHint(option, index).width()
            for index in (model.index(row, column) for row in model.distinct_rows(column, self._measured_rows()))
        ]
        widest = max(widths, default=0)
        return widest + 1 if self.showGrid() else widest

    def _measured_rows(self) -> range:
        """The rows Qt measures a column on: from the first shown, as many as the header's
        precision (0: all of them), taken from before the first where the rows after run out."""
        rows = self.model().rowCount()
        precision = self.horizontalHeader().resizeContentsPrecision()
        count = rows if precision <= 0 else min(precision, rows)
        first = min(max(self.verticalHeader().visualIndexAt(0), 0), rows - count)
        return range(first, first + count)

    def changeEvent(self, event: QEvent) -> None:
        """A font, style, palette or language changed: the widths are measured again. Other
        changes (of parent, of enabled state, of window title) leave the cells' sizes as they
        were: the adjudication window's document list was measured again once placed in its
        splitter, on the same rows (2-3 ms as the window opened). A new parent with another font
        sends a font change of its own."""
        if event.type() in SIZE_CHANGES:
            self._widths.clear()
        super().changeEvent(event)

    def _forget_widths(self, *_: object) -> None:
        self._widths.clear()


@runtime_checkable
class DistinctCells(Protocol):
    """A model that can tell which of a column's cells look alike: their size is that of the
    first of them."""

    def distinct_rows(self, column: int, rows: range) -> list[int]:
        """Of ``rows``, the first of each kind of cell of ``column`` (same text, same font)."""
        ...


SIZE_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.ApplicationFontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.PaletteChange,
        QEvent.Type.ApplicationPaletteChange,
        QEvent.Type.LanguageChange,
        QEvent.Type.LocaleChange,
        QEvent.Type.LayoutDirectionChange,
    }
)
"""The changes of a widget that may change the size of its cells' contents."""


def follow_model(
    previous: QAbstractItemModel | None,
    model: QAbstractItemModel | None,
    signals: Callable[[QAbstractItemModel], tuple[SignalInstance, ...]],
    slot: Callable[..., None],
) -> None:
    """Move ``slot`` from ``previous``'s ``signals`` to ``model``'s: a view's measure forgotten
    when its model's rows change. Called before the view's own ``setModel``, so that the slot
    runs before Qt's, which measure the new rows."""
    if previous is not None:
        for signal in signals(previous):
            signal.disconnect(slot)
    if model is not None:
        for signal in signals(model):
            signal.connect(slot)


def _row_signals(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
    """The signals of a change of what the rows show."""
    return (
        model.dataChanged,
        model.layoutChanged,
        model.modelReset,
        model.rowsInserted,
        model.rowsRemoved,
        model.rowsMoved,
        model.columnsInserted,
        model.columnsRemoved,
        model.columnsMoved,
    )
