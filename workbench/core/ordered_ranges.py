"""Labelled ranges of one document kept in text order and found by position, without a scan.

The annotator's window asks, at every edit and every paint, which of a long document's suggestions
(tens of thousands on a million characters) lie near a place; a scan of them all takes longer
than a frame. The short ranges sit in a sorted list searched by bisection within the longest one's
length, those longer than ``LONG_SPAN`` apart (``span_index``'s layout, without its ids and
payloads: built for 250,000 ranges in half a ``SpanIndex``'s time, 0.55 s against 1.2 s).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Generic, TypeVar

from workbench.core.span_index import LONG_SPAN

R = TypeVar("R", bound=tuple[int, int, str])
"""(start, end, label), or a named tuple of them."""


class OrderedRanges(Generic[R]):
    """A set of (start, end, label) ranges, also in text order (by start, then end, then label)."""

    def __init__(self, ranges: Iterable[R] = ()) -> None:
        self._members = set(ranges)
        self._short: list[R] = []
        self._long: list[R] = []
        for found in self._members:
            self._part_of(found).append(found)
        self._short.sort()
        self._long.sort()
        self._longest = max((end - start for start, end, _ in self._short), default=0)
        """At least the length of the longest short range (a removal leaves it as it was)."""

    def __contains__(self, found: object) -> bool:
        return found in self._members

    @property
    def members(self) -> AbstractSet[R]:
        return self._members

    def _part_of(self, found: R) -> list[R]:
        return self._long if found[1] - found[0] > LONG_SPAN else self._short

    def add(self, found: R) -> None:
        if found in self._members:
            return
        self._members.add(found)
        insort(self._part_of(found), found)
        if found[1] - found[0] <= LONG_SPAN:
            self._longest = max(self._longest, found[1] - found[0])

    def discard(self, found: R) -> None:
        if found in self._members:
            self._members.remove(found)
            part = self._part_of(found)
            del part[bisect_left(part, found)]

    def near(self, start: int, end: int) -> Iterator[R]:
        """The ranges that may overlap ``[start, end)``: every one that does, and some that only
        come near it (not in text order). A slice of the list, not ``islice``, which steps
        through every range before the first: 12,000 of them in the middle of a long
        document's suggestions, 60 µs at each edit and at each paint."""
        first = bisect_left(self._short, (start - self._longest,))
        past = bisect_left(self._short, (end,))
        return itertools.chain(self._short[first:past], self._long)

    def overlapping(self, start: int, end: int) -> list[R]:
        """The ranges overlapping ``[start, end)``, in text order."""
        return sorted(found for found in self.near(start, end) if found[0] < end and start < found[1])

    def first_after(self, key: tuple[int | str, ...]) -> R | None:
        """The first range after ``key`` in text order (``(position,)``: the first starting at
        ``position`` or later)."""
        parts = (self._short, self._long)
        return min((part[i] for part in parts if (i := bisect_right(part, key)) < len(part)), default=None)

    def last_before(self, key: tuple[int | str, ...]) -> R | None:
        """The last range before ``key`` in text order (``(position,)``: the last starting
        before ``position``)."""
        parts = (self._short, self._long)
        return max((part[i - 1] for part in parts if (i := bisect_left(part, key)) > 0), default=None)

    def first(self) -> R | None:
        return min((part[0] for part in (self._short, self._long) if part), default=None)

    def last(self) -> R | None:
        return max((part[-1] for part in (self._short, self._long) if part), default=None)
