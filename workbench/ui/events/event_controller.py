"""Events in the annotation window: the palette, the panel, the list and the overlay, tied to a
project, an annotator, the text view and the undo stack.

How an annotator builds an event:

1. select the trigger's words in the text and choose the type (its hotkey, a palette button, or
   the list): the trigger span and the event are created and the panel opens on it;
2. click an entity span in the text and press a role's hotkey (Alt+1 ...) or click the role's
   button; or press/click the role first ("armed") and then click the span, or choose an event in
   the event list for a role that events fill; or drop a span on the role;
3. set the attributes in the panel.

Every edit is one undo step. A refused filler (the schema does not allow it, the role takes one
filler only, ...) stores nothing and the panel says why. Deleting spans goes through
``delete_spans``: when they trigger events or fill roles, ``confirm`` is asked first, and the
spans go with all that depends on them in one step that undo puts back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from workbench.app import changes
from workbench.app.changes import Change, Command
from workbench.app.project import Project
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotationSet, Argument, Event, Span
from workbench.core.schema import EVENT_PREFIX
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.commands import Describe, S, StepDocuments, push_command
from workbench.ui.confirm import ask_yes_no
from workbench.ui.error_words import error_words, refusal_words
from workbench.ui.events.event_commands import (
    ArgumentCommand,
    CreateEventCommand,
    DeleteSpansCommand,
    EditAttributesCommand,
    argument_text,
)
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_list import EventListView, EventTableModel
from workbench.ui.events.event_overlay import EventOverlay
from workbench.ui.events.event_palette import EventPalette
from workbench.ui.events.event_panel import EventPanel
from workbench.ui.events.event_text import Language, label_name, role_name
from workbench.ui.label_style import view_span

Confirm = Callable[[str], bool]
"""Asked before a deletion that takes events or arguments with it; True to go ahead."""


class EventController(QObject):
    """See the module docstring. The widgets it makes are ``palette``, ``panel`` and
    ``event_list``, for the window to place; ``shortcut_host`` (the main window) owns the event
    type and role hotkeys, so that they work wherever the focus is in that window.
    ``documents`` tells the undo steps which document is shown and shows another after a step
    changed it (``StepDocuments``): the window; by default this controller, which loads only its
    events again, enough where the view only ever shows one document."""

    statusMessage = Signal(str)
    """Something the user should read: a refusal, or what to do next."""
    currentEventChanged = Signal(str)
    """The event the panel shows (its id, or "" for none)."""
    spansChanged = Signal(list)
    """Ids of spans an event edit or its undo created, deleted or put back (triggers, and the
    spans ``delete_spans`` took), for the other views of the document's spans."""
    eventsChanged = Signal(list)
    """Ids of events created, changed, deleted or put back."""

    def __init__(
        self,
        project: Project,
        annotator: str,
        view: AnnotatedTextView,
        undo_stack: QUndoStack,
        *,
        language: Language = "en",
        shortcut_host: QWidget | None = None,
        documents: StepDocuments | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents: StepDocuments = documents or self
        self._project = project
        self.annotator = annotator
        self.view = view
        self.undo_stack = undo_stack
        schema = project.schema
        self.document = EventDocument()
        self.palette = EventPalette(schema, language, shortcut_host=shortcut_host)
        self.panel = EventPanel(schema, language, shortcut_host=shortcut_host)
        self.list_model = EventTableModel(schema, language)
        self.event_list = EventListView(self.list_model)
        self.overlay = EventOverlay(view, schema, language)
        self.confirm: Confirm = self._ask
        self._language: Language = language
        self._current: str | None = None
        self._armed: tuple[str, str] | None = None
        self._connect()

    def _connect(self) -> None:
        self.palette.eventTypeChosen.connect(self.create_event)
        self.panel.argumentRequested.connect(self.request_argument)
        self.panel.argumentDropped.connect(self.fill_from_span)
        self.panel.argumentRemovalRequested.connect(self.remove_argument)
        self.panel.attributesEdited.connect(self.edit_attributes)
        self.event_list.eventSelected.connect(self._on_event_chosen_in_list)
        self.view.spanClicked.connect(self._on_span_clicked)

    @property
    def project(self) -> Project:
        return self._project

    @property
    def current_event_id(self) -> str | None:
        return self._current

    # -- the document -----------------------------------------------------------------------------

    def open_document(self, document_id: str, annotations: AnnotationSet | None = None) -> None:
        """Load the annotator's events on the document and the spans they use (from
        ``annotations`` when the caller has read the whole set); the view must already show its
        text. Trigger spans are drawn as triggers, in their event type's colour
        (``label_style.view_span``)."""
        self.document = EventDocument.load(self._project, document_id, self.annotator, annotations)
        for event in self.document.events.values():
            trigger = self.document.trigger(event)
            if trigger is not None:
                self._show_span(trigger)
        self.list_model.set_document(self.document)
        self.overlay.set_document(self.document)
        self.select_event(None)

    def shows(self, document_id: str) -> bool:
        """``StepDocuments``, where this controller's view shows one document only."""
        return document_id == self.document.document_id

    def show_changed(self, document_id: str, change: Change | None) -> None:
        """``StepDocuments``, where this controller's view shows one document only."""
        self.open_document(document_id)

    def set_language(self, language: Language) -> None:
        self._language = language
        self.palette.set_language(language)
        self.panel.set_language(language)
        self.list_model.set_language(language)
        self.overlay.set_language(language)

    def recolour(self) -> None:
        """The theme changed: the palette, the panel, the list and the arcs take the event
        types' colours in it."""
        self.set_language(self._language)

    # -- creating and choosing events -------------------------------------------------------------

    def create_event(self, type_id: str) -> None:
        """An event of ``type_id`` on the words selected in the text."""
        selection = self.view.current_selection()
        if selection is None:
            self.statusMessage.emit(self.tr("Select the trigger's words first."))
            return
        def describe() -> str:
            name = label_name(self._project.schema, type_id, self._language)
            return self.tr("Create event {name}").format(name=name)

        document_id = self.document.document_id
        command = changes.CreateEvent(document_id, self.annotator, *selection, type_id)
        try:
            self._push(CreateEventCommand, command, describe)
        except WorkbenchError as error:
            self._report_refusal(error, type_id)
            return
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.set_selected_span(command.trigger_span_id)
        self.select_event(command.event_id)

    def select_event(self, event_id: str | None) -> None:
        """Show the event in the panel, draw its arcs and select its row (None: no event)."""
        event = None if event_id is None else self.document.events.get(event_id)
        self._current = None if event is None else event.id
        self._disarm()
        self.panel.show_event(event, self.document)
        self.overlay.set_selected_event(self._current)
        self.event_list.select_event(self._current)
        self.currentEventChanged.emit(self._current or "")

    def _on_event_chosen_in_list(self, event_id: str) -> None:
        """A row chosen while a role waits for an event fills the role; otherwise the chosen
        event becomes the current one and its trigger is scrolled into view and emphasized."""
        if self._armed is not None and self._armed[0] != event_id:
            armed_event, role_id = self._armed
            self.event_list.select_event(armed_event)
            self._add_argument(armed_event, Argument(role_id, event_id=event_id))
            return
        self.select_event(event_id)
        trigger = self.document.trigger(self.document.events[event_id])
        if trigger is not None and self.view.span(trigger.id) is not None:
            self.view.scroll_to(trigger.start)
            self.view.set_selected_span(trigger.id)

    def _on_span_clicked(self, span_id: str) -> None:
        if self._armed is not None:
            self.fill_from_span(*self._armed, span_id)
            return
        event = self.document.event_triggered_by(span_id)
        if event is not None:
            self.select_event(event.id)

    # -- arguments --------------------------------------------------------------------------------

    def request_argument(self, event_id: str, role_id: str) -> None:
        """Fill the role from the span selected in the text; with none (or only the event's own
        trigger) selected, arm the role until a span or an event is chosen. Asking for the armed
        role again disarms it."""
        if self._armed == (event_id, role_id):
            self._disarm()
            return
        event = self.document.events.get(event_id)
        if event is None:
            return
        selected = self.view.selected_span_id
        if selected is not None and selected != event.trigger_span_id:
            self.fill_from_span(event_id, role_id, selected)
            return
        self._armed = (event_id, role_id)
        role = role_name(self._project.schema, event.type, role_id, self._language)
        self.panel.set_armed_role(
            role_id,
            self.tr("Click a span in the text, or an event in the list, to fill {role}.").format(
                role=role
            ),
        )

    def fill_from_span(self, event_id: str, role_id: str, span_id: str) -> None:
        """Fill the role with the span; with another event's trigger, when the role takes
        events, with that event. The span, once used, is no longer the selected one, so that
        the next role asked for waits for its own span."""
        filler_event = self.document.event_triggered_by(span_id)
        other_event = filler_event is not None and filler_event.id != event_id
        if filler_event is not None and other_event and self._takes_events(event_id, role_id):
            argument = Argument(role_id, event_id=filler_event.id)
        else:
            argument = Argument(role_id, span_id=span_id)
        if self._add_argument(event_id, argument) and self.view.selected_span_id == span_id:
            self.view.set_selected_span(None)

    def _takes_events(self, event_id: str, role_id: str) -> bool:
        event = self.document.events.get(event_id)
        schema = self._project.schema
        if event is None or not schema.has_event(event.type):
            return False
        roles = [role for role in schema.event(event.type).roles if role.id == role_id]
        return any(filler.startswith(EVENT_PREFIX) for role in roles for filler in role.fillers)

    def _add_argument(self, event_id: str, argument: Argument) -> bool:
        """Fill a role as one undo step; False (and the reason shown) when refused."""
        self._disarm()
        if not self._edit_role(event_id, argument, filling=True):
            return False
        self.panel.clear_message()
        return True

    def remove_argument(self, event_id: str, role_id: str, filler_id: str) -> None:
        event = self.document.events.get(event_id)
        found = [
            argument
            for argument in (event.arguments if event else ())
            if argument.role == role_id and argument.filler_id == filler_id
        ]
        if found:
            self._edit_role(event_id, found[0], filling=False)

    def _edit_role(self, event_id: str, argument: Argument, *, filling: bool) -> bool:
        """Fill or empty a role as one undo step; False (and the reason shown) when refused."""
        command = changes.EditRole(self.document.document_id, event_id, argument, filling)
        event_type = self._event_type(event_id)

        def describe() -> str:
            role = argument.role
            if event_type is not None:
                role = role_name(self._project.schema, event_type, role, self._language)
            return argument_text(role, adding=filling)

        try:
            self._push(ArgumentCommand, command, describe)
        except WorkbenchError as error:
            self._report_refusal(error, event_type)
            return False
        return True

    def _disarm(self) -> None:
        if self._armed is not None:
            self._armed = None
            self.panel.set_armed_role(None)

    @property
    def armed_role(self) -> tuple[str, str] | None:
        """(event id, role id) of the role waiting for a filler, if any."""
        return self._armed

    # -- attributes -------------------------------------------------------------------------------

    def edit_attributes(self, event_id: str, attributes: dict[str, object]) -> None:
        command = changes.EditEventAttributes(self.document.document_id, event_id, attributes)
        try:
            self._push(EditAttributesCommand, command, _attributes_text)
        except WorkbenchError as error:
            self._report_refusal(error, self._event_type(event_id))
            self.panel.show_event(self.document.events.get(event_id), self.document)

    # -- deleting spans ---------------------------------------------------------------------------

    def delete_spans(self, span_ids: Sequence[str]) -> bool:
        """Delete spans of the open document with everything that depends on them, as one undo
        step, after ``confirm`` when events or arguments go too. False when nothing was done."""
        consequences = self._consequences(span_ids)
        if consequences and not self.confirm(consequences):
            return False
        count = len(span_ids)
        command = changes.DeleteSpans(self.document.document_id, tuple(span_ids))
        try:
            self._push(
                DeleteSpansCommand, command, lambda: self.tr("Delete %n span(s)", "", count)
            )
        except WorkbenchError as error:
            self.report(error_words(error))
            return False
        return True

    def _consequences(self, span_ids: Sequence[str]) -> str:
        """What else deleting the spans takes, one line each; empty when nothing."""
        lines = []
        for span_id in span_ids:
            dependents = self._project.dependents(span_id)
            lines += [
                self.tr("the event {event}").format(event=self._describe(event))
                for event in dependents.triggered_events
            ]
            lines += [
                self.tr("the role {role} of {event}").format(
                    role=role_name(self._project.schema, event.type, argument.role, self._language),
                    event=self._describe(event),
                )
                for event, argument in dependents.filled_roles
            ]
        if not lines:
            return ""
        return "\n".join([self.tr("Deleting this also deletes:"), *lines])

    def _describe(self, event: Event) -> str:
        trigger = self.document.trigger(event)
        name = label_name(self._project.schema, event.type, self._language)
        return f"{name} «{trigger.text}»" if trigger is not None else name

    def _ask(self, text: str) -> bool:
        return ask_yes_no(self.view.window(), self.tr("Delete"), text)

    # -- undo steps -------------------------------------------------------------------------------

    def _push(self, step: type[S], command: Command, describe: Describe) -> S:
        """Apply ``command`` and put it on the undo stack; a refusal raises, nothing is pushed."""
        return push_command(self.undo_stack, step, self._project, command, self._documents, self, describe)

    def apply_change(self, change: Change) -> None:
        """A step made, undone or redone a change in the shown document: show it as stored."""
        self.refresh(span_ids=change.span_ids, event_ids=change.events)

    def report_refusal(self, message: str, command: Command) -> None:
        """The store refused an undo or redo: say why, and show what it concerns as stored if
        its document is shown (another is shown as stored when read)."""
        self.report(message)
        if command.document_id == self.document.document_id:
            span_ids, event_ids = command.touched()
            self.refresh(span_ids=span_ids, event_ids=event_ids)

    # -- keeping the widgets in step --------------------------------------------------------------

    def spans_edited(self, span_ids: Iterable[str]) -> None:
        """Span edits made elsewhere (the span commands, on do and undo): re-read the spans and
        the events they trigger or fill, so that triggers, fillers and warnings stay true.

        Only the spans events use are kept here (``EventDocument``), so a span no event uses,
        before or after the edit (most new entity spans), costs no re-read."""
        used: list[str] = []
        related: list[str] = []
        for span_id in span_ids:
            events = self._events_using(span_id)
            if events or span_id in self.document.spans:
                used.append(span_id)
                related.extend(events)
        self.refresh(span_ids=used, event_ids=dict.fromkeys(related), announce_spans=False)

    def _events_using(self, span_id: str) -> list[str]:
        """Events the span triggers or fills, as shown (they may be gone) and as stored (a
        deletion undone elsewhere brings them back)."""
        document = self.document
        shown = [
            document.event_triggered_by(span_id),
            *(event for event, _ in document.events_filled_by(span_id)),
        ]
        stored = self._project.dependents(span_id)
        return [
            *(event.id for event in shown if event is not None),
            *(event.id for event in stored.triggered_events),
            *(event.id for event, _ in stored.filled_roles),
        ]

    def refresh(
        self,
        *,
        span_ids: Iterable[str] = (),
        event_ids: Iterable[str] = (),
        announce_spans: bool = True,
    ) -> None:
        """Re-read these spans and events from the store and show them as they now are;
        ``spansChanged`` tells the other views, unless the spans were edited by them."""
        span_ids, event_ids = list(span_ids), list(event_ids)
        for span_id in span_ids:
            self._refresh_span(span_id)
        for event_id in event_ids:
            try:
                event = self._project.event(event_id)
            except WorkbenchError:
                self.document.drop_event(event_id)
                continue
            self.document.put_event(event)
            self._load_spans_of(event)
        for event_id in event_ids:
            self.list_model.event_changed(event_id)
            self.overlay.event_changed(event_id)
        if self._current in event_ids:
            current = self.document.events.get(self._current)
            if current is None:
                self.select_event(None)
            else:
                self.panel.show_event(current, self.document)
                self.event_list.select_event(self._current)
        if span_ids and announce_spans:
            self.spansChanged.emit(span_ids)
        if event_ids:
            self.eventsChanged.emit(event_ids)

    def _load_spans_of(self, event: Event) -> None:
        """The document holds the spans events use; a span that just became a filler is read."""
        used = [event.trigger_span_id, *(a.span_id for a in event.arguments if a.span_id)]
        for span_id in used:
            if span_id not in self.document.spans:
                self._refresh_span(span_id)

    def _refresh_span(self, span_id: str) -> None:
        try:
            span = self._project.span_owner(span_id)[0]
        except WorkbenchError:
            self.document.drop_span(span_id)
            if self.view.span(span_id) is not None:
                self.view.remove_span(span_id)
            return
        self.document.put_span(span)
        self._show_span(span)

    def _show_span(self, span: Span) -> None:
        shown = view_span(span, self._project.schema)
        present = self.view.span(span.id)
        if present is None:
            self.view.add_span(shown)
        elif present != shown:
            self.view.update_span(shown)

    def report(self, message: str) -> None:
        """A refusal, or an undo step that could not be done: in the panel's message line and
        the status bar."""
        self.panel.show_refusal(message)
        self.statusMessage.emit(message)

    def _report_refusal(self, error: WorkbenchError, event_type: str | None) -> None:
        """An edit of an event of ``event_type`` the store refused, in the window's words, the
        roles, event types and labels it names by the schema's names in the panel's language
        (``refusal_words``), as the event's warnings are."""
        self.report(refusal_words(error, self._project.schema, event_type, self._language))

    def _event_type(self, event_id: str) -> str | None:
        event = self.document.events.get(event_id)
        return None if event is None else event.type


def _attributes_text() -> str:
    """What Undo and Redo call an event's attributes changed in the panel."""
    return QCoreApplication.translate("EventCommands", "Change event attributes")
