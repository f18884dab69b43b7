"""An interval index over the spans of one document, for drawing and hit-testing them.

Spans are half-open ranges ``[start, end)`` of code points, identified by a string id and carrying
a payload (whatever the caller needs to draw or describe them). The index answers three questions
fast enough to be asked on every repaint of a 1,000,000-character document with 10,000+ spans:

- ``overlapping(start, end)``: the spans sharing a code point with a range (the visible blocks);
- ``at(position)``: the spans covering one point, innermost first (click-cycling through nested
  spans);
- ``levels(start, end)``: a stacking level per span, so nested and crossing spans get distinct
  underline rows.

Layout: spans up to ``LONG_SPAN`` code points long sit in one list sorted by start. A span
overlapping ``[start, end)`` must start in ``[start - longest, end)``, where ``longest`` is the
greatest length ever stored there, so a query is two bisections plus a scan of that window. Longer
spans (a whole paragraph or section marked as one span) would widen that window for every query,
so they live in a separate small list that is scanned in full. Inserting into a sorted Python list
moves memory but stays in the microseconds for tens of thousands of spans, simpler than a balanced
tree and just as fast at this size.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

P = TypeVar("P")

LONG_SPAN = 2048
"""Spans longer than this many code points are kept apart from the bisected list."""

_SortKey = tuple[int, int, str]
"""(start, -end, id): by start, then outer (longer) spans first, then id for a total order."""


@dataclass(frozen=True, slots=True)
class IndexedSpan(Generic[P]):
    id: str
    start: int
    end: int
    payload: P

    @property
    def length(self) -> int:
        return self.end - self.start


def _sort_key(span: IndexedSpan[P]) -> _SortKey:
    return (span.start, -span.end, span.id)


def _innermost_first(span: IndexedSpan[P]) -> tuple[int, int, str]:
    """Shorter spans first; among equal lengths the one starting later (deeper in a crossing)."""
    return (span.length, -span.start, span.id)


class SpanIndex(Generic[P]):
    """Spans by id, queryable by range and by point. Ids are unique; ranges need not be."""

    def __init__(self, spans: Iterable[IndexedSpan[P]] = ()) -> None:
        self._by_id: dict[str, IndexedSpan[P]] = {}
        self._short_keys: list[_SortKey] = []
        self._long_ids: set[str] = set()
        self._longest_short = 0
        self._level_cache: dict[str, int] = {}
        self.replace_all(spans)

    # -- mutation ---------------------------------------------------------------------------------

    def replace_all(self, spans: Iterable[IndexedSpan[P]]) -> None:
        """Drop every span and load ``spans``; one sort instead of one insertion per span."""
        self._by_id = {}
        for span in spans:
            _check_range(span)
            if span.id in self._by_id:
                raise ValueError(f"span id {span.id!r} appears twice")
            self._by_id[span.id] = span
        short = [span for span in self._by_id.values() if span.length <= LONG_SPAN]
        self._short_keys = sorted(_sort_key(span) for span in short)
        self._long_ids = {span.id for span in self._by_id.values() if span.length > LONG_SPAN}
        self._longest_short = max((span.length for span in short), default=0)
        self._level_cache.clear()

    def add(self, span: IndexedSpan[P]) -> None:
        _check_range(span)
        if span.id in self._by_id:
            raise ValueError(f"span id {span.id!r} is already in the index")
        self._insert(span)

    def remove(self, span_id: str) -> IndexedSpan[P]:
        """Remove and return the span ``span_id``; KeyError when it is not in the index."""
        span = self._by_id.pop(span_id)
        if span.id in self._long_ids:
            self._long_ids.discard(span.id)
        else:
            del self._short_keys[bisect.bisect_left(self._short_keys, _sort_key(span))]
        self._level_cache.clear()
        return span

    def update(self, span: IndexedSpan[P]) -> None:
        """Replace the span with the same id (new range and/or payload)."""
        _check_range(span)
        self.remove(span.id)
        self._insert(span)

    def clear(self) -> None:
        self.replace_all(())

    def _insert(self, span: IndexedSpan[P]) -> None:
        self._by_id[span.id] = span
        if span.length > LONG_SPAN:
            self._long_ids.add(span.id)
        else:
            bisect.insort(self._short_keys, _sort_key(span))
            self._longest_short = max(self._longest_short, span.length)
        self._level_cache.clear()

    # -- lookup -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def __iter__(self) -> Iterator[IndexedSpan[P]]:
        """All spans in text order (by start, outer spans first)."""
        return iter(self.overlapping(0, self._max_end()))

    def get(self, span_id: str) -> IndexedSpan[P] | None:
        return self._by_id.get(span_id)

    def overlapping(self, start: int, end: int) -> list[IndexedSpan[P]]:
        """Spans sharing at least one code point with ``[start, end)``, by start (outer first).

        An empty range ``[p, p)`` shares no code point with anything; use ``at(p)`` for a point.
        """
        if start >= end:
            return []
        found = list(self._short_overlapping(start, end))
        found.extend(
            span
            for span in (self._by_id[span_id] for span_id in self._long_ids)
            if span.start < end and span.end > start
        )
        if self._long_ids:
            found.sort(key=_sort_key)
        return found

    def at(self, position: int) -> list[IndexedSpan[P]]:
        """Spans covering code point ``position``, innermost (shortest) first."""
        return sorted(self.overlapping(position, position + 1), key=_innermost_first)

    def _short_overlapping(self, start: int, end: int) -> Iterator[IndexedSpan[P]]:
        keys = self._short_keys
        first = bisect.bisect_left(keys, (start - self._longest_short,))
        past_last = bisect.bisect_left(keys, (end,))
        for _start, negative_end, span_id in keys[first:past_last]:
            if -negative_end > start:
                yield self._by_id[span_id]

    def _max_end(self) -> int:
        return max((span.end for span in self._by_id.values()), default=0)

    # -- stacking levels --------------------------------------------------------------------------

    def levels(self, start: int, end: int) -> dict[str, int]:
        """A stacking level for every span overlapping ``[start, end)``.

        Two spans that overlap never share a level, and for properly nested spans the level is
        the nesting depth (0 for an outermost span, 1 for a span inside it, ...). Levels come from
        a greedy colouring of each cluster of transitively overlapping spans, taken whole, so a
        span's level does not depend on the range asked about. Cached until the next change.
        """
        wanted = self.overlapping(start, end)
        missing = [span for span in wanted if span.id not in self._level_cache]
        if missing:
            cluster_start = min(span.start for span in missing)
            cluster_end = max(span.end for span in missing)
            self._assign_levels(*self._cluster_extent(cluster_start, cluster_end))
        return {span.id: self._level_cache[span.id] for span in wanted}

    def level(self, span_id: str) -> int:
        """The stacking level of one span (see ``levels``)."""
        span = self._by_id[span_id]
        return self.levels(span.start, span.end)[span_id]

    def _cluster_extent(self, start: int, end: int) -> tuple[int, int]:
        """Grow ``[start, end)`` until no span crosses its edges."""
        while True:
            spans = self.overlapping(start, end)
            grown_start = min([start, *(span.start for span in spans)])
            grown_end = max([end, *(span.end for span in spans)])
            if (grown_start, grown_end) == (start, end):
                return start, end
            start, end = grown_start, grown_end

    def _assign_levels(self, start: int, end: int) -> None:
        """Interval-graph colouring by start order: each span takes the lowest free level."""
        active: list[tuple[int, int]] = []  # (end, level) of spans still open, a min-heap by end
        free: list[int] = []  # levels released by spans that ended, a min-heap
        next_level = 0
        for span in self.overlapping(start, end):
            while active and active[0][0] <= span.start:
                heapq.heappush(free, heapq.heappop(active)[1])
            if free:
                level = heapq.heappop(free)
            else:
                level, next_level = next_level, next_level + 1
            heapq.heappush(active, (span.end, level))
            self._level_cache[span.id] = level


def _check_range(span: IndexedSpan[P]) -> None:
    if not 0 <= span.start < span.end:
        raise ValueError(
            f"span {span.id!r} has an empty or negative range [{span.start}, {span.end})"
        )
