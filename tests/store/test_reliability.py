"""What happens to a project when processes die or write at the same time."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.store.test_locks_and_media import waiting_notice
from workbench.cli import main
from workbench.store import connection
from workbench.store.inspection import project_problems
from workbench.store.project import Project

PARAGRAPH = "هاجم مسلحون قرية قرب الموصل وقال محمد إن الهجوم أسفر عن قتلى. " * 40
BIG = 6000
"""Documents of a big import: about 60 MB, which reach the project file from its 32 MB page cache
(``bulk_import.IMPORT_CACHE_KIB``) some way before the commit (with 4,000, a few tenths of a
second before it)."""


def write_large_jsonl(path: Path, documents: int) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for index in range(documents):
            text = f"{index} {PARAGRAPH}"
            spans = [
                {"start": i, "end": i + 4, "label": "PER", "text": text[i : i + 4], "annotator": "amal"}
                for i in range(len(str(index)) + 6, len(text) - 10, 120)
            ]
            stream.write(json.dumps({"name": f"d{index}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")


def workbench_process(*args: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def size_of(path: Path) -> int:
    """The file's size, 0 when it is not there: the ``-wal`` file comes and goes as the import
    switches journal modes, between any check for it and its ``stat``."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def wait_for_uncommitted_writes(project: Path, process: subprocess.Popen[bytes], size: int) -> None:
    """Wait until the import spills ``size`` bytes of pages, i.e. it is inside its transaction:
    into the project itself in rollback-journal mode (``connection.bulk_writing``), into the
    ``-wal`` file in WAL."""
    written = [project, project.with_name(f"{project.name}-wal")]
    before = project.stat().st_size
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(size_of(path) > before + size for path in written):
            return
        time.sleep(0.005)
    raise AssertionError("the import never reached the middle of its transaction")


def dump(project: Path) -> list[str]:
    conn = sqlite3.connect(project)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_sigkill_in_the_middle_of_an_import_keeps_none_of_it(tmp_path: Path) -> None:
    project = tmp_path / "p.tawsim"
    assert main(["new", str(project), "--schema", "generic"]) == 0
    small = tmp_path / "small.jsonl"
    write_large_jsonl(small, 3)
    assert main(["import", str(project), str(small)]) == 0
    before = dump(project)
    source = tmp_path / "big.jsonl"
    write_large_jsonl(source, BIG)
    process = workbench_process("import", project, source)
    wait_for_uncommitted_writes(project, process, 4 * 1024 * 1024)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert project.with_name("p.tawsim-journal").exists()  # it ran in rollback-journal mode

    assert main(["check", str(project)]) == 0
    with Project.open(project) as opened:
        assert project_problems(opened) == []
        assert len(opened.documents()) == 3
        assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert opened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert dump(project) == before
    assert main(["import", str(project), str(source)]) == 0
    with Project.open(project, readonly=True) as opened:
        assert len(opened.documents()) == BIG  # the first three were there


@pytest.mark.parametrize("wait_ms", [1, 10_000])
@pytest.mark.parametrize("command", ["stats", "import"])
def test_a_command_during_an_import_finds_the_project_whole_or_locked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str,
    wait_ms: int,
) -> None:
    """The import holds the project in rollback-journal mode: another program reads it as it
    was or, once the import's pages reach the file, waits for the commit; past the wait it is
    told the project is locked, in one line. Never a part of the import, never a crash."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", wait_ms)
    project = tmp_path / "p.tawsim"
    assert main(["new", str(project), "--schema", "generic"]) == 0
    source = tmp_path / "big.jsonl"
    write_large_jsonl(source, BIG)
    text = tmp_path / "more.txt"
    text.write_text("نص آخر.", encoding="utf-8")
    process = workbench_process("import", project, source)
    wait_for_uncommitted_writes(project, process, 1024 * 1024)
    capsys.readouterr()
    argv: list[str | Path] = ["stats", "--json", project] if command == "stats" else ["import", project, text]
    code, out, err = run_cli(capsys, *argv)
    assert process.wait() == 0
    lines = err.splitlines()
    if lines[:1] == [waiting_notice(project, wait_ms)]:  # it met the import's lock as it opened
        lines = lines[1:]
    if code:
        [line] = lines
        assert str(project) in line and "locked by another program" in line
    else:
        assert lines == []
        if command == "stats":
            assert json.loads(out)["documents"] in (0, BIG)
    with Project.open(project, readonly=True) as opened:
        assert len(opened.documents()) == BIG + (command == "import" and code == 0)
        assert project_problems(opened) == []


def test_an_import_that_finishes_is_all_there(tmp_path: Path) -> None:
    project = tmp_path / "p.tawsim"
    assert main(["new", str(project), "--schema", "generic"]) == 0
    source = tmp_path / "small.jsonl"
    write_large_jsonl(source, 50)
    process = workbench_process("import", project, source)
    assert process.wait() == 0
    with Project.open(project) as opened:
        assert len(opened.documents()) == 50
        assert project_problems(opened) == []


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from workbench.store.project import Project
    path, annotator, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    with Project.open(path) as project:
        document = project.documents()[0]
        for index in range(count):
            project.add_span(document.id, annotator, index, index + 1, "PER")
    """
)


def test_two_processes_writing_one_project_both_succeed(tmp_path: Path) -> None:
    project = tmp_path / "p.tawsim"
    assert main(["new", str(project), "--schema", "generic"]) == 0
    text_file = tmp_path / "doc.txt"
    text_file.write_text("ا" * 400, encoding="utf-8")
    assert main(["import", str(project), str(text_file)]) == 0
    count = 150
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(project), name, str(count)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ},
        )
        for name in ("amal", "badr")
    ]
    results = [(w.wait(timeout=120), w.stderr.read().decode() if w.stderr else "") for w in writers]
    assert results == [(0, ""), (0, "")]
    with Project.open(project) as opened:
        per_annotator = dict(
            opened.conn.execute(
                "SELECT a.annotator, count(*) FROM spans s JOIN annotation_sets a ON s.set_id = a.id "
                "GROUP BY a.annotator"
            )
        )
        assert per_annotator == {"amal": count, "badr": count}
        revisions = [r[0] for r in opened.conn.execute("SELECT revision FROM annotation_sets")]
        assert revisions == [count, count]
