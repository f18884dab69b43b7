"""The events UI in the annotator's window: the event types palette, the event panel and the
event list docked beside the window's own panels, on its text view and undo stack, and kept in
step with the span edits made in the window, and the other way round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from workbench.app.changes import Change
from workbench.app.project import SpanEntry
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotationSet
from workbench.ui import i18n
from workbench.ui.events.event_controller import EventController

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

Dock = Qt.DockWidgetArea


def install_events(window: MainWindow) -> EventController:
    """The window's event controller, its panels docked (tabbed behind the window's own, so the
    text keeps its width) and its signals connected."""
    events = EventController(
        window.project, window.annotator, window.text_view, window.undo_stack,
        language=i18n.current_language().value, shortcut_host=window,
        documents=window,
    )
    events.confirm = lambda question: window.confirm(
        window, QCoreApplication.translate("MainWindow", "Delete span"), question
    )
    for name, widget, area, behind in (
        ("event types", scrollable(events.palette), Dock.LeftDockWidgetArea, "labels"),
        ("events", events.event_list, Dock.RightDockWidgetArea, "spans"),
        ("event", scrollable(events.panel), Dock.RightDockWidgetArea, "inspector"),
    ):
        window.add_panel(name, widget, area, behind=behind)
    window.annotationsRead.connect(lambda annotations: _open_events(window, events, annotations))
    events.currentEventChanged.connect(lambda event_id: _bring_event_panel_forward(window, event_id))
    window.changeApplied.connect(lambda change: _sync_events(window, events, change))
    events.spansChanged.connect(lambda span_ids: _show_spans_changed_by_events(window, span_ids))
    events.statusMessage.connect(window.tell)
    return events


def _open_events(window: MainWindow, events: EventController, annotations: AnnotationSet) -> None:
    """The events of the document being shown, from its set as the window read it."""
    document_id = window.current_document_id
    assert document_id is not None
    events.open_document(document_id, annotations)


def _bring_event_panel_forward(window: MainWindow, event_id: str) -> None:
    """A new or chosen event: its panel in front of the inspector, tall enough for its roles."""
    if event_id:
        window.dock_layout.bring_forward(window.docks["event"])


def _sync_events(window: MainWindow, events: EventController, change: Change) -> None:
    """Keep the event widgets true to a span change (a deleted trigger takes its event)."""
    if change.document_id == window.current_document_id:  # else opening reads them afresh
        events.spans_edited(change.span_ids)


def _show_spans_changed_by_events(window: MainWindow, span_ids: list[str]) -> None:
    """Triggers an event edit created, deleted or put back: into the span list and counts (the
    controller has updated the text view)."""
    document_id = window.current_document_id
    if document_id is None:
        return
    for span_id in span_ids:
        window.span_model.remove(span_id)
        try:
            span = window.stored_span(span_id)
        except WorkbenchError:
            continue  # deleted
        window.span_model.add(SpanEntry(span.id, span.start, span.end, span.label))
    window.refresh_document_row(document_id)


def scrollable(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area, so that its dock can be smaller than its buttons and roles,
    and never grows when they do (a longer label in the inspector would push the text aside)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
