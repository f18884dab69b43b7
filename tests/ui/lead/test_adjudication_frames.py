"""What showing a document in the adjudication window leaves undone, to stay within a frame of
the GUI thread: work that changes nothing on screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.ui.lead.test_adjudication_view import view  # noqa: F401 (fixture)
from tests.ui.lead_scene import LeadProject, lead_project, lead_project_file  # noqa: F401 (fixtures)
from workbench.ui.lead.adjudication_candidates import CandidateModel
from workbench.ui.lead.adjudication_view import AdjudicationView


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

