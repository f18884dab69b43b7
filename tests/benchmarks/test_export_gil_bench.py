"""How long another thread waits for the interpreter while an export runs on a worker thread,
as the window's thread does while the export dialog exports.

The export renders batches of documents in a tight loop (``app.render_ahead``); the token
cache's query for each document let go of the interpreter for a moment each time, too briefly
for a waiting thread to take it, and woke that thread to wait anew: this benchmark's waiting
thread went without the interpreter for up to 60-100 ms, 75-106 times over 10 ms, in an export
of 10,000 documents rendered on one process. The rows of each batch are now read in one query
(``TokenCache.read_ahead``). The waiting thread sleeps a millisecond and notes how long it was
away, for the whole export; the export runs with its second process (as it does) and without
it (``IN_FLIGHT`` 0: every batch rendered on the worker, as while the process starts). 3,000
documents by default (``WORKBENCH_GIL_DOCUMENTS``); their tokens are kept by a first export.

Run with: uv run pytest tests/benchmarks/test_export_gil_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tests.benchmarks.test_project_export_bench import _project
from tests.benchmarks.timing import p50
from workbench.app import render_ahead
from workbench.app.exporting import export_project
from workbench.store.project import Project

DOCUMENTS = int(os.environ.get("WORKBENCH_GIL_DOCUMENTS", "3000"))
FRAME_MS = 16


def waits_during_export(project: Path, out: Path) -> list[float]:
    """The milliseconds between two turns of a thread that sleeps 1 ms at a time, while the
    project is exported as CoNLL on a worker thread."""
    failed: list[BaseException] = []
    done = threading.Event()

    def export() -> None:
        try:
            with Project.open(project) as opened:
                export_project(opened, out, format_name="conll")
        except BaseException as error:  # noqa: BLE001 - raised again on the measuring thread
            failed.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=export, name="export")
    waits: list[float] = []
    worker.start()
    last = time.perf_counter()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        waits.append((now - last) * 1000)
        last = now
    worker.join()
    if failed:
        raise failed[0]
    return waits


def report(what: str, waits: list[float]) -> str:
    longest = sorted(waits)
    return (
        f"{what}: {len(waits)} turns, p50 {p50(waits):.1f} ms, p99 {longest[int(len(waits) * 0.99)]:.1f} ms, "
        f"max {longest[-1]:.1f} ms; over 10 ms {sum(w > 10 for w in waits)}, over {FRAME_MS} ms "
        f"{sum(w > FRAME_MS for w in waits)}"
    )


@pytest.mark.benchmark
def test_waits_for_the_interpreter_during_an_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Prints the waits; asserts only that every export wrote its file."""
    project = _project(tmp_path, DOCUMENTS)
    with Project.open(project) as opened:
        export_project(opened, tmp_path / "first.conll", format_name="conll")  # keeps the tokens
    lines = [f"\n{DOCUMENTS:,} documents, CoNLL export on a worker thread, tokens kept"]
    lines.append(report("with the second process", waits_during_export(project, tmp_path / "two.conll")))
    monkeypatch.setattr(render_ahead, "IN_FLIGHT", 0)
    lines.append(report("all on the worker", waits_during_export(project, tmp_path / "one.conll")))
    print("\n".join(lines))
    assert (tmp_path / "two.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()
