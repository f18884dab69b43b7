"""Guidelines at hand (issue 13, point 9): hovering a label in the palettes, a role in the event
panel or a field of the inspector shows what it means, with examples, in the interface language;
and the inspector offers a span only its label's attributes, again after a relabelling (point 7).
Before, the palette's tooltip was "PER: Person — شخص" and the event palette's the type's id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import present
from tests.ui.window_scene import WindowScene, scene  # noqa: F401 (fixture)
from workbench.ui.i18n import Language
from workbench.ui.theme import Theme, theme_switch

Key = Qt.Key
PERSON = {
    Language.ENGLISH: ("Person", "A human being, one person or a group of people"),
    Language.ARABIC: ("شخص", "إنسان"),
}
SCREENSHOTS = Path("/tmp/guide-ui")


@pytest.fixture(autouse=True)
def light_again(qapp: QApplication) -> Iterator[None]:
    yield
    theme_switch().set_theme(Theme.SYSTEM)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)


def hover(qtbot: QtBot, widget: QWidget, point: QPoint) -> str:
    """What the tooltip says after the pointer rests on ``point`` of ``widget``: the help event
    Qt sends there, and the tooltip it shows."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def palette_row_point(scene: WindowScene, label: str) -> QPoint:
    palette = scene.window.label_palette
    model = palette.label_model
    row = next(row for row in range(model.rowCount()) if model.label_at(row).id == label)
    return palette.visualRect(model.index(row, model.NAME)).center()


def row_titles(form: QFormLayout) -> list[str]:
    """The titles of a form's rows, top to bottom."""
    titles = []
    for row in range(form.rowCount()):
        title = present(form.itemAt(row, QFormLayout.ItemRole.LabelRole)).widget()
        assert isinstance(title, QLabel)
        titles.append(title.text())
    return titles


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
@pytest.mark.parametrize("language", list(Language))
def test_hovering_a_palette_row_shows_the_labels_definition(
    scene: WindowScene, language: Language, theme: Theme
) -> None:
    window = scene.window
    window.set_language(language)
    window.preferences.set_theme(theme)
    palette = window.label_palette
    point = palette_row_point(scene, "PER")
    tooltip = hover(scene.qtbot, palette.viewport(), point)
    title, definition, *rest = tooltip.split("\n")
    name, start = PERSON[language]
    assert title == name
    assert definition.startswith(start)
    assert rest[0] == ("أمثلة:" if language is Language.ARABIC else "Examples:")
    assert "قال الرئيس عبد المجيد تبون" in rest[1]
    shot = with_tooltip(window.docks["labels"], palette.viewport().mapTo(window.docks["labels"], point))
    SCREENSHOTS.mkdir(exist_ok=True)
    assert shot.save(str(SCREENSHOTS / f"palette-tooltip-{language}-{theme}.png"))


def with_tooltip(widget: QWidget, point: QPoint) -> QPixmap:
    """``widget`` grabbed, with the tooltip shown now drawn at ``point`` (Qt's tooltip is a
    window of its own, which a grab of ``widget`` leaves out)."""
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    under, over = widget.grab(), tip.grab()
    shot = QPixmap(max(under.width(), point.x() + over.width()), max(under.height(), point.y() + over.height()))
    shot.fill(QColor("#808080"))
    painter = QPainter(shot)
    painter.drawPixmap(0, 0, under)
    painter.drawPixmap(point, over)
    painter.end()
    return shot


@pytest.mark.parametrize("language", list(Language))
def test_hovering_an_event_type_and_a_role_shows_their_definitions(
    scene: WindowScene, language: Language
) -> None:
    window, qtbot = scene.window, scene.qtbot
    window.set_language(language)
    event_list = window.events.palette.list
    window.dock_layout.bring_forward(window.docks["event types"])
    attack = event_list.visualItemRect(event_list.item(0)).center()
    tooltip = hover(qtbot, event_list.viewport(), attack)
    arabic = language is Language.ARABIC
    names = "هجوم · Attack" if arabic else "Attack · هجوم"
    assert tooltip.split("\n")[0] == f"{names} (Conflict.Attack)"
    assert tooltip.split("\n")[1].startswith("فعل عنيف" if arabic else "A violent physical act")
    start = scene.view.text.index("الضربة")
    scene.view.select_range(start, start + len("الضربة"))
    qtbot.keyClick(scene.view, Key.Key_A, Qt.KeyboardModifier.ShiftModifier)  # Attack's hotkey
    target = window.events.panel.role_button("Target")
    qtbot.waitUntil(target.isVisible)
    tooltip = hover(qtbot, target, target.rect().center())
    assert tooltip.split("\n")[1] == ("من أو ما يُهاجَم أو يُستهدَف." if arabic else "Who or what is attacked or aimed at.")


@pytest.mark.parametrize("language", list(Language))
def test_hovering_the_inspectors_label_and_attribute_shows_their_definitions(
    scene: WindowScene, language: Language
) -> None:
    window, qtbot = scene.window, scene.qtbot
    window.set_language(language)
    scene.label_word("منظمة", Key.Key_1)
    inspector = window.inspector
    window.dock_layout.bring_forward(window.docks["inspector"])
    label = inspector.label_combo
    assert hover(qtbot, label, label.rect().center()).split("\n")[:2][1].startswith(PERSON[language][1])
    level = inspector.attribute_combo("mention_level")
    tooltip = hover(qtbot, level, level.rect().center())
    assert tooltip.split("\n")[0] == ("مستوى الذكر" if language is Language.ARABIC else "Mention level")
    assert "NAM" in tooltip.split("\n")[1]


def test_relabelling_a_span_changes_the_attributes_offered(scene: WindowScene) -> None:
    """VEH has a mention level, TITLE none: a relabelling by the hotkey and one in the inspector's
    combo (keys on it) build its attribute rows again."""
    window, qtbot = scene.window, scene.qtbot
    inspector = window.inspector
    span = scene.label_word("منظمة", Key.Key_8)  # VEH
    qtbot.waitUntil(lambda: inspector.attribute_combo("mention_level").isVisibleTo(inspector))
    window.select_span(span.id, scroll=False)
    scene.press(Key.Key_9)  # TITLE, on the selected span
    qtbot.waitUntil(lambda: scene.stored_spans()[0].label == "TITLE")
    assert inspector.span is not None and inspector.span.label == "TITLE"
    with pytest.raises(KeyError):
        inspector.attribute_combo("mention_level")
    combo = inspector.label_combo
    window.dock_layout.bring_forward(window.docks["inspector"])
    combo.setFocus()
    qtbot.keyClick(combo, Key.Key_Up)  # TITLE -> VEH
    qtbot.waitUntil(lambda: scene.stored_spans()[0].label == "VEH")
    qtbot.waitUntil(lambda: inspector.attribute_combo("mention_level").isVisibleTo(inspector))
    assert row_titles(inspector.form) == ["Text", "Start – end", "Label", "Mention level", "Note"]
