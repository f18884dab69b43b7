"""What the mouse and the keys do in the annotation view (``GestureMixin``, mixed into
``AnnotatedTextView``): select text (snapped to words, exact with Alt), click spans and their
tags (again: the next nested span), drag the selected span's ends, move them by key, and the
keyboard-only token cursor.

Keys (the view is laid out right to left, so Left goes forward in the text):

- ``Ctrl+Left``/``Ctrl+Right``: the token cursor selects the next/previous word (from the
  selected span, the selection or the caret); a label's key labels it.
- With a span selected, or a selection the token cursor made: ``Shift+Left``/``Shift+Right``
  move its end one word later/earlier, ``Ctrl+Shift+…`` its start; with ``Alt`` as well, one
  character. A span's ends move through ``spanRangeRequested`` (the window makes it an undoable
  command); the token cursor's selection just changes.
- Otherwise ``Shift``+arrows select as Qt does, snapped when Shift is released.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from workbench.core.boundaries import Edge, Unit, moved_edge, next_word, word_from
from workbench.core.snapping import exact_selection, snap_to_words
from workbench.ui.annotate.view_zoom import ZoomMixin

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from workbench.ui.annotate.view_geometry import SpanGeometry, ViewGeometry
    from workbench.ui.annotate.view_span import ViewSpan

Range = tuple[int, int]
EDGE_GRIP_OUTSIDE, EDGE_GRIP_INSIDE = 5.0, 2.0
"""How near a selected span's edge (pixels, outside and inside the span) a press grabs it; little
inside, so that a click on a short word's last letter still reaches the spans nested there."""

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
_ARROWS = {int(Qt.Key.Key_Left.value): 1, int(Qt.Key.Key_Right.value): -1}
"""The step in the text each horizontal arrow makes: right to left, Left goes forward."""
Mod = Qt.KeyboardModifier


@dataclass
class Gesture:
    """A selection being made with the mouse or the keyboard, until it ends."""

    keyboard: bool = False
    exact: bool = False
    pressed_at: QPointF | None = None
    """Where a mouse drag began (viewport coordinates)."""


@dataclass
class ClickCycle:
    """Where the last click on a highlight landed, to cycle through nested spans there."""

    position: int = -1
    span_ids: list[str] = field(default_factory=list)


@dataclass
class EdgeDrag:
    """The selected span's start or end being dragged; ``range`` is where it would go now."""

    span_id: str
    edge: Edge
    range: Range


class GestureMixin(ZoomMixin):
    """See the module docstring. The view (``AnnotatedTextView``) provides the spans, geometry
    and signals declared here."""

    if TYPE_CHECKING:
        selectionSnapped: SignalInstance
        spanClicked: SignalInstance
        spanHovered: SignalInstance
        spanRangeRequested: SignalInstance
        _geometry: ViewGeometry
        _hovered_span_id: str

        @property
        def text(self) -> str: ...
        @property
        def selected_span_id(self) -> str | None: ...
        def span_geometry(self) -> SpanGeometry: ...
        def span(self, span_id: str) -> ViewSpan | None: ...
        def spans_at(self, position: int) -> list[ViewSpan]: ...
        def suggestion(self, suggestion_id: str) -> ViewSpan | None: ...
        def set_selected_span(self, span_id: str | None) -> None: ...
        def code_point_at(self, point: QPointF) -> int | None: ...
        def to_code_point(self, qt_position: int) -> int: ...
        def current_selection(self, exact: bool | None = None) -> Range | None: ...
        def select_range(self, start: int, end: int) -> None: ...

    def _init_gestures(self) -> None:
        self._gesture: Gesture | None = None
        self._last_gesture_exact = False
        self._click_cycle = ClickCycle()
        self._edge_drag: EdgeDrag | None = None
        self._token_cursor = False

    # -- mouse ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._token_cursor = False
            edge = self._edge_under(event.position())
            if edge is not None:
                span = self.span(self.selected_span_id or "")
                assert span is not None
                self._edge_drag = EdgeDrag(span.id, edge, (span.start, span.end))
                return
            if not event.modifiers() & Mod.ShiftModifier:
                self._collapse_selection()
            self._gesture = Gesture(exact=_alt_held(event), pressed_at=event.position())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._gesture = Gesture(exact=_alt_held(event))
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._edge_drag is not None:
            self._drag_edge_to(event.position(), exact=_alt_held(event))
            return
        if self._gesture is not None and _alt_held(event):
            self._gesture.exact = True
        if event.buttons() == Qt.MouseButton.NoButton:
            self._update_hovered_span(event.position())
            grab = self._edge_under(event.position()) is not None
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if grab else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._edge_drag is not None:
            self._drag_edge_to(event.position(), exact=_alt_held(event))
            drag, self._edge_drag = self._edge_drag, None
            span = self.span(drag.span_id)
            if span is not None and drag.range != (span.start, span.end):
                self.spanRangeRequested.emit(drag.span_id, *drag.range)
            self.viewport().update()
            return
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

    @property
    def edge_drag_range(self) -> Range | None:
        """Where the dragged span would go now (None: no drag); the view paints it there."""
        return None if self._edge_drag is None else self._edge_drag.range

    def _edge_under(self, point: QPointF) -> Edge | None:
        """The selected span's start or end edge under ``point``: right to left, its start is
        the right edge of its first piece, its end the left edge of its last one."""
        span = self.span(self.selected_span_id or "")
        if span is None:
            return None
        rects = self.span_geometry().span_rects(span.start, span.end)
        if not rects:
            return None
        first_line = [r for r in rects if r.top() == rects[0].top()]
        last_line = [r for r in rects if r.top() == rects[-1].top()]
        start_x = max(r.right() for r in first_line)
        end_x = min(r.left() for r in last_line)
        outward = point.x() - start_x  # the start is the right edge: outside is to its right
        if -EDGE_GRIP_INSIDE <= outward <= EDGE_GRIP_OUTSIDE and _within(point, first_line[0]):
            return "start"
        outward = end_x - point.x()
        if -EDGE_GRIP_INSIDE <= outward <= EDGE_GRIP_OUTSIDE and _within(point, last_line[0]):
            return "end"
        return None

    def _drag_edge_to(self, point: QPointF, *, exact: bool) -> None:
        drag = self._edge_drag
        span = self.span(drag.span_id) if drag is not None else None
        if drag is None or span is None:
            return
        under = self.code_point_at(point)
        if under is None:
            under = self.to_code_point(self.cursorForPosition(point.toPoint()).position())
        if drag.edge == "start":
            start, end = min(under, span.end - 1), span.end
        else:
            start, end = span.start, max(under + 1, span.start + 1)
        snapped = (exact_selection if exact else snap_to_words)(self.text, start, end)
        if snapped is not None and snapped != drag.range:
            drag.range = snapped
            self.viewport().update()

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

    def span_of_tag_at(self, point: QPointF) -> str | None:
        """The span whose tag is drawn at a viewport point (a suggestion's tag is no span's)."""
        tagged = self._geometry.tag_at(point)
        return None if tagged is None or self.suggestion(tagged) is not None else tagged

    def _click_on_spans(self, point: QPointF) -> None:
        """Select the innermost span under the click (or the span of the tag clicked); clicking
        the same character again selects the next span out, and so on round. A click off every
        span clears the emphasis."""
        position = self.code_point_at(point)
        tagged = self._geometry.tag_at(point) if position is None else None
        suggested = self.suggestion(tagged) if tagged is not None else None
        if suggested is not None:  # a suggestion's tag selects its text, as a drag over it would
            self.select_range(suggested.start, suggested.end)
            self.selectionSnapped.emit(suggested.start, suggested.end)
            return
        if tagged is not None:
            self._click_cycle = ClickCycle()
            self.set_selected_span(tagged)
            self.spanClicked.emit(tagged)
            return
        spans = self.spans_at(position) if position is not None else []
        if position is None or not spans:
            self._click_cycle = ClickCycle()
            self.set_selected_span(None)
            return
        span_ids = [span.id for span in spans]
        same_place = self._click_cycle == ClickCycle(position, span_ids)
        chosen = _next_after(span_ids, self.selected_span_id) if same_place else span_ids[0]
        self._click_cycle = ClickCycle(position, span_ids)
        self.set_selected_span(chosen)
        self.spanClicked.emit(chosen)

    def _update_hovered_span(self, point: QPointF) -> None:
        position = self.code_point_at(point)
        spans = self.spans_at(position) if position is not None else []
        hovered = spans[0].id if spans else ""
        if hovered != self._hovered_span_id:
            self._hovered_span_id = hovered
            self.spanHovered.emit(hovered)

    # -- keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_zoom_key(event) or self._handle_annotation_key(event):
            return
        modifiers = event.modifiers()
        if event.key() in _NAVIGATION_KEYS:
            self._token_cursor = False
        if event.key() in _NAVIGATION_KEYS and modifiers & Mod.ShiftModifier:
            if self._gesture is None or not self._gesture.keyboard:
                self._gesture = Gesture(keyboard=True)
            if modifiers & Mod.AltModifier:
                # Qt binds no selection to Alt+Shift+arrow: select as with Shift, but exactly.
                self._gesture.exact = True
                event = _without_alt(event)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Releasing Shift ends a keyboard selection."""
        super().keyReleaseEvent(event)
        if event.key() == Qt.Key.Key_Shift and self._gesture is not None and self._gesture.keyboard:
            self._finish_gesture()

    def _handle_annotation_key(self, event: QKeyEvent) -> bool:
        """The token cursor and the edge keys (see the module docstring)."""
        step = _ARROWS.get(event.key())
        modifiers = event.modifiers() & (Mod.ShiftModifier | Mod.ControlModifier | Mod.AltModifier)
        if step is None or not modifiers & (Mod.ShiftModifier | Mod.ControlModifier):
            return False
        if modifiers == Mod.ControlModifier:
            self._move_token_cursor(step)
            return True
        if not modifiers & Mod.ShiftModifier:
            return False
        edge: Edge = "start" if modifiers & Mod.ControlModifier else "end"
        unit: Unit = "character" if modifiers & Mod.AltModifier else "word"
        span = self.span(self.selected_span_id or "")
        if span is not None and not self.textCursor().hasSelection():
            moved = moved_edge(self.text, (span.start, span.end), edge, step, unit)
            if moved is not None:
                self.spanRangeRequested.emit(span.id, *moved)
            return True
        selection = self.current_selection(exact=True) if self._token_cursor else None
        if selection is None:
            return False
        moved = moved_edge(self.text, selection, edge, step, unit)
        if moved is not None:
            self._select_by_key(moved)
        return True

    def _move_token_cursor(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) word after the selected span or the
        selection; from a bare caret, the word it is in (else the next or previous one)."""
        span = self.span(self.selected_span_id or "")
        cursor = self.textCursor()
        if span is not None:
            word = next_word(self.text, span.end if step > 0 else span.start, step)
        elif cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            word = next_word(self.text, self.to_code_point(end if step > 0 else start), step)
        else:
            word = word_from(self.text, self.to_code_point(cursor.position()), step)
        if word is not None:
            self._select_by_key(word)

    def _select_by_key(self, selected: Range) -> None:
        self._token_cursor = True
        self._last_gesture_exact = True
        self.select_range(*selected)
        self.ensureCursorVisible()
        self.selectionSnapped.emit(*selected)

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

    def _collapse_selection(self) -> None:
        """Drop the selection before a new press: pressing inside it would start a drag and drop
        of the text instead of a new selection."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)


def _within(point: QPointF, line_rect: QRectF) -> bool:
    return line_rect.top() <= point.y() <= line_rect.bottom()


def _next_after(span_ids: list[str], current: str | None) -> str:
    if current not in span_ids:
        return span_ids[0]
    return span_ids[(span_ids.index(current) + 1) % len(span_ids)]


def _alt_held(event: QMouseEvent) -> bool:
    return bool(event.modifiers() & Mod.AltModifier)


def _without_alt(event: QKeyEvent) -> QKeyEvent:
    modifiers = event.modifiers() & ~Mod.AltModifier
    return QKeyEvent(event.type(), event.key(), modifiers, event.text(), event.isAutoRepeat())
