"""Label all matches follows word snapping and asks first (issue 12, point 5): داعش is labelled
as a word with its proclitic (بداعش), never inside الداعشي, الداعشية or داعشية, and the matches
are ticked in a list before anything is labelled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.lead_scene import save_screenshot
from tests.ui.window_scene import ANNOTATOR, Confirmations, ini_settings, show_window
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui.annotate.label_all_dialog import LabelAllDialog
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language

TEXT = (
    "أعلن داعش مسؤوليته، وقال القيادي الداعشي إن الخلية الداعشية تابعة لداعش، "
    "وإن عناصر داعشية فرّت بعد ضربة بداعش."
)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document("claims", TEXT))])
        settings = ini_settings(tmp_path / "settings.ini")
        shown = show_window(qtbot, MainWindow(project, ANNOTATOR, settings, Confirmations()))
        yield shown
        shown.close()
        shown.set_language(Language.ENGLISH)


def ask_to_label_all(qtbot: QtBot, window: MainWindow, query: str, label: str) -> LabelAllDialog:
    window.show_search()
    panel = window.search_panel
    commit_text(panel.field, query)
    panel.label_combo.setCurrentIndex(panel.label_combo.findData(label))
    QTest.mouseClick(panel.label_all_button, Qt.MouseButton.LeftButton)
    [preview] = [dialog for dialog in window.findChildren(LabelAllDialog) if dialog.isVisible()]
    return preview


def stored(window: MainWindow) -> list[tuple[str, str]]:
    annotations = window.project.annotation_set(window.current_document_id or "", ANNOTATOR)
    spans = sorted(annotations.spans, key=lambda s: s.start) if annotations else []
    return [(s.text, s.label) for s in spans]


def test_only_whole_words_with_their_clitics_are_offered_and_the_ticked_labelled(
    qtbot: QtBot, window: MainWindow
) -> None:
    preview = ask_to_label_all(qtbot, window, "داعش", "ORG")
    items = [preview.list.item(row).text() for row in range(preview.list.count())]
    assert [item[item.index("«") + 1 : item.index("»")] for item in items] == ["داعش", "لداعش", "بداعش"]
    assert preview.left_out.isVisible() and "3" in preview.left_out.text()
    assert stored(window) == []  # nothing before the annotator says so
    second = preview.list.visualItemRect(preview.list.item(1))
    QTest.mouseClick(preview.list.viewport(), Qt.MouseButton.LeftButton, pos=second.center())
    QTest.keyClick(preview.list, Qt.Key.Key_Space)  # untick لداعش
    QTest.mouseClick(preview.label_button, Qt.MouseButton.LeftButton)
    assert stored(window) == [("داعش", "ORG"), ("بداعش", "ORG")]
    window.undo_stack.undo()
    assert stored(window) == []


def test_words_labelled_so_already_are_not_offered_again(qtbot: QtBot, window: MainWindow) -> None:
    preview = ask_to_label_all(qtbot, window, "داعش", "ORG")
    QTest.mouseClick(preview.label_button, Qt.MouseButton.LeftButton)
    assert len(stored(window)) == 3
    again = ask_to_label_all(qtbot, window, "داعش", "ORG")
    assert again.list.count() == 0
    assert again.labelled.isVisible() and "3" in again.labelled.text()
    assert not again.label_button.isEnabled()


def test_cancel_labels_nothing(qtbot: QtBot, window: MainWindow) -> None:
    preview = ask_to_label_all(qtbot, window, "داعش", "ORG")
    QTest.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible() and stored(window) == []


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.ARABIC], ids=["en", "ar"])
def test_screenshots(qtbot: QtBot, window: MainWindow, language: Language) -> None:
    window.set_language(language)
    preview = ask_to_label_all(qtbot, window, "داعش", "ORG")
    assert save_screenshot(preview, f"label-all-{language.value}").stat().st_size > 5_000
