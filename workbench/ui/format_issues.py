"""What an import or an export repaired or left out (``formats.report.Issue``), in the interface
language: in English the lines the command line prints as warnings; in Arabic the kind, then the
count ("مقاطع وُسِّعت إلى كلمات كاملة: 3"), which no count puts out of agreement (a count before
the noun takes one of six forms in Arabic, and the noun's form changes with it)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from workbench.formats import report
from workbench.formats.report import Issue
from workbench.ui.i18n import Language, current_language


def issue_line(issue: Issue, count: int) -> str:
    """``count`` repairs of the kind ``issue`` in one line."""
    if current_language() is Language.ENGLISH:
        return report.issue_line(issue, count)
    return _translated(issue).format(count=count)


def issue_lines(counts: Mapping[Issue, int]) -> list[str]:
    """One line per kind of issue."""
    return [issue_line(issue, count) for issue, count in counts.items()]


def _translated(issue: Issue) -> str:
    texts = {
        Issue.REPAIRED_TAG: QCoreApplication.translate(
            "FormatIssue", "{count} illegal I- (or E-) tags read as the start of a span (the IOB2 repair)"
        ),
        Issue.READ_AS_IOB1: QCoreApplication.translate(
            "FormatIssue", "{count} files read as IOB1 (a span starts with I-; B- only between two spans of a label)"
        ),
        Issue.UNCLOSED_SPAN: QCoreApplication.translate(
            "FormatIssue", "{count} BIOES spans not closed by E- or S-, read as ending at their last tag"
        ),
        Issue.IGNORED_COLUMN: QCoreApplication.translate(
            "FormatIssue", "{count} CoNLL columns not read as tags (see --tag-columns)"
        ),
        Issue.EXPANDED_SPAN: QCoreApplication.translate("FormatIssue", "{count} spans widened to whole tokens"),
        Issue.UNTAGGABLE_SPAN: QCoreApplication.translate(
            "FormatIssue", "{count} spans covering no token, left out of the tags"
        ),
        Issue.EVENT_LEFT_OUT: QCoreApplication.translate(
            "FormatIssue", "{count} events left out because their trigger or a filler covers no token"
        ),
        Issue.RELATION_LEFT_OUT: QCoreApplication.translate(
            "FormatIssue", "{count} relations left out because an end is no entity mention covering a token"
        ),
        Issue.MERGED_SPAN: QCoreApplication.translate(
            "FormatIssue", "{count} spans identical to another after widening, written once"
        ),
        Issue.NESTED_LEFT_OUT: QCoreApplication.translate(
            "FormatIssue", "{count} nested spans left out (only the outermost layer is written)"
        ),
        Issue.UNANNOTATED_DOCUMENT: QCoreApplication.translate(
            "FormatIssue", "{count} documents without an annotation set, left out"
        ),
        Issue.SKIPPED_ANNOTATION: QCoreApplication.translate(
            "FormatIssue", "{count} annotations of a kind the workbench does not hold, skipped"
        ),
        Issue.CANCELLED_ANNOTATION: QCoreApplication.translate(
            "FormatIssue", "{count} cancelled (skipped) annotations, not imported"
        ),
        Issue.CONVERTED_OFFSETS: QCoreApplication.translate(
            "FormatIssue", "{count} spans whose offsets were moved to the stored text (UTF-16 units, CRLF)"
        ),
        Issue.JOINED_FRAGMENTS: QCoreApplication.translate(
            "FormatIssue", "{count} spans in pieces read as one (only whitespace between the pieces)"
        ),
        Issue.FLATTENED_NOTE: QCoreApplication.translate(
            "FormatIssue", "{count} notes whose line breaks became spaces"
        ),
    }
    return texts[issue]
