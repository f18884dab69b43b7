"""The document list's row of the shown document after an edit: a change to spans alone on a
document begun is counted (``document_model.row_after``), not read from the project file again;
other changes are read. Either way the row is what the project file holds, shown in its place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.window_scene import ANNOTATOR, WindowScene, scene  # noqa: F401
from workbench.app import document_list
from workbench.app.changes import Change
from workbench.app.project import DocumentProgress, Project
from workbench.core.model import Span, Status
from workbench.ui.annotate import document_model, main_window
from workbench.ui.annotate.document_model import row_after

Key = Qt.Key
BEGUN = DocumentProgress("d", "name", Status.IN_PROGRESS, 5, "title")
SPAN = Span("s", 0, 3, "PER", "قال")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose rows the window reads from the project file from now on."""
    documents: list[str] = []
    load_row = document_model.load_row

    def counted(project: Project, annotator: str, document_id: str) -> DocumentProgress:
        documents.append(document_id)
        return load_row(project, annotator, document_id)

    monkeypatch.setattr(main_window, "load_row", counted)
    return documents


def shown_row(scene: WindowScene) -> DocumentProgress:
    document_id = scene.window.current_document_id
    assert document_id is not None
    return scene.window.documents.document(document_id)


def stored_row(scene: WindowScene) -> DocumentProgress:
    document_id = scene.window.current_document_id
    assert document_id is not None
    [row] = scene.project.annotator_progress(ANNOTATOR, document_id)
    return row


def test_span_edits_on_a_begun_document_are_counted_not_read(scene: WindowScene, reads: list[str]) -> None:
    scene.label_word("إدلب", Key.Key_3)
    assert reads == [scene.window.current_document_id]  # the first span begins the document
    assert shown_row(scene) == stored_row(scene)
    reads.clear()
    scene.label_word("داعش", Key.Key_2)
    scene.window.undo_stack.undo()
    scene.window.undo_stack.redo()
    scene.press(Key.Key_Delete)  # the selected span, داعش
    assert reads == []
    assert shown_row(scene) == stored_row(scene)
    assert shown_row(scene).spans == 1 and shown_row(scene).status is Status.IN_PROGRESS


def test_other_changes_are_read(scene: WindowScene, reads: list[str]) -> None:
    scene.label_word("إدلب", Key.Key_3)
    reads.clear()
    scene.window.toggle_done()
    assert reads == [scene.window.current_document_id]
    assert shown_row(scene) == stored_row(scene)
    assert shown_row(scene).status is Status.DONE


@pytest.mark.parametrize(
    ("change", "spans"),
    [
        (Change("d", added=(SPAN, SPAN)), 7),
        (Change("d", removed=("a", "b", "c")), 2),
        (Change("d", updated=(SPAN,)), 5),
    ],
)
def test_a_change_of_spans_alone_moves_the_count(change: Change, spans: int) -> None:
    assert row_after(BEGUN, change) == BEGUN._replace(spans=spans)


@pytest.mark.parametrize(
    ("row", "change"),
    [
        (BEGUN._replace(status=Status.NEW), Change("d", added=(SPAN,))),  # the status changes too
        (BEGUN, Change("d")),  # a rename: the title changes
        (BEGUN, Change("d", added=(SPAN,), events=("e",))),  # a trigger, which an event may take
        (BEGUN, Change("d", status=Status.DONE)),
        (BEGUN, Change("d", removed=("a",), relations=("r",))),
        (BEGUN, Change("d", document_labels=("topic",))),
    ],
)
def test_other_changes_are_not_counted(row: DocumentProgress, change: Change) -> None:
    assert row_after(row, change) is None


@pytest.mark.parametrize("sorted_by_spans", [False, True])
def test_a_row_on_a_kept_page_is_replaced_where_it_shows_without_asking_its_place(
    scene: WindowScene, monkeypatch: pytest.MonkeyPatch, sorted_by_spans: bool
) -> None:
    """Its place in the project's order was read from the project file at each edit: a read of
    the document's row past its text, a millisecond for a long one."""
    model = scene.window.documents
    if sorted_by_spans:
        model.sort(model.SPANS, Qt.SortOrder.DescendingOrder)
    shown = [model.row_at(row).id for row in range(model.rowCount())]  # the pages kept
    document_id = scene.document_id("harakat")
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))

    def no_place(*_arguments: object) -> int:
        raise AssertionError("the place was asked for")

    monkeypatch.setattr(document_list, "document_position", no_place)
    model.replace_row(model.document(document_id)._replace(spans=42))
    assert changed == [shown.index(document_id)]
    if not sorted_by_spans:  # sorted, the rows are read again in their new order
        assert model.row_at(shown.index(document_id)).spans == 42
