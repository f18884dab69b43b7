"""``Project.create`` (and so ``workbench new``) is whole or nothing: a failure leaves no file."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.cli import main
from workbench.core.errors import ProjectError
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.schema import Schema, builtin_schema
from workbench.store import connection
from workbench.store.project import Project

NEW_UNDER_A_FILE_SIZE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from workbench.cli import main
sys.exit(main(["new", sys.argv[2]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("limit", [0, 4096, 60_000, 120_000])
def test_new_on_a_full_disk_leaves_nothing(tmp_path: Path, limit: int) -> None:
    new_fails_leaving_nothing(tmp_path, limit)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_new_on_a_disk_full_one_byte_before_the_end_leaves_nothing(tmp_path: Path) -> None:
    """The last page of the new file is the one that does not fit."""
    whole = tmp_path / "whole.tawsim"
    Project.create(whole, builtin_schema("conflict-news")).close()
    new_fails_leaving_nothing(tmp_path, whole.stat().st_size - 1, keep={whole})


def new_fails_leaving_nothing(folder: Path, limit: int, keep: set[Path] | None = None) -> None:
    """``workbench new`` (the default schema) where no file may grow past ``limit`` bytes fails
    in one line and leaves no file beside those in ``keep``."""
    project = folder / "p.tawsim"
    child = subprocess.run(
        [sys.executable, "-c", NEW_UNDER_A_FILE_SIZE_LIMIT, str(limit), str(project)],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
    )
    assert child.returncode == 1, child.stdout
    assert child.stderr.count("\n") == 1
    assert child.stderr.startswith(f"workbench: error: {project}: cannot create the project")
    assert set(folder.iterdir()) == (keep or set())


def test_a_failure_while_building_leaves_nothing(
    tmp_path: Path, conflict_news: Schema, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(self: Schema) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Schema, "to_json", broken)
    assert main(["new", str(tmp_path / "p.tawsim")]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_create_never_replaces_a_file(tmp_path: Path, conflict_news: Schema) -> None:
    path = tmp_path / "p.tawsim"
    path.write_bytes(b"keep me")
    with pytest.raises(ProjectError, match="exists already"):
        Project.create(path, conflict_news)
    assert path.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.tawsim"]


def test_a_created_project_is_complete_and_in_wal_mode(tmp_path: Path, conflict_news: Schema) -> None:
    path = tmp_path / "p.tawsim"
    with Project.create(path, conflict_news) as project:
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.schema.id == conflict_news.id
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.tawsim"]
    with Project.open(path) as reopened:
        assert reopened.schema == conflict_news


def test_check_reports_a_project_without_a_schema(
    tmp_path: Path, conflict_news: Schema, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.tawsim"
    with Project.create(path, conflict_news) as project:
        project.conn.execute("DELETE FROM label_schemas")
    assert main(["check", str(path)]) == 1
    assert "holds no label schema" in capsys.readouterr().err


def test_a_new_project_has_large_pages_and_an_older_file_keeps_its_own(tmp_path: Path) -> None:
    """16 KiB pages hold a news article with others (``connection.PAGE_SIZE``); a project made
    before, with SQLite's 4 KiB, is read and written as it is, never rebuilt."""
    made = tmp_path / "new.tawsim"
    Project.create(made, builtin_schema("generic")).close()
    assert page_size(made) == connection.PAGE_SIZE == 16 * 1024

    older = tmp_path / "older.tawsim"
    shutil.copy(made, older)
    with closing(sqlite3.connect(older, isolation_level=None)) as copy:  # in 4 KiB pages
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute("PRAGMA page_size = 4096")
        copy.execute("VACUUM")
    assert page_size(older) == 4096
    document = make_document("d", "نص قديم.")
    with Project.open(older) as project:
        project.add_documents([AnnotatedDocument(document)])
        project.add_span(document.id, "amal", 0, 2, "PER")
    assert page_size(older) == 4096
    with Project.open(older, readonly=True) as project:
        stored = project.annotation_set(document.id, "amal")
    assert stored is not None and [s.text for s in stored.spans] == ["نص"]


def page_size(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
