"""Adjudication on the seed articles with three annotators' work: candidates, accepting, editing
gold, comments and notes, the two ways of looking, and the gold status."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import point_inside_char
from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    COMMENT,
    NOTE,
    LeadProject,
    document_shown,
    lead_project,
    lead_project_file,
    phrase_range,
    save_screenshot,
)
from workbench.app.adjudication import adjudication_progress, finished_sets
from workbench.core.adjudication import Agreement, Candidate, SpanCandidate, SpanKey, span_candidates
from workbench.core.adjudication_labels import DocumentLabelCandidate
from workbench.core.adjudication_relations import RelationCandidate
from workbench.core.model import GOLD, Status
from workbench.ui.i18n import isolated
from workbench.ui.label_style import label_colour, lighter
from workbench.ui.lead.adjudication_spans import candidate_id
from workbench.ui.lead.adjudication_view import MERGED, SIDE_BY_SIDE, AdjudicationView, open_adjudication


def keyed(view: AdjudicationView) -> list[Candidate | RelationCandidate]:
    """The candidates that have a key: all but the answers of document labels."""
    return [c for c in view.candidates.candidates if not isinstance(c, DocumentLabelCandidate)]


@pytest.fixture
def view(qtbot: QtBot, lead_project: LeadProject) -> AdjudicationView:
    window = AdjudicationView(lead_project.project, "lead")
    window.resize(1500, 900)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return document_shown(qtbot, window)


def key(lead_project: LeadProject, phrase: str, label: str, document: int = 0) -> SpanKey:
    return (*phrase_range(lead_project.text(document), phrase), label)


def gold_keys(lead_project: LeadProject, document: int = 0) -> set[SpanKey]:
    gold = lead_project.project.annotation_set(lead_project.document_ids[document], GOLD)
    return {(s.start, s.end, s.label) for s in gold.spans} if gold else set()


def type_text(widget: QWidget, text: str) -> None:
    """Arabic through key events (qtbot.keyClicks aborts on non-ASCII text, notes §2.1)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            )


def test_the_candidates_show_who_agrees(view: AdjudicationView, lead_project: LeadProject) -> None:
    assert view.document_id == lead_project.document_ids[0]
    shown = {c.key: (c.annotators, c.agreement) for c in keyed(view)}
    assert shown[key(lead_project, "جو بايدن", "PER")] == (("amal", "badr", "carim"), Agreement.ALL)
    assert shown[key(lead_project, "عبد الله قرداش", "PER")] == (
        ("amal", "badr"),
        Agreement.MAJORITY,
    )
    assert shown[key(lead_project, "جهادي أجنبي", "NORP")] == (("carim",), Agreement.SOME)
    assert shown[key(lead_project, "فبراير", "DATE")] == (("amal", "carim"), Agreement.MAJORITY)
    sets = finished_sets(lead_project.project, lead_project.document_ids[0])
    assert list(view.candidates.candidates) == span_candidates(sets)
    model = view.candidates
    row = model.row_of(key(lead_project, "قرداش", "PER"))
    assert model.data(model.index(row, model.AGREEMENT)) == "some"
    assert model.data(model.index(row, model.WHO)) == "carim"


def test_the_merged_view_colours_spans_by_agreement(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    schema = lead_project.project.schema
    merged = view.merged_view
    everyone = merged.span(candidate_id(key(lead_project, "جو بايدن", "PER")))
    majority = merged.span(candidate_id(key(lead_project, "عبد الله قرداش", "PER")))
    some = merged.span(candidate_id(key(lead_project, "قرداش", "PER")))
    assert everyone and majority and some
    assert (everyone.kind, everyone.color) == ("entity", label_colour(schema, "PER"))
    assert (majority.kind, majority.color) == ("entity", lighter(label_colour(schema, "PER")))
    assert some.kind == "suggestion"


def test_accepting_what_all_agree_on_and_then_the_majority_fills_gold(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    everyone = {c.key for c in keyed(view) if c.agreement is Agreement.ALL}
    majority = {c.key for c in keyed(view) if c.agreement is Agreement.MAJORITY}
    view.accept_all_button.click()
    assert gold_keys(lead_project) == everyone
    assert all(c.in_gold == (c.key in everyone) for c in keyed(view))
    biden = key(lead_project, "جو بايدن", "PER")
    assert [s.label for s in view.gold_view.spans_at(biden[0])] == ["PER"]
    view.accept_majority_button.click()
    assert gold_keys(lead_project) == everyone | majority
    document_id = lead_project.document_ids[0]
    assert adjudication_progress(lead_project.project)[document_id] is Status.IN_PROGRESS
    assert view.documents.document(document_id).status is Status.IN_PROGRESS


def test_accepting_a_version_copies_that_annotators_spans(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.version_combo.setCurrentText("carim")
    view.accept_version_button.click()
    carim = lead_project.project.annotation_set(lead_project.document_ids[0], "carim")
    assert carim is not None
    assert gold_keys(lead_project) == {(s.start, s.end, s.label) for s in carim.spans}
    assert "carim" in view.message_label.text()


def test_an_undo_takes_back_what_the_message_line_said(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.accept_all_button.click()
    spans = len(gold_keys(lead_project))
    assert view.message_label.text().startswith(f"Added to gold — spans: {spans},")
    assert view.gold_pane.title.text() == f"Gold ({spans} spans)"
    view.undo_stack.undo()
    assert gold_keys(lead_project) == set()
    assert view.message_label.text() == ""
    assert view.gold_pane.title.text() == "Gold (0 spans)"
    view.gold_view.select_range(*key(lead_project, "جو بايدن", "PER")[:2])
    view.label_combo.setCurrentIndex(view.label_combo.findData("PER"))
    view.add_gold_button.click()
    assert view.gold_pane.title.text() == "Gold (1 span)"


def test_accepting_one_candidate(view: AdjudicationView, lead_project: LeadProject) -> None:
    wanted = key(lead_project, "جهادي أجنبي", "NORP")
    view.select_candidate(view.candidates.row_of(wanted))
    assert view.accept_candidate_button.isEnabled()
    view.accept_candidate_button.click()
    assert gold_keys(lead_project) == {wanted}
    candidate = view.current_candidate()
    assert candidate is not None and candidate.in_gold


def click_gold_span(qtbot: QtBot, view: AdjudicationView, start: int) -> None:
    with qtbot.waitSignal(view.gold_view.spanClicked, timeout=2000):
        qtbot.mouseClick(
            view.gold_view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=point_inside_char(view.gold_view, start + 1),
        )


def test_a_gold_span_is_deleted_and_relabelled(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.accept_all_button.click()
    biden = key(lead_project, "جو بايدن", "PER")
    idlib = key(lead_project, "إدلب", "GPE")
    click_gold_span(qtbot, view, biden[0])
    assert view.delete_gold_button.isEnabled()
    view.delete_gold_button.click()
    assert biden not in gold_keys(lead_project) and idlib in gold_keys(lead_project)
    click_gold_span(qtbot, view, idlib[0])
    view.label_combo.setCurrentIndex(view.label_combo.findData("LOC"))
    view.relabel_gold_button.click()
    assert (*idlib[:2], "LOC") in gold_keys(lead_project) and idlib not in gold_keys(lead_project)


def test_a_new_gold_span_is_written_from_a_selection(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    start, end = phrase_range(lead_project.text(0), "العالم")
    view.gold_view.select_range(start + 1, end - 1)  # snapped to the whole word
    assert view.add_gold_button.isEnabled()
    view.label_combo.setCurrentIndex(view.label_combo.findData("LOC"))
    view.add_gold_button.click()
    assert gold_keys(lead_project) == {(start, end, "LOC")}
    assert [s.label for s in view.gold_view.spans_at(start)] == ["LOC"]
    view.add_gold_button.click()  # the same range and label again: refused, and said why
    assert "already" in view.message_label.text()


def test_notes_and_comments_are_beside_the_text(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    author, _, comment = COMMENT
    assert any(
        comment in view.comment_list.item(i).text() for i in range(view.comment_list.count())
    )
    note_author, _, phrase, note = NOTE
    view.select_candidate(view.candidates.row_of(key(lead_project, phrase, "PER")))
    assert view.notes_view.toPlainText() == f"{note_author}: {note}"
    view.comment_edit.setFocus()
    type_text(view.comment_edit, "القرار: شخص")
    view.add_comment_button.click()
    comments = lead_project.project.comments(lead_project.document_ids[0])
    assert [(c.author, c.text) for c in comments] == [(author, comment), ("lead", "القرار: شخص")]
    assert view.comment_list.count() == 2 and view.comment_edit.text() == ""


def test_marking_a_document_adjudicated(view: AdjudicationView, lead_project: LeadProject) -> None:
    document_id = lead_project.document_ids[0]
    view.accept_all_button.click()
    view.mark_done_button.click()
    assert adjudication_progress(lead_project.project)[document_id] is Status.DONE
    row = view.documents.row_of(document_id)
    assert view.documents.data(view.documents.index(row, 1)) == "done"
    assert not view.mark_done_button.isEnabled()


def test_side_by_side_shows_each_annotator_and_marks_disagreement(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.set_mode(SIDE_BY_SIDE)
    assert not view.merged_pane.isVisible()
    assert [n for n, p in view.annotator_panes.items() if p.isVisible()] == [
        "amal",
        "badr",
        "carim",
    ]
    amal = view.annotator_view("amal")
    title_start, title_end = phrase_range(lead_project.text(0), "الرئيس الأمريكي")
    biden_start, _ = phrase_range(lead_project.text(0), "جو بايدن")
    assert [s.label for s in amal.spans_at(title_start)] == ["TITLE"]
    assert (title_start, title_end) in view.disagreements["amal"]
    assert not any(start == biden_start for start, _ in view.disagreements["amal"])
    view.show_document(lead_project.document_ids[0], ["badr", "carim"])
    assert not view.annotator_panes["amal"].isVisible()
    assert phrase_range(lead_project.text(0), "جهادي أجنبي") in view.disagreements["badr"]
    assert phrase_range(lead_project.text(0), "عبد الله قرداش") in view.disagreements["badr"]


def test_the_views_scroll_together(qtbot: QtBot, view: AdjudicationView) -> None:
    view.set_mode(SIDE_BY_SIDE)
    amal = view.annotator_view("amal")
    amal.verticalScrollBar().setValue(amal.verticalScrollBar().maximum() // 2)
    top = amal.firstVisibleBlock().blockNumber()
    assert top > 0
    for other in (view.annotator_view("badr"), view.annotator_view("carim"), view.gold_view):
        assert other.firstVisibleBlock().blockNumber() == top


def test_another_document_replaces_the_panes(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.show_document(lead_project.document_ids[4])
    assert list(view.annotator_panes) == ["amal", "carim"]
    assert [view.version_combo.itemText(i) for i in range(view.version_combo.count())] == [
        "amal",
        "carim",
    ]
    assert view.mode == MERGED


def test_the_document_list_shows_titles_with_file_names_as_tooltips(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    """As the annotator's list (it is its model, on gold): the title, the file stem beside."""
    model = view.documents
    assert view.document_table.model() is model
    rows = lead_project.project.annotator_progress(GOLD)
    for number, row in enumerate(rows):
        index = model.index(number, model.NAME)
        assert row.title and row.title != row.name
        assert model.data(index) == isolated(row.title)
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == isolated(row.name)


def splitter_panes(view: AdjudicationView) -> list[QWidget | None]:
    return [view.panes.widget(i) for i in range(view.panes.count())]


def shown_row_boxes(view: AdjudicationView) -> list[QWidget | None]:
    """The boxes in the row of who is shown, in its order (after its title, before its stretch)."""
    items = [view.shown_row.itemAt(i) for i in range(1, view.shown_row.count() - 1)]
    return [item.widget() if item else None for item in items]


def test_another_document_by_the_same_annotators_keeps_their_panes(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.set_mode(SIDE_BY_SIDE)
    view.shown_boxes["badr"].setChecked(False)
    panes, boxes = dict(view.annotator_panes), dict(view.shown_boxes)
    view.show_document(lead_project.document_ids[1])
    assert view.document_id == lead_project.document_ids[1]
    assert all(view.annotator_panes[a] is panes[a] and view.shown_boxes[a] is boxes[a] for a in panes)
    assert list(view.annotator_panes) == list(panes)
    assert splitter_panes(view) == [view.merged_pane, *panes.values(), view.gold_pane]
    assert shown_row_boxes(view) == list(boxes.values())
    text = lead_project.text(1)
    agreed = {phrase_range(text, p) for p in ("تنظيم الدولة الإسلامية", "العراق", "سوريا", "ليبيا")}
    for pane in panes.values():
        assert pane.view.text == text
        assert {(s.start, s.end) for s in pane.view.all_spans()} == agreed
    assert [a for a, pane in panes.items() if pane.isVisible()] == ["amal", "carim"]  # badr still hidden


def test_the_panes_follow_another_set_of_annotators(
    view: AdjudicationView, lead_project: LeadProject
) -> None:
    amal, carim = view.annotator_panes["amal"], view.annotator_panes["carim"]
    view.show_document(lead_project.document_ids[4])  # amal and carim finished it
    assert view.annotator_panes == {"amal": amal, "carim": carim}
    view.show_document(lead_project.document_ids[3])  # amal and badr (carim has not finished)
    assert list(view.annotator_panes) == ["amal", "badr"] and view.annotator_panes["amal"] is amal
    badr = view.annotator_panes["badr"]
    assert splitter_panes(view) == [view.merged_pane, amal, badr, view.gold_pane]
    assert shown_row_boxes(view) == [view.shown_boxes["amal"], view.shown_boxes["badr"]]
    assert view.shown_boxes["badr"].isChecked()
    text = lead_project.text(3)
    assert badr.view.text == text
    [span] = badr.view.all_spans()
    assert (span.start, span.end) == phrase_range(text, "التحالف الدولي")
    badr.view.spanClicked.emit(span.id)  # the new pane is wired: its span selects its candidate
    assert view.current_candidate() == view.candidates.candidates[
        view.candidates.row_of(key(lead_project, "التحالف الدولي", "ORG", 3))
    ]


def test_screenshots(qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject) -> None:
    view.select_candidate(view.candidates.row_of(key(lead_project, "جهادي أجنبي", "PER")))
    view.accept_all_button.click()
    assert save_screenshot(view, "adjudication-merged").stat().st_size > 10_000
    view.set_mode(SIDE_BY_SIDE)
    assert save_screenshot(view, "adjudication-side-by-side").stat().st_size > 10_000


def test_the_entry_point_opens_a_comparison(qtbot: QtBot, lead_project: LeadProject) -> None:
    window = open_adjudication(
        None, lead_project.project, "lead", lead_project.document_ids[2], ["amal", "badr"]
    )
    qtbot.addWidget(window)
    document_shown(qtbot, window)
    assert window.isVisible() and window.document_id == lead_project.document_ids[2]
    assert window.mode == SIDE_BY_SIDE
    assert [n for n, p in window.annotator_panes.items() if p.isVisible()] == ["amal", "badr"]


def test_a_click_on_an_annotators_span_selects_its_candidate(
    qtbot: QtBot, view: AdjudicationView, lead_project: LeadProject
) -> None:
    view.set_mode(SIDE_BY_SIDE)
    qtbot.wait(10)  # the panes shown get their sizes
    amal = view.annotator_view("amal")
    start, _ = phrase_range(lead_project.text(0), "جهادي أجنبي")
    with qtbot.waitSignal(amal.spanClicked, timeout=2000):
        qtbot.mouseClick(
            amal.viewport(), Qt.MouseButton.LeftButton, pos=point_inside_char(amal, start + 1)
        )
    candidate = view.current_candidate()
    assert isinstance(candidate, SpanCandidate) and candidate.key == key(lead_project, "جهادي أجنبي", "PER")
    assert NOTE[3] in view.notes_view.toPlainText()
