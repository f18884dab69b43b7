"""Which document the adjudication window shows, and when it is read.

The window paints first, then fills in, a round of events apart: once it has painted, the
document list gets its rows, and the document the window opens on is read on a worker thread and
shown when it comes (the window, its list and a document together took two frames of the GUI
thread; a document read as the window was made, on a second core, often came before the first
paint, and was laid out in it). A document chosen meanwhile, or the window closed, drops it. A
document chosen later (a click in the list, ``AdjudicationView.show_document``) is read at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QObject, QTimer

from workbench.app.adjudication import Comparison
from workbench.app.project import Project
from workbench.ui.background import CancelCheck, QuietTask, read_only
from workbench.ui.lead.adjudication_layout import select_row

if TYPE_CHECKING:
    from workbench.ui.lead.adjudication_view import AdjudicationView


class DocumentOpening(QObject):
    """The adjudication window's choice of document and its reading (module docstring)."""

    def __init__(
        self, window: AdjudicationView, document_id: str | None, annotators: Sequence[str]
    ) -> None:
        """Open on ``document_id`` (the first document when None), comparing ``annotators``
        side by side when given, once ``window`` has painted."""
        super().__init__(window)
        self._window = window
        self._readings = 0
        """Documents asked for: one read in the background is shown if it is the last asked for."""
        self._opening: tuple[str | None, tuple[str, ...]] | None = (document_id, tuple(annotators))
        """The document to open on (None: the first) and the annotators to compare, until the
        window has painted and asks for it."""
        self._painted = False

    def painted(self) -> None:
        """The window painted: after its first paint, a round of events later, it fills in."""
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._fill_in)

    def _fill_in(self) -> None:
        """The list's rows, then the document to open on, read in the background."""
        if self._opening is None:  # closed, or a document was opened meanwhile
            return
        document_id, annotators = self._opening
        self.fill_list()
        first = document_id or self._window.documents.first_document()
        if first is None:
            self._opening = None
        else:
            self._read_in_background(first, annotators)

    def fill_list(self) -> None:
        """The document list's rows, if it has none yet; choosing one opens its document."""
        if self._window.fill_list():
            selection = self._window.document_table.selectionModel()
            selection.selectionChanged.connect(self._document_selected)

    def _read_in_background(self, document_id: str, annotators: tuple[str, ...]) -> None:
        """Read the document's comparison on a worker thread; ``_arrived`` shows it."""
        self.drop_pending()
        symmetric = self._window.project.schema.symmetric_relation_types

        def use_case(project: Project, _progress: object, _cancelled: CancelCheck) -> Comparison:
            return Comparison.load(project, document_id, symmetric)

        task = QuietTask(read_only(self._window.project.path, use_case))
        # Not a lambda holding the task (see DocumentTableModel._start_index).
        task.succeeded.connect(partial(self._arrived, self._readings, annotators))
        task.start()

    def _arrived(self, reading: int, annotators: tuple[str, ...], comparison: Comparison) -> None:
        if reading != self._readings:  # another document was opened meanwhile, or the window closed
            return
        window = self._window
        window.show_comparison(comparison)
        select_row(window.document_table, window.documents.row_of(comparison.document.id))  # open already
        window.compare(annotators)

    def _document_selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            document_id = self._window.documents.row_at(indexes[0].row()).id
            if document_id != self._window.document_id:
                self._open(document_id)

    def _open(self, document_id: str) -> None:
        self.drop_pending()
        self._window.show_comparison(Comparison.load(self._window.project, document_id))

    def drop_pending(self) -> None:
        """A document still to be read (``_fill_in``), or being read (``_arrived``), is not
        wanted any more."""
        self._opening = None
        self._readings += 1
