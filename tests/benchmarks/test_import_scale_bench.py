"""Import with spans alone, against the plain sqlite3 floor measured in the same run (issue 16).

The scale benchmark's corpus (``write_corpus``: documents of 3,000 characters with 20 spans),
its floor script and its way of running a process (processor time, peak memory) are reused; only
the import is measured, ``REPEATS`` times, the floor run just before each import, so that a change
of a few percent can be told from the machine's noise. 10,000 documents by default; 100,000 (about
5 minutes and 3 GB of disk) with ``WORKBENCH_IMPORT_SCALE=10000,100000``.

Run with: uv run pytest tests/benchmarks/test_import_scale_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.benchmarks.test_scale_bench import FLOOR, SPANS, Run, run_process, write_corpus
from workbench.store.inspection import project_stats
from workbench.store.project import Project

SIZES = tuple(int(n) for n in os.environ.get("WORKBENCH_IMPORT_SCALE", "10000").split(","))
REPEATS = 3
WORKBENCH = ["-m", "workbench"]


def floor_and_import(folder: Path, corpus: Path, empty: Path, number: int) -> tuple[Run, Run]:
    """The floor, then ``workbench import`` of the same corpus into a new project; the floor's
    database is deleted before the import, so that both find the same free disk and cache."""
    floor_db = folder / f"floor-{number}.db"
    floor = run_process([str(folder / "floor.py"), str(corpus), str(empty), str(floor_db)])
    for written in folder.glob(f"{floor_db.name}*"):
        written.unlink()
    project = folder / f"p-{number}.tawsim"
    run_process([*WORKBENCH, "new", str(project), "--schema", "conflict-news"])
    return floor, run_process([*WORKBENCH, "import", str(project), str(corpus)])


@pytest.mark.benchmark
@pytest.mark.parametrize("size", SIZES)
def test_import_against_the_floor(size: int, tmp_path: Path) -> None:
    """Prints each run's figures; asserts only that every import stored the whole corpus."""
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, size)
    empty = tmp_path / "empty.tawsim"
    run_process([*WORKBENCH, "new", str(empty), "--schema", "conflict-news"])
    (tmp_path / "floor.py").write_text(FLOOR, encoding="utf-8")
    print(f"\nimport of {size:,} documents x {SPANS} spans (processor time of each process, "
          "and the import's elapsed time)")
    print(f"{'run':>4} {'floor s':>8} {'import s':>9} {'x floor':>8} {'wall s':>8} {'peak MB':>8}")
    for number in range(REPEATS):
        floor, imported = floor_and_import(tmp_path, corpus, empty, number)
        print(
            f"{number + 1:4} {floor.cpu:8.2f} {imported.cpu:9.2f} "
            f"{imported.cpu / floor.cpu:8.2f} {imported.wall:8.2f} {imported.peak_mb:8.0f}"
        )
        project = tmp_path / f"p-{number}.tawsim"
        with Project.open(project, readonly=True) as opened:
            stats = project_stats(opened)
        assert (stats["documents"], stats["spans"]) == (size, size * SPANS)
        for written in tmp_path.glob(f"{project.name}*"):
            written.unlink()
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
