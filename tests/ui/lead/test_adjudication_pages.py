"""The adjudication window on a project of many pages of documents: its document table sizes its
columns on a page of rows, not on the first thousand (16 pages read and measured as the window
opened on a large project: 166 -> 89 ms of the GUI thread at 2,000 documents)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_document_list import annotated
from tests.ui.lead_scene import document_shown
from workbench.app import document_list
from workbench.app.project import Project
from workbench.core.model import GOLD
from workbench.core.schema import builtin_schema
from workbench.ui.annotate.document_model import PAGE
from workbench.ui.lead.adjudication_view import AdjudicationView

DOCUMENTS = 20 * PAGE


def test_opening_reads_the_pages_it_shows_not_a_thousand_rows(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_rows: list[int] = []
    read = document_list.page_by_position

    def counted(project: Project, annotator: str, first: int, *rest: Any) -> Any:
        first_rows.append(first)
        return read(project, annotator, first, *rest)

    monkeypatch.setattr(document_list, "page_by_position", counted)
    with Project.create(tmp_path / "many.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        window = AdjudicationView(project, GOLD)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        with qtbot.waitExposed(window):
            window.show()
        document_shown(qtbot, window)
        rows = window.document_table.model().rowCount()
        window.close()  # its project is closed next: the window reads nothing more of it
        window.close()  # a second close is harmless
        assert rows == DOCUMENTS and window.document_table.model().rowCount() == 0
        # the pages around the rows shown first and around the chosen document, if Qt measures
        # again once it is scrolled to; 16 pages were read before
        assert 1 <= len(set(first_rows)) <= 4, sorted(set(first_rows))
