"""Suggestions (issue 12, point 6): built when a document opens, in the background, from every
labelled span in the project (other annotators', gold, imported sets); a rejection is kept in
the project and survives a restart; label-all then undo brings them back; Enter on a suggested
word selected with the mouse accepts it and moves on to the next suggestion.

The builds wait on a QTimer. After tests/ui/test_self_test.py's in-process startup probe (its
``app.exec()``), no QTimer fires again in the session; this module's name sorts before it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.lead_scene import save_screenshot
from tests.ui.window_scene import (
    ANNOTATOR,
    THIRD,
    Confirmations,
    ini_settings,
    new_project,
    nth_index,
    show_window,
)
from workbench.core.model import GOLD, AnnotatedDocument, make_document
from workbench.core.normalize import NormalizedText
from workbench.core.suggestions import Suggestion, places_elsewhere
from workbench.store.project import Project
from workbench.ui.annotate import labelling_controller
from workbench.ui.annotate.label_all_dialog import LabelAllDialog
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language

WAIT_MS = 30_000
"""The build loads camel-tools' character sets (a second of CPU alone) on a busy machine."""
BEIRUT = [(nth_index(THIRD, "بيروت", n), nth_index(THIRD, "بيروت", n) + 5) for n in range(3)]
PRESIDENT = (THIRD.index("الرئيس"), THIRD.index("الرئيس") + len("الرئيس"))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """badr labelled بيروت (GPE) in "third", gold has الرئيس (TITLE) in "mixed"; amal nothing."""
    with new_project(tmp_path / "window.tawsim") as project:
        ids = {d.name: d.id for d in project.documents()}
        project.add_span(ids["third"], "badr", *BEIRUT[0], "GPE")
        mixed = project.document(ids["mixed"]).text
        start = mixed.index("الرئيس")
        project.add_span(ids["mixed"], GOLD, start, start + len("الرئيس"), "TITLE")
        yield project


def open_window(qtbot: QtBot, project: Project, tmp_path: Path) -> MainWindow:
    window = MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "settings.ini"), Confirmations())
    show_window(qtbot, window)
    window.open_document(document_id(project, "third"))
    return window


def document_id(project: Project, name: str) -> str:
    return next(d.id for d in project.documents() if d.name == name)


def offered(window: MainWindow) -> set[Suggestion]:
    return set(window._suggestions[window.current_document_id or ""].offered)


def wait_for(qtbot: QtBot, window: MainWindow, wanted: set[Suggestion]) -> None:
    qtbot.waitUntil(lambda: offered(window) == wanted, timeout=WAIT_MS)


EVERYTHING = {Suggestion(*r, "GPE") for r in BEIRUT} | {Suggestion(*PRESIDENT, "TITLE")}


def test_suggestions_come_from_every_labelled_span_in_the_background(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    window = open_window(qtbot, project, tmp_path)
    assert offered(window) == set()  # the document is shown before they are built
    wait_for(qtbot, window, EVERYTHING)
    save_screenshot(window, "suggestions-en")
    window.close()


def test_a_rejection_survives_a_restart(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    window = open_window(qtbot, project, tmp_path)
    wait_for(qtbot, window, EVERYTHING)
    qtbot.keyClick(window.text_view, Qt.Key.Key_F4)
    first = window.labelling.current_suggestion
    assert first == Suggestion(*BEIRUT[0], "GPE")
    qtbot.keyClick(window.text_view, Qt.Key.Key_Escape)  # rejected
    window.close()
    again = open_window(qtbot, project, tmp_path)
    wait_for(qtbot, again, EVERYTHING - {first})
    again.close()


def test_label_all_then_undo_brings_them_back(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    window = open_window(qtbot, project, tmp_path)
    wait_for(qtbot, window, EVERYTHING)
    window.show_search()
    commit_text(window.search_panel.field, "بيروت")
    panel = window.search_panel
    panel.label_combo.setCurrentIndex(panel.label_combo.findData("GPE"))
    qtbot.mouseClick(panel.label_all_button, Qt.MouseButton.LeftButton)
    preview = window.findChild(LabelAllDialog)
    assert preview is not None
    qtbot.mouseClick(preview.label_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, window, {Suggestion(*PRESIDENT, "TITLE")})
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, window, EVERYTHING)
    window.close()


def test_enter_on_a_suggested_word_accepts_it_and_moves_on(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    from tests.ui.annotate.test_text_view import double_click
    from tests.ui.conftest import point_inside_char

    window = open_window(qtbot, project, tmp_path)
    wait_for(qtbot, window, EVERYTHING)
    double_click(qtbot, window.text_view, point_inside_char(window.text_view, BEIRUT[1][0] + 2))
    assert window.text_view.current_selection(exact=True) == BEIRUT[1]
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return)
    stored = project.annotation_set(document_id(project, "third"), ANNOTATOR)
    assert stored is not None and [(s.start, s.end, s.label) for s in stored.spans] == [(*BEIRUT[1], "GPE")]
    assert window.text_view.current_selection(exact=True) == BEIRUT[2]  # the next one
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return)
    stored = project.annotation_set(document_id(project, "third"), ANNOTATOR)
    assert stored is not None and len(stored.spans) == 2
    window.set_language(Language.ARABIC)
    save_screenshot(window, "suggestions-ar")
    window.set_language(Language.ENGLISH)
    window.close()


def test_accepting_a_suggestion_takes_the_word_from_the_other_labels_suggested_on_it(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """badr says GPE and cala LOC for بيروت: Enter, Enter must not give one word both labels;
    Enter on the first moves on to the next word, and the rebuild offers no other label there."""
    third = document_id(project, "third")
    project.add_span(third, "cala", *BEIRUT[0], "LOC")
    window = open_window(qtbot, project, tmp_path)
    both = EVERYTHING | {Suggestion(*r, "LOC") for r in BEIRUT}
    wait_for(qtbot, window, both)
    qtbot.keyClick(window.text_view, Qt.Key.Key_F4)
    assert window.labelling.current_suggestion == Suggestion(*BEIRUT[0], "GPE")
    with qtbot.waitSignal(window.suggestion_builder.built, timeout=WAIT_MS):
        qtbot.keyClick(window.text_view, Qt.Key.Key_Return)
    assert window.text_view.current_selection(exact=True) == PRESIDENT  # the next word offered
    assert offered(window) == {s for s in both if (s.start, s.end) != BEIRUT[0]}
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return)
    stored = project.annotation_set(third, ANNOTATOR)
    assert stored is not None
    assert sorted((s.start, s.end, s.label) for s in stored.spans) == [
        (*BEIRUT[0], "GPE"), (*PRESIDENT, "TITLE"),
    ]
    window.close()


def test_labelling_a_word_offers_its_other_places_with_their_proclitics(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """الموصل labelled by hand: والموصل and بالموصل are offered at once, proclitics inside (as
    the strings recommender finds them later), the الموصل inside الموصلي is not."""
    text = "هاجموا الموصل ثم عادوا إلى والموصل وبالموصل، لا الموصلي"
    window = label_the_first_mosul(qtbot, project, tmp_path, text)
    start = text.index("الموصل")
    assert (start, start + len("الموصل"), "GPE") in {
        (s.start, s.end, s.label) for s in project.span_entries(document_id(project, "mosul"), ANNOTATOR)
    }
    with_proclitics = ("والموصل", "وبالموصل")
    wanted = {Suggestion(text.index(word), text.index(word) + len(word), "GPE") for word in with_proclitics}
    wait_for(qtbot, window, wanted)
    window.close()


OBAMA = "قال باراك أوباما إن أوباما سيزور"
BUSH = "وصل جورج بوش ثم قال بوش إن الوفد وصل"
FULL_NAME = (BUSH.index("جورج"), BUSH.index("جورج") + len("جورج بوش"))
LAST_NAME = {Suggestion(BUSH.rindex("بوش"), BUSH.rindex("بوش") + len("بوش"), "PER")}


def with_people(project: Project) -> str:
    """Gold names a person by the last name after the full name ("obama"); "bush" is to
    label. The id of "bush"."""
    project.add_documents([AnnotatedDocument(make_document(n, t)) for n, t in (("obama", OBAMA), ("bush", BUSH))])
    for start, end in ((4, 16), (20, 26)):
        project.add_span(document_id(project, "obama"), GOLD, start, end, "PER")
    return document_id(project, "bush")


def test_labelling_a_persons_full_name_offers_the_last_name_where_it_stands_alone(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """As gold shows people named so (``gazetteer.part_labels``): بوش after جورج بوش."""
    bush = with_people(project)
    window = open_window(qtbot, project, tmp_path)
    with qtbot.waitSignal(window.suggestion_builder.built, timeout=WAIT_MS):  # with what gold shows
        window.open_document(bush)
    window.text_view.select_range(*FULL_NAME)
    qtbot.keyClick(window.text_view, "1")  # PER
    wait_for(qtbot, window, LAST_NAME)
    window.close()


class RecordedSearch:
    """``places_elsewhere`` as the labelling controller calls it, recording the thread it runs
    on and held back until ``release`` is set."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()

    def __call__(self, normalized: NormalizedText, start: int, end: int, last_word: bool) -> list[tuple[int, int]]:
        self.threads.append(threading.current_thread())
        self.release.wait(WAIT_MS / 1000)
        return places_elsewhere(normalized, start, end, last_word)


THREE_MOSULS = "هاجموا الموصل ثم عادوا إلى الموصل ومنها إلى الموصل"


def label_the_first_mosul(qtbot: QtBot, project: Project, tmp_path: Path, text: str) -> MainWindow:
    """A window on a document of ``text``, nothing suggested yet; its first الموصل labelled GPE."""
    project.add_documents([AnnotatedDocument(make_document("mosul", text))])
    window = open_window(qtbot, project, tmp_path)
    window.open_document(document_id(project, "mosul"))
    wait_for(qtbot, window, set())
    start = text.index("الموصل")
    window.text_view.select_range(start, start + len("الموصل"))
    gpe = next(e for e in window.schema.entity_types if e.id == "GPE")
    qtbot.keyClick(window.text_view, gpe.hotkey or "")
    return window


def test_the_other_places_of_a_label_are_found_off_the_gui_thread(
    qtbot: QtBot, project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common word of a long document has thousands of places (في, 6,841 in a million
    characters: 58 ms, over a frame): they are searched on a worker thread."""
    search = RecordedSearch()
    monkeypatch.setattr(labelling_controller, "places_elsewhere", search)
    window = label_the_first_mosul(qtbot, project, tmp_path, THREE_MOSULS)
    search.release.set()
    places = [m.start() for m in re.finditer("الموصل", THREE_MOSULS)][1:]
    wait_for(qtbot, window, {Suggestion(start, start + len("الموصل"), "GPE") for start in places})
    assert search.threads and threading.main_thread() not in search.threads
    window.close()


def test_places_found_after_the_label_was_undone_are_not_offered(
    qtbot: QtBot, project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    search = RecordedSearch()
    monkeypatch.setattr(labelling_controller, "places_elsewhere", search)
    window = label_the_first_mosul(qtbot, project, tmp_path, THREE_MOSULS)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.labelling._occurrences_found, timeout=WAIT_MS):
        search.release.set()
    assert offered(window) == set()
    window.close()


def test_a_span_moved_over_a_suggestion_takes_it_away_at_once(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """A span whose ends move (or whose label changes) settles the suggestions it now hides, as
    a new span does, without waiting for the next build."""
    window = open_window(qtbot, project, tmp_path)
    wait_for(qtbot, window, EVERYTHING)
    day = (BEIRUT[0][1] + 1, BEIRUT[0][1] + len(" يوم"))
    assert window.text[day[0] : day[1]] == "يوم"
    window.text_view.select_range(*day)
    window.labelling.apply_label("LOC")
    assert offered(window) == EVERYTHING
    span_id = window.span_model.entry_at(0).id
    window.labelling.move_span(span_id, BEIRUT[0][0], day[1])  # بيروت يوم: over the first بيروت
    assert offered(window) == EVERYTHING - {Suggestion(*BEIRUT[0], "GPE")}
    window.close()
