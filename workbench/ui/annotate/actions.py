"""The window's actions and menus: their shortcuts here, their texts in ``retranslate``.

The window connects each action to what it does; keeping them apart from the window keeps the
window about annotating and this about keys and menu texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from workbench.core.schema import EntityType
from workbench.ui.i18n import Language, display_name
from workbench.ui.theme import Theme

StandardKey = QKeySequence.StandardKey
Choice = TypeVar("Choice", bound=StrEnum)


class WindowActions(QObject):
    def __init__(self, window: QMainWindow, labels: Sequence[EntityType], text_view: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._labels = list(labels)
        self.quit = self._action(StandardKey.Quit)
        self.undo = self._action(StandardKey.Undo)
        self.redo = self._action("Ctrl+Shift+Z", "Ctrl+Y")
        self.delete_span = self._action(StandardKey.Delete)
        self.mark_done = self._action("Ctrl+Return", "Ctrl+Enter")
        self.mark_done.setCheckable(True)
        self.find = self._action(StandardKey.Find)
        self.find_next = self._action("F3")
        self.find_previous = self._action("Shift+F3")
        self.next_suggestion = self._action("F4")
        self.previous_suggestion = self._action("Shift+F4")
        self.accept_suggestion = self._view_action(text_view, "Return", "Enter")
        self.accept_everywhere = self._view_action(text_view, "Shift+Return", "Shift+Enter")
        self.reject_suggestion = self._view_action(text_view, "Escape", "Backspace")
        self.accept_above = self._action()
        self.fill_suggestions = self._action()
        self.statistics = self._action()
        self.label = {label.id: self._action(*_hotkeys(label)) for label in self._labels}
        self.next_document = self._action()
        self.previous_document = self._action()
        self.choose_font = self._action()
        self.zoom_in = self._action(StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out = self._action(StandardKey.ZoomOut)
        self.reset_zoom = self._action("Ctrl+0")
        self.reset_layout = self._action()
        self.label_tags = self._action()
        self.label_tags.setCheckable(True)
        self.all_arcs = self._action()
        self.all_arcs.setCheckable(True)
        self.keys = self._action("F1")
        self.languages = self._choice_actions(Language)
        for language, action in self.languages.items():
            action.setText(language.native_name)
        self.themes = self._choice_actions(Theme)
        self.export = self._action("Ctrl+E")
        self.merge_packages = self._action()
        self.replaced_versions = self._action()
        self.assignments = self._action()
        self.agreement = self._action()
        self.adjudicate = self._action()
        self.menus = self._build_menus()
        self.retranslate()

    def _action(self, *keys: str | StandardKey) -> QAction:
        action = QAction(self._window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        self._window.addAction(action)
        return action

    def _view_action(self, view: QWidget, *keys: str) -> QAction:
        """An action whose keys work only while the text view has the focus: Enter and Escape
        mean other things in the search field and the dialogs."""
        action = QAction(view)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        view.addAction(action)
        return action

    def _choice_actions(self, choices: Iterable[Choice]) -> dict[Choice, QAction]:
        """One checkable action per choice, only one of them checked."""
        group = QActionGroup(self)
        actions = {}
        for choice in choices:
            action = QAction(self._window, checkable=True)
            action.setData(choice.value)
            group.addAction(action)
            actions[choice] = action
        return actions

    def _build_menus(self) -> dict[str, QMenu]:
        bar = self._window.menuBar()
        names = ("file", "edit", "label", "go", "project", "view", "help")
        menus = {name: bar.addMenu("") for name in names}
        menus["file"].addActions([self.export, self.merge_packages, self.replaced_versions])
        menus["file"].addSeparator()
        menus["file"].addAction(self.quit)
        menus["project"].addActions([self.export, self.assignments, self.agreement, self.adjudicate])
        menus["project"].addActions([self.fill_suggestions, self.statistics])
        edit = menus["edit"]
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.delete_span, self.mark_done])
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addActions(
            [
                self.next_suggestion, self.previous_suggestion, self.accept_suggestion,
                self.accept_everywhere, self.reject_suggestion,
            ]
        )
        edit.addAction(self.accept_above)
        menus["label"].addActions(list(self.label.values()))
        menus["go"].addActions([self.next_document, self.previous_document])
        view = menus["view"]
        view.addAction(self.choose_font)
        view.addActions([self.zoom_in, self.zoom_out, self.reset_zoom])
        view.addSeparator()
        view.addActions([self.label_tags, self.all_arcs])
        view.addSeparator()
        menus["panels"] = view.addMenu("")
        view.addAction(self.reset_layout)
        menus["language"] = view.addMenu("")
        menus["language"].addActions(list(self.languages.values()))
        menus["theme"] = view.addMenu("")
        menus["theme"].addActions(list(self.themes.values()))
        menus["help"].addAction(self.keys)
        return menus

    def set_reading_direction(self, direction: Qt.LayoutDirection) -> None:
        """Alt+arrow goes the way the interface reads: in Arabic, Alt+Left is the next document."""
        forward, back = "Alt+Right", "Alt+Left"
        if direction == Qt.LayoutDirection.RightToLeft:
            forward, back = back, forward
        self.next_document.setShortcut(QKeySequence(forward))
        self.previous_document.setShortcut(QKeySequence(back))

    def retranslate(self) -> None:
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "label": self.tr("&Label"),
            "go": self.tr("&Go"),
            "project": self.tr("&Project"),
            "view": self.tr("&View"),
            "help": self.tr("&Help"),
            "panels": self.tr("Panels"),
            "language": self.tr("Language"),
            "theme": self.tr("Theme"),
        }
        for name, title in titles.items():
            self.menus[name].setTitle(title)
        texts = {
            self.quit: self.tr("Quit"),
            self.export: self.tr("Export…"),
            self.merge_packages: self.tr("Merge packages…"),
            self.replaced_versions: self.tr("Replaced versions…"),
            self.assignments: self.tr("Assignments and packages…"),
            self.agreement: self.tr("Agreement…"),
            self.adjudicate: self.tr("Adjudicate…"),
            self.delete_span: self.tr("Delete span"),
            self.mark_done: self.tr("Document done"),
            self.find: self.tr("Find…"),
            self.find_next: self.tr("Find next"),
            self.find_previous: self.tr("Find previous"),
            self.next_suggestion: self.tr("Next suggestion"),
            self.previous_suggestion: self.tr("Previous suggestion"),
            self.accept_suggestion: self.tr("Accept suggestion"),
            self.accept_everywhere: self.tr("Accept it everywhere in the document"),
            self.reject_suggestion: self.tr("Reject suggestion"),
            self.accept_above: self.tr("Accept suggestions above…"),
            self.fill_suggestions: self.tr("Fill suggestions"),
            self.statistics: self.tr("Statistics…"),
            self.next_document: self.tr("Next document"),
            self.previous_document: self.tr("Previous document"),
            self.choose_font: self.tr("Font…"),
            self.zoom_in: self.tr("Larger text"),
            self.zoom_out: self.tr("Smaller text"),
            self.reset_zoom: self.tr("Default text size"),
            self.reset_layout: self.tr("Reset layout"),
            self.label_tags: self.tr("Label tags"),
            self.all_arcs: self.tr("Show all arcs"),
            self.keys: self.tr("Keys…"),
            self.themes[Theme.SYSTEM]: self.tr("As the system"),
            self.themes[Theme.LIGHT]: self.tr("Light"),
            self.themes[Theme.DARK]: self.tr("Dark"),
        }
        for action, text in texts.items():
            action.setText(text)
        for label in self._labels:
            self.label[label.id].setText(f"{display_name(label)} ({label.id})")

    def undo_text(self, command_text: str) -> str:
        return self.tr("Undo %1").replace("%1", command_text) if command_text else self.tr("Undo")

    def redo_text(self, command_text: str) -> str:
        return self.tr("Redo %1").replace("%1", command_text) if command_text else self.tr("Redo")


def _hotkeys(label: EntityType) -> tuple[str, ...]:
    return (label.hotkey,) if label.hotkey else ()
