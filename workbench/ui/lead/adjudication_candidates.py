"""The candidates table's model: what adjudication compares on one document (an app
``Comparison``), row by row.

The table lists, in text order, the annotators' entity spans and their events; each event row
is followed by its arguments' rows (the role and the filler); then the relations (type, from
text -> to text) and each document-label field's answers; each row with who has it, how many
agree and whether gold has it.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from workbench.app.adjudication import Comparison
from workbench.core.adjudication import (
    Agreement,
    ArgumentCandidate,
    Candidate,
    EventCandidate,
    SpanCandidate,
    SpanKey,
)
from workbench.core.adjudication_labels import DocumentLabelCandidate, answer_key
from workbench.core.adjudication_relations import RelationCandidate
from workbench.core.schema import Schema
from workbench.ui.events.event_text import Language as RoleLanguage
from workbench.ui.events.event_text import role_name
from workbench.ui.i18n import Language, current_language
from workbench.ui.relation_names import field_name, field_value_name, relation_type_name
from workbench.ui.text_direction import is_right_to_left

Index = QModelIndex | QPersistentModelIndex
Row = Candidate | RelationCandidate | DocumentLabelCandidate
"""One row of the table: a span, event or argument; a relation; a document-label answer."""
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
_ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
"""The roles ``CandidateModel.data`` answers, as the plain numbers a view asks with: the others
(of the nine a view asks for each cell it measures or paints) are answered None at once."""


def identity(candidate: Row) -> CandidateId:
    if isinstance(candidate, ArgumentCandidate):
        return ("argument", candidate.event, candidate.key)
    if isinstance(candidate, DocumentLabelCandidate):
        return ("document_label", candidate.field, answer_key(candidate.value))
    return (type(candidate).__name__, candidate.key)


def shown_key(candidate: Row) -> SpanKey | None:
    """The span a candidate is about: its own, its trigger's, its filler's or a relation's
    source; None for a document-label answer (it is about the whole document)."""
    if isinstance(candidate, ArgumentCandidate):
        start, end, label, _ = candidate.key
        return (start, end, label)
    if isinstance(candidate, RelationCandidate):
        return candidate.key[1]
    if isinstance(candidate, DocumentLabelCandidate):
        return None
    return candidate.key


def is_span_or_event(candidate: Row) -> TypeGuard[SpanCandidate | EventCandidate]:
    """Whether the row is drawn in the merged view (a span or an event's trigger)."""
    return isinstance(candidate, SpanCandidate | EventCandidate)


class CandidateModel(QAbstractTableModel):
    TEXT, LABEL, WHO, AGREEMENT, IN_GOLD, NOTES = range(6)

    def __init__(self, schema: Schema) -> None:
        super().__init__()
        self._schema = schema
        self._comparison: Comparison | None = None
        self._rows: tuple[Row, ...] = ()

    def set_comparison(self, comparison: Comparison) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._rows = (*comparison.candidates, *comparison.relations, *comparison.document_labels)
        self.endResetModel()

    @property
    def candidates(self) -> tuple[Row, ...]:
        """The rows: spans, events and arguments, then relations, then document-label answers
        (made once per comparison: the table asks for them on each of its cells' roles, a
        thousand times as a document's candidates are measured)."""
        return self._rows

    def row_of(self, key: SpanKey | Row) -> int:
        """The row of a candidate, or of the span or event candidate with this key."""
        if isinstance(key, tuple):
            return next(
                row for row, c in enumerate(self.candidates) if is_span_or_event(c) and c.key == key
            )
        wanted = identity(key)
        return next(row for row, c in enumerate(self.candidates) if identity(c) == wanted)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid() or self._comparison is None:
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
            return "\n".join(f"{who}: {note}" for who, note in self._notes(candidate))
        return None

    def distinct_rows(self, column: int, rows: range) -> list[int]:
        """Of ``rows``, the first of each text of ``column`` in each font (an event's row is bold):
        labels, names and agreements repeat down a column (every cell read and measured was 4 ms
        of showing a document with 25 candidates; ``table_setup.DistinctCells``)."""
        first: dict[tuple[str, bool], int] = {}
        for row in rows:
            candidate = self._rows[row]
            first.setdefault((self._text(candidate, column), isinstance(candidate, EventCandidate)), row)
        return list(first.values())

    def _notes(self, candidate: Row) -> list[tuple[str, str]]:
        """The notes on a span, trigger or filler candidate's span (relations and answers have
        none of their own)."""
        if self._comparison is None or not isinstance(candidate, Candidate):
            return []
        key = shown_key(candidate)
        return self._comparison.notes(key) if key else []

    def _text(self, candidate: Row, column: int) -> str:
        if column == self.TEXT:
            return self.row_text(candidate)
        if column == self.LABEL:
            return self.label_text(candidate)
        if column == self.WHO:
            return ", ".join(candidate.annotators)
        if column == self.AGREEMENT:
            return self.agreement_text(candidate.agreement)
        if column == self.IN_GOLD:
            return "✓" if candidate.in_gold else ""
        notes = len(self._notes(candidate))
        return str(notes) if notes else ""

    def row_text(self, candidate: Row) -> str:
        """A span's text; a relation's ends' (an arrow from the source to the target, pointing
        the way the texts read); a document-label answer's value names."""
        if isinstance(candidate, RelationCandidate):
            source, target = candidate.texts
            arrow = "↔" if candidate.symmetric else "←" if is_right_to_left(source) else "→"
            return f"{source} {arrow} {target}"
        if isinstance(candidate, DocumentLabelCandidate):
            values = (candidate.value,) if isinstance(candidate.value, str) else candidate.value
            return ", ".join(field_value_name(self._schema, candidate.field, value) for value in values)
        indent = ARGUMENT_INDENT if isinstance(candidate, ArgumentCandidate) else ""
        return indent + candidate.text

    def label_text(self, candidate: Row) -> str:
        """A span's label; an event's type; an argument's role and its filler's label; a
        relation's type; a document-label answer's field."""
        if isinstance(candidate, RelationCandidate):
            return self.tr("Relation: {type}").format(type=relation_type_name(self._schema, candidate.type))
        if isinstance(candidate, DocumentLabelCandidate):
            return self.tr("Document: {field}").format(field=field_name(self._schema, candidate.field))
        if isinstance(candidate, EventCandidate):
            return self.tr("Event: {type}").format(type=candidate.key[2])
        if isinstance(candidate, ArgumentCandidate):
            _, _, label, role = candidate.key
            language: RoleLanguage = "ar" if current_language() is Language.ARABIC else "en"
            return f"{ARGUMENT_INDENT}{role_name(self._schema, candidate.event[2], role, language)} ({label})"
        return candidate.key[2]

    def agreement_text(self, agreement: Agreement) -> str:
        return {
            Agreement.ALL: self.tr("all"),
            Agreement.MAJORITY: self.tr("majority"),
            Agreement.SOME: self.tr("some"),
        }[agreement]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._title(section)

    def _title(self, column: int) -> str:
        """The column's title, translated alone: a view asks for the titles often (80 times as
        the adjudication window opens), and all six were translated on each."""
        match column:
            case self.TEXT:
                return self.tr("Text")
            case self.LABEL:
                return self.tr("Label")
            case self.WHO:
                return self.tr("Who has it")
            case self.AGREEMENT:
                return self.tr("Agreement")
            case self.IN_GOLD:
                return self.tr("In gold")
        return self.tr("Notes")
