"""The shown document's suggestions as the text view draws them (``view_span.SuggestionSource``):
dashed, in their label's colour, with their tag. Only those on screen are made into
``ViewSpan``s, when the view paints: a long document offers tens of thousands."""

from __future__ import annotations

from collections.abc import Callable

from workbench.core.suggestions import DocumentSuggestions, Suggestion
from workbench.ui.annotate.view_span import HIGHLIGHT_COLORS, ViewSpan

PREFIX = "suggestion:"


class DrawnSuggestions:
    """``shown`` gives the suggestions of the shown document, ``colours`` the labels' colours in
    the theme of the moment (View > Theme recolours them at the next paint)."""

    def __init__(
        self, shown: Callable[[], DocumentSuggestions | None], colours: Callable[[], dict[str, str]]
    ) -> None:
        self._shown = shown
        self._colours = colours

    def overlapping(self, start: int, end: int) -> list[ViewSpan]:
        suggestions = self._shown()
        if suggestions is None:
            return []
        colours = self._colours()
        return [self._drawn(s, colours) for s in suggestions.overlapping(start, end)]

    def get(self, suggestion_id: str) -> ViewSpan | None:
        suggestions = self._shown()
        suggestion = _suggestion_of(suggestion_id)
        if suggestions is None or suggestion is None or suggestion not in suggestions.offered:
            return None
        return self._drawn(suggestion, self._colours())

    @staticmethod
    def _drawn(suggestion: Suggestion, colours: dict[str, str]) -> ViewSpan:
        start, end, label = suggestion
        colour = colours.get(label, HIGHLIGHT_COLORS["suggestion"])
        return ViewSpan(f"{PREFIX}{start}:{end}:{label}", start, end, colour, label, "suggestion")


def _suggestion_of(suggestion_id: str) -> Suggestion | None:
    """The suggestion a ``ViewSpan`` id names (None for another kind of id)."""
    parts = suggestion_id.removeprefix(PREFIX).split(":", 2)
    if not suggestion_id.startswith(PREFIX) or len(parts) != 3 or not (parts[0] + parts[1]).isdigit():
        return None
    return Suggestion(int(parts[0]), int(parts[1]), parts[2])
