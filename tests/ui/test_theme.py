"""View > Theme: light, dark, or as the system is; remembered; the dark palette keeps the span
colours readable (issue 13, point 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.menu_clicks import choose_from_menu
from tests.ui.window_scene import ANNOTATOR, WindowScene, ini_settings, scene, show_window  # noqa: F401
from workbench.core.schema import BUILTIN_SCHEMAS, builtin_schema
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.span_painting import BACKGROUND_ALPHA, SELECTED_BACKGROUND_ALPHA, background_alpha
from workbench.ui.annotate.view_span import HIGHLIGHT_COLORS, SpanKind
from workbench.ui.i18n import Language
from workbench.ui.label_style import label_colours
from workbench.ui.theme import Theme, dark_palette, theme_switch

SCREENSHOTS = Path("/tmp/fm")
MIN_CONTRAST = 4.5
"""WCAG AA for normal text."""


@pytest.fixture(autouse=True)
def light_again(qapp: QApplication) -> Iterator[None]:
    yield
    theme_switch().set_theme(Theme.SYSTEM)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5


def choose_theme(scene: WindowScene, theme: Theme) -> None:
    actions = scene.window.menu_actions
    choose_from_menu(scene.qtbot, scene.window, actions.menus["view"], actions.menus["theme"], actions.themes[theme])


def test_dark_and_light_from_the_view_menu_are_remembered(scene: WindowScene, tmp_path: Path) -> None:
    choose_theme(scene, Theme.DARK)
    assert is_dark()
    view = scene.window.text_view
    scene.qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.2)
    assert scene.settings.theme() is Theme.DARK
    SCREENSHOTS.mkdir(exist_ok=True)
    for language in Language:
        scene.window.set_language(language)
        QApplication.processEvents()
        assert scene.window.grab().save(str(SCREENSHOTS / f"dark-{language}.png"))

    theme_switch().set_theme(Theme.LIGHT)  # as another start would find it
    again = show_window(scene.qtbot, MainWindow(scene.project, ANNOTATOR, scene.settings))
    assert is_dark() and again.menu_actions.themes[Theme.DARK].isChecked()
    again.close()

    choose_theme(scene, Theme.LIGHT)
    assert not is_dark() and scene.settings.theme() is Theme.LIGHT
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark()  # chosen, not the system's


def test_as_the_system_follows_the_systems_scheme_when_it_changes(scene: WindowScene) -> None:
    choose_theme(scene, Theme.SYSTEM)
    assert scene.settings.theme() is Theme.SYSTEM
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark()


def contrast(one: QColor, other: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: str, alpha: int, base: QColor) -> QColor:
    share = alpha / 255
    top = QColor(colour)
    mixed = [
        round(c * share + b * (1 - share))
        for c, b in zip((top.red(), top.green(), top.blue()), (base.red(), base.green(), base.blue()), strict=True)
    ]
    return QColor(*mixed)


@pytest.mark.parametrize(("kind", "selected"), [("entity", False), ("entity", True), ("trigger", True)])
def test_the_text_stays_readable_on_every_built_in_label_colour_in_the_dark(kind: SpanKind, selected: bool) -> None:
    palette = dark_palette()
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    alpha = background_alpha(kind, selected, dark=True)
    colours = {
        f"{name}/{label}": colour
        for name in BUILTIN_SCHEMAS
        for label, colour in label_colours(builtin_schema(name)).items()
    }
    colours["search match"] = HIGHLIGHT_COLORS["match"]
    unreadable = {
        name: round(contrast(text, over(colour, alpha, base)), 2)
        for name, colour in colours.items()
        if contrast(text, over(colour, alpha, base)) < MIN_CONTRAST
    }
    assert unreadable == {}


def test_the_selected_span_stands_out_less_in_the_dark_only() -> None:
    assert background_alpha("entity", True, dark=False) == SELECTED_BACKGROUND_ALPHA
    assert BACKGROUND_ALPHA < background_alpha("entity", True, dark=True) < SELECTED_BACKGROUND_ALPHA
