"""The recommenders' stored suggestions in the annotator's window (issue 15, the window side):
loaded in the background when a document opens, drawn dashed with their label's colour and tag,
merged with the in-document suggestions; Enter or a label's key accepts, Backspace or Escape
rejects (each undoable, each logged), Edit > Accept suggestions above… accepts in bulk as one
undo step, a document marked done fills suggestions for the rest in the background, Project >
Fill suggestions does it on demand, and Project > Statistics shows ``stats --json``'s figures.

The loads wait on a QTimer: this module's name sorts before tests/ui/test_self_test.py (see
test_persistent_suggestions.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDoubleSpinBox, QInputDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import present, run_cli
from tests.ui.annotate.test_persistent_suggestions import (
    BEIRUT,
    FULL_NAME,
    LAST_NAME,
    PRESIDENT,
    WAIT_MS,
    document_id,
    offered,
    wait_for,
    with_people,
)
from tests.ui.lead_scene import save_screenshot
from tests.ui.menu_clicks import choose_from_menu
from tests.ui.window_scene import ANNOTATOR, Confirmations, ini_settings, new_project, show_window
from tests.ui.window_waits import activate, wait_exposed
from workbench.app import recommending
from workbench.app.document_list import next_not_done
from workbench.app.recommending import fill_suggestions, suggestions_on
from workbench.core.model import GOLD, Status
from workbench.core.recommenders import Recommendation
from workbench.core.schema import EntityType
from workbench.core.suggestions import Suggestion
from workbench.store.project import Project
from workbench.store.recommending import store_suggestions, suggestion_spans
from workbench.ui import i18n
from workbench.ui.annotate import assist_controller
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language

SCORES = {BEIRUT[0]: 0.95, BEIRUT[1]: 0.92, BEIRUT[2]: 0.6, PRESIDENT: 0.8}
STORED = {Suggestion(*BEIRUT[n], "GPE") for n in range(3)} | {Suggestion(*PRESIDENT, "TITLE")}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """Nobody labelled anything; the recommenders suggested بيروت (GPE, three times) and الرئيس
    (TITLE) in "third", with the scores of ``SCORES``."""
    with new_project(tmp_path / "window.tawsim") as project:
        found = [
            Recommendation(*BEIRUT[n], "GPE", SCORES[BEIRUT[n]], "strings") for n in range(3)
        ] + [Recommendation(*PRESIDENT, "TITLE", SCORES[PRESIDENT], "crf")]
        store_suggestions(project, document_id(project, "third"), found)
        yield project
    i18n.set_language(Language.ENGLISH)


@pytest.fixture
def window(qtbot: QtBot, project: Project, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "settings.ini"), Confirmations())
    show_window(qtbot, window)
    window.open_document(document_id(project, "third"))
    yield window
    window.close()


def entity(window: MainWindow, label: str) -> EntityType:
    return next(e for e in window.schema.entity_types if e.id == label)


def actions(project: Project) -> dict[str, int]:
    counts: dict[str, int] = project_throughput(project)["annotators"][ANNOTATOR]["actions"]
    return counts


def project_throughput(project: Project) -> dict[str, Any]:
    from workbench.app.project import project_stats

    return dict(project_stats(project)["throughput"])


def spans(project: Project) -> list[tuple[int, int, str]]:
    annotations = project.annotation_set(document_id(project, "third"), ANNOTATOR)
    return sorted((s.start, s.end, s.label) for s in annotations.spans) if annotations else []


def stored(project: Project) -> set[Suggestion]:
    """The reserved set on "third": what the recommenders suggested to every annotator."""
    return {Suggestion(s.start, s.end, s.label) for s in suggestion_spans(project, document_id(project, "third"))}


def on_offer(project: Project) -> set[Suggestion]:
    """Those of ``stored`` that the window shows ``ANNOTATOR`` (``suggestions_on``)."""
    third = document_id(project, "third")
    return {Suggestion(s.start, s.end, s.label) for s in suggestions_on(project, third, ANNOTATOR)}


def press(
    qtbot: QtBot, window: MainWindow, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(window.text_view, key, modifier)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_stored_suggestions_come_in_the_background_dashed_with_their_label(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert offered(window) == set()  # the document is shown first
    wait_for(qtbot, window, STORED)
    view = window.text_view
    colours = {label: entity(window, label).color for label in ("GPE", "TITLE")}
    shown = [view.suggestion(f"suggestion:{s.start}:{s.end}:{s.label}") for s in STORED]
    assert all(s is not None and s.kind == "suggestion" and s.color == colours[s.label] for s in shown)
    tagged = {(s.start, s.end, s.label) for s in view.spans_starting_in(0, len(view.text))}
    assert tagged == {(s.start, s.end, s.label) for s in STORED}  # each with its label's tag
    save_screenshot(window, "stored-suggestions-en")
    window.set_language(Language.ARABIC)
    save_screenshot(window, "stored-suggestions-ar")


def test_enter_accepts_a_stored_suggestion_and_undo_gives_it_back(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    wait_for(qtbot, window, STORED)
    press(qtbot, window, Qt.Key.Key_F4)
    assert window.labelling.current_suggestion == Suggestion(*BEIRUT[0], "GPE")
    press(qtbot, window, Qt.Key.Key_Return)
    assert spans(project) == [(*BEIRUT[0], "GPE")]
    assert Suggestion(*BEIRUT[0], "GPE") not in on_offer(project)
    assert stored(project) == STORED  # other annotators are still offered it
    assert actions(project)["accept"] == 1 and actions(project)["create"] == 0
    assert window.text_view.current_selection(exact=True) == PRESIDENT  # on to the next one
    wait_for(qtbot, window, STORED - {Suggestion(*BEIRUT[0], "GPE")})
    undo(qtbot, window)
    assert spans(project) == [] and on_offer(project) == STORED
    wait_for(qtbot, window, STORED)


def test_a_labels_key_accepts_the_suggestion_with_that_label(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    wait_for(qtbot, window, STORED)
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_F4)
    assert window.labelling.current_suggestion == Suggestion(*PRESIDENT, "TITLE")
    press(qtbot, window, entity(window, "PER").hotkey or "")
    assert spans(project) == [(*PRESIDENT, "PER")]
    assert actions(project)["accept"] == 1 and actions(project)["create"] == 0
    undo(qtbot, window)
    assert spans(project) == [] and stored(project) == STORED


def test_accepting_a_suggestion_offers_what_labelling_it_would(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """A person's full name accepted offers the last name where it stands alone, as labelling it
    by hand does (the build after each change offers only the whole texts labelled)."""
    bush = with_people(project)
    store_suggestions(project, bush, [Recommendation(*FULL_NAME, "PER", 0.7, "crf")])
    with qtbot.waitSignal(window.suggestion_builder.built, timeout=WAIT_MS):
        window.open_document(bush)
    wait_for(qtbot, window, {Suggestion(*FULL_NAME, "PER")})
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_Return)
    wait_for(qtbot, window, LAST_NAME)


def test_clicking_a_suggestions_tag_selects_it_for_a_labels_key(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    wait_for(qtbot, window, STORED)
    tags = {tag.key: tag for tag in window.text_view.span_geometry().tags()}
    tag = tags[f"suggestion:{PRESIDENT[0]}:{PRESIDENT[1]}:TITLE"]
    QTest.mouseClick(window.text_view.viewport(), Qt.MouseButton.LeftButton, pos=tag.rect.center().toPoint())
    assert window.labelling.current_suggestion == Suggestion(*PRESIDENT, "TITLE")
    assert window.text_view.selected_span_id is None  # a suggestion is not a span
    press(qtbot, window, entity(window, "TITLE").hotkey or "")
    assert spans(project) == [(*PRESIDENT, "TITLE")]
    assert actions(project)["accept"] == 1


def test_backspace_rejects_a_stored_suggestion_for_good_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    third = document_id(project, "third")
    wait_for(qtbot, window, STORED)
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_Backspace)
    rejected = Suggestion(*BEIRUT[0], "GPE")
    assert spans(project) == []
    assert project.rejected_suggestions(third, ANNOTATOR) == {(*BEIRUT[0], "GPE")}
    assert actions(project)["reject"] == 1
    wait_for(qtbot, window, STORED - {rejected})
    assert rejected not in on_offer(project) and stored(project) == STORED
    fill_suggestions(project, annotator=ANNOTATOR)  # the recommenders run again: not suggested
    assert rejected not in on_offer(project)
    undo(qtbot, window)
    assert project.rejected_suggestions(third, ANNOTATOR) == set()
    assert rejected in on_offer(project)
    wait_for(qtbot, window, STORED)


def test_a_name_labelled_by_hand_over_a_suggestion_with_other_ends_takes_it_away(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """بيروت is suggested, the annotator labels بيروت يوم by hand with the same label: the
    suggestion goes (nothing to reject: no Backspace, no rejection kept), and comes back on undo."""
    wait_for(qtbot, window, STORED)
    wider = (BEIRUT[0][0], BEIRUT[0][1] + len(" يوم"))
    assert window.text[wider[0] : wider[1]] == "بيروت يوم"
    window.text_view.select_range(*wider)
    hidden = Suggestion(*BEIRUT[0], "GPE")
    with qtbot.waitSignal(window.labelling.stored._read, timeout=WAIT_MS):  # the stored ones read again
        press(qtbot, window, entity(window, "GPE").hotkey or "")
        assert spans(project) == [(*wider, "GPE")]
        assert offered(window) == STORED - {hidden}  # at once
    assert offered(window) == STORED - {hidden}
    assert stored(project) == STORED and actions(project)["reject"] == 0
    assert project.rejected_suggestions(document_id(project, "third"), ANNOTATOR) == set()
    undo(qtbot, window)
    wait_for(qtbot, window, STORED)


def test_where_names_never_nest_a_span_takes_away_a_suggestion_of_another_label_inside_it(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """No set of the project overlaps two names: بيروت (GPE) inside إلى بيروت (PER) goes too."""
    wait_for(qtbot, window, STORED)
    suggestions = window._suggestions[document_id(project, "third")]
    qtbot.waitUntil(lambda: not suggestions.nested, timeout=WAIT_MS)  # the offer built
    wider = (BEIRUT[0][0] - len("إلى "), BEIRUT[0][1])
    assert window.text[wider[0] : wider[1]] == "إلى بيروت"
    window.text_view.select_range(*wider)
    with qtbot.waitSignal(window.labelling.stored._read, timeout=WAIT_MS):
        press(qtbot, window, entity(window, "PER").hotkey or "")
        assert offered(window) == STORED - {Suggestion(*BEIRUT[0], "GPE")}
    assert offered(window) == STORED - {Suggestion(*BEIRUT[0], "GPE")}


def test_in_document_suggestions_are_logged_as_accepted_and_rejected(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """Labelling one بيروت offers the others; Enter on one logs "accept", Escape "reject"."""
    wait_for(qtbot, window, STORED)
    third = document_id(project, "third")
    store_suggestions(project, third, [])  # only the in-document suggestions now
    window.open_document(document_id(project, "mixed"))
    window.open_document(third)
    wait_for(qtbot, window, set())
    window.text_view.select_range(*BEIRUT[0])
    press(qtbot, window, entity(window, "GPE").hotkey or "")
    wait_for(qtbot, window, {Suggestion(*BEIRUT[n], "GPE") for n in (1, 2)})
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert spans(project) == [(*BEIRUT[0], "GPE"), (*BEIRUT[1], "GPE")]
    assert {k: actions(project)[k] for k in ("create", "accept", "reject")} == {"create": 1, "accept": 1, "reject": 1}


def test_shift_enter_accepts_the_name_everywhere_in_the_document_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    wait_for(qtbot, window, STORED)
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: spans(project) == [(*BEIRUT[n], "GPE") for n in range(3)], timeout=WAIT_MS)
    assert actions(project)["accept"] == 3 and actions(project)["create"] == 0
    assert window.labelling.current_suggestion == Suggestion(*PRESIDENT, "TITLE")  # on to the next
    wait_for(qtbot, window, {Suggestion(*PRESIDENT, "TITLE")})
    assert window.undo_stack.count() == 1
    undo(qtbot, window)
    assert spans(project) == [] and on_offer(project) == STORED
    wait_for(qtbot, window, STORED)


def test_shift_enter_takes_the_documents_own_suggestions_and_the_stored_ones_together(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """بيروت labelled by hand offers its other two places; the recommenders suggested the last
    one too. Shift+Enter on the second takes both, in one undo step."""
    wait_for(qtbot, window, STORED)
    third = document_id(project, "third")
    store_suggestions(project, third, [Recommendation(*BEIRUT[2], "GPE", 0.6, "strings")])
    window.open_document(document_id(project, "mixed"))
    window.open_document(third)
    wait_for(qtbot, window, {Suggestion(*BEIRUT[2], "GPE")})
    window.text_view.select_range(*BEIRUT[0])
    press(qtbot, window, entity(window, "GPE").hotkey or "")
    wait_for(qtbot, window, {Suggestion(*BEIRUT[n], "GPE") for n in (1, 2)})
    assert not window.labelling.stored.holds(Suggestion(*BEIRUT[1], "GPE"))
    assert window.labelling.stored.holds(Suggestion(*BEIRUT[2], "GPE"))
    press(qtbot, window, Qt.Key.Key_F4)
    assert window.labelling.current_suggestion == Suggestion(*BEIRUT[1], "GPE")
    press(qtbot, window, Qt.Key.Key_Enter, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: spans(project) == [(*BEIRUT[n], "GPE") for n in range(3)], timeout=WAIT_MS)
    assert {k: actions(project)[k] for k in ("create", "accept")} == {"create": 1, "accept": 2}
    wait_for(qtbot, window, set())
    undo(qtbot, window)
    assert spans(project) == [(*BEIRUT[0], "GPE")]
    wait_for(qtbot, window, {Suggestion(*BEIRUT[n], "GPE") for n in (1, 2)})


def test_accept_above_a_threshold_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    wait_for(qtbot, window, STORED)
    choose_from_menu(qtbot, window, window.menu_actions.menus["edit"], window.menu_actions.accept_above)
    dialog = window.assist.threshold_dialog
    assert isinstance(dialog, QInputDialog)
    wait_exposed(qtbot, dialog)
    assert dialog.doubleValue() == 0.9  # the default
    field = dialog.findChild(QDoubleSpinBox)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "0.75")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert spans(project) == sorted([(*BEIRUT[0], "GPE"), (*BEIRUT[1], "GPE"), (*PRESIDENT, "TITLE")])
    assert on_offer(project) == {Suggestion(*BEIRUT[2], "GPE")} and stored(project) == STORED
    assert actions(project)["accept"] == 3
    wait_for(qtbot, window, {Suggestion(*BEIRUT[2], "GPE")})
    activate(qtbot, window)  # as a window manager does once the dialog is gone (offscreen has none)
    undo(qtbot, window)
    assert spans(project) == [] and on_offer(project) == STORED
    wait_for(qtbot, window, STORED)


def test_a_document_marked_done_fills_suggestions_for_the_others(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """amal labels الرئيس in "third" and marks it done: once the quiet fill has run, the
    strings recommender suggests it on الرَّئِيسُ in "harakat" (diacritics aside), and the
    status bar says so."""
    third = document_id(project, "third")
    harakat = document_id(project, "harakat")
    wait_for(qtbot, window, STORED)
    window.text_view.select_range(*PRESIDENT)
    press(qtbot, window, entity(window, "TITLE").hotkey or "")
    assert suggestion_spans(project, harakat) == []
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.documents.document(third).status is Status.DONE
    qtbot.waitUntil(lambda: "Filled" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    text = project.document(harakat).text
    start = text.index("الرَّئِيسُ")
    assert [(s.start, s.end, s.label) for s in suggestion_spans(project, harakat)] == [
        (start, start + len("الرَّئِيسُ"), "TITLE")
    ]


def test_a_document_marked_done_fills_only_the_next_ones(
    qtbot: QtBot, window: MainWindow, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quiet fill takes the next documents not done after the one marked done, then those
    from the first on: on a project of 100,000 documents, every one not done was hours of a
    worker's time. "third" is the last: with one to fill, it is "mixed", the first, and the
    suggestion of الرئيس does not reach "harakat"; with two, it does."""
    monkeypatch.setattr(assist_controller, "QUIET_FILL_DOCUMENTS", 1)
    third = document_id(project, "third")
    harakat = document_id(project, "harakat")
    wait_for(qtbot, window, STORED)
    window.text_view.select_range(*PRESIDENT)
    press(qtbot, window, entity(window, "TITLE").hotkey or "")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Filled" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert window.statusBar().currentMessage().endswith("documents looked at: 1.")
    assert suggestion_spans(project, harakat) == []
    mixed = document_id(project, "mixed")
    assert next_not_done(project, ANNOTATOR, third, 2) == [mixed, harakat]
    assert next_not_done(project, ANNOTATOR, mixed, 5) == [harakat, mixed]  # after it, then from the first


def test_fill_suggestions_from_the_project_menu(
    qtbot: QtBot, window: MainWindow, project: Project
) -> None:
    """Gold has الرئيس (TITLE) in "third": Project > Fill suggestions suggests it in "harakat"
    behind a progress dialog (with Cancel), then says so in the status bar."""
    harakat = document_id(project, "harakat")
    project.add_span(document_id(project, "third"), GOLD, *PRESIDENT, "TITLE")
    assert suggestion_spans(project, harakat) == []
    choose_from_menu(qtbot, window, window.menu_actions.menus["project"], window.menu_actions.fill_suggestions)
    qtbot.waitUntil(lambda: "Filled" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert [s.label for s in suggestion_spans(project, harakat)] == ["TITLE"]


def test_cancel_in_fill_suggestions_stops_after_the_document_in_hand(
    qtbot: QtBot, window: MainWindow, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel in Project > Fill suggestions' progress dialog: the document being filled ("mixed",
    the first listed) is finished, "harakat" after it is left alone although gold's الرئيس
    would be suggested there, and the status bar counts only the document looked at."""
    started, release = threading.Event(), threading.Event()
    suggest_on_document = recommending.document_suggestions

    def held_at_the_first_document(*arguments: Any) -> list[Recommendation]:
        started.set()
        release.wait(WAIT_MS / 1000)
        return suggest_on_document(*arguments)

    monkeypatch.setattr(recommending, "document_suggestions", held_at_the_first_document)
    harakat = document_id(project, "harakat")
    project.add_span(document_id(project, "third"), GOLD, *PRESIDENT, "TITLE")
    choose_from_menu(qtbot, window, window.menu_actions.menus["project"], window.menu_actions.fill_suggestions)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    [dialog] = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    QTest.mouseClick(present(dialog.findChild(QPushButton)), Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: "Filled" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert window.statusBar().currentMessage().endswith("documents looked at: 1.")
    assert not dialog.isVisible()
    assert suggestion_spans(project, harakat) == []


def test_the_statistics_dialog_shows_the_figures_of_stats_json(
    qtbot: QtBot, window: MainWindow, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    wait_for(qtbot, window, STORED)
    press(qtbot, window, Qt.Key.Key_F4)
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Backspace)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    project.conn.execute("UPDATE actions SET at = at - 60 * (SELECT max(id) FROM actions) + 60 * id")
    project.conn.commit()
    code, out, _ = run_cli(capsys, "stats", project.path, "--json")
    assert code == 0
    figures = json.loads(out)["throughput"]
    for language, name in ((Language.ENGLISH, "statistics-en"), (Language.ARABIC, "statistics-ar")):
        window.set_language(language)
        choose_from_menu(qtbot, window, window.menu_actions.menus["project"], window.menu_actions.statistics)
        qtbot.waitUntil(lambda: window.assist.statistics is not None, timeout=WAIT_MS)
        dialog = window.assist.statistics
        assert dialog is not None and dialog.isVisible() and dialog.layoutDirection() == language.direction
        headers = [dialog.model.horizontalHeaderItem(c).text() for c in range(dialog.model.columnCount())]
        assert headers[2] == ANNOTATOR
        for column, source in ((1, figures), (2, figures["annotators"][ANNOTATOR])):
            for figure in ("documents_per_hour", "spans_per_hour", "suggestion_acceptance", "active_hours",
                           "seconds_per_document_with_suggestions", "seconds_per_document_without_suggestions"):
                assert dialog.figure(figure, column) == source[figure], figure
            assert dialog.figure("accepted", column) == source["actions"]["accept"] == 1
            assert dialog.figure("rejected", column) == source["actions"]["reject"] == 1
        assert dialog.figure("suggestion_acceptance", 1) == 0.5
        assert dialog.model.item(2, 1).text() == "50%"
        save_screenshot(dialog, name)
        dialog.close()
        window.assist.statistics = None
