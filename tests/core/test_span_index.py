"""The span interval index: range and point queries against brute force, and stacking levels."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.span_index import LONG_SPAN, IndexedSpan, SpanIndex


def span(span_id: str, start: int, end: int) -> IndexedSpan[None]:
    return IndexedSpan(span_id, start, end, None)


def ids(spans: list[IndexedSpan[None]]) -> list[str]:
    return [found.id for found in spans]


ranges = st.tuples(st.integers(0, 300), st.integers(1, 40)).map(lambda r: (r[0], r[0] + r[1]))
long_ranges = st.tuples(st.integers(0, 300), st.integers(1, 3 * LONG_SPAN)).map(
    lambda r: (r[0], r[0] + r[1])
)
span_lists = st.lists(st.one_of(ranges, long_ranges), max_size=40).map(
    lambda found: [span(f"s{number}", start, end) for number, (start, end) in enumerate(found)]
)


def brute_overlapping(spans: list[IndexedSpan[None]], start: int, end: int) -> set[str]:
    return {found.id for found in spans if found.start < end and found.end > start}


@given(span_lists, st.integers(0, 400), st.integers(1, 60))
def test_overlapping_matches_brute_force(
    spans: list[IndexedSpan[None]], start: int, width: int
) -> None:
    index = SpanIndex(spans)
    assert set(ids(index.overlapping(start, start + width))) == brute_overlapping(
        spans, start, start + width
    )


@given(span_lists, st.integers(0, 400))
def test_at_returns_covering_spans_innermost_first(
    spans: list[IndexedSpan[None]], point: int
) -> None:
    found = SpanIndex(spans).at(point)
    assert set(ids(found)) == {s.id for s in spans if s.start <= point < s.end}
    lengths = [s.length for s in found]
    assert lengths == sorted(lengths)


@given(span_lists, st.data())
def test_add_remove_update_keep_queries_right(
    spans: list[IndexedSpan[None]], data: st.DataObject
) -> None:
    index: SpanIndex[None] = SpanIndex()
    live: dict[str, IndexedSpan[None]] = {}
    for new in spans:
        index.add(new)
        live[new.id] = new
    for victim in data.draw(st.lists(st.sampled_from(sorted(live)), unique=True)) if live else []:
        if data.draw(st.booleans()):
            index.remove(victim)
            del live[victim]
        else:
            start, end = data.draw(st.one_of(ranges, long_ranges))
            live[victim] = span(victim, start, end)
            index.update(live[victim])
    assert len(index) == len(live)
    for start in range(0, 400, 37):
        assert set(ids(index.overlapping(start, start + 25))) == brute_overlapping(
            list(live.values()), start, start + 25
        )


@given(span_lists)
@settings(max_examples=200)
def test_overlapping_spans_never_share_a_level(spans: list[IndexedSpan[None]]) -> None:
    index = SpanIndex(spans)
    levels = index.levels(0, 10 * LONG_SPAN)
    for one in spans:
        for other in spans:
            if one.id < other.id and one.start < other.end and other.start < one.end:
                assert levels[one.id] != levels[other.id]


@given(span_lists, st.integers(0, 400))
def test_a_level_does_not_depend_on_the_range_asked(
    spans: list[IndexedSpan[None]], point: int
) -> None:
    everything = SpanIndex(spans).levels(0, 10 * LONG_SPAN)
    local = SpanIndex(spans).levels(point, point + 5)
    assert local == {span_id: everything[span_id] for span_id in local}


def test_levels_of_nested_spans_are_their_nesting_depth() -> None:
    index = SpanIndex(
        [span("outer", 0, 20), span("left", 1, 3), span("middle", 5, 10), span("inner", 6, 8)]
    )
    assert index.levels(0, 20) == {"outer": 0, "left": 1, "middle": 1, "inner": 2}
    assert index.level("inner") == 2


def test_crossing_spans_get_distinct_levels_and_same_ranges_too() -> None:
    index = SpanIndex([span("a", 0, 10), span("b", 5, 15), span("c", 5, 15)])
    assert sorted(index.levels(0, 15).values()) == [0, 1, 2]


def test_levels_follow_changes() -> None:
    index = SpanIndex([span("outer", 0, 20)])
    assert index.level("outer") == 0
    index.add(span("wrapper", 0, 30))
    assert index.levels(0, 30) == {"wrapper": 0, "outer": 1}
    index.remove("wrapper")
    assert index.level("outer") == 0


def test_at_orders_nested_spans_for_click_cycling() -> None:
    index = SpanIndex([span("sentence", 0, 40), span("name", 10, 20), span("word", 10, 14)])
    assert ids(index.at(12)) == ["word", "name", "sentence"]
    assert ids(index.at(16)) == ["name", "sentence"]
    assert index.at(40) == []


def test_half_open_ranges_do_not_touch_their_neighbours() -> None:
    index = SpanIndex([span("a", 0, 5), span("b", 5, 9)])
    assert ids(index.overlapping(5, 6)) == ["b"]
    assert ids(index.overlapping(4, 5)) == ["a"]
    assert index.overlapping(5, 5) == []


def test_payload_and_lookup() -> None:
    index: SpanIndex[str] = SpanIndex([IndexedSpan("x", 2, 4, "PER")])
    found = index.get("x")
    assert found is not None and found.payload == "PER"
    assert "x" in index and "y" not in index
    index.update(IndexedSpan("x", 2, 6, "ORG"))
    assert [(s.end, s.payload) for s in index] == [(6, "ORG")]


def test_bad_input_is_refused() -> None:
    index = SpanIndex([span("a", 0, 5)])
    with pytest.raises(ValueError, match="already"):
        index.add(span("a", 1, 2))
    with pytest.raises(ValueError, match="empty"):
        index.add(span("b", 3, 3))
    with pytest.raises(ValueError, match="twice"):
        index.replace_all([span("a", 0, 1), span("a", 2, 3)])
    with pytest.raises(KeyError):
        index.remove("missing")


def large_index() -> SpanIndex[None]:
    """10,000 spans of 2-60 code points over a million, and a chapter of half of it."""
    rng = random.Random(7)
    spans = []
    for number in range(10_000):
        start = rng.randrange(0, 1_000_000 - 60)
        spans.append(span(f"s{number}", start, start + rng.randrange(2, 60)))
    spans.append(span("chapter", 0, 500_000))
    return SpanIndex(spans)


class ReadCounting(list[tuple[int, int, str]]):
    """The index's sorted keys, counting the keys each slice reads (a query's scan)."""

    reads: list[int]

    def __getitem__(self, item):  # type: ignore[no-untyped-def]
        if isinstance(item, slice):
            self.reads.append(len(range(*item.indices(len(self)))))
        return super().__getitem__(item)


def test_a_visible_range_query_reads_the_spans_near_it_not_all_of_them() -> None:
    """Two bisections and a scan of the spans starting within the longest short span before the
    range: a chapter-long span kept apart does not widen that scan to half the document (its
    time: tests/benchmarks/test_span_index_bench.py)."""
    index = large_index()
    keys = ReadCounting(index._short_keys)
    keys.reads = []
    index._short_keys = keys
    for start in range(0, 1_000_000, 1_000):
        found = index.overlapping(start, start + 3_000)
        assert index.get("chapter") in found if start < 500_000 else index.get("chapter") not in found
    assert len(keys.reads) == 1_000
    assert max(keys.reads) < 100  # about 30 spans start in 3,060 code points; 10,001 in all
