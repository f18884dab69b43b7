"""Search in the annotator's window: the search panel finds in the window's documents, its
matches are highlighted in the shown document while the panel is open, and choosing one opens
its document and selects it. (Labelling the matches is the labelling controller's.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from workbench.app.document_list import document_names
from workbench.core.schema import EntityType
from workbench.ui.annotate.search import Match, find_in_documents
from workbench.ui.annotate.search_panel import SearchPanel

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

SEARCH_PANEL_HEIGHT = 220


class SearchController(QObject):
    """Makes the search ``panel`` for the window to dock as "search"; ``connect_panel`` once it
    is docked."""

    def __init__(self, window: MainWindow, labels: Sequence[EntityType]) -> None:
        super().__init__(window)
        self._window = window
        self.panel = SearchPanel(self._search, labels)

    def connect_panel(self) -> None:
        self.panel.currentMatchChanged.connect(self._go_to_match)
        self.panel.matchesChanged.connect(self.show_matches)
        self._window.docks["search"].visibilityChanged.connect(lambda _visible: self.show_matches())

    def show_search(self) -> None:
        dock = self._window.docks["search"]
        if dock.isHidden():
            dock.show()
            self._window.resizeDocks([dock], [SEARCH_PANEL_HEIGHT], Qt.Orientation.Vertical)
        dock.raise_()
        self.panel.focus_field()

    def _search(self, query: str, whole_project: bool) -> list[Match]:
        window = self._window
        document_id = window.current_document_id
        if whole_project:
            documents = document_names(window.project)
        elif document_id is not None:
            documents = [(document_id, window.documents.document(document_id).name)]
        else:
            documents = []
        return find_in_documents(window.texts, documents, query)

    def _go_to_match(self, match: Match) -> None:
        window = self._window
        window.open_document(match.document_id)
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
