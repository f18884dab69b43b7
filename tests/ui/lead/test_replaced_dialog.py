"""File > Replaced versions…: the project's versions a merge replaced are listed, and one is put
back from the window (read and written on a worker thread)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import present
from tests.store.test_replaced_sets import lead, merged_on_both_sides, same_work  # noqa: F401 (lead: a fixture)
from tests.ui.lead_scene import save_screenshot
from tests.ui.menu_clicks import choose_from_menu
from tests.ui.window_scene import WindowScene, scene  # noqa: F401 (a fixture)
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.i18n import Language, isolated
from workbench.ui.lead.replaced_dialog import ReplacedVersionsDialog

WAIT_MS = 20_000


def shown_dialog(qtbot: QtBot, project: Project) -> ReplacedVersionsDialog:
    dialog = ReplacedVersionsDialog(project)
    qtbot.addWidget(dialog)
    dialog.resize(760, 300)
    dialog.show()
    with qtbot.waitSignal(dialog.refresh().succeeded, timeout=WAIT_MS):
        pass
    return dialog


def row_texts(dialog: ReplacedVersionsDialog, row: int) -> list[str]:
    return [present(dialog.model.item(row, column)).text() for column in range(dialog.model.columnCount())]


def test_a_kept_version_is_listed_and_put_back(qtbot: QtBot, lead: Project, tmp_path: Path) -> None:
    document_id, leads, hers = merged_on_both_sides(lead, tmp_path)
    dialog = shown_dialog(qtbot, lead)
    assert dialog.model.rowCount() == 1
    texts = row_texts(dialog, 0)
    assert texts[:4] == [isolated("d0"), isolated("amal"), "done", "3"]
    assert texts[5] == isolated("amal.tawsim")
    assert not dialog.put_back_button.isEnabled()  # nothing chosen yet
    dialog.table.selectRow(0)
    assert dialog.put_back_button.isEnabled()
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS):
        task = dialog.put_back()
    assert task is not None
    assert same_work(lead.annotation_set(document_id, "amal"), leads)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and row_texts(dialog, 0)[5] == "putting back")
    assert row_texts(dialog, 0)[3] == "1"  # amal's version, put aside in its turn
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS):
        dialog.table.selectRow(0)
        dialog.put_back()
    assert same_work(lead.annotation_set(document_id, "amal"), hers)


@pytest.mark.parametrize("language", list(Language))
def test_the_dialog_in_both_languages(
    qtbot: QtBot, lead: Project, tmp_path: Path, language: Language, qapp: QApplication
) -> None:
    merged_on_both_sides(lead, tmp_path)
    i18n.set_language(language)
    try:
        dialog = shown_dialog(qtbot, lead)
        assert dialog.isRightToLeft() == (language is Language.ARABIC)
        metrics = dialog.table.fontMetrics()
        for column, text in enumerate(row_texts(dialog, 0)[1:], start=1):  # none cut short
            assert dialog.table.columnWidth(column) > metrics.horizontalAdvance(text), text
        save_screenshot(dialog, f"replaced-versions-{language.value}")
    finally:
        i18n.set_language(Language.ENGLISH)


def test_the_file_menu_opens_it_and_a_restore_reloads_the_window(
    scene: WindowScene, monkeypatch: pytest.MonkeyPatch
) -> None:
    reloads: list[bool] = []
    window = scene.window
    monkeypatch.setattr(window, "reload", lambda: reloads.append(True))
    choose_from_menu(scene.qtbot, window, window.menu_actions.menus["file"], window.menu_actions.replaced_versions)
    [dialog] = [d for d in window.findChildren(ReplacedVersionsDialog) if d.isVisible()]
    scene.qtbot.waitUntil(lambda: dialog.versions == [] and dialog.model.rowCount() == 0)
    dialog.restored.emit()
    assert reloads == [True]
    dialog.close()
