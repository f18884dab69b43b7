"""A long document with thousands of suggestions: what the GUI thread does with them scales with
the annotator's edit, not with their number (``DocumentSuggestions``, ``DrawnSuggestions``).

On a million characters the window offered 24,000 suggestions, and each edit, each arrival of
the background build and each repaint went through them all on the GUI thread (seconds at a
time). These tests count the work rather than time it.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.window_scene import ANNOTATOR, Confirmations, ini_settings, show_window
from workbench.app import search
from workbench.app.suggestions import document_suggestions
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.normalize import NormalizedText
from workbench.core.normalize import normalize as core_normalize
from workbench.core.recommenders import Recommendation
from workbench.core.schema import builtin_schema
from workbench.core.suggestions import Suggestion, TakenSpans
from workbench.store.project import Project
from workbench.store.recommending import store_suggestions
from workbench.ui.annotate import labelling_controller
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.view_span import ViewSpan

NAMES = ["".join(letters) for letters in itertools.permutations("بتثجحخدذ", 3)][:30]
TIMES = 150
"""Each name's occurrences: under ``MAX_OCCURRENCES``, so that each is offered."""
LINE = "{} قال في الخبر إن الوفد وصل اليوم"
WAIT_MS = 30_000


def hides_asked_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, str]]:
    """What the GUI thread asks the annotator's spans from now on (the workers' builds ask
    them about every suggestion, as they should)."""
    asked: list[tuple[int, int, str]] = []
    hide = TakenSpans.hide

    def counted(spans: TakenSpans, start: int, end: int, label: str) -> bool:
        if threading.current_thread() is threading.main_thread():
            asked.append((start, end, label))
        return hide(spans, start, end, label)

    monkeypatch.setattr(TakenSpans, "hide", counted)
    return asked


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """One document of 4,500 lines, each with a name that badr labelled once (PER)."""
    text = "\n".join(LINE.format(NAMES[n % len(NAMES)]) for n in range(len(NAMES) * TIMES))
    with Project.create(tmp_path / "long.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document("long", text))])
        document = project.documents()[0].id
        for name in NAMES:
            start = text.index(name)
            project.add_span(document, "badr", start, start + len(name), "PER")
        yield project


@pytest.fixture
def window(qtbot: QtBot, project: Project, tmp_path: Path) -> MainWindow:
    shown = show_window(qtbot, MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "s.ini"), Confirmations()))
    shown.open_document(project.documents()[0].id)
    return shown


def test_a_built_offer_arrives_without_asking_the_spans_about_each_suggestion(
    window: MainWindow, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer = document_suggestions(project, project.documents()[0].id, ANNOTATOR)
    assert len(offer.suggestions.offered) == len(NAMES) * TIMES
    asked = hides_asked_on_the_gui_thread(monkeypatch)
    window.labelling.use_built_suggestions(offer)
    assert window._suggestions[offer.document_id].offered == offer.suggestions.offered
    assert len(asked) < 100


def test_only_the_suggestions_on_screen_are_drawn(
    qtbot: QtBot, window: MainWindow, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer = document_suggestions(project, project.documents()[0].id, ANNOTATOR)
    drawn: list[str] = []
    made = ViewSpan.__init__

    def counted(span: ViewSpan, *given: object, **named: object) -> None:
        made(span, *given, **named)  # type: ignore[arg-type]
        drawn.append(span.kind)

    monkeypatch.setattr(ViewSpan, "__init__", counted)
    window.labelling.use_built_suggestions(offer)
    window.text_view.viewport().repaint()
    suggestions = drawn.count("suggestion")
    assert 0 < suggestions < len(offer.suggestions.offered) // 4


def test_the_first_label_of_a_document_is_searched_for_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document's normalized view, made at its first label (0.1 s for a million characters),
    is made on the worker that finds the label's other places."""
    threads: list[threading.Thread] = []

    def recorded(text: str) -> NormalizedText:
        threads.append(threading.current_thread())
        return core_normalize(text)

    for module in (labelling_controller, search):
        monkeypatch.setattr(module, "normalize", recorded, raising=False)
    name = NAMES[1]
    start = window.text.index(name)
    window.text_view.select_range(start, start + len(name))
    with qtbot.waitSignal(window.labelling._occurrences_found, timeout=WAIT_MS):
        window.labelling.apply_label("PER")
    assert threads and threading.main_thread() not in threads


def test_a_read_of_the_stored_suggestions_after_an_edit_asks_the_spans_only_about_new_ones(
    qtbot: QtBot, window: MainWindow, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recommenders' suggestions are read again after every edit (an undone acceptance
    brings one back); each read asked the annotator's spans about every one of them."""
    document = project.documents()[0].id
    places = [(m.start(), m.end()) for m in re.finditer("|".join(NAMES), window.text)]
    store_suggestions(project, document, [Recommendation(*place, "GPE", 0.9, "crf") for place in places])
    window.open_document(document)
    qtbot.waitUntil(lambda: Suggestion(*places[-1], "GPE") in window._suggestions[document].offered, timeout=WAIT_MS)
    asked = hides_asked_on_the_gui_thread(monkeypatch)
    start = window.text.index("الوفد")
    window.text_view.select_range(start, start + len("الوفد"))
    with qtbot.waitSignal(window.labelling.stored._read, timeout=WAIT_MS):
        window.labelling.apply_label("ORG")
    QApplication.processEvents()
    assert Suggestion(*places[-1], "GPE") in window._suggestions[document].offered
    assert len(asked) < 100
