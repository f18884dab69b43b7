"""How the annotator's window looks, as the annotator sets it: the text's font and size (zoom),
the label tags and the arcs shown, the interface language (an Arabic interface is mirrored), the
theme and the panels' layout put back. Each is remembered in the settings, when the window has them. The
table of keys (F1) opens from here too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QFontDialog

from workbench.ui import fonts, i18n
from workbench.ui.annotate.key_sheet import KeySheet
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
        if window.settings is not None:
            self.set_label_tags(window.settings.label_tags())
            self.set_all_arcs(window.settings.all_arcs())
        else:
            self.set_label_tags(window.text_view.tags_shown)

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

    def set_label_tags(self, shown: bool) -> None:
        """View > Label tags: the labels' short names above the spans, or colour only."""
        window = self._window
        window.text_view.set_tags_shown(shown)
        window.menu_actions.label_tags.setChecked(shown)
        if window.settings is not None:
            window.settings.set_label_tags(shown)

    def set_all_arcs(self, shown: bool) -> None:
        """View > Show all arcs: every event's arcs, or only the selected event's."""
        window = self._window
        window.events.overlay.set_all_arcs_shown(shown)
        window.menu_actions.all_arcs.setChecked(shown)
        if window.settings is not None:
            window.settings.set_all_arcs(shown)

    def show_keys(self) -> KeySheet:
        """Help > Keys (F1): every key of the window, with the schema's hotkeys."""
        window = self._window
        hotkeys = [
            (action.shortcut().toString(), action.text())
            for action in window.menu_actions.label.values()
            if not action.shortcut().isEmpty()
        ]
        hotkeys += [
            (event_type.hotkey, i18n.display_name(event_type))
            for event_type in window.schema.event_types
            if event_type.hotkey
        ]
        sheet = KeySheet(hotkeys, window, window.relations.document_panel.hotkeys())
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        return sheet
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
