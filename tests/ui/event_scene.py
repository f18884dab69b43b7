"""A window for the event tests: a project with the first seed article and a few entity spans,
the real text view, and the event controller's palette, panel and list beside it.

The window is shown and made active, so the event type and role hotkeys (window shortcuts)
fire from key presses sent to the view, as they do for a user.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.ui.annotate.test_text_view import click, drag
from tests.ui.conftest import point_inside_char
from tests.ui.window_waits import activate
from workbench.core.model import AnnotatedDocument, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.events.event_controller import EventController
from workbench.ui.label_style import view_spans

SEED = REPO_ROOT / "seeds" / "000_e8827d64ecf403cd.txt"
ANNOTATOR = "amal"
ENTITIES = {
    "أمريكية": "GPE",
    "جهادي أجنبي": "PER",
    "إدلب": "GPE",
    "جو بايدن": "PER",
    "داعش": "ORG",
    "الثالث من فبراير من العام 2022": "DATE",
}
"""Entity spans on the first sentence of the seed article (first occurrences)."""


def word_range(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@dataclass
class Scene:
    project: Project
    document_id: str
    text: str
    window: QWidget
    view: AnnotatedTextView
    controller: EventController
    stack: QUndoStack
    entities: dict[str, Span]
    qtbot: QtBot

    def select_words(self, words: str) -> None:
        """Drag the mouse from the first to the last character of ``words``."""
        start, end = word_range(self.text, words)
        view = self.view
        drag(self.qtbot, view, point_inside_char(view, start), point_inside_char(view, end - 1))

    def click_span(self, words: str) -> None:
        """Click the middle of the entity (or trigger) on ``words``."""
        start, end = word_range(self.text, words)
        click(self.qtbot, self.view, point_inside_char(self.view, (start + end) // 2))

    def stored_arguments(self, event_id: str) -> list[tuple[str, str]]:
        """(role, filler text) of the stored event; an event filler by its id."""
        texts = {span.id: span.text for span in self._stored_spans()}
        return [
            (argument.role, texts.get(argument.filler_id, argument.filler_id))
            for argument in self.project.event(event_id).arguments
        ]

    def _stored_spans(self) -> tuple[Span, ...]:
        annotations = self.project.annotation_set(self.document_id, ANNOTATOR)
        return () if annotations is None else annotations.spans


@pytest.fixture
def scene(qtbot: QtBot, tmp_path: Path) -> Iterator[Scene]:
    text = SEED.read_text(encoding="utf-8")
    with Project.create(tmp_path / "events.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document("seed", text))])
        document_id = project.documents()[0].id
        entities = {
            words: project.add_span(document_id, ANNOTATOR, *word_range(text, words), label)
            for words, label in ENTITIES.items()
        }
        yield _build(qtbot, project, document_id, text, entities)


def _build(
    qtbot: QtBot, project: Project, document_id: str, text: str, entities: dict[str, Span]
) -> Scene:
    window = QWidget()
    view = AnnotatedTextView()
    stack = QUndoStack(window)
    controller = EventController(project, ANNOTATOR, view, stack, shortcut_host=window)
    side = QVBoxLayout()
    for widget in (controller.palette, controller.panel, controller.event_list):
        side.addWidget(widget)
    layout = QHBoxLayout(window)
    layout.addWidget(view, 3)
    layout.addLayout(side, 2)
    window.resize(1500, 800)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    view.set_document(text, view_spans(entities.values(), project.schema))
    controller.open_document(document_id)
    return Scene(project, document_id, text, window, view, controller, stack, entities, qtbot)
