"""The label palette: the schema's entity labels with their colour, both names and hotkey.

Clicking a label does what its hotkey does (the window decides: label the selection, or relabel
the selected span). Both names are always shown, the interface language's first: annotators and
leads of either language read the same palette, and the English name is the one the guidelines
and exports use. The key column is as wide as its keys; the names share the rest and a long one
takes two lines, so that nothing is cut at the dock's default width
(``tests/ui/annotate/test_label_palette.py`` measures it in both languages).

A row's colour is the label's in the current theme, and its tooltip the label's definition and
examples from the schema's guidelines, in the interface language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from workbench.core.schema import EntityType, Schema
from workbench.core.schema.guidelines import label_tooltip
from workbench.ui import i18n
from workbench.ui.i18n import Language
from workbench.ui.label_style import label_colour
from workbench.ui.table_setup import set_up_table

Index = QModelIndex | QPersistentModelIndex


class LabelTableModel(QAbstractTableModel):
    NAME, OTHER_NAME, KEY = range(3)
    """The name in the interface language, the name in the other language, the hotkey."""

    def __init__(self, schema: Schema) -> None:
        super().__init__()
        self._schema = schema
        self._labels = list(schema.entity_types)
        self._language = i18n.current_language()

    def label_at(self, row: int) -> EntityType:
        return self._labels[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._labels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def _arabic_first(self) -> bool:
        return self._language is Language.ARABIC

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label = self._labels[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            names = (label.ar, label.en) if self._arabic_first() else (label.en, label.ar)
            return (*names, label.hotkey or "")[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return QColor(label_colour(self._schema, label.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            return label_tooltip(self._schema, label.id, self._language.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.KEY:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = (self.tr("Arabic"), self.tr("English"))
            if not self._arabic_first():
                names = names[::-1]
            return (*names, self.tr("Key"))[section]
        return None

    def retranslate(self) -> None:
        """The interface language's name moves to the first column."""
        self.beginResetModel()
        self._language = i18n.current_language()
        self.endResetModel()


class LabelPalette(QTableView):
    labelChosen = Signal(str)
    """A label was clicked: its id."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_model = LabelTableModel(schema)
        set_up_table(self, self.label_model, selectable=False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicking keeps the focus (and keys) in the text
        # The names share the width the key leaves, a long one on two lines: a row as wide as
        # "Group (nationality/religious/political)" would not fit the dock.
        self.setWordWrap(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LabelTableModel.KEY, QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(lambda index: self.labelChosen.emit(self.label_model.label_at(index.row()).id))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.label_model.retranslate()
        super().changeEvent(event)
