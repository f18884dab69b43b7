"""The label palette: the schema's entity labels with their colour, hotkey and both names.

Clicking a label does what its hotkey does (the window decides: label the selection, or relabel
the selected span). Both names are always shown: annotators and leads of either language read the
same palette, and the English name is the one the guidelines and exports use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from workbench.core.schema import EntityType

Index = QModelIndex | QPersistentModelIndex


class LabelTableModel(QAbstractTableModel):
    KEY, ARABIC, ENGLISH = range(3)

    def __init__(self, labels: Sequence[EntityType]) -> None:
        super().__init__()
        self._labels = list(labels)

    def label_at(self, row: int) -> EntityType:
        return self._labels[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._labels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label = self._labels[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (label.hotkey or "", label.ar, label.en)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.KEY:
            return QColor(label.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label.id}: {label.en} — {label.ar}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ARABIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Key"), self.tr("Arabic"), self.tr("English"))[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.ENGLISH)


class LabelPalette(QTableView):
    labelChosen = Signal(str)
    """A label was clicked: its id."""

    def __init__(self, labels: Sequence[EntityType], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_model = LabelTableModel(labels)
        self.setModel(self.label_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicking keeps the focus (and keys) in the text
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LabelTableModel.ENGLISH, QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(lambda index: self.labelChosen.emit(self.label_model.label_at(index.row()).id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.label_model.retranslate()
        super().changeEvent(event)
