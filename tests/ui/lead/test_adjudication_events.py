"""Adjudication of events (issue 12, point 3): candidates show events and their arguments with
who agrees, accepting brings whole events, accepting twice changes nothing, every gold edit is
undone with Ctrl+Z, and the gold view draws the event's arcs. Driven with mouse and keys."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from tests.conftest import present
from tests.ui.conftest import point_inside_char
from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    document_shown,
    lead_project,
    lead_project_file,
    phrase_range,
    save_screenshot,
)
from workbench.app.adjudication import Comparison
from workbench.app.project import Project
from workbench.core.adjudication import Agreement, ArgumentCandidate, EventCandidate
from workbench.core.model import GOLD
from workbench.ui.i18n import Language, set_language
from workbench.ui.lead.adjudication_view import AdjudicationView

TRIGGER, TARGET, PLACE = "غارة", "جهادي أجنبي", "إدلب"
ATTACK = "Conflict.Attack"


@pytest.fixture
def view(qtbot: QtBot, lead_project: LeadProject) -> AdjudicationView:
    return build_view(qtbot, lead_project)


def build_view(qtbot: QtBot, lead_project: LeadProject) -> AdjudicationView:
    """amal and badr made the attack on «غارة» with its target and place; carim made it with
    the place only."""
    project = lead_project.project
    document_id = lead_project.document_ids[0]
    text = lead_project.text(0)
    for who in ("amal", "badr", "carim"):
        event = project.create_event(document_id, who, *phrase_range(text, TRIGGER), ATTACK)
        spans = {(s.start, s.end, s.label): s.id for s in present(project.annotation_set(document_id, who)).spans}
        place = spans[(*phrase_range(text, PLACE), "GPE")]
        project.add_argument(event.id, "Place", span_id=place)
        if who != "carim":
            project.add_argument(event.id, "Target", span_id=spans[(*phrase_range(text, TARGET), "PER")])
    window = AdjudicationView(project, "lead")
    window.resize(1500, 900)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return document_shown(qtbot, window)


def click(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def gold_texts(lead_project: LeadProject) -> list[str]:
    gold = lead_project.project.annotation_set(lead_project.document_ids[0], GOLD)
    assert gold is not None
    return [s.text for s in gold.spans]


def gold_events(lead_project: LeadProject) -> list[tuple[str, str, list[tuple[str, str]]]]:
    gold = lead_project.project.annotation_set(lead_project.document_ids[0], GOLD)
    if gold is None:
        return []
    spans = {s.id: s for s in gold.spans}
    return [
        (e.type, spans[e.trigger_span_id].text, sorted((a.role, spans[present(a.span_id)].text) for a in e.arguments))
        for e in gold.events
    ]


def event_row(view: AdjudicationView) -> int:
    return next(r for r, c in enumerate(view.candidates.candidates) if isinstance(c, EventCandidate))


def double_click_row(qtbot: QtBot, view: AdjudicationView, row: int) -> None:
    table = view.candidate_table
    table.scrollTo(view.candidates.index(row, 0))
    centre = table.visualRect(view.candidates.index(row, view.candidates.TEXT)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_the_candidates_show_the_event_and_its_arguments_with_who_agrees(view: AdjudicationView) -> None:
    row = event_row(view)
    event = view.candidates.candidates[row]
    assert isinstance(event, EventCandidate)
    assert (event.text, event.annotators, event.agreement) == (TRIGGER, ("amal", "badr", "carim"), Agreement.ALL)
    model = view.candidates
    assert model.data(model.index(row, model.LABEL)) == f"Event: {ATTACK}"
    target, place = view.candidates.candidates[row + 1 : row + 3]  # in text order
    assert isinstance(place, ArgumentCandidate) and isinstance(target, ArgumentCandidate)
    assert (place.text, place.annotators, place.agreement) == (PLACE, ("amal", "badr", "carim"), Agreement.ALL)
    assert (target.text, target.annotators, target.agreement) == (TARGET, ("amal", "badr"), Agreement.MAJORITY)
    assert model.data(model.index(row + 1, model.LABEL)).strip() == "Target (PER)"
    assert model.data(model.index(row + 1, model.WHO)) == "amal, badr"


def test_what_all_agree_on_includes_the_event(view: AdjudicationView, lead_project: LeadProject) -> None:
    click(view.accept_all_button)
    assert gold_events(lead_project) == [(ATTACK, TRIGGER, [("Place", PLACE)])]
    assert view.candidates.candidates[event_row(view)].in_gold
    assert "events: 1," in view.message_label.text()
    click(view.accept_majority_button)
    assert gold_events(lead_project) == [(ATTACK, TRIGGER, [("Place", PLACE), ("Target", TARGET)])]


def test_double_clicking_the_trigger_candidate_brings_the_event(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    double_click_row(qtbot, view, event_row(view))
    assert gold_events(lead_project) == [(ATTACK, TRIGGER, [("Place", PLACE), ("Target", TARGET)])]


def test_an_argument_candidate_joins_the_gold_event(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    click(view.accept_all_button)
    target = next(
        row
        for row, c in enumerate(view.candidates.candidates)
        if isinstance(c, ArgumentCandidate) and c.key[3] == "Target"
    )
    table = view.candidate_table
    centre = table.visualRect(view.candidates.index(target, view.candidates.TEXT)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    click(view.accept_candidate_button)
    assert gold_events(lead_project) == [(ATTACK, TRIGGER, [("Place", PLACE), ("Target", TARGET)])]
    assert view.candidates.candidates[target].in_gold


def test_accepting_a_version_twice_changes_nothing_and_replace_is_offered(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.version_combo.setCurrentText("amal")
    click(view.accept_version_button)
    once = lead_project.project.annotation_set(lead_project.document_ids[0], GOLD)
    click(view.accept_version_button)
    again = lead_project.project.annotation_set(lead_project.document_ids[0], GOLD)
    assert once is not None and again is not None
    assert (len(again.spans), len(again.events), again.revision) == (len(once.spans), 1, once.revision)
    assert "Nothing new" in view.message_label.text()
    view.version_combo.setCurrentText("carim")
    click(view.replace_version_button)
    assert gold_events(lead_project) == [(ATTACK, TRIGGER, [("Place", PLACE)])]
    carim = lead_project.project.annotation_set(lead_project.document_ids[0], "carim")
    gold = lead_project.project.annotation_set(lead_project.document_ids[0], GOLD)
    assert carim is not None and gold is not None
    assert {(s.start, s.end, s.label) for s in gold.spans} == {(s.start, s.end, s.label) for s in carim.spans}


def test_every_gold_edit_is_undone_with_ctrl_z(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    click(view.accept_all_button)
    double_click_row(qtbot, view, event_row(view))  # adds the majority's target
    full = [(ATTACK, TRIGGER, [("Place", PLACE), ("Target", TARGET)])]
    assert gold_events(lead_project) == full
    start, _ = phrase_range(lead_project.text(0), "جو بايدن")
    QTest.mouseClick(
        view.gold_view.viewport(), Qt.MouseButton.LeftButton, pos=point_inside_char(view.gold_view, start + 1)
    )
    click(view.delete_gold_button)
    assert "جو بايدن" not in gold_texts(lead_project)
    view.candidate_table.setFocus()
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "جو بايدن" in gold_texts(lead_project)
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_events(lead_project) == [(ATTACK, TRIGGER, [("Place", PLACE)])]
    QTest.keyClick(view.gold_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lead_project.project.annotation_set(lead_project.document_ids[0], GOLD) is None
    assert not view.candidates.candidates[event_row(view)].in_gold
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, redo)
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, redo)
    assert gold_events(lead_project) == full


def test_undo_opens_the_document_it_belongs_to(view: AdjudicationView, lead_project: LeadProject) -> None:
    click(view.accept_all_button)
    view.show_document(lead_project.document_ids[1])
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.document_id == lead_project.document_ids[0]
    assert lead_project.project.annotation_set(lead_project.document_ids[0], GOLD) is None


def test_undo_in_another_document_reads_its_comparison_once(
    view: AdjudicationView, lead_project: LeadProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was read twice: as the document opened (after the undo), then again to show the
    undone gold (1.4-3.7 ms each)."""
    click(view.accept_all_button)
    view.show_document(lead_project.document_ids[1])
    read: list[str] = []
    load = Comparison.load

    def counted(project: Project, document_id: str, *rest: Any) -> Comparison:
        read.append(document_id)
        return load(project, document_id, *rest)

    monkeypatch.setattr(Comparison, "load", counted)
    changed: list[str] = []
    view.goldChanged.connect(changed.append)
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read == [lead_project.document_ids[0]]
    assert changed == [lead_project.document_ids[0]]
    assert view.document_id == lead_project.document_ids[0]
    assert view.gold_view.all_spans() == []  # the undone gold, shown
    row = view.documents.row_of(lead_project.document_ids[0])
    assert view.documents.row_at(row).spans == 0


def test_the_gold_view_draws_the_events_arcs(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    click(view.accept_majority_button)
    start, _ = phrase_range(lead_project.text(0), TRIGGER)
    QTest.mouseClick(
        view.gold_view.viewport(), Qt.MouseButton.LeftButton, pos=point_inside_char(view.gold_view, start + 1)
    )
    assert view.gold_events.selected_event_id is not None
    arcs = view.gold_events.arcs(view.gold_view.span_geometry())
    assert sorted(arc.key for arc in arcs) == ["Place", "Target"]


@pytest.fixture(params=[Language.ENGLISH, Language.ARABIC], ids=["en", "ar"])
def interface_language(request: pytest.FixtureRequest) -> Iterator[Language]:
    set_language(request.param)
    yield request.param
    set_language(Language.ENGLISH)


def test_screenshots_of_event_adjudication(
    qtbot: QtBot, lead_project: LeadProject, interface_language: Language
) -> None:
    view = build_view(qtbot, lead_project)
    click(view.accept_majority_button)
    view.select_candidate(event_row(view))
    assert view.gold_events.selected_event_id is not None
    path = save_screenshot(view, f"adjudication-events-{interface_language.value}")
    assert path.stat().st_size > 10_000
