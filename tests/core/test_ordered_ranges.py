"""Ranges kept in text order and found by position: every answer is the one a scan of them all
gives, through additions and removals, long ranges (kept apart) included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.ordered_ranges import OrderedRanges
from workbench.core.span_index import LONG_SPAN

Labelled = tuple[int, int, str]
ranges = st.builds(
    lambda start, length, label: (start, start + length, label),
    st.integers(0, 200),
    st.one_of(st.integers(0, 30), st.integers(LONG_SPAN + 1, LONG_SPAN + 50)),
    st.sampled_from("AB"),
)
steps = st.lists(st.tuples(st.booleans(), ranges), max_size=40)


def built(steps: list[tuple[bool, Labelled]]) -> tuple[OrderedRanges[Labelled], set[Labelled]]:
    """The ranges after each step (add when True, else discard), and the set they should hold."""
    kept: OrderedRanges[Labelled] = OrderedRanges(found for adding, found in steps[:5] if adding)
    wanted = {found for adding, found in steps[:5] if adding}
    for adding, found in steps[5:]:
        if adding:
            kept.add(found)
            wanted.add(found)
        else:
            kept.discard(found)
            wanted.discard(found)
    return kept, wanted


def in_text_order(kept: OrderedRanges[Labelled]) -> list[Labelled]:
    """Every range, from the first on to each next one (as the suggestion keys go)."""
    found, following = [], kept.first()
    while following is not None:
        found.append(following)
        following = kept.first_after(following)
    return found


@settings(max_examples=300, deadline=None)
@given(steps, st.integers(0, 300), st.integers(0, 40))
def test_the_ranges_overlapping_a_place_are_those_a_scan_finds(
    steps: list[tuple[bool, Labelled]], start: int, length: int
) -> None:
    kept, wanted = built(steps)
    end = start + length
    overlapping = sorted(r for r in wanted if r[0] < end and start < r[1])
    assert kept.overlapping(start, end) == overlapping
    assert set(overlapping) <= set(kept.near(start, end))
    assert in_text_order(kept) == sorted(wanted)
    assert kept.members == wanted and all(r in kept for r in wanted)


@settings(max_examples=300, deadline=None)
@given(steps, st.integers(0, 300), ranges)
def test_the_first_after_and_last_before_a_place_are_those_of_the_text_order(
    steps: list[tuple[bool, Labelled]], position: int, key: Labelled
) -> None:
    kept, wanted = built(steps)
    ordered = sorted(wanted)
    assert kept.first_after((position,)) == next((r for r in ordered if r[0] >= position), None)
    assert kept.last_before((position,)) == next((r for r in reversed(ordered) if r[0] < position), None)
    assert kept.first_after(key) == next((r for r in ordered if r > key), None)
    assert kept.last_before(key) == next((r for r in reversed(ordered) if r < key), None)
    assert (kept.first(), kept.last()) == ((ordered[0], ordered[-1]) if ordered else (None, None))
