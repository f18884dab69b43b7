"""The RTL annotation view, driven with real mouse and keyboard events offscreen.

The texts put emoji before the target words (a flag is two astral characters, a thumb with a skin
tone two more: each shifts Qt's UTF-16 positions by one against code points) and mix Latin words,
digits and punctuation into the Arabic, so a wrong offset conversion shows at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.ui.conftest import char_geometry, point_inside_char, selected_id
from workbench.core.snapping import is_cluster_boundary
from workbench.ui import fonts
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.annotate.view_span import SpanKind, ViewSpan

TEXT = (
    "🇮🇶 👍🏽 أعلنت منظمة OPEC+ يوم 12 مارس 2024 أن وبالكتاب الجديد سيصدر بنسبة 3.5% في إدلب.\n"
    "Map by Sania\n"
    "قال الرئيس جو بايدن إن الضربة استهدفت زعيم داعش عبد الله قرداش."
)
EMOJI_TEXT = (
    "👨\u200d👩\u200d👧 🇮🇶🇸🇾 داعش 👍🏽👍🏿 في 🇱🇧 بيروت 😀😀😀 OPEC 🇯🇴 عمّان ٢٠٢٤ 🎉\n"
    "😀 سطر ثان 🇪🇬 القاهرة"
)
SEEDS = REPO_ROOT / "seeds"
WHITE = QColor("#ffffff")


def at(text: str, word: str) -> int:
    """The code point offset of the first ``word`` in ``text``."""
    return text.index(word)


def word_range(text: str, word: str) -> tuple[int, int]:
    start = at(text, word)
    return start, start + len(word)


def entity(
    span_id: str, text: str, word: str, color: str, label: str = "", kind: SpanKind = "entity"
) -> ViewSpan:
    """A span over the first ``word`` in ``text``, labelled ``label`` (its id in capitals)."""
    start, end = word_range(text, word)
    return ViewSpan(span_id, start, end, color, label or span_id.upper(), kind)


def drag(
    qtbot: QtBot,
    view: AnnotatedTextView,
    start: QPoint,
    end: QPoint,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    qtbot.mouseMove(viewport, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def double_click(qtbot: QtBot, view: AnnotatedTextView, point: QPoint) -> None:
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click(qtbot: QtBot, view: AnnotatedTextView, point: QPoint) -> None:
    """A single click; the pause keeps Qt from pairing it with the last one into a double-click."""
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=point,
        delay=QApplication.doubleClickInterval() + 50,
    )


def rendered(view: AnnotatedTextView) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def tint_at(image: QImage, point: QPointF) -> QColor:
    return image.pixelColor(int(point.x()), int(point.y()))


def background_point(view: AnnotatedTextView, cp: int) -> QPointF:
    """A point in the band just under the top of the character's line: inside a span's
    background but above the glyphs."""
    rect, _ = char_geometry(view, cp)
    return QPointF(rect.center().x(), rect.top() + 2)


# -- offsets --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [TEXT, EMOJI_TEXT], ids=["mixed", "emoji-heavy"])
def test_every_visible_character_maps_back_to_its_code_point(
    view: AnnotatedTextView, text: str
) -> None:
    """Hit-testing maps a glyph back to its code point, after emoji and across bidi runs.

    Characters drawn as part of a shared glyph (the ligature of الله, a shadda over its letter)
    cannot be told apart by position and are left out, as are spaces and format characters, and
    glyphs Qt places outside the text column (an emoji ZWJ sequence without an emoji font).
    """
    view.set_document(text)
    column_right = view.viewport().width() - view.document().documentMargin()
    starts = [
        cp
        for cp, char in enumerate(text)
        if is_cluster_boundary(text, cp)
        and char.isprintable()
        and not char.isspace()
        and char_geometry(view, cp)[0].right() <= column_right
    ]
    rects = {cp: char_geometry(view, cp)[0] for cp in starts}
    for cp in starts:
        if any(rects[cp].intersected(rects[other]).width() > 1 for other in starts if other != cp):
            continue
        assert view.code_point_at(QPointF(point_inside_char(view, cp))) == cp, (cp, text[cp])


@pytest.mark.parametrize("word", ["داعش", "بيروت", "OPEC", "عمّان", "٢٠٢٤", "القاهرة"])
def test_selecting_a_range_selects_those_characters_in_qt(
    view: AnnotatedTextView, word: str
) -> None:
    view.set_document(EMOJI_TEXT)
    start, end = word_range(EMOJI_TEXT, word)
    view.select_range(start, end)
    assert view.textCursor().selectedText() == word
    assert view.current_selection(exact=True) == (start, end)
    assert view.current_selection(exact=False) == (start, end)


# -- mouse selection ------------------------------------------------------------------------------


def test_dragging_inside_a_word_snaps_to_the_whole_word_with_its_clitics(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    view.set_document(TEXT)
    start, end = word_range(TEXT, "وبالكتاب")
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(qtbot, view, point_inside_char(view, start + 3), point_inside_char(view, start + 5))
    assert blocker.args == [start, end]
    assert view.textCursor().selectedText() == "وبالكتاب"


def test_dragging_across_arabic_and_latin_words_snaps_both(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    view.set_document(TEXT)
    start = at(TEXT, "منظمة")
    latin = at(TEXT, "OPEC")
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(qtbot, view, point_inside_char(view, start + 2), point_inside_char(view, latin + 1))
    assert blocker.args == [start, latin + len("OPEC")]


def test_dragging_onto_the_full_stop_leaves_it_out(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    start, end = word_range(TEXT, "إدلب")
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(qtbot, view, point_inside_char(view, start + 1), point_inside_char(view, end, "end"))
    assert blocker.args == [start, end]


def test_alt_drag_keeps_the_exact_characters(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    start, end = word_range(TEXT, "وبالكتاب")
    alt = Qt.KeyboardModifier.AltModifier
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(
            qtbot,
            view,
            point_inside_char(view, start + 1, "start"),
            point_inside_char(view, end - 1, "end"),
            alt,
        )
    assert blocker.args == [start + 1, end]
    assert view.current_selection() == (start + 1, end)
    assert view.current_selection(exact=False) == (start, end)


@pytest.mark.parametrize("word", ["إدلب", "OPEC", "2024", "وبالكتاب", "12"])
def test_double_click_selects_the_word_after_emoji(
    qtbot: QtBot, view: AnnotatedTextView, word: str
) -> None:
    view.set_document(TEXT)
    start, end = word_range(TEXT, word)
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        double_click(qtbot, view, point_inside_char(view, start))
    assert blocker.args == [start, end]


def test_dragging_over_a_percentage_keeps_the_sign(qtbot: QtBot, view: AnnotatedTextView) -> None:
    """Drawn as %3.5 in the RTL paragraph (bidi rule W2), stored as 3.5%."""
    view.set_document(TEXT)
    start, end = word_range(TEXT, "3.5%")
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(qtbot, view, point_inside_char(view, start), point_inside_char(view, end - 1, "end"))
    assert blocker.args == [start, end]


def test_drag_in_an_emoji_heavy_line_gives_code_points(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    view.set_document(EMOJI_TEXT)
    start = at(EMOJI_TEXT, "بيروت")
    end = at(EMOJI_TEXT, "OPEC") + len("OPEC")
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(qtbot, view, point_inside_char(view, start + 2), point_inside_char(view, end - 2))
    assert blocker.args == [start, end]
    assert EMOJI_TEXT[start:end] == "بيروت 😀😀😀 OPEC"


def test_a_drag_on_the_second_line_after_emoji(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(EMOJI_TEXT)
    start, end = word_range(EMOJI_TEXT, "القاهرة")
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        drag(qtbot, view, point_inside_char(view, start + 5), point_inside_char(view, start + 1))
    assert blocker.args == [start, end]


def test_selecting_only_punctuation_reports_nothing(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document("كلمة ، « » كلمة")
    with qtbot.assertNotEmitted(view.selectionSnapped, wait=100):
        drag(qtbot, view, point_inside_char(view, 5, "start"), point_inside_char(view, 9, "end"))


# -- keyboard selection ---------------------------------------------------------------------------


def press_keys(
    view: AnnotatedTextView, key: Qt.Key, times: int, modifiers: Qt.KeyboardModifier
) -> None:
    for _ in range(times):
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(view, QKeyEvent(kind, key, modifiers))


def release_shift(view: AnnotatedTextView) -> None:
    QApplication.sendEvent(
        view, QKeyEvent(QKeyEvent.Type.KeyRelease, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    )


def test_shift_left_extends_forward_in_rtl_and_snaps_on_release(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    view.set_document(TEXT)
    start, end = word_range(TEXT, "وبالكتاب")
    view.select_range(start, start)
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        press_keys(view, Qt.Key.Key_Left, 3, Qt.KeyboardModifier.ShiftModifier)
        assert view.textCursor().selectionEnd() - view.textCursor().selectionStart() == 3
        release_shift(view)
    assert blocker.args == [start, end]


def test_shift_right_extends_backward_in_rtl(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    start, end = word_range(TEXT, "إدلب")
    view.select_range(end, end)
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        press_keys(view, Qt.Key.Key_Right, 2, Qt.KeyboardModifier.ShiftModifier)
        release_shift(view)
    assert blocker.args == [start, end]


def test_alt_shift_arrows_keep_the_exact_characters(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(EMOJI_TEXT)
    start, _ = word_range(EMOJI_TEXT, "بيروت")
    view.select_range(start + 1, start + 1)
    with qtbot.waitSignal(view.selectionSnapped, timeout=1000) as blocker:
        modifiers = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
        press_keys(view, Qt.Key.Key_Left, 2, modifiers)
        release_shift(view)
    assert blocker.args == [start + 1, start + 3]


def test_arrows_without_shift_report_nothing(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    with qtbot.assertNotEmitted(view.selectionSnapped, wait=100):
        press_keys(view, Qt.Key.Key_Left, 3, Qt.KeyboardModifier.NoModifier)
        release_shift(view)


# -- spans: clicking, hovering, tooltips ----------------------------------------------------------


def nested_spans() -> list[ViewSpan]:
    return [
        entity("sentence", TEXT, "الرئيس جو بايدن", "#6a1b9a", "PER-NOM"),
        entity("name", TEXT, "جو بايدن", "#1565c0", "PER"),
        entity("first", TEXT, "جو", "#2e7d32", "FIRST"),
        entity("attack", TEXT, "الضربة", "#ef6c00", "ATTACK", "trigger"),
    ]


def test_clicking_a_span_selects_it_and_repeated_clicks_cycle_innermost_first(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    view.set_document(TEXT, nested_spans())
    point = point_inside_char(view, at(TEXT, "جو") + 1)
    clicked: list[str] = []
    view.spanClicked.connect(clicked.append)
    for _ in range(4):
        click(qtbot, view, point)
    assert clicked == ["first", "name", "sentence", "first"]
    assert view.selected_span_id == "first"


def test_clicking_elsewhere_restarts_the_cycle_and_blank_text_clears_it(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    view.set_document(TEXT, nested_spans())
    clicked: list[str] = []
    view.spanClicked.connect(clicked.append)
    click(qtbot, view, point_inside_char(view, at(TEXT, "بايدن") + 2))
    click(qtbot, view, point_inside_char(view, at(TEXT, "جو")))
    click(qtbot, view, point_inside_char(view, at(TEXT, "الضربة") + 2))
    assert clicked == ["name", "first", "attack"]
    with qtbot.assertNotEmitted(view.spanClicked, wait=50):
        click(qtbot, view, point_inside_char(view, at(TEXT, "داعش")))
    assert view.selected_span_id is None


def test_hovering_reports_the_innermost_span(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(TEXT, nested_spans())
    with qtbot.waitSignal(view.spanHovered, timeout=1000) as blocker:
        qtbot.mouseMove(view.viewport(), point_inside_char(view, at(TEXT, "بايدن") + 1))
    assert blocker.args == ["name"]
    with qtbot.waitSignal(view.spanHovered, timeout=1000) as blocker:
        qtbot.mouseMove(view.viewport(), point_inside_char(view, at(TEXT, "داعش") + 1))
    assert blocker.args == [""]


def test_tooltip_names_the_label_the_text_and_its_transliteration(view: AnnotatedTextView) -> None:
    view.set_document(TEXT, nested_spans())
    tip = view.tooltip_at(QPointF(point_inside_char(view, at(TEXT, "بايدن") + 1)))
    assert tip.split("\n\n") == [
        "PER\nجو بايدن\njw bAydn",
        "PER-NOM\nالرئيس جو بايدن\nAlr}ys jw bAydn",
    ]
    assert view.tooltip_at(QPointF(point_inside_char(view, at(TEXT, "داعش")))) == ""


def test_a_point_beside_a_short_line_is_on_no_character(view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    rect, _ = char_geometry(view, at(TEXT, "Map"))
    assert view.code_point_at(QPointF(rect.left() - 40, rect.center().y())) is None


# -- span management ------------------------------------------------------------------------------


def test_add_update_remove_and_select_spans(view: AnnotatedTextView) -> None:
    view.set_document(TEXT, nested_spans())
    start, end = word_range(TEXT, "داعش")
    view.add_span(ViewSpan("org", start, end, "#c62828", "ORG"))
    assert [span.id for span in view.spans_at(start)] == ["org"]
    view.update_span(ViewSpan("org", start - 5, end, "#c62828", "ORG"))
    assert view.span("org") == ViewSpan("org", start - 5, end, "#c62828", "ORG")
    view.set_selected_span("org")
    view.remove_span("org")
    assert view.spans_at(start) == [] and view.selected_span_id is None
    with pytest.raises(ValueError, match="outside"):
        view.add_span(ViewSpan("bad", 0, len(TEXT) + 1, "#000000", "X"))
    with pytest.raises(KeyError):
        view.set_selected_span("missing")


def test_set_spans_replaces_all_and_keeps_a_still_present_selection(
    view: AnnotatedTextView,
) -> None:
    view.set_document(TEXT, nested_spans())
    view.set_selected_span("name")
    view.set_spans(nested_spans()[1:2])
    assert view.selected_span_id == "name"
    view.set_spans([])
    assert view.spans_at(at(TEXT, "جو")) == []
    assert selected_id(view) is None


def test_scroll_to_brings_a_late_offset_into_view(view: AnnotatedTextView) -> None:
    long_text = "\n".join(f"سطر رقم {number} 👍" for number in range(400))
    view.set_document(long_text)
    target = at(long_text, "سطر رقم 350 ")
    view.scroll_to(target)
    rect, _ = char_geometry(view, target)
    assert view.viewport().rect().contains(rect.center().toPoint())


def test_copy_puts_the_stored_characters_on_the_clipboard(view: AnnotatedTextView) -> None:
    text = "عبد\u00a0الله\u2029قرداش"
    view.set_document(text)
    view.select_range(0, len(text))
    assert view.createMimeDataFromSelection().text() == text


# -- painting -------------------------------------------------------------------------------------


def test_span_backgrounds_sit_on_their_words_only(view: AnnotatedTextView) -> None:
    view.set_document(TEXT, [entity("isis", TEXT, "داعش", "#c62828")])
    image = rendered(view)
    assert tint_at(image, background_point(view, at(TEXT, "داعش") + 1)) != WHITE
    assert tint_at(image, background_point(view, at(TEXT, "زعيم") + 1)) == WHITE
    assert tint_at(image, background_point(view, at(TEXT, "عبد") + 1)) == WHITE


def test_overlapping_backgrounds_blend(view: AnnotatedTextView) -> None:
    crossing = [
        entity("left", TEXT, "الضربة استهدفت", "#c62828"),
        entity("right", TEXT, "استهدفت زعيم", "#1565c0"),
    ]
    view.set_document(TEXT, crossing)
    image = rendered(view)
    only_left = tint_at(image, background_point(view, at(TEXT, "الضربة") + 2))
    both = tint_at(image, background_point(view, at(TEXT, "استهدفت") + 3))
    only_right = tint_at(image, background_point(view, at(TEXT, "زعيم") + 1))
    assert len({only_left.name(), both.name(), only_right.name()}) == 3
    assert both.lightness() < min(only_left.lightness(), only_right.lightness())


def test_every_kind_of_decoration_paints_without_error(
    qtbot: QtBot, view: AnnotatedTextView
) -> None:
    spans = [
        *nested_spans(),
        entity("cross", TEXT, "بايدن إن", "#00838f"),
        entity("same", TEXT, "جو بايدن", "#ad1457", "DUP"),
        entity("latin", TEXT, "OPEC+ يوم 12", "#558b2f"),
        entity("hint", TEXT, "مارس", "#5c6bc0", kind="suggestion"),
        entity("hit", TEXT, "2024", "#ffb300", kind="match"),
        ViewSpan("all", 0, len(TEXT), "#9e9e9e", "DOC"),
    ]
    spans += [entity(f"deep{n}", TEXT, "جو", "#455a64") for n in range(8)]
    view.set_document(TEXT, spans)
    view.set_selected_span("name")
    view.set_highlights("match", [word_range(TEXT, "داعش"), word_range(TEXT, "OPEC")])
    view.set_highlights("suggestion", [word_range(TEXT, "عبد الله قرداش")])
    image = rendered(view)
    assert not image.isNull()
    view.set_highlights("match", [])
    view.verticalScrollBar().setValue(1)
    rendered(view)


def test_nested_spans_get_stacked_underlines(view: AnnotatedTextView) -> None:
    """Scan the column under a letter of جو: each nested span's colour appears in it."""
    view.set_document(TEXT, nested_spans())
    image = rendered(view)
    rect, _ = char_geometry(view, at(TEXT, "جو"))
    column = int(rect.center().x())
    colours = {
        image.pixelColor(column, y).name() for y in range(int(rect.top()), int(rect.bottom()))
    }
    for span_colour in ("#6a1b9a", "#1565c0", "#2e7d32"):
        assert span_colour in colours, span_colour


# -- layout: right to left ------------------------------------------------------------------------


def test_arabic_paragraphs_are_right_aligned(view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    block = view.document().firstBlock()
    layout = block.layout()
    first_line = layout.lineAt(0)
    runs = layout.glyphRuns(first_line.textStart(), first_line.textLength())
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    right_edge = origin.x() + max(run.boundingRect().right() for run in runs)
    assert view.viewport().width() - right_edge < 12


def test_latin_and_digits_inside_arabic_follow_the_bidi_order(view: AnnotatedTextView) -> None:
    """Reading right to left: منظمة, then OPEC+, then يوم; the digits of 2024 run left to right."""
    view.set_document(TEXT)
    organisation, _ = char_geometry(view, at(TEXT, "منظمة"))
    opec_o, latin_is_rtl = char_geometry(view, at(TEXT, "OPEC"))
    opec_c, _ = char_geometry(view, at(TEXT, "OPEC") + 3)
    day, _ = char_geometry(view, at(TEXT, "يوم"))
    assert organisation.left() > opec_c.right() > opec_o.left() > day.right()
    assert not latin_is_rtl
    two, _ = char_geometry(view, at(TEXT, "2024"))
    four, _ = char_geometry(view, at(TEXT, "2024") + 3)
    assert two.left() < four.left()


def test_the_bundled_font_is_used(view: AnnotatedTextView) -> None:
    assert view.font().families()[0] == "Noto Naskh Arabic"
    assert view.font().families()[1] == fonts.latin_family()


def test_the_platform_font_stands_in_when_the_bundled_one_is_missing(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    assert fonts.bundled_arabic_family.__wrapped__() is None
    monkeypatch.setattr(fonts, "bundled_arabic_family", lambda: None)
    assert fonts.annotation_font().families()[0] == fonts.system_arabic_family()


# -- font and zoom --------------------------------------------------------------------------------


def test_ctrl_plus_and_minus_zoom_within_bounds(qtbot: QtBot, view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    size = view.font_size()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.font_size() == size + 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.font_size() == size + 1
    view.zoom(1000)
    assert view.font_size() == fonts.MAX_POINT_SIZE
    view.zoom(-1000)
    assert view.font_size() == fonts.MIN_POINT_SIZE


def test_ctrl_wheel_zooms_one_point_per_notch(view: AnnotatedTextView) -> None:
    view.set_document(TEXT)
    size = view.font_size()
    centre = QPointF(view.viewport().rect().center())
    for notch in (120, 120, -120):
        wheel = QWheelEvent(
            centre,
            QPointF(view.viewport().mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, notch),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), wheel)
    assert view.font_size() == size + 1


def test_font_family_and_size_can_be_set(view: AnnotatedTextView) -> None:
    view.set_font_size(20)
    view.set_font_family("Noto Sans Arabic")
    assert view.font().families()[0] == "Noto Sans Arabic"
    assert view.font_size() == 20


# -- screenshot -----------------------------------------------------------------------------------


def seed_spans(text: str) -> list[ViewSpan]:
    """A few spans on the first seed article, one nested in another and one trigger."""

    return [
        entity("idlib", text, "إدلب", "#2e7d32", "GPE"),
        entity("biden", text, "جو بايدن", "#1565c0", "PER"),
        entity("president", text, "الرئيس الأمريكي جو بايدن", "#6a1b9a", "PER-NOM"),
        entity("strike", text, "غارة", "#ef6c00", "ATTACK", "trigger"),
        entity("isis", text, "داعش", "#c62828", "ORG"),
        entity("qurashi", text, "عبد الله قرداش", "#1565c0", "PER"),
        entity("leader", text, "زعيم داعش عبد الله قرداش", "#6a1b9a", "PER-NOM"),
    ]


def test_screenshot_of_a_seed_article(view: AnnotatedTextView, tmp_path: Path) -> None:
    text = (SEEDS / "000_e8827d64ecf403cd.txt").read_text(encoding="utf-8")
    spans = seed_spans(text)
    view.set_document(text, spans)
    view.set_selected_span("qurashi")
    view.set_highlights("match", [word_range(text, "التنظيم")])
    view.set_highlights("suggestion", [word_range(text, "ديسمبر")])
    image = rendered(view)
    for path in (tmp_path / "text_view.png", Path("/tmp/text_view.png")):
        assert view.grab().save(str(path))
        assert path.stat().st_size > 10_000
    for span in spans:
        assert tint_at(image, background_point(view, span.start + 1)) != WHITE, span.id
