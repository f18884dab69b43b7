"""What each of the annotator's window's menu actions and keys (``actions.py``) does: a table
from action to slot, connected once as the window is built."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

Slot = Callable[[], object]


def connect_actions(window: MainWindow) -> None:
    """Each action triggers its slot; undo and redo start disabled, as do the suggestion keys
    until there is a suggestion."""
    actions = window.menu_actions
    for action, slot in action_slots(window).items():
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
    actions.undo.setEnabled(False)
    actions.redo.setEnabled(False)
    window.labelling.enable_suggestion_keys()


def action_slots(window: MainWindow) -> dict[QAction, Slot]:
    """The window's actions, each with what it does (one action a label, language and theme)."""
    actions = window.menu_actions
    labelling, preferences, project_menu = window.labelling, window.preferences, window.project_menu
    slots: dict[QAction, Slot] = {
        actions.quit: window.close,
        actions.undo: window.undo_stack.undo,
        actions.redo: window.undo_stack.redo,
        actions.delete_span: labelling.delete_selected_span,
        actions.mark_done: window.toggle_done,
        actions.find: window.show_search,
        actions.find_next: window.search_panel.next_match,
        actions.find_previous: window.search_panel.previous_match,
        actions.next_suggestion: partial(labelling.go_to_suggestion, 1),
        actions.previous_suggestion: partial(labelling.go_to_suggestion, -1),
        actions.accept_suggestion: labelling.accept_suggestion,
        actions.accept_everywhere: labelling.accept_everywhere,
        actions.reject_suggestion: labelling.reject_suggestion,
        actions.next_document: partial(window.go_to_neighbour, 1),
        actions.previous_document: partial(window.go_to_neighbour, -1),
        actions.choose_font: preferences.choose_font,
        actions.zoom_in: partial(preferences.zoom, 1),
        actions.zoom_out: partial(preferences.zoom, -1),
        actions.reset_zoom: preferences.reset_zoom,
        actions.reset_layout: preferences.reset_layout,
        actions.label_tags: lambda: preferences.set_label_tags(actions.label_tags.isChecked()),
        actions.all_arcs: lambda: preferences.set_all_arcs(actions.all_arcs.isChecked()),
        actions.keys: preferences.show_keys,
        actions.export: project_menu.export,
        actions.merge_packages: project_menu.merge_packages,
        actions.replaced_versions: project_menu.replaced_versions,
        actions.assignments: project_menu.manage_assignments,
        actions.agreement: project_menu.open_agreement,
        actions.adjudicate: project_menu.open_adjudication,
    }
    for label, action in actions.label.items():
        slots[action] = partial(labelling.apply_label, label)
    for language, action in actions.languages.items():
        slots[action] = partial(window.set_language, language)
    for theme, action in actions.themes.items():
        slots[action] = partial(preferences.set_theme, theme)
    return slots
