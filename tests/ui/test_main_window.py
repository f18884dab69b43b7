from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.app.demo import ensure_demo_project
from workbench.store.project import Project
from workbench.ui.main_window import MainWindow


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Project]:
    with Project.open(ensure_demo_project(tmp_path / "demo.tawsim")) as project:
        yield project


def test_the_window_lists_documents_and_shows_the_selected_one_rtl(demo: Project, qtbot: QtBot) -> None:
    [first, second, *_] = demo.documents()
    span = demo.add_span(second.id, "amal", 0, 3, "PER")
    window = MainWindow(demo, "amal")
    qtbot.addWidget(window)
    window.show()
    assert window.documents.rowCount() == 5
    assert window.text_view.text == demo.document(first.id).text
    assert window.text_view.layoutDirection() == Qt.LayoutDirection.RightToLeft

    window.document_list.selectRow(1)
    assert window.text_view.text == demo.document(second.id).text
    assert window.text_view.span(span.id) is not None
    assert window.documents.row_at(1).spans == 1
