"""The annotator's window: read Arabic right to left, select, label, correct, never lose work.

Layout: the right-to-left text view in the middle; docks for the documents and the label palette
on the leading side, the spans and the inspector on the trailing side, search at the bottom
(``add_panel`` adds more, such as an events panel). Qt mirrors the docks in an Arabic interface.

Every edit is a Qt-free command (``app/changes.py``) applied as one store transaction, which
commits at once: there is no save. The undo stack wraps each (``commands.py``): it names its
document and opens it before its undo or redo, so undo and redo work across the documents of a
session; span commands report each change back through ``apply_change``. Keys: see
``actions.py`` and the README's table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from workbench.app import changes
from workbench.app.changes import Change, Command, relabelled
from workbench.app.project import Project, SpanEntry
from workbench.app.suggestions import DocumentOffer
from workbench.core.errors import WorkbenchError
from workbench.core.model import Span, Status
from workbench.core.schema import Schema
from workbench.core.suggestions import MAX_OCCURRENCES, DocumentSuggestions, Suggestion, occurrences
from workbench.ui import i18n
from workbench.ui.actions import WindowActions
from workbench.ui.commands import (
    S,
    AddSpans,
    DeleteSpans,
    Describe,
    SetStatus,
    UpdateSpan,
    push_command,
    retranslate_stack,
)
from workbench.ui.assignment_dialog import open_assignment_dialog, open_merge_packages
from workbench.ui.dock_layout import DockLayout
from workbench.ui.document_list import DocumentListPanel
from workbench.ui.event_controller import EventController
from workbench.ui.export_dialog import open_export_dialog
from workbench.ui.gc_pause import collection_paused
from workbench.ui.document_model import DocumentTableModel, load_row, load_rows
from workbench.ui.i18n import Language
from workbench.ui.inspector import NO_VALUE, SpanInspector
from workbench.ui.label_all_dialog import LabelAllDialog, preview_label_all
from workbench.ui.label_palette import LabelPalette
from workbench.ui.label_style import label_colours, view_span, view_spans
from workbench.ui.search import DocumentTexts
from workbench.ui.search_controller import SearchController
from workbench.ui.settings import WorkbenchSettings
from workbench.ui.span_list import SpanListView, SpanTableModel
from workbench.ui.suggestion_builder import SuggestionBuilder
from workbench.ui.text_view import AnnotatedTextView
from workbench.ui.view_preferences import ViewPreferences

Confirm = Callable[[QWidget, str, str], bool]
"""(parent, title, question) -> yes. Tests answer without a dialog."""
DEFAULT_SIZE = (1280, 800)
DEFAULT_SIDE_WIDTHS = (300, 340)
"""The leading (documents, labels) and trailing (spans, inspector) docks' widths at first."""
MESSAGE_MS = 6000
Dock = Qt.DockWidgetArea


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class MainWindow(QMainWindow):
    documentOpened = Signal(str)
    """A document is shown (its id), with this annotator's spans."""
    changeApplied = Signal(object)
    """A ``Change`` was made, undone or redone, and shown."""
    closed = Signal()
    """The window was closed: whoever opened its project may close it."""

    def __init__(
        self,
        project: Project,
        annotator: str,
        settings: WorkbenchSettings | None = None,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        """``settings`` None: nothing is read or remembered (the self-test and probes)."""
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.settings = settings
        self.confirm = confirm
        self.schema: Schema = project.schema
        self.texts = DocumentTexts(project)
        self.undo_stack = QUndoStack(self)
        self._project_id = project.project_id
        self._document_id: str | None = None
        self._suggestions: defaultdict[str, DocumentSuggestions] = defaultdict(DocumentSuggestions)
        self._current_suggestion: Suggestion | None = None
        self._suggestions_shown_later = QTimer(self, singleShot=True, interval=0)
        """Suggestions change with new spans; shown after the new span is painted."""
        self._suggestions_shown_later.timeout.connect(self._show_suggestions)
        self._panels_painted_later = QTimer(self, singleShot=True, interval=0)
        """Re-enables painting the panels after a change, once the text view is painted."""
        self._panels_painted_later.timeout.connect(partial(self._paint_panels, True))
        self.suggestion_builder = SuggestionBuilder(project, annotator, self)
        self.suggestion_builder.built.connect(self._use_built_suggestions)
        self.preferences = ViewPreferences(self)
        self._build_widgets()
        self._install_events()
        self._build_status_bar()
        self._connect_views()
        self._connect_actions()
        self._restore_settings()

    # -- building -----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        labels = self.schema.entity_types
        self.text_view = AnnotatedTextView()
        self.documents = DocumentTableModel(load_rows(self.project, self.annotator))
        self.document_list = DocumentListPanel(self.documents)
        self.label_palette = LabelPalette(labels)
        self.span_model = SpanTableModel(label_colours(self.schema), self._label_name)
        self.span_list = SpanListView(self.span_model)
        self.inspector = SpanInspector(self.schema)
        self.search = SearchController(self, labels)
        self.search_panel = self.search.panel
        self.menu_actions = WindowActions(self, labels, self.text_view)
        self.setCentralWidget(self.text_view)
        self.docks: dict[str, QDockWidget] = {}
        self.dock_layout = DockLayout(self, DEFAULT_SIDE_WIDTHS)
        self.add_panel("documents", self.document_list, Dock.LeftDockWidgetArea)
        self.add_panel("labels", self.label_palette, Dock.LeftDockWidgetArea)
        self.add_panel("spans", self.span_list, Dock.RightDockWidgetArea)
        self.add_panel("inspector", scrollable(self.inspector), Dock.RightDockWidgetArea)
        self.add_panel("search", self.search_panel, Dock.BottomDockWidgetArea, shown=False)

    def _install_events(self) -> None:
        """The events UI (types palette, event panel, event list, arcs) on this window's text
        view and undo stack; kept in step with the span edits made here, and the other way."""
        self.events = EventController(
            self.project, self.annotator, self.text_view, self.undo_stack,
            language=i18n.current_language().value, shortcut_host=self,
            show_document=self.open_document,
        )
        self.events.confirm = lambda question: self.confirm(self, self.tr("Delete span"), question)
        for name, widget, area, behind in (  # tabs: the text keeps its width
            ("event types", scrollable(self.events.palette), Dock.LeftDockWidgetArea, "labels"),
            ("events", self.events.event_list, Dock.RightDockWidgetArea, "spans"),
            ("event", scrollable(self.events.panel), Dock.RightDockWidgetArea, "inspector"),
        ):
            self.add_panel(name, widget, area, behind=behind)
        self.documentOpened.connect(self.events.open_document)
        self.events.currentEventChanged.connect(self._bring_event_panel_forward)
        self.changeApplied.connect(self._sync_events)
        self.events.spansChanged.connect(self._show_spans_changed_by_events)
        self.events.statusMessage.connect(self._tell)

    def _bring_event_panel_forward(self, event_id: str) -> None:
        """A new or chosen event: its panel in front of the inspector, tall enough for its roles."""
        if event_id:
            self.dock_layout.bring_forward(self.docks["event"])

    def _sync_events(self, change: Change) -> None:
        """Keep the event widgets true to a span change (a deleted trigger takes its event)."""
        if change.document_id == self._document_id:  # else opening reads them afresh
            self.events.spans_edited(change.span_ids)

    def _show_spans_changed_by_events(self, span_ids: list[str]) -> None:
        """Triggers an event edit created, deleted or put back: into the span list and counts
        (the controller has updated the text view)."""
        document_id = self._document_id
        if document_id is None:
            return
        for span_id in span_ids:
            self.span_model.remove(span_id)
            try:
                span = self._stored_span(span_id)
            except WorkbenchError:
                continue  # deleted
            self.span_model.add(SpanEntry(span.id, span.start, span.end, span.label))
        self.documents.replace_row(load_row(self.project, self.annotator, document_id))
        self._show_status()

    def add_panel(
        self,
        name: str,
        widget: QWidget,
        area: Qt.DockWidgetArea,
        *,
        behind: str | None = None,
        shown: bool = True,
    ) -> QDockWidget:
        """Dock ``widget`` in ``area`` (as in an English interface) or tabbed behind the panel
        ``behind``; View > Panels shows and hides it, and View > Reset layout puts it back there.
        Set its title for panels other than the window's own (``retranslate`` names those)."""
        dock = QDockWidget(self)
        dock.setObjectName(f"{name}-panel")  # saveState and restoreState find docks by name
        dock.setWidget(widget)
        front = self.docks[behind] if behind is not None else None
        self.dock_layout.add(dock, area, behind=front, shown=shown)
        self.menu_actions.menus["panels"].addAction(dock.toggleViewAction())
        self.docks[name] = dock
        return dock

    def _build_status_bar(self) -> None:
        self.annotator_label = QLabel()
        self.progress_label = QLabel()
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.statusBar().addPermanentWidget(self.progress_label)

    def _connect_views(self) -> None:
        view = self.text_view
        view.selectionSnapped.connect(self._on_text_selected)
        view.spanClicked.connect(lambda span_id: self.select_span(span_id, scroll=False))
        view.cursorPositionChanged.connect(self._on_cursor_moved)
        self.document_list.documentChosen.connect(self.open_document)
        self.label_palette.labelChosen.connect(self.apply_label)
        self.span_list.spanChosen.connect(self._on_span_chosen_in_list)
        self.inspector.labelChosen.connect(self._relabel_inspected)
        self.inspector.attributeChosen.connect(self._set_attribute)
        self.inspector.noteEdited.connect(self._set_note)
        self.search.connect_panel()
        self.search_panel.labelAllRequested.connect(self.label_all_matches)
        stack = self.undo_stack
        stack.canUndoChanged.connect(self.menu_actions.undo.setEnabled)
        stack.canRedoChanged.connect(self.menu_actions.redo.setEnabled)
        stack.undoTextChanged.connect(self._show_undo_texts)
        stack.redoTextChanged.connect(self._show_undo_texts)

    def _connect_actions(self) -> None:
        actions = self.menu_actions
        connections: dict[object, Callable[[], object]] = {
            actions.quit: self.close,
            actions.undo: self.undo_stack.undo,
            actions.redo: self.undo_stack.redo,
            actions.delete_span: self.delete_selected_span,
            actions.mark_done: self.toggle_done,
            actions.find: self.show_search,
            actions.find_next: self.search_panel.next_match,
            actions.find_previous: self.search_panel.previous_match,
            actions.next_suggestion: partial(self.go_to_suggestion, 1),
            actions.previous_suggestion: partial(self.go_to_suggestion, -1),
            actions.accept_suggestion: self.accept_suggestion,
            actions.reject_suggestion: self.reject_suggestion,
            actions.next_document: partial(self.go_to_neighbour, 1),
            actions.previous_document: partial(self.go_to_neighbour, -1),
            actions.choose_font: self.preferences.choose_font,
            actions.zoom_in: partial(self.preferences.zoom, 1),
            actions.zoom_out: partial(self.preferences.zoom, -1),
            actions.reset_zoom: self.preferences.reset_zoom,
            actions.reset_layout: self.preferences.reset_layout,
            actions.export: lambda: open_export_dialog(self, self.project, self._exported),
            actions.merge_packages: self.merge_packages,
            actions.assignments: self.manage_assignments,
            actions.agreement: self.open_agreement,
            actions.adjudicate: self.open_adjudication,
        }
        for label, action in actions.label.items():
            connections[action] = partial(self.apply_label, label)
        for language, action in actions.languages.items():
            connections[action] = partial(self.set_language, language)
        for action, slot in connections.items():
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        actions.undo.setEnabled(False)
        actions.redo.setEnabled(False)
        self._enable_suggestion_keys()

    # -- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = self.settings
        language = (settings.language() if settings else None) or i18n.system_language()
        self._restore_layout(language)
        self.set_language(language)
        family, size = settings.font() if settings else (None, None)
        if family:
            self.text_view.set_font_family(family)
        if size:
            self.text_view.set_font_size(size)
        first = self._first_document()
        if first is not None:
            self.open_document(first)

    def _restore_layout(self, language: Language) -> None:
        """The window's size and panels as saved, in the direction they were saved for (an
        older saved layout: the interface language's); else the default layout."""
        geometry, state = self.settings.window_layout() if self.settings else (None, None)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        saved_for = self.settings.window_layout_direction() if self.settings else None
        if state is None or not self.dock_layout.restore(state, saved_for or language.direction):
            self.dock_layout.reset(language.direction)

    def _first_document(self) -> str | None:
        """The document open at the end of the last session, else the first one."""
        last = self.settings.last_document(self._project_id) if self.settings else None
        rows = self.documents.rows()
        if any(row.id == last for row in rows):
            return last
        return rows[0].id if rows else None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.settings is not None:
            layout = (self.saveGeometry(), self.saveState(), self.dock_layout.direction)
            self.settings.set_window_layout(*layout)
            self.preferences.remember_font()
            self.settings.sync()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    # -- documents ----------------------------------------------------------------------------

    @property
    def current_document_id(self) -> str | None:
        return self._document_id

    def open_document(self, document_id: str) -> None:
        """Show the document with this annotator's spans (read from the project file)."""
        if document_id == self._document_id:
            return
        with collection_paused():
            self._show_document(document_id)

    def _show_document(self, document_id: str) -> None:
        text = self.texts.text(document_id)
        entries = self.project.span_entries(document_id, self.annotator)
        self._document_id = document_id
        self._current_suggestion = None
        self.span_model.set_spans(text, entries)
        self.text_view.set_document(text, view_spans(entries, self.schema))
        self.inspector.show_span(None)
        self.document_list.select(document_id)
        self._show_status()
        self._show_suggestions()
        self.suggestion_builder.build_later(document_id)
        self.search_panel.refresh()
        self.search.show_matches()
        if self.settings is not None:
            self.settings.set_last_document(self._project_id, document_id)
        self.documentOpened.emit(document_id)

    def reload(self) -> None:
        """Read the document list and the shown document again: others' work came in (a merge)
        or the assignments changed."""
        for row in load_rows(self.project, self.annotator):
            self.documents.replace_row(row)
        shown, self._document_id = self._document_id, None
        if shown is not None:
            self.open_document(shown)
        self._show_status()

    def merge_packages(self) -> None:
        task = open_merge_packages(self, self.project)
        if task is not None:
            task.succeeded.connect(lambda _summary: self.reload())

    def manage_assignments(self) -> None:
        open_assignment_dialog(self, self.project).finished.connect(lambda _result: self.reload())

    # The lead's windows are imported when first opened: the agreement measures load numpy, which
    # an annotator's start-up need not wait for.

    def open_agreement(self) -> None:
        from workbench.ui.agreement_dashboard import open_agreement_dashboard

        open_agreement_dashboard(self, self.project, self.annotator)

    def open_adjudication(self) -> None:
        from workbench.ui.adjudication_view import open_adjudication

        open_adjudication(self, self.project, self.annotator, self._document_id)

    def _exported(self, path: str, documents: int) -> None:
        self._tell(self.tr("Exported %n document(s) to %1", "", documents).replace("%1", path))

    def go_to_neighbour(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) document in the list as shown."""
        neighbour = self.document_list.neighbour(self._document_id, step)
        if neighbour is None:
            self._tell(self.tr("No more documents that way."))
        else:
            self.open_document(neighbour)

    def toggle_done(self) -> None:
        """Mark the document done, or, when it is done, take it up again."""
        if self._document_id is None:
            return
        before = self.documents.document(self._document_id).status
        after = Status.IN_PROGRESS if before is Status.DONE else Status.DONE
        document_id = self._document_id

        def describe() -> str:
            return self.tr("Mark done") if after is Status.DONE else self.tr("Mark not done")

        command = changes.SetStatus(document_id, self.annotator, before, after)
        self._push(SetStatus, command, describe)
        self._show_status()

    def _show_status(self) -> None:
        done = self._document_id is not None and (
            self.documents.document(self._document_id).status is Status.DONE
        )
        self.menu_actions.mark_done.setChecked(done)
        self._show_progress()

    def _show_progress(self) -> None:
        rows = self.documents.rows()
        done = sum(row.status is Status.DONE for row in rows)
        self.progress_label.setText(
            self.tr("Done: %1 of %2").replace("%1", str(done)).replace("%2", str(len(rows)))
        )

    # -- labelling ----------------------------------------------------------------------------

    def apply_label(self, label: str) -> None:
        """A label's hotkey or palette entry: label the selected text, or, with no text selected,
        relabel the selected span."""
        if self._document_id is None:
            return
        selection = self.text_view.current_selection()
        if selection is not None:
            self._label_selection(selection, label)
        elif self.text_view.selected_span_id is not None:
            self._relabel(self.text_view.selected_span_id, label)
        else:
            self._tell(self.tr("Select some text to label, or click a span to relabel it."))

    def _label_selection(self, selection: tuple[int, int], label: str) -> None:
        """A new span on the selection, which is then the selected span: a second key relabels it."""
        step = self._add_spans([selection], label)
        if step is None:
            return
        [span_id] = step.command.span_ids
        self._collapse_text_selection()
        self.select_span(span_id, scroll=False)
        self._offer_suggestions_later(*selection, label)

    def label_all_matches(self, label: str) -> LabelAllDialog | None:
        """The search's matches in this document as whole words, in a list to tick; those
        ticked get ``label``, as one undoable step."""
        ranges = [(m.start, m.end) for m in self.search_panel.matches() if m.document_id == self._document_id]
        if not ranges:
            self._tell(self.tr("No matches in this document."))
            return None
        return preview_label_all(
            self, self.text, ranges, self._label_name(label), partial(self._label_all, label)
        )

    def _label_all(self, label: str, ranges: list[tuple[int, int]]) -> None:
        step = self._add_spans(ranges, label) if ranges else None
        if step is not None:
            count = len(step.command.span_ids)
            self._tell(self.tr("Labelled %n match(es).", "", count))

    def _add_spans(self, ranges: list[tuple[int, int]], label: str) -> AddSpans | None:
        """Push the spans the annotator does not have yet; None when there are none."""
        document_id = self._document_id
        if document_id is None:
            return None
        fresh = [r for r in ranges if not self.span_model.is_labelled(r[0], r[1], label)]
        if not fresh:
            self._tell(self.tr("That is labelled %1 already.").replace("%1", label))
            return None
        count = len(fresh)

        def describe() -> str:
            return self.tr("Label %n span(s) as %1", "", count).replace("%1", label)

        command = changes.AddSpans(document_id, self.annotator, fresh, label, self.text)
        return self._push(AddSpans, command, describe)

    def _relabel(self, span_id: str, label: str) -> None:
        before = self._stored_span(span_id)
        if before.label == label:
            return
        if self.schema.has_event(before.label):
            self._tell(self.tr("This span is an event trigger: change its type in the events panel."))
            return
        if self.span_model.is_labelled(before.start, before.end, label):
            self._tell(self.tr("That is labelled %1 already.").replace("%1", label))
            return
        after = relabelled(before, label, self.schema)
        self._update_span(before, after, lambda: self.tr("Relabel as %1").replace("%1", label))
        self._offer_suggestions_later(before.start, before.end, label)

    def _relabel_inspected(self, label: str) -> None:
        if self.inspector.span is not None:
            self._relabel(self.inspector.span.id, label)

    def _set_attribute(self, name: str, value: str) -> None:
        span = self.inspector.span
        if span is None:
            return
        before = self._stored_span(span.id)
        attributes = dict(before.attributes)
        if value == NO_VALUE:
            attributes.pop(name, None)
        else:
            attributes[name] = value
        if attributes != before.attributes:
            after = replace(before, attributes=attributes)
            [attribute] = [a for a in self.schema.attributes_for_entity(before.label) if a.name == name]

            def describe() -> str:
                return self.tr("Set %1").replace("%1", attribute.title(i18n.current_language().value))

            self._update_span(before, after, describe)

    def _set_note(self, note: str) -> None:
        span = self.inspector.span
        if span is not None:
            before = self._stored_span(span.id)
            after = replace(before, note=note)
            self._update_span(before, after, lambda: self.tr("Edit note"))

    def _update_span(self, before: Span, after: Span, describe: Describe) -> None:
        document_id = self._document_id
        if document_id is not None:
            self._push(UpdateSpan, changes.UpdateSpan(document_id, before, after), describe)

    def delete_selected_span(self) -> None:
        """Delete the selected span; ask first when an event or a role would go with it."""
        span_id = self.text_view.selected_span_id
        document_id = self._document_id
        if span_id is None or document_id is None:
            self._tell(self.tr("Click a span to select it first."))
            return
        if not self._deletion_confirmed(span_id):
            return
        deletion = changes.DeleteSpans(document_id, (span_id,))
        self._push(DeleteSpans, deletion, lambda: self.tr("Delete span"))

    def _deletion_confirmed(self, span_id: str) -> bool:
        dependents = self.project.dependents(span_id)
        events, roles = len(dependents.triggered_events), len(dependents.filled_roles)
        if not events and not roles:
            return True
        question = " ".join(
            part
            for part in (
                self.tr("This span triggers %n event(s), which will be deleted with it.", "", events) if events else "",
                self.tr("It fills %n event role(s), which will be emptied.", "", roles) if roles else "",
                self.tr("Delete it?"),
            )
            if part
        )
        return self.confirm(self, self.tr("Delete span"), question)

    # -- undo commands and their changes ----------------------------------------------------

    def _push(self, step: type[S], command: Command, describe: Describe) -> S | None:
        """Apply the command and put it on the undo stack; a refusal is shown, nothing pushed."""
        with collection_paused():  # a collection over a large heap would cost the frame
            try:
                return push_command(
                    self.undo_stack, step, self.project, command, self.open_document, self, describe
                )
            except WorkbenchError as error:
                self.report_error(str(error))
                return None

    def apply_change(self, change: Change) -> None:
        """Show a change made, undone or redone in the shown document (its command opened it)."""
        assert change.document_id == self._document_id, "a command opens its document first"
        self._show_change(change)
        self.suggestion_builder.build_later(change.document_id)
        self.documents.replace_row(load_row(self.project, self.annotator, change.document_id))
        self._show_status()
        self.changeApplied.emit(change)

    def _show_change(self, change: Change) -> None:
        self._paint_panels_after_the_text()
        for span_id in change.removed:
            self.span_model.remove(span_id)
            self.text_view.remove_span(span_id)
            if self.inspector.span is not None and self.inspector.span.id == span_id:
                self.select_span(None, scroll=False)
        suggestions = self._suggestions[change.document_id]
        withdrawn = False
        for span in change.added:
            entry = SpanEntry(span.id, span.start, span.end, span.label)
            self.span_model.add(entry)
            self.text_view.add_span(view_span(entry, self.schema))
            withdrawn |= suggestions.withdraw(span.start, span.end)
        for span in change.updated:
            entry = SpanEntry(span.id, span.start, span.end, span.label)
            self.span_model.update(entry)
            self.text_view.update_span(view_span(entry, self.schema))
            if self.text_view.selected_span_id == span.id:
                self.span_list.select(span.id)
                self.inspector.show_span(span)
        if withdrawn:
            self._suggestions_shown_later.start()

    def _paint_panels_after_the_text(self) -> None:
        """Give the next frame to the text view: the panels a change touches (the span list,
        whose rows move, the inspector, the document list, the status bar) are painted in the
        turn after, so that a new span shows within one frame even beside 10,000 others. Their
        models and contents change at once; only their painting waits."""
        self._paint_panels(False)
        self._panels_painted_later.start()

    def _paint_panels(self, enabled: bool) -> None:
        for panel in (self.span_list, self.inspector, self.document_list, self.statusBar()):
            panel.setUpdatesEnabled(enabled)

    def report_error(self, message: str) -> None:
        self._tell(message)

    def report_refusal(self, message: str, command: Command) -> None:
        self.report_error(message)

    def _show_undo_texts(self) -> None:
        self.menu_actions.undo.setText(self.menu_actions.undo_text(self.undo_stack.undoText()))
        self.menu_actions.redo.setText(self.menu_actions.redo_text(self.undo_stack.redoText()))

    # -- selection ----------------------------------------------------------------------------

    def select_span(self, span_id: str | None, *, scroll: bool) -> None:
        """Make ``span_id`` the selected span in the view, the list and the inspector."""
        self.text_view.set_selected_span(span_id)
        entry = self.span_model.entry(span_id) if span_id is not None else None
        if scroll and entry is not None:
            self.text_view.scroll_to(entry.start)
        self.span_list.select(span_id)
        self.inspector.show_span(self._stored_span(span_id) if span_id is not None else None)

    def _on_span_chosen_in_list(self, span_id: str) -> None:
        if span_id != self.text_view.selected_span_id:
            self.select_span(span_id, scroll=True)

    def _on_text_selected(self, start: int, end: int) -> None:
        """A new text selection: it is what a hotkey labels now, not a span; a suggestion when
        it is one (a suggested word selected with the mouse: Enter accepts it)."""
        suggestions = self._suggestions[self._document_id] if self._document_id else None
        self._current_suggestion = suggestions.at(start, end) if suggestions else None
        self._enable_suggestion_keys()
        if self.text_view.selected_span_id is not None or self.inspector.span is not None:
            self.select_span(None, scroll=False)

    def _on_cursor_moved(self) -> None:
        """A click beside every span leaves none selected in the view: follow it."""
        if self.text_view.selected_span_id is None and self.inspector.span is not None:
            self.select_span(None, scroll=False)

    def _collapse_text_selection(self) -> None:
        cursor = self.text_view.textCursor()
        cursor.clearSelection()
        self.text_view.setTextCursor(cursor)

    # -- suggestions --------------------------------------------------------------------------

    def _offer_suggestions_later(self, start: int, end: int, label: str) -> None:
        """Find the other occurrences after this event: the new span is painted first."""
        document_id = self._document_id
        if document_id is not None:
            offer = partial(self._offer_suggestions, document_id, start, end, label)
            QTimer.singleShot(0, self, offer)

    def _offer_suggestions(self, document_id: str, start: int, end: int, label: str) -> None:
        if document_id != self._document_id:
            return
        found = occurrences(self.texts.normalized(document_id), start, end)
        if len(found) > MAX_OCCURRENCES:
            self._tell(
                self.tr("«%1» occurs %2 more times: search for it to label them all at once.")
                .replace("%1", self.text[start:end])
                .replace("%2", str(len(found)))
            )
            return
        self._suggestions[document_id].offer(found, label, self.span_model.labelled_ranges())
        self._show_suggestions()

    def _show_suggestions(self) -> None:
        ranges = self._suggestions[self._document_id].ranges() if self._document_id else []
        self.text_view.set_highlights("suggestion", ranges)

    def go_to_suggestion(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) suggestion, for Enter or Escape."""
        if self._document_id is None:
            return
        selection = self.text_view.current_selection(exact=True)
        position = selection[0] if selection else 0
        suggestions = self._suggestions[self._document_id]
        suggestion = suggestions.following(self._current_suggestion, position, step)
        if suggestion is None:
            self._current_suggestion = None
            self._tell(self.tr("No suggestions in this document."))
        else:
            self._show_suggestion(suggestion)
        self._enable_suggestion_keys()

    def _show_suggestion(self, suggestion: Suggestion) -> None:
        self.select_span(None, scroll=False)
        self._current_suggestion = suggestion
        self.text_view.scroll_to(suggestion.start)
        self.text_view.select_range(suggestion.start, suggestion.end)
        self.text_view.setFocus()
        self._tell(
            self.tr("Suggestion: %1. Enter accepts it; Backspace or Escape rejects it.")
            .replace("%1", self._label_name(suggestion.label))
        )

    def accept_suggestion(self) -> None:
        suggestion = self._current_suggestion
        if suggestion is None:
            return
        step = self._add_spans([(suggestion.start, suggestion.end)], suggestion.label)
        if step is not None:
            self._collapse_text_selection()
            self._after_suggestion(suggestion, step.command.span_ids[0])

    def reject_suggestion(self) -> None:
        suggestion = self._current_suggestion
        if suggestion is None or self._document_id is None:
            return
        self._suggestions[self._document_id].reject(suggestion)
        self._remember_rejection(self._document_id, suggestion)
        self._show_suggestions()
        self._collapse_text_selection()
        self._after_suggestion(suggestion, None)

    def _after_suggestion(self, handled: Suggestion, new_span_id: str | None) -> None:
        """Go on to the next suggestion; after the last, select the span just made, if any."""
        assert self._document_id is not None
        following = self._suggestions[self._document_id].following(handled, handled.start, 1)
        self._current_suggestion = None
        if following is not None:
            self._show_suggestion(following)
        elif new_span_id is not None:
            self.select_span(new_span_id, scroll=False)
        self._enable_suggestion_keys()

    def _use_built_suggestions(self, offer: DocumentOffer) -> None:
        """The document's suggestions from every labelled span in the project, built in the
        background: those still unlabelled join the ones on offer."""
        if offer.document_id != self._document_id:
            return
        suggestions = self._suggestions[offer.document_id]
        suggestions.rejected |= offer.rejected
        for label in {s.label for s in offer.suggestions}:
            ranges = [(s.start, s.end) for s in offer.suggestions if s.label == label]
            suggestions.offer(ranges, label, self.span_model.labelled_ranges())
        self._show_suggestions()

    def _remember_rejection(self, document_id: str, suggestion: Suggestion) -> None:
        """Keep a rejection in the project file: it stays rejected after a restart."""
        try:
            self.project.reject_suggestion(
                document_id, self.annotator, suggestion.start, suggestion.end, suggestion.label
            )
        except WorkbenchError as error:
            self.report_error(str(error))

    def _enable_suggestion_keys(self) -> None:
        active = self._current_suggestion is not None
        self.menu_actions.accept_suggestion.setEnabled(active)
        self.menu_actions.reject_suggestion.setEnabled(active)

    def show_search(self) -> None:
        """Edit > Find: the search panel, open, with the focus in its field."""
        self.search.show_search()

    def set_language(self, language: Language) -> None:
        """Switch the interface language now (``ViewPreferences.set_language``)."""
        self.preferences.set_language(language)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("%1 — %2 — Tawsim Workbench")
            .replace("%1", self.project.path.name)
            .replace("%2", self.annotator)
        )
        titles = {
            "documents": self.tr("Documents"),
            "labels": self.tr("Labels"),
            "spans": self.tr("Spans"),
            "inspector": self.tr("Inspector"),
            "search": self.tr("Search"),
            "event types": self.tr("Event types"),
            "events": self.tr("Events"),
            "event": self.tr("Event"),
        }
        for name, title in titles.items():
            self.docks[name].setWindowTitle(title)
        self.menu_actions.retranslate()
        self.annotator_label.setText(self.tr("Annotator: %1").replace("%1", self.annotator))
        self._show_progress()
        retranslate_stack(self.undo_stack)
        self._show_undo_texts()

    # -- helpers ------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The shown document's stored text."""
        return self.text_view.text

    def _stored_span(self, span_id: str) -> Span:
        return self.project.span_owner(span_id)[0]

    def _label_name(self, label: str) -> str:
        if self.schema.has_entity(label):
            return i18n.display_name(self.schema.entity(label))
        if self.schema.has_event(label):
            return i18n.display_name(self.schema.event(label))
        return label

    def _tell(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)


def scrollable(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area, so that its dock can be smaller than its buttons and roles,
    and never grows when they do (a longer label in the inspector would push the text aside)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
