"""The document list panel: a filter by title and status above the table of documents, whose
titles are renamed in place (F2 or a double click)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.model import Status
from workbench.ui.annotate.document_model import PAGE, DocumentTableModel, status_text
from workbench.ui.table_setup import set_up_table

_STATUS_CHOICES: tuple[frozenset[Status], ...] = (
    frozenset(Status),
    frozenset({Status.NEW, Status.IN_PROGRESS}),
    frozenset({Status.NEW}),
    frozenset({Status.IN_PROGRESS}),
    frozenset({Status.DONE}),
)
"""The status filter's choices, in the order of its entries (see ``retranslate``)."""


class DocumentListPanel(QWidget):
    documentChosen = Signal(str)
    """The user (or ``select``) made this document the current row."""

    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.name_filter = QLineEdit()
        self.name_filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItems([""] * len(_STATUS_CHOICES))
        self.table = self._build_table()
        self._lay_out()
        self.name_filter.textChanged.connect(model.set_name)
        self.status_filter.currentIndexChanged.connect(
            lambda choice: model.set_statuses(_STATUS_CHOICES[choice])
        )
        self.retranslate()

    def _build_table(self) -> QTableView:
        table = set_up_table(QTableView(), self.model)
        edit = QAbstractItemView.EditTrigger
        table.setEditTriggers(edit.EditKeyPressed | edit.DoubleClicked)  # the title (F2)
        header = table.horizontalHeader()
        header.setSectionResizeMode(DocumentTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        # The status and span columns are sized to their contents when the texts change
        # (``retranslate``), not on every change of the rows (a filter, a sort), and on a page
        # of rows, not on all of them (0 would be all of them).
        header.setResizeContentsPrecision(PAGE)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one line each
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the project's order at first
        table.setSortingEnabled(True)
        table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.name_filter, 1)
        filters.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def select(self, document_id: str) -> None:
        """Make the document the current row, when the filter shows it."""
        row = self.model.row_of(document_id)
        if row >= 0 and row != self.table.currentIndex().row():
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def neighbour(self, document_id: str | None, step: int) -> str | None:
        """The document ``step`` rows after (before, if negative) this one, in the list's order;
        the first (last) row when the document is not shown."""
        rows = self.model.rowCount()
        if rows == 0:
            return None
        shown = self.model.row_of(document_id) if document_id else -1
        if shown >= 0:
            row = shown + step
        else:
            row = 0 if step > 0 else rows - 1
        if not 0 <= row < rows:
            return None
        return self.model.row_at(row).id

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.documentChosen.emit(self.model.row_at(current.row()).id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.name_filter.setPlaceholderText(self.tr("Filter by name"))
        names = (self.tr("All"), self.tr("Not done"), self.tr("New"), self.tr("In progress"), self.tr("Done"))
        for number, name in enumerate(names):
            self.status_filter.setItemText(number, name)
        self.model.retranslate()
        self._size_columns()

    def _size_columns(self) -> None:
        """The status and span columns as wide as their texts on a page of rows, the status
        column as wide as every status name (the rows further down may have any)."""
        for column in (DocumentTableModel.STATUS, DocumentTableModel.SPANS):
            self.table.resizeColumnToContents(column)
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        widest = max(self.table.fontMetrics().horizontalAdvance(status_text(status)) for status in Status)
        header, status = self.table.horizontalHeader(), DocumentTableModel.STATUS
        header.resizeSection(status, max(header.sectionSize(status), widest + margin))
