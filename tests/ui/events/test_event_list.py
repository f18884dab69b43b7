"""The event list: localized type, trigger, "filled/expected" roles, warnings, selection."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.formats.builders import span_of
from workbench.core.model import Argument, Event, Span
from workbench.core.schema import Schema
from workbench.ui.events.event_document import EventDocument
from workbench.ui.events.event_list import (
    ROLES,
    TRIGGER,
    TYPE,
    WARNINGS,
    EventListView,
    EventTableModel,
)

TEXT = "تبنى تنظيم داعش الهجوم الذي شنه مسلحون على قرية قرب الموصل وقتل فيه خمسة مدنيين."


def span(span_id: str, words: str, label: str) -> Span:
    return span_of(TEXT, words, label, span_id=span_id)


@pytest.fixture
def document() -> EventDocument:
    spans = [
        span("t-claim", "تبنى", "Conflict.Claim-Responsibility"),
        span("t-attack", "الهجوم", "Conflict.Attack"),
        span("t-die", "وقتل", "Life.Die"),
        span("isis", "داعش", "ORG"),
        span("gunmen", "مسلحون", "PER"),
        span("village", "قرية", "LOC"),
        span("mosul", "الموصل", "GPE"),
        span("civilians", "مدنيين", "PER"),
    ]
    document = EventDocument("doc", {s.id: s for s in spans})
    events = [
        # Written out of text order: the list sorts by trigger.
        Event("die", "Life.Die", "t-die", (Argument("Victim", span_id="civilians"),)),
        Event(
            "attack",
            "Conflict.Attack",
            "t-attack",
            (
                Argument("Attacker", span_id="gunmen"),
                Argument("Place", span_id="village"),
                Argument("Place", span_id="mosul"),
            ),
        ),
        Event(
            "claim",
            "Conflict.Claim-Responsibility",
            "t-claim",
            (Argument("Claimant", span_id="isis"), Argument("ClaimedEvent", event_id="attack")),
        ),
    ]
    for event in events:
        document.put_event(event)
    return document


@pytest.fixture
def model(qapp: QApplication, conflict_news: Schema, document: EventDocument) -> EventTableModel:
    table = EventTableModel(conflict_news)
    table.set_document(document)
    return table


def cell(
    model: EventTableModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    return model.data(model.index(row, column), role)


def test_rows_follow_the_text_with_type_trigger_and_role_counts(model: EventTableModel) -> None:
    rows = [
        (cell(model, row, TYPE), cell(model, row, TRIGGER), cell(model, row, ROLES))
        for row in range(model.rowCount())
    ]
    assert rows == [
        ("Claim of responsibility", "تبنى", "2/2"),
        ("Attack", "الهجوم", "2/3"),  # Attacker and Place filled; Target required and empty
        ("Death / killing", "وقتل", "1/1"),
    ]


def test_warnings_name_the_problems_and_carry_an_icon(model: EventTableModel) -> None:
    warning = str(cell(model, 1, WARNINGS))
    assert "the required role Target has no filler" in warning
    assert "the role Place takes one filler but has 2" in warning
    assert cell(model, 1, WARNINGS, Qt.ItemDataRole.DecorationRole) is not None
    assert cell(model, 0, WARNINGS) == ""
    assert cell(model, 0, WARNINGS, Qt.ItemDataRole.DecorationRole) is None
    assert "Target" in str(cell(model, 1, ROLES, Qt.ItemDataRole.ToolTipRole))


def test_the_type_is_named_in_the_interface_language(model: EventTableModel) -> None:
    model.set_language("ar")
    assert cell(model, 1, TYPE) == "هجوم"


def test_a_changed_event_updates_its_row_only(
    model: EventTableModel, document: EventDocument, qtbot: QtBot
) -> None:
    attack = document.events["attack"]
    fixed = replace(attack, arguments=(*attack.arguments[:2], Argument("Target", span_id="mosul")))
    document.put_event(fixed)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.event_changed("attack")
    assert blocker.args[0].row() == blocker.args[1].row() == 1
    assert cell(model, 1, ROLES) == "3/3"
    assert cell(model, 1, WARNINGS) == ""


def test_events_come_and_go_in_text_order(model: EventTableModel, document: EventDocument) -> None:
    document.drop_event("attack")
    model.event_changed("attack")
    assert [model.event_id_at(row) for row in range(model.rowCount())] == ["claim", "die"]
    assert "missing span or event" in str(cell(model, 0, WARNINGS))
    document.put_event(Event("attack", "Conflict.Attack", "t-attack"))
    model.event_changed("attack")
    assert [model.event_id_at(row) for row in range(model.rowCount())] == ["claim", "attack", "die"]


def test_the_model_passes_qts_model_checks(
    model: EventTableModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(model)


def test_selecting_a_row_emits_the_event_and_select_event_does_not(
    qtbot: QtBot, model: EventTableModel
) -> None:
    view = EventListView(model)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    with qtbot.waitSignal(view.eventSelected) as blocker:
        view.selectRow(2)
    assert blocker.args == ["die"]
    with qtbot.assertNotEmitted(view.eventSelected):
        view.select_event("attack")
    assert view.selected_event_id() == "attack"
    with qtbot.waitSignal(view.eventSelected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert blocker.args == ["claim"]
