"""The panels beside the text, at the window's default size, in English and Arabic: the text
never moves when their content changes (issue 12, point 7), and the events panels fit and come
forward when they are needed (point 9)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import present
from tests.ui.annotate.test_text_view import click
from tests.ui.conftest import point_inside_char
from tests.ui.window_scene import ANNOTATOR, ini_settings, new_project
from tests.ui.window_waits import activate
from workbench.core.model import Span
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.view_preferences import DEFAULT_SIZE
from workbench.ui.i18n import Language

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
LABELLED = ((Key.Key_6, 5), (Key.Key_1, 1), (Key.Key_9, 4), (Key.Key_2, 3), (Key.Key_3, 2))
"""(label hotkey, words): NORP has the longest name; the spans follow one another."""


@pytest.fixture(params=[Language.ENGLISH, Language.ARABIC], ids=["en", "ar"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """A first start at the default size, in the interface language of the parameter."""
    settings = ini_settings(tmp_path / "settings.ini")
    settings.set_language(request.param)
    with new_project(tmp_path / "panels.tawsim") as project:
        shown = MainWindow(project, ANNOTATOR, settings)
        qtbot.addWidget(shown)
        with qtbot.waitExposed(shown):
            shown.show()
        activate(qtbot, shown)
        assert (shown.width(), shown.height()) == DEFAULT_SIZE
        yield shown
        shown.close()
    i18n.set_language(Language.ENGLISH)


def text_geometry(window: MainWindow) -> QRect:
    QApplication.processEvents()  # the layout requests the change posted
    return window.text_view.geometry()


def press(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(window.text_view, key, modifier)


def stored_spans(window: MainWindow) -> list[Span]:
    project: Project = window.project
    document_id = window.current_document_id
    assert document_id is not None
    annotations = project.annotation_set(document_id, ANNOTATOR)
    return list(annotations.spans) if annotations else []


def make_attack(qtbot: QtBot, window: MainWindow) -> None:
    start = window.text.index("الضربة")
    window.text_view.select_range(start, start + len("الضربة"))
    press(qtbot, window, Key.Key_A, SHIFT)


def within(inner: QWidget, outer: QWidget) -> bool:
    """``inner`` lies wholly inside ``outer``'s rectangle (not clipped by it)."""
    top_left = inner.mapTo(outer, inner.rect().topLeft())
    return outer.rect().contains(QRect(top_left, inner.size()))


def click_tab(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Click the tab of the docks tabbed together that is named ``title``."""
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == title and bar.isVisible():
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no tab named {title}")


def in_front(window: MainWindow, name: str) -> bool:
    return not window.docks[name].visibleRegion().isEmpty()


# -- point 7: no reflow -----------------------------------------------------------------------


def test_the_text_keeps_its_place_while_spans_and_events_are_made(qtbot: QtBot, window: MainWindow) -> None:
    place = text_geometry(window)
    words = [match.span() for match in re.finditer(r"\S+", window.text)][2:]
    for key, count in LABELLED:
        (start, _), (_, end), words = words[0], words[count - 1], words[count:]
        window.text_view.select_range(start, end)
        press(qtbot, window, key)
        assert text_geometry(window) == place
    spans = stored_spans(window)
    assert len(spans) == len(LABELLED)
    longest = max(spans, key=lambda span: span.end - span.start)
    click(qtbot, window.text_view, point_inside_char(window.text_view, longest.start + 1))
    assert window.inspector.span == longest
    press(qtbot, window, Key.Key_4)  # relabel: other attributes in the inspector
    assert text_geometry(window) == place
    make_attack(qtbot, window)
    assert text_geometry(window) == place


# -- point 9: the events panels ---------------------------------------------------------------


def test_a_new_trigger_brings_the_event_panel_forward(qtbot: QtBot, window: MainWindow) -> None:
    assert in_front(window, "inspector") and not in_front(window, "event")
    make_attack(qtbot, window)
    qtbot.waitUntil(lambda: in_front(window, "event"))
    assert not in_front(window, "inspector")
    assert window.events.panel.title.text().startswith(("Attack", "هجوم"))


def test_every_role_of_the_new_event_shows_beside_the_whole_text(qtbot: QtBot, window: MainWindow) -> None:
    place = text_geometry(window)
    make_attack(qtbot, window)
    panel = window.events.panel
    roles = [panel.role_button(role.id) for role in window.schema.event("Conflict.Attack").roles]
    assert len(roles) == 5
    viewport = present(panel.findChild(QScrollArea)).viewport()
    qtbot.waitUntil(lambda: all(within(button, viewport) for button in roles))
    assert text_geometry(window) == place
    assert all(button.width() >= button.sizeHint().width() for button in roles)


def test_the_event_type_buttons_fit_their_panel(qtbot: QtBot, window: MainWindow) -> None:
    click_tab(qtbot, window, window.docks["event types"].windowTitle())
    qtbot.waitUntil(lambda: in_front(window, "event types"))
    palette_area = window.docks["event types"].widget()
    assert isinstance(palette_area, QScrollArea)
    buttons = window.events.palette.findChildren(QPushButton)
    assert len(buttons) >= 10
    viewport = palette_area.viewport()
    for button in buttons:
        left = button.mapTo(viewport, button.rect().topLeft()).x()
        assert left >= 0 and left + button.width() <= viewport.width(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()


def test_the_event_lists_warnings_show_without_scrolling(qtbot: QtBot, window: MainWindow) -> None:
    """An attack with no Target (a required role) is warned of in the events list; at the
    default size the list's first three columns took the whole panel, so the warnings column
    was cut to a sliver at the panel's edge, behind a horizontal scroll bar."""
    from workbench.ui.events.event_list import WARNINGS

    make_attack(qtbot, window)
    click_tab(qtbot, window, window.docks["events"].windowTitle())
    qtbot.waitUntil(lambda: in_front(window, "events"))
    table = window.events.event_list
    header = table.horizontalHeader()
    assert table.model().data(table.model().index(0, WARNINGS), Qt.ItemDataRole.DecorationRole) is not None
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    right = header.sectionViewportPosition(WARNINGS) + header.sectionSize(WARNINGS)
    assert header.sectionSize(WARNINGS) >= 24 and right <= table.viewport().width()
