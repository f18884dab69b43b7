"""The open projects, one window each, and the requests to open another.

A project is opened from the command line (``workbench open PROJECT``, or the file association on
Windows, which runs that command), and on macOS also by a ``FileOpen`` event: Finder starts the
application without arguments, or finds it running, and sends the path of the .tawsim file that
was double-clicked or dropped on the Dock icon as an event. Each project gets its own window; a
project already open is brought to the front. A project's file is closed with its window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.core.errors import WorkbenchError
from workbench.paths import APP_NAME
from workbench.store.project import Project
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import WorkbenchSettings

NameFor = Callable[[Project], str | None]
"""The annotator's name for a project's window; None when none was given (a question cancelled)."""


class ProjectWindows(QObject):
    """Opens projects in windows, for the arguments given and for the application's FileOpen
    events; closes each project file when its window closes."""

    def __init__(self, app: QApplication, settings: WorkbenchSettings, name_for: NameFor) -> None:
        super().__init__(app)
        self.settings = settings
        self.name_for = name_for
        self.windows: dict[Path, MainWindow] = {}
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open(Path(event.file()))
            return True
        return False

    def open(self, path: Path) -> MainWindow | None:
        """The project's window, shown and in front; None when the file cannot be opened (the
        message says why) or no annotator's name was given."""
        path = path.resolve()
        if path in self.windows:
            return self._bring_to_front(self.windows[path])
        try:
            project = Project.open(path)
        except WorkbenchError as error:
            QMessageBox.critical(None, APP_NAME, str(error))
            return None
        name = self.name_for(project)
        if name is None:
            project.close()
            return None
        window = MainWindow(project, name, self.settings)
        window.closed.connect(lambda: self._closed(path))
        self.windows[path] = window
        window.show()
        return window

    def close_all(self) -> None:
        """Close the windows still open (when the application quits without closing them)."""
        for window in list(self.windows.values()):
            window.close()

    def _closed(self, path: Path) -> None:
        window = self.windows.pop(path)
        window.project.close()
        window.deleteLater()

    @staticmethod
    def _bring_to_front(window: MainWindow) -> MainWindow:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        return window
