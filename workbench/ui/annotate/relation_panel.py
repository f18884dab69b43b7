"""The relations panel of the annotator's window (issue 14): the shown document's relations, one
row each (its type in the interface language, the text of its two ends, and a warning icon where its
ends' labels break the schema, whose tooltip says why). Choosing a row highlights the relation; Delete (in the table)
asks to delete it, the type box below the table asks to change its type. The panel only asks:
the relation controller makes each request an undoable command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.schema import Schema
from workbench.ui.i18n import display_name
from workbench.ui.table_setup import set_up_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class RelationRow:
    """One relation as the panel lists it; ``warning`` is empty when its ends suit its type."""

    id: str
    type_id: str
    type_name: str
    from_text: str
    to_text: str
    warning: str = ""


class RelationPanel(QWidget):
    relationChosen = Signal(str)
    """A row was chosen (the relation's id), or none ("")."""
    deleteRequested = Signal(str)
    """Delete was pressed on the chosen relation."""
    retypeRequested = Signal(str, str)
    """The type box was set to another type (relation id, the new type's id)."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schema = schema
        self._rows: list[RelationRow] = []
        self.model = QStandardItemModel(0, 4, self)
        self.table = set_up_table(QTableView(), self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for ends in (1, 2):  # the ends' texts give way (elided), the type and the check do not
            header.setSectionResizeMode(ends, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.installEventFilter(self)
        self.type_label = QLabel()
        self.type_box = QComboBox()
        self.type_box.setEnabled(False)
        self.type_box.activated.connect(self._on_type_chosen)
        row = QHBoxLayout()
        row.addWidget(self.type_label)
        row.addWidget(self.type_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.retranslate()

    # -- contents ---------------------------------------------------------------------------

    def show_relations(self, rows: Sequence[RelationRow], chosen: str | None) -> None:
        """List ``rows``, the relation ``chosen`` selected (when it is among them)."""
        self._rows = list(rows)
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.setRowCount(0)
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for relation in self._rows:
            cells = [QStandardItem(text) for text in (relation.type_name, relation.from_text, relation.to_text)]
            check = QStandardItem()
            if relation.warning:  # an icon, and the warning on hovering it (the dock is narrow)
                check.setIcon(warning_icon)
                check.setToolTip(relation.warning)
                check.setData(relation.warning, Qt.ItemDataRole.AccessibleTextRole)
            cells.append(check)
            cells[0].setData(relation.id, ID_ROLE)
            self.model.appendRow(cells)
        self.table.selectionModel().blockSignals(blocker)
        self.select(chosen)

    def select(self, relation_id: str | None) -> None:
        """Select the relation's row (none: clear the selection) and show its type."""
        row = self.row_of(relation_id)
        blocker = self.table.selectionModel().blockSignals(True)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(blocker)
        self._show_type(row)

    def row_of(self, relation_id: str | None) -> int | None:
        ids = [relation.id for relation in self._rows]
        return ids.index(relation_id) if relation_id in ids else None

    @property
    def chosen_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()].id if rows else None

    def _show_type(self, row: int | None) -> None:
        self.type_box.setEnabled(row is not None)
        if row is None:
            self.type_box.setCurrentIndex(-1)
            return
        self.type_box.setCurrentIndex(self.type_box.findData(self._rows[row].type_id))

    # -- the user's requests ------------------------------------------------------------------

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self.chosen_id
        self._show_type(self.row_of(chosen))
        self.relationChosen.emit(chosen or "")

    def _on_type_chosen(self, index: int) -> None:
        row, type_id = self.row_of(self.chosen_id), self.type_box.itemData(index)
        if row is not None and type_id and type_id != self._rows[row].type_id:
            self.retypeRequested.emit(self._rows[row].id, type_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the table deletes the chosen relation, not the selected span (the window's
        Delete): the table takes the key before the window's shortcut sees it."""
        if watched is self.table and isinstance(event, QKeyEvent) and _is_delete(event):
            if event.type() == QEvent.Type.ShortcutOverride and self.chosen_id is not None:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress and self.chosen_id is not None:
                self.deleteRequested.emit(self.chosen_id)
                return True
        return super().eventFilter(watched, event)

    # -- language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [self.tr("Relation"), self.tr("From"), self.tr("To"), self.tr("Check")]
        )
        self.type_label.setText(self.tr("Type:"))
        self.type_box.clear()
        for relation_type in self._schema.relation_types:
            self.type_box.addItem(display_name(relation_type), relation_type.id)
        self._show_type(self.row_of(self.chosen_id))


def _is_delete(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier
