"""The search panel: a query searched in this document or the whole project, the results (document,
context), next and previous match, and "label all matches" of the current document.

Typing searches after a short pause; Enter and F3 go to the next match, Shift+Enter and Shift+F3
to the previous one, both wrapping around. Choosing a result (keys or mouse) is what moves the
window there: the panel only emits ``currentMatchChanged``.

The panel asks for a search and is handed its matches, at once or in batches from a worker
thread (``add_matches``, then ``end_search``); the count says "Searching…" meanwhile. Enter
pressed before the first match has come goes to it when it comes (Shift+Enter: to the last one,
when the search has ended).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from workbench.app.search import Match
from workbench.core.schema import EntityType
from workbench.ui.i18n import display_name, isolated
from workbench.ui.table_setup import set_up_table

Index = QModelIndex | QPersistentModelIndex
Search = Callable[[str, bool], None]
"""Start searching (query, whole project): the matches come through ``SearchPanel.add_matches``,
then ``SearchPanel.end_search``, the newest search's only."""
TYPING_PAUSE_MS = 300
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MatchTableModel(QAbstractTableModel):
    DOCUMENT, CONTEXT = range(2)

    def __init__(self) -> None:
        super().__init__()
        self._matches: list[Match] = []

    def set_matches(self, matches: list[Match]) -> None:
        self.beginResetModel()
        self._matches = matches
        self.endResetModel()

    def matches(self) -> list[Match]:
        return self._matches

    def add_matches(self, matches: list[Match]) -> None:
        first = len(self._matches)
        self.beginInsertRows(QModelIndex(), first, first + len(matches) - 1)
        self._matches.extend(matches)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._matches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        match = self._matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return isolated(match.document_title) if index.column() == self.DOCUMENT else match.context
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.CONTEXT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Context"))[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.CONTEXT)


class SearchPanel(QWidget):
    currentMatchChanged = Signal(object)
    """The current match (a ``Match``): the window opens its document and selects it."""
    matchesChanged = Signal()
    labelAllRequested = Signal(str)
    """Label every match in the current document with this label."""

    def __init__(self, search: Search, labels: Sequence[EntityType], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._searched: tuple[str, bool] | None = None
        self.searching = False
        self._more = False
        """Whether the last search found more matches than it keeps."""
        self._pending_step: int | None = None
        """A step asked for while a search had found nothing yet."""
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.scope = QComboBox()
        self.scope.addItems(["", ""])
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.count = QLabel()
        self.model = MatchTableModel()
        self.results = self._build_results()
        self.label_combo = QComboBox()
        for label in labels:
            self.label_combo.addItem("", label.id)
        self._labels = list(labels)
        self.label_all_button = QPushButton()
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._lay_out()
        self._connect()
        self.retranslate()

    def _build_results(self) -> QTableView:
        table = set_up_table(QTableView(), self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(MatchTableModel.DOCUMENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MatchTableModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.field, 0, 0, 1, 2)
        grid.addWidget(self.scope, 0, 2)
        grid.addWidget(self.previous_button, 0, 3)
        grid.addWidget(self.next_button, 0, 4)
        grid.addWidget(self.count, 0, 5)
        grid.addWidget(self.results, 1, 0, 1, 6)
        label_all = QHBoxLayout()
        label_all.addWidget(self.label_combo)
        label_all.addWidget(self.label_all_button)
        label_all.addStretch(1)
        grid.addLayout(label_all, 2, 0, 1, 6)
        grid.setColumnStretch(1, 1)

    def _connect(self) -> None:
        self.field.textEdited.connect(lambda _: self._typing.start())
        self._typing.timeout.connect(self.run_search)
        self.scope.currentIndexChanged.connect(lambda _: self.run_search())
        self.next_button.clicked.connect(self.next_match)
        self.previous_button.clicked.connect(self.previous_match)
        self.results.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.label_all_button.clicked.connect(self._request_label_all)

    # -- searching ----------------------------------------------------------------------------

    @property
    def whole_project(self) -> bool:
        return self.scope.currentIndex() == 1

    def matches(self) -> list[Match]:
        return self.model.matches()

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def cancel_typing(self) -> None:
        """Forget the search the typing pause would start (its window is closing)."""
        self._typing.stop()

    def run_search(self) -> None:
        """Search for the field's text now; the results have no current match yet."""
        self._typing.stop()
        query = self.field.text()
        self._searched = (query, self.whole_project)
        self.searching = bool(query.strip())
        self._more = False
        self._pending_step = None
        self.model.set_matches([])
        self._show_count()
        self.matchesChanged.emit()
        if self.searching:
            self._search(query, self.whole_project)

    def add_matches(self, matches: list[Match]) -> None:
        """More matches of the running search, after those shown."""
        if not matches:
            return
        self.model.add_matches(matches)
        self._show_count()
        self.matchesChanged.emit()
        if self._pending_step == 1:
            self._take_pending_step()

    def end_search(self, more: bool) -> None:
        """The running search has ended; ``more``: it found more matches than it handed on."""
        self.searching = False
        self._more = more
        self._show_count()
        self._take_pending_step()

    def _take_pending_step(self) -> None:
        step, self._pending_step = self._pending_step, None
        if step is not None:
            self._step(step)

    def refresh(self) -> None:
        """Search again when the results depend on the document shown (this document's scope)."""
        if self.field.text().strip() and not self.whole_project:
            self.run_search()

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _request_label_all(self) -> None:
        self._search_if_stale()
        self.labelAllRequested.emit(self.label_combo.currentData())

    def _search_if_stale(self) -> None:
        """Search now when the field or scope changed since the results were found."""
        if self._searched != (self.field.text(), self.whole_project):
            self.run_search()

    def _step(self, step: int) -> None:
        self._search_if_stale()
        count = self.model.rowCount()
        if count == 0:
            if self.searching:
                self._pending_step = step
            return
        current = self.results.currentIndex().row()
        if current < 0:
            row = 0 if step > 0 else count - 1
        else:
            row = (current + step) % count
        index = self.model.index(row, MatchTableModel.CONTEXT)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_count()
            self.currentMatchChanged.emit(self.model.matches()[current.row()])

    def _show_count(self) -> None:
        count = self.model.rowCount()
        current = self.results.currentIndex().row()
        total = f"{count}+" if self._more else str(count)
        if current >= 0:
            text = self.tr("%1 of %2").replace("%1", str(current + 1)).replace("%2", total)
        elif self._more:
            text = self.tr("%1 matches").replace("%1", total)
        else:
            text = self.tr("%n match(es)", "", count)
        if self.searching:
            text = self.tr("Searching… %1").replace("%1", text)
        self.count.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the field goes to the next match, Shift+Enter to the previous one."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _RETURN_KEYS:
                backwards = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(-1 if backwards else 1)
                return True
        return super().eventFilter(watched, event)

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search (diacritics and letter forms ignored)"))
        self.scope.setItemText(0, self.tr("This document"))
        self.scope.setItemText(1, self.tr("All documents"))
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.label_all_button.setText(self.tr("Label all matches in this document"))
        for number, label in enumerate(self._labels):
            self.label_combo.setItemText(number, f"{display_name(label)} ({label.id})")
        self.model.retranslate()
        self._show_count()
