"""The list tables share one set-up (issue 17): ``set_up_table``, and no copy of it elsewhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from workbench.ui.table_setup import ContentsSizedTable, fitted_table, set_up_table

SET_UP_LINES = (
    "verticalHeader().hide()",
    "EditTrigger.NoEditTriggers)",
    "SelectionBehavior.SelectRows)",
)


def test_the_set_up_is_written_once() -> None:
    copies = [
        f"{path.relative_to(REPO_ROOT)}: {line}"
        for path in (REPO_ROOT / "workbench" / "ui").rglob("*.py")
        if path.name != "table_setup.py"
        for line in SET_UP_LINES
        if line in path.read_text(encoding="utf-8")
    ]
    assert copies == []


def test_a_set_up_table_is_read_only_without_row_numbers(qtbot: QtBot) -> None:
    model = QStringListModel(["a", "b"])
    rows, fixed = QTableView(), QTableView()
    for table in (rows, fixed):
        qtbot.addWidget(table)
    set_up_table(rows, model)
    set_up_table(fixed, model, selectable=False)
    assert rows.model() is model and rows.verticalHeader().isHidden()
    assert rows.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert rows.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert rows.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert fixed.selectionMode() == QAbstractItemView.SelectionMode.NoSelection


class CountedReads(QStringListModel):
    """A list whose cells count how often they are read."""

    reads = 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.reads += 1
        return super().data(index, role)


def test_a_contents_sized_table_measures_its_rows_once_until_they_change(qtbot: QtBot) -> None:
    """The adjudication window's document list was measured five times as it opened, on the same
    rows (2 ms each)."""
    model = CountedReads(["a", "b"])
    table = set_up_table(ContentsSizedTable(), model)
    qtbot.addWidget(table)
    width = table.sizeHintForColumn(0)
    model.reads = 0
    assert table.sizeHintForColumn(0) == width
    assert model.reads == 0
    model.setData(model.index(0), "a text much wider than the others")
    assert table.sizeHintForColumn(0) > width
    assert model.reads > 0
    model.reads = 0
    model.setStringList(["c"])
    table.sizeHintForColumn(0)
    assert model.reads > 0


def test_a_contents_sized_table_measures_as_qt_does(qtbot: QtBot) -> None:
    model = QStringListModel(["short", "a longer one", "x"])
    sized, plain = set_up_table(ContentsSizedTable(), model), set_up_table(QTableView(), model)
    for table in (sized, plain):
        qtbot.addWidget(table)
    assert sized.sizeHintForColumn(0) == plain.sizeHintForColumn(0)
    sized.setModel(QStringListModel(["another list, wider than the first"]))
    plain.setModel(sized.model())
    assert sized.sizeHintForColumn(0) == plain.sizeHintForColumn(0)


def test_a_table_shown_at_its_top_is_not_measured_again(qtbot: QtBot) -> None:
    """With a precision of N rows, Qt measures the first N rows whenever the first row is at the
    top, hidden or shown, short or tall: the adjudication window's document list measured them
    before it showed and again once shown (a third of its sizing as it opened). Scrolled down,
    the rows measured follow the rows shown."""
    model = CountedReads([f"document {'x' * (n % 40)} {n}" for n in range(2000)])
    table = set_up_table(ContentsSizedTable(), model)
    qtbot.addWidget(table)
    table.horizontalHeader().setResizeContentsPrecision(64)
    width = table.sizeHintForColumn(0)
    table.resize(400, 300)
    with qtbot.waitExposed(table):
        table.show()
    model.reads = 0
    assert table.sizeHintForColumn(0) == width
    table.resize(400, 900)
    assert table.sizeHintForColumn(0) == width and model.reads == 0
    table.verticalScrollBar().setValue(500)
    table.sizeHintForColumn(0)
    assert model.reads > 0


def test_a_table_placed_in_a_window_keeps_its_widths_until_its_font_changes(qtbot: QtBot) -> None:
    """A change of parent changes no cell's size: the adjudication window's document list was
    measured again once placed in its splitter. A font change measures again."""
    model = CountedReads(["a", "some longer text"])
    table = set_up_table(ContentsSizedTable(), model)
    width = table.sizeHintForColumn(0)
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(table)
    model.reads = 0
    assert table.sizeHintForColumn(0) == width and model.reads == 0
    font = table.font()
    font.setPointSize(font.pointSize() * 2)
    table.setFont(font)
    assert table.sizeHintForColumn(0) > width and model.reads > 0


class CountedHeaders(QStringListModel):
    """A list whose row headers count how often they are read."""

    row_headers = 0

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            self.row_headers += 1
        return super().headerData(section, orientation, role)


def test_a_set_up_table_reads_no_row_headers(qtbot: QtBot) -> None:
    """Its row numbers are hidden before the model comes: Qt sized them to the first and last
    hundred rows' headers as the model was set (800 calls into Python as the adjudication window
    opened)."""
    model = CountedHeaders([f"document {n}" for n in range(2000)])
    table = set_up_table(ContentsSizedTable(), model)
    qtbot.addWidget(table)
    with qtbot.waitExposed(table):
        table.show()
    assert model.row_headers == 0


class RowsRead(QAbstractTableModel):
    """Two columns of many rows (the last column stretches, the first fits its contents) that
    note which rows are read."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.read: set[int] = set()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.read.add(index.row())
        return f"document {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None


def test_a_fitted_table_measures_its_columns_on_the_rows_asked_for(qtbot: QtBot) -> None:
    """The agreement dashboard's tables were measured on Qt's thousand rows: 148,000 reads of
    their cells as the report of a thousand annotated documents arrived, half a second on the GUI
    thread. A fitted table reads the rows it is measured on, and those shown."""
    model = RowsRead(2000)
    table = fitted_table(model, rows_measured=16, selectable=False)
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    qtbot.waitUntil(lambda: table.columnWidth(0) > 0 and bool(model.read))
    qtbot.wait(20)  # the first paint
    shown = table.rowAt(table.viewport().height() - 1) + 1
    assert max(model.read) < max(16, shown)
    assert table.selectionMode() == QAbstractItemView.SelectionMode.NoSelection
    assert table.horizontalHeader().stretchLastSection()



class CountedMeasures(RowsRead):
    """``RowsRead`` that counts how often a view measures a cell (asks its size hint), and whose
    rows and columns come with a reset of the model, as an agreement report's tables do."""

    measures = 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt)
        return super().columnCount(parent) if self.rows else 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.SizeHintRole:
            self.measures += 1
        return super().data(index, role)

    def reset_to(self, rows: int) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


def test_a_fitted_table_measures_new_rows_once(qtbot: QtBot) -> None:
    """Rows that come with a reset of the model are measured once: the header measured them as
    the model was reset, then the widths were forgotten and measured again (the agreement
    dashboard's documents, twice as its report arrived)."""
    model = CountedMeasures(0)
    table = fitted_table(model, rows_measured=16, selectable=False)
    qtbot.addWidget(table)
    table.resize(300, 200)
    with qtbot.waitExposed(table):
        table.show()
    model.reset_to(1000)
    qtbot.wait(50)  # the delayed layout and the first paint
    assert model.measures == 2 * 16  # each column once (the header sizes its new sections), on 16 rows
