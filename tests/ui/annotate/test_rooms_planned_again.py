"""An edit places again only the tags and arcs of the blocks it touches (``ViewGeometry``'s
plans): planning every block on screen again at each edit took most of a frame on a long
document. What is drawn after the edits is what a view drawing the same spans afresh draws.
A repaint with nothing changed (the caret's, or the frame an edit painted already) draws the
spans' pieces and the tags of the last paint."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import view  # noqa: F401 (a fixture)
from workbench.ui.annotate.arc_painting import ArcSpec
from workbench.ui.annotate.room_above_lines import BlockPlan
from workbench.ui.annotate.span_painting import Piece
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.annotate.view_geometry import ViewGeometry, VisibleBlock
from workbench.ui.annotate.view_span import ViewSpan

LINE = "قال الرئيس جو بايدن إن الضربة استهدفت زعيم داعش."
LINES = 6
RED = "#e6194b"


def line_start(number: int) -> int:
    return number * (len(LINE) + 1)


def word(number: int, text: str) -> tuple[int, int]:
    """The code point range of ``text`` on line ``number``."""
    start = line_start(number) + LINE.index(text)
    return start, start + len(text)


class ListedSuggestions:
    """A suggestion source over a list the test changes."""

    def __init__(self) -> None:
        self.spans: list[ViewSpan] = []

    def overlapping(self, start: int, end: int) -> list[ViewSpan]:
        return [span for span in self.spans if span.start < end and start < span.end]

    def get(self, suggestion_id: str) -> ViewSpan | None:
        return next((span for span in self.spans if span.id == suggestion_id), None)


@pytest.fixture
def planned(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The numbers of the blocks planned from now on."""
    numbers: list[int] = []
    plan = ViewGeometry._plan

    def counted(geometry: ViewGeometry, block: QTextBlock) -> BlockPlan:
        numbers.append(block.blockNumber())
        return plan(geometry, block)

    monkeypatch.setattr(ViewGeometry, "_plan", counted)
    yield numbers


@pytest.fixture
def shown(view: AnnotatedTextView) -> AnnotatedTextView:
    """Six lines, each with a span on its first word, all on screen and planned."""
    text = "\n".join([LINE] * LINES)
    view.set_document(text, [ViewSpan(f"said{n}", *word(n, "قال"), RED, "PER") for n in range(LINES)])
    for _ in range(2):  # laid out, with the scroll bar the rooms call for, and planned
        view.repaint()
        QApplication.processEvents()
    return view


def drawn(view: AnnotatedTextView) -> tuple[list[tuple[str, QRectF]], list[QRectF]]:
    """The tags and the lines of text as drawn now."""
    geometry = view.span_geometry()
    return [(tag.key, tag.rect) for tag in geometry.tags()], geometry.span_rects(0, len(view.text))


def drawn_afresh(view: AnnotatedTextView) -> tuple[list[tuple[str, QRectF]], list[QRectF]]:
    view.set_spans(view.all_spans())  # every block planned again
    return drawn(view)


def test_adding_a_span_plans_again_only_the_block_it_starts_in(
    shown: AnnotatedTextView, planned: list[int]
) -> None:
    shown.add_span(ViewSpan("biden", *word(2, "جو بايدن"), RED, "PER"))
    tags, _ = drawn(shown)
    assert planned == [2]
    assert "biden" in dict(tags)


def test_edits_draw_what_a_fresh_view_draws(shown: AnnotatedTextView) -> None:
    """A span moved to another line takes its tag along and gives its line its room back; a
    span removed, likewise; suggestions come and go with their tags."""
    suggestions = ListedSuggestions()
    shown.set_suggestion_source(suggestions)
    drawn(shown)
    shown.add_span(ViewSpan("biden", *word(2, "جو بايدن"), RED, "PER"))
    drawn(shown)
    shown.update_span(ViewSpan("biden", *word(4, "جو بايدن"), RED, "PER"))
    drawn(shown)
    shown.remove_span("said1")
    drawn(shown)
    suggestions.spans = [ViewSpan("isis", *word(3, "داعش"), RED, "ORG", "suggestion")]
    shown.suggestions_changed([word(3, "داعش")])
    drawn(shown)
    suggestions.spans = []
    shown.suggestions_changed([word(3, "داعش")])
    after_edits = drawn(shown)
    assert after_edits == drawn_afresh(shown)
    assert "biden" in dict(after_edits[0]) and "said1" not in dict(after_edits[0])


def test_changed_suggestions_plan_again_only_their_blocks(shown: AnnotatedTextView, planned: list[int]) -> None:
    suggestions = ListedSuggestions()
    shown.set_suggestion_source(suggestions)
    drawn(shown)
    planned.clear()
    suggestions.spans = [ViewSpan("isis", *word(3, "داعش"), RED, "ORG", "suggestion")]
    shown.suggestions_changed([word(3, "داعش")])
    tags, _ = drawn(shown)
    assert planned == [3]
    assert "isis" in dict(tags)


def test_selecting_a_span_plans_nothing_again(shown: AnnotatedTextView, planned: list[int]) -> None:
    shown.set_selected_span("said2")
    tags = {tag.key: tag for tag in shown.span_geometry().tags()}
    assert planned == []
    assert tags["said2"].selected and not tags["said1"].selected


def test_the_same_arcs_again_plan_nothing_again(shown: AnnotatedTextView, planned: list[int]) -> None:
    arc = ArcSpec("role", "Agent", word(0, "قال"), word(1, "قال"), RED)
    shown.set_arcs("events", [arc])
    drawn(shown)
    assert planned
    planned.clear()
    shown.set_arcs("events", [arc])
    shown.set_arcs("relations", [])
    drawn(shown)
    assert planned == []


@pytest.fixture
def placed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item for each time the spans' pieces are placed for a paint, from now on."""
    times: list[int] = []
    place = AnnotatedTextView._visible_pieces

    def counted(view: AnnotatedTextView, blocks: list[VisibleBlock]) -> list[Piece]:
        times.append(len(blocks))
        return place(view, blocks)

    monkeypatch.setattr(AnnotatedTextView, "_visible_pieces", counted)
    return times


def test_a_repaint_with_nothing_changed_places_nothing_again(shown: AnnotatedTextView, placed: list[int]) -> None:
    shown.viewport().repaint()
    shown.viewport().repaint()
    assert placed == []  # the fixture's paint placed them


@pytest.mark.parametrize(
    "change",
    [
        lambda view: view.set_selected_span("said2"),
        lambda view: view.set_highlights("match", [word(1, "داعش")]),
        lambda view: view.add_span(ViewSpan("biden", *word(2, "جو بايدن"), RED, "PER")),
        lambda view: view.suggestions_changed([word(3, "داعش")]),
        lambda view: view.set_tags_shown(False),
        lambda view: view.set_document(view.text * 10, view.all_spans()),
        lambda view: view.scroll_to(len(view.text) - 1),
        lambda view: view.resize(view.width() - 100, view.height()),
    ],
    ids=["selection", "highlights", "span", "suggestions", "tags", "document", "scroll", "width"],
)
def test_a_repaint_after_a_change_places_the_pieces_again(
    shown: AnnotatedTextView, placed: list[int], change: Callable[[AnnotatedTextView], object]
) -> None:
    shown.set_document("\n".join([LINE] * 60), shown.all_spans())  # taller than the view
    shown.viewport().repaint()
    placed.clear()
    change(shown)
    QApplication.processEvents()
    shown.viewport().repaint()
    assert len(placed) == 1
