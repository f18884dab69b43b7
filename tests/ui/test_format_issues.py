"""What an import or an export repaired, in the window's words: every kind has them, the count
in agreement in English and after the kind in Arabic."""

from __future__ import annotations

import unicodedata

from workbench.formats import report
from workbench.formats.report import Issue
from workbench.ui.format_issues import issue_line


def test_every_kind_of_repair_has_a_line_for_one_and_for_more() -> None:
    assert set(report.ONE) == set(Issue)
    assert report.issue_line(Issue.UNANNOTATED_DOCUMENT, 1) == "1 document without an annotation set, left out"
    assert report.issue_line(Issue.UNANNOTATED_DOCUMENT, 2) == "2 documents without an annotation set, left out"
    assert report.issue_line(Issue.READ_AS_IOB1, 0) == f"0 {Issue.READ_AS_IOB1.value}"


def test_the_english_window_says_what_the_command_line_prints() -> None:
    for issue in Issue:
        for count in (1, 3):
            assert issue_line(issue, count) == report.issue_line(issue, count)


def test_the_arabic_window_says_every_kind_then_its_count(arabic: None) -> None:
    """A count before an Arabic noun takes one of six forms, and the noun's form changes with it:
    "1 وثائق" read wrong. Four kinds had no words at all (an IOB1 file, an unclosed BIOES span,
    a column not read, a relation left out), and raised KeyError in the window."""
    for issue in Issue:
        for count in (1, 2, 11, 104):
            line = issue_line(issue, count)
            assert unicodedata.bidirectional(line[0]) == "AL", line
            assert line.endswith(f": {count}"), line
    assert issue_line(Issue.UNANNOTATED_DOCUMENT, 1) == "وثائق بلا مجموعة توسيم، تُركت: 1"
