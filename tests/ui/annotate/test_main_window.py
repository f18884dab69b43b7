"""The annotator's window, driven as a user drives it: mouse drags and double-clicks in the view,
hotkeys as key events, menus' shortcuts, the panels; every result checked in the project file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QRect, Qt
from PySide6.QtGui import QInputMethodEvent, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from tests.conftest import present
from tests.ui.annotate.test_text_view import TEXT, background_point, rendered, tint_at, word_range
from tests.ui.conftest import selected_id
from tests.ui.window_scene import ANNOTATOR, THIRD, WITH_HARAKAT, WindowScene, nth_index, scene  # noqa: F401
from workbench.core.model import Argument, Status
from workbench.core.utf16 import Utf16Map
from workbench.ui.annotate.label_all_dialog import LabelAllDialog
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language, isolated

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def commit_text(widget: QWidget, text: str) -> None:
    """Type Arabic as an input method delivers it (QTest's key helpers abort on non-ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def stored(scene: WindowScene, name: str | None = None) -> list[tuple[str, int, int, str]]:
    return [(s.label, s.start, s.end, s.text) for s in scene.stored_spans(name)]


def click_cell(scene: WindowScene, view: QAbstractItemView, index: QModelIndex) -> None:
    rect = view.visualRect(index)
    scene.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- selecting and labelling ------------------------------------------------------------------


def test_a_drag_and_a_hotkey_store_the_span_with_code_point_offsets(scene: WindowScene) -> None:
    start, end = word_range(TEXT, "جو بايدن")
    assert Utf16Map(TEXT).to_utf16(start) == start + 4  # four astral characters before it
    scene.drag_over(start + 1, end - 1)
    scene.press(Key.Key_1)
    assert stored(scene) == [("PER", start, end, "جو بايدن")]
    [span] = scene.stored_spans()
    assert scene.view.span(span.id) is not None
    assert scene.view.selected_span_id == span.id
    assert scene.window.inspector.span == span
    assert scene.window.documents.document(scene.document_id("mixed")).spans == 1


@pytest.mark.parametrize(("word", "key", "label"), [
    ("إدلب", Key.Key_3, "GPE"), ("OPEC", Key.Key_2, "ORG"), ("2024", Key.Key_9, "TITLE"),
    ("وبالكتاب", Key.Key_8, "VEH"), ("12", Key.Key_6, "NORP"),
])
def test_a_double_click_and_a_hotkey_label_the_word(
    scene: WindowScene, word: str, key: Qt.Key, label: str
) -> None:
    start, end = word_range(TEXT, word)
    scene.double_click_on(start)
    scene.press(key)
    assert stored(scene) == [(label, start, end, word)]


def test_alt_drag_labels_the_exact_characters_without_a_clitic(scene: WindowScene) -> None:
    start, end = word_range(TEXT, "الضربة")
    scene.drag_over(start + 2, end, ALT)  # without the article ال
    scene.press(Key.Key_5)
    assert stored(scene) == [("FAC", start + 2, end, "ضربة")]


def test_clicking_a_label_in_the_palette_labels_the_selection(scene: WindowScene) -> None:
    start, end = word_range(TEXT, "منظمة")
    scene.drag_over(start, end)
    palette = scene.window.label_palette
    click_cell(scene, palette, palette.model().index(1, 1))  # ORG
    assert stored(scene) == [("ORG", start, end, "منظمة")]


def test_a_hotkey_on_the_selected_span_relabels_it_and_undo_gives_the_label_back(
    scene: WindowScene,
) -> None:
    span = scene.label_word("داعش", Key.Key_1)
    scene.press(Key.Key_2)  # the new span is selected, no text is: relabel
    assert stored(scene) == [("ORG", span.start, span.end, "داعش")]
    assert scene.stored_spans()[0].id == span.id
    scene.press(Key.Key_Z, CTRL)
    assert stored(scene) == [("PER", span.start, span.end, "داعش")]
    assert present(scene.view.span(span.id)).label == "PER"


def test_clicking_a_span_then_a_hotkey_relabels_the_clicked_span(scene: WindowScene) -> None:
    span = scene.label_word("إدلب", Key.Key_4)
    scene.click_on(TEXT.index("مارس") + 1)  # beside every span: nothing selected
    assert selected_id(scene.view) is None
    scene.click_on(span.start + 1)
    assert scene.view.selected_span_id == span.id
    scene.press(Key.Key_3)
    assert stored(scene) == [("GPE", span.start, span.end, "إدلب")]


def test_a_hotkey_with_nothing_selected_says_what_to_do(scene: WindowScene) -> None:
    scene.press(Key.Key_1)
    assert scene.stored_spans() == []
    assert "Select some text" in scene.window.statusBar().currentMessage()


def test_the_same_range_and_label_twice_is_refused_with_a_message(scene: WindowScene) -> None:
    span = scene.label_word("إدلب", Key.Key_3)
    scene.view.select_range(span.start, span.end)
    scene.press(Key.Key_3)
    assert len(scene.stored_spans()) == 1
    assert "already" in scene.window.statusBar().currentMessage()


def test_a_move_refused_names_the_label_as_the_palette_does(scene: WindowScene) -> None:
    """A span's ends moved onto a span of the same label are refused by the store; an Arabic
    window named the label by its id ("لدى المُوسِّم «amal» من قبل مقطع «GPE»"), where its
    palette names it by its Arabic name."""
    scene.window.set_language(Language.ARABIC)
    idlib = scene.label_word("إدلب", Key.Key_3)
    march = scene.label_word("مارس", Key.Key_3)
    scene.window.labelling.move_span(march.id, idlib.start, idlib.end)
    stored = sorted((s.start, s.end) for s in scene.stored_spans())
    assert stored == sorted([(idlib.start, idlib.end), (march.start, march.end)])
    message = scene.window.statusBar().currentMessage()
    assert f"«{isolated('كيان جيوسياسي')}»" in message and "GPE" not in message, message


def test_nested_spans_are_selected_in_turn_by_clicking_and_deleted_one_at_a_time(
    scene: WindowScene,
) -> None:
    inner = scene.label_word("عبد الله", Key.Key_1)
    outer = scene.label_word("زعيم داعش عبد الله قرداش", Key.Key_1)
    middle = scene.label_word("داعش", Key.Key_2, occurrence=0)
    assert {s.id for s in scene.stored_spans()} == {inner.id, outer.id, middle.id}
    scene.click_on(inner.start + 1)
    assert scene.view.selected_span_id == inner.id
    scene.click_on(inner.start + 1)
    assert scene.view.selected_span_id == outer.id
    assert scene.window.span_list.selected_span_id() == outer.id
    scene.press(Key.Key_Delete)
    assert {s.id for s in scene.stored_spans()} == {inner.id, middle.id}
    assert scene.confirmations.questions == []


# -- undo and redo ------------------------------------------------------------------------------


def test_undo_and_redo_of_a_new_span_keep_its_id(scene: WindowScene) -> None:
    span = scene.label_word("بايدن", Key.Key_1)
    scene.press(Key.Key_Z, CTRL)
    assert scene.stored_spans() == []
    assert scene.view.span(span.id) is None
    assert scene.window.span_model.rowCount() == 0
    scene.press(Key.Key_Z, CTRL | SHIFT)
    assert scene.stored_spans() == [span]
    assert scene.view.span(span.id) is not None
    scene.press(Key.Key_Z, CTRL)
    scene.press(Key.Key_Y, CTRL)
    assert scene.stored_spans() == [span]
    assert scene.window.menu_actions.undo.text() == "Undo Label 1 span as PER"


def test_undo_and_redo_switch_to_the_document_of_the_change(scene: WindowScene) -> None:
    first = scene.label_word("بايدن", Key.Key_1)
    scene.open("third")
    second = scene.label_word("بيروت", Key.Key_3)
    scene.open("harakat")
    scene.press(Key.Key_Z, CTRL)
    scene.wait_until_shown("third")
    assert scene.stored_spans("third") == []
    scene.press(Key.Key_Z, CTRL)
    scene.wait_until_shown("mixed")
    assert scene.stored_spans("mixed") == []
    assert scene.window.span_model.rowCount() == 0
    scene.open("harakat")
    scene.press(Key.Key_Y, CTRL)
    scene.wait_until_shown("mixed")
    assert scene.stored_spans("mixed") == [first]
    assert scene.view.span(first.id) is not None
    scene.press(Key.Key_Z, CTRL | SHIFT)
    scene.wait_until_shown("third")
    assert scene.stored_spans("third") == [second]


def test_delete_removes_the_selected_span_and_undo_restores_it(scene: WindowScene) -> None:
    span = scene.label_word("الضربة", Key.Key_1)
    scene.press(Key.Key_Delete)
    assert scene.stored_spans() == []
    assert scene.view.span(span.id) is None
    assert scene.window.inspector.span is None
    scene.press(Key.Key_Z, CTRL)
    assert scene.stored_spans() == [span]


def test_deleting_a_trigger_or_a_role_filler_asks_first(scene: WindowScene) -> None:
    project, document_id = scene.project, scene.document_id("mixed")
    attacker = project.add_span(document_id, ANNOTATOR, *word_range(TEXT, "جو بايدن"), "PER")
    event = project.create_event(document_id, ANNOTATOR, *word_range(TEXT, "الضربة"), "Conflict.Attack")
    project.add_argument(event.id, "Attacker", span_id=attacker.id)
    scene.open("third")
    scene.open("mixed")  # read again, with the event
    confirmations = scene.confirmations

    scene.click_on(attacker.start + 1)
    confirmations.answer = False
    scene.press(Key.Key_Delete)
    assert "role" in confirmations.questions[-1]
    assert len(scene.stored_spans()) == 2

    scene.click_on(word_range(TEXT, "الضربة")[0] + 2)
    confirmations.answer = True
    scene.press(Key.Key_Delete)
    assert "1 event" in confirmations.questions[-1]
    assert [s.label for s in scene.stored_spans()] == ["PER"]
    assert present(project.annotation_set(document_id, ANNOTATOR)).events == ()

    scene.press(Key.Key_Z, CTRL)
    [restored] = present(project.annotation_set(document_id, ANNOTATOR)).events
    assert restored.id == event.id
    assert restored.arguments == (Argument("Attacker", span_id=attacker.id),)


# -- the span list and the inspector ------------------------------------------------------------


def test_the_span_list_and_the_view_select_the_same_span(scene: WindowScene) -> None:
    first = scene.label_word("أعلنت", Key.Key_1)
    second = scene.label_word("قرداش", Key.Key_1)
    window = scene.window
    row = window.span_model.row_of(first.id)
    click_cell(scene, window.span_list, window.span_model.index(present(row), 0))
    assert scene.view.selected_span_id == first.id
    assert window.inspector.span == first
    scene.click_on(second.start + 2)
    assert window.span_list.selected_span_id() == second.id
    assert window.inspector.span == second


def test_sorting_the_span_list_keeps_the_selected_span(scene: WindowScene) -> None:
    for word, key in (("أعلنت", Key.Key_3), ("قرداش", Key.Key_1), ("OPEC", Key.Key_2)):
        scene.label_word(word, key)
    window = scene.window
    window.span_list.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by label
    labels = [window.span_model.entry_at(row).label for row in range(3)]
    assert labels == ["PER", "ORG", "GPE"]
    assert window.span_list.selected_span_id() == scene.view.selected_span_id


def test_the_inspector_names_attributes_in_the_interface_language(scene: WindowScene) -> None:
    scene.label_word("منظمة", Key.Key_2)
    inspector = scene.window.inspector

    def title(name: str) -> str:
        label = inspector.form.labelForField(inspector.attribute_combo(name))
        assert isinstance(label, QLabel)
        return label.text()

    assert (title("mention_level"), title("org_kind")) == ("Mention level", "Kind of organization")
    scene.window.set_language(Language.ARABIC)
    assert (title("mention_level"), title("org_kind")) == ("مستوى الذكر", "نوع الجهة")
    combo = inspector.attribute_combo("org_kind")
    choice = combo.findData("media")
    combo.setCurrentIndex(choice)
    combo.activated.emit(choice)
    assert scene.window.undo_stack.undoText() == QCoreApplication.translate("LabellingController", "Set %1").replace(
        "%1", "نوع الجهة"
    )


def test_inspector_edits_are_stored_and_undone(scene: WindowScene) -> None:
    span = scene.label_word("منظمة", Key.Key_2)
    inspector = scene.window.inspector
    combo = inspector.attribute_combo("org_kind")
    choice = combo.findData("military")
    combo.setCurrentIndex(choice)
    combo.activated.emit(choice)
    assert scene.stored_spans()[0].attributes == {"mention_level": "NAM", "org_kind": "military"}

    inspector.note.setFocus()
    commit_text(inspector.note, "اسم المنظمة غير واضح")
    scene.qtbot.keyClick(inspector.note, Key.Key_Return)
    assert scene.stored_spans()[0].note == "اسم المنظمة غير واضح"

    label = inspector.label_combo.findData("GPE")
    inspector.label_combo.setCurrentIndex(label)
    inspector.label_combo.activated.emit(label)
    relabelled = scene.stored_spans()[0]
    assert (relabelled.label, relabelled.attributes) == ("GPE", {"mention_level": "NAM"})

    for _ in range(3):
        scene.window.undo_stack.undo()
    assert scene.stored_spans() == [span]
    assert inspector.span == span


# -- search, label all, suggestions -------------------------------------------------------------


def test_search_without_harakat_finds_the_text_with_them_across_the_project(
    scene: WindowScene,
) -> None:
    window, panel = scene.window, scene.window.search_panel
    scene.press(Key.Key_F, CTRL)
    assert window.docks["search"].isVisible()
    panel.scope.setCurrentIndex(1)  # all documents
    commit_text(panel.field, "الرئيس")
    scene.qtbot.keyClick(panel.field, Key.Key_Return)
    assert [(m.document_id, m.context.count("الرئيس") + m.context.count("الرَّئِيسُ")) for m in panel.matches()] == [
        (scene.document_id("mixed"), 1), (scene.document_id("harakat"), 1), (scene.document_id("third"), 1)
    ]
    assert window.current_document_id == scene.document_id("mixed")
    assert scene.view.current_selection(exact=True) == word_range(TEXT, "الرئيس")

    scene.qtbot.keyClick(panel.field, Key.Key_F3)
    scene.wait_until_shown("harakat")
    assert scene.view.current_selection(exact=True) == word_range(WITH_HARAKAT, "الرَّئِيسُ")

    click_cell(scene, panel.results, panel.model.index(2, 1))
    scene.wait_until_shown("third")
    scene.qtbot.keyClick(panel.field, Key.Key_Return, SHIFT)
    scene.wait_until_shown("harakat")


def test_matches_are_highlighted_in_the_view(scene: WindowScene) -> None:
    panel = scene.window.search_panel
    start, _ = word_range(TEXT, "مارس")
    before = tint_at(rendered(scene.view), background_point(scene.view, start))
    scene.press(Key.Key_F, CTRL)  # matches are highlighted while the search panel is open
    commit_text(panel.field, "مارس")
    panel.run_search()
    after = tint_at(rendered(scene.view), background_point(scene.view, start))
    assert before != after


def test_label_all_matches_is_one_step_to_undo(scene: WindowScene) -> None:
    scene.open("third")
    panel = scene.window.search_panel
    commit_text(panel.field, "بيروت")
    panel.label_combo.setCurrentIndex(panel.label_combo.findData("GPE"))
    scene.qtbot.mouseClick(panel.label_all_button, Qt.MouseButton.LeftButton)
    preview = scene.window.findChild(LabelAllDialog)
    assert preview is not None and preview.list.count() == 3
    scene.qtbot.mouseClick(preview.label_button, Qt.MouseButton.LeftButton)
    spans = scene.stored_spans()
    assert [(s.label, s.text) for s in spans] == [("GPE", "بيروت")] * 3
    scene.window.undo_stack.undo()
    assert scene.stored_spans() == []
    scene.window.undo_stack.redo()
    assert scene.stored_spans() == spans


def test_suggestions_are_offered_then_accepted_or_rejected(scene: WindowScene) -> None:
    scene.open("third")
    qtbot, window = scene.qtbot, scene.window
    first = scene.label_word("بيروت", Key.Key_3)
    qtbot.waitUntil(lambda: window._suggestions[present(window.current_document_id)].offered != set())
    second, third = (nth_index(THIRD, "بيروت", n) for n in (1, 2))

    scene.press(Key.Key_F4)
    assert scene.view.current_selection(exact=True) == (second, second + 5)
    scene.press(Key.Key_Return)  # accept: labelled, and on to the next suggestion
    assert stored(scene) == [("GPE", first.start, first.end, "بيروت"), ("GPE", second, second + 5, "بيروت")]
    assert scene.view.current_selection(exact=True) == (third, third + 5)
    scene.press(Key.Key_Escape)  # reject
    assert len(scene.stored_spans()) == 2
    scene.press(Key.Key_F4)
    assert "No suggestions" in window.statusBar().currentMessage()

    scene.view.select_range(first.start, first.end)
    scene.press(Key.Key_3)  # the same range again is refused; labelling elsewhere ...
    scene.label_word("الرئيس", Key.Key_1)
    qtbot.wait(10)
    scene.press(Key.Key_F4)  # ... offers nothing new: the rejected one stays rejected
    assert "No suggestions" in window.statusBar().currentMessage()


# -- workflow -----------------------------------------------------------------------------------


def test_marking_done_is_stored_shown_and_undoable(scene: WindowScene) -> None:
    window = scene.window
    document_id = scene.document_id("mixed")
    scene.press(Key.Key_Return, CTRL)
    assert present(scene.project.annotation_set(document_id, ANNOTATOR)).status is Status.DONE
    assert window.menu_actions.mark_done.isChecked()
    assert window.progress_label.text() == "Done: 1 of 3"
    assert window.documents.document(document_id).status is Status.DONE
    scene.press(Key.Key_Z, CTRL)
    assert present(scene.project.annotation_set(document_id, ANNOTATOR)).status is Status.NEW
    assert window.progress_label.text() == "Done: 0 of 3"


def test_alt_arrows_go_to_the_next_document_in_the_reading_direction(scene: WindowScene) -> None:
    window = scene.window
    scene.press(Key.Key_Right, ALT)
    scene.wait_until_shown("harakat")
    scene.press(Key.Key_Left, ALT)
    scene.wait_until_shown("mixed")
    window.set_language(Language.ARABIC)
    scene.press(Key.Key_Left, ALT)  # right to left: the next document is to the left
    scene.wait_until_shown("harakat")
    scene.press(Key.Key_Left, ALT)
    scene.wait_until_shown("third")
    scene.press(Key.Key_Left, ALT)  # the last one: nothing to read
    assert window.reader.pending is None
    assert window.current_document_id == scene.document_id("third")


def test_the_document_list_filters_by_status_and_name(scene: WindowScene) -> None:
    scene.press(Key.Key_Return, CTRL)  # "mixed" is done
    panel = scene.window.document_list
    panel.status_filter.setCurrentIndex(1)  # not done
    assert panel.model.rowCount() == 2
    panel.status_filter.setCurrentIndex(4)  # done
    assert panel.model.rowCount() == 1
    panel.status_filter.setCurrentIndex(0)
    commit_text(panel.name_filter, "HARAK")
    assert panel.model.rowCount() == 1
    scene.press(Key.Key_Right, ALT)  # only the list's rows count: "harakat"
    scene.wait_until_shown("harakat")


# -- language, settings -------------------------------------------------------------------------


def test_switching_to_arabic_translates_the_menus_and_mirrors_the_layout(scene: WindowScene) -> None:
    window = scene.window
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    documents_x = window.docks["documents"].geometry().x()
    assert documents_x < window.text_view.geometry().x()

    window.menu_actions.languages[Language.ARABIC].trigger()
    assert file_menu.text() == "&ملف"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    scene.qtbot.waitUntil(lambda: window.docks["documents"].geometry().x() > window.text_view.geometry().x())
    assert window.text_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.docks["spans"].windowTitle() == "المقاطع"

    window.menu_actions.languages[Language.ENGLISH].trigger()
    assert file_menu.text() == "&File"
    scene.qtbot.waitUntil(lambda: window.docks["documents"].geometry().x() < window.text_view.geometry().x())


def test_mirroring_keeps_the_event_panels_tabbed_behind_the_entity_panels(scene: WindowScene) -> None:
    window = scene.window
    tabs = {"labels": ["event types", "document"], "spans": ["events", "relations"], "inspector": ["event"]}

    def tabbed_and_in_front() -> dict[str, tuple[list[str], bool]]:
        names = {dock: name for name, dock in window.docks.items()}
        return {
            name: (
                [names[tab] for tab in window.tabifiedDockWidgets(window.docks[name])],
                not window.docks[name].visibleRegion().isEmpty(),
            )
            for name in tabs
        }

    expected = {name: (behind, True) for name, behind in tabs.items()}
    assert tabbed_and_in_front() == expected
    window.set_language(Language.ARABIC)
    scene.qtbot.waitUntil(lambda: window.docks["labels"].geometry().x() > window.text_view.geometry().x())
    assert tabbed_and_in_front() == expected
    window.set_language(Language.ENGLISH)
    scene.qtbot.waitUntil(lambda: window.docks["labels"].geometry().x() < window.text_view.geometry().x())
    assert tabbed_and_in_front() == expected


def test_undo_names_the_last_change_in_the_language_switched_to(scene: WindowScene) -> None:
    window = scene.window
    scene.press(Key.Key_Return, CTRL)  # marks "mixed" done
    assert window.undo_stack.undoText() == "Mark done"
    window.set_language(Language.ARABIC)
    in_arabic = QCoreApplication.translate("MainWindow", "Mark done")
    assert in_arabic != "Mark done"
    assert window.undo_stack.undoText() == in_arabic
    assert in_arabic in window.menu_actions.undo.text()


def test_the_window_remembers_language_font_layout_and_document(scene: WindowScene) -> None:
    window = scene.window
    window.set_language(Language.ARABIC)
    scene.press(Key.Key_Equal, CTRL)
    scene.press(Key.Key_Equal, CTRL)
    scene.open("third")
    window.docks["labels"].hide()
    window.resize(700, 500)  # smaller than the offscreen screen, which clamps restored sizes
    window.close()

    again = MainWindow(scene.project, ANNOTATOR, scene.settings)
    scene.qtbot.addWidget(again)
    assert again.current_document_id == scene.document_id("third")
    assert again.text_view.font_size() == 18
    assert again.menu_actions.languages[Language.ARABIC].isChecked()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert (again.width(), again.height()) == (700, 500)
    assert again.docks["labels"].isHidden()


def test_a_window_without_settings_remembers_nothing(scene: WindowScene) -> None:
    keys_before = scene.settings.store.allKeys()
    window = MainWindow(scene.project, ANNOTATOR)
    scene.qtbot.addWidget(window)
    window.open_document(scene.document_id("third"))
    window.close()
    assert scene.settings.store.allKeys() == keys_before


def test_the_undo_menu_names_the_change(scene: WindowScene) -> None:
    scene.label_word("إدلب", Key.Key_3)
    assert scene.window.menu_actions.undo.isEnabled()
    assert scene.window.menu_actions.undo.text() == "Undo Label 1 span as GPE"
    assert not scene.window.menu_actions.redo.isEnabled()


def test_the_view_keeps_right_to_left_in_an_english_interface(scene: WindowScene) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    view = scene.view
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    first_word = word_range(TEXT, "أعلنت")[0]
    assert background_point(view, first_word).x() > view.viewport().width() / 2  # read from the right


class PaintedRects(QObject):
    """The rectangles of the paint events ``widget`` gets."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


def test_a_new_span_repaints_its_document_row_alone_in_the_document_list(scene: WindowScene) -> None:
    """The document list was repainted whole after every span change (table, header, dock), as a
    panel whose painting waits for the text view's frame; its span count's row is enough."""
    table = scene.window.document_list.table
    QApplication.processEvents()
    rows, header = PaintedRects(table.viewport()), PaintedRects(table.horizontalHeader().viewport())
    scene.label_word("OPEC", Key.Key_2)
    scene.qtbot.wait(50)  # the panels painted after the text view too
    row = table.visualRect(table.model().index(table.currentIndex().row(), 0))
    assert rows.rects
    assert all(rect.height() < 2 * row.height() for rect in rows.rects)  # its grid lines too
    assert header.rects == []
