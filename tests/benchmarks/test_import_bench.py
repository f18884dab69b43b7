"""Importing 10,000 documents of 3,000 characters, against plain sqlite3 inserting the same rows.

Run with: uv run pytest tests/benchmarks/test_import_bench.py -m benchmark -s
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks.conftest import write_articles
from workbench.app.importing import import_paths
from workbench.core.model import make_document
from workbench.core.schema import builtin_schema
from workbench.store.inspection import project_stats
from workbench.store.project import Project
from workbench.store.rows import document_values

DOCUMENTS = 10_000
LENGTH = 3_000


def plain_executemany(path: Path, texts: list[str]) -> float:
    """The same rows inserted by plain sqlite3 executemany into the same table, timed.

    Only the insert is timed: the rows (with their sha256) are made beforehand.
    """
    rows = [
        document_values(make_document(f"{n:05d}", text, source=f"{n:05d}.txt"), n)
        for n, text in enumerate(texts)
    ]
    start = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(
        "CREATE TABLE documents (id TEXT PRIMARY KEY, name TEXT, text TEXT, sha256 TEXT, "
        "source TEXT, metadata TEXT, tokens TEXT, ord INTEGER)"
    )
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


@pytest.mark.benchmark
def test_import_ten_thousand_documents(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "in", DOCUMENTS, LENGTH)
    baseline = plain_executemany(tmp_path / "plain.db", texts)

    path = tmp_path / "p.tawsim"
    with Project.create(path, builtin_schema("generic")) as project:
        start = time.perf_counter()
        summary = import_paths(project, [tmp_path / "in"], format_name="txt")
        elapsed = time.perf_counter() - start
    assert summary.documents_added == DOCUMENTS

    with Project.open(path, readonly=True) as project:
        start = time.perf_counter()
        stats = project_stats(project)
        stats_time = time.perf_counter() - start
    assert stats["documents"] == DOCUMENTS
    command_times = []
    for _ in range(5):
        start = time.perf_counter()
        command = subprocess.run(
            [sys.executable, "-m", "workbench", "stats", str(path), "--json"],
            capture_output=True, check=True,
        )
        command_times.append(time.perf_counter() - start)
        assert json.loads(command.stdout)["documents"] == DOCUMENTS
    command_time = statistics.median(command_times)
    runs = ", ".join(f"{t * 1000:.0f}" for t in command_times)

    print(
        f"\nimport {DOCUMENTS} x {LENGTH} chars (read files, decode, hash, insert): {elapsed:.2f} s"
        f"\nplain sqlite3 executemany of the same rows: {baseline:.2f} s"
        f"\nratio: {elapsed / baseline:.2f} (target < 5)"
        f"\nstats query: {stats_time * 1000:.0f} ms; `workbench stats --json` command, "
        f"process start included: median {command_time * 1000:.0f} ms of {runs} ms (target < 500)"
    )
