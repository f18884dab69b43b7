"""The right-to-left annotation view: a read-only QPlainTextEdit that paints its own highlights.

Why this design (measured in ../shared/notes/qt-sqlite-packaging.md §1): Qt keeps doing bidi
layout, shaping, hit-testing, selection, caret and lazy layout of large documents, while the
spans are painted in ``paintEvent`` from a Python interval index, for the visible blocks only.
ExtraSelections and per-span QTextCursors force layout and cost seconds at 10,000 spans.

- Backgrounds are painted under the text, translucent, so overlapping spans blend; entity
  underlines are painted over it, stacked by the index's levels so nested spans stay visible;
  triggers get a frame; suggestions a dashed outline; search matches a stronger fill.
- Rectangles come from ``QTextLayout.glyphRuns``, line by line: a logical span can cover several
  visual pieces in bidi text, and ``cursorToX`` is wrong at LTR/RTL run boundaries.
- Offsets: the API speaks code points (Python string indices), Qt speaks UTF-16 code units.
  ``_to_qt`` and ``_to_code_point`` are the one place where they are converted.
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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextCursor,
    QTextLayout,
    QTextLine,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from workbench.core.snapping import exact_selection, snap_to_words
from workbench.core.span_index import IndexedSpan, SpanIndex
from workbench.core.transliteration import to_buckwalter
from workbench.core.utf16 import Utf16Map
from workbench.ui import fonts
from workbench.ui.annotate.span_painting import (
    GLYPH_RUN_GEOMETRY,
    Piece,
    Rect,
    layout_rects,
    paint_backgrounds,
    paint_decorations,
    run_extents,
)

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


HIGHLIGHT_COLORS: dict[HighlightKind, str] = {"match": "#00ff00", "suggestion": "#5c6bc0"}
"""Colours of the ranges given to ``set_highlights``, which carry none of their own. A match is
highlighter green, far from every built-in label colour as drawn (the amber it replaced looked
like the yellow of a money or date span; tests/ui/test_search_highlights.py measures it)."""

_NAVIGATION_KEYS = frozenset(
    int(key.value)
    for key in (
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    )
)


RECTS_CACHE_SIZE = 20_000
"""Cached span rectangles (a few screens' worth many times over) before the cache starts over."""


class _VisibleBlock(NamedTuple):
    """A block on screen: where its layout sits in the viewport, and the UTF-16 document
    positions of its first character and of its end (before the paragraph separator)."""

    block: QTextBlock
    origin: QPointF
    start: int
    end: int


@dataclass
class _Gesture:
    """A selection being made with the mouse or the keyboard, until it ends."""

    keyboard: bool = False
    exact: bool = False
    pressed_at: QPointF | None = None
    """Where a mouse drag began (viewport coordinates)."""


@dataclass
class _ClickCycle:
    """Where the last click on a highlight landed, to cycle through nested spans there."""

    position: int = -1
    span_ids: list[str] = field(default_factory=list)


class SpanGeometry:
    """Where code point ranges are drawn in the blocks on screen, in viewport coordinates."""

    def __init__(self, view: AnnotatedTextView, blocks: list[_VisibleBlock]) -> None:
        self._view = view
        self._blocks = blocks

    @property
    def visible_range(self) -> Range:
        """The code point range of the blocks on screen (empty when none is)."""
        if not self._blocks:
            return (0, 0)
        view = self._view
        return view._to_code_point(self._blocks[0].start), view._to_code_point(self._blocks[-1].end)

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per visually contiguous piece of ``[start, end)`` on each visible line,
        as tall as the line; none for a range off screen."""
        return self._view._range_rects(self._blocks, start, end)


OverlayPainter = Callable[[QPainter, SpanGeometry], None]
"""Paints over the text and the spans' decorations (antialiased, viewport coordinates)."""


class AnnotatedTextView(QPlainTextEdit):
    """Read-only RTL text with painted spans; selections snap to words (exact with Alt)."""

    selectionSnapped = Signal(int, int)
    """A mouse drag, double-click or Shift+arrow selection ended: its snapped code point range."""
    spanClicked = Signal(str)
    """A click on a highlight selected this span (repeated clicks cycle through nested spans)."""
    spanHovered = Signal(str)
    """The innermost span under the mouse changed: its id, or "" when no span is under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offsets = Utf16Map("")
        self._spans: SpanIndex[ViewSpan] = SpanIndex()
        self._highlights: dict[HighlightKind, SpanIndex[None]] = {}
        self._selected_span_id: str | None = None
        self._hovered_span_id = ""
        self._gesture: _Gesture | None = None
        self._last_gesture_exact = False
        self._click_cycle = _ClickCycle()
        self._rects_cache: dict[tuple[int, int, int], list[Rect]] = {}
        self._layout_key: tuple[int, str] = (0, "")
        self._overlays: list[OverlayPainter] = []
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
        self._text = text
        self._offsets = Utf16Map(text)
        self._highlights.clear()
        self._selected_span_id = None
        self._hovered_span_id = ""
        self._click_cycle = _ClickCycle()
        self._rects_cache.clear()
        self._spans.clear()
        self.setPlainText(text)
        self.set_spans(spans)

    def set_spans(self, spans: Sequence[ViewSpan]) -> None:
        """Replace every span."""
        for span in spans:
            self._check_range(span.start, span.end)
        self._spans.replace_all(_indexed(span) for span in spans)
        if self._selected_span_id not in self._spans:
            self._selected_span_id = None
        self.viewport().update()

    def add_span(self, span: ViewSpan) -> None:
        self._check_range(span.start, span.end)
        self._spans.add(_indexed(span))
        self.viewport().update()

    def update_span(self, span: ViewSpan) -> None:
        """Replace the span with the same id (range, colour, label or kind)."""
        self._check_range(span.start, span.end)
        self._spans.update(_indexed(span))
        self.viewport().update()

    def remove_span(self, span_id: str) -> None:
        self._spans.remove(span_id)
        if self._selected_span_id == span_id:
            self._selected_span_id = None
        self.viewport().update()

    def span(self, span_id: str) -> ViewSpan | None:
        found = self._spans.get(span_id)
        return None if found is None else found.payload

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
        self.viewport().update()

    def set_selected_span(self, span_id: str | None) -> None:
        """Emphasize one span (None for none); nothing is emitted."""
        if span_id is not None and span_id not in self._spans:
            raise KeyError(span_id)
        self._selected_span_id = span_id
        self.viewport().update()

    @property
    def selected_span_id(self) -> str | None:
        return self._selected_span_id

    def scroll_to(self, start: int) -> None:
        """Put the caret at code point ``start`` and scroll it to the middle of the view."""
        self._check_range(start, start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to_qt(start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def _check_range(self, start: int, end: int) -> None:
        if not 0 <= start <= end <= len(self._text):
            raise ValueError(f"range [{start}, {end}) is outside the text (0..{len(self._text)})")

    # -- offsets: the one place where code points and UTF-16 positions meet ---------------------

    def _to_qt(self, code_point: int) -> int:
        return self._offsets.to_utf16(code_point)

    def _to_code_point(self, qt_position: int) -> int:
        return self._offsets.from_utf16(qt_position)

    # -- selection ------------------------------------------------------------------------------

    def current_selection(self, exact: bool | None = None) -> Range | None:
        """The selected code point range, snapped to words unless ``exact``.

        ``exact=None`` follows the last selection gesture: exact when Alt was held during it.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._to_code_point(cursor.selectionStart())
        end = self._to_code_point(cursor.selectionEnd())
        use_exact = self._last_gesture_exact if exact is None else exact
        if use_exact:
            return exact_selection(self._text, start, end)
        return snap_to_words(self._text, start, end)

    def select_range(self, start: int, end: int) -> None:
        """Select the code point range ``[start, end)``."""
        self._check_range(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to_qt(start))
        cursor.setPosition(self._to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _finish_gesture(self) -> None:
        """Snap the selection a gesture made, show the snapped range and report it."""
        gesture, self._gesture = self._gesture, None
        if gesture is None or not self.textCursor().hasSelection():
            return
        self._last_gesture_exact = gesture.exact
        snapped = self.current_selection(exact=gesture.exact)
        if snapped is None:
            return
        self.select_range(*snapped)
        self.selectionSnapped.emit(*snapped)

    def _select_dragged_glyphs(self, pressed_at: QPointF | None, released_at: QPointF) -> None:
        """Select from the character drawn under the press to the one under the release.

        Qt places a drag's ends with ``cursorForPosition``, which on a wrapped right-to-left line
        lands about a space's width away from where the glyphs are drawn, so a drag starting on
        a word's first letter could start after it. The glyphs are what the annotator sees, and
        what the highlights are painted from; over blank space Qt's selection is kept.
        """
        if pressed_at is None:
            return
        first, last = self.code_point_at(pressed_at), self.code_point_at(released_at)
        if first is not None and last is not None:
            self.select_range(min(first, last), max(first, last) + 1)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the stored characters, not Qt's rewritten ones (U+2029, NBSP)."""
        mime = QMimeData()
        cursor = self.textCursor()
        start = self._to_code_point(cursor.selectionStart())
        end = self._to_code_point(cursor.selectionEnd())
        mime.setText(self._text[start:end])
        return mime

    # -- mouse and keyboard ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            extending = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if not extending:
                self._collapse_selection()
            self._gesture = _Gesture(exact=_alt_held(event), pressed_at=event.position())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._gesture = _Gesture(exact=_alt_held(event))
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._gesture is not None and _alt_held(event):
            self._gesture.exact = True
        if event.buttons() == Qt.MouseButton.NoButton:
            self._update_hovered_span(event.position())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._gesture is None:
            return
        if _alt_held(event):
            self._gesture.exact = True
        if self.textCursor().hasSelection():
            self._select_dragged_glyphs(self._gesture.pressed_at, event.position())
            self._finish_gesture()
        else:
            self._gesture = None
            self._click_on_spans(event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_zoom_key(event):
            return
        modifiers = event.modifiers()
        if event.key() in _NAVIGATION_KEYS and modifiers & Qt.KeyboardModifier.ShiftModifier:
            if self._gesture is None or not self._gesture.keyboard:
                self._gesture = _Gesture(keyboard=True)
            if modifiers & Qt.KeyboardModifier.AltModifier:
                # Qt binds no selection to Alt+Shift+arrow: select as with Shift, but exactly.
                self._gesture.exact = True
                event = _without_alt(event)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Releasing Shift ends a keyboard selection."""
        super().keyReleaseEvent(event)
        if event.key() == Qt.Key.Key_Shift and self._gesture is not None and self._gesture.keyboard:
            self._finish_gesture()

    def _collapse_selection(self) -> None:
        """Drop the selection before a new press: pressing inside it would start a drag and drop
        of the text instead of a new selection."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def _click_on_spans(self, point: QPointF) -> None:
        """Select the innermost span under the click; clicking the same character again selects
        the next span out, and so on round. A click off every span clears the emphasis."""
        position = self.code_point_at(point)
        if position is None or not (spans := self._spans.at(position)):
            self._click_cycle = _ClickCycle()
            self.set_selected_span(None)
            return
        span_ids = [found.id for found in spans]
        same_place = self._click_cycle == _ClickCycle(position, span_ids)
        chosen = _next_after(span_ids, self._selected_span_id) if same_place else span_ids[0]
        self._click_cycle = _ClickCycle(position, span_ids)
        self.set_selected_span(chosen)
        self.spanClicked.emit(chosen)

    def _update_hovered_span(self, point: QPointF) -> None:
        position = self.code_point_at(point)
        spans = self._spans.at(position) if position is not None else []
        hovered = spans[0].id if spans else ""
        if hovered != self._hovered_span_id:
            self._hovered_span_id = hovered
            self.spanHovered.emit(hovered)

    def code_point_at(self, point: QPointF) -> int | None:
        """The character drawn under a viewport point, or None over blank space or margins."""
        block = self.cursorForPosition(point.toPoint()).block()
        if not block.isValid() or not block.text():
            return None
        local = point - self._block_origin(block)
        line = _line_at_y(block.layout(), local.y())
        return None if line is None else self._code_point_under(block, line, local.x())

    def _code_point_under(self, block: QTextBlock, line: QTextLine, x: float) -> int | None:
        """The character whose glyph covers ``x`` on ``line``, or None over blank space.

        Hit-testing goes by the glyphs, as the painting does. ``QTextLine.xToCursor`` only gives
        the first guess: it answered a neighbouring character where a font fallback meets a bidi
        boundary (the + of "OPEC+" inside Arabic), and ``QGlyphRun.stringIndexes`` went wrong
        after such a place, so each candidate's own glyph run is measured, nearest first.
        Marks have no width: a point on one hits its base letter.
        """
        layout = block.layout()
        drawn = run_extents(layout, line.textStart(), line.textLength())
        if not any(left <= x < right for left, right in drawn):
            return None
        block_start = block.position()
        line_start = block_start + line.textStart()
        first = self._to_code_point(line_start)
        past_last = self._to_code_point(line_start + line.textLength())
        guess = self._to_code_point(block_start + line.xToCursor(x))
        for code_point in sorted(range(first, past_last), key=lambda cp: abs(cp - guess)):
            qt_start = self._to_qt(code_point) - block_start
            qt_length = self._to_qt(code_point + 1) - block_start - qt_start
            runs = layout.glyphRuns(qt_start, qt_length, GLYPH_RUN_GEOMETRY)
            if any(run.boundingRect().left() <= x < run.boundingRect().right() for run in runs):
                return code_point
        return None

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

    # -- font and zoom --------------------------------------------------------------------------

    def set_font_family(self, family: str) -> None:
        """Use ``family`` for Arabic, keeping the Latin fallback and the size."""
        self.setFont(fonts.annotation_font(self.font_size(), arabic_family=family))

    def set_font_size(self, point_size: int) -> None:
        font = QFont(self.font())
        font.setPointSize(fonts.clamp_point_size(point_size))
        self.setFont(font)

    def font_size(self) -> int:
        return self.font().pointSize()

    def zoom(self, delta: int) -> None:
        """Grow (positive) or shrink (negative) the text by ``delta`` points."""
        self.set_font_size(self.font_size() + delta)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms through ``zoom``, so the size stays within the font's bounds."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoom(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _handle_zoom_key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or _is_ctrl_equals(event):
            self.zoom(1)
            return True
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom(-1)
            return True
        return False

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
        self._drop_stale_rects()
        return SpanGeometry(self, list(self._visible_blocks(QRectF(self.viewport().rect()))))

    def paintEvent(self, event: QPaintEvent) -> None:
        pieces = self._visible_pieces(QRectF(event.rect()))
        painter = QPainter(self.viewport())
        paint_backgrounds(painter, pieces)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_decorations(painter, pieces)
        if self._overlays:
            geometry = self.span_geometry()
            for paint in self._overlays:
                painter.save()
                paint(painter, geometry)
                painter.restore()
        painter.end()

    def _visible_pieces(self, area: QRectF) -> list[Piece]:
        """What to draw in the blocks intersecting ``area``: highlights, then spans."""
        blocks = list(self._visible_blocks(area))
        if not blocks:
            return []
        self._drop_stale_rects()
        start = self._to_code_point(blocks[0].start)
        end = self._to_code_point(blocks[-1].end)
        pieces: list[Piece] = []
        for kind, highlights in self._highlights.items():
            for highlight in highlights.overlapping(start, end):
                rects = self._range_rects(blocks, highlight.start, highlight.end)
                pieces.append(Piece(kind, HIGHLIGHT_COLORS[kind], rects))
        levels = self._spans.levels(start, end)
        for indexed in self._spans.overlapping(start, end):
            span = indexed.payload
            rects = self._range_rects(blocks, span.start, span.end)
            selected = span.id == self._selected_span_id
            pieces.append(Piece(span.kind, span.color, rects, levels[span.id], selected))
        return pieces

    def _visible_blocks(self, area: QRectF) -> Iterator[_VisibleBlock]:
        """Blocks intersecting ``area``, in order, with the viewport position of their layout."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > area.bottom():
                return
            if block.isVisible() and geometry.bottom() >= area.top():
                origin = geometry.topLeft() + block.layout().position()
                start = block.position()
                yield _VisibleBlock(block, origin, start, start + block.length() - 1)
            block = block.next()

    def _block_origin(self, block: QTextBlock) -> QPointF:
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        return geometry.topLeft() + block.layout().position()

    def _range_rects(self, blocks: list[_VisibleBlock], start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of the code point range ``[start, end)`` in the visible blocks."""
        qt_start, qt_end = self._to_qt(start), self._to_qt(end)
        rects: list[QRectF] = []
        for visible in blocks:
            if visible.start >= qt_end:
                break
            if visible.end <= qt_start:
                continue
            first = max(qt_start, visible.start) - visible.start
            last = min(qt_end, visible.end) - visible.start
            x, y = visible.origin.x(), visible.origin.y()
            rects.extend(
                QRectF(x + left, y + top, width, height)
                for left, top, width, height in self._layout_rects(visible.block, first, last)
            )
        return rects

    def _drop_stale_rects(self) -> None:
        """Forget the cached rectangles once the blocks are laid out anew (width or font)."""
        layout_key = (self.viewport().width(), self.font().key())
        if layout_key != self._layout_key:
            self._layout_key = layout_key
            self._rects_cache.clear()

    def _layout_rects(self, block: QTextBlock, first: int, last: int) -> list[Rect]:
        """Rectangles of ``[first, last)`` (UTF-16, block-relative) in layout coordinates.

        They change only when the layout does (a new width or font), so they are kept between
        paints: repaints while selecting with the mouse or after adding a span reuse them.
        """
        key = (block.blockNumber(), first, last)
        rects = self._rects_cache.get(key)
        if rects is None:
            if len(self._rects_cache) > RECTS_CACHE_SIZE:
                self._rects_cache.clear()
            rects = self._rects_cache[key] = layout_rects(block.layout(), first, last)
        return rects


def _line_at_y(layout: QTextLayout, y: float) -> QTextLine | None:
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        if line.y() <= y < line.y() + line.height():
            return line
    return None


def _next_after(span_ids: list[str], current: str | None) -> str:
    if current not in span_ids:
        return span_ids[0]
    return span_ids[(span_ids.index(current) + 1) % len(span_ids)]


def _indexed(span: ViewSpan) -> IndexedSpan[ViewSpan]:
    return IndexedSpan(span.id, span.start, span.end, span)


def _alt_held(event: QMouseEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)


def _without_alt(event: QKeyEvent) -> QKeyEvent:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.AltModifier
    return QKeyEvent(event.type(), event.key(), modifiers, event.text(), event.isAutoRepeat())


def _is_ctrl_equals(event: QKeyEvent) -> bool:
    """Ctrl+= zooms in too: on most layouts + needs Shift, and people press Ctrl+= instead."""
    return event.key() == Qt.Key.Key_Equal and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )
