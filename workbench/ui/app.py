"""Starting the GUI: the Qt application, the annotator's name, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from workbench.core.errors import WorkbenchError
from workbench.paths import APP_NAME, resources_dir
from workbench.store.project import Project

ANNOTATOR_ENV = "WORKBENCH_ANNOTATOR"


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "tawsim.png")))
    return app


def resolve_annotator(given: str | None) -> str | None:
    """The annotator's name: given, else from the environment, else remembered, else asked once."""
    settings = QSettings()
    name = given or os.environ.get(ANNOTATOR_ENV) or str(settings.value("annotator", "") or "")
    if not name:
        name, accepted = QInputDialog.getText(None, APP_NAME, "Your name (it is stored with every annotation):")
        if not accepted or not name.strip():
            return None
    settings.setValue("annotator", name.strip())
    return name.strip()


def run_gui(project_path: Path, annotator: str | None) -> int:
    from workbench.ui.main_window import MainWindow

    app = application()
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    name = resolve_annotator(annotator)
    if name is None:
        return 1
    try:
        project = Project.open(project_path)
    except WorkbenchError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = MainWindow(project, name)
    window.resize(1200, 800)
    window.show()
    try:
        return app.exec()
    finally:
        project.close()
