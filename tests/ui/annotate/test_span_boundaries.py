"""A span's ends by key, by mouse and keyboard-only labelling (issue 13, point 3): with a span
selected, Shift+arrows move its end one word (clitics stay with their word), Ctrl+Shift+arrows
its start, with Alt one character; each move is one undoable step and the inspector shows the
ends; its ends can be dragged; a token cursor (Ctrl+arrows, extended with Shift+arrows) and a
label's key label without the mouse; F1 lists every key. The text runs right to left, so Left
goes forward."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.bidi_layout import reads_left_to_right
from tests.ui.conftest import point_inside_char
from tests.ui.window_scene import WindowScene, scene  # noqa: F401 (a fixture)
from tests.ui.window_waits import wait_exposed
from workbench.core.model import Span
from workbench.ui.annotate.key_sheet import KeySheet
from workbench.ui.i18n import Language, isolated

Key = Qt.Key
Mod = Qt.KeyboardModifier
SHIFT, CTRL, ALT = Mod.ShiftModifier, Mod.ControlModifier, Mod.AltModifier


def words(window_scene: WindowScene, text: str) -> tuple[int, int]:
    start = window_scene.view.text.index(text)
    return start, start + len(text)


def only_span(window_scene: WindowScene) -> Span:
    [span] = window_scene.stored_spans()
    return span


def test_edge_keys_move_the_selected_spans_ends_by_words_and_characters_with_undo(scene: WindowScene) -> None:
    scene.label_word("جو", Key.Key_1)
    scene.press(Key.Key_Left, SHIFT)  # the end one word later
    assert (only_span(scene).start, only_span(scene).end) == words(scene, "جو بايدن")
    assert only_span(scene).text == "جو بايدن"
    scene.press(Key.Key_Right, CTRL | SHIFT)  # the start one word earlier
    assert only_span(scene).text == "الرئيس جو بايدن"
    start, end = words(scene, "الرئيس جو بايدن")
    ends = scene.window.inspector.ends.text()
    assert ends == isolated(f"{start} – {end}")
    assert reads_left_to_right(ends, str(start), str(end))  # in an Arabic inspector too
    scene.press(Key.Key_Right, ALT | SHIFT)  # the end one character earlier
    assert only_span(scene).text == "الرئيس جو بايد"
    scene.press(Key.Key_Left, CTRL | ALT | SHIFT)  # the start one character later
    assert only_span(scene).text == "لرئيس جو بايد"
    assert scene.view.selected_span_id == only_span(scene).id  # still selected, keys go on
    for expected in ("الرئيس جو بايد", "الرئيس جو بايدن", "جو بايدن", "جو"):
        scene.press(Key.Key_Z, CTRL)
        assert only_span(scene).text == expected
    shown = scene.view.span(only_span(scene).id)
    assert shown is not None and (shown.start, shown.end) == words(scene, "جو")  # the view follows


def test_a_word_step_keeps_the_clitics_with_their_word(scene: WindowScene) -> None:
    scene.label_word("أن", Key.Key_2)
    scene.press(Key.Key_Left, SHIFT)
    assert only_span(scene).text == "أن وبالكتاب"


def test_a_one_word_span_keeps_its_word(scene: WindowScene) -> None:
    scene.label_word("جو", Key.Key_1)
    scene.press(Key.Key_Right, SHIFT)  # its end one word earlier: there is none
    assert only_span(scene).text == "جو"
    assert scene.window.undo_stack.count() == 1


def test_dragging_the_end_of_the_selected_span_moves_it_to_whole_words(scene: WindowScene) -> None:
    span = scene.label_word("جو", Key.Key_1)
    viewport = scene.view.viewport()
    [rect] = scene.view.span_geometry().span_rects(span.start, span.end)
    grip = QPoint(int(rect.left()) - 1, int(rect.center().y()))  # its end: the left edge
    target = point_inside_char(scene.view, words(scene, "بايدن")[0] + 2)  # inside the next word
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier, grip)
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier, target)
    assert only_span(scene).text == "جو بايدن"
    assert scene.view.selected_span_id == span.id
    scene.press(Key.Key_Z, CTRL)
    assert only_span(scene).text == "جو"


def test_dragging_the_start_with_alt_keeps_the_exact_character(scene: WindowScene) -> None:
    span = scene.label_word("وبالكتاب", Key.Key_2)
    [rect] = scene.view.span_geometry().span_rects(span.start, span.end)
    viewport = scene.view.viewport()
    grip = QPoint(int(rect.right()) + 1, int(rect.center().y()))  # its start: the right edge
    target = point_inside_char(scene.view, span.start + 2, "start")  # on ا of بالكتاب's ال
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier, grip)
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, ALT, target)
    assert only_span(scene).text == "الكتاب"


def test_a_press_near_a_selected_spans_edge_shows_the_resize_cursor(scene: WindowScene) -> None:
    span = scene.label_word("جو", Key.Key_1)
    [rect] = scene.view.span_geometry().span_rects(span.start, span.end)
    QTest.mouseMove(scene.view.viewport(), QPoint(int(rect.left()) - 1, int(rect.center().y())))
    assert scene.view.viewport().cursor().shape() == Qt.CursorShape.SizeHorCursor
    QTest.mouseMove(scene.view.viewport(), rect.center().toPoint())
    assert scene.view.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor


def test_keyboard_only_annotation_with_the_token_cursor(scene: WindowScene) -> None:
    scene.click_on(words(scene, "قال")[0] + 1)  # the caret, on no span
    scene.press(Key.Key_Left, CTRL)  # the word under the caret
    assert scene.view.current_selection() == words(scene, "قال")
    scene.press(Key.Key_Left, CTRL)  # the next word
    assert scene.view.current_selection() == words(scene, "الرئيس")
    scene.press(Key.Key_Left, SHIFT)  # one word more
    assert scene.view.current_selection() == words(scene, "الرئيس جو")
    scene.press(Key.Key_1)  # Person
    span = only_span(scene)
    assert (span.text, span.label) == ("الرئيس جو", "PER")
    assert scene.view.selected_span_id == span.id
    scene.press(Key.Key_Left, CTRL)  # on from the new span: the next word
    assert scene.view.current_selection() == words(scene, "بايدن")
    scene.press(Key.Key_Right, CTRL)
    scene.press(Key.Key_Right, CTRL)
    assert scene.view.current_selection() == words(scene, "الرئيس")


def test_f1_lists_every_key_of_the_window(scene: WindowScene) -> None:
    scene.press(Key.Key_F1)
    [sheet] = [w for w in QApplication.topLevelWidgets() if isinstance(w, KeySheet) and w.isVisible()]
    listed = " ".join(sheet.keys_listed())
    shortcuts = {
        sequence.toString()
        for action in scene.window.findChildren(QAction) + scene.view.actions()
        for sequence in action.shortcuts()
    }
    assert shortcuts and all(key in listed for key in shortcuts), shortcuts - set(listed.split())
    for key in ("Ctrl+Left", "Shift+Left", "Ctrl+Shift+Left", "Alt+Shift+Left", "Ctrl+Alt+Shift+Left"):
        assert key in listed
    sheet.close()


def test_screenshot_of_the_key_sheet_in_both_languages(scene: WindowScene, tmp_path: Path) -> None:
    """The table of keys as the annotator sees it, English then Arabic (mirrored, and every
    row's meaning translated: the rows once went to lupdate under no class, so none was)."""
    meanings: dict[Language, list[str]] = {}
    for language, name in ((Language.ENGLISH, "keys-en.png"), (Language.ARABIC, "keys-ar.png")):
        scene.window.set_language(language)
        sheet = scene.window.preferences.show_keys()
        wait_exposed(scene.qtbot, sheet)
        assert sheet.layoutDirection() == language.direction
        assert sheet.windowTitle() == ("Keys" if language is Language.ENGLISH else "المفاتيح")
        meanings[language] = [sheet.model.item(row, 1).text() for row in range(sheet.model.rowCount())]
        image = sheet.grab().toImage()
        assert image.save(str(tmp_path / name)) and image.save(str(Path("/tmp") / name))
        sheet.close()
    pairs = zip(meanings[Language.ENGLISH], meanings[Language.ARABIC], strict=True)
    assert [english for english, arabic in pairs if english == arabic] == []
