"""A refused package and a refused assignment in the window's language: a lead working in Arabic
who merged an annotator's package read "…/amal.tawsim: its table spans has no column 'note';
nothing was merged" in the command line's English, and so was "nothing is assigned to 'carim' in
…". Each refusal is a ``Problem`` now, the sentence that names the package too, so that the window
says it all in Arabic, the package's path and the file's own names and ids kept as they are, and
what SQLite and Python say of a damaged file kept in their English, in its own direction; the
command line says what it said."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.store.package_files import edit
from tests.store.test_package_merging import amal, lead  # noqa: F401 (fixtures)
from tests.ui.test_problem_words import begins_with_an_arabic_letter, latin_words
from workbench.app.guidelines import set_guidelines
from workbench.app.packages import choose_documents
from workbench.cli import main
from workbench.core.errors import Problem, WorkbenchError, problem_of
from workbench.core.model import GOLD, SUGGESTIONS
from workbench.core.schema import DEFAULT_SCHEMA, builtin_schema
from workbench.store import package_reading
from workbench.store.package_reading import PackageFile, refusals
from workbench.store.packages import assign, merge_packages, write_package
from workbench.store.project import Project
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated
from workbench.ui.lead.assignment_dialog import AssignmentDialog, merge_packages_in_background

WAIT_MS = 20_000
NOTHING_MERGED = "؛ لم يُدمج شيء"


def merge_refusal(lead: Project, package: Path) -> WorkbenchError:
    with pytest.raises(WorkbenchError) as refusal:
        merge_packages(lead, [package])
    return refusal.value


def refusal(doing: Callable[[], object]) -> WorkbenchError:
    with pytest.raises(WorkbenchError) as refused:
        doing()
    return refused.value


def arabic_words(error: WorkbenchError, *values: str) -> str:
    """The window's words for ``error``, which hold no Latin word but the file's own names and
    values (``values`` among them) and what is kept left to right (paths, ids, SQLite's words)."""
    words = error_words(error)
    assert latin_words(words, *values) == [], words
    return words


def refused_in_arabic(package: Path, problem: str) -> str:
    return f"رُفضت الحزمة {isolated(str(package))}: {problem}{NOTHING_MERGED}"


def first_set_id(package: Path) -> str:
    conn = sqlite3.connect(package)
    try:
        return str(conn.execute("SELECT set_id FROM spans LIMIT 1").fetchone()[0])
    finally:
        conn.close()


# -- the exact Arabic ---------------------------------------------------------------------------


def test_a_package_missing_a_column_is_refused_in_arabic(arabic: None, lead: Project, amal: Path) -> None:
    edit(amal, "ALTER TABLE spans DROP COLUMN note")
    words = arabic_words(merge_refusal(lead, amal))
    problem = f"ليس في جدولها {isolated('spans')} العمود «{isolated('note')}»"
    assert words == refused_in_arabic(amal, problem)


def test_a_negative_revision_is_refused_in_arabic(arabic: None, lead: Project, amal: Path) -> None:
    set_id = first_set_id(amal)
    edit(amal, f"UPDATE annotation_sets SET revision = -1 WHERE id = '{set_id}'")
    words = arabic_words(merge_refusal(lead, amal))
    assert words == refused_in_arabic(amal, f"رقم المراجعة لمجموعة التوسيم {isolated(set_id)} فيها هو -1")


def test_guidelines_the_project_lacks_are_refused_in_arabic(arabic: None, lead: Project, amal: Path) -> None:
    """The guidelines' problem is a problem of its own within the package's refusal."""
    edit(amal, "INSERT INTO guidelines (version, text, sha256, created) VALUES (1, 'أي شيء', 'x', 'now')")
    words = arabic_words(merge_refusal(lead, amal))
    assert words == refused_in_arabic(
        amal,
        "نسخة الإرشادات 1 فيها ليست نسخة هذا المشروع (ليس لهذا المشروع نسخة بهذا الرقم)؛ "
        "ولا تُحدَّد الإرشادات إلا في مشروع قائد الفريق",
    )


def test_a_span_the_lead_refuses_is_said_in_arabic_within_the_packages_refusal(
    arabic: None, lead: Project, amal: Path
) -> None:
    """The import's check of the set (its own ``Problem``) stays one within the refusal."""
    edit(amal, "UPDATE spans SET text = 'أحمد' WHERE label = 'PER'")
    words = arabic_words(merge_refusal(lead, amal))
    assert words.startswith(f"رُفضت الحزمة {isolated(str(amal))}: الوثيقة «{isolated('d0')}»: المقطع ")
    assert words.endswith(
        f"\u2066[4, 8)\u2069 نصه «{isolated('أحمد')}»، لكن النص في ذلك الموضع «{isolated('محمد')}»{NOTHING_MERGED}"
    )


def test_a_package_for_an_annotator_given_nothing_is_refused_in_arabic(
    arabic: None, lead: Project, tmp_path: Path
) -> None:
    words = arabic_words(refusal(lambda: write_package(lead, "carim", tmp_path / "carim.tawsim")))
    assert words == f"لم يُكلَّف المُوسِّم «{isolated('carim')}» بأي وثيقة في {isolated(str(lead.path))}"


def test_assigning_to_the_gold_layer_is_refused_in_arabic(arabic: None, lead: Project) -> None:
    words = arabic_words(refusal(lambda: assign(lead, GOLD, [lead.documents()[0].id])))
    assert words == f"الاسم «{isolated('gold')}» اسم الطبقة المُحكَّمة (المرجع الذهبي)، لا اسم مُوسِّم"


# -- every other refusal, in Arabic words ---------------------------------------------------------

FOREIGN_SETS = """PRAGMA foreign_keys = OFF;
    CREATE TABLE loose_sets (id TEXT PRIMARY KEY, document_id TEXT NOT NULL, annotator TEXT NOT NULL,
        status TEXT NOT NULL, revision INTEGER NOT NULL, updated TEXT NOT NULL,
        guidelines_version INTEGER, synced_revision INTEGER, synced_package TEXT);
    INSERT INTO loose_sets SELECT * FROM annotation_sets;
    DROP TABLE annotation_sets;
    ALTER TABLE loose_sets RENAME TO annotation_sets;"""
"""The package's sets in a table without its foreign keys and uniqueness, as a hand could make it."""

DAMAGED = (
    "PRAGMA writable_schema = ON; UPDATE sqlite_master SET rootpage = "
    "(SELECT rootpage FROM sqlite_master WHERE name = 'documents') WHERE name = 'events_set'"
)

EDITS = {
    "a column this version does not write": "ALTER TABLE spans ADD COLUMN extra TEXT",
    "no table": "PRAGMA foreign_keys = OFF; DROP TABLE document_labels",
    "a view": "CREATE VIEW every_span AS SELECT * FROM spans",
    "a trigger": "CREATE TRIGGER sneaky AFTER INSERT ON spans BEGIN DELETE FROM documents; END",
    "a virtual table": "CREATE VIRTUAL TABLE notes USING fts5(body)",
    "damaged": DAMAGED,
    "another project": "UPDATE meta SET value = 'elsewhere' WHERE key = 'project_id'",
    "a value of another type": "UPDATE annotation_sets SET revision = 'high'",
    "no annotator": "DELETE FROM meta WHERE key = 'package_annotator'",
    "another annotator's sets": "UPDATE annotation_sets SET annotator = 'badr', revision = 99;"
    "INSERT INTO annotators (name, created) VALUES ('badr', 'now')",
    "gold sets": f"INSERT INTO annotators (name, created) VALUES ('{GOLD}', 'now');"
    "INSERT INTO annotation_sets (id, document_id, annotator, status, revision, updated)"
    f" SELECT 'forged', document_id, '{GOLD}', 'done', 1000000, 'now' FROM annotation_sets LIMIT 1",
    "no seal": "DELETE FROM meta WHERE key = 'package_seal'",
    "a document not in the project": "UPDATE documents SET id = 'elsewhere' WHERE name = 'd2'",
    "a document of another text": "UPDATE documents SET sha256 = 'another' WHERE name = 'd2'",
    "a set for a document it lacks": f"{FOREIGN_SETS} DELETE FROM documents WHERE name = 'd0';",
    "two sets for a document": f"{FOREIGN_SETS} INSERT INTO annotation_sets SELECT 'twin', document_id, "
    "annotator, status, revision, updated, guidelines_version, synced_revision, synced_package "
    "FROM annotation_sets LIMIT 1;",
    "a carried revision past its own": "UPDATE annotation_sets SET synced_revision = revision + 1",
    "an unknown status": "UPDATE annotation_sets SET status = 'finished'",
    "a set naming guidelines it lacks": "UPDATE annotation_sets SET guidelines_version = 7",
    "attributes not JSON": "UPDATE spans SET attributes = '[1' WHERE label = 'PER'",
    "a document label not JSON": "INSERT INTO document_labels (set_id, field, value) "
    "SELECT set_id, 'topic', '[1' FROM spans LIMIT 1",
    "text not UTF-8": "UPDATE spans SET text = CAST(X'EDA080' AS TEXT) WHERE label = 'PER'",
}
"""Edits of amal's package, each of which makes a merge refuse it for its own reason."""


@pytest.mark.parametrize("script", EDITS.values(), ids=EDITS.keys())
def test_every_refusal_of_a_package_is_said_in_arabic(arabic: None, lead: Project, amal: Path, script: str) -> None:
    edit(amal, script)
    words = arabic_words(merge_refusal(lead, amal), "d0", "d2")
    assert words.startswith(f"رُفضت الحزمة {isolated(str(amal))}: ") and words.endswith(NOTHING_MERGED)


def test_guidelines_changed_in_a_package_are_refused_in_arabic(
    arabic: None, lead: Project, amal: Path, tmp_path: Path
) -> None:
    guidelines = tmp_path / "guidelines.md"
    guidelines.write_text("# الإرشادات\n", encoding="utf-8")
    set_guidelines(lead, guidelines)
    edit(amal, "INSERT INTO guidelines (version, text, sha256, created) VALUES (1, 'أي شيء', 'x', 'now')")
    words = arabic_words(merge_refusal(lead, amal))
    assert "(لهذا المشروع نص آخر بهذا الرقم)" in words


def test_a_package_whose_annotations_collide_with_the_projects_is_refused_in_arabic(
    arabic: None, lead: Project, amal: Path
) -> None:
    gold_span = lead.conn.execute(
        "SELECT s.id FROM spans s JOIN annotation_sets a ON s.set_id = a.id WHERE a.annotator = 'gold'"
    ).fetchone()[0]
    edit(amal, f"UPDATE arguments SET span_id = '{gold_span}'; UPDATE spans SET id = '{gold_span}' WHERE label = 'PER'")
    words = arabic_words(merge_refusal(lead, amal))
    assert words.startswith(refused_in_arabic(amal, "تتصادم توسيماتها مع توسيمات هذا المشروع")[: -len(NOTHING_MERGED)])


def test_a_package_too_long_to_read_is_refused_in_arabic(
    arabic: None, lead: Project, amal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a package makes SQLite do, the progress handler ends it past the limit."""
    monkeypatch.setattr(package_reading, "TIME_LIMIT_S", 0.2)
    monkeypatch.setattr(package_reading, "SECONDS_PER_MB", 0.0)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    with pytest.raises(WorkbenchError) as refused, refusals(amal), PackageFile.open(amal, lead) as package:
        package.conn.execute(endless).fetchone()
    words = arabic_words(refused.value)
    problem = "استغرقت قراءتها وقتًا أطول مما ينبغي؛ فليست حزمة كتبها هذا البرنامج"
    assert words == refused_in_arabic(amal, problem)


ASSIGNMENTS: dict[str, Callable[[Project, Path], object]] = {
    "the suggestions' layer": lambda lead, _: assign(lead, SUGGESTIONS, [lead.documents()[0].id]),
    "a package file that exists": lambda lead, folder: write_package(lead, "amal", folder / "lead.tawsim"),
    "too large a sample": lambda lead, _: choose_documents(lead, sample=99),
    "no such document": lambda lead, _: choose_documents(lead, ["nope"]),
}


@pytest.mark.parametrize("doing", ASSIGNMENTS.values(), ids=ASSIGNMENTS.keys())
def test_every_refusal_of_an_assignment_is_said_in_arabic(
    arabic: None, lead: Project, tmp_path: Path, doing: Callable[[Project, Path], object]
) -> None:
    assert begins_with_an_arabic_letter(arabic_words(refusal(lambda: doing(lead, tmp_path))))


# -- the window shows them ------------------------------------------------------------------------


def test_the_assignment_dialog_says_a_sample_too_large_in_arabic(arabic: None, qtbot: QtBot, lead: Project) -> None:
    dialog = AssignmentDialog(lead)
    qtbot.addWidget(dialog)
    task = dialog.assign_sample("amal", 99, 1)
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS):
        pass
    assert dialog.status_label.text() == "يتعذّر اختيار عيّنة من 99 وثيقة من وثائق المشروع، وعددها 3"
    assert task.error_box is not None
    task.error_box.close()


def test_the_merge_says_a_package_of_another_project_in_arabic(
    arabic: None, qtbot: QtBot, lead: Project, tmp_path: Path
) -> None:
    stranger = tmp_path / "غريب.tawsim"
    with Project.create(stranger, builtin_schema(DEFAULT_SCHEMA)) as other:
        other_id = other.project_id
    parent = QWidget()
    qtbot.addWidget(parent)
    task = merge_packages_in_background(parent, lead, [stranger])
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    problem = (
        f"هذه الحزمة لمشروع آخر (معرّف مشروعها {isolated(other_id)}، ومعرّف هذا المشروع {isolated(lead.project_id)})"
    )
    assert blocker.args == [refused_in_arabic(stranger, problem)]
    assert task.error_box is not None and task.error_box.text() == blocker.args[0]
    task.error_box.close()


# -- the command line's English, unchanged ---------------------------------------------------------


def test_the_command_line_says_a_refused_package_in_its_english(
    lead: Project, amal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(amal, "ALTER TABLE spans DROP COLUMN note")
    error = merge_refusal(lead, amal)
    english = f"{amal}: its table spans has no column 'note'; nothing was merged"
    assert isinstance(problem_of(error), Problem)  # which the window says in its own words
    assert str(error) == error_words(error) == english
    assert main(["merge", str(lead.path), str(amal)]) == 1
    assert capsys.readouterr().err == f"workbench: error: {english}\n"


def test_the_command_line_says_a_damaged_package_in_one_line_of_its_english(
    lead: Project, amal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's integrity report runs over several lines, and stays SQLite's words."""
    edit(amal, DAMAGED)
    error = merge_refusal(lead, amal)
    refused = problem_of(error)
    assert isinstance(refused, Problem) and isinstance(refused.values["problem"], Problem)
    report = refused.values["problem"].values["report"]
    assert "\n" not in report and report.startswith("*** in database main *** ")
    english = f"{amal}: the file is damaged (SQLite integrity: {report}); nothing was merged"
    assert str(error) == error_words(error) == english
    assert main(["merge", str(lead.path), str(amal)]) == 1
    assert capsys.readouterr().err == f"workbench: error: {english}\n"


def test_the_command_line_says_another_annotators_sets_in_its_english(lead: Project, amal: Path) -> None:
    edit(amal, EDITS["gold sets"])
    error = merge_refusal(lead, amal)
    assert isinstance(problem_of(error), Problem)
    assert str(error) == (
        f"{amal}: it is 'amal''s package but holds annotation sets of 'gold' (the gold layer comes only "
        "in a package written with --annotator gold); a package brings back its own annotator's work only; "
        "nothing was merged"
    )


def test_the_command_line_says_a_refused_assignment_in_its_english(lead: Project, tmp_path: Path) -> None:
    expected = {
        "'gold' is the adjudicated layer, not an annotator": lambda: assign(lead, GOLD, []),
        "'suggestions' is the recommenders' layer, not an annotator": lambda: assign(lead, SUGGESTIONS, []),
        f"nothing is assigned to 'carim' in {lead.path}": lambda: write_package(lead, "carim", tmp_path / "c.tawsim"),
        f"{lead.path}: a file of that name exists already; choose another name": lambda: write_package(
            lead, "amal", lead.path
        ),
        "cannot sample 99 of the project's 3 documents": lambda: choose_documents(lead, sample=99),
        f"{lead.path}: no document named or numbered 'nope'": lambda: choose_documents(lead, ["nope"]),
    }
    for english, doing in expected.items():
        error = refusal(doing)
        assert isinstance(problem_of(error), Problem), english
        assert str(error) == error_words(error) == english
