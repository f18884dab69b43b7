"""Relations and document labels in the annotator's window (issue 14, point 2), driven with
real clicks and keys: a span selected, Ctrl+click on another opens the relation types (those the
schema allows for the two labels first), a number key or a click makes the relation, drawn as an
arc; the relations panel lists it (with a warning when its ends break the schema), Delete there
deletes it, its type box retypes it; the document panel sets the document's labels by click and
by hotkey; every edit is undone with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QMenu, QRadioButton, QTabBar
from pytestqt.qtbot import QtBot

from tests.ui.conftest import point_inside_char
from tests.ui.menu_clicks import choose_from_menu
from tests.ui.test_screenshots import SCREENSHOT_SIZE, SEEDS, _first, grab, seed_project  # noqa: F401 (a fixture)
from tests.ui.window_scene import ANNOTATOR, WindowScene, ini_settings, scene, show_window  # noqa: F401
from workbench.core.model import Relation, Span
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.annotate import relation_controller
from workbench.ui.annotate.key_sheet import KeySheet
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.relation_controller import CHOSEN_ARC_COLOUR, RelationController
from workbench.ui.i18n import Language
from workbench.ui.text_direction import is_right_to_left

Key = Qt.Key
Mod = Qt.KeyboardModifier
CTRL, SHIFT = Mod.ControlModifier, Mod.ShiftModifier


def controller(window_scene: WindowScene) -> RelationController:
    return window_scene.window.relations


def stored_relations(window_scene: WindowScene) -> tuple[Relation, ...]:
    document_id = window_scene.window.current_document_id
    assert document_id is not None
    annotations = window_scene.project.annotation_set(document_id, ANNOTATOR)
    return annotations.relations if annotations else ()


def stored_labels(window_scene: WindowScene, name: str | None = None) -> dict[str, object]:
    document_id = window_scene.document_id(name) if name else window_scene.window.current_document_id
    assert document_id is not None
    annotations = window_scene.project.annotation_set(document_id, ANNOTATOR)
    return dict(annotations.document_labels) if annotations else {}


def ctrl_click_on(window_scene: WindowScene, position: int) -> QMenu:
    """Ctrl+click the character at ``position``; the relation type menu that opens."""
    view = window_scene.view
    point = point_inside_char(view, position)
    delay = QApplication.doubleClickInterval() + 50
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL, point, delay)
    menu = controller(window_scene).type_menu
    assert menu is not None
    window_scene.qtbot.waitUntil(menu.isVisible)
    return menu


def person_and_group(window_scene: WindowScene) -> tuple[Span, Span]:
    """Joe Biden labelled PER and ISIS ORG (by their keys), the person selected by a click."""
    person = window_scene.label_word("جو بايدن", Key.Key_1)
    group = window_scene.label_word("داعش", Key.Key_2)
    window_scene.click_on(person.start + 1)
    assert window_scene.view.selected_span_id == person.id
    return person, group


def relate(window_scene: WindowScene, key: Key) -> Relation:
    """Person -> group by the menu's number ``key``; the relation made."""
    person, group = person_and_group(window_scene)
    menu = ctrl_click_on(window_scene, group.start + 1)
    QTest.keyClick(menu, key)
    [relation] = stored_relations(window_scene)
    assert (relation.from_span_id, relation.to_span_id) == (person.id, group.id)
    return relation


def test_ctrl_click_offers_the_allowed_types_first_and_a_number_key_makes_the_relation(scene: WindowScene) -> None:
    person, group = person_and_group(scene)
    menu = ctrl_click_on(scene, group.start + 1)
    entries = [action.text() for action in menu.actions() if not action.isSeparator()]
    # PER -> ORG: member-of, leader-of and affiliated-with allow it; located-in (to places) not
    assert entries == ["&1 Member of", "&2 Leader of", "&3 Affiliated with", "&4 Located in  ⚠"]
    assert scene.view.selected_span_id == person.id  # the Ctrl+click did not select the group
    QTest.keyClick(menu, Key.Key_2)
    [relation] = stored_relations(scene)
    assert (relation.type, relation.from_span_id, relation.to_span_id) == ("leader-of", person.id, group.id)
    [arc] = scene.view.arc_specs_of("relations")
    assert (arc.label, arc.source, arc.target) == ("Leader of", (person.start, person.end), (group.start, group.end))
    panel = controller(scene).panel
    assert panel.isVisible()  # brought forward from behind the spans
    assert [panel.model.item(0, column).text() for column in range(4)] == ["Leader of", "جو بايدن", "داعش", ""]
    scene.press(Key.Key_Z, CTRL)
    assert stored_relations(scene) == ()
    assert panel.model.rowCount() == 0 and scene.view.arc_specs_of("relations") == []
    scene.press(Key.Key_Z, CTRL | SHIFT)
    assert [r.id for r in stored_relations(scene)] == [relation.id]  # redo: the same relation
    assert panel.model.rowCount() == 1


def test_ctrl_click_on_a_spans_tag_relates_that_span(scene: WindowScene) -> None:
    """A plain click on a tag selects its span; a Ctrl+click there relates it, as on its text."""
    person, group = person_and_group(scene)
    [tag] = [tag for tag in scene.view.span_geometry().tags() if tag.key == group.id]
    delay = QApplication.doubleClickInterval() + 50
    QTest.mouseClick(scene.view.viewport(), Qt.MouseButton.LeftButton, CTRL, tag.rect.center().toPoint(), delay)
    menu = controller(scene).type_menu
    assert menu is not None
    scene.qtbot.waitUntil(menu.isVisible)
    QTest.keyClick(menu, Key.Key_1)
    [relation] = stored_relations(scene)
    assert (relation.type, relation.from_span_id, relation.to_span_id) == ("member-of", person.id, group.id)


def test_a_type_the_labels_break_is_made_by_a_click_and_gets_a_warning(scene: WindowScene) -> None:
    _person, group = person_and_group(scene)
    menu = ctrl_click_on(scene, group.start + 1)
    [located_in] = [action for action in menu.actions() if action.data() == "located-in"]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(located_in).center())
    [relation] = stored_relations(scene)
    assert relation.type == "located-in"
    warning = controller(scene).panel.model.item(0, 3)
    assert warning.toolTip() == "Located in does not link Person to Organization; it links " \
        "PER/ORG/FAC/GPE/LOC/VEH/WEA/NAMED_EVENT to GPE/LOC/FAC"
    assert not warning.icon().isNull()
    [arc] = scene.view.arc_specs_of("relations")
    assert arc.label.startswith("⚠")


def test_an_arabic_warning_reads_right_to_left_when_the_type_has_a_latin_name(
    scene: WindowScene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warning is shown in a tooltip, a label laid out in the direction of its first
    letter: "%1 لا تربط ..." with a type named in Latin letters (a schema without Arabic names)
    was laid out left to right, the type's name last for an Arabic reader."""
    monkeypatch.setattr(relation_controller, "display_name", lambda kind: kind.id)
    _person, group = person_and_group(scene)
    menu = ctrl_click_on(scene, group.start + 1)
    [located_in] = [action for action in menu.actions() if action.data() == "located-in"]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(located_in).center())
    try:
        scene.window.set_language(Language.ARABIC)
        [relation] = stored_relations(scene)
        warning = controller(scene).warning(relation)
        assert "located-in" in warning
        assert is_right_to_left(warning), warning
    finally:
        i18n.set_language(Language.ENGLISH)


def test_arcs_show_for_the_selected_span_or_all_with_view_show_all_arcs(scene: WindowScene) -> None:
    relation = relate(scene, Key.Key_1)
    scene.click_on(scene.view.text.index("الضربة"))  # off every span: nothing selected
    assert scene.view.selected_span_id is None
    scene.qtbot.waitUntil(lambda: scene.view.arc_specs_of("relations") == [])  # at its next paint
    actions = scene.window.menu_actions
    choose_from_menu(scene.qtbot, scene.window, actions.menus["view"], actions.all_arcs)
    assert [arc.key for arc in scene.view.arc_specs_of("relations")] == [relation.id]


def click_row(scene: WindowScene, row: int) -> None:
    table = controller(scene).panel.table
    rect = table.visualRect(table.model().index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_relations_panel_highlights_deletes_and_retypes_with_undo(scene: WindowScene) -> None:
    relation = relate(scene, Key.Key_1)
    panel = controller(scene).panel
    scene.click_on(scene.view.text.index("الضربة"))  # nothing selected, no arc
    click_row(scene, 0)
    [arc] = scene.view.arc_specs_of("relations")
    assert arc.key == relation.id and arc.color == CHOSEN_ARC_COLOUR
    assert panel.type_box.currentData() == "member-of"
    QTest.keyClick(panel.type_box, Key.Key_Down)  # the next type in the box: located-in
    [retyped] = stored_relations(scene)
    assert (retyped.id, retyped.type) == (relation.id, "located-in")
    assert panel.model.item(0, 3).toolTip()  # a person is not located in a group: warned
    assert retyped.attributes == {}  # member-of's status does not go with it
    QTest.keyClick(panel.table, Key.Key_Delete)
    assert stored_relations(scene) == () and panel.model.rowCount() == 0
    assert len(scene.stored_spans()) == 2  # the window's Delete (spans) did not fire
    scene.press(Key.Key_Z, CTRL)
    assert [(r.id, r.type) for r in stored_relations(scene)] == [(relation.id, "located-in")]
    scene.press(Key.Key_Z, CTRL)
    [back] = stored_relations(scene)
    assert (back.type, back.attributes) == ("member-of", relation.attributes)
    assert panel.model.item(0, 0).text() == "Member of"


def test_deleting_a_span_takes_its_relation_and_undo_brings_both_back(scene: WindowScene) -> None:
    relation = relate(scene, Key.Key_1)
    scene.press(Key.Key_Delete)  # the selected span: the person
    assert stored_relations(scene) == ()
    assert controller(scene).panel.model.rowCount() == 0
    scene.press(Key.Key_Z, CTRL)
    assert [r.id for r in stored_relations(scene)] == [relation.id]
    assert controller(scene).panel.model.rowCount() == 1


def click_dock_tab(window_scene: WindowScene, title: str) -> None:
    """Click the tab of the docked panel ``title`` (tabbed behind another one)."""
    for bar in window_scene.window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == title and bar.isVisible():
                QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no tab {title!r}")


def test_document_labels_by_hotkey_and_click_with_undo(scene: WindowScene) -> None:
    panel = controller(scene).document_panel
    relevant = panel._buttons["relevance", "relevant"]
    assert isinstance(relevant, QRadioButton) and "(Shift+Y)" in relevant.text()
    scene.press(Key.Key_Y, SHIFT)
    assert stored_labels(scene) == {"relevance": "relevant"} and relevant.isChecked()
    scene.press(Key.Key_N, SHIFT)
    assert stored_labels(scene) == {"relevance": "not_relevant"} and not relevant.isChecked()
    scene.press(Key.Key_N, SHIFT)  # again: taken back
    assert stored_labels(scene) == {}
    click_dock_tab(scene, "Document")
    assert panel.isVisible()
    terrorism = panel._buttons["topic", "terrorism"]
    armed = panel._buttons["topic", "armed_conflict"]
    assert isinstance(terrorism, QCheckBox)
    QTest.mouseClick(terrorism, Qt.MouseButton.LeftButton, pos=QPoint(8, terrorism.height() // 2))
    QTest.mouseClick(armed, Qt.MouseButton.LeftButton, pos=QPoint(8, armed.height() // 2))
    assert stored_labels(scene)["topic"] == ("armed_conflict", "terrorism")  # in the schema's order
    country = panel._lists["country"]
    country.setFocus()
    QTest.keyClick(country, Key.Key_Down)
    assert stored_labels(scene)["country"] == "DZ"
    scene.open("third")
    assert panel.value("topic") is None and not terrorism.isChecked()  # the other document's
    for expected in (
        {"relevance": None, "topic": ("armed_conflict", "terrorism"), "country": None},
        {"relevance": None, "topic": ("terrorism",), "country": None},
        {"relevance": None, "topic": None, "country": None},
        {"relevance": "not_relevant", "topic": None, "country": None},
    ):
        scene.press(Key.Key_Z, CTRL)  # undo goes back to the document it changed
        scene.wait_until_shown("mixed")
        assert {field: stored_labels(scene).get(field) for field in expected} == expected
        assert {field: panel.value(field) for field in expected} == expected
    assert stored_labels(scene, "third") == {}


def test_the_keys_sheet_lists_ctrl_click_and_the_document_label_keys(scene: WindowScene) -> None:
    scene.press(Key.Key_F1)
    [sheet] = [w for w in QApplication.topLevelWidgets() if isinstance(w, KeySheet) and w.isVisible()]
    rows = {sheet.model.item(row, 0).text(): sheet.model.item(row, 1).text() for row in range(sheet.model.rowCount())}
    assert "relation" in rows["Ctrl+click a span"]
    assert rows["Shift+Y"] == "the document's label Relevance: Relevant (again: take it back)"
    assert "Shift+N" in rows and "Del in the relations panel" in rows
    sheet.close()


def test_the_panels_and_the_type_menu_speak_arabic(scene: WindowScene) -> None:
    relate(scene, Key.Key_1)
    scene.window.set_language(Language.ARABIC)
    window = scene.window
    assert window.docks["relations"].windowTitle() == "العلاقات"
    assert window.docks["document"].windowTitle() == "الوثيقة"
    assert controller(scene).panel.model.item(0, 0).text() == "عضو في"
    assert scene.view.arc_specs_of("relations")[0].label == "عضو في"
    person, group = scene.stored_spans()[1], scene.stored_spans()[0]
    assert {person.text, group.text} == {"جو بايدن", "داعش"}
    menu = ctrl_click_on(scene, scene.view.text.index("داعش") + 1)
    assert menu.actions()[0].text() == "&1 عضو في"
    menu.close()


SCREENSHOT_RELATIONS = (
    ("عبد الله قرداش", "leader-of", "داعش"),
    ("جهادي أجنبي", "located-in", "إدلب"),
    ("سجن الغويران", "located-in", "مدينة الحسكة"),
    ("الرئيس الأمريكي جو بايدن", "member-of", "أمريكية"),  # a person member of a country: warned
)


def test_screenshots_of_relations_and_the_document_panel_in_both_languages(
    qtbot: QtBot, seed_project: Project, tmp_path: Path
) -> None:
    """The first seed article with four relations drawn as arcs (View > Show all arcs), the
    relations panel (one warned) and the document panel with its labels, English then Arabic."""
    first = next(d for d in seed_project.documents() if d.name == SEEDS[0].stem)
    annotated = seed_project.annotated_document(first.id, ANNOTATOR)
    text = annotated.document.text
    spans = {span.text: span for span in annotated.sets[0].spans}
    spans["داعش"] = seed_project.add_span(first.id, ANNOTATOR, *_first(text, "داعش"), "ORG")
    for source, kind, target in SCREENSHOT_RELATIONS:
        seed_project.add_relation(first.id, ANNOTATOR, Relation("", kind, spans[source].id, spans[target].id))
    for field, value in (("relevance", "relevant"), ("topic", ("armed_conflict", "terrorism")), ("country", "SY")):
        seed_project.set_document_label(first.id, ANNOTATOR, field, value)
    window = show_window(qtbot, MainWindow(seed_project, ANNOTATOR, ini_settings(tmp_path / "s.ini")))
    window.resize(*SCREENSHOT_SIZE)
    choose_from_menu(qtbot, window, window.menu_actions.menus["view"], window.menu_actions.all_arcs)
    window.dock_layout.bring_forward(window.docks["relations"])
    window.dock_layout.bring_forward(window.docks["document"])
    panel = window.relations.panel
    try:
        for language, name in ((Language.ENGLISH, "relations-en.png"), (Language.ARABIC, "relations-ar.png")):
            window.set_language(language)
            window.text_view.verticalScrollBar().setValue(0)
            grab(window, tmp_path / name)
            assert len(window.text_view.span_geometry().arcs()) == len(SCREENSHOT_RELATIONS)
            warned = [row for row in range(panel.model.rowCount()) if panel.model.item(row, 3).toolTip()]
            assert [panel.model.item(row, 1).text() for row in warned] == ["الرئيس الأمريكي جو بايدن"]
            assert window.relations.document_panel.value("topic") == ("armed_conflict", "terrorism")
    finally:
        i18n.set_language(Language.ENGLISH)


def test_relabelling_an_end_brings_the_warning_and_undo_takes_it_away(scene: WindowScene) -> None:
    relation = relate(scene, Key.Key_1)  # member-of: a person of a group, allowed
    panel = controller(scene).panel
    assert panel.model.item(0, 3).toolTip() == ""
    scene.click_on(scene.view.text.index("داعش") + 1)
    scene.press(Key.Key_3)  # the group relabelled GPE: a person is not a member of a country
    assert panel.model.item(0, 3).toolTip().startswith("Member of does not link Person to Geo-political entity")
    assert scene.view.arc_specs_of("relations")[0].label == "⚠ Member of"
    scene.press(Key.Key_Z, CTRL)
    assert panel.model.item(0, 3).toolTip() == ""
    assert [r.id for r in stored_relations(scene)] == [relation.id]
