"""The annotator's window on a small project, for the window tests.

The project holds three documents: Arabic with emoji, Latin words and digits (the view tests'
text, where every emoji shifts Qt's UTF-16 positions against code points), the same sentence with
full harakat, and a short third one. Settings live in an ini file in the test's folder. The window
is shown and made active, so its shortcuts fire from key presses sent to the view, as for a user.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_text_view import TEXT, click, double_click, drag
from tests.ui.conftest import point_inside_char
from tests.ui.window_waits import activate
from workbench.core.model import AnnotatedDocument, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.i18n import Language
from workbench.ui.settings import WorkbenchSettings

ANNOTATOR = "amal"
WITH_HARAKAT = "قَالَ الرَّئِيسُ جُو بَايْدِن إِنَّ الضَّرْبَةَ اسْتَهْدَفَتْ زَعِيمَ دَاعِش فِي إِدْلِب."
THIRD = "وصل الوفد إلى بيروت يوم الأحد، وقال الرئيس إن المحادثات في بيروت ستستمر وإن بيروت آمنة."
DOCUMENTS = (("mixed", TEXT), ("harakat", WITH_HARAKAT), ("third", THIRD))
WINDOW_SIZE = (1400, 900)


@dataclass
class Confirmations:
    """Answers the window's yes/no questions without a dialog, and keeps the questions."""

    answer: bool = True
    questions: list[str] = field(default_factory=list)

    def __call__(self, parent: QWidget, title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answer


@dataclass
class WindowScene:
    qtbot: QtBot
    project: Project
    settings: WorkbenchSettings
    confirmations: Confirmations
    window: MainWindow

    @property
    def view(self) -> AnnotatedTextView:
        return self.window.text_view

    def document_id(self, name: str) -> str:
        return next(d.id for d in self.project.documents() if d.name == name)

    def open(self, name: str) -> None:
        self.window.open_document(self.document_id(name))

    def wait_until_shown(self, name: str) -> None:
        """Until the window shows the document and reads none: one chosen in the list, with
        Alt+arrows, by a search match or by an undo step of another document, or shown again
        after a reload, is read on a worker thread first."""
        document_id = self.document_id(name)
        window = self.window
        self.qtbot.waitUntil(lambda: window.current_document_id == document_id and window.reader.pending is None)

    def stored_spans(self, name: str | None = None) -> list[Span]:
        """The annotator's spans in the project file, in text order."""
        document_id = self.document_id(name) if name else self.window.current_document_id
        assert document_id is not None
        annotations = self.project.annotation_set(document_id, ANNOTATOR)
        return sorted(annotations.spans, key=lambda s: (s.start, -s.end)) if annotations else []

    def drag_over(self, start: int, end: int, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """Drag from the logical start of the first character of ``[start, end)`` to the end of the
        last one."""
        view = self.view
        start_point = point_inside_char(view, start, "start")
        drag(self.qtbot, view, start_point, point_inside_char(view, end - 1, "end"), modifier)

    def double_click_on(self, position: int) -> None:
        double_click(self.qtbot, self.view, point_inside_char(self.view, position))

    def click_on(self, position: int) -> None:
        click(self.qtbot, self.view, point_inside_char(self.view, position))

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key press and release sent to the text view (shortcuts included)."""
        self.qtbot.keyClick(self.view, key, modifier)

    def label_word(self, word: str, key: Qt.Key, occurrence: int = 0) -> Span:
        """Select ``word`` (its ``occurrence``-th time in the text) and press ``key``."""
        start = nth_index(self.view.text, word, occurrence)
        self.view.select_range(start, start + len(word))
        self.press(key)
        [span] = [s for s in self.stored_spans() if (s.start, s.end) == (start, start + len(word))]
        return span


def nth_index(text: str, word: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(word, position + 1)
    return position


def new_project(path: Path) -> Project:
    project = Project.create(path, builtin_schema("conflict-news"))
    project.add_documents([AnnotatedDocument(make_document(name, text)) for name, text in DOCUMENTS])
    return project


def ini_settings(path: Path) -> WorkbenchSettings:
    return WorkbenchSettings(QSettings(str(path), QSettings.Format.IniFormat))


def show_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    return window


@pytest.fixture
def scene(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowScene]:
    confirmations = Confirmations()
    settings = ini_settings(tmp_path / "settings.ini")
    with new_project(tmp_path / "window.tawsim") as project:
        window = show_window(qtbot, MainWindow(project, ANNOTATOR, settings, confirmations))
        yield WindowScene(qtbot, project, settings, confirmations, window)
        window.close()
    i18n.set_language(Language.ENGLISH)
