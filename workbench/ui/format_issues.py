"""What an import or an export repaired or left out (``formats.report.Issue``), in the interface
language: the same lines the command line prints as warnings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from workbench.formats.report import Issue


def issue_text(issue: Issue) -> str:
    """The issue's description, which reads after a count."""
    texts = {
        Issue.REPAIRED_TAG: QCoreApplication.translate(
            "FormatIssue", "illegal I- (or E-) tags read as the start of a span (the IOB2 repair)"
        ),
        Issue.EXPANDED_SPAN: QCoreApplication.translate(
            "FormatIssue", "spans widened to whole tokens"
        ),
        Issue.UNTAGGABLE_SPAN: QCoreApplication.translate(
            "FormatIssue", "spans covering no token, left out of the tags"
        ),
        Issue.EVENT_LEFT_OUT: QCoreApplication.translate(
            "FormatIssue", "events left out because their trigger or a filler covers no token"
        ),
        Issue.MERGED_SPAN: QCoreApplication.translate(
            "FormatIssue", "spans identical to another after widening, written once"
        ),
        Issue.NESTED_LEFT_OUT: QCoreApplication.translate(
            "FormatIssue", "nested spans left out (only the outermost layer is written)"
        ),
        Issue.UNANNOTATED_DOCUMENT: QCoreApplication.translate(
            "FormatIssue", "documents without an annotation set, left out"
        ),
        Issue.SKIPPED_ANNOTATION: QCoreApplication.translate(
            "FormatIssue", "annotations of a kind the workbench does not hold, skipped"
        ),
        Issue.CANCELLED_ANNOTATION: QCoreApplication.translate(
            "FormatIssue", "cancelled (skipped) annotations, not imported"
        ),
        Issue.CONVERTED_OFFSETS: QCoreApplication.translate(
            "FormatIssue", "spans whose offsets were moved to the stored text (UTF-16 units, CRLF)"
        ),
        Issue.JOINED_FRAGMENTS: QCoreApplication.translate(
            "FormatIssue", "spans in pieces read as one (only whitespace between the pieces)"
        ),
        Issue.FLATTENED_NOTE: QCoreApplication.translate(
            "FormatIssue", "notes whose line breaks became spaces"
        ),
    }
    return texts[issue]


def issue_lines(counts: Mapping[Issue, int]) -> list[str]:
    """One line per kind of issue, as ``FormatReport.summary`` words them: "2 documents ..."."""
    return [f"{count} {issue_text(issue)}" for issue, count in counts.items()]
