"""The agreement dashboard on a project with relations and document labels: the relation F1 in
the heatmap's measures and the overall table, the relations-by-type and document-label tables,
every cell checked against ``project_agreement``'s JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tests.ui.lead.relation_scene import (  # noqa: F401 (fixtures)
    relation_project,
    relation_project_file,
)
from tests.ui.lead_scene import LeadProject, save_screenshot
from workbench.app.agreement import project_agreement
from workbench.app.agreement_html import heat_colour
from workbench.core.agreement import pair_key, undefined_reason
from workbench.ui import i18n
from workbench.ui.i18n import Language, isolated
from workbench.ui.lead.agreement_cells import Report, score_text
from workbench.ui.lead.agreement_dashboard import AgreementDashboard

WAIT_MS = 30_000


@pytest.fixture
def dashboard(qtbot: QtBot, relation_project: LeadProject) -> AgreementDashboard:
    window = AgreementDashboard(relation_project.project, "lead")
    window.resize(1300, 850)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitSignal(window.refresh().succeeded, timeout=WAIT_MS):
        pass
    return window


@pytest.fixture
def report(relation_project: LeadProject) -> Report:
    return project_agreement(relation_project.project)


def texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def cell(
    model: QAbstractItemModel, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
) -> object:
    return model.data(model.index(row, column), role)


def show_tab(qtbot: QtBot, dashboard: AgreementDashboard, title: str) -> QTableView:
    """Click the breakdown tab with this title; the table it shows."""
    tabs = dashboard.breakdown_tabs
    number = next(n for n in range(tabs.count()) if tabs.tabText(n) == title)
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())
    assert tabs.currentIndex() == number
    shown = tabs.currentWidget()
    assert isinstance(shown, QTableView)
    return shown


def test_the_heatmap_offers_relation_f1_exact_and_overlapping(
    dashboard: AgreementDashboard, report: Report
) -> None:
    combo = dashboard.measure_combo
    combo.setFocus()
    titles = [combo.itemText(n) for n in range(combo.count())]
    for mode, title in (("exact", "Relation F1, exact ends"), ("overlap", "Relation F1, overlapping ends")):
        while combo.currentText() != title:
            assert combo.currentIndex() < titles.index(title)
            QTest.keyClick(combo, Qt.Key.Key_Down)
        model = dashboard.heatmap_model
        annotators = report["annotators"]
        for row, a in enumerate(annotators):
            for column, b in enumerate(annotators):
                if a == b:
                    continue
                value = report["relations"][mode]["pairs"][pair_key(a, b)]
                assert cell(model, row, column) == score_text(value)
                assert cell(model, row, column, Qt.ItemDataRole.BackgroundRole) == QColor(heat_colour(value))
    # carim's shorter end matches only when overlapping ends count
    pairs = report["relations"]
    assert pairs["exact"]["pairs"]["amal|carim"] < pairs["overlap"]["pairs"]["amal|carim"] == 1.0
    tooltip = cell(dashboard.heatmap_model, 0, 2, Qt.ItemDataRole.ToolTipRole)
    assert "3 matched; 3 relations of amal, 3 of carim" in str(tooltip)


def test_the_overall_table_has_the_relation_f1(dashboard: AgreementDashboard, report: Report) -> None:
    model = dashboard.headline_model
    titles = texts(model, 0)
    for mode, title in (
        ("exact", "Relation F1, exact ends and type"),
        ("overlap", "Relation F1, overlapping ends"),
    ):
        row = titles.index(title)
        block = report["relations"][mode]
        assert cell(model, row, 1) == score_text(block["mean"])
        assert cell(model, row, 2) == score_text(block["sd"])


def test_relations_by_type(qtbot: QtBot, dashboard: AgreementDashboard, report: Report) -> None:
    table = show_tab(qtbot, dashboard, "Relations by type")
    assert table is dashboard.relation_table and table.isVisible()
    model = dashboard.relation_model
    per_type = report["relations"]["per_type"]
    assert texts(model, 0) == ["Affiliated with", "Located in", "Member of"]
    for row, name in enumerate(sorted(per_type)):
        assert cell(model, row, 0, Qt.ItemDataRole.ToolTipRole) == name
        assert cell(model, row, 1) == ("symmetric" if name == "affiliated-with" else "directed")
        assert cell(model, row, 2) == score_text(per_type[name]["exact"]["mean"])
        assert cell(model, row, 3) == score_text(per_type[name]["overlap"]["mean"])
    member = texts(model, 0).index("Member of")
    assert cell(model, member, 2) == isolated("0.333") and cell(model, member, 3) == isolated("1.000")


def test_document_labels_per_field_with_each_values_alpha(
    qtbot: QtBot, dashboard: AgreementDashboard, report: Report
) -> None:
    show_tab(qtbot, dashboard, "Document labels")
    model = dashboard.document_label_model
    fields = report["document_labels"]["fields"]
    expected_rows = []
    for name, block in sorted(fields.items()):
        expected_rows.append(
            [
                name,
                block["kind"].replace("_", " "),
                score_text(block["krippendorff_alpha"]),
                score_text(block["cohen_kappa_mean"]),
                score_text(block["observed_agreement_mean"]),
            ]
        )
        expected_rows += [
            [value, "", score_text(values["krippendorff_alpha"]), "", ""]
            for value, values in sorted(block["per_value"].items())
        ]
    shown = [
        [str(cell(model, row, 0, Qt.ItemDataRole.ToolTipRole)), *(str(cell(model, row, c)) for c in range(1, 5))]
        for row in range(model.rowCount())
    ]
    assert shown == expected_rows
    names = texts(model, 0)
    assert names[:3] == ["Country", "    Iraq", "    Syria"]
    assert "Topic" in names and "    Counter-terrorism" in names


def test_an_undefined_document_label_value_reads_n_a_with_the_reason(
    dashboard: AgreementDashboard, report: Report
) -> None:
    model = dashboard.document_label_model
    row = texts(model, 0).index("    Terrorism")
    path = ("document_labels", "fields", "topic", "per_value", "terrorism", "krippendorff_alpha")
    reason = undefined_reason(report, *path)
    assert reason and cell(model, row, 2) == "n/a"
    assert cell(model, row, 2, Qt.ItemDataRole.ToolTipRole) == reason
    assert cell(model, row, 2, Qt.ItemDataRole.BackgroundRole) == QColor(heat_colour(None))


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.ARABIC])
def test_screenshots_of_the_new_tables(
    qtbot: QtBot, relation_project: LeadProject, language: Language
) -> None:
    i18n.set_language(language)
    try:
        window = AgreementDashboard(relation_project.project, "lead")
        window.resize(1300, 850)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.refresh().succeeded, timeout=WAIT_MS):
            pass
        pictures: list[Path] = []
        for number, name in ((1, "relations"), (2, "document-labels")):
            window.breakdown_tabs.setCurrentIndex(number)
            pictures.append(save_screenshot(window, f"agreement-{name}-{language.value}"))
        if language is Language.ENGLISH:
            window.breakdown_tabs.setCurrentIndex(1)
            pictures.append(save_screenshot(window, "agreement-dashboard"))
        assert all(p.stat().st_size > 10_000 for p in pictures)
        if language is Language.ARABIC:
            assert window.breakdown_tabs.tabText(1) != "Relations by type"
    finally:
        i18n.set_language(Language.ENGLISH)
