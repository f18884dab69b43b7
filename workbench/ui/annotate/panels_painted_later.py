"""Giving the next frame to the text view after a change.

The panels a change touches (the span list, whose rows move, the inspector, the status bar) are
painted in the turn of the event loop after the text view, so that a new span
shows within one frame even beside 10,000 others. Their models and contents change at once; only
their painting waits. A panel painted later is painted whole: Qt forgets what changed in it
while its updates are off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget


class PanelsPaintedLater(QObject):
    """``after_the_text()`` stops painting ``panels()`` until the next turn of the event loop."""

    def __init__(self, parent: QObject, panels: Callable[[], Sequence[QWidget]]) -> None:
        super().__init__(parent)
        self._panels = panels
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(lambda: self._paint(True))

    def after_the_text(self) -> None:
        self._paint(False)
        self._timer.start()

    def _paint(self, enabled: bool) -> None:
        for panel in self._panels():
            panel.setUpdatesEnabled(enabled)
