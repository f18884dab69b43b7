"""Room above the lines of the annotation view, for label tags and arcs, and where they go in it.

QPlainTextEdit keeps no room between lines: its document layout ignores a block's line height and
margins (measured: ``lineHeight``, ``topMargin``, a baseline offset and superscript all left the
block 14 px tall). But once a block is laid out, its ``QTextLine``s may be moved, and the view
takes each block's height from its lines (``QPlainTextDocumentLayout.blockBoundingRect`` reads
the layout's bounding rectangle every time): a line moved down by ``room`` leaves ``room`` pixels
above it, the block grows, and the blocks after it, the scroll bar, hit-testing and the caret all
follow. Qt lays a block out again after a width or font change, which puts its lines back, so
``apply_rooms`` runs before each paint and each hit-test, and is cheap when nothing moved. Qt's
scroll range would not see rooms grown after it was computed (the last line could be cut off):
the view scrolls on until its last line is in the middle (``setCenterOnScroll``).

Only lines that carry something grow: a tag row for each stack of tags (a span's tag sits above
the start of its first piece; tags that would touch stack, shorter spans nearer the text), and
an arc row for each arc that would cross another on the line. Arcs sit above the tags.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextLine

from workbench.ui.annotate.span_painting import run_extents

TAG_SCALE = 0.62
"""Tags' size against the text's."""
MIN_TAG_POINT_SIZE = 7.0
TAG_PADDING = 3.0
TAG_GAP = 2.0
"""Between two tags on one row, and between a tag row and what is above it."""
ARC_ROW_SCALE = 1.5
"""An arc row's height against a tag's: the arc's label sits on it with room around."""


def tag_font(text_font: QFont) -> QFont:
    font = QFont(text_font)
    font.setPointSizeF(max(MIN_TAG_POINT_SIZE, text_font.pointSizeF() * TAG_SCALE))
    return font


def tag_box_height(metrics: QFontMetricsF) -> float:
    return metrics.height() + TAG_PADDING


@dataclass(frozen=True)
class TagRequest:
    """A span to tag: its key (its id), its UTF-16 range relative to the block, its code point
    range, the tag's text and colour."""

    key: str
    first: int
    last: int
    span: tuple[int, int]
    text: str
    color: str


@dataclass(frozen=True)
class PlacedTag:
    """A tag on a line: its row (0 nearest the text) and horizontal extent (layout x)."""

    key: str
    span: tuple[int, int]
    line: int
    row: int
    left: float
    width: float
    text: str
    color: str


@dataclass(frozen=True)
class ArcEndRequest:
    """One end of arc ``arc`` in this block: its UTF-16 range relative to the block, its code
    point range, whether it is the source, where the other end is when it is in this block too
    (UTF-16, relative to the block), and whether the other end comes later in the text."""

    arc: int
    first: int
    last: int
    span: tuple[int, int]
    source: bool
    other: tuple[int, int] | None
    other_later: bool
    other_span: tuple[int, int] = (0, 0)
    """The other end's code point range (to find its tag)."""


@dataclass(frozen=True)
class ArcPart:
    """The part of arc ``arc`` on one line: its row in the line's arc room and the x of its ends
    there (layout x); ``source_x``/``target_x`` None where that end is on another line and the
    part runs to ``edge_x``, the line's edge towards it."""

    arc: int
    line: int
    row: int
    source_x: float | None
    target_x: float | None
    edge_x: float | None


@dataclass
class BlockPlan:
    """What the room above each line of one block holds, and how tall it is."""

    tag_height: float
    arc_row_height: float
    tag_rows: list[int] = field(default_factory=list)
    arc_rows: list[int] = field(default_factory=list)
    tags: list[PlacedTag] = field(default_factory=list)
    arc_parts: list[ArcPart] = field(default_factory=list)

    def room(self, line: int) -> float:
        tags = self.tag_rows[line] * self.tag_height
        arcs = self.arc_rows[line] * self.arc_row_height
        return tags + arcs + (TAG_GAP if tags or arcs else 0.0)

    def tag_room(self, line: int) -> float:
        return self.tag_rows[line] * self.tag_height

    def tag_of(self, span: tuple[int, int]) -> PlacedTag | None:
        return next((tag for tag in self.tags if tag.span == span), None)


def plan_block(
    layout: QTextLayout,
    text_font: QFont,
    tags: Iterable[TagRequest],
    arc_ends: Sequence[ArcEndRequest],
) -> BlockPlan:
    """Where the tags and arcs of one laid-out block go, and the room each line needs."""
    metrics = QFontMetricsF(tag_font(text_font))
    tag_height = tag_box_height(metrics) + TAG_GAP
    plan = BlockPlan(tag_height, tag_height * ARC_ROW_SCALE)
    lines = layout.lineCount()
    plan.tag_rows = [0] * lines
    plan.arc_rows = [0] * lines
    taken: list[list[list[tuple[float, float]]]] = [[] for _ in range(lines)]
    for request in sorted(tags, key=lambda tag: (tag.last - tag.first, tag.first)):
        line = layout.lineForTextPosition(request.first)
        extents = run_extents(layout, request.first, min(request.last, _line_end(line)) - request.first)
        if not line.isValid() or not extents:
            continue
        centre = (min(e[0] for e in extents) + max(e[1] for e in extents)) / 2
        width = metrics.horizontalAdvance(request.text) + 2 * TAG_PADDING
        # over the start of its span, but inside the line: a tag is never cut off at an edge
        left = max(line.x(), min(centre - width / 2, line.x() + line.width() - width))
        row = _free_row(taken[line.lineNumber()], left - TAG_GAP, left + width + TAG_GAP)
        plan.tags.append(
            PlacedTag(request.key, request.span, line.lineNumber(), row, left, width, request.text, request.color)
        )
        plan.tag_rows[line.lineNumber()] = max(plan.tag_rows[line.lineNumber()], row + 1)
    _plan_arcs(plan, layout, arc_ends, metrics)
    return plan


def _plan_arcs(
    plan: BlockPlan, layout: QTextLayout, ends: Sequence[ArcEndRequest], metrics: QFontMetricsF
) -> None:
    taken: list[list[list[tuple[float, float]]]] = [[] for _ in range(layout.lineCount())]
    slots: dict[tuple[int, int], list[tuple[int, bool]]] = {}
    for end in ends:  # the arcs meeting on one span leave it side by side
        slots.setdefault(end.span, []).append((end.arc, end.source))

    def anchor_x(end: ArcEndRequest, line: int) -> float:
        left, right = _anchor_extent(plan, layout, end, line)
        here = slots.get(end.span, [(end.arc, end.source)])
        slot = here.index((end.arc, end.source)) if (end.arc, end.source) in here else 0
        return left + (right - left) * (slot + 1) / (len(here) + 1)

    parts: list[ArcPartRequest] = []
    for end in ends:
        line = layout.lineForTextPosition(end.first)
        if not line.isValid():
            continue
        x = anchor_x(end, line.lineNumber())
        other_range = end.other
        other_line = None if other_range is None else layout.lineForTextPosition(other_range[0])
        if other_range is not None and other_line is not None and other_line.isValid() and (
            other_line.lineNumber() == line.lineNumber()
        ):
            if not end.source:
                continue  # the source's part covers both ends
            other = ArcEndRequest(end.arc, *other_range, end.other_span, False, None, False)
            parts.append((line.lineNumber(), end.arc, x, anchor_x(other, line.lineNumber()), None))
            continue
        # every paragraph is laid out right to left: later text is to the left, then below
        line_edge = line.x() if end.other_later else line.x() + line.width()
        source_x, target_x = (x, None) if end.source else (None, x)
        parts.append((line.lineNumber(), end.arc, source_x, target_x, line_edge))
    label_width = metrics.averageCharWidth() * 6
    for number, arc, source_x, target_x, edge in sorted(parts, key=lambda p: _part_width(p)):
        xs = [x for x in (source_x, target_x, edge) if x is not None]
        left, right = min(xs), max(xs)
        middle = (left + right) / 2
        row = _free_row(taken[number], min(left, middle - label_width), max(right, middle + label_width))
        plan.arc_parts.append(ArcPart(arc, number, row, source_x, target_x, edge))
        plan.arc_rows[number] = max(plan.arc_rows[number], row + 1)


ArcPartRequest = tuple[int, int, float | None, float | None, float | None]
"""An arc's part on a line before its row is chosen: line, arc, source x, target x, and the
line's edge it runs to when its other end is on another line."""


def _part_width(part: ArcPartRequest) -> float:
    xs = [x for x in part[2:] if x is not None]
    return max(xs) - min(xs)


def _anchor_extent(plan: BlockPlan, layout: QTextLayout, end: ArcEndRequest, line: int) -> tuple[float, float]:
    """Where on the line an arc may meet its span: the width of its tag, else of its piece."""
    tag = plan.tag_of(end.span)
    if tag is not None:
        return tag.left, tag.left + tag.width
    text_line = layout.lineAt(line)
    extents = run_extents(layout, end.first, max(1, min(end.last, _line_end(text_line)) - end.first))
    if not extents:
        return text_line.x(), text_line.x() + text_line.width()
    return min(e[0] for e in extents), max(e[1] for e in extents)


def _line_end(line: QTextLine) -> int:
    return line.textStart() + line.textLength()


def _free_row(rows: list[list[tuple[float, float]]], left: float, right: float) -> int:
    """The lowest row where ``[left, right)`` touches nothing placed, taken."""
    for number, row in enumerate(rows):
        if all(right <= other_left or left >= other_right for other_left, other_right in row):
            row.append((left, right))
            return number
    rows.append([(left, right)])
    return len(rows) - 1


def apply_rooms(layout: QTextLayout, plan: BlockPlan) -> None:
    """Move the block's lines down so that each has its room above it."""
    y = 0.0
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        y += plan.room(number) if number < len(plan.tag_rows) else 0.0
        if line.y() != y:
            line.setPosition(QPointF(line.x(), y))
        y += line.height()
