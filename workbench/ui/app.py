"""Starting the GUI: the Qt application, the interface language, the annotator's name, the window."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog

from workbench.app.packages import package_annotator
from workbench.app.project import Project
from workbench.app.warm_up import warm_up
from workbench.paths import APP_NAME, resources_dir
from workbench.ui import i18n
from workbench.ui.crash_log import offer_report, start_crash_log
from workbench.ui.first_paint import after_first_paint
from workbench.ui.settings import WorkbenchSettings
from workbench.ui.theme import theme_switch

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow
    from workbench.ui.project_windows import ProjectWindows
    from workbench.ui.welcome_page import WelcomePage

ANNOTATOR_ENV = "WORKBENCH_ANNOTATOR"


def application() -> QApplication:
    i18n.use_plain_numbers()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "tawsim.png")))
    return app


def resolve_annotator(
    given: str | None, settings: WorkbenchSettings, package_owner: str | None = None
) -> str | None:
    """The annotator's name: the one a package was written for, else given, else from the
    environment, else remembered, else asked once (and remembered); None when the question is
    cancelled. A package opens as its own annotator whatever name is given: ``merge`` takes
    back only that annotator's sets, so work done there under another name could not return."""
    wanted = given or os.environ.get(ANNOTATOR_ENV)
    if package_owner and wanted and wanted != package_owner:
        print(f"a package written for {package_owner!r} opens as {package_owner!r}, not as {wanted!r}", file=sys.stderr)
    name = package_owner or wanted or settings.annotator()
    if not name:
        name, accepted = QInputDialog.getText(
            None,
            APP_NAME,
            QCoreApplication.translate("app", "Your name (it is stored with every annotation):"),
        )
        if not accepted or not name.strip():
            return None
    settings.set_annotator(name.strip())
    return name.strip()


def known_annotator(given: str | None, settings: WorkbenchSettings) -> str | None:
    """The annotator's name without asking: given, from the environment, or remembered."""
    return given or os.environ.get(ANNOTATOR_ENV) or settings.annotator()


def run_gui(project_path: Path, annotator: str | None) -> int:
    """Open ``project_path`` in a window and run until the last window closes. The demo project
    is what a bare start opens: it gives way to a project that macOS asks for just after. A
    bare first start (no annotator's name known) shows the welcome page instead."""
    from workbench.app.demo import demo_project_path
    from workbench.ui.project_windows import ProjectWindows

    app = application()
    crash_report = start_crash_log()
    settings = WorkbenchSettings()
    i18n.set_language(settings.language() or i18n.system_language())
    theme_switch().set_theme(settings.theme())

    def name_for(project: Project) -> str | None:
        return resolve_annotator(annotator, settings, package_annotator(project))

    windows = ProjectWindows(app, settings, name_for)
    windows.opened.connect(warm_up_after_painting, Qt.ConnectionType.SingleShotConnection)
    if crash_report is not None:
        windows.opened.connect(
            lambda window: offer_report(window, crash_report), Qt.ConnectionType.SingleShotConnection
        )
    if project_path == demo_project_path() and not known_annotator(annotator, settings):
        welcome = show_welcome(windows, settings, project_path)  # noqa: F841 (alive while the loop runs)
    elif project_path == demo_project_path():
        windows.open_demo_unless_asked(project_path)
    elif windows.open(project_path) is None:
        return 1
    try:
        return app.exec()
    finally:
        windows.close_all()
        app.removeEventFilter(windows)


def warm_up_after_painting(window: MainWindow) -> None:
    """``start_warm_up`` once the first window has painted its text (``ui.first_paint``): its
    imports, 1.4 s of the GIL, held the window's first paint back meanwhile."""
    after_first_paint(window.text_view.viewport(), start_warm_up)


def start_warm_up() -> threading.Thread:
    """Load on a background thread what the window's thread would otherwise wait for on a first
    action (``workbench.app.warm_up``); the thread is returned for a caller that waits on it."""
    thread = threading.Thread(target=warm_up, name="warm-up", daemon=True)
    thread.start()
    return thread


def show_welcome(windows: ProjectWindows, settings: WorkbenchSettings, demo: Path) -> WelcomePage:
    """The welcome page of a first start; it closes once the project chosen is open."""
    from workbench.ui.welcome_page import WelcomePage

    welcome = WelcomePage(settings, demo)

    def open_chosen(path: Path) -> None:
        if windows.open(path) is not None:
            welcome.close()

    welcome.projectChosen.connect(open_chosen)
    welcome.show()
    return welcome
