"""Paths shown inside Arabic sentences and menus keep their slashes where they belong: a path
left to the paragraph's direction read ``tmp/out/gold.jsonl/`` after «إلى» in the status bar,
and ``news.tawsim/مشاريع/home/amal/`` in File > Open recent (seen in a window under Xvfb)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.lead_scene import save_screenshot
from tests.ui.menu_clicks import choose_from_menu, open_menu
from tests.ui.window_scene import ANNOTATOR, Confirmations, ini_settings, new_project, show_window
from workbench.ui import i18n
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language, isolated
from workbench.ui.lead.export_dialog import ExportDialog

WAIT_MS = 20_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with new_project(tmp_path / "window.tawsim") as project:
        window = MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "settings.ini"), Confirmations())
        show_window(qtbot, window)
        window.set_language(Language.ARABIC)
        yield window
        window.close()
    i18n.set_language(Language.ENGLISH)


def test_the_status_bar_names_the_export_left_to_right(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    choose_from_menu(qtbot, window, window.menu_actions.menus["project"], window.menu_actions.export)
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    out = tmp_path / "مشاريع" / "gold.jsonl"
    dialog.set_output(out)
    assert isolated(str(out.parent)) in dialog.hint_label.text()  # «the folder ... does not exist»
    out.parent.mkdir()
    dialog.set_output(out)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.start_export()

    message = window.statusBar().currentMessage()
    assert isolated(str(out)) in message
    assert message.startswith("صُدِّر")
    save_screenshot(window.statusBar(), "exported-path-ar")


def test_open_recent_lists_the_projects_left_to_right(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.settings is not None
    recent = tmp_path / "مشاريع" / "news.tawsim"
    recent.parent.mkdir()
    new_project(recent).close()
    window.settings.add_recent_project(recent)
    menus = window.file_menu
    open_menu(qtbot, window, window.menu_actions.menus["file"], menus.recent_menu)
    assert [action.text() for action in menus.recent_menu.actions()] == [isolated(str(recent))]
    save_screenshot(menus.recent_menu, "open-recent-ar")
