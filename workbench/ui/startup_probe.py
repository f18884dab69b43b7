"""``workbench --startup-probe``: how long the program takes to show its window, then quit.

It starts as ``workbench`` without a command does (the Qt application, the demo project built on
first launch, the main window) and prints one line the moment the annotation view first paints
its text, then quits. The one difference: the annotator is a fixed name passed to the window,
so that nothing is asked and the user's remembered name is left alone.

The line holds the wall-clock time of that paint, so that a caller who noted when it launched
the process gets the whole start-up (loading the executable and Python included); the CPU time
the process had used by then, which is what the start-up costs on a machine with a core free
(a busy machine stretches the wall time, not this); and the milliseconds spent here, from the
first Qt call to the paint.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from workbench.app.demo import ensure_demo_project
from workbench.app.project import Project
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.app import application

PROBE_ANNOTATOR = "startup-probe"
TIMEOUT_MS = 30_000
WINDOW_SIZE = (1200, 800)


class FirstPaint(QObject):
    """Prints the probe's line at the first paint of the watched widget, then quits the app."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.seen = False
        self.cpu_ms = 0.0
        """The process's CPU time at the paint."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            # After this paint has finished. exit, not quit: quit closes the application for
            # good (Qt stops sending it palette changes), which the tests' one would not survive.
            QTimer.singleShot(0, lambda: QApplication.exit(0))
            gui_ms = (time.perf_counter() - self.started) * 1000
            self.cpu_ms = cpu_ms = time.process_time() * 1000
            print(
                f"startup-probe: window painted at {time.time():.3f} (epoch s), "
                f"{cpu_ms:.0f} ms of CPU since the process started, "
                f"{gui_ms:.0f} ms after the GUI start began",
                flush=True,
            )
        return False


def run_with_deadline(app: QApplication) -> int:
    """Run the event loop, ended with 1 after ``TIMEOUT_MS``. The deadline is stopped when the
    loop ends: left pending, it would end whatever loop runs ``TIMEOUT_MS`` later in this process."""
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: app.exit(1))
    deadline.start(TIMEOUT_MS)
    try:
        return app.exec()
    finally:
        deadline.stop()


def run_startup_probe() -> int:
    """0 once the window has painted; 1 if it did not within ``TIMEOUT_MS``."""
    started = time.perf_counter()
    app = application()
    with Project.open(ensure_demo_project()) as project:
        window = MainWindow(project, PROBE_ANNOTATOR)
        view = window.findChild(AnnotatedTextView)
        watched = view.viewport() if view is not None else window
        probe = FirstPaint(started)
        watched.installEventFilter(probe)
        window.resize(*WINDOW_SIZE)
        window.show()
        code = run_with_deadline(app)
        window.close()
    if not probe.seen:
        print(f"startup-probe: the window did not paint within {TIMEOUT_MS} ms", flush=True)
        return 1
    return code
