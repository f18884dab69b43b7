"""The agreement dashboard's report arriving: its tables are made on the worker thread that
computes it, so that the GUI thread only gives them to their models (at 1,000 compared documents,
making them took 15-20 ms of the GUI thread as the report arrived)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    lead_project,
    lead_project_file,
    wait_on_worker,
)
from workbench.app.agreement import project_agreement
from workbench.app.agreement_html import heat_colour
from workbench.app.project import Project
from workbench.core.agreement import pair_key
from workbench.ui import i18n
from workbench.ui.i18n import Language
from workbench.ui.lead import agreement_cells, agreement_dashboard
from workbench.ui.lead.agreement_cells import CellItemModel, CellTable, CellTableModel
from workbench.ui.lead.agreement_dashboard import AgreementDashboard
from workbench.ui.lead.agreement_tables import AgreementTables

WAIT_MS = 30_000


def shown_dashboard(qtbot: QtBot, project: Project) -> AgreementDashboard:
    window = AgreementDashboard(project, "lead")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def computed(qtbot: QtBot, window: AgreementDashboard) -> AgreementDashboard:
    with qtbot.waitSignal(window.refresh().succeeded, timeout=WAIT_MS):
        pass
    return window


def test_the_tables_are_made_off_the_gui_thread(
    qtbot: QtBot, lead_project: LeadProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    made = AgreementTables.documents

    def recorded(tables: AgreementTables, *arguments: Any) -> Any:
        threads.append(threading.current_thread())
        return made(tables, *arguments)

    monkeypatch.setattr(AgreementTables, "documents", recorded)
    window = computed(qtbot, shown_dashboard(qtbot, lead_project.project))
    assert threads and threading.main_thread() not in threads
    assert window.document_model.rowCount() == len(window.document_rows) > 0


def test_a_dashboard_closed_before_its_report_arrives_takes_it_in(
    qtbot: QtBot, lead_project: LeadProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed (hidden: the window is kept, as the main window keeps it) while the report is
    computed, the dashboard still takes the report in when it comes, and shows it when opened
    again."""
    released = threading.Event()

    def held(project: Project, **options: Any) -> Any:
        wait_on_worker(released.is_set)
        return project_agreement(project, **options)

    monkeypatch.setattr(agreement_dashboard, "project_agreement", held)
    window = shown_dashboard(qtbot, lead_project.project)
    task = window.refresh()
    window.close()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS):
        released.set()
    assert not window.isVisible()
    assert window.report == project_agreement(lead_project.project)
    assert window.document_model.rowCount() == len(lead_project.document_ids)
    with qtbot.waitExposed(window):
        window.show()


def test_a_cells_colour_is_made_with_the_cell_not_as_the_view_asks(
    qtbot: QtBot, lead_project: LeadProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view asks each cell for its colours as it measures and paints: made there, a colour
    took 8 microseconds of the GUI thread each time."""
    window = computed(qtbot, shown_dashboard(qtbot, lead_project.project))

    def no_colour_made(*_: object) -> QColor:
        raise AssertionError("a colour made as the view asks")

    monkeypatch.setattr(agreement_cells, "QColor", no_colour_made)
    model = window.heatmap_model
    index = model.index(0, 1)
    assert window.report is not None
    value = window.report["span_f1"]["exact_labeled"]["pairs"][pair_key("amal", "badr")]
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == QColor(heat_colour(value))
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) == QColor("#000000")
    alignment = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
    assert alignment == Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter


def test_tables_made_on_the_worker_speak_the_interface_language(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    i18n.set_language(Language.ARABIC)
    try:
        window = computed(qtbot, shown_dashboard(qtbot, lead_project.project))
        shown = window.document_model.headerData(0, Qt.Orientation.Horizontal)
        assert shown == QCoreApplication.translate("AgreementTables", "Document") != "Document"
    finally:
        i18n.set_language(Language.ENGLISH)


def test_the_reports_tables_are_qt_items_that_answer_as_the_cells_do(qtbot: QtBot, lead_project: LeadProject) -> None:
    """The views measure and paint a report's tables without calling into Python (they asked a
    Python model 4,400 times as the report arrived): Qt's own items, made on the worker thread
    and handed to the GUI thread, that answer every role as ``CellTableModel`` answers it."""
    window = computed(qtbot, shown_dashboard(qtbot, lead_project.project))
    roles = [
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    ]
    models = [window.headline_model, window.label_model, window.document_label_model, window.document_model]
    application = QCoreApplication.instance()
    assert application is not None
    for model in models:
        assert isinstance(model, CellItemModel) and "data" not in vars(type(model))
        assert model.thread() is application.thread()
        columns = range(model.columnCount())
        answers = CellTableModel()
        answers.set_table(
            CellTable(
                [model.headerData(c, Qt.Orientation.Horizontal) for c in columns],
                [[model.cell(r, c) for c in columns] for r in range(model.rowCount())],
            )
        )
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index, expected = model.index(row, column), answers.index(row, column)
                assert [model.data(index, role) for role in roles] == [answers.data(expected, role) for role in roles]
                assert model.flags(index) == answers.flags(expected)
    assert window.document_model.rowCount() == len(lead_project.document_ids)
