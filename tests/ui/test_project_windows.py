"""Projects opened in windows: from the command line, and from macOS's FileOpen events."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.window_scene import ini_settings, new_project
from workbench.store.project import Project
from workbench.ui.project_windows import ProjectWindows


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
    QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(QUrl.fromLocalFile(str(paths[1]))))
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
