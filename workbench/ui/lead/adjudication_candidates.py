"""The candidates table's model: what adjudication compares on one document (an app
``Comparison``), row by row.

The table lists, in text order, the annotators' entity spans and their events; each event row
is followed by its arguments' rows (the role and the filler), each with who has it, how many
agree and whether gold has it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from workbench.app.adjudication import Comparison
from workbench.core.adjudication import (
    Agreement,
    ArgumentCandidate,
    Candidate,
    EventCandidate,
    SpanKey,
)
from workbench.core.schema import Schema
from workbench.ui.events.event_text import role_name
from workbench.ui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex
CandidateId = tuple[Any, ...]
"""A candidate's identity in the table: its kind and keys (an argument's key is shared by the
same filler and role in two events)."""
AGREEMENT_COLOURS = {
    Agreement.ALL: "#c8e6c9",
    Agreement.MAJORITY: "#fff3c4",
    Agreement.SOME: "#ffcdd2",
}
"""Background of the agreement cell in the candidates table."""
ARGUMENT_INDENT = "    "


def identity(candidate: Candidate) -> CandidateId:
    if isinstance(candidate, ArgumentCandidate):
        return ("argument", candidate.event, candidate.key)
    return (type(candidate).__name__, candidate.key)


def shown_key(candidate: Candidate) -> SpanKey:
    """The span a candidate is about: its own, its trigger's, or its filler's."""
    if isinstance(candidate, ArgumentCandidate):
        start, end, label, _ = candidate.key
        return (start, end, label)
    return candidate.key


class CandidateModel(QAbstractTableModel):
    TEXT, LABEL, WHO, AGREEMENT, IN_GOLD, NOTES = range(6)

    def __init__(self, schema: Schema) -> None:
        super().__init__()
        self._schema = schema
        self._comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self.endResetModel()

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self._comparison.candidates if self._comparison else ()

    def row_of(self, key: SpanKey | Candidate) -> int:
        """The row of a candidate, or of the span or event candidate with this key."""
        if isinstance(key, tuple):
            return next(
                row for row, c in enumerate(self.candidates)
                if not isinstance(c, ArgumentCandidate) and c.key == key
            )
        wanted = identity(key)
        return next(row for row, c in enumerate(self.candidates) if identity(c) == wanted)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        candidate = self.candidates[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(candidate, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.AGREEMENT:
            return QColor(AGREEMENT_COLOURS[candidate.agreement])
        if role == Qt.ItemDataRole.FontRole and isinstance(candidate, EventCandidate):
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TEXT:
            return (
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignVCenter
            )
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TEXT, self.NOTES):
            return "\n".join(
                f"{who}: {note}" for who, note in self._comparison.notes(shown_key(candidate))
            )
        return None

    def _text(self, candidate: Candidate, column: int) -> str:
        if column == self.TEXT:
            indent = ARGUMENT_INDENT if isinstance(candidate, ArgumentCandidate) else ""
            return indent + candidate.text
        if column == self.LABEL:
            return self.label_text(candidate)
        if column == self.WHO:
            return ", ".join(candidate.annotators)
        if column == self.AGREEMENT:
            return self.agreement_text(candidate.agreement)
        if column == self.IN_GOLD:
            return "✓" if candidate.in_gold else ""
        notes = len(self._comparison.notes(shown_key(candidate))) if self._comparison else 0
        return str(notes) if notes else ""

    def label_text(self, candidate: Candidate) -> str:
        """A span's label; an event's type; an argument's role and its filler's label."""
        if isinstance(candidate, EventCandidate):
            return self.tr("Event: {type}").format(type=candidate.key[2])
        if isinstance(candidate, ArgumentCandidate):
            _, _, label, role = candidate.key
            language = current_language().value
            return f"{ARGUMENT_INDENT}{role_name(self._schema, candidate.event[2], role, language)} ({label})"
        return candidate.key[2]

    def agreement_text(self, agreement: Agreement) -> str:
        return {
            Agreement.ALL: self.tr("all"),
            Agreement.MAJORITY: self.tr("majority"),
            Agreement.SOME: self.tr("some"),
        }[agreement]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Text"),
            self.tr("Label"),
            self.tr("Who has it"),
            self.tr("Agreement"),
            self.tr("In gold"),
            self.tr("Notes"),
        )[section]
