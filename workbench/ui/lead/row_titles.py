"""Row headers that name documents (the assignment table's titles), sized to the first page of
rows.

Qt sizes a header to the widest of its first and last hundred sections: on the assignment table,
the titles of five pages of documents (two at the top, three at the end, 64 rows a page), read
from the project and measured as the dialog opened, 1,771 calls into Python and 5-8 ms of a
first paint. ``RowTitles`` measures the sections of the first page, the rows the dialog shows as
it opens (read for them anyway), once until those rows, their titles or the header's look
change; a longer title further down is elided, as every title is beyond Qt's two hundred.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QSize, Qt, SignalInstance
from PySide6.QtWidgets import QHeaderView, QWidget

from workbench.ui.annotate.document_model import PAGE
from workbench.ui.table_setup import SIZE_CHANGES, follow_model


class RowTitles(QHeaderView):
    """A vertical header as wide as its first ``PAGE`` sections need (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._hint: QSize | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """The size is forgotten before Qt's own slots see a change of the rows (see
        ``table_setup.ContentsSizedTable.setModel``)."""
        follow_model(self.model(), model, _title_signals, self._forget_size)
        super().setModel(model)
        self._hint = None

    def sizeHint(self) -> QSize:
        if self._hint is None:
            self._hint = self._measured()
        return self._hint

    def _measured(self) -> QSize:
        size = QSize(0, 0)
        for section in range(min(self.count(), PAGE)):
            size = size.expandedTo(self.sectionSizeFromContents(section))
        return size

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in SIZE_CHANGES:
            self._hint = None
        super().changeEvent(event)

    def _forget_size(self, *_: object) -> None:
        self._hint = None


def _title_signals(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
    """The signals of a change of the rows or of their titles."""
    return (
        model.headerDataChanged,
        model.layoutChanged,
        model.modelReset,
        model.rowsInserted,
        model.rowsRemoved,
        model.rowsMoved,
    )
