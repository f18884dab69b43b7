"""Where things are in the annotation view: the blocks on screen, each with the room above its
lines applied (``room_above_lines``), the rectangles of code point ranges in them, the tags and
arcs placed there, and what lies under a point (hit-testing).

Rectangles come from ``QTextLayout.glyphRuns``, line by line (``span_painting.layout_rects``):
a logical span can cover several visual pieces in bidi text, and ``cursorToX`` is wrong at
LTR/RTL run boundaries. They are cached per block as (line, left, width), which a new width or
font invalidates, and placed at the line's height when asked for, since the rooms move lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QTextBlock, QTextLayout, QTextLine

from workbench.ui.annotate.arc_painting import Arc, ArcPiece, build_arc
from workbench.ui.annotate.room_above_lines import (
    ArcEndRequest,
    BlockPlan,
    TagRequest,
    apply_rooms,
    plan_block,
    tag_box_height,
    tag_font,
)
from workbench.ui.annotate.span_painting import GLYPH_RUN_GEOMETRY, LineRect, layout_rects, run_extents
from workbench.ui.annotate.tag_painting import DrawnTag

if TYPE_CHECKING:
    from workbench.ui.annotate.text_view import AnnotatedTextView

Range = tuple[int, int]
RECTS_CACHE_SIZE = 20_000
"""Cached span rectangles (a few screens' worth many times over) before the cache starts over."""


class VisibleBlock(NamedTuple):
    """A block on screen: where its layout sits in the viewport, and the UTF-16 document
    positions of its first character and of its end (before the paragraph separator)."""

    block: QTextBlock
    origin: QPointF
    start: int
    end: int


class ViewGeometry:
    """The view's geometry (see the module docstring); the view owns one and tells it when
    spans, tags or arcs change (``forget_plans``, ``forget_plans_at``)."""

    def __init__(self, view: AnnotatedTextView) -> None:
        self.view = view
        self._rects_cache: dict[tuple[int, int, int], list[LineRect]] = {}
        self._plans: dict[int, BlockPlan] = {}
        self._layout_key: tuple[int, str] = (0, "")
        self.version = 0
        """Counts the times plans or rectangles were forgotten: what was placed may move."""

    def forget_plans(self) -> None:
        """Spans, tags or arcs changed: place them again at the next paint."""
        self._plans.clear()
        self.version += 1

    def forget_plans_at(self, positions: Iterable[int]) -> None:
        """Tags or arc ends starting at these UTF-16 positions came or went: place them again
        in their blocks only (a block's plan holds what starts in it). Planning a block of a
        long paragraph takes about a millisecond: a screen's worth planned again at each edit
        took most of a frame."""
        document = self.view.document()
        for position in positions:
            self._plans.pop(document.findBlock(position).blockNumber(), None)
        self.version += 1

    def forget_all(self) -> None:
        self._plans.clear()
        self._rects_cache.clear()
        self.version += 1

    # -- blocks ---------------------------------------------------------------------------------

    def visible_blocks(self, area: QRectF) -> Iterator[VisibleBlock]:
        """Blocks intersecting ``area``, in order, with the viewport position of their layout;
        every block from the top of the viewport on gets its room first."""
        view = self.view
        self._drop_stale_layouts()
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        while block.isValid():
            self._give_room(block)
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > area.bottom():
                return
            if block.isVisible() and geometry.bottom() >= area.top():
                origin = geometry.topLeft() + block.layout().position()
                start = block.position()
                yield VisibleBlock(block, origin, start, start + block.length() - 1)
            block = block.next()

    def block_origin(self, block: QTextBlock) -> QPointF:
        view = self.view
        geometry = view.blockBoundingGeometry(block).translated(view.contentOffset())
        return geometry.topLeft() + block.layout().position()

    def give_room_on_screen(self) -> None:
        """Rooms for every block on screen now (before Qt paints or hit-tests them)."""
        for _ in self.visible_blocks(QRectF(self.view.viewport().rect())):
            pass

    def _give_room(self, block: QTextBlock) -> None:
        layout = block.layout()
        if layout.lineCount() == 0:
            self.view.document().documentLayout().blockBoundingRect(block)  # lays it out
        apply_rooms(layout, self._plan_of(block))

    def _plan_of(self, block: QTextBlock) -> BlockPlan:
        """The block's plan, made again when spans, tags or arcs changed or Qt laid it out anew."""
        plan = self._plans.get(block.blockNumber())
        if plan is None or len(plan.tag_rows) != block.layout().lineCount():
            plan = self._plans[block.blockNumber()] = self._plan(block)
        return plan

    def _plan(self, block: QTextBlock) -> BlockPlan:
        view = self.view
        start, end = block.position(), block.position() + block.length() - 1
        first, past_last = view.to_code_point(start), view.to_code_point(end)
        tags = [
            TagRequest(span.id, view.to_qt(span.start) - start, view.to_qt(span.end) - start,
                       (span.start, span.end), view.tag_text(span.label), span.color)
            for span in view.spans_starting_in(first, past_last)
        ] if view.tags_shown else []
        ends = []
        specs = view.arc_specs
        for number, source in view.arc_ends_in(first, max(past_last, first + 1)):
            spec = specs[number]
            mine, other = (spec.source, spec.target) if source else (spec.target, spec.source)
            near = other if first <= other[0] < past_last else None
            ends.append(ArcEndRequest(
                number, view.to_qt(mine[0]) - start, view.to_qt(mine[1]) - start, mine, source,
                None if near is None else (view.to_qt(near[0]) - start, view.to_qt(near[1]) - start),
                other[0] > mine[0], other,
            ))
        return plan_block(block.layout(), view.font(), tags, ends)

    def _drop_stale_layouts(self) -> None:
        """Forget rectangles and plans once the blocks are laid out anew (width or font)."""
        view = self.view
        layout_key = (view.viewport().width(), view.font().key())
        if layout_key != self._layout_key:
            self._layout_key = layout_key
            self.forget_all()

    # -- ranges ---------------------------------------------------------------------------------

    def range_rects(self, blocks: list[VisibleBlock], start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of the code point range ``[start, end)`` in the visible blocks,
        as tall as their lines."""
        view = self.view
        qt_start, qt_end = view.to_qt(start), view.to_qt(end)
        rects: list[QRectF] = []
        for visible in blocks:
            if visible.start >= qt_end:
                break
            if visible.end <= qt_start:
                continue
            first = max(qt_start, visible.start) - visible.start
            last = min(qt_end, visible.end) - visible.start
            layout = visible.block.layout()
            x, y = visible.origin.x(), visible.origin.y()
            for line_number, left, width in self._layout_rects(visible.block, first, last):
                line = layout.lineAt(line_number)
                rects.append(QRectF(x + left, y + line.y(), width, line.height()))
        return rects

    def _layout_rects(self, block: QTextBlock, first: int, last: int) -> list[LineRect]:
        """Pieces of ``[first, last)`` (UTF-16, block-relative); kept between paints (repaints
        while selecting with the mouse or after adding a span reuse them)."""
        key = (block.blockNumber(), first, last)
        rects = self._rects_cache.get(key)
        if rects is None:
            if len(self._rects_cache) > RECTS_CACHE_SIZE:
                self._rects_cache.clear()
            rects = self._rects_cache[key] = layout_rects(block.layout(), first, last)
        return rects

    # -- tags and arcs --------------------------------------------------------------------------

    def tags(self, blocks: list[VisibleBlock]) -> list[DrawnTag]:
        view = self.view
        height = tag_box_height(QFontMetricsF(tag_font(view.font())))
        drawn = []
        for visible in blocks:
            plan = self._plan_of(visible.block)
            layout = visible.block.layout()
            for tag in plan.tags:
                top = layout.lineAt(tag.line).y() - (tag.row + 1) * plan.tag_height
                rect = QRectF(visible.origin.x() + tag.left, visible.origin.y() + top, tag.width, height)
                drawn.append(DrawnTag(tag.key, rect, tag.text, tag.color, tag.key == view.selected_span_id))
        return drawn

    def arcs(self, blocks: list[VisibleBlock]) -> list[Arc]:
        """The arcs whose two ends are on screen, through the rows planned for them."""
        pieces: dict[int, list[ArcPiece]] = {}
        for visible in blocks:
            plan = self._plan_of(visible.block)
            layout = visible.block.layout()
            x, y = visible.origin.x(), visible.origin.y()
            for part in plan.arc_parts:
                line_top = layout.lineAt(part.line).y()
                level = y + line_top - plan.tag_room(part.line) - (part.row + 0.5) * plan.arc_row_height
                spec = self.view.arc_specs[part.arc]
                source = None if part.source_x is None else QPointF(
                    x + part.source_x, y + self._anchor_top(plan, spec.source, line_top))
                target = None if part.target_x is None else QPointF(
                    x + part.target_x, y + self._anchor_top(plan, spec.target, line_top))
                edge = None if part.edge_x is None else x + part.edge_x
                pieces.setdefault(part.arc, []).append(ArcPiece(source, target, edge, level))
        specs = self.view.arc_specs
        built = (build_arc(specs[number], found) for number, found in sorted(pieces.items()))
        return [arc for arc in built if arc is not None]

    @staticmethod
    def _anchor_top(plan: BlockPlan, span: Range, line_top: float) -> float:
        tag = plan.tag_of(span)
        if tag is None:
            return line_top  # touching the word's line, not over its letters
        return line_top - (tag.row + 1) * plan.tag_height

    # -- hit-testing ----------------------------------------------------------------------------

    def code_point_at(self, point: QPointF) -> int | None:
        """The character drawn under a viewport point, or None over blank space, margins, tags
        and arcs."""
        view = self.view
        self.give_room_on_screen()
        block = view.cursorForPosition(point.toPoint()).block()
        if not block.isValid() or not block.text():
            return None
        local = point - self.block_origin(block)
        line = line_at_y(block.layout(), local.y())
        return None if line is None else self._code_point_under(block, line, local.x())

    def _code_point_under(self, block: QTextBlock, line: QTextLine, x: float) -> int | None:
        """The character whose glyph covers ``x`` on ``line``, or None over blank space.

        Hit-testing goes by the glyphs, as the painting does. ``QTextLine.xToCursor`` only gives
        the first guess: it answered a neighbouring character where a font fallback meets a bidi
        boundary (the + of "OPEC+" inside Arabic), and ``QGlyphRun.stringIndexes`` went wrong
        after such a place, so each candidate's own glyph run is measured, nearest first.
        Marks have no width: a point on one hits its base letter.
        """
        view = self.view
        layout = block.layout()
        drawn = run_extents(layout, line.textStart(), line.textLength())
        if not any(left <= x < right for left, right in drawn):
            return None
        block_start = block.position()
        line_start = block_start + line.textStart()
        first = view.to_code_point(line_start)
        past_last = view.to_code_point(line_start + line.textLength())
        guess = view.to_code_point(block_start + line.xToCursor(x))
        for code_point in sorted(range(first, past_last), key=lambda cp: abs(cp - guess)):
            qt_start = view.to_qt(code_point) - block_start
            qt_length = view.to_qt(code_point + 1) - block_start - qt_start
            runs = layout.glyphRuns(qt_start, qt_length, GLYPH_RUN_GEOMETRY)
            if any(run.boundingRect().left() <= x < run.boundingRect().right() for run in runs):
                return code_point
        return None

    def tag_at(self, point: QPointF) -> str | None:
        """The span whose tag is under a viewport point, if any."""
        blocks = list(self.visible_blocks(QRectF(point, point).adjusted(-1, -200, 1, 200)))
        return next((tag.key for tag in self.tags(blocks) if tag.rect.contains(point)), None)


class SpanGeometry:
    """Where code point ranges and arcs are drawn in the blocks on screen (viewport
    coordinates): what overlays are given."""

    def __init__(self, geometry: ViewGeometry, blocks: list[VisibleBlock]) -> None:
        self._geometry = geometry
        self._blocks = blocks

    @property
    def visible_range(self) -> Range:
        """The code point range of the blocks on screen (empty when none is)."""
        if not self._blocks:
            return (0, 0)
        view = self._geometry.view
        return view.to_code_point(self._blocks[0].start), view.to_code_point(self._blocks[-1].end)

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per visually contiguous piece of ``[start, end)`` on each visible line,
        as tall as the line; none for a range off screen."""
        return self._geometry.range_rects(self._blocks, start, end)

    def tags(self) -> list[DrawnTag]:
        """The label tags on screen, as drawn."""
        return self._geometry.tags(self._blocks)

    def arcs(self, owner: str | None = None) -> list[Arc]:
        """The arcs on screen (those ``owner`` set, or all), as drawn."""
        arcs = self._geometry.arcs(self._blocks)
        if owner is None:
            return arcs
        owned = {id(spec) for spec in self._geometry.view.arc_specs_of(owner)}
        return [arc for arc in arcs if id(arc.spec) in owned]


def line_at_y(layout: QTextLayout, y: float) -> QTextLine | None:
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        if line.y() <= y < line.y() + line.height():
            return line
    return None
