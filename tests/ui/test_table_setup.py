"""The list tables share one set-up (issue 17): ``set_up_table``, and no copy of it elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from workbench.ui.table_setup import set_up_table

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
