"""The document's events as a table: type, trigger, roles filled, and warnings.

Rows follow the triggers' order in the text. The roles column reads "filled/expected", where the
expected roles are the filled ones plus the required ones still empty (``role_counts``); the
warnings column lists ``event_problems``, which never block anything. Rows are updated one event
at a time (``event_changed``), so an edit costs one row, not a reload of thousands.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QTableView,
    QWidget,
)

from workbench.core.event_checks import event_problems, role_counts
from workbench.core.model import Event
from workbench.core.schema import Schema
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_palette import swatch
from workbench.ui.events.event_text import Language, label_name, problem_text
from workbench.ui.label_style import label_colour
from workbench.ui.table_setup import set_up_table

Index = QModelIndex | QPersistentModelIndex
TYPE, TRIGGER, ROLES, WARNINGS = range(4)
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole
COLUMN_WIDTHS = {TYPE: 130, TRIGGER: 100, ROLES: 50, WARNINGS: 36}
_RowKey = tuple[int, int, str]
"""(trigger start, trigger end, event id): the rows' order."""


class EventTableModel(QAbstractTableModel):
    def __init__(self, schema: Schema, language: Language = "en") -> None:
        super().__init__()
        self._schema = schema
        self._language: Language = language
        self._document = EventDocument()
        self._keys: list[_RowKey] = []
        self._problems: dict[str, list[str]] = {}

    # -- contents ---------------------------------------------------------------------------------

    def set_document(self, document: EventDocument) -> None:
        self.beginResetModel()
        self._document = document
        self._keys = sorted(self._key(event) for event in document.events.values())
        self._problems.clear()
        self.endResetModel()

    def event_changed(self, event_id: str) -> None:
        """Show the event as the document now has it: a new row, a changed one, or none."""
        self._problems.pop(event_id, None)
        row = self.row_of(event_id)
        event = self._document.events.get(event_id)
        key = None if event is None else self._key(event)
        if row is not None and key == self._keys[row]:
            self.dataChanged.emit(self.index(row, TYPE), self.index(row, WARNINGS))
            return
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._keys[row]
            self.endRemoveRows()
        if key is not None:
            new_row = bisect.bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), new_row, new_row)
            self._keys.insert(new_row, key)
            self.endInsertRows()

    def set_language(self, language: Language) -> None:
        self._language = language
        self._problems.clear()  # they are worded in the language
        self._changed_all()

    def _key(self, event: Event) -> _RowKey:
        trigger = self._document.trigger(event)
        start, end = (trigger.start, trigger.end) if trigger is not None else (-1, -1)
        return start, end, event.id

    def _changed_all(self) -> None:
        if self._keys:
            last = self.index(len(self._keys) - 1, WARNINGS)
            self.dataChanged.emit(self.index(0, TYPE), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, TYPE, WARNINGS)

    # -- rows -------------------------------------------------------------------------------------

    def row_of(self, event_id: str) -> int | None:
        """The event's row: found by its key, or by a scan for an event the document no longer
        has (or whose trigger it no longer has)."""
        event = self._document.events.get(event_id)
        if event is not None:
            key = self._key(event)
            row = bisect.bisect_left(self._keys, key)
            if row < len(self._keys) and self._keys[row] == key:
                return row
        return next((row for row, key in enumerate(self._keys) if key[2] == event_id), None)

    def event_id_at(self, row: int) -> str:
        return self._keys[row][2]

    def problems(self, event_id: str) -> list[str]:
        """``event_problems`` of a shown event, computed once per change of that event."""
        if event_id not in self._problems:
            document = self._document
            self._problems[event_id] = [
                problem_text(self._schema, problem, self._language)
                for problem in event_problems(
                    document.events[event_id], document.spans, self._schema, document.events
                )
            ]
        return self._problems[event_id]

    # -- Qt's model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else WARNINGS + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event_id = self.event_id_at(index.row())
        if role == EVENT_ID_ROLE:
            return event_id
        event = self._document.events[event_id]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(event, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (ROLES, WARNINGS):
            return "\n".join(self.problems(event_id)) or None
        return None

    def _text(self, event: Event, column: int) -> str:
        if column == TYPE:
            return label_name(self._schema, event.type, self._language)
        if column == TRIGGER:
            trigger = self._document.trigger(event)
            return trigger.text if trigger is not None else "?"
        if column == ROLES:
            filled, expected = role_counts(event, self._schema)
            return f"{filled}/{expected}"
        return "; ".join(self.problems(event.id))

    def _decoration(self, event: Event, column: int) -> Any:
        if column == TYPE and self._schema.has_event(event.type):
            return swatch(label_colour(self._schema, event.type))
        if column == WARNINGS and self.problems(event.id):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Type"), self.tr("Trigger"), self.tr("Roles"), self.tr("Warnings"))[
            section
        ]


class EventListView(QTableView):
    """The events table; selecting a row (mouse or keyboard) emits ``eventSelected``."""

    eventSelected = Signal(str)

    def __init__(self, model: EventTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        set_up_table(self, model)
        # Fixed starting widths: sizing to contents would read thousands of rows.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def event_model(self) -> EventTableModel:
        model = self.model()
        assert isinstance(model, EventTableModel)
        return model

    def select_event(self, event_id: str | None) -> None:
        """Select the event's row (none for None) without emitting ``eventSelected``."""
        row = None if event_id is None else self.event_model().row_of(event_id)
        self._quiet = True
        try:
            if row is None:
                self.clearSelection()
            else:
                self.selectRow(row)
                self.scrollTo(self.model().index(row, TYPE))
        finally:
            self._quiet = False

    def selected_event_id(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return None if not rows else self.event_model().event_id_at(rows[0].row())

    def _on_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        if self._quiet or not selected.indexes():
            return
        self.eventSelected.emit(self.event_model().event_id_at(selected.indexes()[0].row()))
