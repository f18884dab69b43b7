"""An import writes its pages once: in rollback-journal mode when its connection has the project to
itself, in WAL otherwise, and the project is in WAL again whenever no import runs
(``connection.bulk_writing``)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from workbench.core.errors import Cancelled, ProjectLocked, SchemaError
from workbench.core.model import AnnotatedDocument, AnnotationSet, ImportedDocument, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store import connection
from workbench.store.project import Project

SCHEMA = builtin_schema("generic")
TEXT = "قال محمد إن الهجوم أسفر عن قتلى"
Modes = list[tuple[str, int]]


def document(number: int, label: str = "PER") -> ImportedDocument:
    text = f"{number} {TEXT}"
    start = len(str(number)) + 5
    span = Span("s", start, start + 4, label, text[start : start + 4])
    return AnnotatedDocument(make_document(f"d{number}", text), (AnnotationSet("amal", (span,)),))


def modes(conn: sqlite3.Connection) -> tuple[str, int]:
    """The connection's journal mode and synchronisation (1 NORMAL, 2 FULL)."""
    return conn.execute("PRAGMA journal_mode").fetchone()[0], conn.execute("PRAGMA synchronous").fetchone()[0]


def watched(project: Project, count: int, seen: Modes) -> Iterator[ImportedDocument]:
    """``count`` documents; the project's modes are noted while the import reads each one."""
    for number in range(count):
        seen.append(modes(project.conn))
        yield document(number)


def on_disk(path: Path) -> str:
    """The journal mode the file itself says, as a new connection finds it."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", SCHEMA) as created:
        yield created


def test_an_import_with_the_project_to_itself_runs_in_rollback_mode_then_wal_again(
    project: Project,
) -> None:
    seen: Modes = []
    summary = project.add_documents(watched(project, 40, seen))
    assert summary.documents_added == 40
    assert set(seen) == {("delete", 2)}  # FULL: NORMAL is not safe through a power cut there
    assert modes(project.conn) == ("wal", 1)
    assert on_disk(project.path) == "wal"
    assert not project.path.with_name("p.tawsim-journal").exists()


def test_an_import_beside_another_connection_runs_in_wal(project: Project) -> None:
    """SQLite leaves WAL only for a connection alone on the file; the other one reads the
    project as it was while the import runs."""
    other = sqlite3.connect(project.path)
    try:
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        seen: Modes = []

        def reading_meanwhile() -> Iterator[ImportedDocument]:
            for imported in watched(project, 20, seen):
                assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
                yield imported

        assert project.add_documents(reading_meanwhile()).documents_added == 20
        assert set(seen) == {("wal", 1)}
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 20
    finally:
        other.close()
    assert modes(project.conn) == ("wal", 1)


def failing_at(project: Project, seen: Modes, error: Exception) -> Iterator[ImportedDocument]:
    yield from watched(project, 5, seen)
    raise error


@pytest.mark.parametrize("error", [Cancelled(), OSError("the disk is full")])
def test_a_stopped_import_leaves_nothing_and_wal(project: Project, error: Exception) -> None:
    seen: Modes = []
    with pytest.raises(type(error)):
        project.add_documents(failing_at(project, seen, error))
    assert set(seen) == {("delete", 2)}
    assert (project.document_count(), modes(project.conn), on_disk(project.path)) == (0, ("wal", 1), "wal")


def test_a_refused_import_leaves_nothing_and_wal(project: Project) -> None:
    with pytest.raises(SchemaError):
        project.add_documents([document(1), document(2, label="NOT-A-LABEL")])
    assert (project.document_count(), modes(project.conn), on_disk(project.path)) == (0, ("wal", 1), "wal")
    assert project.add_documents([document(1)]).documents_added == 1


KILLED_MID_CHANGE = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = -64")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE meta SET value = 'changed' WHERE key = 'created'")
    conn.executemany(
        "INSERT INTO documents (id, name, text, sha256, ord) VALUES (?, ?, ?, ?, ?)",
        ((f"d{n}", f"d{n}", "نص " * 500, f"{n:064}", n) for n in range(500)),
    )
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def killed_mid_change(path: Path) -> None:
    """A program killed in the middle of a change in rollback mode: the project holds some of
    the new pages, its ``-journal`` the pages as they were."""
    process = subprocess.run([sys.executable, "-c", KILLED_MID_CHANGE, str(path)])
    assert process.returncode == -signal.SIGKILL
    assert path.with_name(f"{path.name}-journal").stat().st_size > 0


def test_a_reading_command_first_undoes_a_stopped_change(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A read-only connection cannot roll a journal back, and refuses to read the project."""
    path = tmp_path / "p.tawsim"
    Project.create(path, SCHEMA).close()
    with Project.open(path) as opened:
        created = opened.meta("created")
    killed_mid_change(path)
    code, out, err = run(capsys, "stats", "--json", path)
    assert (code, err) == (0, "")
    assert '"documents": 0' in out
    with Project.open(path, readonly=True) as opened:
        assert opened.meta("created") == created
        assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"



READER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM documents").fetchone()
print("reading", flush=True)
sys.stdin.read()
"""


def test_an_import_held_up_at_its_commit_by_a_reader_is_called_locked_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader that came in after the import left WAL and keeps reading past the busy timeout
    keeps the import from writing its commit (in WAL it could not): the import is taken back
    and refused as locked, as when another program holds the write lock."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "p.tawsim"
    Project.create(path, SCHEMA).close()
    reader: list[subprocess.Popen[str]] = []

    def read_meanwhile() -> Iterator[ImportedDocument]:
        yield document(1)
        reader.append(subprocess.Popen(
            [sys.executable, "-c", READER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        ))  # fmt: skip
        assert reader[0].stdout is not None and reader[0].stdout.readline() == "reading\n"
        yield document(2)

    with Project.open(path) as project:
        try:
            with pytest.raises(ProjectLocked, match="locked by another program"):
                project.add_documents(read_meanwhile())
        finally:
            reader[0].communicate("", timeout=30)
        assert project.document_count() == 0
        assert project.add_documents([document(3)]).documents_added == 1
        assert modes(project.conn) == ("wal", 1)
