"""The list of the current document's spans: a sortable table of text, label, start and end.

The model is a plain Python list kept sorted by the chosen column, so that a document with
10,000 spans opens, sorts and takes a new span without a QSortFilterProxyModel (whose sorting
would call ``data`` from C++ for every comparison). Descending order reads the same list from
its end. The covered text is cut from the document's text when a row is drawn.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from workbench.app.project import SpanEntry
from workbench.core.ordered_ranges import OrderedRanges
from workbench.core.suggestions import LabelledRange, TakenSpans
from workbench.ui.table_setup import set_up_table

Index = QModelIndex | QPersistentModelIndex
SortKey = tuple[Any, ...]
MAX_SHOWN_TEXT = 80
"""Characters of a long span shown in its cell; the tooltip holds the whole text."""
_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT = (
    int(role.value)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)
_ROLES_ANSWERED = frozenset((_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class SpanRows:
    """A document's span entries in text order, by id, and as ranges (``taken_spans``)."""

    text: str
    entries: list[SpanEntry]
    by_id: dict[str, SpanEntry]
    labelled: OrderedRanges[LabelledRange]

    @classmethod
    def of(cls, text: str, entries: list[SpanEntry]) -> SpanRows:
        """No Qt here: 6 ms of 10,000 spans, which a worker thread may spend."""
        by_id = {entry.id: entry for entry in entries}
        return cls(text, entries, by_id, OrderedRanges((e.start, e.end, e.label) for e in entries))


class SpanTableModel(QAbstractTableModel):
    TEXT, LABEL, START, END = range(4)

    def __init__(self, colour_of: Callable[[str], str], label_name: Callable[[str], str]) -> None:
        """``colour_of`` gives a label's colour when its row is drawn: in the theme of then."""
        super().__init__()
        self._colour_of = colour_of
        self._label_name = label_name
        self._text = ""
        self._entries: list[SpanEntry] = []
        """Ascending by ``_key``, whatever the order shown."""
        self._by_id: dict[str, SpanEntry] = {}
        self._labelled: OrderedRanges[LabelledRange] = OrderedRanges()
        """(start, end, label) of every span (one annotator has each at most once), kept in text
        order for the suggestions they hide (``taken_spans``)."""
        self._column = self.START
        self._descending = False

    # -- content ----------------------------------------------------------------------------

    def set_spans(self, text: str, entries: list[SpanEntry]) -> None:
        """The document's spans, given in text order (as ``Project.span_entries`` reads them), which
        is the list's first order: sorting 10,000 entries again would cost a frame or three."""
        self.show_rows(SpanRows.of(text, entries))

    def show_rows(self, rows: SpanRows) -> None:
        """``set_spans`` with its lookups built already (``SpanRows.of``: a worker thread may)."""
        self.beginResetModel()
        self._text = rows.text
        self._by_id = rows.by_id
        self._labelled = rows.labelled
        in_text_order = self._column == self.START
        self._entries = list(rows.entries) if in_text_order else sorted(rows.entries, key=self._key)
        self.endResetModel()

    def add(self, entry: SpanEntry) -> None:
        position = bisect_right(self._entries, self._key(entry), key=self._key)
        row = len(self._entries) - position if self._descending else position
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(position, entry)
        self._by_id[entry.id] = entry
        self._labelled.add((entry.start, entry.end, entry.label))
        self.endInsertRows()

    def remove(self, span_id: str) -> None:
        row = self.row_of(span_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        entry = self._entries.pop(self._position(row))
        del self._by_id[span_id]
        self._labelled.discard((entry.start, entry.end, entry.label))
        self.endRemoveRows()

    def update(self, entry: SpanEntry) -> None:
        """A span's label changed: it moves to its new place in the order."""
        self.remove(entry.id)
        self.add(entry)

    def entry(self, span_id: str) -> SpanEntry | None:
        return self._by_id.get(span_id)

    def is_labelled(self, start: int, end: int, label: str) -> bool:
        return (start, end, label) in self._labelled

    def labelled_since(self, taken: AbstractSet[LabelledRange]) -> AbstractSet[LabelledRange]:
        """The spans here that ``taken``, an earlier reading of them, does not hold."""
        return self._labelled.members - taken

    def taken_spans(self, nested: bool) -> TakenSpans:
        """The spans, asked which suggestions they hide (``nested``: whether the project's names
        nest)."""
        return TakenSpans(self._labelled, nested)

    def entry_at(self, row: int) -> SpanEntry:
        return self._entries[self._position(row)]

    def row_of(self, span_id: str) -> int | None:
        entry = self._by_id.get(span_id)
        if entry is None:
            return None
        return self._position(bisect_left(self._entries, self._key(entry), key=self._key))

    def covered_text(self, entry: SpanEntry) -> str:
        return self._text[entry.start : entry.end]

    def _position(self, row: int) -> int:
        """Row shown <-> position in ``_entries`` (the mapping is its own inverse)."""
        return len(self._entries) - 1 - row if self._descending else row

    def _key(self, entry: SpanEntry) -> SortKey:
        """The chosen column first; ties in text order (outer spans before the spans inside
        them; one annotator has a range with a label only once)."""
        order = (entry.start, -entry.end, entry.label)
        if self._column == self.TEXT:
            return (self._text[entry.start : entry.end], *order)
        if self._column == self.LABEL:
            return (entry.label, *order)
        if self._column == self.END:
            return (entry.end, *order)
        return order

    # -- Qt model -----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        span_ids = [self.entry_at(index.row()).id for index in persistent]
        self._column = column if column >= 0 else self.START
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._entries.sort(key=self._key)
        moved = [
            self.index(self.row_of(span_id) or 0, index.column())
            for span_id, index in zip(span_ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Painting a screen of rows asks about eight roles per cell: the roles this model has
        nothing for are answered before anything else is looked at."""
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return _RIGHT if column == self.TEXT else None
        entry = self.entry_at(index.row())
        if role == _DISPLAY:
            return self._display(entry, column)
        if role == _DECORATION:
            return QColor(self._colour_of(entry.label)) if column == self.LABEL else None
        return f"{entry.label}: {self.covered_text(entry)}" if column <= self.LABEL else None

    def _display(self, entry: SpanEntry, column: int) -> str | int:
        if column == self.TEXT:
            text = self.covered_text(entry).replace("\n", " ")
            return text if len(text) <= MAX_SHOWN_TEXT else text[:MAX_SHOWN_TEXT] + "…"
        if column == self.LABEL:
            return self._label_name(entry.label)
        return entry.start if column == self.START else entry.end

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Text"), self.tr("Label"), self.tr("Start"), self.tr("End"))[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.END)
        if self._entries:
            last = len(self._entries) - 1
            self.dataChanged.emit(self.index(0, self.LABEL), self.index(last, self.LABEL))


class SpanListView(QTableView):
    """The span table; choosing a row (mouse or keys) emits its span's id."""

    spanChosen = Signal(str)
    COLUMN_WIDTHS: ClassVar[dict[int, int]] = {
        SpanTableModel.LABEL: 120, SpanTableModel.START: 56, SpanTableModel.END: 56
    }
    """The text column takes the rest."""

    def __init__(self, model: SpanTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span_model = model
        set_up_table(self, model)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        # Fixed widths: sizing to contents would read every one of 10,000 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SpanTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in self.COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(SpanTableModel.START, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def select(self, span_id: str | None) -> None:
        """Make the span the current row and show it; ``None`` clears the selection."""
        row = None if span_id is None else self.span_model.row_of(span_id)
        if row is None:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
            return
        if row != self.currentIndex().row():
            self.setCurrentIndex(self.span_model.index(row, SpanTableModel.TEXT))
        self.scrollTo(self.currentIndex())

    def selected_span_id(self) -> str | None:
        index = self.currentIndex()
        return self.span_model.entry_at(index.row()).id if index.isValid() else None

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.spanChosen.emit(self.span_model.entry_at(current.row()).id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.span_model.retranslate()
        super().changeEvent(event)
