"""Waiting until a window shown in a test is on the screen, or is the active window.

pytest-qt's ``qtbot.waitExposed`` and ``qtbot.waitActive`` are context managers, to wrap what
shows or activates the window: called alone, they return without waiting for anything. These
wait for what has been asked already."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def wait_exposed(qtbot: QtBot, widget: QWidget) -> None:
    """Wait until the window of ``widget``, shown already, is on the screen."""
    qtbot.waitUntil(lambda: (handle := widget.window().windowHandle()) is not None and handle.isExposed())


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active window and wait until it is, so that keys go to it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
