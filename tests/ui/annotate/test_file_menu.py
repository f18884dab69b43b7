"""File menu: New project (a built-in schema or a schema file), Open, Open recent, Import files
in the background with the import's warnings, files dropped on the window (issue 13, point 4).
The file dialogs are answered by patching QFileDialog's functions; everything else is clicked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT, present
from tests.ui.menu_clicks import open_menu
from tests.ui.window_scene import ANNOTATOR, ini_settings, new_project, show_window
from tests.ui.window_waits import wait_exposed
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.annotate.file_menu import IMPORT_PATTERNS
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language, isolated
from workbench.ui.project_dialogs import NewProjectDialog
from workbench.ui.project_windows import ProjectWindows

SCREENSHOTS = Path("/tmp/fm")
CONLL_WITH_A_BAD_TAG = "زار B-PER\nمحمد I-PER\nبغداد I-GPE\n.\tO\n"
"""I-GPE after I-PER: the IOB2 repair reads it as a start, and the import says so."""

CONLL_IN_IOB1 = "زار O\nمحمد I-PER\nفي O\nبغداد I-GPE\n"
"""Spans that start with I- and no B-: read as IOB1, which the import says."""


@pytest.fixture
def windows(qapp: QApplication, tmp_path: Path) -> Iterator[ProjectWindows]:
    opened = ProjectWindows(qapp, ini_settings(tmp_path / "settings.ini"), lambda project: ANNOTATOR)
    yield opened
    opened.close_all()
    qapp.removeEventFilter(opened)
    i18n.set_language(Language.ENGLISH)


@pytest.fixture
def window(qtbot: QtBot, windows: ProjectWindows, tmp_path: Path) -> MainWindow:
    path = tmp_path / "first.tawsim"
    new_project(path).close()
    opened = windows.open(path)
    assert opened is not None
    return show_window(qtbot, opened)


def answer_open(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> list[str]:
    """QFileDialog.getOpenFileName answers ``path``; the returned list gets each dialog's filter."""
    filters: list[str] = []

    def get_open_file_name(parent: object, title: str, folder: str, name_filter: str) -> tuple[str, str]:
        filters.append(name_filter)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return filters


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(path), "")))


def new_project_dialog(qtbot: QtBot, window: MainWindow) -> NewProjectDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(NewProjectDialog) is not None)
    dialog = window.findChild(NewProjectDialog)
    assert isinstance(dialog, NewProjectDialog)
    wait_exposed(qtbot, dialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: NewProjectDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_new_project_with_a_built_in_schema_opens_in_its_own_window(
    qtbot: QtBot, windows: ProjectWindows, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = new_project_dialog(qtbot, window)
    assert dialog.schema_combo.currentData() == "conflict-news"
    qtbot.keyClick(dialog.schema_combo, Qt.Key.Key_Down)  # generic
    assert dialog.schema_combo.currentData() == "generic"
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "new-project-en.png"))
    answer_save(monkeypatch, tmp_path / "fresh")
    click_ok(qtbot, dialog)
    fresh = (tmp_path / "fresh.tawsim").resolve()
    qtbot.waitUntil(lambda: fresh in windows.windows)
    assert windows.windows[fresh].schema.id == "generic"
    assert windows.settings.recent_projects()[0] == fresh


def test_new_project_with_a_schema_file_names_a_broken_one_and_writes_nothing(
    qtbot: QtBot, windows: ProjectWindows, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema:\n  id: [unclosed\n", encoding="utf-8")
    filters = answer_open(monkeypatch, broken)
    answer_save(monkeypatch, tmp_path / "never.tawsim")
    dialog = new_project_dialog(qtbot, window)
    combo = dialog.schema_combo
    qtbot.keyClick(combo, Qt.Key.Key_End)  # "A schema file (YAML)…"
    assert "*.yaml" in filters[0]
    assert combo.currentData() == str(broken)
    click_ok(qtbot, dialog)
    assert str(broken) in dialog.problem.text() and "\n" not in dialog.problem.text()
    assert not (tmp_path / "never.tawsim").exists()

    good = tmp_path / "mine.yaml"
    generic = REPO_ROOT / "resources" / "schemas" / "generic.yaml"
    good.write_text(generic.read_text(encoding="utf-8"), encoding="utf-8")
    answer_open(monkeypatch, good)
    answer_save(monkeypatch, tmp_path / "mine.tawsim")
    qtbot.keyClick(combo, Qt.Key.Key_End)
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: (tmp_path / "mine.tawsim").resolve() in windows.windows)


def test_open_and_open_recent(
    qtbot: QtBot, windows: ProjectWindows, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = tmp_path / "second.tawsim"
    new_project(second).close()
    answer_open(monkeypatch, second)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    opened = windows.windows[second.resolve()]
    opened.close()
    assert second.resolve() not in windows.windows

    menus = window.file_menu
    open_menu(qtbot, window, window.menu_actions.menus["file"], menus.recent_menu)
    titles = [action.text() for action in menus.recent_menu.actions()]
    assert titles == [isolated(str(second.resolve())), isolated(str(window.project.path))]  # slashes kept in Arabic
    SCREENSHOTS.mkdir(exist_ok=True)
    menus.recent_menu.grab().save(str(SCREENSHOTS / "open-recent-en.png"))
    qtbot.keyClick(menus.recent_menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.resolve() in windows.windows)


def test_import_files_runs_in_the_background_and_shows_the_warnings(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conll = tmp_path / "news.conll"
    conll.write_text(CONLL_WITH_A_BAD_TAG, encoding="utf-8")
    offered: list[str] = []

    def get_open_file_names(parent: object, title: str, folder: str, name_filter: str) -> tuple[list[str], str]:
        offered.extend(name_filter.split(";;"))
        return [str(conll)], offered[3]  # CoNLL

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    before = window.documents.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    task = window.file_menu.task
    assert task is not None
    assert len(offered) == len(IMPORT_PATTERNS)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert window.documents.rowCount() == before + 1
    box = present(window.file_menu.warnings_box)
    assert "• 1 illegal I- (or E-) tag read as the start of a span" in box.informativeText()
    assert "1 new document" in box.text()
    box.grab().save(str(SCREENSHOTS / "import-warnings-en.png"))
    box.close()



def test_an_iob1_file_imported_is_said_to_be_read_as_iob1(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """The window had no words for four kinds of repair (this one among them): once the file was
    in, its warnings raised KeyError and were never shown."""
    conll = tmp_path / "news.conll"
    conll.write_text(CONLL_IN_IOB1, encoding="utf-8")
    task = window.file_menu.start_import([conll], "conll")
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    box = present(window.file_menu.warnings_box)
    assert "• 1 file read as IOB1" in box.informativeText()
    box.close()

DATE_WITH_MENTION_LEVEL = {
    "id": "d1", "name": "old", "text": "التقى الوزير أمس",
    "spans": [{"id": "s1", "start": 13, "end": 16, "label": "DATE", "text": "أمس",
               "attributes": {"mention_level": "NAM"}, "annotator": "amal"}],
}  # fmt: skip
"""A date span holding the mention level that people's and places' labels have, dates not."""


def test_an_attribute_kept_where_its_label_has_none_is_said_in_arabic(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The import keeps an attribute its label lacks and warns; an Arabic window said the warning
    in the command line's English ("document 'old': span s1: 'DATE' has no attribute ...")."""
    window.set_language(Language.ARABIC)
    path = tmp_path / "قديم.jsonl"
    path.write_text(json.dumps(DATE_WITH_MENTION_LEVEL, ensure_ascii=False) + "\n", encoding="utf-8")
    task = window.file_menu.start_import([path], "jsonl")
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    box = present(window.file_menu.warnings_box)
    warning = box.informativeText().splitlines()[-1]
    old, date, s1, level, schema = map(isolated, ("old", "DATE", "s1", "mention_level", "conflict-news"))
    assert warning == (
        f"• الوثيقة «{old}»: ليس لـ«{date}» في المقطع {s1} خاصية «{level}» في المخطط «{schema}»؛ "
        "أُبقيت كما كانت"
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    box.grab().save(str(SCREENSHOTS / "import-warnings-ar.png"))
    box.close()


def drop(window: MainWindow, paths: list[Path]) -> QDropEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    point = window.text_view.geometry().center()
    enter = QDragEnterEvent(point, actions, data, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(QPointF(point), actions, data, buttons, modifiers)
    QApplication.sendEvent(window, dropped)
    return dropped


def test_dropped_text_files_are_imported_and_a_dropped_project_opens(
    qtbot: QtBot, windows: ProjectWindows, window: MainWindow, tmp_path: Path
) -> None:
    texts = [tmp_path / "one.txt", tmp_path / "two.txt"]
    for number, path in enumerate(texts):
        path.write_text(f"خبر رقم {number} عن بيروت", encoding="utf-8")
    before = window.documents.rowCount()
    assert drop(window, texts).isAccepted()
    task = window.file_menu.task
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert window.documents.rowCount() == before + 2
    with Project.open(window.project.path, readonly=True) as project:
        assert {d.name for d in project.documents()} >= {"one", "two"}

    other = tmp_path / "other.tawsim"
    new_project(other).close()
    drop(window, [other])
    assert other.resolve() in windows.windows


def test_the_file_menu_in_arabic(qtbot: QtBot, window: MainWindow) -> None:
    window.set_language(Language.ARABIC)
    file_menu = open_menu(qtbot, window, window.menu_actions.menus["file"])
    texts = [action.text() for action in file_menu.actions() if action.text()]
    assert texts[:4] == ["مشروع جديد…", "فتح…", "المشاريع الأخيرة", "استيراد ملفات…"]
    export = window.menu_actions.export  # one action, in the File and the Project menu
    assert export in file_menu.actions() and export in window.menu_actions.menus["project"].actions()
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "file-menu-window-ar.png"))
    file_menu.grab().save(str(SCREENSHOTS / "file-menu-ar.png"))
    file_menu.close()
    dialog = new_project_dialog(qtbot, window)
    assert dialog.windowTitle() == "مشروع جديد"
    assert dialog.schema_combo.itemText(dialog.schema_combo.count() - 1) == "ملف مخطط (YAML)…"
    dialog.grab().save(str(SCREENSHOTS / "new-project-ar.png"))
    dialog.reject()
