"""Assignments, packages and merging from the lead's dialog."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.store.test_locks_and_media import held_by_another_program
from tests.ui.lead_scene import (  # noqa: F401 (fixtures)
    LeadProject,
    lead_project,
    lead_project_file,
    phrase_range,
    wait_on_worker,
)
from workbench.app import packages
from workbench.app.packages import (
    MergeSummary,
    assigned_documents,
    choose_documents,
    package_annotator,
    write_package,
)
from workbench.app.project import Project
from workbench.core.model import Status
from workbench.core.schema import DEFAULT_SCHEMA, builtin_schema
from workbench.ui import i18n
from workbench.ui.i18n import Language, isolated
from workbench.ui.lead import assignment_dialog
from workbench.ui.lead.assignment_dialog import (
    AssignmentDialog,
    merge_packages_in_background,
    merge_summary_text,
    open_assignment_dialog,
    open_merge_packages,
)

WAIT_MS = 20_000


@pytest.fixture
def dialog(qtbot: QtBot, lead_project: LeadProject) -> AssignmentDialog:
    window = AssignmentDialog(lead_project.project)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def cell(dialog: AssignmentDialog, row: int, annotator: str) -> Any:
    return dialog.model.index(row, dialog.model.annotators.index(annotator))


def test_the_table_shows_who_has_which_document_and_their_status(dialog: AssignmentDialog) -> None:
    model = dialog.model
    assert model.annotators == ["amal", "badr", "carim"]
    assert model.rowCount() == 5
    checked = Qt.CheckState.Checked
    assert model.data(cell(dialog, 0, "amal"), Qt.ItemDataRole.CheckStateRole) == checked
    assert model.data(cell(dialog, 3, "carim"), Qt.ItemDataRole.DisplayRole) == "in progress"
    assert model.data(cell(dialog, 0, "carim"), Qt.ItemDataRole.DisplayRole) == "done"
    assert (
        model.data(cell(dialog, 4, "badr"), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    assert not model.flags(cell(dialog, 0, "amal")) & Qt.ItemFlag.ItemIsUserCheckable


def test_the_rows_show_the_documents_titles_with_their_file_names_as_tooltips(
    dialog: AssignmentDialog, lead_project: LeadProject
) -> None:
    """As the annotator's list names them: the title, the file stem (``000_e8827d64…``) beside."""
    rows = lead_project.project.annotator_progress("amal")
    assert [row.id for row in rows] == lead_project.document_ids
    header = partial(dialog.model.headerData, orientation=Qt.Orientation.Vertical)
    for number, row in enumerate(rows):
        assert row.title and row.title != row.name
        assert header(number) == isolated(row.title)
        assert header(number, role=Qt.ItemDataRole.ToolTipRole) == isolated(row.name)


def test_ticking_a_cell_assigns_the_document(
    dialog: AssignmentDialog, lead_project: LeadProject
) -> None:
    index = cell(dialog, 4, "badr")
    assert dialog.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert lead_project.document_ids[4] in assigned_documents(lead_project.project, "badr")
    assert dialog.model.data(index, Qt.ItemDataRole.DisplayRole) == "new"


def test_a_tick_while_another_program_writes_the_project_is_refused_in_the_status_line(
    dialog: AssignmentDialog, lead_project: LeadProject
) -> None:
    """The window's project waits a moment only for another program's lock (``wait_briefly``);
    the refusal is said in the dialog, not raised out of the model into Qt."""
    project = lead_project.project
    project.wait_briefly()
    index = cell(dialog, 4, "badr")
    with held_by_another_program(project.path, "BEGIN IMMEDIATE"):
        assert not dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "another program is changing the project" in dialog.status_label.text()
    assert lead_project.document_ids[4] not in assigned_documents(project, "badr")
    assert dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_a_new_annotator_gets_a_reproducible_sample(
    qtbot: QtBot, dialog: AssignmentDialog, lead_project: LeadProject
) -> None:
    dialog.add_annotator("dina")
    assert dialog.model.annotators[-1] == "dina" and dialog.annotator_combo.currentText() == "dina"
    with qtbot.waitSignal(dialog.assign_sample("dina", 2, 3).succeeded, timeout=WAIT_MS):
        pass
    expected = choose_documents(lead_project.project, sample=2, seed=3)
    assert assigned_documents(lead_project.project, "dina") == expected
    assert "2" in dialog.status_label.text()
    dialog.add_annotator("gold")
    assert "gold" not in dialog.model.annotators and "adjudicated" in dialog.status_label.text()


def test_a_sample_is_drawn_off_the_gui_thread(
    qtbot: QtBot, dialog: AssignmentDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []

    def recorded(project: Project, **options: Any) -> list[str]:
        threads.append(threading.current_thread())
        return choose_documents(project, **options)

    monkeypatch.setattr(assignment_dialog, "choose_documents", recorded)
    with qtbot.waitSignal(dialog.assign_sample("amal", 2, 3).succeeded, timeout=WAIT_MS):
        pass
    assert threads and threads[0] is not threading.main_thread()


def test_a_sample_larger_than_the_project_is_refused_in_the_status_line(
    qtbot: QtBot, dialog: AssignmentDialog, lead_project: LeadProject
) -> None:
    with qtbot.waitSignal(dialog.assign_sample("amal", 99, 1).failed, timeout=WAIT_MS):
        pass
    assert "cannot sample 99" in dialog.status_label.text()
    assert dialog.task is not None and dialog.task.error_box is not None
    dialog.task.error_box.close()


def test_a_package_is_written_for_an_annotator(
    qtbot: QtBot, dialog: AssignmentDialog, tmp_path: Path
) -> None:
    out = tmp_path / "amal-package.tawsim"
    with qtbot.waitSignal(dialog.write_package_to("amal", out).succeeded, timeout=WAIT_MS):
        pass
    with Project.open(out, readonly=True) as package:
        assert package_annotator(package) == "amal" and len(package.documents()) == 5
    assert isolated(str(out)) in dialog.status_label.text()  # its slashes kept in Arabic


@pytest.fixture
def amal_package(lead_project: LeadProject, tmp_path: Path) -> Path:
    """amal's package, with one more span in it than the lead's project has."""
    path = tmp_path / "amal-package.tawsim"
    write_package(lead_project.project, "amal", path)
    with Project.open(path) as package:
        start, end = phrase_range(lead_project.text(0), "إدلب")
        package.add_span(lead_project.document_ids[0], "amal", start, end, "LOC")
        package.set_status(lead_project.document_ids[0], "amal", Status.DONE)
    return path


def amal_labels(lead_project: LeadProject) -> list[str]:
    annotation_set = lead_project.project.annotation_set(lead_project.document_ids[0], "amal")
    assert annotation_set is not None
    return sorted(span.label for span in annotation_set.spans)


def test_a_package_is_never_written_over_the_projects_files(
    qtbot: QtBot, dialog: AssignmentDialog, lead_project: LeadProject
) -> None:
    journal = lead_project.project.path.with_name(lead_project.project.path.name + "-journal")
    task = dialog.write_package_to("amal", journal)
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    [message] = blocker.args
    assert message == f"{isolated(str(journal))} is one of the project's own files; choose another path."
    assert not journal.exists()
    assert task.error_box is not None
    task.error_box.close()


def test_a_merge_brings_the_package_in_and_shows_the_summary(
    qtbot: QtBot, parent: QWidget, lead_project: LeadProject, amal_package: Path
) -> None:
    task = merge_packages_in_background(parent, lead_project.project, [amal_package])
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as blocker:
        pass
    summary: MergeSummary = blocker.args[0]
    assert (summary.replaced, summary.unchanged) == (1, 4)
    assert "LOC" in amal_labels(lead_project)
    [box] = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert box.text() == merge_summary_text(summary) and str(amal_package) in box.text()
    box.close()


@pytest.mark.parametrize(
    ("language", "ending"),
    [
        (
            Language.ENGLISH,
            "the package's replaced them: d0, d1\nThe project's versions are kept: File > Replaced versions…",
        ),
        (Language.ARABIC, "مجموعات الحزمة: d0, d1\nنسخ المشروع محفوظة: ملف > النسخ المستبدَلة…"),
    ],
)
def test_the_summary_names_the_documents_changed_on_both_sides_and_where_their_versions_are(
    qtbot: QtBot, language: Language, ending: str
) -> None:
    summary = MergeSummary(2, 0, ["amal.tawsim"], ["d0", "d1"])
    i18n.set_language(language)
    try:
        text = merge_summary_text(summary)
    finally:
        i18n.set_language(Language.ENGLISH)
    assert text.endswith(ending) and text.count("\n\n") == 1
    assert "\n\n" not in merge_summary_text(MergeSummary(2, 0, ["amal.tawsim"]))


def test_a_package_of_another_project_is_refused_with_the_message(
    qtbot: QtBot, parent: QWidget, lead_project: LeadProject, tmp_path: Path
) -> None:
    stranger = tmp_path / "stranger.tawsim"
    Project.create(stranger, builtin_schema(DEFAULT_SCHEMA)).close()
    before = amal_labels(lead_project)
    task = merge_packages_in_background(parent, lead_project.project, [stranger])
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    [message] = blocker.args
    assert str(stranger) in message and "another project" in message
    assert task.error_box is not None and task.error_box.text() == message
    assert amal_labels(lead_project) == before
    task.error_box.close()


def test_a_cancelled_merge_leaves_the_project_unchanged(
    qtbot: QtBot,
    parent: QWidget,
    lead_project: LeadProject,
    amal_package: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cancel_pressed = threading.Event()
    real_validate = packages.validate_package

    def validate_until_cancelled(project: Project, path: Path) -> None:
        wait_on_worker(cancel_pressed.is_set)
        real_validate(project, path)

    monkeypatch.setattr(packages, "validate_package", validate_until_cancelled)
    before = amal_labels(lead_project)
    task = merge_packages_in_background(parent, lead_project.project, [amal_package, amal_package])
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        task.dialog.cancel_button.click()
        cancel_pressed.set()
    assert amal_labels(lead_project) == before
    assert "LOC" not in before


def test_the_entry_points_choose_files_and_run(
    qtbot: QtBot,
    parent: QWidget,
    lead_project: LeadProject,
    amal_package: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(amal_package)], ""))
    task = open_merge_packages(parent, lead_project.project)
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS):
        pass
    assert "LOC" in amal_labels(lead_project)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([], ""))
    assert open_merge_packages(parent, lead_project.project) is None
    dialog = open_assignment_dialog(parent, lead_project.project)
    assert dialog.isVisible()
    out = tmp_path / "badr.tawsim"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    dialog.annotator_combo.setCurrentText("badr")
    dialog.package_button.click()
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.succeeded, timeout=WAIT_MS):
        pass
    assert out.is_file()
