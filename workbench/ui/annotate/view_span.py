"""What the annotation view draws: a span as a range, a colour, a label and a kind, and the
colours of the ranges it highlights without labels (search matches, suggestions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

SpanKind = Literal["entity", "trigger", "suggestion", "match"]
HighlightKind = Literal["suggestion", "match"]
Range = tuple[int, int]


@dataclass(frozen=True)
class ViewSpan:
    """A span as the view draws it; ``start``/``end`` are code point offsets."""

    id: str
    start: int
    end: int
    color: str
    label: str
    kind: SpanKind = "entity"


class SuggestionSource(Protocol):
    """The suggestions a view draws (``kind`` "suggestion"), asked for the part of the text it
    paints: a long document offers tens of thousands, of which a screen shows a few."""

    def overlapping(self, start: int, end: int) -> list[ViewSpan]:
        """Those overlapping code points ``[start, end)``, in text order."""
        ...

    def get(self, suggestion_id: str) -> ViewSpan | None: ...


class NoSuggestions:
    def overlapping(self, start: int, end: int) -> list[ViewSpan]:
        return []

    def get(self, suggestion_id: str) -> ViewSpan | None:
        return None


HIGHLIGHT_COLORS: dict[HighlightKind, str] = {"match": "#00ff00", "suggestion": "#5c6bc0"}
"""Colours of the ranges given to ``set_highlights``, which carry none of their own. A match is
highlighter green, far from every built-in label colour as drawn (the amber it replaced looked
like the yellow of a money or date span; tests/ui/test_search_highlights.py measures it)."""
