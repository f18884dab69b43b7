"""The agreement dashboard shows event agreement and counts documents as the report does (issue
12, point 10): two annotators, three documents, one finished by both."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import present
from tests.ui.lead_scene import save_screenshot
from workbench.app.agreement import project_agreement
from workbench.core.agreement import pair_key
from workbench.core.model import AnnotatedDocument, AnnotationSet, Argument, Event, Span, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui.i18n import Language, isolated, set_language
from workbench.ui.lead.agreement_cells import score_text, value_at
from workbench.ui.lead.agreement_dashboard import AgreementDashboard

TEXT = "قال محمد إن مسلحين هاجموا قرية قرب الموصل أمس."
WAIT_MS = 30_000


def attack(who: str, with_place: bool) -> AnnotationSet:
    def span(name: str, phrase: str, label: str) -> Span:
        start = TEXT.index(phrase)
        return Span(f"{who}-{name}", start, start + len(phrase), label, phrase)

    trigger, attacker, place = (
        span("t", "هاجموا", "Conflict.Attack"), span("a", "مسلحين", "PER"), span("p", "الموصل", "GPE")
    )
    arguments: tuple[Argument, ...] = (Argument("Attacker", span_id=attacker.id),)
    if with_place:
        arguments += (Argument("Place", span_id=place.id),)
    event = Event(f"{who}-e", "Conflict.Attack", trigger.id, arguments)
    return AnnotationSet(who, (trigger, attacker, place), (event,))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """d1 finished by both (the same attack, badr without its place); d2 only by amal; d3 only
    by badr (and amal's set there is unfinished)."""
    project = Project.create(tmp_path / "a.tawsim", builtin_schema("conflict-news"))
    project.add_documents([
        AnnotatedDocument(make_document("d1", TEXT), (attack("amal", True), attack("badr", False))),
        AnnotatedDocument(make_document("d2", TEXT + " ١"), (attack("amal", True),)),
        AnnotatedDocument(
            make_document("d3", TEXT + " ٢"),
            (attack("badr", True), AnnotationSet("amal", status=Status.IN_PROGRESS)),
        ),
    ])
    return project


def computed(qtbot: QtBot, project: Project) -> AgreementDashboard:
    window = AgreementDashboard(project, "lead")
    window.resize(1300, 850)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitSignal(window.refresh().succeeded, timeout=WAIT_MS):
        pass
    return window


def test_documents_are_counted_as_the_report_counts_them(qtbot: QtBot, project: Project) -> None:
    dashboard = computed(qtbot, project)
    report = project_agreement(project)
    assert report["documents"] == 3 and report["finished_documents"] == {"amal": 2, "badr": 2}
    text = dashboard.status_label.text()
    assert "2 annotators; 1 of 3 documents finished by two or more (compared)" in text
    assert "amal 2, badr 2" in text


def test_event_agreement_is_shown(qtbot: QtBot, project: Project) -> None:
    dashboard = computed(qtbot, project)
    report = project_agreement(project)
    QTest.mouseClick(dashboard.refresh_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(present(dashboard.task).succeeded, timeout=WAIT_MS):
        pass
    model = dashboard.headline_model
    rows = {model.cell(r, 0).text: r for r in range(model.rowCount())}
    typed = rows["Event triggers, typed (Tri-C), exact"]
    typed_mean = report["events"]["exact"]["trigger_classification"]["mean"]
    assert model.cell(typed, 1).text == score_text(typed_mean) == isolated("1.000")
    with_roles = rows["Event arguments, with roles (Arg-C), exact"]
    assert model.cell(with_roles, 1).text == score_text(report["events"]["exact"]["argument_classification"]["mean"])
    assert model.cell(with_roles, 1).text == isolated("0.667")
    assert "Role agreement on aligned events" in rows
    dashboard.measure_combo.setFocus()
    QTest.keyClick(dashboard.measure_combo, Qt.Key.Key_End)  # the last measure: role agreement
    assert dashboard.measure_combo.currentData() == ("events", "role_agreement", "pairs")
    cell = dashboard.heatmap_model.cell(0, 1)
    value = value_at(report, ("events", "role_agreement", "pairs", pair_key("amal", "badr")))
    assert cell.text == score_text(value) == isolated("0.667")
    assert "1 matched" in cell.tooltip


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.ARABIC], ids=["en", "ar"])
def test_screenshots(qtbot: QtBot, project: Project, language: Language) -> None:
    set_language(language)
    try:
        dashboard = computed(qtbot, project)
        assert save_screenshot(dashboard, f"agreement-events-{language.value}").stat().st_size > 10_000
    finally:
        set_language(Language.ENGLISH)
