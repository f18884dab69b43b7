"""The assignment table on a project larger than a page: it reads the rows it paints, not every
document of the project (100,000 documents took 2.2 s of the GUI thread to open)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_document_list import CITIES, annotated
from tests.ui.window_scene import ANNOTATOR
from workbench.app.packages import assigned_documents, choose_documents
from workbench.app.project import Project
from workbench.core.schema import builtin_schema
from workbench.ui.annotate.document_model import PAGE
from workbench.ui.i18n import isolated
from workbench.ui.lead.assignment_dialog import AssignmentDialog

DOCUMENTS = 3 * PAGE + 5


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "pages.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        project.ensure_annotator("badr")
        yield project


def show(qtbot: QtBot, project: Project) -> AssignmentDialog:
    dialog = AssignmentDialog(project)
    qtbot.addWidget(dialog)
    dialog.resize(720, 560)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def test_opening_reads_no_document_list_of_the_whole_project(
    qtbot: QtBot, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog read every document and every annotator's whole list as it opened."""

    def every_row(*_: object) -> None:
        raise AssertionError("every document was read")

    monkeypatch.setattr(Project, "documents", every_row)
    monkeypatch.setattr(Project, "annotator_progress", every_row)
    dialog = show(qtbot, project)
    model = dialog.model
    assert model.rowCount() == DOCUMENTS
    last = DOCUMENTS - 1
    assert model.headerData(last, Qt.Orientation.Vertical) == isolated(f"خبر {last} من {CITIES[last % len(CITIES)]}")
    assert model.headerData(last, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == isolated(f"doc-{last:04d}")
    amal = model.annotators.index(ANNOTATOR)
    assert model.data(model.index(DOCUMENTS - 1, amal), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(7 * 20, amal), Qt.ItemDataRole.DisplayRole) == "done"
    assert model.data(model.index(5 * 30, amal), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_a_click_on_a_cell_of_the_last_page_assigns_its_document(qtbot: QtBot, project: Project) -> None:
    dialog = show(qtbot, project)
    table, model = dialog.table, dialog.model
    index = model.index(DOCUMENTS - 1, model.annotators.index("badr"))
    table.scrollTo(index)
    rect = table.visualRect(index)
    box = table.style().subElementRect(
        table.style().SubElement.SE_ItemViewItemCheckIndicator, _option_for(rect), table
    )
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert assigned_documents(project, "badr") == [f"d{DOCUMENTS - 1}"]
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "new"
    assert model.data(model.index(DOCUMENTS - 2, model.annotators.index("badr")), Qt.ItemDataRole.DisplayRole) == ""


def _option_for(rect: QRect) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    return option


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_a_sample_comes_in_project_order_as_before(project: Project, seed: int) -> None:
    """The sample is put in project order by a position table, no longer by ``list.index`` (a
    search through every document for each one sampled)."""
    import random

    documents = project.documents()
    ids = [d.id for d in documents]
    before = sorted((d.id for d in random.Random(seed).sample(documents, 50)), key=ids.index)
    assert choose_documents(project, sample=50, seed=seed) == before
