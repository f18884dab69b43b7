"""Choosing a project to open and creating a new one: File > Open and File > New project in the
annotator's window, and the same buttons on the welcome page.

A new project takes one of the built-in schemas or a schema file (YAML or JSON); a schema that is
not valid is named in the dialog in one line, and no file is written. Both return the project
file's path; opening it is the caller's (``ProjectWindows`` opens it in a window of its own).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from workbench.app.project import PROJECT_SUFFIX, Project
from workbench.core.errors import WorkbenchError
from workbench.core.schema import BUILTIN_SCHEMAS, DEFAULT_SCHEMA, builtin_schema, load_schema
from workbench.ui.error_words import error_words

SCHEMA_FILE = "file"
"""The schema combo's data for its last entry: a schema file, chosen when it is picked."""


def project_filter() -> str:
    return QCoreApplication.translate("ProjectDialogs", "Tawsim projects (*%1)").replace("%1", PROJECT_SUFFIX)


def choose_project_to_open(parent: QWidget | None) -> Path | None:
    """File > Open: a project file, or None when the dialog is cancelled."""
    title = QCoreApplication.translate("ProjectDialogs", "Open a project")
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", project_filter())
    return Path(chosen) if chosen else None


def schema_title(name: str) -> str:
    """A built-in schema as the New project dialog lists it."""
    titles = {
        "conflict-news": QCoreApplication.translate(
            "ProjectDialogs", "Conflict news: entities and events (ACE 2005 style)"
        ),
        "generic": QCoreApplication.translate("ProjectDialogs", "Generic named entities (CoNLL)"),
        "wojood": QCoreApplication.translate("ProjectDialogs", "Wojood nested entities"),
        "ace2005": QCoreApplication.translate("ProjectDialogs", "ACE 2005 entities and events"),
    }
    return titles.get(name, name)


class NewProjectDialog(QDialog):
    """The schema of a new project; OK asks where to save it and creates it (``created``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.created: Path | None = None
        self.schema_combo = QComboBox()
        for name in BUILTIN_SCHEMAS:
            self.schema_combo.addItem(schema_title(name), name)
        self.schema_combo.addItem("", SCHEMA_FILE)
        self.schema_combo.setCurrentIndex(BUILTIN_SCHEMAS.index(DEFAULT_SCHEMA))
        self.schema_combo.activated.connect(self._schema_chosen)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        self.schema_label = QLabel()
        layout = QFormLayout(self)
        layout.addRow(self.schema_label, self.schema_combo)
        layout.addRow(self.problem)
        layout.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New project"))
        self.schema_label.setText(self.tr("Schema:"))
        self.schema_combo.setItemText(self.schema_combo.count() - 1, self.tr("A schema file (YAML)…"))

    def _schema_chosen(self, index: int) -> None:
        """The last entry asks for a schema file, which then joins the list, chosen."""
        if self.schema_combo.itemData(index) != SCHEMA_FILE:
            return
        title = self.tr("Choose a schema file")
        chosen, _ = QFileDialog.getOpenFileName(
            self, title, "", self.tr("Schemas (*.yaml *.yml *.json)")
        )
        if not chosen:
            self.schema_combo.setCurrentIndex(0)
            return
        self.schema_combo.insertItem(index, Path(chosen).name, chosen)
        self.schema_combo.setCurrentIndex(index)

    def _create(self) -> None:
        choice = str(self.schema_combo.currentData())
        try:
            schema = builtin_schema(choice) if choice in BUILTIN_SCHEMAS else load_schema(choice)
        except WorkbenchError as error:
            self.problem.setText(error_words(error))
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the new project as"), f"project{PROJECT_SUFFIX}", project_filter()
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        try:
            Project.create(path, schema).close()
        except WorkbenchError as error:
            self.problem.setText(error_words(error))
            return
        self.created = path
        self.accept()
