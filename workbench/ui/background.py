"""Running an app use case off the GUI thread, behind a progress dialog with a Cancel button.

``run_in_background(parent, title, work)`` starts ``work(progress, cancelled)`` on a ``QThread``
and returns a ``BackgroundTask`` whose signals deliver the outcome on the GUI thread:

- ``succeeded(result)``: the work returned;
- ``cancelled()``: the user pressed Cancel and the work stopped with ``Cancelled`` (the use cases
  check ``cancelled()`` between documents and keep nothing of a cancelled run);
- ``failed(message)``: a ``WorkbenchError`` (or an ``OSError``/``sqlite3.Error``: a full disk, a
  locked file), whose one-line message is also shown in a message box;
- ``finished()``: after any of these.

An exception of any other kind is a bug: it is handed to ``sys.excepthook`` on the GUI thread, as
if it had been raised there, and reported through ``failed`` too.

SQLite and threads. A project's connection is opened with ``check_same_thread=False``, but one
connection must never be used by two threads at once. So the work never touches the caller's
``Project``: ``read_only(path, use_case)`` and ``writable(path, use_case)`` (and
``keeping_tokens``, which chooses between them) open a second connection to the same file inside
the worker thread and close it there. SQLite's WAL mode lets
the GUI's connection read meanwhile, and a write is one ``BEGIN IMMEDIATE`` transaction, so the
GUI's connection sees all of it or nothing. The progress dialog is application-modal and stays up
until the work has stopped (Cancel only asks the work to stop), so the user cannot start an edit,
or a second task, while one runs.
"""

from __future__ import annotations

import atexit
import logging
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from workbench.app.project import Project
from workbench.core.errors import Cancelled, WorkbenchError
from workbench.core.gc_pause import pause_collection, resume_collection
from workbench.core.progress import CancelCheck as CancelCheck  # the window's name for it too
from workbench.core.progress import Progress
from workbench.ui.error_words import error_words

log = logging.getLogger(__name__)

T = TypeVar("T")
Work = Callable[[Progress, CancelCheck], T]
"""What runs on the worker thread: it reports ``progress(done, total)``, polls ``cancelled()``."""
UseCase = Callable[[Project, Progress, CancelCheck], T]

PROGRESS_INTERVAL_S = 0.05
"""At most this often is progress sent to the GUI thread (the last step always is)."""

USER_ERRORS = (WorkbenchError, OSError, sqlite3.Error)
"""Errors whose message is for the user: bad input, a refused operation, a full disk."""


def read_only(path: Path, use_case: UseCase[T]) -> Work[T]:
    """``use_case`` on the project at ``path``, opened read-only in the worker thread."""

    def work(progress: Progress, cancelled: CancelCheck) -> T:
        with Project.open(path, readonly=True) as project:
            return use_case(project, progress, cancelled)

    return work


def writable(path: Path, use_case: UseCase[T]) -> Work[T]:
    """``use_case`` on the project at ``path``, on a connection of the worker thread's own."""

    def work(progress: Progress, cancelled: CancelCheck) -> T:
        with Project.open(path) as project:
            return use_case(project, progress, cancelled)

    return work


def keeping_tokens(project: Project, use_case: UseCase[T]) -> Work[T]:
    """``use_case`` (an export, the agreement) on a connection of the worker thread's own that
    keeps the tokens it cuts (``store.token_cache``), unless the window's ``project`` is
    read-only: read-only, every export and agreement would cut the texts again."""
    return read_only(project.path, use_case) if project.readonly else writable(project.path, use_case)


class _Ending(Enum):
    SUCCEEDED = "succeeded"
    CANCELLED = "cancelled"
    FAILED = "failed"
    CRASHED = "crashed"


@dataclass(frozen=True)
class _Outcome:
    ending: _Ending
    value: Any = None


class _Worker(QThread):
    """Runs the work once and reports its outcome; progress is throttled.

    Python's cyclic garbage collector is paused from ``start`` to ``joined`` (both on the GUI
    thread). A collection runs on whichever thread allocates past a threshold, and a worker that
    collects a cycle holding a closed window's Qt objects deletes them off the GUI thread: the
    test suite crashed so, a worker reading the document index while the GUI thread sized a
    table. What accumulates meanwhile is collected as usual once no worker runs."""

    progressed = Signal(int, int)
    ended = Signal(object)

    def __init__(self, work: Work[Any], parent: QObject) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._last_report = 0.0

    def request_stop(self) -> None:
        self._stop.set()

    def start(self) -> None:  # type: ignore[override]  # (QThread.start's priority is never given)
        pause_collection()
        super().start()

    def joined(self) -> None:
        """Wait for the thread's very end (its outcome has arrived) and resume collection."""
        self.wait()
        resume_collection()

    def joined_collecting_later(self) -> None:
        """``joined``, with collection resumed two turns of the event loop later: the first
        allocation after it collects the young objects the work made (a document read on the
        worker: 5-9 ms), which then share a stretch neither with showing the result (this turn)
        nor with the paint it asks for (the next)."""
        self.wait()
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, resume_collection))

    def run(self) -> None:
        try:
            result = self._work(self._report, self._stop.is_set)
        except Cancelled:
            outcome = _Outcome(_Ending.CANCELLED)
        except USER_ERRORS as error:
            outcome = _Outcome(_Ending.FAILED, error_words(error))
        except Exception as error:  # noqa: BLE001 (a bug: handed to the GUI thread's excepthook)
            outcome = _Outcome(_Ending.CRASHED, error)
        else:
            outcome = _Outcome(_Ending.SUCCEEDED, result)
        self.ended.emit(outcome)

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            self.progressed.emit(done, total)


class _ProgressDialog(QProgressDialog):
    """A progress dialog that stays up until the work has stopped.

    ``QProgressDialog`` hides itself on Cancel, Escape or the close button; here those only ask
    the work to stop (``canceled`` is emitted), and the task hides the dialog once it has.
    """

    def __init__(self, title: str, cancellable: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.canceled.disconnect(self.cancel)
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoReset(False)
        self.setAutoClose(False)
        self.setMinimumDuration(0)
        self.setRange(0, 0)
        self._cancellable = cancellable
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.setCancelButton(self.cancel_button)
        self.cancel_button.setVisible(cancellable)

    def reject(self) -> None:
        if self._cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()


class BackgroundTask(QObject):
    """One use case running on a worker thread, with its progress dialog (module docstring)."""

    succeeded = Signal(object)
    cancelled = Signal()
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self, parent: QWidget | None, title: str, work: Work[Any], *, cancellable: bool = True
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self.error_box: QMessageBox | None = None
        """The message box showing the failure, once there is one (it does not block)."""
        self.dialog = _ProgressDialog(title, cancellable, parent)
        self.dialog.canceled.connect(self.cancel)
        self._worker = _Worker(work, self)
        self._worker.progressed.connect(self._show_progress)
        self._worker.ended.connect(self._end)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.dialog.show()
        self._worker.start()

    def cancel(self) -> None:
        """Ask the work to stop; it does at its next check, and ``cancelled`` follows."""
        if self.running:
            self._worker.request_stop()
            self.dialog.setLabelText(self.tr("Cancelling…"))
            self.dialog.cancel_button.setEnabled(False)

    def _show_progress(self, done: int, total: int) -> None:
        if not self.running:
            return
        if total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))
            text = self.tr("{title}: {done} of {total}").format(
                title=self._title, done=done, total=total
            )
        else:
            text = self.tr("{title}: {done} done").format(title=self._title, done=done)
        self.dialog.setLabelText(text)

    def _end(self, outcome: _Outcome) -> None:
        self._worker.joined()
        self._worker.deleteLater()
        self.running = False
        self.dialog.hide()
        if outcome.ending is _Ending.SUCCEEDED:
            self.succeeded.emit(outcome.value)
        elif outcome.ending is _Ending.CANCELLED:
            self.cancelled.emit()
        elif outcome.ending is _Ending.FAILED:
            self._fail(outcome.value)
        else:
            error: BaseException = outcome.value
            sys.excepthook(type(error), error, error.__traceback__)
            self._fail(
                self.tr("Unexpected error (please report it): {error!r}").format(error=error)
            )
        self.finished.emit()

    def _fail(self, message: str) -> None:
        log.info("%s failed: %s", self._title, message)
        box = QMessageBox(QMessageBox.Icon.Warning, self._title, message, parent=self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box
        self.failed.emit(message)


class QuietTask(QObject):
    """Work on a worker thread with no dialog, for what the window keeps up to date by itself
    (suggestions): ``succeeded(result)`` on the GUI thread, then ``finished``; a failure is only logged, and a bug
    goes to ``sys.excepthook``. Running tasks are kept here, not by a widget, so that closing a
    window never destroys a thread that still runs."""

    succeeded = Signal(object)
    finished = Signal()
    """After the work ended, whatever the ending."""
    _running: ClassVar[set[QuietTask]] = set()

    def __init__(self, work: Work[Any]) -> None:
        super().__init__()
        self._worker = _Worker(work, self)
        self._worker.ended.connect(self._end)

    def start(self) -> None:
        QuietTask._running.add(self)
        self._worker.start()

    def cancel(self) -> None:
        """Ask the work to stop (it polls ``cancelled()``); it ends without ``succeeded``."""
        self._worker.request_stop()

    @classmethod
    def any_running(cls) -> bool:
        return bool(cls._running)

    @classmethod
    def stop_all(cls) -> None:
        """Stop the tasks still running and wait for them, as the program exits: a thread that
        still runs when Python's objects go takes the process down with it."""
        running = list(cls._running)
        for task in running:  # all asked first: one may wait for another (app.suggestions)
            task.cancel()
        for task in running:
            task._worker.wait()

    def _end(self, outcome: _Outcome) -> None:
        self._worker.joined_collecting_later()
        QuietTask._running.discard(self)
        if outcome.ending is _Ending.SUCCEEDED:
            self.succeeded.emit(outcome.value)
        elif outcome.ending is _Ending.CRASHED:
            error: BaseException = outcome.value
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            log.info("background work ended: %s %s", outcome.ending.value, outcome.value or "")
        self.finished.emit()


atexit.register(QuietTask.stop_all)


def run_in_background(
    parent: QWidget | None, title: str, work: Work[Any], *, cancellable: bool = True
) -> BackgroundTask:
    """Start ``work`` on a worker thread behind a modal progress dialog; connect to the returned
    task's signals right away (its outcome arrives through the event loop, never before). With
    no ``parent`` (no window open yet), the dialog and an error's message box stand alone."""
    task = BackgroundTask(parent, title, work, cancellable=cancellable)
    task.start()
    return task
