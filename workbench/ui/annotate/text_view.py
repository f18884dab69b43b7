"""The right-to-left annotation view: a read-only QPlainTextEdit that paints its own highlights.

Why this design (measured in ../shared/notes/qt-sqlite-packaging.md §1): Qt keeps doing bidi
layout, shaping, hit-testing, selection, caret and lazy layout of large documents, while the
spans are painted in ``paintEvent`` from a Python interval index, for the visible blocks only.
ExtraSelections and per-span QTextCursors force layout and cost seconds at 10,000 spans.

- Backgrounds are painted under the text, translucent, so overlapping spans blend; entity
  underlines are painted over it, stacked by the index's levels so nested spans stay visible;
  triggers get a frame; suggestions a dashed outline; search matches a stronger fill.
- Label tags (brat-style, View > Label tags) and arcs between spans (``set_arcs``: an event's
  roles, relations next) are drawn in room made above the lines that carry them
  (``room_above_lines``), never over the letters.
- Where things are (blocks on screen, range rectangles, tags, arcs, hit-testing) is
  ``view_geometry``'s business; what the mouse and the keys do (selecting, clicking spans and
  tags, dragging a span's ends, moving them by key, the token cursor) ``view_gestures``'; the
  font and zoom ``view_zoom``'s.
- Offsets: the API speaks code points (Python string indices), Qt speaks UTF-16 code units.
  ``to_qt`` and ``to_code_point`` are the one place where they are converted.
- The text is kept as given and never read back from the widget (Qt rewrites U+2028/U+2029 and
  NBSP), and copying puts the stored characters on the clipboard.
- Overlays: ``add_overlay`` is the one extension point for other drawings (the event arcs): a
  callback painting over the text after the spans, given a ``SpanGeometry`` of the blocks on
  screen, so that it never needs the view's internals.
- Right-to-left: every paragraph is laid out right to left, so Latin words and digits inside
  Arabic sentences are ordered by the bidi algorithm inside an RTL paragraph. QPlainTextEdit does
  not right-align RTL paragraphs by itself (QTBUG-7516: its layout never turns the alignment into
  a visual one per block) and ignores a block's own format; it copies the document's default
  text option into every block it lays out, so the alignment is set there, once, as the absolute
  ``AlignRight``.
"""


from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from workbench.core.snapping import exact_selection, snap_to_words
from workbench.core.span_index import IndexedSpan, SpanIndex
from workbench.core.transliteration import to_buckwalter
from workbench.core.utf16 import Utf16Map
from workbench.ui import fonts
from workbench.ui.annotate.arc_painting import ArcSpec, paint_arcs
from workbench.ui.annotate.prepared_text import PreparedText, check_range, check_ranges, index_entry, prepare_text
from workbench.ui.annotate.room_above_lines import tag_font
from workbench.ui.annotate.span_painting import Piece, paint_backgrounds, paint_decorations
from workbench.ui.annotate.tag_painting import DrawnTag, paint_tags
from workbench.ui.annotate.view_geometry import SpanGeometry, ViewGeometry, VisibleBlock
from workbench.ui.annotate.view_gestures import ClickCycle, GestureMixin
from workbench.ui.annotate.view_span import (
    HIGHLIGHT_COLORS,
    HighlightKind,
    NoSuggestions,
    Range,
    SuggestionSource,
    ViewSpan,
)

OverlayPainter = Callable[[QPainter, SpanGeometry], None]
"""Paints over the text and the spans' decorations (antialiased, viewport coordinates)."""


class AnnotatedTextView(GestureMixin):
    """Read-only RTL text with painted spans; selections snap to words (exact with Alt)."""

    selectionSnapped = Signal(int, int)
    """A mouse drag, double-click, Shift+arrow selection or token cursor step ended: its range."""
    spanClicked = Signal(str)
    """A click on a highlight or a tag selected this span (repeated clicks cycle through nested
    spans)."""
    spanHovered = Signal(str)
    """The innermost span under the mouse changed: its id, or "" when no span is under it."""
    spanRangeRequested = Signal(str, int, int)
    """A key or a drag of its end asks to move a span to this code point range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offsets = Utf16Map("")
        self._spans: SpanIndex[ViewSpan] = SpanIndex()
        self._highlights: dict[HighlightKind, SpanIndex[None]] = {}
        self._suggested: SuggestionSource = NoSuggestions()
        self._selected_span_id: str | None = None
        self._hovered_span_id = ""
        self._overlays: list[OverlayPainter] = []
        self._tags_shown = True
        self._tag_namer: Callable[[str], str] = _short_label
        self._tag_names: dict[str, str] = {}
        self._arcs: dict[str, list[ArcSpec]] = {}
        self._arc_list: list[ArcSpec] = []
        self._arc_ends: list[tuple[int, int, bool]] = []
        """(code point, arc number, source?) of every arc's ends, in text order."""
        self._geometry = ViewGeometry(self)
        self._drawn_version = 0
        """Counts the changes to what is drawn over the text (spans, suggestions, highlights,
        the selected span, tags, arcs)."""
        self._drawn: tuple[object, list[Piece], list[DrawnTag]] | None = None
        """What the last paint drew (``_drawn_now``), with what it was drawn from."""
        self._init_gestures()
        self._configure_widget()

    def _configure_widget(self) -> None:
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Qt's scroll range counts lines and measures only the blocks laid out at the end, before
        # their rooms above grow them: the last line could be cut off. Scrolling on until the
        # last line is mid-view keeps it reachable whatever the rooms.
        self.setCenterOnScroll(True)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.viewport().setMouseTracking(True)
        self.setFont(fonts.annotation_font())

    # -- document and spans ---------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The document's text exactly as given to ``set_document``."""
        return self._text

    def set_document(self, text: str, spans: Sequence[ViewSpan] = ()) -> None:
        """Show ``text`` (the stored text) with ``spans``; clears highlights and the selection."""
        self.show_prepared(prepare_text(text, spans))

    def show_prepared(self, prepared: PreparedText) -> None:
        """``set_document`` with its Qt-free part made already (``prepare_text``, which a
        worker thread may run: the span index of 10,000 spans is 12 ms)."""
        self._text = prepared.text
        self._offsets = prepared.offsets
        self._highlights.clear()
        self._selected_span_id = None
        self._hovered_span_id = ""
        self._click_cycle = ClickCycle()
        self._geometry.forget_all()
        self._spans = prepared.spans
        self.setPlainText(prepared.text)
        self._decorations_changed()

    def set_spans(self, spans: Sequence[ViewSpan]) -> None:
        """Replace every span."""
        check_ranges(self._text, spans)
        self._spans.replace_all(index_entry(span) for span in spans)
        if self._selected_span_id not in self._spans:
            self._selected_span_id = None
        self._decorations_changed()

    def add_span(self, span: ViewSpan) -> None:
        self._check_range(span.start, span.end)
        self._spans.add(index_entry(span))
        self._decorations_changed([(span.start, span.end)])

    def update_span(self, span: ViewSpan) -> None:
        """Replace the span with the same id (range, colour, label or kind)."""
        self._check_range(span.start, span.end)
        before = self._spans.remove(span.id)
        self._spans.add(index_entry(span))
        self._decorations_changed([(before.start, before.end), (span.start, span.end)])

    def remove_span(self, span_id: str) -> None:
        before = self._spans.remove(span_id)
        if self._selected_span_id == span_id:
            self._selected_span_id = None
        self._decorations_changed([(before.start, before.end)])

    def span(self, span_id: str) -> ViewSpan | None:
        found = self._spans.get(span_id)
        return None if found is None else found.payload

    def all_spans(self) -> list[ViewSpan]:
        return [found.payload for found in self._spans]

    def spans_at(self, position: int) -> list[ViewSpan]:
        """Spans covering code point ``position``, innermost first."""
        return [found.payload for found in self._spans.at(position)]

    def set_highlights(self, kind: HighlightKind, ranges: Sequence[Range]) -> None:
        """Show search matches or suggestions (code point ranges), replacing those of ``kind``."""
        for start, end in ranges:
            self._check_range(start, end)
        self._highlights[kind] = SpanIndex(
            IndexedSpan(f"{kind}:{number}", start, end, None)
            for number, (start, end) in enumerate(ranges)
        )
        self._drawn_version += 1
        self.viewport().update()

    def set_suggestion_source(self, source: SuggestionSource) -> None:
        """Where the suggestions come from: drawn dashed, in their label's colour, tagged; not
        spans (see ``suggestion``). Their ranges are the document's (as its spans' are)."""
        self._suggested = source
        self._decorations_changed()

    def suggestions_changed(self, ranges: Iterable[Range] | None = None) -> None:
        """The suggestions on these ranges came or went (None: any may have)."""
        self._decorations_changed(ranges)

    def suggestion(self, suggestion_id: str) -> ViewSpan | None:
        return self._suggested.get(suggestion_id)

    def set_selected_span(self, span_id: str | None) -> None:
        """Emphasize one span (None for none); nothing is emitted."""
        if span_id is not None and span_id not in self._spans:
            raise KeyError(span_id)
        self._selected_span_id = span_id
        if span_id is not None:
            self._token_cursor = False
        self._drawn_version += 1
        self.viewport().update()  # the tags and arcs stay where they are

    @property
    def selected_span_id(self) -> str | None:
        return self._selected_span_id

    def scroll_to(self, start: int) -> None:
        """Put the caret at code point ``start`` and scroll it to the middle of the view."""
        self._check_range(start, start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def _check_range(self, start: int, end: int) -> None:
        check_range(self._text, start, end)

    # -- offsets: the one place where code points and UTF-16 positions meet ---------------------

    def to_qt(self, code_point: int) -> int:
        return self._offsets.to_utf16(code_point)

    def to_code_point(self, qt_position: int) -> int:
        return self._offsets.from_utf16(qt_position)

    # -- selection ------------------------------------------------------------------------------

    def current_selection(self, exact: bool | None = None) -> Range | None:
        """The selected code point range, snapped to words unless ``exact``.

        ``exact=None`` follows the last selection gesture: exact when Alt was held during it.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.to_code_point(cursor.selectionStart())
        end = self.to_code_point(cursor.selectionEnd())
        use_exact = self._last_gesture_exact if exact is None else exact
        if use_exact:
            return exact_selection(self._text, start, end)
        return snap_to_words(self._text, start, end)

    def select_range(self, start: int, end: int) -> None:
        """Select the code point range ``[start, end)``."""
        self._check_range(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the stored characters, not Qt's rewritten ones (U+2029, NBSP)."""
        mime = QMimeData()
        cursor = self.textCursor()
        start = self.to_code_point(cursor.selectionStart())
        end = self.to_code_point(cursor.selectionEnd())
        mime.setText(self._text[start:end])
        return mime

    # -- tooltip --------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self._hovered_span_id:
            self._hovered_span_id = ""
            self.spanHovered.emit("")
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPointF) -> str:
        """Label, covered text and its Buckwalter transliteration of each span under ``point``."""
        position = self.code_point_at(point)
        if position is None:
            return ""
        return "\n\n".join(self.span_tooltip(found.payload) for found in self._spans.at(position))

    def span_tooltip(self, span: ViewSpan) -> str:
        covered = self._text[span.start : span.end]
        return f"{span.label}\n{covered}\n{to_buckwalter(covered)}"

    # -- painting -------------------------------------------------------------------------------

    def add_overlay(self, paint: OverlayPainter) -> None:
        """Call ``paint(painter, geometry)`` at the end of every paint, after the spans.

        The geometry covers the whole viewport, not only the area being repainted, so that a
        drawing joining two places (an arc) is placed the same way in every partial repaint.
        """
        self._overlays.append(paint)
        self.viewport().update()

    def span_geometry(self) -> SpanGeometry:
        """The geometry of the blocks on screen now (what overlays are given)."""
        blocks = self._geometry.visible_blocks(QRectF(self.viewport().rect()))
        return SpanGeometry(self._geometry, list(blocks))

    def paintEvent(self, event: QPaintEvent) -> None:
        self._geometry.give_room_on_screen()  # before Qt lays out and paints the text
        blocks = list(self._geometry.visible_blocks(QRectF(self.viewport().rect())))
        pieces, tags = self._drawn_now(blocks)
        painter = QPainter(self.viewport())
        paint_backgrounds(painter, pieces)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_decorations(painter, pieces)
        geometry = SpanGeometry(self._geometry, blocks)
        for paint in self._overlays:
            painter.save()
            paint(painter, geometry)
            painter.restore()
        small = tag_font(self.font())
        paint_arcs(painter, self._geometry.arcs(blocks), small)
        paint_tags(painter, tags, small)
        painter.end()

    def _drawn_now(self, blocks: list[VisibleBlock]) -> tuple[list[Piece], list[DrawnTag]]:
        """The spans' pieces and the tags on screen: those of the last paint when nothing they
        are drawn from changed since (a repaint of the caret, or of the frame an edit painted
        already: about a millisecond of a screen's spans and suggestions placed again)."""
        key = (
            self._drawn_version,
            self._geometry.version,
            [(visible.block.blockNumber(), visible.origin.x(), visible.origin.y()) for visible in blocks],
            self.edge_drag_range,
        )
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, self._visible_pieces(blocks), self._geometry.tags(blocks))
        return self._drawn[1], self._drawn[2]

    def _visible_pieces(self, blocks: list[VisibleBlock]) -> list[Piece]:
        """What to draw in ``blocks``: highlights, then spans (a dragged span where it would go)."""
        if not blocks:
            return []
        start = self.to_code_point(blocks[0].start)
        end = self.to_code_point(blocks[-1].end)
        pieces: list[Piece] = []
        for kind, highlights in self._highlights.items():
            for highlight in highlights.overlapping(start, end):
                rects = self._geometry.range_rects(blocks, highlight.start, highlight.end)
                pieces.append(Piece(kind, HIGHLIGHT_COLORS[kind], rects))
        for suggested in self._suggested.overlapping(start, end):
            rects = self._geometry.range_rects(blocks, suggested.start, suggested.end)
            pieces.append(Piece("suggestion", suggested.color, rects))
        levels = self._spans.levels(start, end)
        dragged = self.edge_drag_range
        for indexed in self._spans.overlapping(start, end):
            span = indexed.payload
            selected = span.id == self._selected_span_id
            shown = dragged if selected and dragged is not None else (span.start, span.end)
            rects = self._geometry.range_rects(blocks, *shown)
            pieces.append(Piece(span.kind, span.color, rects, levels[span.id], selected))
        return pieces

    # -- tags and arcs --------------------------------------------------------------------------

    @property
    def tags_shown(self) -> bool:
        return self._tags_shown

    def set_tags_shown(self, shown: bool) -> None:
        """Show or hide the label tags above the spans (View > Label tags)."""
        self._tags_shown = shown
        self._decorations_changed()

    def set_tag_namer(self, namer: Callable[[str], str]) -> None:
        """How a label is named in its tag (its short name in the interface language)."""
        self._tag_namer = namer
        self._tag_names.clear()
        self._decorations_changed()

    def tag_text(self, label: str) -> str:
        name = self._tag_names.get(label)
        if name is None:
            name = self._tag_names[label] = self._tag_namer(label)
        return name

    def spans_starting_in(self, start: int, end: int) -> list[ViewSpan]:
        """The entity and trigger spans and the suggestions starting in ``[start, end)`` (those
        with a tag there)."""
        past = max(end, start + 1)
        spans = [f.payload for f in self._spans.overlapping(start, past) if f.payload.kind in ("entity", "trigger")]
        found = spans + self._suggested.overlapping(start, past)
        return [f for f in found if start <= f.start < past]

    def set_arcs(self, owner: str, arcs: Sequence[ArcSpec]) -> None:
        """Draw ``arcs`` (replacing those ``owner`` set before) above the lines. The same arcs
        again (as the selection moves and nothing with arcs is selected) change nothing: the
        blocks on screen are not planned again."""
        if list(arcs) == self._arcs.get(owner, []):
            return
        self._arcs[owner] = list(arcs)
        self._arc_list = [spec for specs in self._arcs.values() for spec in specs]
        ends = [(spec.source[0], number, True) for number, spec in enumerate(self._arc_list)]
        ends += [(spec.target[0], number, False) for number, spec in enumerate(self._arc_list)]
        self._arc_ends = sorted(ends)
        self._decorations_changed()

    def arc_ends_in(self, start: int, end: int) -> list[tuple[int, bool]]:
        """(arc number, whether it is the source) of the arc ends starting in ``[start, end)``."""
        first = bisect.bisect_left(self._arc_ends, (start,))
        past_last = bisect.bisect_left(self._arc_ends, (end,))
        return [(number, source) for _, number, source in self._arc_ends[first:past_last]]

    @property
    def arc_specs(self) -> list[ArcSpec]:
        """Every arc set, in one list (arcs are numbered by their place in it)."""
        return self._arc_list

    def arc_specs_of(self, owner: str) -> list[ArcSpec]:
        return self._arcs.get(owner, [])

    def code_point_at(self, point: QPointF) -> int | None:
        """The character drawn under a viewport point, or None over blank space, margins, tags
        and arcs."""
        return self._geometry.code_point_at(point)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._tag_names.clear()
            self._decorations_changed()
        super().changeEvent(event)

    def _decorations_changed(self, ranges: Iterable[Range] | None = None) -> None:
        """Spans, suggestions, tags or arcs changed: those on ``ranges`` (code points), or any
        (None). They are placed again at the next paint, in the blocks where they start."""
        if ranges is None:
            self._geometry.forget_plans()
        else:
            self._geometry.forget_plans_at(self.to_qt(start) for start, _ in ranges)
        self._drawn_version += 1
        self.viewport().update()


def _short_label(label: str) -> str:
    """A tag's text until ``set_tag_namer`` gives one: the label, an event type without its
    family (Attack for Conflict.Attack)."""
    return label.rsplit(".", 1)[-1]
