"""Adjudicating relations and document labels in the window, with real clicks and keys: the
candidates table lists them, accepting one (the Accept button or a double click) writes it to
gold (a relation with its ends, an answer replacing gold's), gold's relations are drawn as
arcs in the gold view, and Ctrl+Z takes each back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.lead.relation_scene import (  # noqa: F401 (fixtures)
    relation_project,
    relation_project_file,
)
from tests.ui.lead_scene import LeadProject, document_shown, phrase_range, save_screenshot
from workbench.core.adjudication import Agreement
from workbench.core.adjudication_labels import DocumentLabelCandidate
from workbench.core.adjudication_relations import RelationCandidate
from workbench.core.model import GOLD, AnnotationSet, DocumentLabelValue
from workbench.ui import i18n
from workbench.ui.i18n import Language
from workbench.ui.lead.adjudication_spans import RELATION_ARCS
from workbench.ui.lead.adjudication_view import AdjudicationView


@pytest.fixture
def view(qtbot: QtBot, relation_project: LeadProject) -> AdjudicationView:
    window = AdjudicationView(relation_project.project, "lead")
    window.resize(1500, 900)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return document_shown(qtbot, window)


def gold(scene: LeadProject) -> AnnotationSet | None:
    return scene.project.annotation_set(scene.document_ids[0], GOLD)


def relation_row(view: AdjudicationView, type_id: str, who: tuple[str, ...]) -> int:
    return next(
        row
        for row, c in enumerate(view.candidates.candidates)
        if isinstance(c, RelationCandidate) and c.type == type_id and c.annotators == who
    )


def answer_row(view: AdjudicationView, field: str, value: DocumentLabelValue) -> int:
    return next(
        row
        for row, c in enumerate(view.candidates.candidates)
        if isinstance(c, DocumentLabelCandidate) and c.field == field and c.value == value
    )


def click_row(view: AdjudicationView, row: int, *, double: bool = False) -> None:
    table = view.candidate_table
    table.scrollTo(view.candidates.index(row, 0))
    centre = table.visualRect(view.candidates.index(row, view.candidates.TEXT)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def shown(view: AdjudicationView, row: int) -> list[str]:
    model = view.candidates
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def undo(view: AdjudicationView) -> None:
    QTest.keyClick(view.candidate_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_relations_and_answers_are_rows_of_the_candidates_table(view: AdjudicationView) -> None:
    member = relation_row(view, "member-of", ("amal", "badr"))
    assert shown(view, member)[:5] == [
        "عبد الله قرداش ← داعش",
        "Relation: Member of",
        "amal, badr",
        "majority",
        "",
    ]
    shorter = relation_row(view, "member-of", ("carim",))
    assert shown(view, shorter)[0] == "قرداش ← داعش" and shown(view, shorter)[3] == "some"
    affiliated = relation_row(view, "affiliated-with", ("badr",))
    assert shown(view, affiliated)[0] == "جهادي أجنبي ↔ داعش"
    country = answer_row(view, "country", "SY")
    assert shown(view, country)[:5] == ["Syria", "Document: Country", "amal, badr", "majority", ""]
    relevance = answer_row(view, "relevance", "relevant")
    assert shown(view, relevance)[2:4] == ["amal, badr, carim", "all"]
    topic = view.candidates.candidates[answer_row(view, "topic", ("counter_terrorism", "terrorism"))]
    assert topic.annotators == ("amal", "badr")  # the same set, picked in another order


def test_the_fields_answered_differently_are_named_on_opening(
    view: AdjudicationView, relation_project: LeadProject
) -> None:
    assert view.message_label.text() == "The document labels differ on: Country, Topic."
    view.show_document(relation_project.document_ids[2])
    assert view.message_label.text() == ""  # nobody labelled that document


def test_accepting_a_relation_writes_it_with_its_ends_and_undo_takes_it_back(
    view: AdjudicationView, relation_project: LeadProject
) -> None:
    assert gold(relation_project) is None
    click_row(view, relation_row(view, "member-of", ("amal", "badr")))
    QTest.mouseClick(view.accept_candidate_button, Qt.MouseButton.LeftButton)
    written = gold(relation_project)
    assert written is not None
    [relation] = written.relations
    spans = {span.id: span for span in written.spans}
    text = relation_project.text(0)
    source, target = spans[relation.from_span_id], spans[relation.to_span_id]
    assert relation.type == "member-of"
    assert (source.start, source.end, source.label) == (*phrase_range(text, "عبد الله قرداش"), "PER")
    assert (target.start, target.end, target.label) == (*phrase_range(text, "داعش"), "ORG")
    row = relation_row(view, "member-of", ("amal", "badr"))
    assert view.candidates.candidates[row].in_gold and shown(view, row)[4] == "✓"
    [arc] = view.gold_view.arc_specs_of(RELATION_ARCS)
    assert (arc.source, arc.target, arc.label) == (
        (source.start, source.end),
        (target.start, target.end),
        "Member of",
    )
    assert "relations: 1" in view.message_label.text()
    undo(view)
    assert gold(relation_project) is None
    assert view.gold_view.arc_specs_of(RELATION_ARCS) == []
    assert not view.candidates.candidates[relation_row(view, "member-of", ("amal", "badr"))].in_gold


def test_a_double_click_accepts_a_symmetric_relation(
    view: AdjudicationView, relation_project: LeadProject
) -> None:
    click_row(view, relation_row(view, "affiliated-with", ("badr",)), double=True)
    written = gold(relation_project)
    assert written is not None and [r.type for r in written.relations] == ["affiliated-with"]
    assert sorted(s.text for s in written.spans) == sorted(["جهادي أجنبي", "داعش"])
    undo(view)
    assert gold(relation_project) is None


def test_an_answer_replaces_golds_answer_and_undo_takes_each_back(
    view: AdjudicationView, relation_project: LeadProject
) -> None:
    click_row(view, answer_row(view, "country", "SY"), double=True)
    written = gold(relation_project)
    assert written is not None and written.document_labels == {"country": "SY"}
    click_row(view, answer_row(view, "country", "IQ"))
    QTest.mouseClick(view.accept_candidate_button, Qt.MouseButton.LeftButton)
    written = gold(relation_project)
    assert written is not None and written.document_labels == {"country": "IQ"}
    iraq = answer_row(view, "country", "IQ")
    assert shown(view, iraq)[4] == "✓" and shown(view, answer_row(view, "country", "SY"))[4] == ""
    assert view.candidates.candidates[iraq].agreement is Agreement.SOME
    undo(view)
    written = gold(relation_project)
    assert written is not None and written.document_labels == {"country": "SY"}
    undo(view)
    assert gold(relation_project) is None


def test_accepting_what_a_majority_agree_on_brings_relations_and_answers(
    view: AdjudicationView, relation_project: LeadProject
) -> None:
    QTest.mouseClick(view.accept_majority_button, Qt.MouseButton.LeftButton)
    written = gold(relation_project)
    assert written is not None
    labels = dict(written.document_labels)
    assert sorted(labels.pop("topic")) == ["counter_terrorism", "terrorism"]
    assert labels == {"relevance": "relevant", "country": "SY"}
    assert sorted(r.type for r in written.relations) == ["located-in", "member-of"]
    assert len(view.gold_view.arc_specs_of(RELATION_ARCS)) == 2
    undo(view)
    assert gold(relation_project) is None


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.ARABIC])
def test_screenshot_with_a_relation_candidate(
    qtbot: QtBot, relation_project: LeadProject, language: Language
) -> None:
    i18n.set_language(language)
    try:
        window = AdjudicationView(relation_project.project, "lead")
        window.resize(1500, 900)
        qtbot.addWidget(window)
        window.show()
        document_shown(qtbot, window)
        click_row(window, relation_row(window, "located-in", ("amal", "carim")), double=True)
        click_row(window, relation_row(window, "member-of", ("amal", "badr")))
        assert len(window.gold_view.arc_specs_of(RELATION_ARCS)) == 1
        picture = save_screenshot(window, f"adjudication-relations-{language.value}")
        assert picture.stat().st_size > 10_000
    finally:
        i18n.set_language(Language.ENGLISH)
