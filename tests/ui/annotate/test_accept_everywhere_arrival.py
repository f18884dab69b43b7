"""Shift+Enter finds the other places of a suggestion's name on a worker thread, and accepts them
when they arrive (``LabellingController.accept_everywhere``): in the document they were found in,
while it is shown and its window open; never in another document, nor by a closed window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_persistent_suggestions import WAIT_MS, document_id, wait_for
from tests.ui.annotate.test_stored_suggestions import (  # noqa: F401 (fixtures)
    STORED,
    press,
    project,
    spans,
    window,
)
from tests.ui.window_scene import ANNOTATOR
from workbench.store.project import Project
from workbench.ui.annotate.main_window import MainWindow


def press_shift_enter_on_a_suggestion(qtbot: QtBot, window: MainWindow) -> list[object]:
    """The first suggestion chosen (F4) and accepted everywhere; the list its places' arrival
    from the worker thread is appended to."""
    wait_for(qtbot, window, STORED)
    press(qtbot, window, Qt.Key.Key_F4)
    arrived: list[object] = []
    window.labelling._name_places_found.connect(arrived.append)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    return arrived


def all_spans(project: Project) -> list[object]:
    return [
        (document.name, span.start, span.end, span.label)
        for document in project.documents()
        for annotations in [project.annotation_set(document.id, ANNOTATOR)]
        if annotations is not None
        for span in annotations.spans
    ]


def test_places_arriving_after_the_document_changed_are_put_nowhere(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    arrived = press_shift_enter_on_a_suggestion(qtbot, window)
    window.open_document(document_id(project, "mixed"))  # before the places arrive
    qtbot.waitUntil(lambda: bool(arrived), timeout=WAIT_MS)
    assert all_spans(project) == []
    assert window.span_model.rowCount() == 0 and window.text_view.all_spans() == []
    assert window.undo_stack.count() == 0


def test_places_arriving_after_the_window_closed_are_put_nowhere(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    arrived = press_shift_enter_on_a_suggestion(qtbot, window)
    window.close()
    qtbot.waitUntil(lambda: bool(arrived), timeout=WAIT_MS)
    assert all_spans(project) == []
    assert window.undo_stack.count() == 0


def test_places_arriving_in_the_shown_document_are_accepted(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """(What the two tests above keep from happening, when nothing changed meanwhile.)"""
    arrived = press_shift_enter_on_a_suggestion(qtbot, window)
    qtbot.waitUntil(lambda: bool(arrived), timeout=WAIT_MS)
    assert spans(project) == sorted((s.start, s.end, s.label) for s in STORED if s.label == "GPE")
    assert window.undo_stack.count() == 1
