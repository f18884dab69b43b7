"""Light or dark: the theme follows the system's colour scheme (Qt 6.5+ ``QStyleHints``) unless
the annotator chose Light or Dark in View > Theme (remembered in the settings).

The application runs the Fusion style (``app.application``) everywhere, so the two palettes are
ours and look the same on every system. The dark one keeps the annotation view readable: span
backgrounds are the label colours laid translucently over its base, and the text stays at a
contrast of at least 4.5 against each of them (``tests/ui/test_theme.py`` measures it).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1c1c1c",
    Role.AlternateBase: "#2f2f2f",
    Role.Text: "#f0f0f0",
    Role.BrightText: "#ffffff",
    Role.Button: "#353535",
    Role.ButtonText: "#e8e8e8",
    Role.Highlight: "#3d6fb4",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#2b2b2b",
    Role.ToolTipText: "#e8e8e8",
    Role.PlaceholderText: "#9a9a9a",
    Role.Link: "#7fb0ff",
    Role.Light: "#505050",
    Role.Midlight: "#404040",
    Role.Mid: "#444444",
    Role.Dark: "#202020",
    Role.Shadow: "#101010",
}
DISABLED_TEXT = "#7a7a7a"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return palette


def light_palette() -> QPalette:
    """The Fusion style's own palette (the application runs Fusion)."""
    return QApplication.style().standardPalette()


class ThemeSwitch(QObject):
    """The application's theme: ``set_theme`` chooses one; under ``Theme.SYSTEM`` a change of
    the system's scheme changes the palette at once."""

    changed = Signal(bool)
    """The palette changed: dark (True) or light."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.theme = Theme.SYSTEM
        app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply(self._app.styleHints().colorScheme())

    @property
    def dark(self) -> bool:
        return palette_is_dark()

    def _system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.theme is Theme.SYSTEM:
            self._apply(scheme)

    def _apply(self, system_scheme: Qt.ColorScheme) -> None:
        dark = self.theme is Theme.DARK or (
            self.theme is Theme.SYSTEM and system_scheme == Qt.ColorScheme.Dark
        )
        self._app.setPalette(dark_palette() if dark else light_palette())
        self.changed.emit(dark)


def palette_is_dark() -> bool:
    """Whether the application's palette is a dark one (whichever way it was set)."""
    return QApplication.palette().color(Role.Window).lightnessF() < 0.5


def theme_switch() -> ThemeSwitch:
    """The application's one switch (made on first use)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication must exist"
    switch = app.findChild(ThemeSwitch)
    return switch if isinstance(switch, ThemeSwitch) else ThemeSwitch(app)
