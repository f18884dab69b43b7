"""What an import or an export repaired, widened or left out, for the user to read.

Importers and exporters never change or drop anything silently. Each repair is counted under its
kind and described in one line that names the file (or the document) and the place. A caller that
wants to show them passes a ``FormatReport`` as the ``report=`` keyword of ``read`` or ``write``
and prints ``summary()`` and ``messages`` when the work is done; without one, nothing is kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

MAX_MESSAGES = 1000
"""Messages kept; the counts stay exact beyond this."""


class Issue(StrEnum):
    """A kind of repair; its value reads after a count of more than one ("74 illegal I- tags read
    as B-"), its ``ONE`` form after a count of one."""

    REPAIRED_TAG = "illegal I- (or E-) tags read as the start of a span (the IOB2 repair)"
    READ_AS_IOB1 = "files read as IOB1 (a span starts with I-; B- only between two spans of a label)"
    UNCLOSED_SPAN = "BIOES spans not closed by E- or S-, read as ending at their last tag"
    IGNORED_COLUMN = "CoNLL columns not read as tags (see --tag-columns)"
    EXPANDED_SPAN = "spans widened to whole tokens"
    UNTAGGABLE_SPAN = "spans covering no token, left out of the tags"
    EVENT_LEFT_OUT = "events left out because their trigger or a filler covers no token"
    RELATION_LEFT_OUT = "relations left out because an end is no entity mention covering a token"
    MERGED_SPAN = "spans identical to another after widening, written once"
    NESTED_LEFT_OUT = "nested spans left out (only the outermost layer is written)"
    UNANNOTATED_DOCUMENT = "documents without an annotation set, left out"
    SKIPPED_ANNOTATION = "annotations of a kind the workbench does not hold, skipped"
    CANCELLED_ANNOTATION = "cancelled (skipped) annotations, not imported"
    CONVERTED_OFFSETS = "spans whose offsets were moved to the stored text (UTF-16 units, CRLF)"
    JOINED_FRAGMENTS = "spans in pieces read as one (only whitespace between the pieces)"
    FLATTENED_NOTE = "notes whose line breaks became spaces"


ONE = {
    Issue.REPAIRED_TAG: "illegal I- (or E-) tag read as the start of a span (the IOB2 repair)",
    Issue.READ_AS_IOB1: "file read as IOB1 (a span starts with I-; B- only between two spans of a label)",
    Issue.UNCLOSED_SPAN: "BIOES span not closed by E- or S-, read as ending at its last tag",
    Issue.IGNORED_COLUMN: "CoNLL column not read as tags (see --tag-columns)",
    Issue.EXPANDED_SPAN: "span widened to whole tokens",
    Issue.UNTAGGABLE_SPAN: "span covering no token, left out of the tags",
    Issue.EVENT_LEFT_OUT: "event left out because its trigger or a filler covers no token",
    Issue.RELATION_LEFT_OUT: "relation left out because an end is no entity mention covering a token",
    Issue.MERGED_SPAN: "span identical to another after widening, written once",
    Issue.NESTED_LEFT_OUT: "nested span left out (only the outermost layer is written)",
    Issue.UNANNOTATED_DOCUMENT: "document without an annotation set, left out",
    Issue.SKIPPED_ANNOTATION: "annotation of a kind the workbench does not hold, skipped",
    Issue.CANCELLED_ANNOTATION: "cancelled (skipped) annotation, not imported",
    Issue.CONVERTED_OFFSETS: "span whose offsets were moved to the stored text (UTF-16 units, CRLF)",
    Issue.JOINED_FRAGMENTS: "span in pieces read as one (only whitespace between the pieces)",
    Issue.FLATTENED_NOTE: "note whose line breaks became spaces",
}
"""Each kind of repair after a count of one: "1 document without an annotation set, left out"."""


def issue_line(issue: Issue, count: int) -> str:
    """``count`` repairs of the kind ``issue`` in one line, the count and its words in agreement."""
    return f"{count} {ONE[issue] if count == 1 else issue.value}"


@dataclass
class FormatReport:
    counts: Counter[Issue] = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)

    def add(self, issue: Issue, message: str) -> None:
        self.counts[issue] += 1
        if len(self.messages) < MAX_MESSAGES:
            self.messages.append(message)

    def merge(self, other: FormatReport) -> None:
        """Count what ``other`` counted after what this one holds, as if it had been added here."""
        self.counts.update(other.counts)
        self.messages.extend(other.messages[: max(0, MAX_MESSAGES - len(self.messages))])

    @property
    def repaired_tags(self) -> int:
        return self.counts[Issue.REPAIRED_TAG]

    @property
    def expanded_spans(self) -> int:
        return self.counts[Issue.EXPANDED_SPAN]

    def summary(self) -> list[str]:
        """One line per kind of repair, e.g. ``"74 illegal I- ... (the IOB2 repair)"``."""
        return [issue_line(issue, count) for issue, count in self.counts.items()]
