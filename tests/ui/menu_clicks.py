"""Choosing a menu entry as a user does: a click on the menu's title in the menu bar, then on
each entry down to the one wanted (submenus open on the click)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot


def choose_from_menu(qtbot: QtBot, window: QMainWindow, *path: QMenu | QAction) -> None:
    """``path``: the menu, its submenus in turn, the action chosen."""
    *menus, action = path
    assert menus and all(isinstance(menu, QMenu) for menu in menus)
    bar = window.menuBar()
    first = menus[0]
    assert isinstance(first, QMenu)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(first.menuAction()).center())
    qtbot.waitUntil(first.isVisible)
    for menu, entry in zip(menus, [*menus[1:], action]):
        assert isinstance(menu, QMenu)
        target = entry.menuAction() if isinstance(entry, QMenu) else entry
        qtbot.mouseMove(menu, menu.actionGeometry(target).center())
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(target).center())
        if isinstance(entry, QMenu):
            qtbot.waitUntil(entry.isVisible)
