"""What showing a document in the adjudication window leaves undone, to stay within a frame of
the GUI thread: work that changes nothing on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import application
from tests.ui.lead.test_adjudication_view import view  # noqa: F401 (fixture)
from tests.ui.lead_scene import LeadProject, lead_project, lead_project_file  # noqa: F401 (fixtures)
from workbench.ui.annotate.document_model import DocumentTableModel
from workbench.ui.lead.adjudication_candidates import CandidateModel
from workbench.ui.lead.adjudication_layout import Pane
from workbench.ui.lead.adjudication_view import MERGED, AdjudicationView


class ShownPanes(QObject):
    """Records the panes shown while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, Pane):
            self.shown.append(watched.title.text())
        return False


class MeasuredCells(QStyledItemDelegate):
    """A column's delegate that counts the cells measured (a table measures a column's cells by
    its delegate's size hints)."""

    def __init__(self) -> None:
        super().__init__()
        self.measured = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        self.measured += 1
        return super().sizeHint(option, index)


def test_the_candidates_text_column_is_never_measured(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    """It stretches over what the other columns leave: measuring it (every text of the document)
    took 2-3 ms of each document shown. The others still fit their contents."""
    text, who = MeasuredCells(), MeasuredCells()
    view.candidate_table.setItemDelegateForColumn(CandidateModel.TEXT, text)
    view.candidate_table.setItemDelegateForColumn(CandidateModel.WHO, who)
    view.show_document(lead_project.document_ids[2])
    qtbot.waitUntil(lambda: who.measured > 0)
    qtbot.wait(10)
    assert text.measured == 0


def test_an_annotators_pane_made_in_the_merged_view_is_not_shown(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    """Placed shown in the splitter, it was laid out (27 resizes of the views as three panes
    came, 3 ms) and then hidden."""
    window = AdjudicationView(lead_project.project, "lead", None, lead_project.document_ids[4])
    window.resize(1500, 900)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.document_id is not None)
    assert list(window.annotator_panes) == ["amal", "carim"]
    shown = ShownPanes()
    application().installEventFilter(shown)
    try:
        window.show_document(lead_project.document_ids[0])  # badr's pane is made
    finally:
        application().removeEventFilter(shown)
    assert list(window.annotator_panes) == ["amal", "badr", "carim"] and shown.shown == []
    window.set_mode("side_by_side")
    assert window.annotator_panes["badr"].isVisible()


@pytest.mark.parametrize("document", range(5))
def test_the_candidates_columns_are_as_wide_as_qt_measures_them_from_fewer_cells(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject, document: int
) -> None:
    """Each column is measured on one cell of each of its texts (and fonts), not on every cell:
    a few labels, names and agreements repeat down it."""
    who = MeasuredCells()
    view.candidate_table.setItemDelegateForColumn(CandidateModel.WHO, who)
    view.show_document(lead_project.document_ids[document])
    table = view.candidate_table
    for column in (CandidateModel.LABEL, CandidateModel.WHO, CandidateModel.AGREEMENT, CandidateModel.IN_GOLD):
        who.measured = 0
        assert table.measure_column(column) == QTableView.sizeHintForColumn(table, column)
    who.measured = 0
    table.measure_column(CandidateModel.WHO)
    names = {", ".join(c.annotators) for c in view.candidates.candidates}
    assert who.measured == len(names)  # the full agreement of document 1: 1 of 4 rows


def test_the_merged_pane_shown_with_the_window_is_not_shown_again(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    """``setVisible(True)`` on a widget shown with its window shows it again (its view too): 1-2 ms
    of the first document's round."""
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    window.show()
    shown = ShownPanes()
    application().installEventFilter(shown)
    try:
        window.set_mode(MERGED)
    finally:
        application().removeEventFilter(shown)
    assert shown.shown == [] and window.merged_pane.isVisible()


def test_the_document_lists_status_and_count_are_measured_on_one_cell_of_each(
    qtbot: QtBot, view: AdjudicationView
) -> None:
    """A list sized to its contents measured a page of cells a column (5-10 ms a column as the
    window showed its first document); a status or a count repeats down the list."""
    table = view.document_table
    documents = view.documents
    status = MeasuredCells()
    table.setItemDelegateForColumn(DocumentTableModel.STATUS, status)
    for column in (DocumentTableModel.STATUS, DocumentTableModel.SPANS):
        assert table.measure_column(column) == QTableView.sizeHintForColumn(table, column)
    status.measured = 0
    table.measure_column(DocumentTableModel.STATUS)
    shown = {documents.index(row, DocumentTableModel.STATUS).data() for row in range(documents.rowCount())}
    assert status.measured == len(shown) < documents.rowCount()


def test_the_document_lists_names_leave_the_status_and_count_in_sight(view: AdjudicationView) -> None:
    """Measured to their length, the names (the articles' first sentences) pushed the status and
    the span count out of the list, behind a horizontal scroll bar."""
    table = view.document_table
    header = table.horizontalHeader()
    assert header.sectionResizeMode(DocumentTableModel.NAME) == QHeaderView.ResizeMode.Stretch
    assert table.horizontalScrollBar().maximum() == 0
    for column in (DocumentTableModel.STATUS, DocumentTableModel.SPANS):
        assert 0 <= header.sectionViewportPosition(column) < table.viewport().width()
