"""Projects on read-only media and projects another program holds (issue 10, point 5).

Commands that only read work on read-only media; a project another program holds gets one line
saying so after one wait of the busy timeout, never two. A project another program keeps from
being read (an import in rollback-journal mode) is said to be waited for when the wait begins.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tests.store.package_files import annotated_package, lead_project
from tests.store.test_bulk_writing import killed_mid_change
from workbench.core.errors import ProjectError, ProjectLocked
from workbench.core.model import Status
from workbench.core.schema import builtin_schema
from workbench.store import connection
from workbench.store.project import Project

ReadOnlyCopy = Callable[..., Path]

SHORT_WAIT_MS = 2_000


@pytest.fixture
def read_only_copy(tmp_path: Path) -> Iterator[ReadOnlyCopy]:
    """Copies files into a folder on read-only media and returns the folder. Root ignores
    permissions, so as root the folder is a tmpfs mounted read-only; otherwise the folder and
    files lose their write permission, which stops SQLite the same way."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if sys.platform == "win32":
        pytest.skip("Windows has no read-only folders to test with")
    if as_root and subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)]).returncode:
        pytest.skip("running as root, which permissions do not stop, and mount is not allowed")

    def copy(*paths: Path) -> Path:
        for path in paths:
            shutil.copy(path, folder / path.name)
        if as_root:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for path in [*folder.iterdir(), folder]:
                path.chmod(0o555)
        return folder

    yield copy
    if as_root:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o755)


@pytest.fixture
def lead_path(tmp_path: Path) -> Path:
    """A closed lead project (its WAL folded in) where amal and badr both finished a document."""
    with lead_project(tmp_path) as lead:
        first = lead.documents()[0].id
        for annotator in ("amal", "badr"):
            lead.add_span(first, annotator, 4, 8, "PER")
            lead.set_status(first, annotator, Status.DONE)
        path = lead.path
    return path


@pytest.mark.parametrize(
    "command",
    [("stats",), ("check",), ("agreement", "--json"), ("export", "{out}", "--format", "jsonl")],
)
def test_reading_commands_work_on_read_only_media(
    capsys: pytest.CaptureFixture[str], lead_path: Path, read_only_copy: ReadOnlyCopy,
    tmp_path: Path, command: tuple[str, ...],
) -> None:
    project = read_only_copy(lead_path) / lead_path.name
    argv = [part.format(out=tmp_path / "out.jsonl") for part in command]
    code, out, err = run(capsys, argv[0], project, *argv[1:])
    assert (code, err) == (0, "")
    assert out


def test_a_package_on_read_only_media_merges(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, read_only_copy: ReadOnlyCopy
) -> None:
    with lead_project(tmp_path) as lead:
        package = annotated_package(lead, "amal", tmp_path)
    code, out, err = run(capsys, "merge", tmp_path / "lead.tawsim", read_only_copy(package) / package.name)
    assert (code, err) == (0, "")
    assert "1 annotation sets taken" in out


def test_changing_a_project_on_read_only_media_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], lead_path: Path, read_only_copy: ReadOnlyCopy, tmp_path: Path
) -> None:
    project = read_only_copy(lead_path) / lead_path.name
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    code, _, err = run(capsys, "import", project, text)
    assert code == 1
    [line] = err.splitlines()
    assert str(project) in line and "read-only media" in line


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
for statement in sys.argv[2:]:
    conn.execute(statement)
print("holding", flush=True)
sys.stdin.read()
"""


@contextmanager
def held_by_another_program(path: Path, *statements: str) -> Iterator[subprocess.Popen[str]]:
    """Another process runs ``statements`` on the project and keeps it until the block ends, or
    until its standard input is closed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), *statements],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        yield holder
    finally:
        assert holder.stdin is not None
        if not holder.stdin.closed:
            holder.stdin.close()
        holder.wait(timeout=30)


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", SHORT_WAIT_MS)


EXCLUSIVE = ("PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE", "COMMIT")


@pytest.mark.usefixtures("short_wait")
@pytest.mark.parametrize(
    "command", [("stats",), ("check",), ("export", "{out}", "--format", "jsonl"), ("import", "{text}")]
)
def test_a_project_held_in_exclusive_locking_mode_is_called_locked(
    capsys: pytest.CaptureFixture[str], lead_path: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    argv = [part.format(out=tmp_path / "out.jsonl", text=text) for part in command]
    with held_by_another_program(lead_path, *EXCLUSIVE):
        code, _, err = run(capsys, argv[0], lead_path, *argv[1:])
    assert code == 1
    [notice, line] = err.splitlines()
    assert notice == waiting_notice(lead_path, SHORT_WAIT_MS)
    assert str(lead_path) in line and "locked by another program" in line
    assert "not a Tawsim project" not in line


@pytest.mark.usefixtures("short_wait")
def test_a_project_held_by_an_import_in_rollback_mode_is_called_locked(
    capsys: pytest.CaptureFixture[str], lead_path: Path, tmp_path: Path
) -> None:
    """An import alone on the project writes in rollback-journal mode (``connection.bulk_writing``):
    putting the project back in WAL, as every connection that writes does first, waits for it."""
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    with held_by_another_program(lead_path, "PRAGMA journal_mode = DELETE", "BEGIN IMMEDIATE"):
        code, _, err = run(capsys, "import", lead_path, text)
    assert code == 1
    [notice, line] = err.splitlines()
    assert notice == waiting_notice(lead_path, SHORT_WAIT_MS)
    assert str(lead_path) in line and "locked by another program" in line


def waiting_notice(path: Path, wait_ms: int) -> str:
    return (
        f"workbench: {path}: another program is changing the project (an import, say); "
        f"waiting up to {wait_ms // 1000} s for it to finish"
    )


@pytest.mark.parametrize("command", ["stats", "import"])
def test_a_command_says_it_waits_for_an_import_and_goes_on_when_the_import_ends(
    capsys: pytest.CaptureFixture[str], lead_path: Path, tmp_path: Path, command: str
) -> None:
    """An import in rollback-journal mode keeps the project from being read until it commits:
    the command said nothing for up to 30 s, which looked like a hang. It says it waits, then
    does its work once the import lets go."""
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    argv: list[str | Path] = ["stats", lead_path] if command == "stats" else ["import", lead_path, text]
    with held_by_another_program(lead_path, "PRAGMA journal_mode = DELETE", "BEGIN EXCLUSIVE") as holder:
        assert holder.stdin is not None
        threading.Timer(0.5, holder.stdin.close).start()  # the import commits half a second on
        start = time.monotonic()
        code, out, err = run(capsys, *argv)
        waited = time.monotonic() - start
    assert (code, err.splitlines()) == (0, [waiting_notice(lead_path, connection.BUSY_TIMEOUT_MS)])
    assert 0.4 < waited < connection.BUSY_TIMEOUT_MS / 1000
    assert ("documents" in out) if command == "stats" else ("imported 1 new document," in out)


def test_a_command_says_nothing_of_waiting_when_it_need_not(
    capsys: pytest.CaptureFixture[str], lead_path: Path
) -> None:
    code, out, err = run(capsys, "stats", lead_path)
    assert (code, err) == (0, "")
    assert "documents" in out


@pytest.mark.usefixtures("short_wait")
def test_a_write_lock_makes_import_wait_once(
    capsys: pytest.CaptureFixture[str], lead_path: Path, tmp_path: Path
) -> None:
    """Not a performance figure: two waits (the write, then the checkpoint when the project
    closes) took twice the documented time, which one wait cannot."""
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    with held_by_another_program(lead_path, "BEGIN IMMEDIATE"):
        start = time.monotonic()
        code, _, err = run(capsys, "import", lead_path, text)
        waited = time.monotonic() - start
    assert code == 1
    [notice, line] = err.splitlines()
    assert notice == waiting_notice(lead_path, SHORT_WAIT_MS)
    assert str(lead_path) in line and f"waited {SHORT_WAIT_MS // 1000} s" in line
    assert SHORT_WAIT_MS / 1000 <= waited < 2 * SHORT_WAIT_MS / 1000


@pytest.mark.parametrize("command", ["import", "assign"])
def test_a_command_says_it_waits_for_another_programs_write_and_goes_on_when_it_ends(
    capsys: pytest.CaptureFixture[str], lead_path: Path, tmp_path: Path, command: str
) -> None:
    """In WAL mode another program's write (an import beside an open window runs so) does not
    keep a command from opening the project, but its first write waited for it without a word,
    up to 30 s, then failed as locked. It says so before it waits, and goes on once the other
    program has finished."""
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    argv: list[str | Path] = (
        ["import", lead_path, text] if command == "import" else ["assign", lead_path, "--annotator", "dalia", "--all"]
    )
    with held_by_another_program(lead_path, "BEGIN IMMEDIATE") as holder:
        assert holder.stdin is not None
        threading.Timer(0.5, holder.stdin.close).start()
        code, _, err = run(capsys, *argv)
    assert (code, err.splitlines()) == (0, [waiting_notice(lead_path, connection.BUSY_TIMEOUT_MS)])
    with Project.open(lead_path, readonly=True) as project:
        assert ("نص آخر." in (d.text for d in project.iter_documents())) if command == "import" else (
            "dalia" in project.annotators()
        )


@pytest.mark.usefixtures("short_wait")
def test_a_package_is_not_written_while_another_program_holds_the_project(
    capsys: pytest.CaptureFixture[str], lead_path: Path, tmp_path: Path
) -> None:
    """Writing a package keeps the revisions it carries in the lead's project; when another
    program holds the project's write lock past the wait, the command fails in one line and no
    package is left behind (one was written first, then the command failed)."""
    assert run(capsys, "package", lead_path, "--annotator", "badr", "-o", tmp_path / "badr.tawsim")[0] == 0
    out = tmp_path / "amal.tawsim"
    with held_by_another_program(lead_path, "BEGIN IMMEDIATE"):
        code, _, err = run(capsys, "package", lead_path, "--annotator", "amal", "-o", out)
    assert code == 1
    [notice, line] = err.splitlines()
    assert notice == waiting_notice(lead_path, SHORT_WAIT_MS)
    assert str(lead_path) in line and "locked by another program" in line
    assert not out.exists() and list(tmp_path.glob(".amal.tawsim*")) == []


def test_a_stopped_change_on_read_only_media_is_refused_not_read_half_done(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, read_only_copy: ReadOnlyCopy
) -> None:
    """An immutable reader would take the project's half-written pages as they are."""
    path = tmp_path / "p.tawsim"
    Project.create(path, builtin_schema("generic")).close()
    killed_mid_change(path)
    folder = read_only_copy(path, path.with_name("p.tawsim-journal"))
    code, _, err = run(capsys, "stats", folder / path.name)
    assert code == 1
    [line] = err.splitlines()
    assert "stopped half-way" in line and "p.tawsim-journal" in line
    with pytest.raises(ProjectError, match="stopped half-way"):
        Project.open(folder / path.name, readonly=True)


@pytest.mark.usefixtures("short_wait")
def test_a_project_opened_without_waiting_is_refused_at_once_while_another_program_changes_it(
    lead_path: Path,
) -> None:
    """The window opens projects on its own thread (``ProjectWindows.open``): a command-line
    import holding the project in rollback mode must not freeze it for the busy timeout."""
    with held_by_another_program(lead_path, "PRAGMA journal_mode = DELETE", "BEGIN EXCLUSIVE"):
        with pytest.raises(ProjectLocked, match="another program is changing the project") as refused:
            Project.open(lead_path, wait=False)
        assert str(lead_path) in str(refused.value)
        with pytest.raises(ProjectLocked, match="locked by another program"):
            Project.open(lead_path)  # a command waits its time (here the short one) first
    with Project.open(lead_path, wait=False) as project:  # then it opens, and waits as any other
        timeout = project.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        assert timeout == connection.BUSY_TIMEOUT_MS
