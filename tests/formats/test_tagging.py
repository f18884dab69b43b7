from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from seqeval.metrics.sequence_labeling import get_entities

from workbench.formats.tagging import (
    TokenSpan,
    nesting_layers,
    parse_tag,
    span_tags,
    tag_names,
    tag_spans,
)


def parsed(tags: str) -> list[tuple[str, str]]:
    return [parse_tag(tag) for tag in tags.split()]


def test_parse_tag_splits_at_the_first_hyphen() -> None:
    assert parse_tag("O") == ("O", "")
    assert parse_tag("B-Population-Center") == ("B", "Population-Center")
    assert parse_tag("S-GPE") == ("S", "GPE")


@pytest.mark.parametrize("tag", ["B-", "PER", "X-PER", "b-PER", "-PER", ""])
def test_parse_tag_refuses_what_is_not_a_tag(tag: str) -> None:
    with pytest.raises(ValueError, match="is not a tag"):
        parse_tag(tag)


def test_iob2_and_bioes_columns_of_a_nested_example() -> None:
    spans = [
        TokenSpan(0, 3, "ORG"),
        TokenSpan(1, 3, "GPE"),
        TokenSpan(4, 5, "PER"),
        TokenSpan(2, 3, "LOC"),
    ]
    layers = nesting_layers(spans)
    assert layers == [
        [TokenSpan(0, 3, "ORG"), TokenSpan(4, 5, "PER")],
        [TokenSpan(1, 3, "GPE")],
        [TokenSpan(2, 3, "LOC")],
    ]
    assert [span_tags(layer, 5, "iob2") for layer in layers] == [
        ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER"],
        ["O", "B-GPE", "I-GPE", "O", "O"],
        ["O", "O", "B-LOC", "O", "O"],
    ]
    assert [span_tags(layer, 5, "bioes") for layer in layers] == [
        ["B-ORG", "I-ORG", "E-ORG", "O", "S-PER"],
        ["O", "B-GPE", "E-GPE", "O", "O"],
        ["O", "O", "S-LOC", "O", "O"],
    ]


def test_layers_keep_the_order_of_spans_with_the_same_range_and_split_crossing_ones() -> None:
    assert nesting_layers([TokenSpan(0, 2, "GPE"), TokenSpan(0, 2, "LOC")]) == [
        [TokenSpan(0, 2, "GPE")],
        [TokenSpan(0, 2, "LOC")],
    ]
    assert nesting_layers([TokenSpan(2, 5, "B"), TokenSpan(0, 3, "A")]) == [
        [TokenSpan(0, 3, "A")],
        [TokenSpan(2, 5, "B")],
    ]


def test_an_illegal_inside_starts_a_span_and_is_reported() -> None:
    spans, repaired = tag_spans(parsed("O I-PER I-PER B-LOC I-ORG O E-GPE"))
    assert spans == [
        TokenSpan(1, 3, "PER"),
        TokenSpan(3, 4, "LOC"),
        TokenSpan(4, 5, "ORG"),
        TokenSpan(6, 7, "GPE"),
    ]
    assert repaired == [1, 4, 6]


def test_bioes_and_iob1_are_read() -> None:
    assert tag_spans(parsed("B-ORG E-ORG S-GPE I-GPE"))[0] == [
        TokenSpan(0, 2, "ORG"),
        TokenSpan(2, 3, "GPE"),
        TokenSpan(3, 4, "GPE"),
    ]
    # IOB1: B- only between two adjacent spans of one label
    assert tag_spans(parsed("I-PER I-PER B-PER O"))[0] == [
        TokenSpan(0, 2, "PER"),
        TokenSpan(2, 3, "PER"),
    ]


def test_tag_names_are_in_a_fixed_order() -> None:
    assert tag_names(["PER", "GPE"], "iob2") == ["O", "B-PER", "I-PER", "B-GPE", "I-GPE"]
    assert tag_names(["PER"], "bioes") == ["O", "B-PER", "I-PER", "E-PER", "S-PER"]


@st.composite
def flat_spans(draw: st.DrawFn) -> tuple[int, list[TokenSpan]]:
    """A sequence length and non-overlapping spans over it."""
    length = draw(st.integers(0, 30))
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=12)))
    spans = [
        TokenSpan(start, end, draw(st.sampled_from(["PER", "GPE", "ORG"])))
        for start, end in pairwise(cuts)
        if draw(st.booleans())
    ]
    return length, spans


@given(flat_spans(), st.sampled_from(["iob2", "bioes"]))
def test_tags_read_back_as_the_spans_they_were_written_from(
    case: tuple[int, list[TokenSpan]], scheme: str
) -> None:
    length, spans = case
    tags = span_tags(spans, length, scheme)  # type: ignore[arg-type]
    assert tag_spans([parse_tag(tag) for tag in tags]) == (spans, [])
    # seqeval, the reference reader, sees the same entities (its ends are inclusive)
    assert get_entities(tags) == [(s.label, s.start, s.end - 1) for s in spans]
