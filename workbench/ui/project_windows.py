"""The open projects, one window each, and the requests to open another.

A project is opened from the command line (``workbench open PROJECT``, or the file association on
Windows, which runs that command), and on macOS also by a ``FileOpen`` event: Finder starts the
application without arguments, or finds it running, and sends the path of the .tawsim file that
was double-clicked or dropped on the Dock icon as an event. Each project gets its own window; a
project already open is brought to the front. A project's file is closed with its window.

A bare start opens the demo project, but only when nothing else was asked for. Finder's event
arrives once the event loop runs, after start-up: so the demo waits ``FILE_OPEN_WAIT_MS`` for it,
and a project asked for later still closes the demo if the annotator has not touched it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.app.project import Project, backup_before_update
from workbench.core.errors import WorkbenchError
from workbench.core.progress import Progress
from workbench.paths import APP_NAME
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.background import CancelCheck, run_in_background, writable
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated
from workbench.ui.settings import WorkbenchSettings

NameFor = Callable[[Project], str | None]
"""The annotator's name for a project's window; None when none was given (a question cancelled)."""

FILE_OPEN_WAIT_MS = 300 if sys.platform == "darwin" else 0
"""How long a bare start waits for a FileOpen event before it opens the demo project. Only macOS
sends the event; elsewhere the demo opens as soon as the event loop runs."""


class ProjectWindows(QObject):
    """Opens projects in windows, for the arguments given and for the application's FileOpen
    events; closes each project file when its window closes."""

    opened = Signal(object)
    """A project's window, newly opened and shown (a ``MainWindow``)."""

    def __init__(self, app: QApplication, settings: WorkbenchSettings, name_for: NameFor) -> None:
        super().__init__(app)
        self.settings = settings
        self.name_for = name_for
        self.windows: dict[Path, MainWindow] = {}
        self.demo: MainWindow | None = None
        """The demo project's window while a project asked for may still replace it."""
        self.asked = False
        """Whether a FileOpen event has asked for a project."""
        self.updating: set[Path] = set()
        """The project files being brought to this version (``_brought_up_to_date``)."""
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.asked = True
            window = self.open(Path(event.file()))
            if window is not None:
                self._close_untouched_demo(window)
            return True
        return False

    def open_demo_unless_asked(self, demo: Path) -> None:
        """A bare start: open ``demo`` once the event loop has run ``FILE_OPEN_WAIT_MS``, unless a
        FileOpen event asked for a project by then. If the demo cannot open (no annotator's name
        given) and nothing else is open, the application exits with 1."""

        def open_demo() -> None:
            if self.asked:
                return
            self.demo = self.open(demo)
            if not self.windows:
                QApplication.exit(1)

        QTimer.singleShot(FILE_OPEN_WAIT_MS, open_demo)

    def open(self, path: Path) -> MainWindow | None:
        """The project's window, shown and in front; None when the file cannot be opened (the
        message says why) or no annotator's name was given."""
        path = path.resolve()
        if path in self.windows:
            return self._bring_to_front(self.windows[path])
        if not self._brought_up_to_date(path):
            return None
        try:
            project = Project.open(path, wait=False)  # the GUI thread: no 30 s freeze on a lock
        except WorkbenchError as error:
            QMessageBox.critical(None, APP_NAME, error_words(error))
            return None
        project.wait_briefly()  # nor on an edit
        name = self.name_for(project)
        if name is None:
            project.close()
            return None
        window = MainWindow(project, name, self.settings)
        window.closed.connect(lambda: self._closed(path))
        window.projectRequested.connect(self.open)
        self.settings.add_recent_project(path)
        self.windows[path] = window
        window.show()
        self.opened.emit(window)
        return window

    def _brought_up_to_date(self, path: Path) -> bool:
        """A project file of an earlier version brought to this one, its backup written first,
        on a worker thread behind a dialog naming the backup: the backup of a large project
        takes seconds, which froze the window opening it. Opening waits in an event loop of its
        own meanwhile, so the window keeps painting. False when that failed, once the message
        saying why is closed; True at once for a file that needs no backup (the opening does the
        rest)."""
        if path in self.updating:  # asked again meanwhile (a FileOpen event): the first opens it
            return False
        backup = backup_before_update(path)
        if backup is None:
            return True
        title = self.tr("Updating {name} for this version; its backup: {backup}").format(
            name=isolated(path.name), backup=isolated(backup.name)
        )
        task = run_in_background(None, title, writable(path, _opened), cancellable=False)
        updated: list[object] = []
        task.succeeded.connect(updated.append)
        waiting = QEventLoop()
        task.finished.connect(waiting.quit)
        self.updating.add(path)
        try:
            waiting.exec()
        finally:
            self.updating.discard(path)
        if task.error_box is not None:
            task.error_box.exec()  # modal, as the opening's own refusals: it may be the last window
        task.deleteLater()
        return bool(updated)

    def close_all(self) -> None:
        """Close the windows still open (when the application quits without closing them)."""
        for window in list(self.windows.values()):
            window.close()

    def _close_untouched_demo(self, asked: MainWindow) -> None:
        """Close the demo opened before ``asked`` arrived, unless the annotator has edited it."""
        demo, self.demo = self.demo, None
        if demo is not None and demo is not asked and demo.undo_stack.count() == 0:
            demo.close()

    def _closed(self, path: Path) -> None:
        window = self.windows.pop(path)
        if window is self.demo:
            self.demo = None
        window.project.close()
        window.deleteLater()

    @staticmethod
    def _bring_to_front(window: MainWindow) -> MainWindow:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        return window


def _opened(project: Project, progress: Progress, cancelled: CancelCheck) -> None:
    """Nothing more than opening the project (which brings it to this version)."""
