"""Adjudication: the lead compares the finished annotators' spans and events on a document and
writes gold.

Two ways of looking at a document, switched with the buttons at the top:

- merged: one view shows every distinct span and trigger of the finished annotators, coloured
  by how many have it: all of them, a solid span in the label's colour; a majority, the same in
  a lighter colour; fewer, only a dashed outline (the view's "suggestion" kind);
- side by side: one read-only view per finished annotator, scrolled together, each span that
  not every shown annotator has framed with a dashed outline.

The gold view is always beside them (with gold's relations as arcs, and the arcs of the event
selected), and the candidates table (``adjudication_candidates``: spans, events and their
arguments, relations and document-label answers, who has each, agreement, whether gold has it)
below. The lead accepts what all or a majority agree on, one annotator's
version (added, or replacing gold) or one candidate, and edits gold directly: select text in the
gold view and add it with the chosen label, relabel or delete the gold span clicked. Every edit
is an app ``GoldEdit`` (a Qt-free command, written by ``gold_edits``) on the window's undo stack
(Ctrl+Z, Ctrl+Shift+Z).
Span notes and the document's comments are in the side panel, and the document list shows each document's gold
status; "Mark adjudicated" sets it to done.

The window paints first, then fills in its document list and the document it opens on
(``adjudication_opening``).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from workbench.app.adjudication import Comparison
from workbench.app.project import Project
from workbench.core.adjudication import (
    Candidate,
    empty_gold,
    span_key,
)
from workbench.core.adjudication_labels import disagreeing_fields
from workbench.core.errors import WorkbenchError
from workbench.core.model import GOLD, Span, Status
from workbench.ui.annotate.document_model import DocumentTableModel, load_row
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.error_words import error_words
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_overlay import EventOverlay
from workbench.ui.first_paint import after_first_paint
from workbench.ui.i18n import current_language
from workbench.ui.label_style import view_spans
from workbench.ui.lead.adjudication_candidates import CandidateModel, Row, is_span_or_event, shown_key
from workbench.ui.lead.adjudication_layout import (
    AdjudicationLayout,
    comment_item,
    lay_out_scroll_bars,
    paint_swatches,
    select_row,
    show_pane,
)
from workbench.ui.lead.adjudication_opening import DocumentOpening
from workbench.ui.lead.adjudication_spans import (
    RELATION_ARCS,
    candidate_id,
    disagreements,
    gold_event_id,
    merged_spans,
    relation_arcs,
)
from workbench.ui.lead.gold_edits import GoldEdits
from workbench.ui.lead.scrolled_together import ScrolledTogether
from workbench.ui.relation_names import field_name
from workbench.ui.theme import theme_switch

MERGED, SIDE_BY_SIDE = "merged", "side_by_side"


class AdjudicationView(AdjudicationLayout):
    """Adjudicating a project's documents (module docstring); ``show_document`` opens one."""

    goldChanged = Signal(str)
    """Gold of this document (its id) was written: its spans or its status."""

    def __init__(
        self,
        project: Project,
        author: str,
        parent: QWidget | None = None,
        document_id: str | None = None,
        annotators: Sequence[str] = (),
    ) -> None:
        """The window on ``document_id`` (the first document when None), read in the background,
        comparing ``annotators`` side by side when given (module docstring)."""
        documents = DocumentTableModel(project, GOLD, index_now=False)
        super().__init__(project.schema, documents, CandidateModel(project.schema), parent)
        self.project = project
        self._author = author
        self._comparison: Comparison | None = None
        self._opening = DocumentOpening(self, document_id, annotators)
        after_first_paint(self, documents.start_index)
        self._mode = MERGED
        self.setWindowTitle(self.tr("Adjudication — {name}").format(name=project.path.name))
        self.undo_stack = QUndoStack(self)
        self.gold_edits = GoldEdits(self)
        self._scrolling = ScrolledTogether(self._views)
        self.gold_events = EventOverlay(self.gold_view, project.schema, current_language().value)
        self._connect()
        theme_switch().changed.connect(self._recolour)
        self._add_undo_keys()
        self._refresh_actions()

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first paint, a round of events later, the window fills in (module docstring)."""
        super().paintEvent(event)
        self._opening.painted()

    def closeEvent(self, event: QCloseEvent) -> None:
        """A closed window reads nothing more of its project, which may be closed next (its
        document list still painted after that, on a closed database, and a theme switched in
        another window still redrew it); a document still being read is dropped when it comes."""
        theme_switch().changed.disconnect(self._recolour)
        self._opening.drop_pending()
        self.documents.release()
        super().closeEvent(event)

    # -- connecting ---------------------------------------------------------------------------

    def _connect(self) -> None:
        self.merged_button.clicked.connect(lambda: self.set_mode(MERGED))
        self.side_by_side_button.clicked.connect(lambda: self.set_mode(SIDE_BY_SIDE))
        self.candidate_table.selectionModel().selectionChanged.connect(self._candidate_selected)
        self.gold_edits.connect_buttons()
        self.add_comment_button.clicked.connect(lambda: self.add_comment(self.comment_edit.text()))
        self.comment_edit.returnPressed.connect(lambda: self.add_comment(self.comment_edit.text()))
        self.gold_view.spanClicked.connect(self._gold_span_clicked)
        self.gold_view.selectionChanged.connect(self._refresh_actions)
        self.merged_view.spanClicked.connect(self._merged_span_clicked)
        self._scrolling.follow(self.merged_view)
        self._scrolling.follow(self.gold_view)

    # -- views ----------------------------------------------------------------------------------

    @property
    def document_id(self) -> str | None:
        return self._comparison.document.id if self._comparison else None

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def chosen_label(self) -> str:
        return str(self.label_combo.currentData())

    def _views(self) -> list[AnnotatedTextView]:
        return [self.merged_view, self.gold_view, *(p.view for p in self.annotator_panes.values())]

    def set_mode(self, mode: str) -> None:
        """Show the merged view (``MERGED``) or the annotators side by side (``SIDE_BY_SIDE``)."""
        self._mode = mode
        self.merged_button.setChecked(mode == MERGED)
        self.side_by_side_button.setChecked(mode == SIDE_BY_SIDE)
        show_pane(self.merged_pane, mode == MERGED)
        for annotator, pane in self.annotator_panes.items():
            show_pane(pane, mode == SIDE_BY_SIDE and self.shown_boxes[annotator].isChecked())
        for box in self.shown_boxes.values():
            box.setEnabled(mode == SIDE_BY_SIDE)
        self._balance_panes()

    @property
    def mode(self) -> str:
        return self._mode

    # -- opening a document ---------------------------------------------------------------------

    def show_document(self, document_id: str, annotators: Sequence[str] = ()) -> None:
        """Open a document. With ``annotators``, only they are shown side by side (a comparison
        of a pair, say); the candidates still count every annotator who finished it."""
        self._opening.fill_list()
        select_row(self.document_table, self.documents.row_of(document_id))  # opens it, if need be
        self.compare(annotators)

    def compare(self, annotators: Sequence[str]) -> None:
        """Only ``annotators`` side by side; none given: the view as it is."""
        if annotators:
            for annotator, box in self.shown_boxes.items():
                box.setChecked(annotator in annotators)
            self.set_mode(SIDE_BY_SIDE)

    def show_comparison(self, comparison: Comparison) -> None:
        """Show a document's comparison (read by ``DocumentOpening``)."""
        self.candidate_table.clearSelection()
        self._comparison = comparison
        text = comparison.document.text
        for view in (self.merged_view, self.gold_view):
            view.set_document(text)
            lay_out_scroll_bars(view)
        self._show_annotator_texts(text)
        self.version_combo.set_names(comparison.annotators)
        self._show_annotations()
        self._show_comments()
        if not self._comparison.finished:
            self.say(self.tr("No annotator has finished this document yet."))
        else:
            self.say(self._label_disagreement())

    def _label_disagreement(self) -> str:
        """Which document-label fields the annotators answered differently, if any."""
        assert self._comparison is not None
        fields = disagreeing_fields(self._comparison.document_labels)
        if not fields:
            return ""
        names = ", ".join(field_name(self.project.schema, f) for f in fields)
        return self.tr("The document labels differ on: {fields}.").format(fields=names)

    def _show_annotator_texts(self, text: str) -> None:
        """The annotators' panes (``_set_annotator_panes``: kept when the annotators are those
        shown already) on ``text``."""
        assert self._comparison is not None
        for annotator in self._set_annotator_panes(self._comparison.annotators):
            self._connect_annotator_pane(annotator)
        for pane in self.annotator_panes.values():
            pane.view.set_document(text)
            lay_out_scroll_bars(pane.view)
        self.set_mode(self._mode)

    def _connect_annotator_pane(self, annotator: str) -> None:
        view = self.annotator_view(annotator)
        self._scrolling.follow(view)
        view.spanClicked.connect(lambda span_id: self._annotator_span_clicked(annotator, span_id))
        self.shown_boxes[annotator].toggled.connect(lambda _: self._shown_changed())

    def _shown_changed(self) -> None:
        self.set_mode(self._mode)
        self._mark_disagreement()

    def _show_annotations(self) -> None:
        """Spans of every view and the candidates, from the current comparison."""
        comparison = self._comparison
        assert comparison is not None
        self.merged_view.set_spans(merged_spans(comparison, self.project.schema))
        self.gold_view.set_spans(view_spans(comparison.gold_spans(), self.project.schema))
        self.gold_view.set_arcs(RELATION_ARCS, relation_arcs(comparison.gold, self.project.schema))
        self.gold_events.set_document(
            EventDocument.load(
                self.project, comparison.document.id, GOLD, comparison.gold or empty_gold()
            )
        )
        for annotator, pane in self.annotator_panes.items():
            pane.view.set_spans(view_spans(comparison.set_of(annotator).spans, self.project.schema))
        self._mark_disagreement()
        selected = self.current_candidate()
        # Its header fits the columns to their rows as it lays out; the text column stretches
        # (resizeColumnsToContents measured it too, every text of the document, 2-3 ms, for nothing).
        self.candidates.set_comparison(comparison)
        if selected is not None:
            with suppress(StopIteration):  # that candidate is no more (its gold span undone, say)
                self.select_candidate(self.candidates.row_of(selected))
        self.gold_pane.title.setText(
            self.tr("Gold (%n span(s))", "", len(comparison.gold_spans()))
        )
        self._refresh_actions()

    def _recolour(self) -> None:
        """The theme changed: every view's spans and the label list in its colours."""
        paint_swatches(self.label_combo, self.project.schema)
        if self._comparison is not None:
            self._show_annotations()

    def _mark_disagreement(self) -> None:
        """Frame, in each annotator's view, the spans that not every shown annotator has."""
        comparison = self._comparison
        if comparison is None:
            return
        shown = [a for a, box in self.shown_boxes.items() if box.isChecked()]
        found = disagreements(comparison, shown, list(self.annotator_panes))
        for annotator, pane in self.annotator_panes.items():
            self.disagreements[annotator] = found[annotator]
            pane.view.set_highlights("suggestion", found[annotator])

    def _show_comments(self) -> None:
        self.comment_list.clear()
        if self.document_id is None:
            return
        for comment in self.project.comments(self.document_id):
            self.comment_list.addItem(comment_item(comment))

    # -- selection ------------------------------------------------------------------------------

    def current_candidate(self) -> Row | None:
        rows = self.candidate_table.selectionModel().selectedRows()
        return self.candidates.candidates[rows[0].row()] if rows else None

    def select_candidate(self, row: int) -> None:
        select_row(self.candidate_table, row)

    def _candidate_selected(self, *_: QItemSelection) -> None:
        candidate = self.current_candidate()
        if candidate is None or self._comparison is None:
            return
        key = shown_key(candidate)
        notes = self._comparison.notes(key) if key else []
        if key is not None:
            self.merged_view.set_selected_span(candidate_id(key))
            leading = self._leading_view()
            leading.scroll_to(key[0])
            self._scrolling.scrolled(leading)
        if isinstance(candidate, Candidate):
            self._show_gold_event(candidate)
        self.notes_view.setPlainText("\n".join(f"{who}: {note}" for who, note in notes))
        self._refresh_actions()

    def _leading_view(self) -> AnnotatedTextView:
        """The first view on screen (the others follow its scrolling)."""
        if self._mode == MERGED:
            return self.merged_view
        shown = [pane.view for pane in self.annotator_panes.values() if pane.isVisibleTo(self)]
        return shown[0] if shown else self.gold_view

    def _merged_span_clicked(self, span_id: str) -> None:
        candidate = next(
            c
            for c in self.candidates.candidates
            if is_span_or_event(c) and candidate_id(c.key) == span_id
        )
        self.select_candidate(self.candidates.row_of(candidate))

    def _annotator_span_clicked(self, annotator: str, span_id: str) -> None:
        """Select the candidate the span is (its notes show, the other views follow)."""
        assert self._comparison is not None
        spans = self._comparison.set_of(annotator).spans
        clicked = next(span for span in spans if span.id == span_id)
        self.select_candidate(self.candidates.row_of(span_key(clicked)))

    def _gold_span_clicked(self, span_id: str) -> None:
        span = next(s for s in self._gold_spans() if s.id == span_id)
        triggered = self._gold_event_document().event_triggered_by(span_id)
        self.gold_events.set_selected_event(triggered.id if triggered else None)
        self.label_combo.setCurrentIndex(max(self.label_combo.findData(span.label), 0))
        self.notes_view.setPlainText(span.note)
        self._refresh_actions()

    def _gold_spans(self) -> tuple[Span, ...]:
        return self._comparison.gold_spans() if self._comparison else ()

    def _refresh_actions(self) -> None:
        comparison = self._comparison
        has_finished = comparison is not None and bool(comparison.finished)
        for button in (
            self.accept_all_button,
            self.accept_majority_button,
            self.accept_version_button,
            self.replace_version_button,
        ):
            button.setEnabled(has_finished)
        self.accept_candidate_button.setEnabled(self.current_candidate() is not None)
        self.add_gold_button.setEnabled(self.gold_view.current_selection() is not None)
        gold_span = self.gold_view.selected_span_id is not None
        self.relabel_gold_button.setEnabled(gold_span)
        self.delete_gold_button.setEnabled(gold_span)
        document_id = self.document_id
        done = (
            document_id is not None and self.documents.document(document_id).status is Status.DONE
        )
        self.mark_done_button.setEnabled(document_id is not None and not done)
        self.add_comment_button.setEnabled(document_id is not None)

    def say(self, message: str) -> None:
        self.message_label.setText(message)

    def show_gold_written(self, document_id: str) -> None:
        """Show gold as written on ``document_id`` (the open document) and tell who listens. What
        the message line said of the previous state goes: an undo makes it untrue."""
        self._comparison = Comparison.load(self.project, document_id)
        self._show_annotations()
        self.tell_gold_written(document_id)

    def tell_gold_written(self, document_id: str) -> None:
        """What follows gold written on ``document_id``, shown as written already (opened after
        the change): its row, the actions, who listens; the message line is cleared."""
        self.say("")
        self.documents.replace_row(load_row(self.project, GOLD, document_id))
        self._refresh_actions()
        self.goldChanged.emit(document_id)

    # -- gold events ----------------------------------------------------------------------------

    def _gold_event_document(self) -> EventDocument:
        comparison = self._comparison
        if comparison is None:
            return EventDocument()
        return EventDocument.load(self.project, comparison.document.id, GOLD, comparison.gold or empty_gold())

    def _show_gold_event(self, candidate: Candidate) -> None:
        """Draw the arcs of gold's event for an event or argument candidate gold has."""
        self.gold_events.set_selected_event(gold_event_id(self._gold_event_document(), candidate))

    def _add_undo_keys(self) -> None:
        """Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) anywhere in the window undo and redo gold edits."""
        for action, keys in (
            (self.undo_stack.createUndoAction(self, self.tr("Undo")), QKeySequence.StandardKey.Undo),
            (self.undo_stack.createRedoAction(self, self.tr("Redo")), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def add_comment(self, text: str) -> None:
        if not text.strip() or self.document_id is None:
            return
        try:
            self.project.add_comment(self.document_id, self._author, text.strip())
        except WorkbenchError as error:
            self.say(error_words(error))
            return
        self.comment_edit.clear()
        self._show_comments()


def open_adjudication(
    parent: QWidget | None,
    project: Project,
    author: str,
    document_id: str | None = None,
    annotators: Sequence[str] = (),
) -> AdjudicationView:
    """Project > Adjudicate…: the adjudication window (on ``document_id``, comparing
    ``annotators`` side by side when given; else on the first document)."""
    view = AdjudicationView(project, author, parent, document_id, annotators)
    view.setWindowFlag(Qt.WindowType.Window)
    view.resize(1500, 900)
    view.show()
    return view
