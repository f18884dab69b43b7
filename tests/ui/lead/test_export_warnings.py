"""The export dialog reports what the command line reports (issue 12, point 10): documents
without gold are named as left out, in the interface language, and the dialog stays open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    lead_project,
    lead_project_file,
    save_screenshot,
)
from workbench.app.adjudication import accept_agreed
from workbench.cli import main
from workbench.ui.i18n import Language, isolated, set_language
from workbench.ui.lead.export_dialog import ExportDialog

WAIT_MS = 20_000


def export_with_the_mouse(qtbot: QtBot, lead_project: LeadProject, out: Path) -> ExportDialog:
    dialog = ExportDialog(lead_project.project)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("conll"))
    dialog.set_output(out)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog


def test_documents_without_gold_are_reported_as_the_command_line_does(
    qtbot: QtBot, lead_project: LeadProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_language(Language.ENGLISH)  # as the app does: English has the plural forms
    accept_agreed(lead_project.project, lead_project.document_ids[0])
    dialog = export_with_the_mouse(qtbot, lead_project, tmp_path / "gold.conll")
    assert dialog.isVisible()
    shown = dialog.hint_label.text()
    assert main(["export", str(lead_project.project.path), str(tmp_path / "cli.conll"), "--format", "conll"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("exported 1 document (")  # the one with gold: 4 are left out
    assert err == "warning: 4 documents without an annotation set, left out\n"
    assert shown.startswith(f"Exported 1 document to {isolated(str(tmp_path / 'gold.conll'))}.")  # kept LTR in Arabic
    assert "4 documents without an annotation set, left out" in shown


def test_the_warnings_are_in_arabic(qtbot: QtBot, lead_project: LeadProject, tmp_path: Path) -> None:
    set_language(Language.ARABIC)
    try:
        dialog = export_with_the_mouse(qtbot, lead_project, tmp_path / "gold.conll")
        shown = dialog.hint_label.text()
        assert "left out" not in shown and "Exported" not in shown
        assert "5" in shown
        save_screenshot(dialog, "export-warnings-ar")
    finally:
        set_language(Language.ENGLISH)
    dialog = export_with_the_mouse(qtbot, lead_project, tmp_path / "again.conll")
    save_screenshot(dialog, "export-warnings-en")
