"""The Guidelines panel (issue 13, point 9): the project's guidelines document rendered from its
Markdown with its version, the schema's definitions under it in the interface language, a search
that highlights what is typed; opened from View > Panels, mirrored in Arabic. Before, the
guidelines lived nowhere in the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.menu_clicks import choose_from_menu
from tests.ui.window_scene import ANNOTATOR, WindowScene, ini_settings, new_project, scene, show_window  # noqa: F401
from workbench.app.guidelines import search_guidelines, set_guidelines
from workbench.ui import i18n
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language
from workbench.ui.theme import Theme, theme_switch

GUIDELINES = """# Conflict news guidelines

Label every **attack** on people or places with its trigger.

## Attacks

- An attack needs an attacker or a target.
- هجوم على حاجز: label the attack, then its target.
"""
SCREENSHOTS = Path("/tmp/guide-ui")


@pytest.fixture
def guided(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    """A window on a project whose guidelines were set (`workbench guidelines`)."""
    source = tmp_path / "guidelines.md"
    source.write_text(GUIDELINES, encoding="utf-8")
    with new_project(tmp_path / "guided.tawsim") as project:
        set_guidelines(project, source)
        window = show_window(qtbot, MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "s.ini")))
        yield window
        window.close()
    i18n.set_language(Language.ENGLISH)
    theme_switch().set_theme(Theme.SYSTEM)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)


def open_panel(qtbot: QtBot, window: MainWindow) -> None:
    """View > Panels > Guidelines, as a user chooses it: off, then on again (it starts shown)."""
    dock = window.docks["guidelines"]
    actions = window.menu_actions
    for _ in range(2):
        choose_from_menu(qtbot, window, actions.menus["view"], actions.menus["panels"], dock.toggleViewAction())
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
@pytest.mark.parametrize("language", list(Language))
def test_the_panel_shows_the_document_its_version_and_the_definitions(
    qtbot: QtBot, guided: MainWindow, language: Language, theme: Theme
) -> None:
    window = guided
    window.set_language(language)
    window.preferences.set_theme(theme)
    open_panel(qtbot, window)
    panel = window.guide.panel
    dark = theme is Theme.DARK
    qtbot.waitUntil(lambda: (panel.browser.palette().base().color().lightnessF() < 0.5) is dark)
    shown = panel.browser.toPlainText()
    assert "Conflict news guidelines" in shown and "**" not in shown  # rendered, not the source
    arabic = language is Language.ARABIC
    assert ("شخص (PER)" if arabic else "Person (PER)") in shown
    assert ("من أو ما يُهاجَم أو يُستهدَف." if arabic else "Who or what is attacked or aimed at.") in shown
    assert panel.version.text().startswith("نسخة الإرشادات 1" if arabic else "Guidelines version 1 of ")
    dock = window.docks["guidelines"]
    assert (dock.x() > window.text_view.x()) is arabic  # the leading side, mirrored in Arabic
    assert dock.windowTitle() == ("الإرشادات" if arabic else "Guidelines")
    SCREENSHOTS.mkdir(exist_ok=True)
    assert dock.grab().save(str(SCREENSHOTS / f"guidelines-{language}-{theme}.png"))


def test_typing_in_the_search_highlights_every_match_and_enter_goes_to_the_next(
    qtbot: QtBot, guided: MainWindow
) -> None:
    open_panel(qtbot, guided)
    panel = guided.guide.panel
    qtbot.mouseClick(panel.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.search, "Attack")
    lines = search_guidelines(panel.markdown, "Attack")
    assert len(lines) >= 4  # the document's three and the definitions'
    assert panel.matches.text() == f"Lines that match: {len(lines)}"
    highlighted = panel.highlighted()
    assert len(highlighted) >= len(lines)
    assert {text.casefold() for text in highlighted} == {"attack"}
    assert panel.current_match == 0
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.current_match == 1
    selections = panel.browser.extraSelections()
    second = selections[1].cursor
    assert panel.browser.textCursor().position() == second.selectionEnd()  # scrolled to it
    panel.search.clear()
    commit_text(panel.search, "هجوم")
    assert len(panel.highlighted()) >= 2  # the document's line and the attack's definition
    assert set(panel.highlighted()) == {"هجوم"}
    commit_text(panel.search, "xyz")
    assert panel.highlighted() == [] and panel.matches.text() == "No match"


def test_without_guidelines_the_panel_says_how_to_set_them(qtbot: QtBot, scene: WindowScene) -> None:
    open_panel(qtbot, scene.window)
    panel = scene.window.guide.panel
    shown = panel.browser.toPlainText()
    assert shown.startswith("No guidelines yet — set them with workbench guidelines PROJECT FILE.md")
    assert "Person (PER)" in shown  # the schema's definitions all the same
    assert panel.version.text() == ""
