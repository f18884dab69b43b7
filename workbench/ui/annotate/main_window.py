"""The annotator's window: read Arabic right to left, select, label, correct, never lose work.

Layout: the right-to-left text view in the middle; docks for the documents and the label palette
on the leading side, the spans and the inspector on the trailing side, search at the bottom
(``add_panel`` adds more, such as an events panel). Qt mirrors the docks in an Arabic interface.

Every edit is a Qt-free command (``app/changes.py``) applied as one store transaction, which
commits at once: there is no save. The undo stack wraps each (``commands.py``): it names its
document and opens it before its undo or redo, so undo and redo work across the documents of a
session; span commands report each change back through ``apply_change``, and
``change_display`` shows it. Keys: see ``actions.py`` (what each does: ``action_table``) and the
README's table.

A document chosen in the list, with Alt+arrows, by a search match, by an undo step of another
document or again after a reload is read and made ready on a worker thread and shown when it
arrives (``document_reading``); the first one is read at once, before the window shows.

The window builds itself, opens documents and wires the undo stack; its controllers hold the
rest: labelling and suggestions (``labelling_controller``), the recommenders' suggestions and
statistics (``assist_controller``), search (``search_controller``), font, language and layout
(``view_preferences``), events (``event_controller``), the guidelines panel and the label colours
of the theme (``guide_controller``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from workbench.app import changes
from workbench.app.changes import Change, Command
from workbench.app.project import Project
from workbench.app.search import DocumentTexts
from workbench.core.errors import WorkbenchError
from workbench.core.gc_pause import collection_paused
from workbench.core.model import Span, Status
from workbench.core.schema import Schema
from workbench.ui import i18n
from workbench.ui.annotate.action_table import connect_actions
from workbench.ui.annotate.actions import WindowActions
from workbench.ui.annotate.assist_controller import AssistController
from workbench.ui.annotate.change_display import ChangeDisplay
from workbench.ui.annotate.dock_layout import DockLayout
from workbench.ui.annotate.document_list import DocumentListPanel
from workbench.ui.annotate.document_model import DocumentTableModel, load_row, row_after
from workbench.ui.annotate.document_reading import DocumentReader, ReadDocument, Reading, read_document
from workbench.ui.annotate.file_menu import FileMenu
from workbench.ui.annotate.guide_controller import GuideController
from workbench.ui.annotate.inspector import SpanInspector
from workbench.ui.annotate.label_palette import LabelPalette
from workbench.ui.annotate.labelling_controller import LabellingController
from workbench.ui.annotate.project_menu import ProjectMenu
from workbench.ui.annotate.relation_controller import install_relations
from workbench.ui.annotate.search_controller import SearchController
from workbench.ui.annotate.span_list import SpanListView, SpanTableModel
from workbench.ui.annotate.suggestion_builder import SuggestionBuilder
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.annotate.view_preferences import ViewPreferences
from workbench.ui.annotate.window_events import install_events, scrollable
from workbench.ui.commands import Describe, RenameDocument, S, SetStatus, push_command, retranslate_stack
from workbench.ui.confirm import Confirm, ask_yes_no
from workbench.ui.error_words import refusal_words
from workbench.ui.first_paint import after_first_paint
from workbench.ui.i18n import Language
from workbench.ui.label_style import label_colour, label_colours, label_display_name, tag_name
from workbench.ui.settings import WorkbenchSettings

DEFAULT_SIDE_WIDTHS = (300, 340)
"""The leading (documents, labels) and trailing (spans, inspector) docks' widths at first."""
MESSAGE_MS = 6000
Dock = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    documentOpened = Signal(str)
    """A document is shown (its id), with this annotator's spans."""
    annotationsRead = Signal(object)
    """The annotator's ``AnnotationSet`` on the document being shown, as read with it (just
    before ``documentOpened``): the events and relations show it."""
    changeApplied = Signal(object)
    """A ``Change`` was made, undone or redone: in the shown document, and shown; or by an undo
    step in another, which is being read to be shown."""
    closed = Signal()
    """The window was closed: whoever opened its project may close it."""
    projectRequested = Signal(object)
    """File > New, Open or Open recent, or a dropped project file: open this project (a Path)."""

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
        self.reader = DocumentReader(project.path, self)
        self.reader.read.connect(self._show_read_document)
        self.undo_stack = QUndoStack(self)
        self._project_id = project.project_id
        self._document_id: str | None = None
        self.labelling = LabellingController(self, self._push)
        self._suggestions = self.labelling.suggestions
        """The labelling controller's, which a change withdraws from (``ChangeDisplay``)."""
        self._change_display = ChangeDisplay(self, self._suggestions)
        self.suggestion_builder = SuggestionBuilder(project, annotator, self)
        self.suggestion_builder.built.connect(self.labelling.use_built_suggestions)
        self.preferences = ViewPreferences(self)
        self.project_menu = ProjectMenu(self)
        self._build_widgets()
        self.file_menu = FileMenu(self)
        self.setAcceptDrops(True)
        self.events = install_events(self)
        self.guide = GuideController(self)
        self.relations = install_relations(self, self._push)
        self._build_status_bar()
        self._connect_views()
        connect_actions(self)
        self.assist = AssistController(self)
        self._restore_settings()

    # -- building -----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        labels = self.schema.entity_types
        self.text_view = AnnotatedTextView()
        self.text_view.set_tag_namer(partial(tag_name, self.schema))
        self.documents = DocumentTableModel(self.project, self.annotator, index_now=False)
        self._is_closed = False
        self.document_list = DocumentListPanel(self.documents)
        after_first_paint(self.text_view.viewport(), self.documents.start_index)
        self.closed.connect(self.documents.release)
        self.label_palette = LabelPalette(self.schema)
        self.span_model = SpanTableModel(partial(label_colour, self.schema), self.label_name)
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
        self.document_list.documentChosen.connect(self.choose_document)
        self.documents.renameRequested.connect(self.rename_document)
        self.span_list.spanChosen.connect(self._on_span_chosen_in_list)
        self.search.connect_panel()
        self.labelling.connect_widgets()
        stack = self.undo_stack
        stack.canUndoChanged.connect(self.menu_actions.undo.setEnabled)
        stack.canRedoChanged.connect(self.menu_actions.redo.setEnabled)
        stack.undoTextChanged.connect(self._show_undo_texts)
        stack.redoTextChanged.connect(self._show_undo_texts)

    # -- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = self.settings
        language = (settings.language() if settings else None) or i18n.system_language()
        self.preferences.restore(language)
        first = self._first_document()
        if first is not None:
            self.open_document(first)

    def _first_document(self) -> str | None:
        """The document open at the end of the last session, else the first one."""
        last = self.settings.last_document(self._project_id) if self.settings else None
        if last is not None and self.documents.row_of(last) >= 0:
            return last
        return self.documents.first_document()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.file_menu.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.file_menu.dropped(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.preferences.remember()
            self.settings.sync()
        super().closeEvent(event)
        if event.isAccepted():
            self._is_closed = True
            self.closed.emit()

    def event(self, event: QEvent) -> bool:
        """A closed window takes no language change: its project is closed after it."""
        if event.type() == QEvent.Type.LanguageChange and self._is_closed:
            return True
        return super().event(event)

    # -- documents ----------------------------------------------------------------------------

    @property
    def current_document_id(self) -> str | None:
        return self._document_id

    @property
    def is_closed(self) -> bool:
        """The window was closed: a worker's result arriving now changes nothing."""
        return self._is_closed

    def open_document(self, document_id: str) -> None:
        """Show the document with this annotator's spans, read from the project file now (the
        first, before the window shows); a document being read for the list is not wanted any
        more."""
        if document_id == self._document_id:
            return
        self.reader.drop_pending()
        with collection_paused():
            self.show_read(read_document(self.project, document_id, self._reading(), self.texts.kept_text(document_id)))

    def choose_document(self, document_id: str) -> None:
        """The document list's choice: shown when it has been read on a worker thread (a long
        document takes longer than a frame), unless another is chosen meanwhile; a choice of the
        document shown drops a read of another."""
        if document_id == self._document_id:
            self.reader.drop_pending()
        elif document_id != self.reader.pending:
            self._read_again(document_id)

    def _reading(self) -> Reading:
        return Reading(self.annotator, self.schema, label_colours(self.schema))

    def _show_read_document(self, read: ReadDocument) -> None:
        if not self.is_closed:
            with collection_paused():
                self.show_read(read)

    def show_read(self, read: ReadDocument) -> None:
        """Show a document read by ``read_document``."""
        document_id = read.document_id
        self.texts.keep_text(document_id, read.text)
        self._document_id = document_id
        self.labelling.clear_current_suggestion()
        self.span_model.show_rows(read.rows)
        self.text_view.show_prepared(read.drawn)
        self.inspector.show_span(None)
        self.document_list.select(document_id)
        self._show_status()
        self.labelling.show_suggestions()
        self.suggestion_builder.build_later(document_id)
        self.search_panel.refresh()
        self.search.show_matches()
        if self.settings is not None:
            self.settings.set_last_document(self._project_id, document_id)
        self.annotationsRead.emit(read.annotations)
        self.documentOpened.emit(document_id)

    def reload(self) -> None:
        """Read the document list, and the shown document again off the GUI thread: others' work
        came in (a merge or an import) or the assignments changed."""
        self.documents.reload()
        shown = self._document_id or self._first_document()
        if shown is not None:
            self._read_again(shown)
        self._show_status()

    def _read_again(self, document_id: str) -> None:
        """Read the document as stored now and show it when read, even if it is shown or being
        read (the read under way may have begun before the change)."""
        self.reader.read_later(document_id, self._reading(), self.texts.kept_text(document_id))

    def go_to_neighbour(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) document in the list as shown, read off the GUI
        thread as a choice in the list is; from the one being read, if a press before asked
        for it, so that keys pressed faster than documents are read still step one each."""
        neighbour = self.document_list.neighbour(self.reader.pending or self._document_id, step)
        if neighbour is None:
            self.tell(self.tr("No more documents that way."))
        else:
            self.choose_document(neighbour)

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

    def rename_document(self, document_id: str, typed: str) -> None:
        """The title typed in the document list, as an undoable step; a blank one gives the
        document its first line back as its title."""
        title = " ".join(typed.split()) or None
        before = self.project.document_title(document_id)
        if title != before:
            command = changes.RenameDocument(document_id, before, title)
            self._push(RenameDocument, command, lambda: self.tr("Rename document"))

    def _show_status(self) -> None:
        done = self._document_id is not None and (
            self.documents.document(self._document_id).status is Status.DONE
        )
        self.menu_actions.mark_done.setChecked(done)
        self._show_progress()
        self._show_title()

    def _show_title(self) -> None:
        """The shown document's title, the project's file and the annotator."""
        title = self.tr("%1 — %2 — Tawsim Workbench")
        if self._document_id is not None:
            title = self.tr("%3 — %1 — %2 — Tawsim Workbench")
            title = title.replace("%3", self.documents.document(self._document_id).title)
        self.setWindowTitle(title.replace("%1", self.project.path.name).replace("%2", self.annotator))

    def _show_progress(self) -> None:
        done, count = self.documents.done_count(), self.documents.document_count()
        self.progress_label.setText(self.tr("Done: %1 of %2").replace("%1", str(done)).replace("%2", str(count)))

    # -- undo commands and their changes ----------------------------------------------------

    def _push(self, step: type[S], command: Command, describe: Describe) -> S | None:
        """Apply the command and put it on the undo stack; a refusal is shown, nothing pushed."""
        with collection_paused():  # a collection over a large heap would cost the frame
            try:
                return push_command(self.undo_stack, step, self.project, command, self, self, describe)
            except WorkbenchError as error:
                self.report_error(refusal_words(error, self.project.schema))
                return None

    def apply_change(self, change: Change) -> None:
        """Show a change made, undone or redone in the shown document."""
        assert change.document_id == self._document_id, "a step of another document has it read"
        self._change_display.show(change)
        self.suggestion_builder.build_later(change.document_id)
        self.refresh_document_row(change.document_id, change)
        self.changeApplied.emit(change)

    def shows(self, document_id: str) -> bool:
        """``document_id`` is shown, and no other is being read to be (``StepDocuments``)."""
        return document_id == self._document_id and self.reader.pending is None

    def show_changed(self, document_id: str, change: Change | None) -> None:
        """An undo step changed a document while it was not shown (or while another was being
        read): its row and suggestions follow the change now, and the document is shown as
        stored when it has been read off the GUI thread (``StepDocuments``)."""
        if change is not None:
            self._change_display.withdraw_settled(change)
            self.refresh_document_row(document_id, change)
            self.changeApplied.emit(change)
        self._read_again(document_id)

    def refresh_document_row(self, document_id: str, change: Change | None = None) -> None:
        """Read the document's row (status, span count, title) again, or count it after a
        ``change`` of spans (``row_after``), and show the status bar."""
        counted = row_after(self.documents.document(document_id), change) if change else None
        self.documents.replace_row(counted or load_row(self.project, self.annotator, document_id))
        self._show_status()

    def report_error(self, message: str) -> None:
        self.tell(message)

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
        self.inspector.show_span(self.stored_span(span_id) if span_id is not None else None)

    def _on_span_chosen_in_list(self, span_id: str) -> None:
        if span_id != self.text_view.selected_span_id:
            self.select_span(span_id, scroll=True)

    def _on_text_selected(self, start: int, end: int) -> None:
        """A new text selection: it is what a hotkey labels now, not a span; a suggestion when
        it is one (a suggested word selected with the mouse: Enter accepts it)."""
        self.labelling.text_selected(start, end)
        if self.text_view.selected_span_id is not None or self.inspector.span is not None:
            self.select_span(None, scroll=False)

    def _on_cursor_moved(self) -> None:
        """A click beside every span leaves none selected in the view: follow it."""
        if self.text_view.selected_span_id is None and self.inspector.span is not None:
            self.select_span(None, scroll=False)

    def show_search(self) -> None:
        """Edit > Find: the search panel, open, with the focus in its field."""
        self.search.show_search()

    def set_language(self, language: Language) -> None:
        """Switch the interface language now (``ViewPreferences.set_language``)."""
        self.preferences.set_language(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._show_title()
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
        self.file_menu.retranslate()
        self.annotator_label.setText(self.tr("Annotator: %1").replace("%1", self.annotator))
        self._show_progress()
        retranslate_stack(self.undo_stack)
        self._show_undo_texts()

    # -- helpers ------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The shown document's stored text."""
        return self.text_view.text

    def stored_span(self, span_id: str) -> Span:
        return self.project.span_owner(span_id)[0]

    def label_name(self, label: str) -> str:
        return label_display_name(self.schema, label)

    def tell(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

