"""The document list's model: the project's documents for one annotator (title, status, span
count), filtered by status and title and sorted by a column, without holding them all.

A project may hold 100,000 documents. The model starts from their count and reads the rows a
view paints a page at a time (``app/document_list.py``). Filtering and sorting work on the list's
``DocumentIndex``, read on a worker thread once the window has first painted, on a large
project (``BACKGROUND_FROM`` documents on; ``ui.first_paint``), and when first needed for a small
one. Until it is there the list shows every document in project order, and a filter or sort
asked for meanwhile applies when it comes. Rows are kept a page at a time, and the pages least
recently read are dropped.

A title is edited in place (F2, or a double click): the model only asks for the rename
(``renameRequested``); the window makes it an undoable command and reads the row again."""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from workbench.app import document_list
from workbench.app.changes import Change
from workbench.app.document_list import NAME, SPANS, STATUS, STATUS_ORDER, DocumentIndex, build_document_index
from workbench.app.project import DocumentProgress, Project
from workbench.core.model import Status
from workbench.ui.background import QuietTask, read_only
from workbench.ui.i18n import isolated

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Index = QModelIndex | QPersistentModelIndex
DocumentRow = DocumentProgress
BACKGROUND_FROM = 1000
"""Projects with this many documents or more have their list's index read on a worker thread."""
PAGE = 64
"""Rows read in one query."""
KEPT_PAGES = 64
KEPT_DOCUMENTS = 256
_DISPLAY, _EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _EDIT, int(Qt.ItemDataRole.ToolTipRole)})
"""The roles ``DocumentTableModel.data`` answers, as the plain numbers a view asks with."""


def load_rows(project: Project, annotator: str) -> list[DocumentRow]:
    """Every document, with this annotator's status and span count."""
    return project.annotator_progress(annotator)


def load_row(project: Project, annotator: str, document_id: str) -> DocumentRow:
    [row] = project.annotator_progress(annotator, document_id)
    return row


def row_after(row: DocumentRow, change: Change) -> DocumentRow | None:
    """The document's ``row`` after ``change``, counted rather than read, when the change is
    to spans alone on a document begun (a span edit leaves a status other than new as it is):
    its span count moved by the spans added and removed. None when the row must be read again
    (``load_row``): counting 10,000 spans in the project file takes a millisecond, a good part
    of what an edit may spend."""
    spans = change.added or change.removed or change.updated
    others = change.events or change.status or change.relations or change.document_labels
    if not spans or others or row.status is Status.NEW:
        return None
    return row._replace(spans=row.spans + len(change.added) - len(change.removed))


def status_text(status: Status) -> str:
    """A status as the interface language names it (the document list, the assignments)."""
    names = {
        Status.NEW: QCoreApplication.translate("Status", "new"),
        Status.IN_PROGRESS: QCoreApplication.translate("Status", "in progress"),
        Status.DONE: QCoreApplication.translate("Status", "done"),
    }
    return names[status]


class DocumentTableModel(QAbstractTableModel):
    """The annotator's documents as the list shows them: filtered, sorted (module docstring)."""

    NAME, STATUS, SPANS = NAME, STATUS, SPANS
    renameRequested = Signal(str, str)
    """The title typed for a document (its id, the text as typed)."""
    indexed = Signal()
    """The list's index is there: filtering and sorting apply now."""

    def __init__(self, project: Project, annotator: str, *, index_now: bool = True) -> None:
        """``index_now`` False: a large project's index is read when ``start_index`` asks (a
        window asks after its first paint, ``ui.first_paint``)."""
        super().__init__()
        self._project = project
        self._annotator = annotator
        self._typed = ""
        self._statuses: frozenset[Status] = frozenset(Status)
        self._sort: tuple[int, bool] | None = None
        self._count = 0
        self._index: DocumentIndex | None = None
        self._shown: NDArray[np.int64] | None = None
        """The positions shown, in their order; None: every document in project order."""
        self._pages: OrderedDict[int, list[DocumentRow]] = OrderedDict()
        self._done: int | None = None
        self._documents: dict[str, DocumentRow] = {}
        """Rows asked for by id (``document``), as last read."""
        self._changed: set[str] = set()
        """Documents whose row changed while the index was being read."""
        self._indexing: QuietTask | None = None
        self._readings = 0
        """Indexes asked for: only the last one asked for is used."""
        self._forget_rows()
        if index_now:
            self._start_index()

    # -- reading ----------------------------------------------------------------------------

    @property
    def is_indexed(self) -> bool:
        return self._index is not None

    def start_index(self) -> None:
        """Read the index (``_start_index``) unless it is there or being read."""
        if self._index is None and self._indexing is None:
            self._start_index()

    def reload(self) -> None:
        """Every row afresh: documents may have come in (an import, a merge)."""
        self.beginResetModel()
        self._forget_rows()
        self.endResetModel()
        self._start_index()

    def release(self) -> None:
        """The window closed, and its project is closed next: no rows, and nothing read from it
        any more (a closed window still gets the application's language changes, and its list
        read a closed database; an index still being read is dropped when it comes)."""
        self.beginResetModel()
        self._readings += 1
        self._forget_rows(count=0)
        self.endResetModel()

    def _forget_rows(self, count: int | None = None) -> None:
        """Nothing kept of the rows; ``count`` rows from now on (None: the project's)."""
        if self._indexing is not None:
            self._indexing.cancel()
            self._indexing = None
        self._count = self._project.document_count() if count is None else count
        self._index = self._shown = None
        self._pages.clear()
        self._done = None
        self._documents.clear()
        self._changed.clear()

    def _start_index(self) -> None:
        """Read the index on a worker thread for a large project; a small one's is read when a
        filter or a sort first needs it (it loads numpy, which the window opens
        without)."""
        if self._count < BACKGROUND_FROM:
            return
        annotator = self._annotator

        def use_case(project: Project, _progress: object, cancelled: document_list.CancelCheck) -> DocumentIndex:
            return build_document_index(project, annotator, cancelled)

        self._readings += 1
        task = QuietTask(read_only(self._project.path, use_case))
        # Not a lambda holding the task: a cycle of Qt objects is freed by whichever thread
        # collects garbage next, and a worker thread must not delete them.
        task.succeeded.connect(partial(self._indexed, self._readings))
        self._indexing = task
        task.start()

    def _indexed(self, reading: int, index: DocumentIndex) -> None:
        if reading == self._readings:  # not an index a reload made stale
            self._use_index(index)

    def _use_index(self, index: DocumentIndex) -> None:
        """Filter and sort with ``index`` from now on. With neither, the rows shown stay as they
        are, and the views are not told otherwise: told of a layout change, the adjudication
        window's list measured its columns again and repainted every row (5 ms) as its first
        document was shown."""
        self._indexing = None
        self._index = index
        counted, self._count = self._count, len(index)
        for document_id in self._changed:
            self._update_index(load_row(self._project, self._annotator, document_id))
        self._changed.clear()
        if self._count != counted or not self._shows_everything():
            self._show()
        self.indexed.emit()

    def _page(self, number: int) -> list[DocumentRow]:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        first = number * PAGE
        if self._shown is None:
            rows = document_list.page_by_position(self._project, self._annotator, first, PAGE)
        else:
            assert self._index is not None
            rowids = self._index.rowids[self._shown[first : first + PAGE]].tolist()
            rows = document_list.page_by_rowid(self._project, self._annotator, rowids)
        self._pages[number] = rows
        if len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return rows

    # -- filtering and sorting -----------------------------------------------------------------

    def set_name(self, typed: str) -> None:
        """Show the documents whose title or file name holds the text (folded as search folds
        it: typing اسلام finds a document named الإسلام)."""
        self._typed = typed
        self._show()

    def set_statuses(self, statuses: frozenset[Status]) -> None:
        self._statuses = statuses
        self._show()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column (statuses in working order), equal rows in project order; column -1:
        the project's order."""
        self._sort = None if column < 0 else (column, order == Qt.SortOrder.DescendingOrder)
        self._show()

    def _show(self) -> None:
        """The rows the filter and the sort give, the selected rows kept where they are shown."""
        if self._index is None:
            if not self._shows_everything():
                self._index_for_the_filter()
            return  # shown already, or when the index comes
        shown: NDArray[np.int64] | None = self._index.shown(self._typed, self._statuses, self._sort)
        if self._sort is None and shown is not None and len(shown) == len(self._index):
            shown = None
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        positions = [self._position(index.row()) for index in before]
        self._shown = shown
        self._pages.clear()
        after = [self.index(self._row_of_position(p), i.column()) for p, i in zip(positions, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _index_for_the_filter(self) -> None:
        """A small project's index read now; a large one's on a worker thread, unless it is
        being read already (its window asks after its first paint): the filter and the sort
        apply when it comes."""
        if self._count >= BACKGROUND_FROM:
            self.start_index()
        else:
            self._use_index(build_document_index(self._project, self._annotator))

    def _shows_everything(self) -> bool:
        """No filter and no sort: every document, in the project's order."""
        return not self._typed.strip() and self._sort is None and self._statuses == frozenset(Status)

    def _position(self, row: int) -> int:
        return row if self._shown is None else int(self._shown[row])

    def _row_of_position(self, position: int | None) -> int:
        """The row showing the document at ``position``; -1 when none does."""
        if position is None or self._shown is None:
            return -1 if position is None else position
        import numpy as np

        found = np.flatnonzero(self._shown == position)
        return int(found[0]) if len(found) else -1

    # -- rows ----------------------------------------------------------------------------------

    def row_at(self, row: int) -> DocumentRow:
        return self._page(row // PAGE)[row % PAGE]

    def row_of(self, document_id: str) -> int:
        """The row showing the document; -1 when the filter hides it (or there is none)."""
        return self._row_of_position(self._document_position(document_id))

    def _document_position(self, document_id: str) -> int | None:
        if self._index is None:
            return document_list.document_position(self._project, document_id)
        rowid = document_list.document_rowid(self._project, document_id)
        return None if rowid is None else self._index.position_of(rowid)

    def document(self, document_id: str) -> DocumentRow:
        """The document's row, read once (the window asks for the open one's often)."""
        row = self._documents.get(document_id)
        if row is None:
            row = self._remember(load_row(self._project, self._annotator, document_id))
        return row

    def _remember(self, row: DocumentRow) -> DocumentRow:
        if len(self._documents) >= KEPT_DOCUMENTS:
            self._documents.clear()
        self._documents[row.id] = row
        return row

    def first_document(self) -> str | None:
        """The document of the first row, if any."""
        return self.row_at(0).id if self.rowCount() else None

    def done_count(self) -> int:
        """How many documents the annotator has marked done (counted again after a change)."""
        if self._done is None:
            if self._index is None:
                self._done = document_list.done_count(self._project, self._annotator)
            else:
                self._done = int((self._index.statuses == STATUS_ORDER.index(Status.DONE)).sum())
        return self._done

    def document_count(self) -> int:
        return self._count

    def replace_row(self, row: DocumentRow) -> None:
        """The document's row as it is now; it moves, or leaves the list, when the filter or
        the sort says so."""
        self._remember(row)
        self._done = None
        kept = self._replace_kept(row)
        if self._index is None:
            self._changed.add(row.id)
        else:
            self._update_index(row)
        shown = self.row_of(row.id) if kept is None else kept
        if shown >= 0:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, self.SPANS))
        if self._typed or self._sort is not None or self._statuses != frozenset(Status):
            self._show()

    def _replace_kept(self, row: DocumentRow) -> int | None:
        """Put ``row`` in the pages kept in place of its document's; the row showing it when
        a kept page holds it (pages hold the rows shown), else None. The document being shown,
        its row is found without asking the project file for its place, which reads the
        document's row past its text: a millisecond for a long text."""
        found = None
        for page, rows in self._pages.items():
            for number, kept in enumerate(rows):
                if kept.id == row.id:
                    rows[number] = row
                    found = page * PAGE + number
        return found

    def _update_index(self, row: DocumentRow) -> None:
        position = self._document_position(row.id)
        if self._index is not None and position is not None:
            self._index.update(position, row)

    def retranslate(self) -> None:
        """Headers and status names are texts in the interface language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.SPANS)
        if rows := self.rowCount():
            self.dataChanged.emit(self.index(0, self.STATUS), self.index(rows - 1, self.STATUS))

    # -- the model's interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return self._count if self._shown is None else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks each cell for eight roles, and a list sized to its contents measures a page
        # of rows on each resize: the roles without an answer return first.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        if role == _DISPLAY:  # the column's text alone: a view asks often
            return self._shown_value(self.row_at(index.row()), index.column())
        if index.column() != self.NAME:
            return None
        if role == _EDIT:
            return self.row_at(index.row()).title
        return isolated(self.row_at(index.row()).name)  # the tooltip: the file stem, which exports name their files by

    def _shown_value(self, row: DocumentRow, column: int) -> str | int:
        if column == self.NAME:
            return isolated(row.title)
        return status_text(row.status) if column == self.STATUS else row.spans

    def distinct_rows(self, column: int, rows: range) -> list[int]:
        """Of ``rows``, the first of each value of ``column``: statuses and counts repeat down
        the list, and a list sized to its contents measures one cell of each
        (``table_setup.DistinctCells``; a page of cells measured was 5-10 ms a column)."""
        first: dict[str | int, int] = {}
        for row in rows:
            first.setdefault(self._shown_value(self.row_at(row), column), row)
        return list(first.values())

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A title typed in the list: asked for, not kept here (the window stores it, undoably,
        and replaces the row)."""
        if role != Qt.ItemDataRole.EditRole or index.column() != self.NAME:
            return False
        self.renameRequested.emit(self.row_at(index.row()).id, str(value))
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Status"), self.tr("Spans"))[section]
        return None
