"""Choosing a menu entry as a user does: a click on the menu's title in the menu bar, then the
keyboard down the entries (arrows into submenus, Enter on the one wanted).

The keyboard rather than the pointer inside the menus: offscreen, a pointer moved over a popup
menu after other windows came and went does not always reach it, and a submenu opens on hover.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.window_waits import activate


def open_menu(qtbot: QtBot, window: QMainWindow, *menus: QMenu) -> QMenu:
    """Click the first menu's title in the menu bar, then go into each submenu; the last menu,
    shown."""
    activate(qtbot, window)
    bar = window.menuBar()
    first, *submenus = menus
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(first.menuAction()).center())
    qtbot.waitUntil(first.isVisible)
    shown = first
    for submenu in submenus:
        go_to_entry(qtbot, shown, submenu.menuAction())
        inward = Qt.Key.Key_Right if shown.isLeftToRight() else Qt.Key.Key_Left
        qtbot.keyClick(shown, inward)
        qtbot.waitUntil(submenu.isVisible)
        shown = submenu
    return shown


def go_to_entry(qtbot: QtBot, menu: QMenu, action: QAction) -> None:
    """Arrow down the menu until ``action`` is the active entry."""
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is action:
            return
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    raise AssertionError(f"{action.text()!r} is not an entry of the menu {menu.title()!r}")


def choose_from_menu(qtbot: QtBot, window: QMainWindow, *path: QMenu | QAction) -> None:
    """``path``: the menu, its submenus in turn, the action chosen."""
    *menus, action = path
    assert menus and all(isinstance(menu, QMenu) for menu in menus) and isinstance(action, QAction)
    shown = open_menu(qtbot, window, *menus)  # type: ignore[arg-type]
    go_to_entry(qtbot, shown, action)
    qtbot.keyClick(shown, Qt.Key.Key_Return)
