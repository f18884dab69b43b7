"""A document's text made ready for the annotation view off the GUI thread: its UTF-16 map and
the index of its spans (``AnnotatedTextView.show_prepared`` shows it). No Qt here, so that a
worker thread may build it (``document_reading``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.core.span_index import IndexedSpan, SpanIndex
from workbench.core.utf16 import Utf16Map
from workbench.ui.annotate.view_span import ViewSpan


@dataclass(frozen=True)
class PreparedText:
    """A document's text with its UTF-16 map and the index of its spans, as the view shows them."""

    text: str
    offsets: Utf16Map
    spans: SpanIndex[ViewSpan]


def prepare_text(text: str, spans: Sequence[ViewSpan]) -> PreparedText:
    """What ``show_prepared`` shows."""
    check_ranges(text, spans)
    return PreparedText(text, Utf16Map(text), SpanIndex(index_entry(span) for span in spans))


def index_entry(span: ViewSpan) -> IndexedSpan[ViewSpan]:
    """The span as the view's index holds it."""
    return IndexedSpan(span.id, span.start, span.end, span)


def check_ranges(text: str, spans: Iterable[ViewSpan]) -> None:
    for span in spans:
        check_range(text, span.start, span.end)


def check_range(text: str, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range [{start}, {end}) is outside the text (0..{len(text)})")
