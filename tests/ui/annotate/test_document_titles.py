"""Documents listed by their titles (the first line, shortened, until renamed), renamed in the list
with F2, undone with Ctrl+Z; the window's title follows (issue 13, point 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.annotate.test_text_view import TEXT
from tests.ui.window_scene import WindowScene, scene  # noqa: F401
from workbench.store.titles import shown_title
from workbench.ui.annotate.document_model import DocumentTableModel
from workbench.ui.annotate.search_panel import TYPING_PAUSE_MS, MatchTableModel
from workbench.ui.i18n import Language

SCREENSHOTS = Path("/tmp/fm")
NEW_TITLE = "بيان أوبك عن الإنتاج"


def shown_titles(scene: WindowScene) -> list[str]:
    table = scene.window.document_list.table
    model = table.model()
    names = (model.index(row, DocumentTableModel.NAME).data() for row in range(model.rowCount()))
    return [str(name).strip("\u2068\u2069") for name in names]


def rename_with_f2(scene: WindowScene, title: str) -> str:
    """Rename the open document (the first of the list) with F2, typed as an input method
    types it; returns its id once the title is stored."""
    table = scene.window.document_list.table
    table.setFocus()
    scene.qtbot.keyClick(table.viewport(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == shown_title(None, TEXT)
    editor.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(title)
    QApplication.sendEvent(editor, event)
    scene.qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in the next turn
    document_id = scene.window.current_document_id
    assert document_id is not None
    scene.qtbot.waitUntil(lambda: scene.project.document_title(document_id) == title)
    return document_id


def test_the_list_shows_first_lines_and_a_title_typed_with_f2_undoes(scene: WindowScene) -> None:
    window = scene.window
    assert shown_titles(scene)[0] == shown_title(None, TEXT)
    assert shown_title(None, TEXT) in window.windowTitle()
    document_id = rename_with_f2(scene, NEW_TITLE)
    assert shown_titles(scene)[0] == NEW_TITLE
    assert window.windowTitle().startswith(NEW_TITLE)
    assert scene.project.documents()[0].name == "mixed"  # the stem stays
    SCREENSHOTS.mkdir(exist_ok=True)
    for language in Language:
        window.set_language(language)
        assert window.docks["documents"].grab().save(str(SCREENSHOTS / f"titles-{language}.png"))
    window.set_language(Language.ENGLISH)

    scene.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scene.project.document_title(document_id) is None
    assert shown_titles(scene)[0] == shown_title(None, TEXT)
    assert window.windowTitle().startswith(shown_title(None, TEXT))


def test_the_search_names_the_documents_by_their_titles_not_their_file_stems(scene: WindowScene) -> None:
    """Searched in this document and in all of them (a small project: on the window's thread),
    a match names its document as the list does: by its new title, or its first line."""
    rename_with_f2(scene, NEW_TITLE)
    panel = scene.window.search_panel
    scene.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    for scope in (0, 1):  # this document, all documents
        panel.scope.setCurrentIndex(scope)
        panel.field.clear()
        commit_text(panel.field, "الرئيس")
        scene.qtbot.keyClick(panel.field, Qt.Key.Key_Return)
        model = panel.model
        shown = [
            str(model.index(row, MatchTableModel.DOCUMENT).data()).strip("\u2068\u2069")
            for row in range(model.rowCount())
        ]
        titles = [shown_titles(scene)[scene.window.documents.row_of(m.document_id)] for m in panel.matches()]
        assert shown[0] == NEW_TITLE
        assert shown == titles and len(set(shown)) == (1 if scope == 0 else 3)


def test_a_search_typed_just_before_the_window_closes_does_not_run_on_the_closed_project(
    scene: WindowScene,
) -> None:
    """Typing starts a search after a pause (``TYPING_PAUSE_MS``); Return on the same words steps
    to the next match and leaves that pause running. A window closed within it, its project
    closed after it (as the program does), used to search the closed project when the pause
    ended: an error in the event loop."""
    panel = scene.window.search_panel
    scene.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    commit_text(panel.field, "الرئيس")
    scene.qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    panel.field.selectAll()
    commit_text(panel.field, "الرئيس")  # typed again over itself: the same words, the pause running
    scene.qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    scene.window.closed.connect(scene.project.close)
    scene.window.close()
    scene.qtbot.wait(TYPING_PAUSE_MS + 200)  # pytest-qt fails the test on an error in the loop
    assert not scene.window.isVisible()
