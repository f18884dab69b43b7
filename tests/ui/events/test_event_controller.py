"""Building events with the mouse and the keyboard in the real view, and undoing every step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.event_scene import ANNOTATOR, Scene, scene  # noqa: F401 (a fixture)
from workbench.core.model import Argument

TRIGGER = "غارة"


def snapshot(scene: Scene) -> tuple[object, ...]:
    """The annotator's stored spans and events. Arguments compare as sets: the store puts a
    restored argument after the event's others, not back in its place."""
    annotations = scene.project.annotation_set(scene.document_id, ANNOTATOR)
    assert annotations is not None
    spans = sorted((s.id, s.start, s.end, s.label) for s in annotations.spans)
    events = sorted(
        (e.id, e.type, e.trigger_span_id, frozenset(e.arguments), frozenset(e.attributes.items()))
        for e in annotations.events
    )
    return tuple(spans), tuple(events)


def create_attack(scene: Scene) -> str:
    """Drag over the trigger and press the Attack hotkey (Shift+A); the new event's id."""
    scene.select_words(TRIGGER)
    scene.qtbot.keyClick(scene.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    event_id = scene.controller.current_event_id
    assert event_id is not None
    return event_id


def press_role(scene: Scene, number: int) -> None:
    """Alt+``number``: the hotkey of the event's ``number``-th role."""
    key = getattr(Qt.Key, f"Key_{number}")
    scene.qtbot.keyClick(scene.view, key, Qt.KeyboardModifier.AltModifier)


def click_role(scene: Scene, role_id: str) -> None:
    scene.qtbot.mouseClick(scene.controller.panel.role_button(role_id), Qt.MouseButton.LeftButton)


def build_attack(scene: Scene) -> str:
    """An attack with three arguments, each assigned a different way."""
    event_id = create_attack(scene)
    scene.click_span("أمريكية")
    press_role(scene, 1)  # span first, then the role's hotkey: Attacker
    scene.click_span("جهادي أجنبي")
    click_role(scene, "Target")  # span first, then the role's button
    click_role(scene, "Place")
    scene.click_span("إدلب")  # the role first (armed), then the span
    return event_id


def test_an_event_with_three_arguments_by_mouse_and_keyboard(scene: Scene) -> None:
    event_id = build_attack(scene)
    trigger = scene.project.event(event_id).trigger_span_id
    assert scene.project.span_owner(trigger)[0].text == TRIGGER
    assert scene.stored_arguments(event_id) == [
        ("Attacker", "أمريكية"), ("Target", "جهادي أجنبي"), ("Place", "إدلب"),
    ]
    view_span = scene.view.span(trigger)
    assert view_span is not None and view_span.kind == "trigger"
    assert view_span.color == scene.project.schema.event("Conflict.Attack").color
    assert scene.controller.panel.event_id == event_id
    assert scene.controller.list_model.rowCount() == 1
    assert [scene.stack.text(i) for i in range(scene.stack.count())] == [
        "Create event Attack", "Fill role Attacker", "Fill role Target", "Fill role Place",
    ]


def test_a_refused_filler_shows_why_and_stores_nothing(scene: Scene) -> None:
    event_id = create_attack(scene)
    steps = scene.stack.count()
    scene.click_span("إدلب")
    press_role(scene, 3)  # Instrument takes weapons and vehicles, not a GPE
    message = scene.controller.panel.message
    assert message.isVisible()
    assert "Instrument" in message.text() and "WEA, VEH" in message.text()
    assert scene.project.event(event_id).arguments == ()
    assert scene.stack.count() == steps
    scene.click_span("جهادي أجنبي")
    press_role(scene, 2)
    assert not message.isVisible()  # a filler that is allowed clears the refusal


def test_a_role_taking_one_filler_refuses_a_second(scene: Scene) -> None:
    event_id = build_attack(scene)
    scene.click_span("أمريكية")
    press_role(scene, 4)  # Place already holds Idlib
    assert "takes one filler only" in scene.controller.panel.message.text()
    assert len(scene.project.event(event_id).arguments) == 3


def test_every_step_undoes_and_redoes(scene: Scene) -> None:
    states = [snapshot(scene)]
    event_id = create_attack(scene)
    trigger = scene.project.event(event_id).trigger_span_id
    states.append(snapshot(scene))
    for words, role in (("أمريكية", 1), ("جهادي أجنبي", 2), ("إدلب", 4)):
        scene.click_span(words)
        press_role(scene, role)
        states.append(snapshot(scene))
    scene.qtbot.keyClick(scene.controller.panel.attribute_combo("polarity"), Qt.Key.Key_Down)
    assert scene.project.event(event_id).attributes["polarity"] == "NEGATIVE"
    states.append(snapshot(scene))
    assert len(set(states)) == len(states) == scene.stack.count() + 1
    for state in reversed(states[:-1]):
        scene.stack.undo()
        assert snapshot(scene) == state
    assert scene.controller.list_model.rowCount() == 0
    assert scene.view.span(trigger) is None
    for state in states[1:]:
        scene.stack.redo()
        assert snapshot(scene) == state
    assert scene.controller.list_model.rowCount() == 1
    scene.controller.event_list.selectRow(0)
    assert scene.controller.panel.attribute_combo("polarity").currentData() == "NEGATIVE"


def test_removing_a_filler_with_its_button_undoes(scene: Scene) -> None:
    event_id = build_attack(scene)
    target = scene.entities["جهادي أجنبي"].id
    scene.qtbot.mouseClick(
        scene.controller.panel.remove_button("Target", target), Qt.MouseButton.LeftButton
    )
    assert [role for role, _ in scene.stored_arguments(event_id)] == ["Attacker", "Place"]
    scene.stack.undo()
    assert Argument("Target", span_id=target) in scene.project.event(event_id).arguments


def test_an_event_in_the_list_fills_an_armed_role(scene: Scene) -> None:
    attack = create_attack(scene)
    scene.select_words("يعلن")
    scene.controller.palette.choose("Conflict.Claim-Responsibility")
    claim = scene.controller.current_event_id
    assert claim is not None and claim != attack
    click_role(scene, "ClaimedEvent")
    assert scene.controller.armed_role == (claim, "ClaimedEvent")
    row = scene.controller.list_model.row_of(attack)
    assert row is not None
    scene.controller.event_list.selectRow(row)
    assert scene.project.event(claim).arguments == (Argument("ClaimedEvent", event_id=attack),)
    assert scene.controller.current_event_id == claim
    assert scene.controller.event_list.selected_event_id() == claim
    scene.stack.undo()
    assert scene.project.event(claim).arguments == ()


def test_clicking_a_trigger_selects_its_event_or_fills_an_armed_role(scene: Scene) -> None:
    attack = create_attack(scene)
    scene.select_words("يعلن")
    scene.controller.palette.choose("Conflict.Claim-Responsibility")
    claim = scene.controller.current_event_id
    assert claim is not None
    scene.click_span(TRIGGER)
    assert scene.controller.current_event_id == attack
    scene.click_span("يعلن")
    assert scene.controller.current_event_id == claim
    press_role(scene, 2)  # only the event's own trigger is selected: the role waits
    scene.click_span(TRIGGER)
    assert scene.project.event(claim).arguments == (Argument("ClaimedEvent", event_id=attack),)
    assert scene.controller.current_event_id == claim


def test_dropping_a_span_on_a_role_fills_it(scene: Scene) -> None:
    event_id = create_attack(scene)
    idlib = scene.entities["إدلب"].id
    scene.controller.panel.argumentDropped.emit(event_id, "Place", idlib)
    assert scene.stored_arguments(event_id) == [("Place", "إدلب")]


def test_without_a_selection_no_event_is_created(scene: Scene) -> None:
    with scene.qtbot.waitSignal(scene.controller.statusMessage) as blocker:
        scene.qtbot.keyClick(scene.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert "Select" in blocker.args[0]
    assert scene.stack.count() == 0


# -- deleting spans -------------------------------------------------------------------------------


def test_deleting_a_filler_asks_then_removes_the_argument_and_undo_restores(scene: Scene) -> None:
    event_id = build_attack(scene)
    before = snapshot(scene)
    asked: list[str] = []

    def confirmed(text: str) -> bool:
        asked.append(text)
        return True

    scene.controller.confirm = confirmed
    target = scene.entities["جهادي أجنبي"].id
    assert scene.controller.delete_spans([target])
    assert "Target" in asked[0] and TRIGGER in asked[0]
    assert [role for role, _ in scene.stored_arguments(event_id)] == ["Attacker", "Place"]
    assert scene.view.span(target) is None
    assert "Target" in scene.controller.list_model.problems(event_id)[0]  # required, now empty
    scene.stack.undo()
    assert snapshot(scene) == before
    assert scene.view.span(target) is not None
    assert scene.controller.list_model.problems(event_id) == []
    scene.stack.redo()
    assert scene.view.span(target) is None


def test_deleting_a_trigger_removes_its_event_and_undo_restores_exactly(scene: Scene) -> None:
    attack = build_attack(scene)
    scene.select_words("يعلن")
    scene.controller.palette.choose("Conflict.Claim-Responsibility")
    claim = scene.controller.current_event_id
    assert claim is not None
    attack_trigger = scene.project.event(attack).trigger_span_id
    scene.controller.fill_from_span(claim, "ClaimedEvent", attack_trigger)
    before = snapshot(scene)
    scene.controller.confirm = lambda text: True
    assert scene.controller.delete_spans([attack_trigger])
    assert set(scene.controller.document.events) == {claim}
    assert scene.project.event(claim).arguments == ()
    assert scene.controller.list_model.rowCount() == 1
    scene.stack.undo()
    assert snapshot(scene) == before
    assert scene.controller.list_model.rowCount() == 2


def test_a_declined_deletion_deletes_nothing(scene: Scene) -> None:
    build_attack(scene)
    before = snapshot(scene)
    steps = scene.stack.count()
    scene.controller.confirm = lambda text: False
    assert not scene.controller.delete_spans([scene.entities["إدلب"].id])
    assert snapshot(scene) == before
    assert scene.stack.count() == steps


def test_deleting_a_span_nothing_depends_on_does_not_ask(scene: Scene) -> None:
    scene.controller.confirm = never_asked
    assert scene.controller.delete_spans([scene.entities["داعش"].id])
    scene.stack.undo()
    assert scene.view.span(scene.entities["داعش"].id) is not None


def never_asked(text: str) -> bool:
    raise AssertionError(f"asked without need: {text}")


def test_other_views_hear_of_the_spans_and_events_an_edit_touched(scene: Scene) -> None:
    build_attack(scene)
    scene.controller.confirm = lambda text: True
    idlib = scene.entities["إدلب"].id
    controller = scene.controller
    with (
        scene.qtbot.waitSignal(controller.spansChanged) as spans,
        scene.qtbot.waitSignal(controller.eventsChanged) as events,
    ):
        controller.delete_spans([idlib])
    assert spans.args == [[idlib]] and events.args == [[controller.current_event_id]]


def test_an_undo_the_store_refuses_is_reported_and_dropped(scene: Scene) -> None:
    event_id = create_attack(scene)
    trigger = scene.project.event(event_id).trigger_span_id
    scene.project.delete_span(trigger)  # behind the undo stack's back
    with scene.qtbot.waitSignal(scene.controller.statusMessage) as blocker:
        scene.stack.undo()
    assert trigger in blocker.args[0]
    assert scene.stack.count() == 0
    assert scene.controller.list_model.rowCount() == 0  # the widgets follow the store
    assert scene.view.span(trigger) is None


def test_span_edits_made_elsewhere_update_fillers_and_warnings(scene: Scene) -> None:
    event_id = build_attack(scene)
    idlib = scene.entities["إدلب"].id
    scene.project.update_span(idlib, label="WEA")  # as the span commands would
    scene.controller.spans_edited([idlib])
    assert scene.controller.list_model.problems(event_id) == [
        "the role Place cannot be filled by WEA (allowed: GPE, LOC, FAC)"
    ]
    view_span = scene.view.span(idlib)
    assert view_span is not None and view_span.label == "WEA"
