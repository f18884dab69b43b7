"""A document as the token-based exports see it: tokens, sentences, spans over tokens, segments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.errors import WorkbenchError
from workbench.core.model import Span, make_document
from workbench.core.schema import builtin_schema
from workbench.formats.base import ExportOptions
from workbench.formats.report import FormatReport, Issue
from workbench.formats.tokenized import TokenizedDocument, TokenRange, tokenized

TEXT = "قال محمد. وصل أحمد إلى بيروت."
OWN = "قال محمد\nوصل أحمد"

WHOLE_WORDS = ExportOptions(schema=builtin_schema("generic"), split_clitics=False)


def span(start: int, end: int, label: str = "PER") -> Span:
    return Span("s", start, end, label, TEXT[start:end])


def test_tokens_and_sentences_of_the_text() -> None:
    document = tokenized(make_document("d", TEXT), WHOLE_WORDS)
    assert document.token_texts == ["قال", "محمد", ".", "وصل", "أحمد", "إلى", "بيروت", "."]
    assert document.sentence_starts == [0, 3]


def test_a_span_is_widened_to_the_tokens_it_touches_and_reported() -> None:
    document, report = tokenized(make_document("d", TEXT), WHOLE_WORDS), FormatReport()
    start = TEXT.index("محمد")
    assert document.token_range(span(start, start + 4), report, "d") == (1, 2)
    assert report.counts == {}
    assert document.token_range(span(start + 1, start + 3), report, "d") == (1, 2)
    assert report.counts == {Issue.EXPANDED_SPAN: 1}
    assert document.token_range(span(3, 4), report, "d") is None  # the space alone
    assert report.counts[Issue.UNTAGGABLE_SPAN] == 1 and "covers no token" in report.messages[-1]


def test_sentences_are_joined_where_a_range_crosses_a_break() -> None:
    document = tokenized(make_document("d", TEXT), WHOLE_WORDS)
    assert document.segments([]) == [(0, 3), (3, 8)]
    assert document.segments([(1, 2), (6, 7)]) == [(0, 3), (3, 8)]
    assert document.segments([(1, 5)]) == [(0, 8)]
    assert document.by_segment([(0, 3), (3, 8)], [(4, "b"), (0, "a"), (7, "c")]) == [["a"], ["b", "c"]]
    assert document.segment_text((3, 8)) == (TEXT.index("وصل"), "وصل أحمد إلى بيروت.")


@st.composite
def sentences_and_ranges(draw: st.DrawFn) -> tuple[TokenizedDocument, list[TokenRange]]:
    """A document of up to 40 tokens, its sentences' first tokens and ranges of its tokens."""
    count = draw(st.integers(1, 40))
    firsts = sorted({0, *draw(st.lists(st.integers(0, count - 1), max_size=10))})
    token_range = st.tuples(st.integers(0, count - 1), st.integers(1, count)).filter(lambda r: r[0] < r[1])
    document = TokenizedDocument(
        make_document("d", "x" * count), firsts, [*range(count)], [*range(1, count + 1)], ["x"] * count
    )
    return document, draw(st.lists(token_range, max_size=8))


@given(sentences_and_ranges())
def test_segments_start_at_each_sentence_no_range_crosses(
    found: tuple[TokenizedDocument, list[TokenRange]],
) -> None:
    """Segments and their grouping, against their definition: a segment starts at each
    sentence's first token that no range holds after its own first token."""
    document, ranges = found
    count = len(document.token_starts)
    starts = [first for first in document.sentence_starts if not any(a < first < b for a, b in ranges)]
    segments = document.segments(ranges)
    assert segments == list(zip(starts, [*starts[1:], count], strict=True))
    grouped = document.by_segment(segments, [(token, token) for token in range(count)])
    assert grouped == [list(range(start, end)) for start, end in segments]


def test_a_documents_own_tokens_and_its_lines_as_sentences() -> None:
    own = make_document("d", OWN, tokens=((0, 3), (4, 8), (9, 12), (13, 17)))
    document = tokenized(own, WHOLE_WORDS)
    assert document.token_texts == ["قال", "محمد", "وصل", "أحمد"]
    assert document.sentence_starts == [0, 2]


@pytest.mark.parametrize("tokens", [((0, 3), (2, 8)), ((4, 8), (0, 3)), ((0, 0),), ((0, 30),)])
def test_own_tokens_that_do_not_fit_the_text_are_refused(tokens: tuple[tuple[int, int], ...]) -> None:
    with pytest.raises(WorkbenchError, match="out of order, overlaps"):
        tokenized(make_document("d", OWN, tokens=tokens), WHOLE_WORDS)
