"""What happens to a project when processes die or write at the same time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from workbench.cli import main
from workbench.store.inspection import project_problems
from workbench.store.project import Project

PARAGRAPH = "هاجم مسلحون قرية قرب الموصل وقال محمد إن الهجوم أسفر عن قتلى. " * 40


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


def wait_for_uncommitted_writes(wal: Path, process: subprocess.Popen[bytes], size: int) -> None:
    """Wait until the import spills pages into the WAL, i.e. it is inside its transaction."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > size:
            return
        time.sleep(0.005)
    raise AssertionError("the import never reached the middle of its transaction")


def test_sigkill_in_the_middle_of_an_import_keeps_none_of_it(tmp_path: Path) -> None:
    project = tmp_path / "p.tawsim"
    assert main(["new", str(project), "--schema", "generic"]) == 0
    source = tmp_path / "big.jsonl"
    write_large_jsonl(source, 4000)
    process = workbench_process("import", project, source)
    wait_for_uncommitted_writes(project.with_name("p.tawsim-wal"), process, 4 * 1024 * 1024)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    assert main(["check", str(project)]) == 0
    with Project.open(project) as opened:
        assert project_problems(opened) == []
        assert opened.documents() == []
        assert opened.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


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
