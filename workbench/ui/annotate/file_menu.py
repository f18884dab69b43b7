"""The File menu of the annotator's window: New project, Open, Open recent, Import files, Export
(the Project menu's action), Merge packages, Quit; and files dropped on the window.

New and Open (and a recent project, or a project file dropped) ask ``MainWindow.projectRequested``
for the project: ``ProjectWindows`` opens it in a window of its own, or brings it to the front.
Importing runs in the background behind a progress dialog (``background.py``), all of the files or
nothing; what the import repaired or left out is shown as the command line prints it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from workbench.app.importing import ImportSummary, import_paths
from workbench.app.project import PROJECT_SUFFIX, Project
from workbench.core.progress import Progress
from workbench.formats.report import FormatReport
from workbench.ui.background import BackgroundTask, CancelCheck, run_in_background, writable
from workbench.ui.format_issues import issue_lines
from workbench.ui.format_titles import format_title
from workbench.ui.i18n import isolated
from workbench.ui.problem_words import problem_words
from workbench.ui.project_dialogs import NewProjectDialog, choose_project_to_open

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

StandardKey = QKeySequence.StandardKey
IMPORT_PATTERNS: dict[str, str] = {
    "auto": "*.txt *.jsonl *.json *.conll *.iob *.iob2 *.bio *.bioes *.tsv *.ann",
    "txt": "*.txt",
    "jsonl": "*.jsonl",
    "conll": "*.conll *.iob *.iob2 *.bio *.bioes *.txt *.tsv",
    "brat": "*.ann *.txt",
    "doccano": "*.jsonl *.json",
    "labelstudio": "*.json",
}
"""The Import dialog's file types, one per format the import reads; "auto" tells by the files."""


@dataclass
class ImportOutcome:
    summary: ImportSummary
    report: FormatReport


class FileMenu(QObject):
    """The File menu's entries for ``window`` (its actions are made here and put in the menu
    ``WindowActions`` built; Export, Merge packages and Quit are that class's)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.task: BackgroundTask | None = None
        """The import running, or the last one."""
        self.warnings_box: QMessageBox | None = None
        """What the last import repaired or left out, while it is shown."""
        self.new_project = self._action(StandardKey.New, self.create_project)
        self.open_project = self._action(StandardKey.Open, self.choose_project)
        self.import_files = self._action("Ctrl+I", self.choose_files_to_import)
        menu = window.menu_actions.menus["file"]
        self.recent_menu = QMenu(menu)
        self.recent_menu.aboutToShow.connect(self._list_recent_projects)
        self._list_recent_projects()  # Qt opens no empty submenu: it would never show its list
        first = menu.actions()[0]
        menu.insertActions(first, [self.new_project, self.open_project])
        menu.insertMenu(first, self.recent_menu)
        menu.insertSeparator(first)
        menu.insertAction(first, self.import_files)
        self.retranslate()

    def _action(self, key: str | StandardKey, slot: Callable[[], object]) -> QAction:
        action = QAction(self._window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.new_project.setText(self.tr("New project…"))
        self.open_project.setText(self.tr("Open…"))
        self.recent_menu.setTitle(self.tr("Open recent"))
        self.import_files.setText(self.tr("Import files…"))

    # -- projects -------------------------------------------------------------------------------

    def create_project(self) -> None:
        dialog = NewProjectDialog(self._window)
        dialog.finished.connect(lambda _result: self._request(dialog.created) if dialog.created else None)
        dialog.open()

    def choose_project(self) -> None:
        path = choose_project_to_open(self._window)
        if path is not None:
            self._request(path)

    def _request(self, path: Path) -> None:
        self._window.projectRequested.emit(path)

    def _list_recent_projects(self) -> None:
        self.recent_menu.clear()
        settings = self._window.settings
        recent = settings.recent_projects() if settings is not None else []
        for path in recent:
            action = self.recent_menu.addAction(isolated(str(path)))  # its slashes where they belong in Arabic
            action.triggered.connect(partial(self._request, path))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)

    # -- importing -------------------------------------------------------------------------------

    def choose_files_to_import(self) -> None:
        filters = [f"{format_title(name)} ({patterns})" for name, patterns in IMPORT_PATTERNS.items()]
        paths, chosen_filter = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import files"), "", ";;".join(filters)
        )
        if paths:
            chosen = filters.index(chosen_filter) if chosen_filter in filters else 0  # 0: auto
            self.start_import([Path(path) for path in paths], list(IMPORT_PATTERNS)[chosen])

    def start_import(self, paths: Sequence[Path], format_name: str = "auto") -> BackgroundTask:
        """Import ``paths`` into the window's project in the background; the document list and
        the shown document are read again once they are in."""

        def use_case(project: Project, progress: Progress, cancelled: CancelCheck) -> ImportOutcome:
            report = FormatReport()
            summary = import_paths(
                project, paths, format_name=format_name, report=report,
                progress=progress, cancelled=cancelled,
            )
            return ImportOutcome(summary, report)

        window = self._window
        work = writable(window.project.path, use_case)
        self.task = run_in_background(window, self.tr("Importing"), work)
        self.task.succeeded.connect(self._imported)
        return self.task

    def _imported(self, outcome: ImportOutcome) -> None:
        self._window.reload()
        summary = outcome.summary
        text = self.tr("Imported %n new document(s)", "", summary.documents_added)
        if summary.documents_matched:
            text += self.tr(" (%n already in the project)", "", summary.documents_matched)
        counts = self.tr(", %1 spans, %2 events.")
        text += counts.replace("%1", str(summary.spans)).replace("%2", str(summary.events))
        warnings = [*issue_lines(outcome.report.counts), *map(problem_words, summary.messages)]
        self._window.tell(text)
        if warnings:
            details = "\n".join("• " + line for line in warnings)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import"), text, parent=self._window)
            box.setInformativeText(self.tr("Warnings:") + "\n" + details)
            box.open()
            self.warnings_box = box

    # -- dropped files -----------------------------------------------------------------------------

    def drag_entered(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dropped(self, event: QDropEvent) -> None:
        """Project files open; the other files are imported (their format told by the files)."""
        paths = _local_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        projects = [path for path in paths if path.suffix == PROJECT_SUFFIX]
        for project in projects:
            self._request(project)
        others = [path for path in paths if path.suffix != PROJECT_SUFFIX]
        if others:
            self.start_import(others)


def _local_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
