"""Writing gold from the adjudication window: accepting what annotators agree on, a version or a
candidate, and the lead's own gold edits. Each is an app ``GoldEdit`` (a Qt-free command) on the
window's undo stack; this object is the stack's listener, which hands the written change back to
the view to show, and opens the document of an undo step (``StepDocuments``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.app import adjudication as gold
from workbench.app.adjudication import GoldEdit
from workbench.app.changes import Change, Command
from workbench.core.adjudication import Agreement
from workbench.core.adjudication_labels import DocumentLabelCandidate
from workbench.core.adjudication_relations import RelationCandidate
from workbench.core.errors import WorkbenchError
from workbench.ui.commands import CommandStep
from workbench.ui.error_words import error_words
from workbench.ui.relation_names import field_name

if TYPE_CHECKING:
    from workbench.ui.lead.adjudication_view import AdjudicationView


class GoldEdits(QObject):
    """The adjudication window's writes to gold (module docstring)."""

    def __init__(self, view: AdjudicationView) -> None:
        super().__init__(view)
        self._view = view
        self._project = view.project

    def connect_buttons(self) -> None:
        """The window's accept and gold-edit buttons (and a double-click on a candidate) make
        their edits."""
        view = self._view
        view.candidate_table.doubleClicked.connect(lambda index: self.accept_candidate(index.row()))
        view.accept_candidate_button.clicked.connect(self.accept_current_candidate)
        view.accept_all_button.clicked.connect(lambda: self.accept_agreed(Agreement.ALL))
        view.accept_majority_button.clicked.connect(lambda: self.accept_agreed(Agreement.MAJORITY))
        view.accept_version_button.clicked.connect(
            lambda: self.accept_version(view.version_combo.currentText())
        )
        view.replace_version_button.clicked.connect(
            lambda: self.accept_version(view.version_combo.currentText(), replace_gold=True)
        )
        view.mark_done_button.clicked.connect(self.mark_adjudicated)
        view.add_gold_button.clicked.connect(lambda: self.add_gold_span(view.chosen_label()))
        view.relabel_gold_button.clicked.connect(lambda: self.relabel_gold_span(view.chosen_label()))
        view.delete_gold_button.clicked.connect(self.delete_gold_span)

    def _write(self, make: Callable[[str], GoldEdit | None], describe: Callable[[], str]) -> GoldEdit | None:
        """Make one gold edit on the open document and put it on the undo stack; a refusal is
        shown in the message line. The edit, or None when there was nothing to change."""
        document_id = self._view.document_id
        if document_id is None:
            return None
        try:
            edit = make(document_id)
        except WorkbenchError as error:
            self._view.say(error_words(error))
            return None
        if edit is None:
            self._view.say(self.tr("Nothing new: gold holds all of it already."))
            return None
        first = edit.change()
        step = CommandStep(self._project, edit, first, self, self, describe)
        self._view.undo_stack.push(step)
        return edit

    def apply_change(self, change: Change) -> None:
        """Show gold as written (after an edit, an undo or a redo) on the open document."""
        self._view.show_gold_written(change.document_id)

    def shows(self, document_id: str) -> bool:
        """``StepDocuments``: the undo step's document is the open one."""
        return document_id == self._view.document_id

    def show_changed(self, document_id: str, change: Change | None) -> None:
        """``StepDocuments``: open the undo step's document (read at once, as the step left
        it), then tell its gold written; read again only where it did not open at once."""
        self._view.show_document(document_id)
        if change is None:
            return
        if self._view.document_id == document_id:
            self._view.tell_gold_written(document_id)
        else:
            self.apply_change(change)

    def report_refusal(self, message: str, command: Command) -> None:
        self._view.say(message)

    def _say_added(self, edit: GoldEdit | None) -> None:
        if edit is not None:
            added = edit.added
            self._view.say(
                self.tr(
                    "Added to gold — spans: {spans}, events: {events}, arguments: {arguments}, "
                    "relations: {relations}, document labels: {labels}."
                ).format(
                    spans=added.spans,
                    events=added.events,
                    arguments=added.arguments,
                    relations=added.relations,
                    labels=added.document_labels,
                )
            )

    def accept_agreed(self, minimum: Agreement) -> None:
        """Add to gold what all (or a majority of) the finished annotators agree on."""
        edit = self._write(
            lambda doc: gold.accept_agreed(self._project, doc, minimum),
            lambda: self.tr("Accept what the annotators agree on"),
        )
        self._say_added(edit)

    def accept_version(self, annotator: str, *, replace_gold: bool = False) -> None:
        """Add ``annotator``'s spans and events to gold, or make gold just that version."""
        comparison = self._view.comparison
        if comparison is None or annotator not in comparison.annotators:
            return
        edit = self._write(
            lambda doc: gold.accept_version(self._project, doc, annotator, replace_gold=replace_gold),
            lambda: self.tr("Accept the version of {name}").format(name=annotator),
        )
        if edit is not None and replace_gold:
            self._view.say(self.tr("Gold replaced with the version of {name}.").format(name=annotator))
        elif edit is not None:
            self._view.say(
                self.tr("Added from {name} — spans: {spans}, events: {events}, arguments: {arguments}.")
                .format(name=annotator, spans=edit.added.spans, events=edit.added.events,
                        arguments=edit.added.arguments)
            )

    def accept_candidate(self, row: int) -> None:
        """One candidate into gold: an event comes with its trigger and arguments, a relation
        with its ends where gold lacks them; a document-label answer replaces gold's answer."""
        comparison = self._view.comparison
        if comparison is None:
            return
        candidate = self._view.candidates.candidates[row]
        if isinstance(candidate, RelationCandidate):
            self.accept_relation(candidate)
            return
        if isinstance(candidate, DocumentLabelCandidate):
            self.accept_document_label(candidate)
            return
        edit = self._write(
            lambda doc: gold.accept_candidate(self._project, doc, candidate, comparison.finished),
            lambda: self.tr("Accept «{text}»").format(text=candidate.text),
        )
        self._say_added(edit)

    def accept_relation(self, candidate: RelationCandidate) -> None:
        comparison = self._view.comparison
        if comparison is None:
            return
        edit = self._write(
            lambda doc: gold.accept_relation(self._project, doc, candidate, comparison.finished),
            lambda: self.tr("Accept the relation {text}").format(
                text=self._view.candidates.row_text(candidate)
            ),
        )
        self._say_added(edit)

    def accept_document_label(self, candidate: DocumentLabelCandidate) -> None:
        edit = self._write(
            lambda doc: gold.accept_document_label(self._project, doc, candidate),
            lambda: self.tr("Accept the answer {value} for {field}").format(
                value=self._view.candidates.row_text(candidate),
                field=field_name(self._project.schema, candidate.field),
            ),
        )
        self._say_added(edit)

    def accept_current_candidate(self) -> None:
        rows = self._view.candidate_table.selectionModel().selectedRows()
        if rows:
            self.accept_candidate(rows[0].row())

    def add_gold_span(self, label: str) -> None:
        """Label the selection in the gold view (snapped to words) and add it to gold."""
        selection = self._view.gold_view.current_selection()
        if selection is None:
            self._view.say(self.tr("Select the text in the gold view first."))
            return
        start, end = selection
        self._write(
            lambda doc: gold.add_gold_span(self._project, doc, start, end, label),
            lambda: self.tr("Add a gold span"),
        )

    def relabel_gold_span(self, label: str) -> None:
        span_id = self._view.gold_view.selected_span_id
        if span_id is not None:
            self._write(
                lambda doc: gold.relabel_gold_span(self._project, doc, span_id, label),
                lambda: self.tr("Relabel the gold span"),
            )

    def delete_gold_span(self) -> None:
        span_id = self._view.gold_view.selected_span_id
        if span_id is not None:
            self._write(
                lambda doc: gold.delete_gold_span(self._project, doc, span_id),
                lambda: self.tr("Delete the gold span"),
            )

    def mark_adjudicated(self) -> None:
        self._write(
            lambda doc: gold.mark_adjudicated(self._project, doc),
            lambda: self.tr("Mark adjudicated"),
        )
