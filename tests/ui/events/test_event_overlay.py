"""Triggers, arcs of the selected event and participation tooltips, drawn over the real view."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage

from tests.conftest import REPO_ROOT
from tests.ui.conftest import point_inside_char
from tests.ui.event_scene import Scene, scene, word_range  # noqa: F401 (a fixture)
from workbench.core.model import Argument
from workbench.ui.annotate.arc_painting import Arc
from workbench.ui.annotate.view_geometry import SpanGeometry
from workbench.ui.events.event_overlay import TRIGGER_BAR_HEIGHT, participation_tooltip

SCREENSHOT = REPO_ROOT / "resources" / "screenshots" / "event-arcs.png"
ARGUMENTS = {"Attacker": "أمريكية", "Target": "جهادي أجنبي", "Place": "إدلب"}


def attack(scene: Scene, trigger: str = "غارة", arguments: dict[str, str] = ARGUMENTS) -> str:
    """An attack on ``trigger`` with ``arguments`` (role: entity words), made through the
    controller and selected."""
    scene.view.select_range(*word_range(scene.text, trigger))
    scene.controller.create_event("Conflict.Attack")
    event_id = scene.controller.current_event_id
    assert event_id is not None
    for role, words in arguments.items():
        scene.controller.fill_from_span(event_id, role, scene.entities[words].id)
    assert len(scene.project.event(event_id).arguments) == len(arguments)
    return event_id


def on_any(point: QPointF, rects: list[QRectF]) -> bool:
    return any(rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(point) for rect in rects)


def tag_rects(geometry: SpanGeometry, span_id: str) -> list[QRectF]:
    return [tag.rect for tag in geometry.tags() if tag.key == span_id]


def crosses_letters(scene: Scene, arc: Arc) -> bool:
    """Whether any point along the arc lies on a line of text (inside the glyphs' rectangles,
    less the pixel the arrowhead touches)."""
    lines = scene.view.span_geometry().span_rects(0, len(scene.text))
    inner = [rect.adjusted(1, 1, -1, -1) for rect in lines]
    return any(on_any(arc.path.pointAtPercent(step / 200), inner) for step in range(201))


def test_arcs_run_from_the_triggers_tag_to_each_arguments_tag_above_the_letters(scene: Scene) -> None:
    event_id = attack(scene)
    geometry = scene.view.span_geometry()
    trigger = scene.project.event(event_id).trigger_span_id
    arcs = scene.controller.overlay.arcs(geometry)
    assert [arc.key for arc in arcs] == list(ARGUMENTS)
    for arc, words in zip(arcs, ARGUMENTS.values(), strict=True):
        assert on_any(arc.start, tag_rects(geometry, trigger)), arc.key
        assert on_any(arc.end, tag_rects(geometry, scene.entities[words].id)), arc.key
        assert arc.path.pointAtPercent(0) == arc.start and arc.path.pointAtPercent(1) == arc.end
        assert not crosses_letters(scene, arc), arc.key
    assert [arc.label for arc in arcs] == ["Attacker", "Target", "Place"]


def test_without_tags_arcs_end_on_the_top_of_the_words(scene: Scene) -> None:
    attack(scene)
    scene.view.set_tags_shown(False)
    geometry = scene.view.span_geometry()
    trigger_rects = geometry.span_rects(*word_range(scene.text, "غارة"))
    arcs = scene.controller.overlay.arcs(geometry)
    assert arcs and geometry.tags() == []
    for arc, words in zip(arcs, ARGUMENTS.values(), strict=True):
        assert on_any(arc.start, trigger_rects)
        assert on_any(arc.end, geometry.span_rects(*word_range(scene.text, words)))
        assert not crosses_letters(scene, arc), arc.key


def test_the_first_line_grows_to_hold_the_arcs(scene: Scene) -> None:
    first_line = scene.view.span_geometry().span_rects(0, 1)[0]
    attack(scene)
    grown = scene.view.span_geometry().span_rects(0, 1)[0]
    assert grown.top() > first_line.top() + 20  # tags and arc rows above the first line
    assert grown.height() == first_line.height()  # the letters keep their size


def test_arcs_rise_above_a_later_line_and_speak_the_interface_language(scene: Scene) -> None:
    event_id = attack(scene, "الضربة", {"Attacker": "جو بايدن", "Target": "داعش"})
    scene.controller.set_language("ar")
    geometry = scene.view.span_geometry()
    arcs = scene.controller.overlay.arcs(geometry)
    assert [arc.label for arc in arcs] == ["المهاجِم", "المستهدَف"]
    for arc in arcs:
        assert arc.path.boundingRect().top() < min(arc.start.y(), arc.end.y())
        assert not crosses_letters(scene, arc)
    scene.controller.select_event(None)
    assert scene.controller.overlay.arcs(geometry) == []
    scene.controller.select_event(event_id)
    assert len(scene.controller.overlay.arcs(geometry)) == 2


def test_an_event_filling_a_role_gets_an_arc_to_its_trigger(scene: Scene) -> None:
    attack_id = attack(scene, arguments={})
    scene.view.select_range(*word_range(scene.text, "يعلن"))
    scene.controller.create_event("Conflict.Claim-Responsibility")
    claim = scene.controller.current_event_id
    assert claim is not None
    attack_trigger = scene.project.event(attack_id).trigger_span_id
    scene.controller.fill_from_span(claim, "ClaimedEvent", attack_trigger)
    assert scene.project.event(claim).arguments == (Argument("ClaimedEvent", event_id=attack_id),)
    geometry = scene.view.span_geometry()
    [arc] = scene.controller.overlay.arcs(geometry)
    assert on_any(arc.start, tag_rects(geometry, scene.project.event(claim).trigger_span_id))
    assert on_any(arc.end, tag_rects(geometry, attack_trigger))


def test_a_scrolled_away_event_draws_no_arcs(scene: Scene) -> None:
    attack(scene)
    scene.view.scroll_to(len(scene.text) - 1)
    assert scene.controller.overlay.arcs(scene.view.span_geometry()) == []


def test_triggers_get_a_heavy_bar_in_their_type_colour(scene: Scene) -> None:
    attack(scene, arguments={})
    scene.controller.select_event(None)
    image = scene.view.viewport().grab().toImage()
    [rect] = scene.view.span_geometry().span_rects(*word_range(scene.text, "غارة"))
    colour = QColor(scene.project.schema.event("Conflict.Attack").color)
    y = int(rect.bottom() - TRIGGER_BAR_HEIGHT / 2)
    assert pixel(image, rect.center().x(), y) == colour


def pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(int(x), int(y))


def test_hovering_a_span_names_the_events_it_takes_part_in(scene: Scene) -> None:
    attack(scene)
    idlib_start, _ = word_range(scene.text, "إدلب")
    tip = scene.controller.overlay.tooltip_at(QPointF(point_inside_char(scene.view, idlib_start)))
    assert tip.startswith("GPE\nإدلب")  # the view's own tooltip comes first
    assert "Place in Attack «غارة»" in tip
    trigger_start, _ = word_range(scene.text, "غارة")
    tip = scene.controller.overlay.tooltip_at(QPointF(point_inside_char(scene.view, trigger_start)))
    assert "trigger of Attack «غارة»" in tip


def test_the_participation_text_in_arabic(scene: Scene) -> None:
    attack(scene)
    document = scene.controller.document
    text = participation_tooltip(
        scene.entities["إدلب"].id, document.events.values(), document.spans,
        scene.project.schema, "ar",
    )
    assert text == "المكان in هجوم «غارة»"
    assert participation_tooltip(
        scene.entities["داعش"].id, document.events.values(), document.spans, scene.project.schema
    ) == ""


def test_screenshot_of_an_event_with_its_arcs(scene: Scene, tmp_path: Path) -> None:
    attack(scene, arguments=ARGUMENTS | {"Time": "الثالث من فبراير من العام 2022"})
    scene.controller.set_language("ar")
    targets = [tmp_path / "event_arcs.png", Path("/tmp/event_arcs.png")]
    if os.environ.get("WORKBENCH_WRITE_SCREENSHOTS") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        targets.append(SCREENSHOT)
    image = scene.view.grab()
    for path in targets:
        assert image.save(str(path))
        assert path.stat().st_size > 10_000
