"""The adjudication window paints before its document list's rows and the document it opens on,
which is read on a worker thread and shown when it comes; a document chosen meanwhile, or the
window closed, drops it. Its candidates' column titles, each translated alone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    document_shown,
    lead_project,
    lead_project_file,
    wait_on_worker,
)
from workbench.app import adjudication
from workbench.app.adjudication import Comparison
from workbench.app.project import Project
from workbench.core.model import GOLD, AnnotatedDocument, make_document
from workbench.core.schema import builtin_schema
from workbench.ui.background import QuietTask
from workbench.ui.i18n import Language, set_language
from workbench.ui.lead.adjudication_candidates import CandidateModel
from workbench.ui.lead.adjudication_view import AdjudicationView


@pytest.fixture
def held_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Reads of a comparison on a worker thread wait until the event is set (set at the end)."""
    release = threading.Event()
    load = Comparison.load.__func__  # type: ignore[attr-defined]

    def held(cls: type[Comparison], project: Project, *rest: object) -> Comparison:
        if threading.current_thread() is not threading.main_thread():
            wait_on_worker(release.is_set)
        return load(cls, project, *rest)  # type: ignore[no-any-return]

    monkeypatch.setattr(adjudication.Comparison, "load", classmethod(held))
    yield release
    release.set()


def all_reads_ended(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not QuietTask.any_running())
    qtbot.wait(10)  # what they sent has been handled


def in_flight(qtbot: QtBot, window: AdjudicationView) -> None:
    """``window`` shown, painted, its list filled and its document being read (held)."""
    window.show()
    qtbot.waitUntil(QuietTask.any_running)


def test_the_window_shows_before_its_list_and_first_document_which_follow(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    assert window.comparison is None and window.merged_view.toPlainText() == ""
    assert window.document_table.model().rowCount() == 0
    window.show()
    document_shown(qtbot, window)
    assert window.document_table.model().rowCount() == len(lead_project.document_ids)
    first = lead_project.document_ids[0]
    assert window.document_id == first
    assert window.gold_view.toPlainText() == lead_project.text(0)
    assert window.candidates.rowCount() > 0
    assert window.document_table.selectionModel().selectedRows()[0].row() == 0


def test_the_document_is_read_once_the_window_has_painted(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    """Read as the window was made, on a second core, it often came before the first paint and
    was laid out in it: a first paint two documents' texts long."""
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert window.comparison is None and not QuietTask.any_running()
    window.show()
    document_shown(qtbot, window)


def test_the_document_asked_for_opens_with_its_annotators_side_by_side(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    wanted = lead_project.document_ids[2]
    window = AdjudicationView(lead_project.project, "lead", None, wanted, ["amal", "badr"])
    qtbot.addWidget(window)
    window.show()
    document_shown(qtbot, window)
    assert window.document_id == wanted and window.mode == "side_by_side"
    assert [name for name, box in window.shown_boxes.items() if box.isChecked()] == ["amal", "badr"]
    assert window.document_table.selectionModel().selectedRows()[0].row() == 2


def test_a_document_chosen_while_the_first_is_read_stays(
    qtbot: QtBot, lead_project: LeadProject, held_read: threading.Event
) -> None:
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    in_flight(qtbot, window)
    chosen = lead_project.document_ids[3]
    window.show_document(chosen)
    assert window.document_id == chosen
    held_read.set()
    all_reads_ended(qtbot)
    assert window.document_id == chosen
    assert window.gold_view.toPlainText() == lead_project.text(3)
    assert window.document_table.selectionModel().selectedRows()[0].row() == 3


def test_a_window_closed_before_its_document_comes_reads_nothing_more(
    qtbot: QtBot, lead_project: LeadProject, held_read: threading.Event
) -> None:
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    in_flight(qtbot, window)
    window.close()
    lead_project.project.close()  # as a window's project is closed after it
    held_read.set()
    all_reads_ended(qtbot)
    assert window.document_id is None and window.gold_view.toPlainText() == ""


def test_a_document_chosen_before_the_window_fills_in_stays(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    window.show()
    chosen = lead_project.document_ids[3]
    window.show_document(chosen)  # before the first paint: the list fills in at once
    assert window.document_table.selectionModel().selectedRows()[0].row() == 3
    qtbot.wait(50)
    assert window.document_id == chosen and not QuietTask.any_running()


def test_a_window_closed_before_it_fills_in_reads_nothing_more(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    window = AdjudicationView(lead_project.project, "lead")
    qtbot.addWidget(window)
    window.show()
    window.repaint()  # painted: the window fills in at the next round of events
    window.close()
    lead_project.project.close()
    qtbot.wait(50)
    assert window.document_table.model().rowCount() == 0 and window.comparison is None
    assert not QuietTask.any_running()


def test_the_versions_list_is_as_wide_as_the_first_documents_names(
    qtbot: QtBot, lead_project: LeadProject
) -> None:
    """As when the first document was read before the window showed; measured empty, as the
    window now shows first, it was 15 pixels wider and moved the toolbar's buttons."""
    window = AdjudicationView(lead_project.project, "lead")
    window.resize(1500, 900)
    qtbot.addWidget(window)
    window.show()
    document_shown(qtbot, window)
    names = window.comparison.annotators if window.comparison else []
    reference = QComboBox()
    qtbot.addWidget(reference)
    reference.addItems(names)
    qtbot.waitUntil(lambda: window.version_combo.width() == reference.sizeHint().width())
    window.show_document(lead_project.document_ids[4])  # fewer names: the width stays
    qtbot.wait(10)
    assert window.version_combo.width() == reference.sizeHint().width()


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.ARABIC], ids=["en", "ar"])
def test_the_candidates_columns_are_titled_in_the_interface_language(language: Language) -> None:
    set_language(language)
    try:
        model = CandidateModel(builtin_schema("conflict-news"))
        titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        english = ["Text", "Label", "Who has it", "Agreement", "In gold", "Notes"]
        assert titles == [QCoreApplication.translate("CandidateModel", t) for t in english]
        assert (titles == english) == (language is Language.ENGLISH)
    finally:
        set_language(Language.ENGLISH)


def test_a_texts_scroll_bar_comes_with_it(
    qtbot: QtBot, tmp_path: Path, held_read: threading.Event
) -> None:
    """Qt shows a scroll bar a round of events after the text that needs it: the first document
    was laid out and painted at the width without it, then again, narrower, the round after.
    (Annotators' panes coming in made the splitter lay it out at once: gold alone here.)"""
    article = sorted((REPO_ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    with Project.create(tmp_path / "gold.tawsim", builtin_schema("conflict-news")) as project:
        document = make_document("article", article)
        project.add_documents([AnnotatedDocument(document)])
        window = AdjudicationView(project, GOLD)
        window.resize(1500, 900)
        qtbot.addWidget(window)
        in_flight(qtbot, window)
        scroll_bar = window.gold_view.verticalScrollBar()
        assert not scroll_bar.isVisible()  # no text yet
        window.show_document(document.id)
        assert scroll_bar.isVisible() and window.merged_view.verticalScrollBar().isVisible()
        window.close()
