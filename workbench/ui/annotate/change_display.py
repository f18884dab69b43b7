"""Showing a change to the shown document's spans (made, undone or redone) in the annotator's
window: the span list, the text view and the inspector follow it, and the suggestions its spans
settle are withdrawn. The text view is painted first, the panels in the next turn of the event
loop (``PanelsPaintedLater``), but the document list: a change alters one of its rows (the span
count), which Qt repaints alone, where a panel painted later is repainted whole (its table, header
and dock: 1.2 ms of a Shift+Enter acceptance)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.app.changes import Change
from workbench.app.project import SpanEntry
from workbench.core.model import Span
from workbench.core.suggestions import DocumentSuggestions, Suggestion
from workbench.ui.annotate.panels_painted_later import PanelsPaintedLater
from workbench.ui.label_style import view_span

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow


class ChangeDisplay:
    """Shows the span changes of ``window``'s documents; ``suggestions`` (per document) are the
    labelling controller's."""

    def __init__(self, window: MainWindow, suggestions: Mapping[str, DocumentSuggestions]) -> None:
        self._window = window
        self._suggestions = suggestions
        self._panels_painted_later = PanelsPaintedLater(
            window, lambda: (window.span_list, window.inspector, window.statusBar())
        )

    def show(self, change: Change) -> None:
        self._panels_painted_later.after_the_text()
        for span_id in change.removed:
            self._remove(span_id)
        for span in change.added:
            self._add(span)
        for span in change.updated:  # relabelled or moved: it may hide others now
            self._update(span)
        if withdrawn := self.withdraw_settled(change):
            self._window.labelling.show_suggestions([(hidden.start, hidden.end) for hidden in withdrawn])

    def withdraw_settled(self, change: Change) -> list[Suggestion]:
        """Withdraw the suggestions of the change's document that its added and updated spans
        settle (drawn or not); the ones withdrawn."""
        suggestions = self._suggestions[change.document_id]
        return [
            withdrawn
            for span in (*change.added, *change.updated)
            for withdrawn in suggestions.withdraw(span.start, span.end, span.label)
        ]

    def _remove(self, span_id: str) -> None:
        window = self._window
        window.span_model.remove(span_id)
        window.text_view.remove_span(span_id)
        if window.inspector.span is not None and window.inspector.span.id == span_id:
            window.select_span(None, scroll=False)

    def _add(self, span: Span) -> None:
        entry = SpanEntry(span.id, span.start, span.end, span.label)
        self._window.span_model.add(entry)
        self._window.text_view.add_span(view_span(entry, self._window.schema))

    def _update(self, span: Span) -> None:
        window = self._window
        entry = SpanEntry(span.id, span.start, span.end, span.label)
        window.span_model.update(entry)
        window.text_view.update_span(view_span(entry, window.schema))
        if window.text_view.selected_span_id == span.id:
            window.span_list.select(span.id)
            window.inspector.show_span(span)
