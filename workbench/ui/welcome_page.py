"""The first start: who annotates, in which interface language, and on what.

Shown instead of the demo project when no annotator's name is known yet (none given, none in the
environment, none remembered). The name and the language are kept in the settings; the language
switches at once, so the page reads in the language chosen. Then the annotator opens the demo
project, a project file, or a new project; ``projectChosen`` carries its path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.app.demo import ensure_demo_project
from workbench.ui import i18n
from workbench.ui.i18n import Language
from workbench.ui.project_dialogs import NewProjectDialog, choose_project_to_open
from workbench.ui.settings import WorkbenchSettings

WELCOME_SIZE = (620, 460)


class WelcomePage(QWidget):
    projectChosen = Signal(object)
    """The project to open (a Path); the name is remembered by then."""

    def __init__(self, settings: WorkbenchSettings, demo: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.demo = demo
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        self.title.setFont(title_font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name_label, self.language_label = QLabel(), QLabel()
        self.name_field = QLineEdit()
        self.language_combo = QComboBox()
        for language in Language:
            self.language_combo.addItem(language.native_name, language.value)
        self.language_combo.setCurrentIndex(list(Language).index(i18n.current_language()))
        self.demo_button, self.open_button, self.new_button = QPushButton(), QPushButton(), QPushButton()
        self._lay_out()
        self.name_field.textChanged.connect(self._enable_choices)
        self.language_combo.activated.connect(self._language_chosen)
        self.demo_button.clicked.connect(self._open_demo)
        self.open_button.clicked.connect(self._open_project)
        self.new_button.clicked.connect(self._new_project)
        self.name_field.returnPressed.connect(self._enter_pressed)
        self.demo_button.setDefault(True)
        self._enable_choices()
        self.retranslate()
        self.resize(*WELCOME_SIZE)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.name_label, self.name_field)
        form.addRow(self.language_label, self.language_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addSpacing(12)
        for button in (self.demo_button, self.open_button, self.new_button):
            layout.addWidget(button)
        layout.addStretch(1)

    def name(self) -> str:
        return self.name_field.text().strip()

    def _enable_choices(self) -> None:
        for button in (self.demo_button, self.open_button, self.new_button):
            button.setEnabled(bool(self.name()))

    def _enter_pressed(self) -> None:
        """Enter after the name opens the demo, the default choice: a default button answers
        Enter only in a dialog, and this page is not one."""
        if self.demo_button.isEnabled():
            self.demo_button.animateClick()

    def _language_chosen(self, index: int) -> None:
        language = Language(self.language_combo.itemData(index))
        i18n.set_language(language)
        self.settings.set_language(language)
        self.retranslate()  # now, not when the posted LanguageChange arrives

    def _open_demo(self) -> None:
        self._choose(ensure_demo_project(self.demo))

    def _open_project(self) -> None:
        path = choose_project_to_open(self)
        if path is not None:
            self._choose(path)

    def _new_project(self) -> None:
        dialog = NewProjectDialog(self)
        dialog.finished.connect(lambda _result: self._choose(dialog.created) if dialog.created else None)
        dialog.open()

    def _choose(self, path: Path) -> None:
        self.settings.set_annotator(self.name())
        self.projectChosen.emit(path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome — Tawsim Workbench"))
        self.title.setText(self.tr("Welcome to Tawsim Workbench"))
        self.intro.setText(
            self.tr(
                "Annotate Arabic text: names, events and their roles, right to left. Your name "
                "is stored with every annotation you make; the demo project has a few news "
                "articles to try it on."
            )
        )
        self.name_label.setText(self.tr("Your name:"))
        self.language_label.setText(self.tr("Interface language:"))
        self.demo_button.setText(self.tr("Open the demo project"))
        self.open_button.setText(self.tr("Open a project…"))
        self.new_button.setText(self.tr("New project…"))
        self.name_field.setPlaceholderText(self.tr("The name your annotations carry"))
