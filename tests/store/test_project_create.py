"""``Project.create`` (and so ``workbench new``) is whole or nothing: a failure leaves no file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.cli import main
from workbench.core.errors import ProjectError
from workbench.core.schema import Schema
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
    project = tmp_path / "p.tawsim"
    child = subprocess.run(
        [sys.executable, "-c", NEW_UNDER_A_FILE_SIZE_LIMIT, str(limit), str(project)],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
    )
    assert child.returncode == 1, child.stdout
    assert child.stderr.count("\n") == 1
    assert child.stderr.startswith(f"workbench: error: {project}: cannot create the project")
    assert list(tmp_path.iterdir()) == []


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
