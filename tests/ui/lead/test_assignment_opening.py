"""Opening the assignment dialog on a project larger than a page: its row headers (the documents'
titles) are sized to the first page of rows, the rows it shows as it opens, not to the first and
last hundred, which Qt reads and measures (five pages, 5-8 ms of the first paint)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.lead.test_assignment_pages import DOCUMENTS, project, show  # noqa: F401 (project: a fixture)
from workbench.app import document_list
from workbench.app.project import Project
from workbench.ui.annotate.document_model import PAGE
from workbench.ui.lead.assignment_dialog import AssignmentModel
from workbench.ui.lead.row_titles import RowTitles


def test_opening_reads_the_titles_of_the_first_page_alone(
    qtbot: QtBot, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    firsts: list[int] = []
    read = document_list.titles_by_position

    def recorded(project: Project, first: int, count: int) -> Any:
        firsts.append(first)
        return read(project, first, count)

    monkeypatch.setattr(document_list, "titles_by_position", recorded)
    dialog = show(qtbot, project)
    qtbot.wait(20)  # the first paint
    assert firsts and set(firsts) == {0}
    assert dialog.model.rowCount() == DOCUMENTS


def widest_of_the_first_page(header: RowTitles) -> int:
    return max(header.sectionSizeFromContents(row).width() for row in range(min(header.count(), PAGE)))


def test_the_row_headers_are_as_wide_as_the_first_pages_widest_title(qtbot: QtBot, project: Project) -> None:
    dialog = show(qtbot, project)
    header = dialog.table.verticalHeader()
    assert isinstance(header, RowTitles)
    assert header.width() == header.sizeHint().width() == widest_of_the_first_page(header)


def test_the_row_headers_are_measured_again_when_the_rows_change(qtbot: QtBot, project: Project) -> None:
    dialog = show(qtbot, project)
    header = dialog.table.verticalHeader()
    assert isinstance(header, RowTitles)
    width = header.sizeHint().width()
    project.set_document_title("d1", "عنوان أطول بكثير من عناوين الأخبار الأخرى في هذه الصفحة")
    dialog.add_annotator("dina")  # reloads the table
    assert header.sizeHint().width() > width
    qtbot.waitUntil(lambda: header.width() == header.sizeHint().width() == widest_of_the_first_page(header))


def test_the_roles_without_an_answer_read_nothing(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A view asks each cell and each row's title for eight or nine roles as it paints: the
    roles the table has no answer for return at once, reading no page of rows."""

    def no_page_read(*_: object) -> None:
        raise AssertionError("a page read for a role without an answer")

    model = AssignmentModel(project)
    monkeypatch.setattr(document_list, "titles_by_position", no_page_read)
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.SizeHintRole):
        assert model.data(model.index(DOCUMENTS - 1, 0), role) is None
        assert model.headerData(DOCUMENTS - 1, Qt.Orientation.Vertical, role) is None
