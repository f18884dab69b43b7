"""Use cases off the GUI thread: the outcome on the GUI thread, progress, Cancel, errors."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    lead_project,
    lead_project_file,
    wait_on_worker,
)
from workbench.core.errors import Cancelled, WorkbenchError
from workbench.core.progress import Progress
from workbench.store.project import Project
from workbench.ui.background import BackgroundTask, CancelCheck, QuietTask, read_only, run_in_background

WAIT_MS = 10_000


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def finish(qtbot: QtBot, task: BackgroundTask) -> None:
    qtbot.waitUntil(lambda: not task.running, timeout=WAIT_MS)


def test_the_result_and_the_progress_arrive_on_the_gui_thread(
    qtbot: QtBot, parent: QWidget
) -> None:
    threads: list[QThread] = []

    def work(progress: Progress, cancelled: CancelCheck) -> str:
        threads.append(QThread.currentThread())
        for done in range(1, 4):
            progress(done, 3)
        return "done"

    task = run_in_background(parent, "Work", work)
    assert task.dialog.isVisible() and task.dialog.isModal()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == ["done"]
    assert threads and threads[0] is not parent.thread()
    assert task.dialog.maximum() == 3 and task.dialog.value() == 3
    assert not task.dialog.isVisible()


def test_cancel_stops_the_work_and_the_dialog_stays_until_it_has(
    qtbot: QtBot, parent: QWidget
) -> None:
    release = threading.Event()

    def work(progress: Progress, cancelled: CancelCheck) -> str:
        progress(1, 10)
        release.wait(WAIT_MS / 1000)
        if cancelled():
            raise Cancelled()
        return "finished anyway"

    task = run_in_background(parent, "Work", work)
    results: list[object] = []
    task.succeeded.connect(results.append)
    task.dialog.cancel_button.click()
    assert task.dialog.isVisible() and not task.dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        release.set()
    assert results == [] and not task.dialog.isVisible()


def test_escape_asks_to_cancel_too(qtbot: QtBot, parent: QWidget) -> None:
    def work(progress: Progress, cancelled: CancelCheck) -> None:
        wait_on_worker(cancelled)
        raise Cancelled()

    task = run_in_background(parent, "Work", work)
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        task.dialog.reject()


def test_a_workbench_error_is_shown_with_its_message(qtbot: QtBot, parent: QWidget) -> None:
    def work(progress: Progress, cancelled: CancelCheck) -> None:
        raise WorkbenchError("p.tawsim: no such document")

    task = run_in_background(parent, "Work", work)
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == ["p.tawsim: no such document"]
    assert task.error_box is not None and task.error_box.text() == "p.tawsim: no such document"
    assert task.error_box.isVisible()
    task.error_box.close()


def test_a_bug_goes_to_the_excepthook_on_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    def work(progress: Progress, cancelled: CancelCheck) -> None:
        raise KeyError("bug")

    with qtbot.capture_exceptions() as exceptions:
        task = run_in_background(parent, "Work", work)
        finish(qtbot, task)
    assert [type(error) for _, error, _ in exceptions] == [KeyError]
    assert task.error_box is not None and "KeyError" in task.error_box.text()
    task.error_box.close()


def test_read_only_work_uses_a_connection_of_its_own(
    qtbot: QtBot, parent: QWidget, lead_project: LeadProject
) -> None:
    gui_project = lead_project.project

    def count(
        project: Project, progress: Progress, cancelled: CancelCheck
    ) -> tuple[int, bool, bool]:
        return len(project.documents()), project.readonly, project.conn is gui_project.conn

    task = run_in_background(parent, "Count", read_only(gui_project.path, count))
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [(5, True, False)]


def test_a_task_that_cannot_be_cancelled_has_no_cancel_button(
    qtbot: QtBot, parent: QWidget
) -> None:
    task = run_in_background(parent, "Work", lambda progress, cancelled: 1, cancellable=False)
    assert not task.dialog.cancel_button.isVisible()
    task.dialog.reject()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS):
        pass


def test_no_garbage_is_collected_while_a_worker_runs(qtbot: QtBot, parent: QWidget) -> None:
    """A collection on a worker thread deletes a closed window's Qt objects off the GUI thread
    (a crash of the test suite): the collector is off from a task's start to its end."""
    seen: list[bool] = []
    quiet = QuietTask(lambda progress, cancelled: seen.append(gc.isenabled()))
    with qtbot.waitSignal(quiet.finished, timeout=WAIT_MS):
        quiet.start()
    task = run_in_background(parent, "Work", lambda progress, cancelled: seen.append(gc.isenabled()))
    finish(qtbot, task)
    assert seen == [False, False]
    qtbot.waitUntil(gc.isenabled)  # back on once no worker runs (a quiet task's: two turns later)


def test_a_quiet_tasks_young_objects_are_collected_after_its_result_is_shown(qtbot: QtBot) -> None:
    """The first allocation after the collector comes back collects what the work made (5-9 ms
    for a document read on a worker): not in the stretch that shows its result, nor in the paint
    of the next turn, but in the turn after."""
    on_arrival: list[bool] = []
    quiet = QuietTask(lambda progress, cancelled: [object() for _ in range(1000)])
    quiet.succeeded.connect(lambda _result: on_arrival.append(gc.isenabled()))
    with qtbot.waitSignal(quiet.finished, timeout=WAIT_MS):
        quiet.start()
    QApplication.processEvents()  # the next turn: the paint's
    assert on_arrival == [False] and not gc.isenabled()
    QApplication.processEvents()
    assert gc.isenabled()


def test_stopping_the_quiet_tasks_asks_them_all_before_waiting_for_any(qtbot: QtBot) -> None:
    """As the program exits: a task may wait for another (two offers weigh the training documents
    once, ``app.suggestions``); asked and waited for in turn, the first would wait for one not yet
    asked to stop. Here each, once asked, waits for the other to have been asked."""
    asked = {"a": threading.Event(), "b": threading.Event()}
    saw_the_other: dict[str, bool] = {}

    def work(name: str, other: str) -> Callable[[Progress, CancelCheck], None]:
        def until_both_asked(progress: Progress, cancelled: CancelCheck) -> None:
            while not cancelled():
                time.sleep(0.005)
            asked[name].set()
            saw_the_other[name] = asked[other].wait(5)

        return until_both_asked

    tasks = [QuietTask(work("a", "b")), QuietTask(work("b", "a"))]
    for task in tasks:
        task.start()
    QuietTask.stop_all()
    assert saw_the_other == {"a": True, "b": True}
