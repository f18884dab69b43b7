"""How the annotator's window looks, as the annotator sets it: the text's font and size (zoom),
the interface language (an Arabic interface is mirrored), the theme and the panels' layout put back. Each is
remembered in the settings, when the window has them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFontDialog

from workbench.ui import fonts, i18n
from workbench.ui.i18n import Language
from workbench.ui.theme import Theme, theme_switch

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow


DEFAULT_SIZE = (1280, 800)


class ViewPreferences(QObject):
    """The View menu's font, zoom, language and layout entries for ``window``; the window's
    size, panels, font and language as remembered."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def restore(self, language: Language) -> None:
        """The layout, the language and the text's font as the settings have them."""
        window = self._window
        self._restore_layout(language)
        window.set_language(language)
        self.set_theme(window.settings.theme() if window.settings else theme_switch().theme)
        family, size = window.settings.font() if window.settings else (None, None)
        if family:
            window.text_view.set_font_family(family)
        if size:
            window.text_view.set_font_size(size)

    def _restore_layout(self, language: Language) -> None:
        """The window's size and panels as saved, in the direction they were saved for (an
        older saved layout: the interface language's); else the default layout."""
        window = self._window
        geometry, state = window.settings.window_layout() if window.settings else (None, None)
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(*DEFAULT_SIZE)
        saved_for = window.settings.window_layout_direction() if window.settings else None
        if state is None or not window.dock_layout.restore(state, saved_for or language.direction):
            window.dock_layout.reset(language.direction)

    def remember(self) -> None:
        """Keep the window's size, panels and font in the settings (at closing)."""
        window = self._window
        if window.settings is not None:
            layout = (window.saveGeometry(), window.saveState(), window.dock_layout.direction)
            window.settings.set_window_layout(*layout)
            self.remember_font()

    def reset_layout(self) -> None:
        """View > Reset layout: every panel in its default place for the interface language."""
        self._window.dock_layout.reset(i18n.current_language().direction)

    def remember_font(self) -> None:
        window = self._window
        if window.settings is not None:
            window.settings.set_font(window.text_view.font().family(), window.text_view.font_size())

    def choose_font(self) -> None:
        window = self._window
        accepted, font = QFontDialog.getFont(window.text_view.font(), window, self.tr("Text font"))
        if accepted:
            self.set_text_font(font.family(), font.pointSize())

    def set_text_font(self, family: str, point_size: int) -> None:
        self._window.text_view.set_font_family(family)
        self._window.text_view.set_font_size(point_size)
        self.remember_font()

    def zoom(self, delta: int) -> None:
        self._window.text_view.zoom(delta)
        self.remember_font()

    def reset_zoom(self) -> None:
        self._window.text_view.set_font_size(fonts.DEFAULT_POINT_SIZE)
        self.remember_font()

    def set_theme(self, theme: Theme) -> None:
        """View > Theme: light, dark, or as the system's colour scheme is (remembered)."""
        theme_switch().set_theme(theme)
        self._window.menu_actions.themes[theme].setChecked(True)
        if self._window.settings is not None:
            self._window.settings.set_theme(theme)

    def set_language(self, language: Language) -> None:
        """Switch the interface language now; an Arabic interface is mirrored."""
        window = self._window
        i18n.set_language(language)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # retranslate now
        window.menu_actions.set_reading_direction(language.direction)
        window.menu_actions.languages[language].setChecked(True)
        window.dock_layout.mirror(language.direction)
        window.events.set_language(language.value)
        window.retranslate()
        if window.settings is not None:
            window.settings.set_language(language)
