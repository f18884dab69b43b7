"""Searching all documents of a project larger than a few short documents runs on a worker thread
(issue: the window froze ~9 s a search at 10,000 documents): the window keeps responding, the
count says it is searching, the matches come in project and text order, a newer search's matches
are never replaced by an older one's, and Enter, F3 and Shift+Enter step through them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.window_scene import ANNOTATOR, Confirmations, ini_settings, show_window
from workbench.app import search
from workbench.core import normalize
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui.annotate import search_controller
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.background import QuietTask

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
DOCUMENTS = 40
"""More than the controller searches at once (``AT_ONCE_DOCUMENTS``)."""
QUERY, OTHER = "بيروت", "دمشق"
WAIT_MS = 10_000


def text(number: int) -> str:
    """Every third document names Beirut twice (once with harakat), every fifth Damascus."""
    beirut = "وصل الوفد إلى بيروت، وقال إن بَيْرُوتَ آمنة. " if number % 3 == 0 else "لا خبر. "
    damascus = "وفي دمشق هدوء." if number % 5 == 0 else ""
    return f"{beirut}{damascus} ({number})"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    assert search_controller.AT_ONCE_DOCUMENTS < DOCUMENTS
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        documents = [AnnotatedDocument(make_document(f"doc-{n:02}", text(n))) for n in range(DOCUMENTS)]
        project.add_documents(documents)
        shown = show_window(qtbot, MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "s.ini"), Confirmations()))
        yield shown
        shown.close()
        qtbot.waitUntil(lambda: not QuietTask._running, timeout=WAIT_MS)


class Gate:
    """Holds the search of one query on its first document until opened, and notes the threads
    that searched (``find_all`` folds the query first, whichever module calls it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, held: str) -> None:
        self.held = held
        self.opened = threading.Event()
        self.threads: set[threading.Thread] = set()
        self.searched = 0
        """Documents searched for the held query."""
        fold: Callable[[str], str] = normalize.normalize_query
        monkeypatch.setattr(normalize, "normalize_query", partial(self._fold, fold))

    def _fold(self, fold: Callable[[str], str], query: str) -> str:
        self.threads.add(threading.current_thread())
        if query == self.held:
            self.searched += 1
            self.opened.wait(timeout=2)  # never for ever: the old code waited here on the GUI thread
        return fold(query)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Gate:
    """Holds the search for ``QUERY``."""
    return Gate(monkeypatch, QUERY)


def search_all(qtbot: QtBot, window: MainWindow, query: str) -> None:
    """Choose "All documents" with the keyboard, type the query, press Enter."""
    panel = window.search_panel
    window.show_search()
    if not panel.whole_project:
        panel.scope.setFocus()
        QTest.keyClick(panel.scope, Key.Key_Down)
        assert panel.whole_project
    panel.field.clear()
    commit_text(panel.field, query)
    QTest.keyClick(panel.field, Key.Key_Return)


def expected(window: MainWindow, query: str) -> list[tuple[str, str]]:
    """(document id, matched text) of every match, in project and text order."""
    found = []
    for document in window.project.documents():
        document_text = window.project.document(document.id).text
        found += [(document.id, document_text[s:e]) for s, e in normalize.find_all(document_text, query)]
    return found


def at(window: MainWindow) -> tuple[str | None, tuple[int, int] | None]:
    """The shown document and the selected range."""
    return window.current_document_id, window.text_view.current_selection(exact=True)


def place(match: search.Match) -> tuple[str | None, tuple[int, int] | None]:
    """Where ``at`` is once the match has been gone to."""
    return match.document_id, (match.start, match.end)


def shown(window: MainWindow) -> list[tuple[str, str]]:
    return [(m.document_id, window.texts.text(m.document_id)[m.start : m.end]) for m in window.search_panel.matches()]


def test_the_search_runs_off_the_gui_thread_and_the_window_keeps_responding(
    qtbot: QtBot, window: MainWindow, gate: Gate
) -> None:
    panel = window.search_panel
    search_all(qtbot, window, QUERY)
    assert panel.matches() == [] and panel.count.text().startswith("Searching")
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=WAIT_MS)  # the event loop runs while the search waits
    assert panel.searching
    gate.opened.set()
    qtbot.waitUntil(lambda: not panel.searching, timeout=WAIT_MS)
    assert gate.threads and threading.main_thread() not in gate.threads
    assert shown(window) == expected(window, QUERY)
    assert len(shown(window)) == 2 * 14
    assert panel.count.text() == "1 of 28"  # Enter, pressed before the matches came, went to the first


def test_enter_f3_and_shift_enter_step_through_the_matches_of_a_background_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.search_panel
    search_all(qtbot, window, QUERY)
    qtbot.waitUntil(lambda: not panel.searching, timeout=WAIT_MS)
    matches = panel.matches()
    assert at(window) == place(matches[0])
    QTest.keyClick(panel.field, Key.Key_F3)
    QTest.keyClick(panel.field, Key.Key_F3)  # before the first one's document is read
    qtbot.waitUntil(lambda: at(window) == place(matches[2]), timeout=WAIT_MS)
    QTest.keyClick(panel.field, Key.Key_Return, SHIFT)
    qtbot.waitUntil(lambda: at(window) == place(matches[1]), timeout=WAIT_MS)
    assert window.documents.document(matches[2].document_id).name == "doc-03"
    assert panel.count.text() == "2 of 28"


def test_shift_enter_before_the_matches_came_goes_to_the_last_one(
    qtbot: QtBot, window: MainWindow, gate: Gate
) -> None:
    search_all(qtbot, window, QUERY)
    QTest.keyClick(window.search_panel.field, Key.Key_Return, SHIFT)
    gate.opened.set()
    qtbot.waitUntil(lambda: not window.search_panel.searching, timeout=WAIT_MS)
    last = window.search_panel.matches()[-1]
    qtbot.waitUntil(lambda: at(window) == place(last), timeout=WAIT_MS)


def test_the_matches_of_an_older_search_never_replace_the_newer_ones(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the older search is not stopped in time (cancelling is only a request)."""
    monkeypatch.setattr(QuietTask, "cancel", lambda _task: None)
    gate = Gate(monkeypatch, QUERY)
    panel = window.search_panel
    search_all(qtbot, window, QUERY)  # held on its first document
    search_all(qtbot, window, OTHER)
    qtbot.waitUntil(lambda: not panel.searching, timeout=WAIT_MS)
    newer = shown(window)
    assert newer == expected(window, OTHER) and len(newer) == 8
    gate.opened.set()
    qtbot.waitUntil(lambda: not QuietTask._running, timeout=WAIT_MS)  # the older search ended too
    qtbot.wait(50)
    assert shown(window) == newer
    assert not panel.searching and panel.count.text() == "1 of 8"


def test_the_matches_come_in_batches_in_order_and_stop_at_the_limit(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "BATCH_DOCUMENTS", 4)
    monkeypatch.setattr(search_controller, "search_project", partial(search.search_project, limit=20))
    arrivals: list[int] = []
    panel = window.search_panel
    panel.matchesChanged.connect(lambda: arrivals.append(len(panel.matches())))
    search_all(qtbot, window, OTHER)
    qtbot.waitUntil(lambda: not panel.searching, timeout=WAIT_MS)
    arrivals.clear()
    panel.field.clear()
    commit_text(panel.field, QUERY)  # searched after the typing pause, with no match chosen
    qtbot.waitUntil(lambda: bool(arrivals) and not panel.searching, timeout=WAIT_MS)
    assert shown(window) == expected(window, QUERY)[:20]
    assert arrivals[0] == 0 and len(arrivals) > 3 and arrivals == sorted(arrivals)
    assert panel.count.text() == "20+ matches"
    QTest.keyClick(panel.field, Key.Key_Return)
    assert panel.count.text() == "1 of 20+"


def test_closing_the_window_stops_its_search(qtbot: QtBot, window: MainWindow, gate: Gate) -> None:
    search_all(qtbot, window, QUERY)
    qtbot.waitUntil(lambda: gate.searched == 1, timeout=WAIT_MS)
    window.close()
    gate.opened.set()
    qtbot.waitUntil(lambda: not QuietTask._running, timeout=WAIT_MS)
    assert gate.searched == 1 < DOCUMENTS


def test_label_all_takes_this_documents_matches_before_the_search_reaches_it(
    qtbot: QtBot, window: MainWindow, gate: Gate
) -> None:
    """"Label all matches in this document" took them from the search's results: with all
    documents searched in the background, the last document's matches had not arrived yet, and
    it said there were none."""
    last = window.project.documents()[-1].id  # doc-39 names Beirut twice
    window.open_document(last)
    search_all(qtbot, window, QUERY)
    gate.opened.set()  # what the worker finds reaches the window only through its event loop
    assert window.search_panel.matches() == []
    preview = window.labelling.label_all_matches("GPE")
    assert preview is not None and preview.list.count() == 2
    preview.reject()
