"""The event type palette: search in Arabic (without diacritics, any alef) and English, choosing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.window_waits import activate
from workbench.core.schema import Schema
from workbench.ui.events.event_palette import EventPalette


@pytest.fixture
def palette(qtbot: QtBot, conflict_news: Schema) -> EventPalette:
    widget = EventPalette(conflict_news)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("هجوم", ["Conflict.Attack"]),
        ("هُجُوم", ["Conflict.Attack"]),  # with diacritics
        ("اصابه", ["Life.Injure"]),  # إصابة typed with a bare alef and heh
        ("اعتقال", ["Justice.Arrest-Jail"]),  # اعتقال / احتجاز
        ("ATTACK", ["Conflict.Attack"]),
        ("kidnap", ["Conflict.Abduct"]),
        ("Justice.Ex", ["Justice.Execute", "Justice.Extradite"]),  # the ids match too
    ],
)
def test_search_by_arabic_and_english(
    palette: EventPalette, query: str, expected: list[str]
) -> None:
    palette.search.setText(query)
    assert palette.shown_type_ids() == expected


def test_an_empty_search_shows_every_type(palette: EventPalette, conflict_news: Schema) -> None:
    palette.search.setText("هجوم")
    palette.search.clear()
    assert palette.shown_type_ids() == [event_type.id for event_type in conflict_news.event_types]


def test_enter_in_the_search_chooses_the_first_match(qtbot: QtBot, palette: EventPalette) -> None:
    palette.search.setText("مقتل")
    with qtbot.waitSignal(palette.eventTypeChosen) as blocker:
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert blocker.args == ["Life.Die"]


def test_clicking_a_list_item_or_a_button_chooses(qtbot: QtBot, palette: EventPalette) -> None:
    item = palette.list.item(1)
    rect = palette.list.visualItemRect(item)
    with qtbot.waitExposed(palette):
        palette.show()
    with qtbot.waitSignal(palette.eventTypeChosen) as blocker:
        qtbot.mouseClick(palette.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["Conflict.Abduct"]
    button = palette.findChild(QPushButton, "event-type:Life.Die")
    assert button is not None and "Shift+D" in button.text()
    with qtbot.waitSignal(palette.eventTypeChosen) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Life.Die"]


def test_only_types_with_a_hotkey_get_a_button(palette: EventPalette, conflict_news: Schema) -> None:
    buttons = palette.findChildren(QPushButton)
    assert len(buttons) == sum(1 for event_type in conflict_news.event_types if event_type.hotkey)


def test_a_hotkey_chooses_its_type_anywhere_in_its_window(qtbot: QtBot, conflict_news: Schema) -> None:
    window = QWidget()
    palette = EventPalette(conflict_news, parent=window, shortcut_host=window)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    with qtbot.waitSignal(palette.eventTypeChosen) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    assert blocker.args == ["Conflict.Abduct"]


def test_names_lead_with_the_interface_language(palette: EventPalette) -> None:
    assert palette.list.item(0).text() == "Attack · هجوم    Shift+A"
    palette.set_language("ar")
    assert palette.list.item(0).text() == "هجوم · Attack    Shift+A"
    button = palette.findChild(QPushButton, "event-type:Conflict.Attack")
    assert button is not None and button.text() == "هجوم (Shift+A)"
    title, definition, *_ = button.toolTip().split("\n")
    assert title == "هجوم · Attack (Conflict.Attack)"
    assert definition.startswith("فعل عنيف يوقع أذى")  # the guidelines' definition, in Arabic
    assert palette.layoutDirection() == Qt.LayoutDirection.RightToLeft
