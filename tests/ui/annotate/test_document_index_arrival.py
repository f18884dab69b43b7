"""The document list's index, read on a worker thread for a large project, changes nothing the
views show when no filter or sort waits for it: they are not told of a layout change (which made
the adjudication window's list measure its columns and repaint every row as its first document
was shown)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_document_list import DOCUMENTS, annotated
from tests.ui.window_scene import ANNOTATOR
from workbench.app.project import Project
from workbench.core.schema import builtin_schema
from workbench.ui.annotate.document_model import DocumentTableModel

WAIT_MS = 20_000


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "many.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        yield project


def layout_changes(model: DocumentTableModel) -> list[str]:
    told: list[str] = []
    model.layoutChanged.connect(lambda *_: told.append("layout"))
    model.modelReset.connect(lambda: told.append("reset"))
    return told


def test_the_index_arriving_unfiltered_tells_the_views_nothing(qtbot: QtBot, project: Project) -> None:
    model = DocumentTableModel(project, ANNOTATOR)
    told = layout_changes(model)
    first = model.row_at(0).name
    qtbot.waitUntil(lambda: model.is_indexed, timeout=WAIT_MS)
    assert told == [] and model.rowCount() == DOCUMENTS and model.row_at(0).name == first
    model.set_name("إدلب")  # the index serves the filter, which does change the rows shown
    assert told == ["layout"] and 0 < model.rowCount() < DOCUMENTS


def test_a_filter_typed_before_the_index_comes_is_applied_when_it_does(qtbot: QtBot, project: Project) -> None:
    model = DocumentTableModel(project, ANNOTATOR)
    told = layout_changes(model)
    model.set_name("إدلب")
    assert model.rowCount() == DOCUMENTS  # waits for the index
    qtbot.waitUntil(lambda: model.is_indexed, timeout=WAIT_MS)
    assert told == ["layout"] and 0 < model.rowCount() < DOCUMENTS
