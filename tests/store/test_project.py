from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.errors import ProjectError, SchemaError, WorkbenchError
from workbench.core.model import (
    GOLD,
    SUGGESTIONS,
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    Status,
    make_document,
)
from workbench.core.recommenders import Recommendation
from workbench.core.schema import builtin_schema
from workbench.store import inspection, migrations
from workbench.store.inspection import SPANS_BY_LABEL, project_problems, project_stats
from workbench.store.project import Project
from workbench.store.recommending import store_suggestions

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل 🇮🇶 يوم 3 مارس."


def annotated(text: str = TEXT, annotator: str = "amal") -> AnnotatedDocument:
    document = make_document("doc", text)
    person = Span("s1", 4, 8, "PER", text[4:8])
    org = Span("s2", 12, 22, "ORG", text[12:22])
    return AnnotatedDocument(document, (AnnotationSet(annotator, (person, org)),))


def test_a_new_project_is_a_wal_file_with_the_current_format(project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.format_version()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID


def test_a_project_closed_twice_is_closed_once(project_path: Path) -> None:
    """The program closes a window's project after the window; a second close (its opener's
    ``with``) does nothing, and the file is whole (its WAL folded in) after the first."""
    project = Project.open(project_path)
    project.close()
    project.close()
    assert project.closed and not project_path.with_name(project_path.name + "-wal").exists()


def test_create_refuses_to_overwrite(project_path: Path) -> None:
    with pytest.raises(ProjectError, match="exists already"):
        Project.create(project_path, builtin_schema("generic"))


def test_the_schema_is_stored_in_the_project(project: Project) -> None:
    assert project.schema == builtin_schema("generic")


def test_documents_and_sets_round_trip(project: Project) -> None:
    item = annotated()
    summary = project.add_documents([item])
    assert (summary.documents_added, summary.spans) == (1, 2)
    [listed] = project.documents()
    assert listed.name == "doc" and listed.length == len(TEXT)
    assert project.document(listed.id).text == TEXT
    loaded = project.annotation_set(listed.id, "amal")
    assert loaded is not None and loaded.status is Status.DONE
    assert [(s.start, s.end, s.label, s.text) for s in loaded.spans] == [
        (4, 8, "PER", "محمد"), (12, 22, "ORG", "تنظيم داعش"),
    ]


def test_the_same_text_is_not_added_twice_and_its_spans_merge(project: Project) -> None:
    project.add_documents([annotated()])
    other = annotated(annotator="badr")
    summary = project.add_documents([other, annotated()])
    assert (summary.documents_added, summary.documents_matched) == (0, 2)
    assert summary.duplicate_spans == 2  # amal's spans again
    assert len(project.documents()) == 1
    assert project.annotators() == ["amal", "badr"]


def test_an_import_is_all_or_nothing(project: Project) -> None:
    good = annotated()
    bad_text = "نص آخر"
    bad = AnnotatedDocument(
        make_document("bad", bad_text), (AnnotationSet("amal", (Span("x", 0, 2, "NOPE", "نص"),)),)
    )
    with pytest.raises(SchemaError, match="NOPE"):
        project.add_documents([good, bad])
    assert project.documents() == []
    assert project.annotators() == []


def test_a_span_whose_text_does_not_match_is_refused(project: Project) -> None:
    document = make_document("d", TEXT)
    stale = Span("s", 0, 3, "PER", "xyz")
    with pytest.raises(WorkbenchError, match="'xyz'"):
        project.add_documents([AnnotatedDocument(document, (AnnotationSet("amal", (stale,)),))])


def test_edits_bump_the_revision_and_start_the_work(project: Project) -> None:
    project.add_documents([AnnotatedDocument(make_document("d", TEXT))])
    [doc] = project.documents()
    span = project.add_span(doc.id, "amal", 4, 8, "PER")
    assert span.text == "محمد" and span.attributes == {}
    first = project.annotation_set(doc.id, "amal")
    assert first is not None and first.status is Status.IN_PROGRESS and first.revision == 1
    project.update_span(span.id, label="ORG", note="check")
    project.set_status(doc.id, "amal", Status.DONE)
    final = project.annotation_set(doc.id, "amal")
    assert final is not None and final.revision == 3 and final.status is Status.DONE
    assert [(s.label, s.note) for s in final.spans] == [("ORG", "check")]


def test_one_annotator_cannot_repeat_a_range_and_label(project: Project) -> None:
    project.add_documents([AnnotatedDocument(make_document("d", TEXT))])
    [doc] = project.documents()
    project.add_span(doc.id, "amal", 4, 8, "PER")
    with pytest.raises(WorkbenchError, match="same range and label"):
        project.add_span(doc.id, "amal", 4, 8, "PER")
    project.add_span(doc.id, "badr", 4, 8, "PER")  # another annotator may


def test_spans_outside_the_text_or_with_unknown_labels_are_refused(project: Project) -> None:
    project.add_documents([AnnotatedDocument(make_document("d", TEXT))])
    [doc] = project.documents()
    with pytest.raises(WorkbenchError, match="outside the document"):
        project.add_span(doc.id, "amal", 40, 400, "PER")
    with pytest.raises(SchemaError, match="GPE"):
        project.add_span(doc.id, "amal", 0, 3, "GPE")


def test_deleting_a_trigger_removes_its_event_and_arguments(tmp_path: Path) -> None:
    schema = builtin_schema("conflict-news")
    text = "هاجم مسلحون قرية"
    trigger = Span("t", 0, 4, "Conflict.Attack", "هاجم")
    attacker = Span("a", 5, 11, "PER", "مسلحون")
    event = Event("e", "Conflict.Attack", "t", (Argument("Attacker", span_id="a"),))
    item = AnnotatedDocument(make_document("d", text), (AnnotationSet("amal", (trigger, attacker), (event,)),))
    path = tmp_path / "e.tawsim"
    with Project.create(path, schema) as project:
        project.add_documents([item])
        [doc] = project.documents()
        loaded = project.annotation_set(doc.id, "amal")
        assert loaded is not None and loaded.events == (event,)
        project.delete_span("a")
        after_argument = project.annotation_set(doc.id, "amal")
        assert after_argument is not None and after_argument.events[0].arguments == ()
        project.delete_span("t")
        after_trigger = project.annotation_set(doc.id, "amal")
        assert after_trigger is not None and after_trigger.events == ()


def test_stats_count_the_spans_by_label_down_the_index_without_sorting(project: Project) -> None:
    """Grouping two million spans by label sorted them all: 0.6 s of ``stats`` at 100,000
    documents (issue 16)."""
    plan = [row[-1] for row in project.conn.execute("EXPLAIN QUERY PLAN " + SPANS_BY_LABEL)]
    assert plan == ["SCAN spans USING COVERING INDEX spans_label"]


def test_stats_count_everyones_spans_but_the_suggestions(project: Project) -> None:
    """The per-label counts (all spans, less the suggestions') and the totals are the plain
    counts of the spans that are somebody's work; a label only suggested is not listed."""
    project.add_documents([annotated(), annotated(TEXT + " 2", "badr"), annotated(TEXT + " 3", GOLD)])
    [first, *_] = project.documents()
    store_suggestions(project, first.id, [
        Recommendation(4, 8, "PER", 0.9, "strings"), Recommendation(0, 3, "LOC", 0.5, "crf"),
        Recommendation(9, 11, "LOC", 0.5, "crf"),
    ])
    not_suggested = f"FROM spans WHERE set_id NOT IN (SELECT id FROM annotation_sets WHERE annotator = '{SUGGESTIONS}')"
    stats = project_stats(project)
    assert stats["spans_by_label"] == dict(
        project.conn.execute(f"SELECT label, count(*) {not_suggested} GROUP BY label ORDER BY label")
    ) == {"ORG": 3, "PER": 3}
    assert stats["spans"] == project.conn.execute(f"SELECT count(*) {not_suggested}").fetchone()[0] == 6
    assert stats["suggestions"] == 3


def test_stats_and_a_clean_check(project: Project) -> None:
    project.add_documents([annotated()])
    stats = project_stats(project)
    assert (stats["documents"], stats["annotators"], stats["spans"], stats["events"]) == (1, ["amal"], 2, 0)
    assert project_problems(project) == []


def test_check_finds_a_span_whose_text_drifted(project: Project) -> None:
    project.add_documents([annotated()])
    project.conn.execute("UPDATE spans SET start = start + 1 WHERE label = 'PER'")
    [problem] = project_problems(project)
    assert "span s1" in problem and "'محمد'" in problem


def test_check_reads_the_documents_a_page_at_a_time_and_misses_none(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inspection, "PAGE", 2)
    project.add_documents(
        [annotated(f"{TEXT} {n}") for n in range(4)] + [annotated(TEXT + " الأخير")]
    )
    project.conn.execute(
        "UPDATE spans SET start = start + 1 WHERE label = 'PER' AND set_id IN "
        "(SELECT a.id FROM annotation_sets a JOIN documents d ON a.document_id = d.id "
        "WHERE d.text LIKE '%الأخير' OR d.text LIKE '% 1')"
    )
    problems = project_problems(project)
    assert len(problems) == 2 and all("span" in problem for problem in problems)


def test_read_only_projects_refuse_writes(project_path: Path) -> None:
    with Project.open(project_path, readonly=True) as project, pytest.raises(ProjectError, match="read-only"):
        project.add_documents([annotated()])


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {migrations.format_version() + 1}")
    conn.close()
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(project_path)
    assert project_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_files_that_are_not_projects_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.tawsim"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not a Tawsim project"):
        Project.open(path)


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(ProjectError, match="another SQLite database"):
        Project.open(path)


def test_older_files_are_backed_up_then_migrated(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.open(project_path) as project:
        project.add_documents([annotated()])

    def add_flag(db) -> None:  # type: ignore[no-untyped-def]
        db["documents"].add_column("flag", int)

    current = migrations.format_version()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_flag])
    with Project.open(project_path) as project:
        assert "flag" in project.db["documents"].columns_dict
        assert migrations.file_version(project.conn) == current + 1
    backup = migrations.backup_path(project_path, current)
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 2
    assert "flag" not in [r[1] for r in conn.execute("PRAGMA table_info(documents)")]


def test_an_older_file_opened_read_only_is_read_whole_and_left_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only (read-only media, ``stats``, an export from a locked folder), an older file is
    read through a migrated copy in memory: every reader finds the newer tables (relations,
    document labels, guidelines), none fails with "no such table", and the file keeps its bytes."""
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        with Project.create(path, builtin_schema("generic")) as project:
            project.add_documents([annotated()])
    before = path.read_bytes()
    with Project.open(path, readonly=True) as project:
        [document] = project.documents()
        annotated_document = project.annotated_document(document.id)
        assert [len(s.spans) for s in annotated_document.sets] == [2]
        assert annotated_document.sets[0].relations == ()
        stats = project_stats(project)
        assert (stats["spans"], stats["relations"], stats["guidelines"]["version"]) == (2, 0, None)
        with pytest.raises(ProjectError, match="read-only"):
            project.add_span(document.id, "amal", 0, 3, "PER")
    assert path.read_bytes() == before
    assert not migrations.backup_path(path, 1).exists()


def test_a_format_1_file_gains_the_rejected_suggestions_table_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        with Project.create(path, builtin_schema("generic")) as project:
            project.add_documents([annotated()])
            assert migrations.file_version(project.conn) == 1
    with Project.open(path) as project:
        assert migrations.file_version(project.conn) == migrations.format_version()
        [document] = project.documents()
        project.reject_suggestion(document.id, "amal", 4, 8, "PER")
        project.reject_suggestion(document.id, "amal", 4, 8, "PER")  # twice is once
        assert project.rejected_suggestions(document.id, "amal") == {(4, 8, "PER")}
        assert project.rejected_suggestions(document.id, "badr") == set()
    backup = sqlite3.connect(migrations.backup_path(path, 1))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM spans").fetchone()[0] == 2
    tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master")}
    assert "rejected_suggestions" not in tables
    backup.close()


def large_older_project(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of the format before this one, of about 100 MB (1,000 documents)."""
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        with Project.create(path, builtin_schema("generic")):
            pass
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO documents (id, name, text, sha256, ord) VALUES (?, ?, ?, ?, ?)",
        [(f"d{n}", f"d{n}", f"{n} " + "نص عربي طويل " * 4000, f"{n:064x}", n) for n in range(1000)],
    )
    conn.commit()
    conn.close()
    return path


def test_a_backup_killed_half_way_is_not_taken_for_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first opening of an older project backs it up before bringing it forward; killed
    while writing the backup (a large project takes seconds), it left a half-written file under
    the backup's name, which the next opening took for the backup and migrated without one."""
    path = large_older_project(tmp_path / "old.tawsim", monkeypatch)
    backup = migrations.backup_path(path, migrations.format_version() - 1)
    opening = subprocess.Popen(
        [sys.executable, "-c", f"from workbench.store.project import Project; Project.open({str(path)!r})"],
        cwd=REPO_ROOT,
    )
    deadline = time.monotonic() + 60
    while not any(f.stat().st_size > 1_000_000 for f in tmp_path.glob("*backup*")):
        assert opening.poll() is None and time.monotonic() < deadline, "the backup was never begun"
        time.sleep(0.001)
    opening.kill()
    opening.wait()
    assert not backup.exists() or whole_backup(backup)
    with Project.open(path):
        pass
    assert whole_backup(backup)
    assert [f.name for f in tmp_path.iterdir() if "partial" in f.name] == []


def whole_backup(backup: Path) -> bool:
    copy = sqlite3.connect(backup)
    try:
        count = copy.execute("SELECT count(*) FROM documents").fetchone()[0]
        return bool(count == 1000 and copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError:
        return False
    finally:
        copy.close()


def test_the_backup_an_opening_would_write_is_told_from_the_header_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the window asks before it opens a project: which backup the opening writes, if any
    (only an earlier version's project file without one yet); nothing is written beside it."""
    old, current, missing = tmp_path / "old.tawsim", tmp_path / "current.tawsim", tmp_path / "none.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        Project.create(old, builtin_schema("generic")).close()
    Project.create(current, builtin_schema("generic")).close()
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    backup = migrations.backup_path(old, migrations.format_version() - 1)
    assert migrations.backup_before_update(old) == backup
    assert migrations.backup_before_update(current) is None
    assert migrations.backup_before_update(missing) is None
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before
    (tmp_path / "text.tawsim").write_text("not SQLite", encoding="utf-8")
    assert migrations.backup_before_update(tmp_path / "text.tawsim") is None
    backup.write_bytes(b"")
    assert migrations.backup_before_update(old) is None


def test_reading_an_older_project_does_not_hold_it_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that only reads a project of an earlier version (``stats``) reads a copy brought
    forward, never the file itself. The copy was in memory: a 100 MB project cost 150 MB of
    memory, a project of 100,000 documents (about 1 GB) more than a gigabyte. It is a temporary
    file now, beyond SQLite's page cache."""
    path = large_older_project(tmp_path / "old.tawsim", monkeypatch)
    measure = (
        "import resource, subprocess, sys; "
        f"subprocess.run([sys.executable, '-m', 'workbench', 'stats', {str(path)!r}], check=True, "
        "stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    peak_kb = int(subprocess.run(
        [sys.executable, "-c", measure], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout)
    assert peak_kb < 60_000, f"stats of a 100 MB older project peaked at {peak_kb // 1024} MB"
    assert migrations.file_version(sqlite3.connect(path)) == migrations.format_version() - 1
