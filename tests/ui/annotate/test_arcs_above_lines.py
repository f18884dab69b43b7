"""Arcs between spans in room above the lines (issue 13, point 2): never over the letters, the
line growing where arcs are; the selected event's arcs only, or every event's with View > Show
all arcs (remembered). The arc drawing is generic: any owner's arc from one span to another with
a label (relations will use it), on one line or across lines."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt

from tests.ui.annotate.test_text_view import TEXT, entity
from tests.ui.window_scene import ANNOTATOR, WindowScene, scene, show_window  # noqa: F401
from workbench.core.model import Event
from workbench.ui.annotate.arc_painting import Arc, ArcSpec
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.text_view import AnnotatedTextView

Key = Qt.Key
SHIFT, ALT = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


def crosses_letters(view: AnnotatedTextView, arc: Arc) -> bool:
    lines = [rect.adjusted(1, 1, -1, -1) for rect in view.span_geometry().span_rects(0, len(view.text))]
    points = [arc.path.pointAtPercent(step / 200) for step in range(201)]
    return any(line.contains(point) for line in lines for point in points)


def attack_with_attacker(window_scene: WindowScene) -> Event:
    """Select الضربة, Shift+A (an attack), label داعش, click it, Alt+1 (its attacker)."""
    start = window_scene.view.text.index("الضربة")
    window_scene.view.select_range(start, start + len("الضربة"))
    window_scene.press(Key.Key_A, SHIFT)
    attacker = window_scene.label_word("داعش", Key.Key_2)
    window_scene.click_on((attacker.start + attacker.end) // 2)
    window_scene.press(Key.Key_1, ALT)
    annotations = window_scene.project.annotation_set(window_scene.window.current_document_id or "", ANNOTATOR)
    assert annotations is not None
    [event] = annotations.events
    assert event.arguments
    return event


def event_arcs(window_scene: WindowScene) -> list[Arc]:
    return window_scene.window.events.overlay.arcs(window_scene.view.span_geometry())


def test_the_selected_events_arcs_or_all_of_them_with_view_show_all_arcs(scene: WindowScene) -> None:
    attack_with_attacker(scene)
    scene.window.events.select_event(None)
    assert event_arcs(scene) == []
    show_all = scene.window.menu_actions.all_arcs
    assert not show_all.isChecked() and show_all in scene.window.menu_actions.menus["view"].actions()
    show_all.trigger()
    [arc] = event_arcs(scene)
    assert arc.key == "Attacker" and not crosses_letters(scene.view, arc)
    scene.window.close()
    again = show_window(scene.qtbot, MainWindow(scene.project, ANNOTATOR, scene.settings))
    assert again.menu_actions.all_arcs.isChecked()
    assert len(again.events.overlay.arcs(again.text_view.span_geometry())) == 1
    again.close()


def test_the_line_grows_by_the_arcs_room_and_shrinks_back(scene: WindowScene) -> None:
    event = attack_with_attacker(scene)
    trigger = scene.project.span_owner(event.trigger_span_id)[0]
    scene.window.menu_actions.label_tags.trigger()  # no tags: only the arcs take room
    [with_arc] = scene.view.span_geometry().span_rects(trigger.start, trigger.end)
    [arc] = event_arcs(scene)
    scene.window.events.select_event(None)
    [without] = scene.view.span_geometry().span_rects(trigger.start, trigger.end)
    assert with_arc.top() > without.top()
    assert with_arc.height() == without.height()
    drawn = arc.path.boundingRect()  # inside the room the line made: below the line before it
    assert without.top() - 1 <= drawn.top() and drawn.bottom() <= with_arc.top() + 0.5


def two_line_view(view: AnnotatedTextView) -> tuple[ArcSpec, ArcSpec]:
    spans = [entity("opec", TEXT, "OPEC+", "#4363d8", "ORG"), entity("idlib", TEXT, "إدلب", "#3cb44b", "GPE"),
             entity("biden", TEXT, "جو بايدن", "#e6194b", "PER")]
    view.set_document(TEXT, spans)
    same_line = ArcSpec("in", "located in", (spans[0].start, spans[0].end), (spans[1].start, spans[1].end), "#000000")
    across = ArcSpec("near", "near", (spans[2].start, spans[2].end), (spans[1].start, spans[1].end), "#aa0000")
    return same_line, across


def test_any_owner_draws_arcs_between_spans_on_one_line_or_across_lines(view: AnnotatedTextView) -> None:
    same_line, across = two_line_view(view)
    view.set_arcs("relations", [same_line, across])
    geometry = view.span_geometry()
    arcs = geometry.arcs("relations")
    assert [arc.label for arc in arcs] == ["located in", "near"]
    tags = {tag.key: tag.rect for tag in geometry.tags()}
    for arc, (source, target) in zip(arcs, (("opec", "idlib"), ("biden", "idlib")), strict=True):
        assert _touches(tags[source], arc.start) and _touches(tags[target], arc.end), arc.label
        assert not crosses_letters(view, arc), arc.label
        assert arc.path.pointAtPercent(0) == arc.start and arc.path.pointAtPercent(1) == arc.end
    assert geometry.arcs("events") == []
    view.set_arcs("relations", [])
    assert view.span_geometry().arcs() == []


def test_arcs_of_spans_off_screen_are_not_drawn(view: AnnotatedTextView) -> None:
    same_line, _ = two_line_view(view)
    view.set_arcs("relations", [same_line])
    view.resize(view.width(), 60)
    view.scroll_to(len(view.text) - 1)
    assert view.span_geometry().arcs() == []


def _touches(rect: QRectF, point: QPointF) -> bool:
    return rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(point)
