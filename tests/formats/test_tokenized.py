"""A document as the token-based exports see it: tokens, sentences, spans over tokens, segments."""

from __future__ import annotations

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.model import Span, make_document
from workbench.core.schema import builtin_schema
from workbench.formats.base import ExportOptions
from workbench.formats.report import FormatReport, Issue
from workbench.formats.tokenized import tokenized

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


def test_a_documents_own_tokens_and_its_lines_as_sentences() -> None:
    own = make_document("d", OWN, tokens=((0, 3), (4, 8), (9, 12), (13, 17)))
    document = tokenized(own, WHOLE_WORDS)
    assert document.token_texts == ["قال", "محمد", "وصل", "أحمد"]
    assert document.sentence_starts == [0, 2]


@pytest.mark.parametrize("tokens", [((0, 3), (2, 8)), ((4, 8), (0, 3)), ((0, 0),), ((0, 30),)])
def test_own_tokens_that_do_not_fit_the_text_are_refused(tokens: tuple[tuple[int, int], ...]) -> None:
    with pytest.raises(WorkbenchError, match="out of order, overlaps"):
        tokenized(make_document("d", OWN, tokens=tokens), WHOLE_WORDS)
