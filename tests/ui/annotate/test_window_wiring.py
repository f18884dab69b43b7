"""The annotator's window with the events UI and the lead's tools wired in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.window_scene import WindowScene, nth_index, scene  # noqa: F401 (fixture)
from workbench.ui.lead.adjudication_view import AdjudicationView
from workbench.ui.lead.agreement_dashboard import AgreementDashboard
from workbench.ui.lead.export_dialog import ExportDialog

Key = Qt.Key


def event_types_shown(window_scene: WindowScene) -> list[str]:
    model = window_scene.window.events.list_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_an_event_made_in_the_window_shows_in_the_span_list_and_undoes(scene: WindowScene) -> None:
    window = scene.window
    start = nth_index(scene.view.text, "الضربة", 0)
    scene.view.select_range(start, start + len("الضربة"))
    scene.press(Key.Key_A, Qt.KeyboardModifier.ShiftModifier)  # Conflict.Attack
    [trigger] = [s for s in scene.stored_spans() if s.label == "Conflict.Attack"]
    assert (trigger.start, trigger.end) == (start, start + len("الضربة"))
    assert window.span_model.entry(trigger.id) is not None
    assert len(event_types_shown(scene)) == 1
    window.undo_stack.undo()
    assert scene.stored_spans() == []
    assert window.span_model.entry(trigger.id) is None
    scene.qtbot.waitUntil(lambda: event_types_shown(scene) == [])


def test_deleting_a_trigger_in_the_window_removes_its_event_from_the_event_list(scene: WindowScene) -> None:
    window = scene.window
    start = nth_index(scene.view.text, "الضربة", 0)
    scene.view.select_range(start, start + len("الضربة"))
    scene.press(Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    [trigger] = scene.stored_spans()
    scene.view.set_selected_span(trigger.id)
    window.text_view.spanClicked.emit(trigger.id)
    window.labelling.delete_selected_span()
    assert scene.confirmations.questions and "event" in scene.confirmations.questions[-1]
    scene.qtbot.waitUntil(lambda: event_types_shown(scene) == [])
    window.undo_stack.undo()
    scene.qtbot.waitUntil(lambda: len(event_types_shown(scene)) == 1)


def test_the_lead_menus_open_their_windows(scene: WindowScene) -> None:
    actions = scene.window.menu_actions
    actions.export.trigger()
    actions.agreement.trigger()
    actions.adjudicate.trigger()
    opened = {type(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    assert {AgreementDashboard, AdjudicationView} <= opened
    assert any(isinstance(w, ExportDialog) for w in scene.window.findChildren(ExportDialog))
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, AgreementDashboard | AdjudicationView):
            widget.close()
