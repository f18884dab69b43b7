"""A merge takes only what a package is for: its annotator's sets, read and checked as an import
reads a file, all packages of one merge or none (issue 10, point 3)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.store.package_files import (
    SPAN_COLUMNS,
    annotated_package,
    edit,
    lead_project,
    rebuild_spans,
    rows_digest,
)
from workbench.cli import main
from workbench.core.errors import ProjectError
from workbench.core.model import GOLD
from workbench.store import package_reading
from workbench.store.package_reading import PackageFile, refusals
from workbench.store.packages import merge_packages, validate_package, write_package
from workbench.store.project import Project

SPANS_DECLARED = (
    'id TEXT PRIMARY KEY, set_id TEXT NOT NULL REFERENCES annotation_sets (id) ON DELETE CASCADE, '
    'start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, '
    "attributes TEXT NOT NULL DEFAULT '{}', note TEXT NOT NULL DEFAULT ''"
)


@pytest.fixture
def lead(tmp_path: Path) -> Iterator[Project]:
    with lead_project(tmp_path) as project:
        yield project


@pytest.fixture
def amal(lead: Project, tmp_path: Path) -> Path:
    return annotated_package(lead, "amal", tmp_path)


@pytest.fixture
def badr(lead: Project, tmp_path: Path) -> Path:
    return annotated_package(lead, "badr", tmp_path)


def refused(lead: Project, paths: list[Path], match: str) -> str:
    """Merge ``paths``, which must be refused with one line matching ``match`` and leave the
    project as it was; returns the message."""
    before = rows_digest(lead)
    with pytest.raises(ProjectError, match=match) as refusal:
        merge_packages(lead, paths)
    message = str(refusal.value)
    assert "\n" not in message and "nothing was merged" in message
    assert rows_digest(lead) == before
    return message


def labels_of(lead: Project, annotator: str) -> list[str]:
    annotation_set = lead.annotation_set(lead.documents()[0].id, annotator)
    return [] if annotation_set is None else sorted(s.label for s in annotation_set.spans)


def test_a_genuine_package_brings_its_spans_events_and_arguments(lead: Project, amal: Path) -> None:
    summary = merge_packages(lead, [amal])
    assert (summary.replaced, summary.unchanged) == (1, 2)
    merged = lead.annotation_set(lead.documents()[0].id, "amal")
    assert merged is not None
    assert sorted((s.text, s.label, s.note) for s in merged.spans) == [
        ("الهجوم", "Conflict.Attack", ""), ("محمد", "PER", "a note"),
    ]
    [event] = merged.events
    assert [a.role for a in event.arguments] == ["Attacker"]


def test_a_gold_set_in_an_annotators_package_is_refused(lead: Project, amal: Path) -> None:
    edit(amal, f"""
        INSERT INTO annotators (name, created) VALUES ('{GOLD}', 'now');
        INSERT INTO annotation_sets (id, document_id, annotator, status, revision, updated)
            SELECT 'forged', document_id, '{GOLD}', 'done', 1000000, 'now' FROM annotation_sets LIMIT 1;
        UPDATE spans SET set_id = 'forged';""")
    message = refused(lead, [amal], "'gold'")
    assert "--annotator gold" in message and str(amal) in message
    assert labels_of(lead, GOLD) == ["PER"]


def test_another_annotators_set_in_a_package_is_refused_and_named(lead: Project, amal: Path) -> None:
    edit(amal, "UPDATE annotation_sets SET annotator = 'badr', revision = 99;"
               "INSERT INTO annotators (name, created) VALUES ('badr', 'now');")
    refused(lead, [amal], "'amal'.*'badr'")
    assert labels_of(lead, "badr") == []


def test_a_package_relabelled_as_the_gold_layers_is_refused(lead: Project, amal: Path) -> None:
    """The package's own record of its annotator is the annotator's to edit: renaming it and its
    sets to gold must not make an adjudicator's package of it."""
    edit(amal, f"""
        INSERT INTO annotators (name, created) VALUES ('{GOLD}', 'now');
        UPDATE annotation_sets SET annotator = '{GOLD}', revision = 1000000;
        UPDATE meta SET value = '{GOLD}' WHERE key = 'package_annotator';""")
    refused(lead, [amal], "not written by this project for 'gold'")
    assert labels_of(lead, GOLD) == ["PER"]


def test_a_package_relabelled_as_another_annotators_is_refused(
    lead: Project, amal: Path, badr: Path
) -> None:
    merge_packages(lead, [badr])
    edit(amal, """
        UPDATE annotation_sets SET annotator = 'badr', revision = 1000000;
        UPDATE meta SET value = 'badr' WHERE key = 'package_annotator';""")
    refused(lead, [amal], "not written by this project for 'badr'")
    assert labels_of(lead, "badr") == ["Conflict.Attack", "PER"]


def test_a_package_without_its_seal_is_refused(lead: Project, amal: Path) -> None:
    edit(amal, "DELETE FROM meta WHERE key = 'package_seal';")
    refused(lead, [amal], "not written by this project for 'amal'")


def test_an_adjudicators_gold_package_brings_gold(lead: Project, tmp_path: Path) -> None:
    path = tmp_path / "gold.tawsim"
    write_package(lead, GOLD, path)
    with Project.open(path) as package:
        package.add_span(package.documents()[0].id, GOLD, 12, 18, "Conflict.Attack")
    assert merge_packages(lead, [path]).replaced == 1
    assert labels_of(lead, GOLD) == ["Conflict.Attack", "PER"]


def test_a_span_id_colliding_in_the_second_package_leaves_the_first_unmerged(
    lead: Project, amal: Path, badr: Path
) -> None:
    gold_span = lead.conn.execute("SELECT s.id FROM spans s JOIN annotation_sets a "
                                  "ON s.set_id = a.id WHERE a.annotator = 'gold'").fetchone()[0]
    edit(badr, f"""UPDATE arguments SET span_id = '{gold_span}';
                   UPDATE spans SET id = '{gold_span}' WHERE label = 'PER';""")
    message = refused(lead, [amal, badr], "collide")
    assert str(badr) in message
    assert labels_of(lead, "amal") == []


def test_an_extra_column_in_the_second_package_leaves_the_first_unmerged(
    lead: Project, amal: Path, badr: Path
) -> None:
    edit(badr, "ALTER TABLE spans ADD COLUMN extra TEXT")
    message = refused(lead, [amal, badr], "spans has a column 'extra'")
    assert str(badr) in message and labels_of(lead, "amal") == []


def test_reordered_columns_are_read_by_name(lead: Project, amal: Path) -> None:
    reordered = ("note", "text", "label", "end", "start", "attributes", "set_id", "id")
    declared = ", ".join(
        next(part for part in SPANS_DECLARED.replace(" ON DELETE CASCADE", "").split(", ")
             if part.split()[0].strip('"') == name)
        for name in reordered
    )
    rebuild_spans(amal, declared, column_names=reordered)
    merge_packages(lead, [amal])
    merged = lead.annotation_set(lead.documents()[0].id, "amal")
    assert merged is not None
    person = next(s for s in merged.spans if s.label == "PER")
    assert (person.text, person.note) == ("محمد", "a note")


def test_a_set_for_a_document_the_package_lacks_is_refused(lead: Project, amal: Path) -> None:
    """Its foreign keys dropped, a package could bring a set for a document it does not hold."""
    edit(amal, """PRAGMA foreign_keys = OFF;
        CREATE TABLE loose_sets (id TEXT PRIMARY KEY, document_id TEXT NOT NULL, annotator TEXT NOT NULL,
            status TEXT NOT NULL, revision INTEGER NOT NULL, updated TEXT NOT NULL,
            guidelines_version INTEGER, synced_revision INTEGER, synced_package TEXT);
        INSERT INTO loose_sets SELECT * FROM annotation_sets;
        DROP TABLE annotation_sets;
        ALTER TABLE loose_sets RENAME TO annotation_sets;
        DELETE FROM documents WHERE name = 'd0';""")
    refused(lead, [amal], "does not hold")


def test_a_document_the_lead_lacks_is_refused(lead: Project, amal: Path) -> None:
    edit(amal, "UPDATE documents SET id = 'elsewhere' WHERE name = 'd2'")
    refused(lead, [amal], "'d2'.*not in this project")


def test_an_id_over_two_lines_is_refused_in_one_line(lead: Project, amal: Path) -> None:
    """A package edited by hand may give a document an id holding a line break, which the
    refusal says as the command line does: on one line."""
    edit(amal, "UPDATE documents SET id = 'else' || char(10) || 'where' WHERE name = 'd2'")
    refused(lead, [amal], r"'d2' \(else where\) is not in this project")


def test_a_revision_stored_as_text_is_refused_and_blocks_nothing(
    lead: Project, amal: Path, tmp_path: Path
) -> None:
    genuine = tmp_path / "genuine.tawsim"
    genuine.write_bytes(amal.read_bytes())
    edit(amal, "UPDATE annotation_sets SET revision = 'high'")
    refused(lead, [amal], "text value in the column 'revision'")
    assert merge_packages(lead, [genuine]).replaced == 1


def test_a_negative_revision_is_refused(lead: Project, amal: Path) -> None:
    edit(amal, "UPDATE annotation_sets SET revision = -1")
    refused(lead, [amal], "revision -1")


def test_a_carried_revision_past_the_sets_own_is_refused(lead: Project, amal: Path) -> None:
    """A set is carried at its revision and only grows from there: a copy saying otherwise was
    edited by hand, and would steer which work a merge takes."""
    edit(amal, "UPDATE annotation_sets SET synced_revision = revision + 1")
    refused(lead, [amal], "carried at the revision")


@pytest.mark.parametrize(
    ("script", "match"),
    [
        ("UPDATE spans SET start = 'four' WHERE label = 'PER'", "text value in the column 'start'"),
        ("UPDATE spans SET start = 4.5 WHERE label = 'PER'", "real value in the column 'start'"),
        ('UPDATE spans SET "end" = 9223372036854775807 WHERE label = \'PER\'', "not a range of the text"),
        ("UPDATE spans SET text = 'أحمد' WHERE label = 'PER'", "says 'أحمد'"),
        ("UPDATE spans SET label = 'ALIEN' WHERE label = 'PER'", "'ALIEN'"),
        ("UPDATE events SET type = 'Life.Party'", "'Life.Party'"),
        ("UPDATE arguments SET role = 'Victim'", "no role 'Victim'"),
        ("UPDATE spans SET label = 'DATE' WHERE label = 'PER'", "the role Attacker cannot be filled by DATE"),
        ("UPDATE spans SET attributes = '{\"colour\": \"red\"}' WHERE label = 'PER'", "'colour'"),
        ("UPDATE spans SET attributes = '[1' WHERE label = 'PER'", "not a JSON object"),
        ("UPDATE spans SET attributes = '[1, 2, 3]' WHERE label = 'PER'", "not a JSON object"),
        ("UPDATE annotation_sets SET status = 'finished'", "status 'finished'"),
        ("UPDATE spans SET text = CAST(X'EDA080' AS TEXT) WHERE label = 'PER'", "cannot be read"),
        ("DELETE FROM meta WHERE key = 'package_annotator'", "names no annotator"),
    ],
)
def test_rows_are_checked_as_an_import_checks_them(
    lead: Project, amal: Path, script: str, match: str
) -> None:
    edit(amal, script)
    refused(lead, [amal], match)


def test_an_event_using_a_span_of_another_set_is_refused(lead: Project, amal: Path) -> None:
    """amal's attacker on the first document becomes a span of her set on the second."""
    edit(amal, """INSERT INTO spans (id, set_id, start, "end", label, text)
            SELECT 'elsewhere', a.id, 0, 6, 'PER', 'اعتقلت' FROM annotation_sets a
            JOIN documents d ON a.document_id = d.id WHERE d.name = 'd1';
        UPDATE arguments SET span_id = 'elsewhere';""")
    refused(lead, [amal], "the Attacker argument refers to a missing span or event")


@pytest.mark.parametrize(
    ("script", "match"),
    [
        ("CREATE TRIGGER sneaky AFTER INSERT ON spans BEGIN DELETE FROM documents; END",
         "trigger 'sneaky'"),
        ("CREATE VIRTUAL TABLE notes USING fts5(body)", "virtual table 'notes'"),
        ("CREATE VIEW every_span AS SELECT * FROM spans", "view 'every_span'"),
    ],
)
def test_a_package_holding_code_is_refused(lead: Project, amal: Path, script: str, match: str) -> None:
    edit(amal, script)
    refused(lead, [amal], match)


RECURSIVE_SPANS = """PRAGMA foreign_keys = OFF;
DROP TABLE spans;
CREATE VIEW spans (id, set_id, start, "end", label, text, attributes, note) AS
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
    SELECT 'x' || i, 'y', 0, 1, 'PER', 'ق', '{}', '' FROM n;"""


def test_a_recursive_view_as_spans_is_refused_within_seconds(
    lead: Project, amal: Path, tmp_path: Path
) -> None:
    """Today's merge of it never ends: run it as a command, stopped after two minutes."""
    edit(amal, RECURSIVE_SPANS)
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "merge", str(tmp_path / "lead.tawsim"), str(amal)],
        cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "view 'spans'" in line and str(amal) in line


def test_reading_a_package_is_bounded_in_time(
    lead: Project, amal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a package makes SQLite do, the progress handler ends it past the limit."""
    monkeypatch.setattr(package_reading, "TIME_LIMIT_S", 0.2)
    monkeypatch.setattr(package_reading, "SECONDS_PER_MB", 0.0)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    with (
        pytest.raises(ProjectError, match="took too long"),
        refusals(amal),
        PackageFile.open(amal, lead) as package,
    ):
        package.conn.execute(endless).fetchone()


def test_a_damaged_package_is_refused_in_one_line(
    lead: Project, amal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's integrity report runs over several lines; the refusal is one."""
    edit(amal, "PRAGMA writable_schema = ON; UPDATE sqlite_master SET rootpage = "
               "(SELECT rootpage FROM sqlite_master WHERE name = 'documents') WHERE name = 'events_set'")
    refused(lead, [amal], "damaged")
    assert main(["merge", str(lead.path), str(amal)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert str(amal) in line and "integrity" in line


@pytest.mark.parametrize(
    "broken_sql",
    [
        "'CREATE TABLE events (id TEXT, `oops' || char(10) || 'more)'",
        "'CREATE TABLE events (id TEXT, `oops' || CAST(X'D4FF' AS TEXT) || ')'",
    ],
    ids=["message over two lines", "message not UTF-8"],
)
def test_a_damaged_schema_is_refused_in_one_line(lead: Project, amal: Path, broken_sql: str) -> None:
    """Found by the fuzzing: SQLite's message quotes the damaged schema as it is."""
    edit(amal, f"PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = {broken_sql} "
               "WHERE name = 'events'")
    with pytest.raises(ProjectError, match="not a Tawsim project file") as refusal:
        merge_packages(lead, [amal])
    assert "\n" not in str(refusal.value) and str(amal) in str(refusal.value)


def test_validating_alone_refuses_what_merging_refuses(lead: Project, amal: Path) -> None:
    edit(amal, "UPDATE spans SET label = 'ALIEN' WHERE label = 'PER'")
    with pytest.raises(ProjectError, match="ALIEN"):
        validate_package(lead, amal)


def test_the_span_columns_helper_matches_the_project(lead: Project) -> None:
    """The attack scripts above rebuild spans with the columns the project declares."""
    assert tuple(r[1] for r in lead.conn.execute("PRAGMA table_info(spans)")) == SPAN_COLUMNS
