"""Label tags above the spans, brat-style (issue 13, point 1): the label's short name in the
interface language, above the span's start in room the line makes for it, never over letters;
stacked for nested spans; a click on a tag selects its span; View > Label tags hides them and
is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import view  # noqa: F401 (a fixture)
from tests.ui.window_scene import ANNOTATOR, WindowScene, scene, show_window  # noqa: F401
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.annotate.tag_painting import DrawnTag
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.annotate.view_span import ViewSpan
from workbench.ui.i18n import Language

Key = Qt.Key


def tags_of(window_scene: WindowScene) -> dict[str, DrawnTag]:
    return {tag.key: tag for tag in window_scene.view.span_geometry().tags()}


def text_lines(window_scene: WindowScene) -> list[QRectF]:
    view = window_scene.view
    return view.span_geometry().span_rects(0, len(view.text))


def test_a_labelled_word_gets_its_tag_above_it_in_room_the_line_makes(scene: WindowScene) -> None:
    [line_before] = scene.view.span_geometry().span_rects(*_range(scene, "إدلب"))
    idlib = scene.label_word("إدلب", Key.Key_3)
    [word] = scene.view.span_geometry().span_rects(idlib.start, idlib.end)
    tag = tags_of(scene)[idlib.id]
    assert tag.text == "GPE"
    assert tag.rect.bottom() <= word.top()  # above the word ...
    assert tag.rect.left() < word.center().x() < tag.rect.right()  # ... over its start
    assert word.top() >= line_before.top() + tag.rect.height()  # the line moved down for it
    assert word.height() == line_before.height()
    assert not any(tag.rect.intersects(line) for line in text_lines(scene))  # never over letters


def test_nested_spans_stack_their_tags(scene: WindowScene) -> None:
    name = scene.label_word("جو بايدن", Key.Key_1)
    person = scene.label_word("الرئيس جو بايدن", Key.Key_1)
    tags = tags_of(scene)
    inner, outer = tags[name.id].rect, tags[person.id].rect
    assert not inner.intersects(outer)
    assert outer.bottom() <= inner.top()  # the longer span's tag sits above the shorter one's
    assert not any(t.rect.intersects(line) for t in tags.values() for line in text_lines(scene))


def test_tags_speak_the_interface_language(scene: WindowScene) -> None:
    idlib = scene.label_word("إدلب", Key.Key_3)
    scene.window.set_language(Language.ARABIC)
    assert tags_of(scene)[idlib.id].text == scene.project.schema.entity("GPE").ar
    scene.window.set_language(Language.ENGLISH)
    assert tags_of(scene)[idlib.id].text == "GPE"


def test_clicking_a_tag_selects_its_span(scene: WindowScene) -> None:
    name = scene.label_word("جو بايدن", Key.Key_1)
    person = scene.label_word("الرئيس جو بايدن", Key.Key_1)
    scene.window.select_span(None, scroll=False)
    for span in (name, person):
        centre = tags_of(scene)[span.id].rect.center().toPoint()
        QTest.mouseClick(scene.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        assert scene.view.selected_span_id == span.id
        assert scene.window.inspector.span is not None and scene.window.inspector.span.id == span.id


def test_view_label_tags_hides_them_gives_the_room_back_and_is_remembered(
    scene: WindowScene, tmp_path: Path
) -> None:
    idlib = scene.label_word("إدلب", Key.Key_3)
    [tagged] = scene.view.span_geometry().span_rects(idlib.start, idlib.end)
    toggle = scene.window.menu_actions.label_tags
    assert toggle.isChecked() and toggle in scene.window.menu_actions.menus["view"].actions()
    toggle.trigger()
    assert not toggle.isChecked() and tags_of(scene) == {}
    [bare] = scene.view.span_geometry().span_rects(idlib.start, idlib.end)
    assert bare.top() < tagged.top()
    scene.window.close()
    again = MainWindow(scene.project, ANNOTATOR, scene.settings)
    show_window(scene.qtbot, again)
    assert not again.menu_actions.label_tags.isChecked() and not again.text_view.tags_shown
    again.close()


def _range(window_scene: WindowScene, words: str) -> tuple[int, int]:
    start = window_scene.view.text.index(words)
    return start, start + len(words)


def test_tags_keep_to_the_view_at_the_line_edges(scene: WindowScene) -> None:
    """A short word at the start of a right-to-left line: its tag is moved in, not cut off."""
    first = scene.label_word("قال", Key.Key_3)
    scene.window.set_language(Language.ARABIC)  # a long tag: كيان جيوسياسي
    tag = tags_of(scene)[first.id]
    viewport = QRectF(scene.view.viewport().rect())
    assert viewport.contains(tag.rect)


def test_the_last_lines_stay_reachable_when_tags_make_the_lines_taller(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    """Qt computes the scroll range from the blocks' heights: after the rooms grow the blocks,
    the range follows, so scrolling to the end shows the last line whole."""
    line = "قال الرئيس جو بايدن إن الضربة استهدفت زعيم داعش."
    text = "\n".join([line] * 60)
    starts = [number * (len(line) + 1) for number in range(60)]
    view.set_document(text, [ViewSpan(str(n), s, s + 3, "#e6194b", "PER") for n, s in enumerate(starts)])
    bar = view.verticalScrollBar()

    def last_line_bottom() -> float:
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        rects = view.span_geometry().span_rects(starts[-1], starts[-1] + 3)
        return rects[-1].bottom() if rects else float("inf")  # below the viewport

    qtbot.waitUntil(lambda: last_line_bottom() <= view.viewport().height())
    assert view.span_geometry().tags()[-1].key == "59"
