"""Event warnings speak the interface language (issue 12, point 10): a new attack without its
required target is flagged in Arabic, with the role's Arabic name, not "the required role
Target ..."."""

from __future__ import annotations

from tests.ui.event_scene import Scene, scene  # noqa: F401 (a fixture)
from tests.ui.events.test_event_controller import create_attack, press_role
from tests.ui.lead_scene import save_screenshot
from workbench.ui.events.event_list import WARNINGS


def warnings_shown(scene: Scene, event_id: str) -> str:
    model = scene.controller.list_model
    row = model.row_of(event_id)
    assert row is not None
    return str(model.data(model.index(row, WARNINGS)))


def test_a_missing_required_role_is_named_in_arabic(scene: Scene, arabic: None) -> None:
    scene.controller.set_language("ar")
    event_id = create_attack(scene)
    shown = warnings_shown(scene, event_id)
    assert "required" not in shown and "Target" not in shown
    assert "المستهدَف" in shown
    save_screenshot(scene.window, "event-warnings-ar")


def test_and_in_english_as_before(scene: Scene) -> None:
    event_id = create_attack(scene)
    assert warnings_shown(scene, event_id) == "the required role Target has no filler"


def test_event_undo_steps_are_named_in_arabic(scene: Scene, arabic: None) -> None:
    """Filling a role and changing an event's attributes name their undo steps in Arabic (their
    texts were hidden from lupdate behind a wrapper, so they had no translation), the role by the
    schema's Arabic name (it was its id: "ملء الدور Attacker")."""
    scene.controller.set_language("ar")
    event_id = create_attack(scene)
    scene.click_span("أمريكية")
    press_role(scene, 1)
    scene.controller.edit_attributes(event_id, {})
    steps = [scene.stack.text(i) for i in range(1, scene.stack.count())]
    assert steps == ["ملء الدور المهاجِم", "تغيير خصائص الحدث"]
