"""The agreement dashboard on the seed articles with three annotators' work."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.store.test_token_cache import cached_rows
from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    document_shown,
    lead_project,
    lead_project_file,
    save_screenshot,
)
from workbench.app.agreement import project_agreement
from workbench.app.agreement_html import documents_by_disagreement, heat_colour
from workbench.core.agreement import pair_key, undefined_reason
from workbench.store.project import Project
from workbench.ui.annotate.document_model import PAGE
from workbench.ui.background import BackgroundTask
from workbench.ui.i18n import isolated
from workbench.ui.lead.adjudication_view import SIDE_BY_SIDE
from workbench.ui.lead.agreement_cells import score_text, value_at
from workbench.ui.lead.agreement_dashboard import AgreementDashboard, open_agreement_dashboard

WAIT_MS = 30_000


@pytest.fixture
def dashboard(qtbot: QtBot, lead_project: LeadProject) -> AgreementDashboard:
    window = AgreementDashboard(lead_project.project, "lead")
    window.resize(1300, 850)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    task: BackgroundTask = window.refresh()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS):
        pass
    return window


def test_the_report_is_computed_in_the_background_and_shown(
    dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    assert dashboard.report == project_agreement(lead_project.project)
    assert dashboard.annotators == ["amal", "badr", "carim"]
    assert dashboard.save_button.isEnabled()


def test_the_tokens_cut_for_the_report_are_kept_in_the_project(
    dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    """The report was computed on a read-only connection: every report cut every text again."""
    texts = {lead_project.project.document(d).sha256 for d in lead_project.document_ids}
    assert set(cached_rows(lead_project.project.path)) == texts


def test_a_read_only_project_has_its_report_without_a_write(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    path = lead_project.project.path
    lead_project.project.close()
    with Project.open(path, readonly=True) as project:
        window = AgreementDashboard(project, "lead")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.refresh().succeeded, timeout=WAIT_MS):
            pass
        assert window.report == project_agreement(project)
    assert cached_rows(path) == {}


def test_every_table_is_measured_on_a_page_of_rows_not_on_all(dashboard: AgreementDashboard) -> None:
    """Measured on Qt's thousand rows, the tables of a project of a thousand annotated documents
    read their cells 148,000 times as the report arrived (736 ms on the GUI thread; 79 ms now)."""
    tables = [
        dashboard.headline_table, dashboard.label_table, dashboard.relation_table,
        dashboard.document_label_table, dashboard.document_table,
    ]
    assert [table.horizontalHeader().resizeContentsPrecision() for table in tables] == [PAGE] * len(tables)


def test_every_pair_measure_shows_the_reports_values(
    dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    report = project_agreement(lead_project.project)
    model = dashboard.heatmap_model
    annotators = report["annotators"]
    for number in range(dashboard.measure_combo.count()):
        dashboard.measure_combo.setCurrentIndex(number)
        path = dashboard.measure_combo.itemData(number)
        for row, a in enumerate(annotators):
            for column, b in enumerate(annotators):
                index = model.index(row, column)
                shown = model.data(index, Qt.ItemDataRole.DisplayRole)
                if a == b:
                    assert shown == "—"
                    continue
                value = value_at(report, (*path, pair_key(a, b)))
                assert shown == score_text(value)
                background = model.data(index, Qt.ItemDataRole.BackgroundRole)
                assert background == QColor(heat_colour(value))
    dashboard.measure_combo.setCurrentIndex(0)
    exact = report["span_f1"]["exact_labeled"]["pairs"]
    assert model.data(model.index(0, 1)) == score_text(exact["amal|badr"]) == isolated("0.714")


def test_an_undefined_value_reads_n_a_with_the_reason(
    dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    report = project_agreement(lead_project.project)
    assert report["token"]["fleiss_kappa"] is None
    model = dashboard.headline_model
    [row] = [r for r in range(model.rowCount()) if "Fleiss" in model.data(model.index(r, 0))]
    assert model.data(model.index(row, 1)) == "n/a"
    reason = undefined_reason(report, "token", "fleiss_kappa")
    assert reason and model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole) == reason


def test_documents_are_sorted_by_disagreement(
    dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    report = project_agreement(lead_project.project)
    expected = [row["document_id"] for row in documents_by_disagreement(report)]
    assert [row["document_id"] for row in dashboard.document_rows] == expected
    ids = lead_project.document_ids
    assert expected[0] == ids[2] and expected[-1] == ids[1]
    model = dashboard.document_model
    titles = {row.id: row.title for row in lead_project.project.annotator_progress("amal")}
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert shown == [isolated(titles[i]) for i in expected]  # as the annotator's list names them
    tooltips = [model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert tooltips == [isolated(row["name"]) for row in documents_by_disagreement(report)]
    assert all(titles[i] != row["name"] for i, row in zip(expected, documents_by_disagreement(report), strict=True))
    disagreements = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert disagreements[0] == isolated("1.000") and disagreements[-1] == isolated("0.000")


def click_cell(qtbot: QtBot, view: QTableView, row: int, column: int) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_pair_cell_asks_for_and_opens_the_comparison(
    qtbot: QtBot, dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    with qtbot.waitSignal(dashboard.comparisonRequested, timeout=WAIT_MS) as blocker:
        click_cell(qtbot, dashboard.heatmap, 1, 2)
    assert blocker.args == ["", "badr", "carim"]
    comparison = dashboard.comparison
    assert comparison is not None and comparison.isVisible()
    qtbot.addWidget(comparison)
    document_shown(qtbot, comparison)
    assert (
        comparison.document_id == lead_project.document_ids[2]
    )  # most disagreement, both finished
    assert comparison.mode == SIDE_BY_SIDE
    shown = [name for name, box in comparison.shown_boxes.items() if box.isChecked()]
    assert shown == ["badr", "carim"]
    assert not comparison.annotator_panes["amal"].isVisibleTo(comparison)


def test_a_document_asks_for_its_comparison(
    qtbot: QtBot, dashboard: AgreementDashboard, lead_project: LeadProject
) -> None:
    click_cell(qtbot, dashboard.heatmap, 1, 2)
    assert dashboard.comparison is not None
    qtbot.addWidget(dashboard.comparison)
    rows = dashboard.document_rows
    fifth = next(
        r for r, row in enumerate(rows) if row["document_id"] == lead_project.document_ids[4]
    )
    with qtbot.waitSignal(dashboard.comparisonRequested, timeout=WAIT_MS) as blocker:
        click_cell(qtbot, dashboard.document_table, fifth, 0)
    assert blocker.args == [lead_project.document_ids[4], "amal", "carim"]  # badr never had it
    assert dashboard.comparison.document_id == lead_project.document_ids[4]
    first = next(
        r for r, row in enumerate(rows) if row["document_id"] == lead_project.document_ids[0]
    )
    with qtbot.waitSignal(dashboard.comparisonRequested, timeout=WAIT_MS) as blocker:
        click_cell(qtbot, dashboard.document_table, first, 0)
    assert blocker.args == [lead_project.document_ids[0], "badr", "carim"]  # the pair last clicked


def test_the_html_report_is_saved(
    qtbot: QtBot, dashboard: AgreementDashboard, tmp_path: Path
) -> None:
    out = tmp_path / "agreement.html"
    task = dashboard.save_html(out)
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS):
        pass
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "carim" in page
    assert isolated(str(out)) in dashboard.status_label.text()  # its slashes kept in Arabic


def test_the_report_is_never_saved_over_the_project(
    qtbot: QtBot,
    dashboard: AgreementDashboard,
    lead_project: LeadProject,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project_file = lead_project.project.path
    for out in (project_file, project_file.with_name(project_file.name + "-wal")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, out=out: (str(out), ""))
        QTest.mouseClick(dashboard.save_button, Qt.MouseButton.LeftButton)
        task = dashboard.task
        assert task is not None
        with qtbot.waitSignal(task.failed, timeout=WAIT_MS):
            pass
        assert dashboard.status_label.text().startswith(isolated(str(out)))
        assert "choose another path" in dashboard.status_label.text()
        assert task.error_box is not None
        task.error_box.close()
    assert project_file.read_bytes().startswith(b"SQLite format 3\x00")
    assert len(lead_project.project.documents()) == len(lead_project.document_ids)


def test_screenshot(dashboard: AgreementDashboard) -> None:
    """The spans-only project; agreement-dashboard.png itself shows relations (test_agreement_relations)."""
    assert save_screenshot(dashboard, "agreement-dashboard-spans").stat().st_size > 10_000


def test_the_entry_point_opens_and_computes(
    qtbot: QtBot, lead_project: LeadProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_agreement_dashboard(parent, lead_project.project, "lead")
    assert window.isVisible() and window.task is not None
    with qtbot.waitSignal(window.task.succeeded, timeout=WAIT_MS):
        pass
    out = tmp_path / "chosen.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    window.save_button.click()
    with qtbot.waitSignal(window.task.succeeded, timeout=WAIT_MS):
        pass
    assert out.is_file()
