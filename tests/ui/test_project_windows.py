"""Projects opened in windows: from the command line, and from macOS's FileOpen events.

Finder starts the program without arguments (a bare start, which opens the demo project) and sends
the project that was double-clicked as a FileOpen event once the event loop runs: the tests deliver
that event from within the event loop, after start-up, as macOS does.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from tests.store.test_locks_and_media import held_by_another_program
from tests.ui.conftest import application
from tests.ui.window_scene import ini_settings, new_project, nth_index
from tests.ui.window_waits import activate
from workbench.app import demo as demo_module
from workbench.store import connection, migrations
from workbench.store.project import Project
from workbench.ui import app as ui_app
from workbench.ui import project_windows
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.app import ANNOTATOR_ENV, run_gui
from workbench.ui.i18n import Language, isolated
from workbench.ui.project_windows import ProjectWindows
from workbench.ui.welcome_page import WelcomePage

SETTLED_MS = 300
"""How long after the last scheduled step a bare start's windows are looked at."""


@pytest.fixture
def paths(tmp_path: Path) -> list[Path]:
    made = [tmp_path / "first.tawsim", tmp_path / "second.tawsim"]
    for path in made:
        new_project(path).close()
    return made


@pytest.fixture
def windows(qapp: QApplication, tmp_path: Path) -> Iterator[ProjectWindows]:
    opened = ProjectWindows(qapp, ini_settings(tmp_path / "settings.ini"), lambda project: "amal")
    yield opened
    opened.close_all()
    qapp.removeEventFilter(opened)
    opened.deleteLater()


def test_a_file_open_event_opens_the_project_in_its_own_window(
    qtbot: QtBot, windows: ProjectWindows, paths: list[Path]
) -> None:
    first = windows.open(paths[0])
    assert first is not None and first.isVisible()
    finder_opens(paths[1])
    second = windows.windows[paths[1].resolve()]
    assert second is not first and second.isVisible()
    assert second.project.path == paths[1].resolve() and second.annotator == "amal"


def test_a_project_already_open_is_brought_forward_not_opened_twice(
    windows: ProjectWindows, paths: list[Path]
) -> None:
    first = windows.open(paths[0])
    assert windows.open(paths[0]) is first
    assert list(windows.windows) == [paths[0].resolve()]


def test_closing_a_window_closes_its_project_file(windows: ProjectWindows, paths: list[Path]) -> None:
    window = windows.open(paths[0])
    assert window is not None
    project = window.project
    window.close()
    assert windows.windows == {}
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        project.documents()


def test_a_file_that_is_no_project_is_refused_with_a_message(
    windows: ProjectWindows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    broken = tmp_path / "broken.tawsim"
    broken.write_text("not a database", encoding="utf-8")
    assert windows.open(broken) is None
    assert windows.windows == {}
    assert len(messages) == 1 and str(broken) in messages[0]


def test_without_an_annotator_nothing_opens_and_the_file_is_closed(
    qapp: QApplication, tmp_path: Path, paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[Path] = []
    monkeypatch.setattr(Project, "close", lambda project: closed.append(project.path))
    nameless = ProjectWindows(qapp, ini_settings(tmp_path / "settings.ini"), lambda project: None)
    try:
        assert nameless.open(paths[0]) is None
        assert nameless.windows == {} and closed == [paths[0].resolve()]
    finally:
        qapp.removeEventFilter(nameless)


def test_a_project_of_an_earlier_version_is_backed_up_off_the_gui_thread_behind_a_dialog(
    windows: ProjectWindows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a project of an earlier version writes its backup before bringing it forward,
    which takes seconds for a large project: that froze the window. It is done on a worker
    thread, behind a dialog naming the backup, and the window opens on the updated file."""
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        new_project(path).close()
    backup = migrations.backup_path(path, migrations.format_version() - 1)
    written_on: list[threading.Thread] = []
    dialogs: list[str] = []
    write_backup = migrations._write_backup

    def watched(conn: sqlite3.Connection, target: Path) -> None:
        written_on.append(threading.current_thread())
        dialogs.extend(
            widget.labelText() for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QProgressDialog) and widget.isVisible()
        )  # fmt: skip
        write_backup(conn, target)

    monkeypatch.setattr(migrations, "_write_backup", watched)
    window = windows.open(path)
    assert window is not None and window.isVisible()
    assert written_on and written_on[0] is not threading.main_thread()
    assert dialogs == [f"Updating {isolated('old.tawsim')} for this version; its backup: {isolated(backup.name)}"]
    assert backup.exists() and migrations.file_version(window.project.conn) == migrations.format_version()


def test_a_project_asked_for_again_while_it_is_updated_is_updated_and_opened_once(
    windows: ProjectWindows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The opening waits in an event loop of its own, where a FileOpen event for the same file
    may arrive (macOS): a second update of the file meanwhile would write its backup twice at
    once."""
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        new_project(path).close()
    backups: list[Path] = []
    write_backup = migrations._write_backup

    def counted(conn: sqlite3.Connection, target: Path) -> None:
        backups.append(target)
        write_backup(conn, target)

    monkeypatch.setattr(migrations, "_write_backup", counted)
    again: list[MainWindow | None] = []
    timer = single_shot(0, lambda: again.append(windows.open(path)))
    window = windows.open(path)
    assert timer is not None and again == [None]
    assert window is not None and list(windows.windows) == [path.resolve()]
    assert len(backups) == 1


def test_an_update_that_fails_opens_nothing_and_says_why_until_the_message_is_closed(
    windows: ProjectWindows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The message must outlive the opening: a start on that one project exits right after."""
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        new_project(path).close()

    def full_disk(conn: sqlite3.Connection, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "_write_backup", full_disk)
    shown: list[str] = []

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            timer.start(20)
            return
        shown.extend(box.text() for box in boxes)
        for box in boxes:
            box.done(0)

    timer = single_shot(20, read_and_close)
    assert windows.open(path) is None
    assert windows.windows == {}
    assert len(shown) == 1 and "No space left on device" in shown[0]
    assert migrations.file_version(sqlite3.connect(path)) == migrations.format_version() - 1


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo project, in the test's folder."""
    path = tmp_path / "demo.tawsim"
    new_project(path).close()
    monkeypatch.setattr(demo_module, "demo_project_path", lambda: path)
    return path


def finder_opens(path: Path) -> None:
    """What macOS does for a project double-clicked in Finder, from within the event loop.

    Sent rather than posted: PySide6 leaves a posted event to Python's garbage collector, which
    may delete it before the loop delivers it."""
    QCoreApplication.sendEvent(application(), QFileOpenEvent(QUrl.fromLocalFile(str(path))))


def shown_projects(app: QApplication) -> list[Path]:
    return sorted(
        widget.project.path for widget in app.topLevelWidgets()
        if isinstance(widget, MainWindow) and widget.isVisible()
    )  # fmt: skip


def single_shot(after_ms: int, call: Callable[[], None]) -> QTimer:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(call)
    timer.start(after_ms)
    return timer


def bare_start(app: QApplication, demo: Path, step: Callable[[], None], at_ms: int) -> tuple[int, list[Path]]:
    """``workbench`` without a command (the demo), with ``step`` run ``at_ms`` into the event loop:
    the exit code, and the projects shown once things have settled."""
    shown: list[Path] = []

    def look_and_quit() -> None:
        shown.extend(shown_projects(app))
        app.exit(0)

    timers = [
        single_shot(at_ms, step),
        single_shot(at_ms + project_windows.FILE_OPEN_WAIT_MS + SETTLED_MS, look_and_quit),
    ]
    try:
        return run_gui(demo, annotator=None), shown
    finally:
        # A timer left to fire after the event loop has ended would quit the next test's loops.
        for timer in timers:
            timer.stop()


@pytest.mark.parametrize("wait_ms", [300, 0], ids=["mac-wait", "no-wait"])
def test_a_project_double_clicked_in_finder_opens_alone(
    qapp: QApplication, demo: Path, paths: list[Path], wait_ms: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the event arrives while the demo waits for it (macOS) or after the demo opened."""
    monkeypatch.setattr(project_windows, "FILE_OPEN_WAIT_MS", wait_ms)
    monkeypatch.setenv(ANNOTATOR_ENV, "amal")
    code, shown = bare_start(qapp, demo, lambda: finder_opens(paths[0]), at_ms=100)
    assert code == 0
    assert shown == [paths[0].resolve()]


def test_a_bare_start_with_nothing_asked_for_opens_the_demo(
    qapp: QApplication, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_windows, "FILE_OPEN_WAIT_MS", 300)
    monkeypatch.setenv(ANNOTATOR_ENV, "amal")
    code, shown = bare_start(qapp, demo, lambda: None, at_ms=0)
    assert code == 0
    assert shown == [demo.resolve()]


class TextPainted(QObject):
    """Whether a window's annotation view has painted (an application-wide event filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and isinstance(watched.parent(), AnnotatedTextView):
            self.seen = True
        return False


def test_a_bare_start_warms_up_once_the_window_has_painted(
    qapp: QApplication, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up's imports hold the GIL for over a second; started before the first paint,
    they held it back about 0.8 s (``ui.first_paint``)."""
    monkeypatch.setattr(project_windows, "FILE_OPEN_WAIT_MS", 0)
    monkeypatch.setenv(ANNOTATOR_ENV, "amal")
    painted = TextPainted()
    warmed: list[bool] = []
    shown: list[Path] = []

    def warm_up_then_quit() -> None:  # the loop ends with the warm-up, however long the start
        warmed.append(painted.seen)
        shown.extend(shown_projects(qapp))
        qapp.exit(0)

    monkeypatch.setattr(ui_app, "start_warm_up", warm_up_then_quit)
    qapp.installEventFilter(painted)
    try:  # looks and quits at WARM_UP_WAIT_MS only if the warm-up never came
        code, _ = bare_start(qapp, demo, lambda: None, at_ms=WARM_UP_WAIT_MS)
    finally:
        qapp.removeEventFilter(painted)
    assert (code, shown, warmed) == (0, [demo.resolve()], [True])


WARM_UP_WAIT_MS = 20_000
"""A loaded machine took longer than ``SETTLED_MS`` to paint the demo's window and warm up."""


def test_a_bare_first_start_shows_the_welcome_page_and_opens_what_it_chooses(
    qapp: QApplication, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No annotator known: no bare name question, the welcome page; its demo button opens the
    demo in a window with the name typed there, and the page closes."""
    monkeypatch.delenv(ANNOTATOR_ENV, raising=False)
    asked: list[object] = []

    def declined(*args: object) -> tuple[str, bool]:
        asked.append(args)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", declined)
    seen: list[bool] = []

    def welcome() -> None:
        [page] = [w for w in qapp.topLevelWidgets() if isinstance(w, WelcomePage) and w.isVisible()]
        seen.append(True)
        QTest.keyClicks(page.name_field, "salma")
        QTest.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
        assert not page.isVisible()

    code, shown = bare_start(qapp, demo, welcome, at_ms=0)
    assert code == 0 and seen == [True] and asked == []
    assert shown == [demo.resolve()]
    windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows and all(window.annotator == "salma" for window in windows)


def test_a_demo_the_annotator_has_edited_stays_open_beside_the_project_asked_for(
    qtbot: QtBot, windows: ProjectWindows, demo: Path, paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_windows, "FILE_OPEN_WAIT_MS", 0)
    windows.open_demo_unless_asked(demo)
    qtbot.waitUntil(lambda: demo.resolve() in windows.windows)
    window = windows.windows[demo.resolve()]
    activate(qtbot, window)
    start = nth_index(window.text_view.text, "إدلب", 0)
    window.text_view.select_range(start, start + len("إدلب"))
    qtbot.keyClick(window.text_view, Qt.Key.Key_4)
    assert window.undo_stack.count() == 1
    finder_opens(paths[0])
    assert shown_projects(application()) == sorted([demo.resolve(), paths[0].resolve()])


def test_a_project_another_program_is_changing_is_refused_at_once_without_freezing_the_window(
    windows: ProjectWindows, paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command-line import alone on its project holds it in rollback mode
    (``connection.bulk_writing``); opening it here waited the command line's 30 s on this
    thread, the program frozen, before saying it was locked."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    with held_by_another_program(paths[0], "PRAGMA journal_mode = DELETE", "BEGIN EXCLUSIVE"):
        began = time.monotonic()
        assert windows.open(paths[0]) is None
        waited = time.monotonic() - began
    [message] = shown
    assert str(paths[0].resolve()) in message and "another program is changing the project" in message
    assert waited < connection.BUSY_TIMEOUT_MS / 1000 / 3
    assert windows.open(paths[0]) is not None  # once it has finished


def test_an_edit_while_another_program_writes_the_project_is_refused_without_freezing_the_window(
    qtbot: QtBot, windows: ProjectWindows, paths: list[Path]
) -> None:
    """A command-line import into the project the window has open holds the write lock for its
    whole transaction: a label pressed meanwhile waited the command line's 30 s on this thread,
    the window frozen, before it was refused. It is refused after a moment now, nothing stored,
    and the same key works once the other program has finished."""
    window = windows.open(paths[0])
    assert window is not None
    activate(qtbot, window)  # the keys go to the active window
    start = nth_index(window.text_view.text, "إدلب", 0)
    window.text_view.select_range(start, start + len("إدلب"))
    with held_by_another_program(paths[0], "BEGIN IMMEDIATE"):
        began = time.monotonic()
        qtbot.keyClick(window.text_view, Qt.Key.Key_1)
        waited = time.monotonic() - began
        message = window.statusBar().currentMessage()
    assert "another program is changing the project" in message
    assert window.undo_stack.count() == 0 and window.span_model.rowCount() == 0
    assert waited < connection.BUSY_TIMEOUT_MS / 1000 / 3
    window.text_view.select_range(start, start + len("إدلب"))
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    assert window.undo_stack.count() == 1 and window.span_model.rowCount() == 1


def test_an_edit_refused_while_another_program_writes_is_said_in_the_windows_language(
    qtbot: QtBot, windows: ProjectWindows, paths: list[Path]
) -> None:
    """The refusal of an edit (and of an undo) is worded as the window's other messages are: an
    Arabic window said it in the command line's English."""
    window = windows.open(paths[0])
    assert window is not None
    window.set_language(Language.ARABIC)
    activate(qtbot, window)
    start = nth_index(window.text_view.text, "إدلب", 0)
    window.text_view.select_range(start, start + len("إدلب"))
    qtbot.keyClick(window.text_view, Qt.Key.Key_1)
    assert window.undo_stack.count() == 1
    expected = f"برنامج آخر يغيّر المشروع {isolated(str(paths[0].resolve()))} الآن (استيراد مثلًا)؛"
    with held_by_another_program(paths[0], "BEGIN IMMEDIATE"):
        window.text_view.select_range(start, start + len("إدلب"))
        qtbot.keyClick(window.text_view, Qt.Key.Key_2)
        assert window.statusBar().currentMessage().startswith(expected)
        window.statusBar().clearMessage()
        window.undo_stack.undo()
        assert window.statusBar().currentMessage().startswith(expected)
    assert window.span_model.rowCount() == 1
