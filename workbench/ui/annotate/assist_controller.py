"""The window's side of the assistance that learns from the project (issue 15): the stored
suggestions follow the shown document (``stored_suggestions``), Edit > Accept suggestions
above… accepts those scored at or above a threshold, a document marked done has the
recommenders fill suggestions for the next ones in the background (the CRF retrained when
due), Project > Fill suggestions does the same on demand behind a progress dialog, and
Project > Statistics shows the throughput (``statistics_dialog``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog

from workbench.app.changes import Change
from workbench.app.document_list import next_not_done, not_done
from workbench.app.project import Project
from workbench.app.recommending import Filled, fill_suggestions
from workbench.core.model import Status
from workbench.core.progress import Progress
from workbench.ui.annotate.statistics_dialog import StatisticsDialog, read_throughput
from workbench.ui.background import BackgroundTask, CancelCheck, QuietTask, Work, read_only, run_in_background, writable

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

DEFAULT_THRESHOLD = 0.9
QUIET_FILL_DOCUMENTS = 20
"""How many documents a document marked done has the recommenders fill in the background: the
next ones the annotator has not done, after it in project order. Filling takes about 60 ms a
document of 3,000 characters: every document not done, as Project > Fill suggestions fills them
(behind a dialog with Cancel), was over an hour and a half of a worker's time on a project of
100,000."""


class AssistController(QObject):
    """Connects ``window``'s assistance actions and follows its documents and changes."""

    _filled_in = Signal(object)
    _throughput_read = Signal(object)
    """From the worker threads, through signals of this object: nothing arrives once the
    window is gone."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.stored = window.labelling.stored
        self._filling: QObject | None = None
        """The fill running now (quiet or with a dialog): one at a time."""
        self.threshold_dialog: QInputDialog | None = None
        self.statistics: StatisticsDialog | None = None
        actions = window.menu_actions
        actions.accept_above.triggered.connect(self.ask_threshold)
        actions.fill_suggestions.triggered.connect(self.fill_now)
        actions.statistics.triggered.connect(self.show_statistics)
        window.documentOpened.connect(self.stored.load_later)
        window.changeApplied.connect(self._changed)
        self._filled_in.connect(self._filled)
        self._throughput_read.connect(self._show_statistics)

    def _changed(self, change: Change) -> None:
        self.stored.load_later(change.document_id)
        if change.status is Status.DONE:
            self.fill_quietly(change.document_id)

    # -- accepting in bulk ----------------------------------------------------------------------

    def ask_threshold(self) -> QInputDialog:
        """Edit > Accept suggestions above…: the score to accept from (a dialog that does not
        block; OK accepts them as one undo step)."""
        dialog = QInputDialog(self._window)
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setWindowTitle(self.tr("Accept suggestions above a score"))
        dialog.setLabelText(self.tr("Accept every suggestion in this document scored at least:"))
        dialog.setDoubleRange(0.0, 1.0)
        dialog.setDoubleDecimals(2)
        dialog.setDoubleStep(0.05)
        dialog.setDoubleValue(DEFAULT_THRESHOLD)
        dialog.doubleValueSelected.connect(self.stored.accept_above)
        dialog.open()
        self.threshold_dialog = dialog
        return dialog

    # -- filling suggestions --------------------------------------------------------------------

    def fill_quietly(self, done: str) -> None:
        """After document ``done`` is done: fill suggestions for the next ones
        (``QUIET_FILL_DOCUMENTS``) in the background."""
        if self._filling is not None:
            return
        task = QuietTask(self._fill(after=done))
        task.succeeded.connect(self._filled_in)
        task.finished.connect(self._forget_fill)
        self._filling = task
        self._window.tell(self.tr("Filling suggestions for the next documents…"))
        task.start()

    def fill_now(self) -> BackgroundTask | None:
        """Project > Fill suggestions: the same, behind a progress dialog with Cancel."""
        if self._filling is not None:
            self._window.tell(self.tr("Suggestions are being filled already."))
            return None
        task = run_in_background(self._window, self.tr("Filling suggestions"), self._fill())
        task.succeeded.connect(self._filled_in)
        task.finished.connect(self._forget_fill)
        self._filling = task
        return task

    def _fill(self, after: str | None = None) -> Work[Filled]:
        """Suggestions for the documents this annotator has not done, as the window lists
        them (every document, not only those assigned), on the worker thread; ``after`` a
        document, the next ``QUIET_FILL_DOCUMENTS`` of them."""
        annotator = self._window.annotator

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> Filled:
            documents = (
                not_done(project, annotator) if after is None
                else next_not_done(project, annotator, after, QUIET_FILL_DOCUMENTS)
            )  # fmt: skip
            return fill_suggestions(
                project, annotator=annotator, progress=progress, cancelled=cancelled,
                document_ids=documents,
            )

        return writable(self._window.project.path, use_case)

    def _filled(self, filled: Filled) -> None:
        self._window.tell(
            self.tr("Filled %n suggestion(s); documents looked at: %1.", "", filled.suggestions)
            .replace("%1", str(filled.documents))
        )
        if self._window.current_document_id is not None:
            self.stored.load_later(self._window.current_document_id)

    def _forget_fill(self) -> None:
        self._filling = None

    # -- statistics -----------------------------------------------------------------------------

    def show_statistics(self) -> None:
        """Project > Statistics: the throughput, read in the background, in a dialog."""
        task = QuietTask(read_only(self._window.project.path, read_throughput))
        task.succeeded.connect(self._throughput_read)
        task.start()

    def _show_statistics(self, throughput: dict[str, Any]) -> None:
        dialog = StatisticsDialog(throughput, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.statistics = dialog
