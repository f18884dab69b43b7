"""The window's panels: every one shown on any locale, first start or not, and View > Reset
layout (issue 12, point 2).

A first start with an Arabic locale runs in a child process with ``LANG=ar_EG.UTF-8`` (Qt reads the
system locale once). A kill is simulated by a child that switches to Arabic, lets the settings be
written as a running app does, and kills itself: no layout is saved, as after a crash.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.ui.window_scene import ANNOTATOR, WindowScene, ini_settings, new_project, scene  # noqa: F401
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.annotate.main_window import DEFAULT_SIDE_WIDTHS, MainWindow
from workbench.ui.i18n import Language

SHOWN_BY_DEFAULT = [
    "documents", "labels", "spans", "inspector", "event types", "events", "event",
    "guidelines", "relations", "document",
]
IN_FRONT = ["documents", "labels", "spans", "inspector"]
LEADING = ["documents", "labels"]

CHILD = """
import json, os, signal, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from workbench.store.project import Project
from workbench.ui.app import application
from workbench.ui.i18n import Language
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.settings import WorkbenchSettings

app = application()
project_path, settings_path, steps = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split(",")
settings = WorkbenchSettings(QSettings(settings_path, QSettings.Format.IniFormat))
project = Project.open(project_path)

def open_window():
    window = MainWindow(project, "amal", settings)
    window.show()
    app.processEvents()
    return window

for step in steps:
    if step == "close-in-english":  # a clean close: the layout is saved, in English
        window = open_window()
        window.menu_actions.languages[Language.ENGLISH].trigger()
        window.close()
    elif step == "kill-in-arabic":  # the settings a running app has written, then a kill
        window = open_window()
        window.menu_actions.languages[Language.ARABIC].trigger()
        settings.sync()
        os.kill(os.getpid(), signal.SIGKILL)
    elif step == "report":  # a first start: which panels show, and on which side
        window = open_window()
        text_x = window.text_view.geometry().center().x()
        print(json.dumps({
            name: [dock.isVisible(), dock.geometry().center().x() > text_x]
            for name, dock in window.docks.items()
        }))
"""


def run_child(steps: str, project_path: Path, settings_path: Path, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(project_path), str(settings_path), steps],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )
    if steps.endswith("kill-in-arabic"):
        assert result.returncode == -9, result.stderr
    else:
        assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "layout.tawsim"
    new_project(path).close()
    return path


@pytest.fixture
def reset_language() -> Iterator[None]:
    yield
    i18n.set_language(Language.ENGLISH)


def shown_panels(window: MainWindow) -> list[str]:
    return [name for name, dock in window.docks.items() if dock.isVisible()]


def panels_in_front(window: MainWindow) -> list[str]:
    return [name for name, dock in window.docks.items() if not dock.visibleRegion().isEmpty()]


def leading_side_is_right(window: MainWindow) -> bool:
    text_x = window.text_view.geometry().center().x()
    return all(window.docks[name].geometry().center().x() > text_x for name in LEADING)


def side_widths_are_the_defaults(window: MainWindow) -> bool:
    widths = (window.docks["documents"].width(), window.docks["spans"].width())
    return all(abs(width - default) < 10 for width, default in zip(widths, DEFAULT_SIDE_WIDTHS, strict=True))


def show(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def choose_from_menu(qtbot: QtBot, window: MainWindow, menu: QMenu, action: QAction) -> None:
    """Click the menu's title in the menu bar, then the entry, as a user does."""
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_a_first_start_with_an_arabic_locale_shows_every_panel_mirrored(
    project_file: Path, tmp_path: Path
) -> None:
    out = run_child("report", project_file, tmp_path / "first.ini", LANG="ar_EG.UTF-8", LC_ALL="")
    panels = json.loads(out)
    assert [name for name, (visible, _) in panels.items() if visible] == SHOWN_BY_DEFAULT
    assert all(panels[name][1] for name in LEADING)  # the leading side is the right in Arabic


@pytest.mark.parametrize("before", ["kill-in-arabic", "close-in-english,kill-in-arabic"])
def test_a_restart_after_a_kill_in_arabic_shows_every_panel_mirrored(
    qtbot: QtBot, project_file: Path, tmp_path: Path, before: str, reset_language: None
) -> None:
    settings_path = tmp_path / "killed.ini"
    run_child(before, project_file, settings_path)
    settings = ini_settings(settings_path)
    assert settings.language() is Language.ARABIC
    with Project.open(project_file) as project:
        window = show(qtbot, MainWindow(project, ANNOTATOR, settings))
        assert shown_panels(window) == SHOWN_BY_DEFAULT
        assert panels_in_front(window) == IN_FRONT
        assert leading_side_is_right(window)
        assert side_widths_are_the_defaults(window)  # as reset, or as saved and mirrored
        window.menu_actions.languages[Language.ENGLISH].trigger()
        qtbot.waitUntil(lambda: not leading_side_is_right(window))
        assert shown_panels(window) == SHOWN_BY_DEFAULT
        window.close()


def test_reset_layout_puts_every_panel_back_for_the_interface_language(
    scene: WindowScene,
) -> None:
    window, qtbot = scene.window, scene.qtbot
    for name in ("documents", "spans", "inspector"):
        close = window.docks[name].findChild(QAbstractButton, "qt_dockwidget_closebutton")
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    window.docks["event"].raise_()
    window.resizeDocks([window.docks["labels"]], [500], Qt.Orientation.Horizontal)
    assert "documents" not in shown_panels(window)
    actions = window.menu_actions
    actions.languages[Language.ARABIC].trigger()  # a submenu's popup is unreliable offscreen

    choose_from_menu(qtbot, window, actions.menus["view"], actions.reset_layout)
    qtbot.waitUntil(lambda: shown_panels(window) == SHOWN_BY_DEFAULT)
    qtbot.waitUntil(lambda: panels_in_front(window) == IN_FRONT)
    assert leading_side_is_right(window)
    qtbot.waitUntil(lambda: side_widths_are_the_defaults(window))  # the docks move animated

