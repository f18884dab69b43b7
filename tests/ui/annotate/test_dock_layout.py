"""View > Reset layout gives the panels the heights of a first start.

Closing the documents and spans panels, then Reset layout, squeezed the labels (327 → 136 px) and
the inspector (228 → 84 px, its fields cut) under the panels put back. The docks' heights settle
through Qt's event loop after ``QApplication.exec()`` has never run: this module's name sorts
before tests/ui/test_self_test.py, whose in-process startup probe runs it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.annotate.test_window_layout import IN_FRONT, SHOWN_BY_DEFAULT, choose_from_menu, shown_panels
from tests.ui.window_scene import WindowScene, scene  # noqa: F401
from workbench.ui.annotate.main_window import MainWindow


def front_heights(window: MainWindow) -> dict[str, int]:
    return {name: window.docks[name].height() for name in IN_FRONT}


def test_reset_layout_gives_the_panels_their_first_start_heights(
    scene: WindowScene,
) -> None:
    window, qtbot = scene.window, scene.qtbot
    first = front_heights(window)
    for name in ("documents", "spans"):
        close = window.docks[name].findChild(QAbstractButton, "qt_dockwidget_closebutton")
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    actions = window.menu_actions
    choose_from_menu(qtbot, window, actions.menus["view"], actions.reset_layout)
    qtbot.waitUntil(lambda: shown_panels(window) == SHOWN_BY_DEFAULT)

    def as_first() -> None:
        now = front_heights(window)
        assert all(abs(now[name] - first[name]) < 10 for name in first), (first, now)

    qtbot.waitUntil(as_first)
