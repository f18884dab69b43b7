"""A first start: the welcome page asks the name and the interface language, then opens the
demo, a project or a new one (issue 13, point 4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.window_scene import ini_settings, new_project
from workbench.ui import i18n
from workbench.ui.i18n import Language
from workbench.ui.settings import WorkbenchSettings
from workbench.ui.welcome_page import WelcomePage

SCREENSHOTS = Path("/tmp/fm")


def commit_text(widget: QWidget, text: str) -> None:
    """Arabic as an input method delivers it (QTest's key helpers abort on non-ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def settings(tmp_path: Path) -> WorkbenchSettings:
    return ini_settings(tmp_path / "settings.ini")


@pytest.fixture
def page(qtbot: QtBot, settings: WorkbenchSettings, tmp_path: Path) -> Iterator[WelcomePage]:
    demo = tmp_path / "demo.tawsim"
    new_project(demo).close()
    welcome = WelcomePage(settings, demo)
    qtbot.addWidget(welcome)
    with qtbot.waitExposed(welcome):
        welcome.show()
    yield welcome
    i18n.set_language(Language.ENGLISH)


def test_the_choices_wait_for_a_name_then_the_demo_opens_with_it(
    qtbot: QtBot, page: WelcomePage, settings: WorkbenchSettings
) -> None:
    assert not page.demo_button.isEnabled()
    page.name_field.setFocus()
    commit_text(page.name_field, "سلمى")
    assert page.demo_button.isEnabled()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SCREENSHOTS / "welcome-en.png"))
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Down)  # العربية
    assert i18n.current_language() is Language.ARABIC and settings.language() is Language.ARABIC
    assert page.demo_button.text() == "افتح المشروع التجريبي"
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    page.grab().save(str(SCREENSHOTS / "welcome-ar.png"))
    with qtbot.waitSignal(page.projectChosen) as chosen:
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [page.demo]
    assert settings.annotator() == "سلمى"


def test_open_a_project_from_the_welcome_page(
    qtbot: QtBot, page: WelcomePage, settings: WorkbenchSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.tawsim"
    new_project(mine).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(mine), "")))
    qtbot.keyClicks(page.name_field, "salma")
    with qtbot.waitSignal(page.projectChosen) as chosen:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [mine]
    assert settings.annotator() == "salma"


def test_enter_after_the_name_opens_the_demo(qtbot: QtBot, page: WelcomePage, settings: WorkbenchSettings) -> None:
    """Found driving the real window under X: a newcomer types the name and presses Enter, and
    nothing happened (the demo button is the default one, but a default button answers Enter
    only in a dialog, and the page is not one)."""
    page.name_field.setFocus()
    qtbot.keyClick(page.name_field, Qt.Key.Key_Return)  # no name yet: nothing to open
    commit_text(page.name_field, "سلمى")
    with qtbot.waitSignal(page.projectChosen, timeout=2000) as chosen:
        qtbot.keyClick(page.name_field, Qt.Key.Key_Return)
    assert chosen.args == [page.demo]
    assert settings.annotator() == "سلمى"


def test_enter_with_a_blank_name_opens_nothing(qtbot: QtBot, page: WelcomePage) -> None:
    page.name_field.setFocus()
    with qtbot.assertNotEmitted(page.projectChosen, wait=200):
        qtbot.keyClicks(page.name_field, "   ")
        qtbot.keyClick(page.name_field, Qt.Key.Key_Return)
