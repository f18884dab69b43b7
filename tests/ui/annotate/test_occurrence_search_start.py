"""A word labelled offers its other occurrences, found on a worker thread that starts once the
new span is painted (``LabellingController._offer_suggestions_later``): started at the key, it
held the GIL while the GUI thread painted, and a label's frame waited for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.window_scene import THIRD, WindowScene, nth_index, scene  # noqa: F401 (the fixture)
from workbench.core.suggestions import Suggestion
from workbench.ui.background import QuietTask

BEIRUT = "بيروت"


def test_the_search_for_other_occurrences_starts_after_the_new_span_is_painted(scene: WindowScene) -> None:
    scene.open("third")
    window = scene.window
    painted: list[bool] = []
    start = nth_index(THIRD, BEIRUT, 0)
    scene.view.select_range(start, start + len(BEIRUT))
    QApplication.processEvents()
    scene.qtbot.waitUntil(lambda: not QuietTask.any_running())  # the opening's reads, if any
    scene.press(Qt.Key.Key_3)  # GPE
    assert window.span_model.is_labelled(start, start + len(BEIRUT), "GPE")
    painted.append(QuietTask.any_running())
    QApplication.processEvents()  # the next turn: the new span's paint
    painted.append(QuietTask.any_running())
    assert painted == [False, False]
    others = {Suggestion(nth_index(THIRD, BEIRUT, n), nth_index(THIRD, BEIRUT, n) + len(BEIRUT), "GPE") for n in (1, 2)}
    document_id = window.current_document_id or ""
    scene.qtbot.waitUntil(lambda: others <= set(window.labelling.suggestions[document_id].offered))
