"""The one set-up of the workbench's list tables (documents, labels, spans, search results,
events, agreement and adjudication tables): read-only cells, no row numbers, one line per row,
whole rows selected one at a time (or nothing selectable)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

Selection = QAbstractItemView.SelectionMode


def set_up_table(
    table: QTableView, model: QAbstractItemModel, *, selectable: bool = True
) -> QTableView:
    """Give ``table`` its ``model`` and the shared look and behaviour; ``selectable`` False: a
    click selects nothing (the label palette, the agreement tables). Returns ``table``."""
    table.setModel(model)
    if selectable:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(Selection.SingleSelection if selectable else Selection.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table
