"""The document list on a project too large to hold (issue 16, point 3): it opens on a page of
rows and reads its index on a worker thread; it lists every document in project order, filters
by name (folded as search folds it) and status, sorts by a header click, and a row chosen after
filtering opens that document. Driven by key and mouse events on the widgets."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.window_scene import ANNOTATOR, show_window
from workbench.app import document_list
from workbench.app.document_list import DocumentIndex, build_document_index
from workbench.app.project import Project
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.ui.annotate import document_model
from workbench.ui.annotate.document_list import DocumentListPanel
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.background import QuietTask

DOCUMENTS = 1_000
"""As many as ``BACKGROUND_FROM``: the index is read on a worker thread."""
CITIES = ("الموصل", "بيروت", "إدلب", "القاهرة")
Key = Qt.Key


def annotated(number: int) -> AnnotatedDocument:
    """``doc-0042`` begins ``خبر 42 من إدلب`` (the cities in turn); amal has ``number % 5`` spans
    on it and has marked every seventh done."""
    text = f"خبر {number} من {CITIES[number % len(CITIES)]}\nوقال المتحدث إن الوضع هادئ."
    spans = tuple(Span(f"s{number}-{n}", n, n + 1, "PER", text[n]) for n in range(number % 5))
    status = Status.DONE if number % 7 == 0 else Status.IN_PROGRESS
    sets = (AnnotationSet(ANNOTATOR, spans, status=status),) if spans or status is Status.DONE else ()
    return AnnotatedDocument(make_document(f"doc-{number:04d}", text, doc_id=f"d{number}"), sets)


@dataclass
class ListScene:
    qtbot: QtBot
    project: Project
    window: MainWindow

    @property
    def panel(self) -> DocumentListPanel:
        return self.window.document_list

    def shown_names(self) -> list[str]:
        model = self.panel.model
        return [model.row_at(row).name for row in range(model.rowCount())]

    def wait_for_the_index(self) -> None:
        self.qtbot.waitUntil(lambda: self.panel.model.is_indexed, timeout=20_000)

    def wait_for_document(self, document_id: str) -> None:
        """The document chosen in the list is shown once read (on a worker thread)."""
        self.qtbot.waitUntil(lambda: self.window.current_document_id == document_id)

    def type_filter(self, text: str) -> None:
        field = self.panel.name_filter
        field.setFocus()
        QTest.keyClicks(field, text)

    def click_row(self, row: int) -> None:
        table = self.panel.table
        table.scrollTo(table.model().index(row, 0))
        rect = table.visualRect(table.model().index(row, 0))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def names_in_project_order() -> list[str]:
    return [f"doc-{number:04d}" for number in range(DOCUMENTS)]


@pytest.fixture
def list_scene(qtbot: QtBot, tmp_path: Path) -> Iterator[ListScene]:
    with Project.create(tmp_path / "large.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        window = show_window(qtbot, MainWindow(project, ANNOTATOR))
        yield ListScene(qtbot, project, window)
        window.close()
        qtbot.waitUntil(lambda: not QuietTask.any_running(), timeout=20_000)  # no work left


def test_opening_reads_a_page_of_rows_and_the_index_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list did read every document's row as the window opened (its title, status and span
    count: seconds at 100,000 documents); now it reads the rows it paints."""
    rows_read: list[int] = []
    index_threads: list[bool] = []

    def counted(read: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
        def reading(*args: Any) -> list[Any]:
            rows = read(*args)
            rows_read.append(len(rows))
            return rows

        return reading

    def index_off_the_gui_thread(*args: Any) -> DocumentIndex:
        index_threads.append(threading.current_thread() is threading.main_thread())
        return build(*args)

    lists = document_list
    for name in ("page_by_position", "page_by_rowid"):
        monkeypatch.setattr(lists, name, counted(getattr(lists, name)))
    build = build_document_index
    monkeypatch.setattr(document_model, "build_document_index", index_off_the_gui_thread)
    whole_lists: list[str | None] = []
    progress = Project.annotator_progress

    def one_row_at_most(self: Project, annotator: str, document_id: str | None = None) -> Any:
        whole_lists.append(document_id)
        return progress(self, annotator, document_id)

    monkeypatch.setattr(Project, "annotator_progress", one_row_at_most)
    with Project.create(tmp_path / "large.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        window = show_window(qtbot, MainWindow(project, ANNOTATOR))
        try:
            assert window.current_document_id == "d0"
            assert None not in whole_lists
            assert sum(rows_read) <= 2 * document_model.PAGE
            qtbot.waitUntil(lambda: window.document_list.model.is_indexed, timeout=20_000)
            assert index_threads == [False]
        finally:
            window.close()


def test_the_list_shows_every_document_in_project_order(list_scene: ListScene) -> None:
    assert list_scene.shown_names() == names_in_project_order()
    model = list_scene.panel.model
    assert model.index(42, model.NAME).data().strip("\u2068\u2069") == "خبر 42 من إدلب"
    assert model.index(42, model.SPANS).data() == 2
    table = list_scene.panel.table
    table.setFocus()
    QTest.keyClick(table, Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    list_scene.wait_for_document(f"d{DOCUMENTS - 1}")
    assert "Done: 143 of 1000" in list_scene.window.progress_label.text()


def test_a_row_answers_its_text_title_and_file_name_and_no_other_role(list_scene: ListScene) -> None:
    """The roles a view asks for and the list does not answer (a font, a colour, an alignment)
    give nothing; the title is edited in place, the file name is the tooltip."""
    model = list_scene.panel.model
    name, status = model.index(42, model.NAME), model.index(42, model.STATUS)
    role = Qt.ItemDataRole
    assert model.data(name, role.EditRole) == model.row_at(42).title
    assert model.data(name, role.ToolTipRole).strip("\u2068\u2069") == "doc-0042"
    assert model.data(status, role.DisplayRole) == "done"
    assert [model.data(status, r) for r in (role.EditRole, role.ToolTipRole)] == [None, None]
    asked = (role.DecorationRole, role.FontRole, role.TextAlignmentRole, role.BackgroundRole,
             role.ForegroundRole, role.CheckStateRole, role.SizeHintRole)  # fmt: skip
    assert [model.data(name, int(r)) for r in asked] == [None] * len(asked)
    assert model.data(model.index(-1, 0), role.DisplayRole) is None


def test_typed_text_filters_the_names_and_titles(list_scene: ListScene) -> None:
    list_scene.wait_for_the_index()
    list_scene.type_filter("doc-01")
    assert list_scene.shown_names() == [f"doc-{number:04d}" for number in range(100, 200)]
    list_scene.panel.name_filter.clear()
    commit_text(list_scene.panel.name_filter, "ادلب")  # folded: إدلب is found without its hamza
    assert list_scene.shown_names() == [name for number, name in enumerate(names_in_project_order()) if number % 4 == 2]
    list_scene.panel.name_filter.clear()
    assert list_scene.shown_names() == names_in_project_order()


def test_a_row_clicked_after_filtering_opens_its_document(list_scene: ListScene) -> None:
    list_scene.wait_for_the_index()
    list_scene.type_filter("doc-09")
    list_scene.click_row(7)
    list_scene.wait_for_document("d907")
    QTest.keyClick(list_scene.panel.table, Key.Key_Down)
    list_scene.wait_for_document("d908")


def test_a_filter_typed_before_the_index_comes_applies_when_it_does(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_on = threading.Event()
    build = build_document_index

    def slow_build(*args: Any) -> DocumentIndex:
        assert go_on.wait(20)
        return build(*args)

    monkeypatch.setattr(document_model, "build_document_index", slow_build)
    with Project.create(tmp_path / "large.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        window = show_window(qtbot, MainWindow(project, ANNOTATOR))
        try:
            scene = ListScene(qtbot, project, window)
            scene.type_filter("doc-000")
            assert scene.shown_names() == names_in_project_order()  # not yet
            go_on.set()
            scene.wait_for_the_index()
            assert scene.shown_names() == [f"doc-000{n}" for n in range(10)]
        finally:
            go_on.set()
            window.close()


def test_a_header_click_sorts_and_equal_rows_keep_the_project_order(list_scene: ListScene) -> None:
    list_scene.wait_for_the_index()
    header = list_scene.panel.table.horizontalHeader()
    spans = list_scene.panel.model.SPANS
    position = header.sectionViewportPosition(spans) + header.sectionSize(spans) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, 5))
    by_spans = sorted(range(DOCUMENTS), key=lambda number: number % 5)
    assert list_scene.shown_names() == [f"doc-{number:04d}" for number in by_spans]
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, 5))
    descending = sorted(range(DOCUMENTS), key=lambda number: -(number % 5))
    assert list_scene.shown_names() == [f"doc-{number:04d}" for number in descending]


def test_a_document_marked_done_leaves_the_not_done_list(list_scene: ListScene) -> None:
    list_scene.wait_for_the_index()
    panel = list_scene.panel
    panel.status_filter.setFocus()
    QTest.keyClick(panel.status_filter, Key.Key_Down)  # "Not done"
    not_done = [name for number, name in enumerate(names_in_project_order()) if number % 7]
    assert list_scene.shown_names() == not_done
    list_scene.click_row(0)
    list_scene.wait_for_document("d1")
    QTest.keyClick(list_scene.window.text_view, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert list_scene.shown_names() == not_done[1:]
    assert "Done: 144 of 1000" in list_scene.window.progress_label.text()


def test_a_closed_window_reads_nothing_of_its_closed_project(qtbot: QtBot, tmp_path: Path) -> None:
    """The language changes for every window, closed ones too: a closed window's list read its
    closed project (sqlite3.ProgrammingError inside Qt's data(), which took the process down)."""
    with Project.create(tmp_path / "closed.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(annotated(number) for number in range(DOCUMENTS))
        window = show_window(qtbot, MainWindow(project, ANNOTATOR))
        qtbot.waitUntil(lambda: window.document_list.model.is_indexed, timeout=20_000)
        window.close()
    assert window.document_list.model.rowCount() == 0
    assert QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))  # taken, not read
    QApplication.sendEvent(window.document_list, QEvent(QEvent.Type.LanguageChange))
    assert window.document_list.table.horizontalHeader().count() == 3
