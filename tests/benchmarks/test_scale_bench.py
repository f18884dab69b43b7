"""The scale table of issue 16: every step a whole process, as users run it, at several sizes.

For 1,000 and 10,000 documents of 3,000 characters with 20 entity spans each (in one JSONL file,
as a lead imports a pre-annotated corpus), each step runs as ``python -m workbench ...`` in its
own process, and the table gives its processor time (user + system, which other programs on a
shared machine do not inflate), its elapsed time (what the user waits; the issue's figures are
elapsed times on 2 cores, and a process that works on two threads at once takes less elapsed
than processor time), the time per document, the peak memory (the process's maximum
resident set) and the ratio to the plain sqlite3 floor of the same size, measured in the same run:
a process that reads the same file with ``json.loads`` and inserts the same rows with
``executemany`` into the same tables. Each export runs twice: the first cuts the texts' tokens and
keeps them in the project (``store.token_cache``), the second reads them back; then two are
split 80/10/10 (``SPLIT_EXPORTS``). Then three
annotators' sets on the first ``AGREEMENT_DOCUMENTS`` documents (all of them up to 10,000, the
issue's scale for agreement) are imported from a second file and their agreement measured.

The 10,000-document table takes about five minutes on a 2-core machine, so 100,000 documents
would take most of an hour and about 2 GB of disk; they are left out unless asked for with
``WORKBENCH_SCALE=1000,10000,100000``. The processes may write their compiled bytecode, as an
installed program has it (a ``PYTHONDONTWRITEBYTECODE`` in the environment would have every
process compile the program's modules again, a third of a second that no user pays).

The system's share of the processor time is printed apart: a disk can make the kernel, not the
program, the cost of an export of many files. Seen here on ext4 without a journal, after many
files were deleted (as pytest deletes the temporary folders of earlier runs): creating each new
file scanned the recently freed inodes (``recently_deleted`` in the kernel), and the brat export
of 10,000 documents (20,000 files) took 5-13 s of system time where it takes 0.3 s (1.0 s elapsed
on a tmpfs, 1.3 s on the same disk before the deletions). ``--basetemp`` on a tmpfs measures the
program's own cost, but also makes SQLite's syncs free.

Run with: uv run pytest tests/benchmarks/test_scale_bench.py -m benchmark -s
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.benchmarks.conftest import article_of
from workbench.core.model import new_id, text_sha256
from workbench.core.tokens import token_ranges
from workbench.store.inspection import project_stats
from workbench.store.project import Project

LENGTH = 3_000
SPANS = 20
LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP")
EXPORTS = ("jsonl", "conll", "hf", "brat", "events")
SPLIT_EXPORTS = (("jsonl", "document"), ("hf", "sentence"))
"""Exports split 80/10/10 (after the others, so with the texts' tokens kept): by document, which
is decided before the documents are read, and by sentence, whose texts wait on the disk until
all sentences are assigned."""
SIZES = tuple(int(n) for n in os.environ.get("WORKBENCH_SCALE", "1000,10000").split(","))


@dataclass(frozen=True)
class Run:
    """What one process cost: processor seconds (the system's share of them too), peak resident
    memory in MB and elapsed (wall-clock) seconds."""

    cpu: float
    peak_mb: float
    wall: float
    system: float


PEAK_REPORTER = """
import atexit, re, runpy, sys
def report():
    status = open("/proc/self/status", encoding="utf-8").read()
    sys.stderr.write("peak-kB " + re.search(r"VmHWM:\\s*(\\d+)", status).group(1) + "\\n")
atexit.register(report)
sys.argv = sys.argv[1:]
if sys.argv[0] == "-m":
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    runpy.run_path(sys.argv[0], run_name="__main__")
"""
"""Runs a program and prints its peak resident memory (VmHWM, which a new program starts
afresh, unlike ``ru_maxrss``, which keeps the forking parent's) as it exits."""


def run_process(arguments: list[str]) -> Run:
    """Run a Python program (``-m module ...`` or ``script ...``) to its end; its processor
    time (``os.wait4``), peak memory and elapsed time (from starting it to its exit)."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", PEAK_REPORTER, *arguments],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment,
    )
    assert process.stderr is not None
    errors = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = re.search(r"peak-kB (\d+)", errors)
    if process.returncode != 0 or peak is None:
        raise AssertionError(f"{arguments} failed: {errors}")
    return Run(usage.ru_utime + usage.ru_stime, int(peak.group(1)) / 1024, wall, usage.ru_stime)


ANNOTATORS = ("amal", "badr", "dana")
AGREEMENT_DOCUMENTS = 10_000


def write_corpus(path: Path, documents: int, annotators: tuple[str, ...] = ("gold",)) -> None:
    """``documents`` JSONL records of ``LENGTH`` characters with ``SPANS`` spans on tokens for
    each of ``annotators``; the n-th annotator moves every fifth span one token on and relabels
    every seventh (with n), so that they agree often but not always."""
    with path.open("w", encoding="utf-8") as stream:
        for number in range(documents):
            text = article_of(LENGTH, number)
            ranges = token_ranges(text)
            step = max(len(ranges) // SPANS, 1)
            spans = [
                {"id": new_id(), "start": start, "end": end,
                 "label": LABELS[(n + who * (n % 7 == 0)) % len(LABELS)],
                 "text": text[start:end], "annotator": annotator}
                for who, annotator in enumerate(annotators)
                for n, (start, end) in enumerate(
                    ranges[index + who * (index % 5 == 0)]
                    for index in range(0, len(ranges) - len(annotators), step)
                )
                if n < SPANS
            ]
            record = {"id": new_id(), "name": f"doc-{number:06d}", "text": text,
                      "sha256": text_sha256(text), "spans": spans}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


FLOOR = """
import json, sqlite3, sys
corpus, empty, target = sys.argv[1:]
source = sqlite3.connect(empty)
schema = [sql for (sql,) in source.execute(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
    "AND tbl_name IN ('documents', 'annotation_sets', 'spans') ORDER BY type DESC")]
conn = sqlite3.connect(target, isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA foreign_keys = OFF")
for sql in schema:
    conn.execute(sql)
conn.execute("BEGIN IMMEDIATE")
documents, sets, spans = [], [], []
def flush():
    conn.executemany(
        "INSERT INTO documents (id, name, text, sha256, ord) VALUES (?, ?, ?, ?, ?)", documents)
    conn.executemany(
        "INSERT INTO annotation_sets (id, document_id, annotator, status, revision, updated)"
        " VALUES (?, ?, 'gold', 'done', 1, '')", sets)
    conn.executemany(
        'INSERT INTO spans (id, set_id, start, "end", label, text) VALUES (?, ?, ?, ?, ?, ?)',
        spans)
    documents.clear(); sets.clear(); spans.clear()
with open(corpus, encoding="utf-8") as lines:
    for number, line in enumerate(lines):
        r = json.loads(line)
        documents.append((r["id"], r["name"], r["text"], r["sha256"], number))
        sets.append((r["id"] + "-gold", r["id"]))
        spans.extend((s["id"], r["id"] + "-gold", s["start"], s["end"], s["label"], s["text"])
                     for s in r["spans"])
        if len(documents) == 500:
            flush()
flush()
conn.execute("COMMIT")
"""


def scale_rows(folder: Path, documents: int) -> list[tuple[str, Run]]:
    """Every step at one size, in the order a lead runs them."""
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, documents)
    project = folder / "p.tawsim"
    empty = folder / "empty.tawsim"
    workbench = ["-m", "workbench"]
    floor_script = folder / "floor.py"
    floor_script.write_text(FLOOR, encoding="utf-8")
    run_process([*workbench, "new", str(empty), "--schema", "conflict-news"])
    floor = run_process([str(floor_script), str(corpus), str(empty), str(folder / "floor.db")])
    steps = [("plain sqlite3 floor", floor)]
    run_process([*workbench, "new", str(project), "--schema", "conflict-news"])
    steps.append(("import jsonl", run_process([*workbench, "import", str(project), str(corpus)])))
    steps.append(("stats", run_process([*workbench, "stats", str(project)])))
    steps.append(("check", run_process([*workbench, "check", str(project)])))
    for name in EXPORTS:
        for run in ("first", "again"):
            out = folder / f"out-{name}-{run}"
            export = [*workbench, "export", "--format", name, str(project), str(out)]
            steps.append((f"export {name} ({run})", run_process(export)))
    for name, split_by in SPLIT_EXPORTS:
        out = folder / f"out-{name}-by-{split_by}"
        export = [*workbench, "export", "--format", name, str(project), str(out), "--split", "80/10/10"]
        steps.append((f"export {name} by {split_by}", run_process([*export, "--split-by", split_by])))
    annotators = folder / "annotators.jsonl"
    write_corpus(annotators, min(documents, AGREEMENT_DOCUMENTS), ANNOTATORS)
    steps.append((
        "import 3 annotators",
        run_process([*workbench, "import", str(project), str(annotators)]),
    ))
    agreement = [*workbench, "agreement", str(project), "--annotators", ",".join(ANNOTATORS)]
    steps.append(("agreement (3)", run_process(agreement)))
    return steps


def table(size: int, steps: list[tuple[str, Run]]) -> str:
    floor = steps[0][1].cpu
    lines = [
        f"\n{size:,} documents x {LENGTH:,} characters x {SPANS} spans "
        "(processor and elapsed time of each process; ms/doc and x floor of processor time)",
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)",
        f"{'step':24} {'CPU s':>8} {'sys s':>8} {'wall s':>8} {'ms/doc':>8} {'peak MB':>8} {'x floor':>8}",
    ]
    for name, run in steps:
        lines.append(
            f"{name:24} {run.cpu:8.2f} {run.system:8.2f} {run.wall:8.2f} {run.cpu * 1000 / size:8.3f} "
            f"{run.peak_mb:8.0f} {run.cpu / floor:8.2f}"
        )
    return "\n".join(lines)


@pytest.mark.benchmark
@pytest.mark.parametrize("size", SIZES)
def test_scale_table(size: int, tmp_path: Path) -> None:
    """Prints the table; asserts only that every step did its work (no timed assertion)."""
    steps = scale_rows(tmp_path, size)
    print(table(size, steps))
    with Project.open(tmp_path / "p.tawsim", readonly=True) as project:
        stats = project_stats(project)
    annotated = min(size, AGREEMENT_DOCUMENTS) * SPANS * len(ANNOTATORS)
    assert (stats["documents"], stats["spans"]) == (size, size * SPANS + annotated)
    outputs = [tmp_path / f"out-{name}-{run}" for name in EXPORTS for run in ("first", "again")]
    outputs += [tmp_path / f"out-{name}-by-{split_by}" for name, split_by in SPLIT_EXPORTS]
    assert all(map(has_output, outputs))


def has_output(out: Path) -> bool:
    """Whether an export wrote something: a folder with a file in it, or a file not empty."""
    return any(out.iterdir()) if out.is_dir() else out.stat().st_size > 0
