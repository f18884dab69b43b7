"""File > Export: the form builds the export, which runs in the background, whole or not at all."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.app.test_render_ahead import StartedRenderer
from tests.store.test_token_cache import CountedTokenizer, cached_rows, tokenizer  # noqa: F401 (fixture)
from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    lead_project,
    lead_project_file,
    wait_on_worker,
)
from workbench.app import render_ahead
from workbench.app.exporting import export_project
from workbench.core.model import GOLD
from workbench.formats import EXPORTERS
from workbench.formats.base import EXPORT_MARK
from workbench.formats.splits import EmptySplit
from workbench.ui import i18n
from workbench.ui.background import CancelCheck
from workbench.ui.error_words import empty_split_words
from workbench.ui.i18n import isolated
from workbench.ui.lead import export_dialog
from workbench.ui.lead.export_dialog import ExportDialog, open_export_dialog

WAIT_MS = 20_000


@pytest.fixture
def dialog(qtbot: QtBot, lead_project: LeadProject) -> ExportDialog:
    form = ExportDialog(lead_project.project)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    return form


def written_beside_the_project(folder: Path) -> list[str]:
    """Every name in ``folder`` (hidden ones too) but the project's files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("lead.tawsim"))


def choose(dialog: ExportDialog, format_name: str, source: str) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(format_name))
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(source))


def test_the_form_offers_every_exporter_and_every_source(dialog: ExportDialog) -> None:
    formats = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    sources = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
    assert formats == list(EXPORTERS)
    assert sources == [GOLD, "amal", "badr", "carim", "all"]


def test_an_export_runs_with_progress_and_writes_the_file(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    choose(dialog, "jsonl", "amal")
    out = tmp_path / "amal.jsonl"
    dialog.set_output(out)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as blocker:
        task = dialog.start_export()
        assert task is not None
    assert blocker.args == [str(out), 5]
    assert (task.dialog.value(), task.dialog.maximum()) == (5, 5)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and {s["annotator"] for r in records for s in r["spans"]} == {"amal"}
    assert written_beside_the_project(tmp_path) == ["amal.jsonl"]


def test_the_tokens_an_export_cuts_are_kept_in_the_project(
    qtbot: QtBot, dialog: ExportDialog, lead_project: LeadProject, tmp_path: Path
) -> None:
    """The export ran on a read-only connection: every export from the window cut every text
    again (the command line's kept them)."""
    choose(dialog, "conll", "all")
    dialog.set_output(tmp_path / "all.conll")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.start_export()
    texts = {lead_project.project.document(d).sha256 for d in lead_project.document_ids}
    assert set(cached_rows(lead_project.project.path)) == texts


def test_the_options_reach_the_exporter_and_a_split_makes_a_folder(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    choose(dialog, "conll", "badr")
    dialog.tag_scheme_combo.setCurrentIndex(dialog.tag_scheme_combo.findData("bioes"))
    dialog.nested_combo.setCurrentIndex(dialog.nested_combo.findData("outermost"))
    dialog.clitics_check.setChecked(True)
    dialog.split_check.setChecked(True)
    for spin, value in zip(dialog.split_spins, (60, 20, 20), strict=True):
        spin.setValue(value)
    dialog.seed_spin.setValue(7)
    out = tmp_path / "badr-conll"
    dialog.set_output(out)
    request = dialog.request()
    assert request.folder and request.source == "badr"
    options = request.options
    assert (options.tag_scheme, options.nested, options.split_clitics) == (
        "bioes",
        "outermost",
        True,
    )
    assert (options.split, options.seed) == ((60, 20, 20), 7)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.start_export()
    splits = {"train.conll", "validation.conll", "test.conll"}
    assert EXPORT_MARK in {p.name for p in out.iterdir()} <= {*splits, EXPORT_MARK}
    written = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.conll"))
    assert "S-GPE" in written and "E-PER" in written


def test_a_split_by_sentence_is_offered_where_the_format_splits_so(
    qtbot: QtBot, dialog: ExportDialog, lead_project: LeadProject, tmp_path: Path
) -> None:
    """CoNLL and hf split the sentences of a corpus of few documents, as ``--split-by
    sentence`` does; the form offered only the split by document."""
    choose(dialog, "hf", "amal")
    assert not dialog.split_by_combo.isEnabled()  # no split asked for
    dialog.split_check.setChecked(True)
    assert dialog.split_by_combo.isEnabled()
    choose(dialog, "jsonl", "amal")
    assert not dialog.split_by_combo.isEnabled() and dialog.request().options.split_by == "document"
    choose(dialog, "hf", "amal")
    dialog.split_by_combo.setCurrentIndex(dialog.split_by_combo.findData("sentence"))
    for spin, value in zip(dialog.split_spins, (60, 20, 20), strict=True):
        spin.setValue(value)
    out = tmp_path / "amal-hf"
    dialog.set_output(out)
    options = dialog.request().options
    assert (options.split, options.split_by) == ((60, 20, 20), "sentence")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.start_export()
    export_project(lead_project.project, tmp_path / "command", format_name="hf", source="amal", options=options)
    for name in ("train.jsonl", "validation.jsonl", "test.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "command" / name).read_bytes()


def test_options_a_format_does_not_read_are_disabled(dialog: ExportDialog) -> None:
    choose(dialog, "jsonl", GOLD)
    assert not dialog.tag_scheme_combo.isEnabled() and not dialog.nested_combo.isEnabled()
    assert dialog.split_check.isEnabled()
    choose(dialog, "hf", GOLD)
    assert dialog.tag_scheme_combo.isEnabled() and not dialog.nested_combo.isEnabled()
    assert dialog.request().folder


def test_a_form_that_cannot_be_exported_says_why(dialog: ExportDialog, tmp_path: Path) -> None:
    choose(dialog, "jsonl", GOLD)
    dialog.set_output(tmp_path)
    assert not dialog.export_button.isEnabled() and "folder" in dialog.hint_label.text()
    assert dialog.start_export() is None
    choose(dialog, "conll", GOLD)
    dialog.split_check.setChecked(True)
    dialog.split_spins[0].setValue(50)
    assert "100" in dialog.hint_label.text() and not dialog.export_button.isEnabled()


def test_a_conll_export_has_the_batches_after_its_first_rendered_in_a_second_process(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    monkeypatch.setattr(render_ahead, "BATCH", 2)
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    StartedRenderer.started.clear()
    choose(dialog, "conll", "amal")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.set_output(tmp_path / "amal.conll")
        assert dialog.start_export() is not None
    [renderer] = StartedRenderer.started
    assert renderer.received >= 1
    assert 2 <= len(tokenizer.texts) < 5  # the first batch, and those rendered here: 5 documents
    assert not multiprocessing.active_children()


@pytest.mark.parametrize(
    ("format_name", "name"), [("jsonl", "out.jsonl"), ("brat", "brat-out"), ("conll", "out.conll")]
)
def test_a_cancelled_export_leaves_no_output(
    qtbot: QtBot,
    dialog: ExportDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    format_name: str,
    name: str,
) -> None:
    real_export = export_project

    def export_until_cancelled(
        *args: Any, progress: Any, cancelled: CancelCheck, **kwargs: Any
    ) -> int:
        def report_then_wait(done: int, total: int) -> None:
            progress(done, total)
            wait_on_worker(cancelled)

        return real_export(*args, progress=report_then_wait, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(export_dialog, "export_project", export_until_cancelled)
    monkeypatch.setattr(render_ahead, "BATCH", 2)  # CoNLL's second batch rendered in a second process
    choose(dialog, format_name, "all")
    dialog.set_output(tmp_path / name)
    task = dialog.start_export()
    assert task is not None
    qtbot.waitUntil(lambda: task.dialog.value() >= 1, timeout=WAIT_MS)
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        task.dialog.cancel_button.click()
    assert written_beside_the_project(tmp_path) == []
    assert "cancelled" in dialog.hint_label.text() and dialog.isVisible()
    assert not multiprocessing.active_children()


def test_the_chooser_asks_for_a_file_or_a_folder_by_format(
    qtbot: QtBot, lead_project: LeadProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "chosen.jsonl"), "")
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    parent = QWidget()
    qtbot.addWidget(parent)
    exported: list[tuple[str, int]] = []
    dialog = open_export_dialog(parent, lead_project.project, lambda *args: exported.append(args))
    assert dialog.isVisible() and dialog.isModal()
    choose(dialog, "jsonl", "carim")
    dialog.browse_button.click()
    assert dialog.path_edit.text() == str(tmp_path / "chosen.jsonl")
    choose(dialog, "brat", "carim")
    dialog.browse_button.click()
    assert dialog.path_edit.text() == str(tmp_path)
    choose(dialog, "jsonl", "carim")
    dialog.set_output(tmp_path / "chosen.jsonl")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.export_button.click()
    assert exported == [(str(tmp_path / "chosen.jsonl"), 5)] and not dialog.isVisible()


def test_a_split_refused_for_too_few_documents_is_said_in_the_forms_words(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    """The refusal was the command line's: "--split 98/1/1 cannot give every split a
    document ...; split the sentences instead with --split-by sentence"."""
    choose(dialog, "conll", "badr")
    dialog.split_check.setChecked(True)
    for spin, value in zip(dialog.split_spins, (98, 1, 1), strict=True):
        spin.setValue(value)
    dialog.set_output(tmp_path / "split")
    task = dialog.start_export()
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [
        "Too few documents to give every part of the split one; left empty: validation, test. "
        "Split by sentences, or change the percentages."
    ]
    assert not (tmp_path / "split").exists()
    assert task.error_box is not None
    task.error_box.close()


def test_every_split_refused_for_too_few_is_said_in_the_forms_words_in_both_languages() -> None:
    documents = EmptySplit(3, (80, 10, 10), "document", ["validation", "test"])
    sentences = EmptySplit(2, (60, 20, 20), "sentence", ["test"])
    nothing = EmptySplit(0, (80, 10, 10), "document", ["train", "validation", "test"])
    assert empty_split_words(sentences) == (
        "Too few sentences to give every part of the split one; left empty: test. "
        "Change the percentages."
    )
    assert empty_split_words(nothing) == (
        "There is nothing to split: no document has annotations of the chosen source."
    )
    i18n.set_language(i18n.Language.ARABIC)
    try:
        assert empty_split_words(documents) == (
            "الوثائق أقل من أن يصيب كلَّ جزء من التقسيم واحدةٌ منها؛ يبقى فارغًا: التحقق، "
            "الاختبار. قسِّم حسب الجمل، أو غيِّر النسب."
        )
        assert empty_split_words(sentences) == (
            "الجمل أقل من أن يصيب كلَّ جزء من التقسيم واحدةٌ منها؛ يبقى فارغًا: الاختبار. غيِّر النسب."
        )
        assert empty_split_words(nothing) == "لا شيء للتقسيم: ليس في أي وثيقة توسيمات من المصدر المختار."
    finally:
        i18n.set_language(i18n.Language.ENGLISH)
    assert "--split-by sentence" in str(documents)  # the command line's words stay its own


def test_an_export_onto_the_project_is_refused_and_the_project_kept(
    qtbot: QtBot, dialog: ExportDialog, lead_project: LeadProject
) -> None:
    project_file = lead_project.project.path
    documents = len(lead_project.project.documents())
    choose(dialog, "jsonl", GOLD)
    dialog.set_output(project_file)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.failed, timeout=WAIT_MS) as blocker:
        pass
    [message] = blocker.args
    assert message == f"{isolated(str(project_file))} is the project itself; choose another path."
    assert project_file.read_bytes().startswith(b"SQLite format 3\x00")
    assert len(lead_project.project.documents()) == documents
    assert dialog.task.error_box is not None
    dialog.task.error_box.close()


def test_a_second_split_export_replaces_the_first_folder_whole(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    """80/10/10 then 100/0/0 into one folder: no validation or test file of the first stays."""
    choose(dialog, "conll", "amal")
    dialog.split_check.setChecked(True)
    out = tmp_path / "amal-conll"
    dialog.set_output(out)
    for split in ((60, 20, 20), (100, 0, 0)):
        for spin, value in zip(dialog.split_spins, split, strict=True):
            spin.setValue(value)
        with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
            QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in out.iterdir()) == [EXPORT_MARK, "train.conll"]
    assert written_beside_the_project(tmp_path) == ["amal-conll"]
