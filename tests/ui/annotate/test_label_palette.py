"""The label palette at the dock's default width: the interface language's name first, the other
language's name and the key beside it, no column cut (issue 13, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from tests.ui.window_scene import WindowScene, scene  # noqa: F401
from workbench.ui.annotate.label_palette import LabelPalette, LabelTableModel
from workbench.ui.i18n import Language

SCREENSHOTS = Path("/tmp/fm")


def cut_cells(palette: LabelPalette) -> list[str]:
    """The cells whose text (wrapped at the column's width) needs more room than the cell has,
    and the columns reaching past the viewport's edge."""
    header = palette.horizontalHeader()
    model = palette.model()
    cut = []
    for column in range(model.columnCount()):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if not 0 <= header.sectionViewportPosition(column) < right <= palette.viewport().width():
            cut.append(f"column {column} past the edge: {right} > {palette.viewport().width()}")
        for row in range(model.rowCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            palette.initViewItemOption(option)
            option.rect = palette.visualRect(index)
            needed = palette.itemDelegate().sizeHint(option, index)
            if needed.width() > option.rect.width() or needed.height() > option.rect.height():
                cut.append(f"{index.data()!r}: needs {needed.toTuple()}, has {option.rect.size().toTuple()}")
    return cut


@pytest.mark.parametrize("language", list(Language))
def test_every_column_shows_whole_at_the_default_width(scene: WindowScene, language: Language) -> None:
    window = scene.window
    window.set_language(language)
    QApplication.processEvents()
    palette = window.label_palette
    model = palette.label_model
    person = next(row for row in range(model.rowCount()) if model.label_at(row).id == "PER")
    first, other = ("شخص", "Person") if language is Language.ARABIC else ("Person", "شخص")
    assert model.index(person, LabelTableModel.NAME).data() == first
    assert model.index(person, LabelTableModel.OTHER_NAME).data() == other
    assert model.index(person, LabelTableModel.KEY).data() == "1"
    assert cut_cells(palette) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    assert window.docks["labels"].grab().save(str(SCREENSHOTS / f"palette-{language}.png"))


def test_clicking_the_other_language_column_labels_too(scene: WindowScene) -> None:
    scene.window.set_language(Language.ARABIC)
    palette = scene.window.label_palette
    view = scene.view
    start = view.text.index("منظمة")
    view.select_range(start, start + len("منظمة"))
    row = next(r for r in range(palette.label_model.rowCount()) if palette.label_model.label_at(r).id == "ORG")
    rect = palette.visualRect(palette.label_model.index(row, LabelTableModel.OTHER_NAME))
    scene.qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [(s.label, s.text) for s in scene.stored_spans()] == [("ORG", "منظمة")]
