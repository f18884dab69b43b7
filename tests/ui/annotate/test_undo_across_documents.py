"""Undo and redo across documents: a step of another document changes that document, never the
one that happens to be shown (issue 12, point 1), and shows it as stored once read off the GUI
thread (a document of a million characters took 90 ms to read).

One test per command type (each class of ``commands.py`` and ``event_commands.py``): the change
is made in document A, the window is switched to B, and Ctrl+Z then Ctrl+Shift+Z are pressed
in B. Each time B must be drawn as it was until A has been read, then the window must show A,
exactly as stored, and B must be as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.window_scene import ANNOTATOR, WindowScene, nth_index, scene  # noqa: F401 (fixture)
from workbench.core.model import Event, Span, Status
from workbench.ui import commands
from workbench.ui.annotate import document_reading
from workbench.ui.events import event_commands

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
A, B = "mixed", "third"
State = tuple[tuple[Span, ...], tuple[Event, ...], Status | None, str | None]


def stored_state(scene: WindowScene, name: str) -> State:
    """The annotator's spans, events and status on a document, and its title, as the project
    file has them."""
    document_id = scene.document_id(name)
    title = scene.project.document_title(document_id)
    annotations = scene.project.annotation_set(document_id, ANNOTATOR)
    if annotations is None:
        return (), (), None, title
    return annotations.spans, annotations.events, annotations.status, title


def assert_shows_exactly(scene: WindowScene, name: str) -> None:
    """The window shows ``name``: its text, and its stored spans and events in the view, the
    span list and the event list, and nothing of another document."""
    window = scene.window
    document_id = scene.document_id(name)
    assert window.current_document_id == document_id
    assert scene.view.text == scene.project.document(document_id).text
    spans, events, _status, _title = stored_state(scene, name)
    expected = {(span.id, span.start, span.end, span.label) for span in spans}
    drawn = {
        (span.id, span.start, span.end, span.label)
        for position in range(len(scene.view.text))
        for span in scene.view.spans_at(position)
    }
    assert drawn == expected
    listed = window.span_model
    assert {listed.entry_at(row).id for row in range(listed.rowCount())} == {s[0] for s in expected}
    event_rows = window.events.list_model
    shown_events = {event_rows.event_id_at(row) for row in range(event_rows.rowCount())}
    assert shown_events == {event.id for event in events}
    assert window.events.document.events == {event.id: event for event in events}


def select(scene: WindowScene, word: str, occurrence: int = 0) -> None:
    start = nth_index(scene.view.text, word, occurrence)
    scene.view.select_range(start, start + len(word))


def create_attack(scene: WindowScene) -> Event:
    """Select «الضربة» and press the Attack hotkey."""
    select(scene, "الضربة")
    scene.press(Key.Key_A, SHIFT)
    [event] = stored_state(scene, A)[1]
    return event


# -- one change of each command type, made in A through the window ------------------------------


def add_spans(scene: WindowScene) -> None:
    scene.label_word("إدلب", Key.Key_3)


def delete_spans(scene: WindowScene) -> None:
    scene.label_word("إدلب", Key.Key_3)  # selected once made
    scene.press(Key.Key_Delete)


def update_span(scene: WindowScene) -> None:
    scene.label_word("إدلب", Key.Key_3)
    scene.press(Key.Key_1)  # relabels the selected span


def resize_span(scene: WindowScene) -> None:
    scene.label_word("إدلب", Key.Key_3)
    scene.press(Key.Key_Right, CTRL | SHIFT)  # its start one word earlier (right to left)


def set_status(scene: WindowScene) -> None:
    scene.press(Key.Key_Return, CTRL)


def rename_document(scene: WindowScene) -> None:
    """F2 in the document list, a title typed, Enter."""
    table = scene.window.document_list.table
    table.setFocus()
    scene.qtbot.keyClick(table.viewport(), Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    scene.qtbot.keyClicks(editor, "Statement")
    scene.qtbot.keyClick(editor, Key.Key_Return)
    scene.qtbot.waitUntil(lambda: scene.window.undo_stack.count() == 1)


def create_event(scene: WindowScene) -> None:
    create_attack(scene)


def fill_role(scene: WindowScene) -> None:
    create_attack(scene)
    attacker = scene.label_word("داعش", Key.Key_2)
    scene.click_on((attacker.start + attacker.end) // 2)
    scene.press(Key.Key_1, ALT)  # the first role, Attacker


def edit_event_attributes(scene: WindowScene) -> None:
    event = create_attack(scene)
    combo = scene.window.events.panel.attribute_combo("attack_method")
    combo.setFocus()
    scene.qtbot.keyClick(combo, Key.Key_Down)
    assert scene.project.event(event.id).attributes != event.attributes


def delete_trigger_with_its_event(scene: WindowScene) -> None:
    """The event controller's deletion (the window's Delete key makes a span command)."""
    event = create_attack(scene)
    assert scene.window.events.delete_spans([event.trigger_span_id])


CHANGES: dict[type, Callable[[WindowScene], None]] = {
    commands.AddSpans: add_spans,
    commands.DeleteSpans: delete_spans,
    commands.UpdateSpan: update_span,
    commands.ResizeSpan: resize_span,
    commands.SetStatus: set_status,
    commands.RenameDocument: rename_document,
    event_commands.CreateEventCommand: create_event,
    event_commands.ArgumentCommand: fill_role,
    event_commands.EditAttributesCommand: edit_event_attributes,
    event_commands.DeleteSpansCommand: delete_trigger_with_its_event,
}


def test_every_command_type_is_covered() -> None:
    defined = {
        cls
        for module in (commands, event_commands)
        for cls in vars(module).values()
        if isinstance(cls, type)
        and cls.__module__ == module.__name__
        and issubclass(cls, commands.DescribedCommand)
        and not cls.__subclasses__()
    }
    assert defined == set(CHANGES)


@pytest.mark.parametrize("command_type", list(CHANGES), ids=lambda cls: cls.__name__)
def test_undo_and_redo_open_the_document_of_the_change(
    scene: WindowScene, command_type: type
) -> None:
    untouched = stored_state(scene, B)
    before = stored_state(scene, A)
    CHANGES[command_type](scene)
    assert isinstance(scene.window.undo_stack.command(scene.window.undo_stack.index() - 1), command_type)
    after = stored_state(scene, A)
    assert after != before

    scene.open(B)
    scene.press(Key.Key_Z, CTRL)
    assert_shows_exactly(scene, B)  # until A is read
    scene.wait_until_shown(A)
    assert_shows_exactly(scene, A)
    assert stored_state(scene, A) != after
    assert stored_state(scene, B) == untouched

    scene.open(B)
    scene.press(Key.Key_Z, CTRL | SHIFT)
    scene.wait_until_shown(A)
    assert_shows_exactly(scene, A)
    assert stored_state(scene, A) == after
    assert stored_state(scene, B) == untouched
    scene.open(B)
    assert_shows_exactly(scene, B)


def test_redoing_an_event_after_undoing_into_another_document_draws_it_in_its_own(
    scene: WindowScene,
) -> None:
    """The issue's steps: an event in A, undo until the window shows B, redo all."""
    scene.open(B)
    scene.label_word("بيروت", Key.Key_3)
    scene.open(A)
    event = create_attack(scene)
    scene.press(Key.Key_Z, CTRL)
    scene.press(Key.Key_Z, CTRL)
    scene.wait_until_shown(B)
    assert_shows_exactly(scene, B)
    scene.press(Key.Key_Z, CTRL | SHIFT)
    assert_shows_exactly(scene, B)
    scene.press(Key.Key_Z, CTRL | SHIFT)
    scene.wait_until_shown(A)
    assert_shows_exactly(scene, A)
    assert stored_state(scene, A)[1] == (event,)
    scene.open(B)
    assert_shows_exactly(scene, B)
    assert [span.label for span in stored_state(scene, B)[0]] == ["GPE"]


# -- the document of a step is read off the GUI thread ----------------------------------------------


@pytest.fixture
def reading_threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The threads the window's reader reads documents on."""
    threads: list[threading.Thread] = []
    read = document_reading.read_document

    def recorded(*args: Any) -> document_reading.ReadDocument:
        threads.append(threading.current_thread())
        return read(*args)

    monkeypatch.setattr(document_reading, "read_document", recorded)
    return threads


def opened(scene: WindowScene) -> list[str]:
    shown: list[str] = []
    scene.window.documentOpened.connect(shown.append)
    return shown


def test_an_undo_in_another_document_changes_it_at_once_and_reads_it_off_the_gui_thread(
    scene: WindowScene, reading_threads: list[threading.Thread]
) -> None:
    add_spans(scene)
    scene.open(B)
    scene.press(Key.Key_Z, CTRL)
    assert stored_state(scene, A)[0] == ()  # the store changed at once
    assert scene.window.documents.document(scene.document_id(A)).spans == 0  # and A's row in the list
    assert_shows_exactly(scene, B)
    assert scene.window.reader.pending == scene.document_id(A)
    scene.wait_until_shown(A)
    assert_shows_exactly(scene, A)
    assert reading_threads and threading.main_thread() not in reading_threads


def test_undo_held_down_across_documents_shows_only_the_last_steps_document(scene: WindowScene) -> None:
    """Ctrl+Z pressed faster than documents are read: each step changes its document at once,
    and the window shows the document of the last one, as stored, once."""
    add_spans(scene)
    scene.open(B)
    scene.label_word("بيروت", Key.Key_3)
    scene.open("harakat")
    shown = opened(scene)
    scene.press(Key.Key_Z, CTRL)  # B's step: B is read
    scene.press(Key.Key_Z, CTRL)  # A's, before B's read can arrive (it comes through the event loop)
    assert stored_state(scene, A)[0] == stored_state(scene, B)[0] == ()
    scene.wait_until_shown(A)
    scene.qtbot.wait(100)  # B's read has long arrived, and was dropped
    assert shown == [scene.document_id(A)]
    assert_shows_exactly(scene, A)


def test_an_undo_while_another_document_is_read_for_the_list_shows_the_steps_document(
    scene: WindowScene,
) -> None:
    """A step of the shown document while another chosen in the list is being read: the step's
    document stays, as stored, and the list's read is dropped."""
    add_spans(scene)
    shown = opened(scene)
    scene.window.choose_document(scene.document_id(B))
    scene.press(Key.Key_Z, CTRL)
    scene.wait_until_shown(A)
    scene.qtbot.wait(100)
    assert scene.window.current_document_id == scene.document_id(A)
    assert shown == [scene.document_id(A)]
    assert_shows_exactly(scene, A)
    assert stored_state(scene, A)[0] == ()


def test_a_refused_undo_in_another_document_leaves_the_shown_one_untouched(scene: WindowScene) -> None:
    """The project file turned read-only under the window: the undo of A's event is refused,
    said, and nothing of A is drawn into B (the event controller shows what a refused step
    concerns only in its own document); A is then shown as stored."""
    event = create_attack(scene)
    scene.open(B)
    scene.project.conn.execute("PRAGMA query_only = ON")
    try:
        scene.press(Key.Key_Z, CTRL)
        assert scene.window.statusBar().currentMessage()
        assert scene.window.events.list_model.rowCount() == 0
        assert_shows_exactly(scene, B)
        scene.wait_until_shown(A)
        assert_shows_exactly(scene, A)
        assert stored_state(scene, A)[1] == (event,)
        assert scene.window.undo_stack.count() == 0
    finally:
        scene.project.conn.execute("PRAGMA query_only = OFF")
