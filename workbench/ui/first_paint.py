"""Background work that would hold up a window's first paint, started after it.

A worker thread running Python holds the GIL most of the time, and the window's thread, making
and painting the window, waits for it at every turn. The document list's index of a project of
100,000 documents (7 s of a worker thread), started as the window was made, held the first paint
back from 0.55-0.63 s to 1.33-1.58 s of processor time after the program started
(tests/benchmarks/test_window_scale_bench.py). Such work starts a round of events after the
widget's first paint, or after ``LATEST_MS`` if it is not painted by then (a window opened
minimised, or not shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 1000


def after_first_paint(widget: QWidget, action: Callable[[], object], latest_ms: int | None = None) -> None:
    """Run ``action`` once, a round of events after ``widget`` first paints (or after
    ``latest_ms``, by default ``LATEST_MS``); never once the widget is gone."""
    _AfterFirstPaint(widget, action, LATEST_MS if latest_ms is None else latest_ms)


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], object], latest_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action: Callable[[], object] | None = action
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            self._widget.removeEventFilter(self)
            action()
