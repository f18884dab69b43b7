"""A document chosen in the list, with Alt+arrows or by a search match, and the shown document
after a reload, is read on a worker thread and shown when its read arrives
(``document_reading``): the click or key returns at once, the latest choice wins, and a closed
window takes nothing. (An undo step of another document: ``test_undo_across_documents``.)"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.annotate.test_main_window import commit_text
from tests.ui.annotate.test_text_view import word_range
from tests.ui.window_scene import ANNOTATOR, WITH_HARAKAT, WindowScene, scene  # noqa: F401 (the fixture)
from workbench.core.model import AnnotationSet, Span
from workbench.ui.annotate.document_reading import DocumentReader, Reading
from workbench.ui.label_style import label_colours


def choose_in_list(scene: WindowScene, name: str) -> None:
    """The document's row made current in the list, as a click or an arrow key does."""
    model = scene.window.documents
    row = next(row for row in range(model.rowCount()) if model.row_at(row).name == name)
    scene.window.document_list.table.setCurrentIndex(model.index(row, 0, QModelIndex()))


def opened(scene: WindowScene) -> list[str]:
    shown: list[str] = []
    scene.window.documentOpened.connect(shown.append)
    return shown


def test_a_choice_in_the_list_shows_the_document_once_read_off_the_gui_thread(scene: WindowScene) -> None:
    window = scene.window
    third = scene.document_id("third")
    scene.project.add_spans(third, ANNOTATOR, [(15, 20)], "GPE")
    choose_in_list(scene, "third")
    assert window.current_document_id == scene.document_id("mixed")  # not read on the click
    assert window.reader.pending == third
    scene.qtbot.waitUntil(lambda: window.current_document_id == third)
    assert window.text_view.text == scene.project.document(third).text
    assert [(s.start, s.end, s.label) for s in window.text_view.all_spans()] == [(15, 20, "GPE")]
    assert window.span_model.rowCount() == 1
    assert window.reader.pending is None


def test_a_second_choice_while_the_first_is_read_shows_the_second(scene: WindowScene) -> None:
    shown = opened(scene)
    choose_in_list(scene, "harakat")
    choose_in_list(scene, "third")  # before the first read can arrive: it comes through the event loop
    scene.qtbot.waitUntil(lambda: scene.window.current_document_id == scene.document_id("third"))
    scene.qtbot.wait(100)  # the first read has long arrived, and was dropped
    assert shown == [scene.document_id("third")]
    assert scene.window.document_list.table.currentIndex().row() == scene.window.documents.row_of(
        scene.document_id("third")
    )


def test_choosing_the_shown_document_again_drops_the_read_of_another(scene: WindowScene) -> None:
    shown = opened(scene)
    choose_in_list(scene, "harakat")
    choose_in_list(scene, "mixed")
    scene.qtbot.wait(150)
    assert shown == []
    assert scene.window.current_document_id == scene.document_id("mixed")


def test_a_document_opened_at_once_overtakes_a_read_for_the_list(scene: WindowScene) -> None:
    """A document opened at once (``open_document``, the window's first) is not covered by a
    list's read that was still running."""
    shown = opened(scene)
    choose_in_list(scene, "harakat")
    scene.open("third")
    scene.qtbot.wait(150)
    assert shown == [scene.document_id("third")]
    assert scene.window.current_document_id == scene.document_id("third")


def test_a_reload_reads_the_shown_document_again_off_the_gui_thread(scene: WindowScene) -> None:
    """Others' work came in (a merge, say) on the shown document: the reload shows it once read."""
    window = scene.window
    mixed = scene.document_id("mixed")
    scene.project.add_spans(mixed, ANNOTATOR, [(0, 5)], "GPE")
    shown = opened(scene)
    window.reload()
    assert window.text_view.all_spans() == []  # not read on the GUI thread
    assert window.reader.pending == mixed
    scene.wait_until_shown("mixed")
    assert shown == [mixed]
    assert [(s.start, s.end, s.label) for s in window.text_view.all_spans()] == [(0, 5, "GPE")]
    assert window.documents.document(mixed).spans == 1


def alt_right(scene: WindowScene) -> None:
    """The next document, in an English window."""
    scene.press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)


def test_alt_arrow_returns_before_the_next_document_is_read(scene: WindowScene) -> None:
    window = scene.window
    alt_right(scene)
    assert window.current_document_id == scene.document_id("mixed")  # not read on the key
    assert window.reader.pending == scene.document_id("harakat")
    scene.wait_until_shown("harakat")
    assert window.text_view.text == scene.project.document(scene.document_id("harakat")).text


def test_alt_arrows_pressed_faster_than_documents_are_read_step_one_document_each(scene: WindowScene) -> None:
    """The second press goes on from the document the first asked for, not from the one still
    shown; only the last is shown."""
    shown = opened(scene)
    alt_right(scene)
    alt_right(scene)  # before the first read can arrive: it comes through the event loop
    scene.wait_until_shown("third")
    scene.qtbot.wait(100)
    assert shown == [scene.document_id("third")]


def test_alt_arrow_back_to_the_shown_document_drops_the_read(scene: WindowScene) -> None:
    shown = opened(scene)
    alt_right(scene)
    scene.press(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    scene.qtbot.wait(150)
    assert shown == []
    assert scene.window.reader.pending is None
    assert scene.window.current_document_id == scene.document_id("mixed")


def search_all_documents(scene: WindowScene, query: str) -> None:
    """``query`` searched in every document with Enter, which goes to the first match (in the
    shown document, "mixed")."""
    panel = scene.window.search_panel
    scene.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel.scope.setCurrentIndex(1)
    commit_text(panel.field, query)
    scene.qtbot.keyClick(panel.field, Qt.Key.Key_Return)


def test_a_match_in_another_document_is_selected_once_its_document_is_read(scene: WindowScene) -> None:
    window = scene.window
    search_all_documents(scene, "الرئيس")
    scene.qtbot.keyClick(window.search_panel.field, Qt.Key.Key_F3)  # the match in "harakat"
    assert window.current_document_id == scene.document_id("mixed")  # not read on the key
    assert window.reader.pending == scene.document_id("harakat")
    scene.wait_until_shown("harakat")
    assert scene.view.current_selection(exact=True) == word_range(WITH_HARAKAT, "الرَّئِيسُ")


def test_a_document_chosen_while_a_matchs_document_is_read_is_left_unselected(scene: WindowScene) -> None:
    """The match is not selected in a document chosen after it: the last choice wins."""
    window = scene.window
    search_all_documents(scene, "الرئيس")
    scene.qtbot.keyClick(window.search_panel.field, Qt.Key.Key_F3)  # the match in "harakat"
    choose_in_list(scene, "third")
    scene.wait_until_shown("third")
    scene.qtbot.wait(100)
    assert window.current_document_id == scene.document_id("third")
    assert scene.view.current_selection(exact=True) is None


def test_a_window_closed_before_the_read_arrives_shows_nothing(scene: WindowScene) -> None:
    shown = opened(scene)
    reads: list[object] = []
    window = scene.window
    window.reader.read.connect(reads.append)
    choose_in_list(scene, "third")
    window.close()
    scene.qtbot.waitUntil(lambda: bool(reads))  # it arrived
    assert shown == []
    assert window.current_document_id == scene.document_id("mixed")


def test_a_read_carries_the_set_to_the_relations_and_events(scene: WindowScene) -> None:
    """The relations and events of the chosen document come from the set read with it on the
    worker thread, not from a second read on the GUI thread."""
    window = scene.window
    third = scene.document_id("third")
    [span] = scene.project.add_spans(third, ANNOTATOR, [(15, 20)], "GPE")
    assert isinstance(span, Span)
    read_again: list[object] = []
    original = window.project.annotation_set

    def counted(document_id: str, annotator: str) -> AnnotationSet | None:
        read_again.append((document_id, annotator))
        return original(document_id, annotator)

    window.project.annotation_set = counted  # type: ignore[method-assign]
    choose_in_list(scene, "third")
    scene.qtbot.waitUntil(lambda: window.current_document_id == third)
    assert read_again == []
    assert span.id in window.events.document.spans


def test_the_reader_delivers_only_the_latest_request(scene: WindowScene) -> None:
    reader = DocumentReader(scene.project.path, scene.window)
    delivered: list[str] = []
    reader.read.connect(lambda read: delivered.append(read.document_id))
    schema = scene.project.schema
    reading = Reading(ANNOTATOR, schema, label_colours(schema))
    reader.read_later(scene.document_id("harakat"), reading, None)
    reader.read_later(scene.document_id("third"), reading, None)
    scene.qtbot.waitUntil(lambda: bool(delivered))
    scene.qtbot.wait(100)
    QApplication.processEvents()
    assert delivered == [scene.document_id("third")]
