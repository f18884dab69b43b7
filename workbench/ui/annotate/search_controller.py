"""Search in the annotator's window: the search panel finds in the window's documents, its
matches are highlighted in the shown document while the panel is open, and choosing one opens
its document (read off the GUI thread, as the document list's choice) and selects it.
(Labelling the matches is the labelling controller's.)

The shown document, and a project of a few short documents, are searched at once from the
window's kept texts (a few milliseconds). A larger project is searched on a worker thread with a
connection of its own; its matches come a batch of documents at a time, in order. A newer search
cancels the running one, and whatever an older search still hands on is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from workbench.app.document_list import document_titles
from workbench.app.project import Project
from workbench.app.search import Match, find_in_documents, search_project
from workbench.core.schema import EntityType
from workbench.ui.annotate.search_panel import SearchPanel
from workbench.ui.background import CancelCheck, QuietTask, read_only

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

SEARCH_PANEL_HEIGHT = 220
AT_ONCE_DOCUMENTS = 16
AT_ONCE_CHARACTERS = 30_000
"""A project of at most this many documents and characters is searched on the GUI thread:
normalizing 30,000 characters takes about 9 ms."""


class _Batches(QObject):
    """Carries a worker's matches to the GUI thread. One per search, owned by the work, so that
    a worker still running when the window has gone emits into nothing."""

    found = Signal(int, object)
    """(search number, matches)"""


class SearchController(QObject):
    """Makes the search ``panel`` for the window to dock as "search"; ``connect_panel`` once it
    is docked."""

    def __init__(self, window: MainWindow, labels: Sequence[EntityType]) -> None:
        super().__init__(window)
        self._window = window
        self.panel = SearchPanel(self._search, labels)
        self._searches = 0
        """Counts the searches: only the newest one's matches are shown."""
        self._task: QuietTask | None = None
        self._wanted: Match | None = None
        """The match gone to, selected when its document is shown."""

    def connect_panel(self) -> None:
        self.panel.currentMatchChanged.connect(self._go_to_match)
        self._window.documentOpened.connect(self._select_wanted)
        self.panel.matchesChanged.connect(self.show_matches)
        self._window.docks["search"].visibilityChanged.connect(lambda _visible: self.show_matches())
        self._window.closed.connect(self._window_closed)

    def show_search(self) -> None:
        dock = self._window.docks["search"]
        if dock.isHidden():
            dock.show()
            self._window.resizeDocks([dock], [SEARCH_PANEL_HEIGHT], Qt.Orientation.Vertical)
        dock.raise_()
        self.panel.focus_field()

    def _search(self, query: str, whole_project: bool) -> None:
        self._stop()
        window = self._window
        document_id = window.current_document_id
        if whole_project and not small(window.project):
            self._search_in_background(query)
            return
        if whole_project:
            documents = document_titles(window.project)
        elif document_id is not None:
            documents = [(document_id, window.documents.document(document_id).title)]
        else:
            documents = []
        more = find_in_documents(window.texts.searched(documents), query, self.panel.add_matches)
        self.panel.end_search(more)

    def _window_closed(self) -> None:
        """Nothing more is searched: the project closes after the window, and a search the
        typing pause still held would read it closed."""
        self.panel.cancel_typing()
        self._stop()

    def _stop(self) -> None:
        """Leave the running search, if any: it is asked to stop, and what it still hands on
        is dropped."""
        self._searches += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _search_in_background(self, query: str) -> None:
        number = self._searches
        batches = _Batches()
        batches.found.connect(self._found)

        def use_case(project: Project, _progress: object, cancelled: CancelCheck) -> bool:
            return search_project(project, query, partial(batches.found.emit, number), cancelled)

        task = QuietTask(read_only(self._window.project.path, use_case))
        task.succeeded.connect(partial(self._ended, number))
        task.finished.connect(partial(self._ended, number, False))
        self._task = task
        task.start()

    def _found(self, number: int, matches: list[Match]) -> None:
        if number == self._searches:
            self.panel.add_matches(matches)

    def _ended(self, number: int, more: bool) -> None:
        """The search's end (``succeeded`` first, then ``finished``, which ends a failed one)."""
        if number == self._searches and self._task is not None:
            self._task = None
            self.panel.end_search(more)

    def _go_to_match(self, match: Match) -> None:
        """Select the match: at once in the shown document; in another once it has been read off
        the GUI thread, as a choice in the document list is (F3 held through the matches of long
        documents would otherwise stop the window for each)."""
        window = self._window
        self._wanted = match
        window.choose_document(match.document_id)
        if match.document_id == window.current_document_id:
            self._select_wanted(match.document_id)

    def _select_wanted(self, document_id: str) -> None:
        """The match gone to, if its document is the one just shown; another document shown
        first (chosen in the list meanwhile) leaves it."""
        match, self._wanted = self._wanted, None
        if match is None or match.document_id != document_id:
            return
        window = self._window
        window.select_span(None, scroll=False)
        window.text_view.scroll_to(match.start)
        window.text_view.select_range(match.start, match.end)

    def show_matches(self) -> None:
        """The matches in the shown document; none while the search panel is closed."""
        closed = self._window.docks["search"].isHidden()
        matches = [] if closed else self.panel.matches()
        document_id = self._window.current_document_id
        ranges = [(m.start, m.end) for m in matches if m.document_id == document_id]
        self._window.text_view.set_highlights("match", ranges)


def small(project: Project) -> bool:
    """Whether the whole project is searched in a few milliseconds."""
    if project.document_count() > AT_ONCE_DOCUMENTS:
        return False
    return sum(document.length for document in project.documents()) <= AT_ONCE_CHARACTERS
