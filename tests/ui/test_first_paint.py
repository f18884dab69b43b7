"""Background work that would hold up a window's first paint starts after it (``ui.first_paint``):
the document list's index of a large project, and the warm-up of the program's first window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_document_list import annotated
from tests.ui.lead_scene import LeadProject, lead_project, lead_project_file  # noqa: F401 (fixtures)
from tests.ui.window_scene import ANNOTATOR, show_window
from workbench.app.document_list import CancelCheck, DocumentIndex, build_document_index
from workbench.app.project import Project
from workbench.core.schema import builtin_schema
from workbench.ui import app as ui_app
from workbench.ui import first_paint
from workbench.ui.annotate import document_model
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.first_paint import after_first_paint
from workbench.ui.lead.adjudication_view import AdjudicationView

WAIT_MS = 20_000


class Painted(QObject):
    """Whether the watched widget has been painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        self.seen = self.seen or event.type() == QEvent.Type.Paint
        return False


def test_the_action_runs_once_after_the_first_paint(qtbot: QtBot) -> None:
    widget = QLabel("نص")
    qtbot.addWidget(widget)
    painted = Painted(widget)
    runs: list[bool] = []
    after_first_paint(widget, lambda: runs.append(painted.seen), latest_ms=WAIT_MS)
    qtbot.wait(100)
    assert runs == []
    widget.show()
    qtbot.waitUntil(lambda: runs == [True])
    widget.repaint()
    qtbot.wait(100)
    assert runs == [True]


def test_a_widget_not_painted_runs_it_after_the_latest_wait(qtbot: QtBot) -> None:
    widget = QLabel("نص")
    qtbot.addWidget(widget)
    runs: list[str] = []
    after_first_paint(widget, lambda: runs.append("ran"), latest_ms=1000)
    qtbot.wait(50)
    assert runs == []
    qtbot.waitUntil(lambda: runs == ["ran"], timeout=WAIT_MS)


def test_a_widget_gone_runs_nothing(qtbot: QtBot) -> None:
    widget = QLabel("نص")
    runs: list[str] = []
    after_first_paint(widget, lambda: runs.append("ran"), latest_ms=100)
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(300)
    assert runs == []


@pytest.fixture
def indexes_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The annotators whose list index was read, as reads start; every project is large."""
    read: list[str] = []

    def counted(project: Project, annotator: str, cancelled: CancelCheck) -> DocumentIndex:
        read.append(annotator)
        return build_document_index(project, annotator, cancelled)

    monkeypatch.setattr(document_model, "build_document_index", counted)
    monkeypatch.setattr(document_model, "BACKGROUND_FROM", 2)
    monkeypatch.setattr(first_paint, "LATEST_MS", WAIT_MS)  # a slow machine's paint is waited for
    return read


def test_the_document_list_s_index_is_read_after_the_window_s_first_paint(
    qtbot: QtBot, tmp_path: Path, indexes_read: list[str]
) -> None:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(5))
        window = MainWindow(project, ANNOTATOR)
        try:
            qtbot.wait(200)  # made, not shown: nothing read yet
            assert indexes_read == []
            show_window(qtbot, window)
            qtbot.waitUntil(lambda: window.documents.is_indexed, timeout=WAIT_MS)
            assert indexes_read == [ANNOTATOR]
        finally:
            window.close()


def test_the_adjudication_list_s_index_is_read_after_its_first_paint(
    qtbot: QtBot, lead_project: LeadProject, indexes_read: list[str]
) -> None:
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    qtbot.wait(200)
    assert indexes_read == []
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.documents.is_indexed, timeout=WAIT_MS)
    assert indexes_read == ["gold"]
    window.close()


def test_the_warm_up_starts_after_the_first_window_has_painted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    monkeypatch.setattr(ui_app, "start_warm_up", lambda: started.append(True))
    monkeypatch.setattr(first_paint, "LATEST_MS", WAIT_MS)
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([annotated(0)])
        window = MainWindow(project, ANNOTATOR)
        try:
            ui_app.warm_up_after_painting(window)
            qtbot.wait(200)
            assert started == []
            show_window(qtbot, window)
            qtbot.waitUntil(lambda: started == [True])
        finally:
            window.close()
