"""How long another thread waits for the interpreter while an export or an agreement runs on a
worker thread, as the window's thread does while the export dialog exports or the agreement
dashboard computes.

The export renders batches of documents in a tight loop (``app.render_ahead``); the token
cache's query for each document let go of the interpreter for a moment each time, too briefly
for a waiting thread to take it, and woke that thread to wait anew: this benchmark's waiting
thread went without the interpreter for up to 60-100 ms, 75-106 times over 10 ms, in an export
of 10,000 documents rendered on one process. The rows of each batch are now read in one query
(``TokenCache.read_ahead``). The agreement of three annotators over 10,000 documents freed its
reductions of the documents at once as its report was made, one step of the interpreter of
86 ms; they are now freed in slices (``core.agreement.report``).

The waiting thread sleeps a millisecond and notes how long it was away, for the whole run; the
export runs with its second process (as it does) and without it (``IN_FLIGHT`` 0: every batch
rendered on the worker, as while the process starts). 3,000 documents by default
(``WORKBENCH_GIL_DOCUMENTS``); their tokens are kept by a first export.

Run with: uv run pytest tests/benchmarks/test_interpreter_waits_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.benchmarks.test_agreement_stats_bench import project_of
from tests.benchmarks.test_project_export_bench import _project
from tests.benchmarks.test_scale_bench import ANNOTATORS
from tests.benchmarks.timing import p50
from workbench.app import render_ahead
from workbench.app.agreement import project_agreement
from workbench.app.exporting import export_project
from workbench.store.project import Project

DOCUMENTS = int(os.environ.get("WORKBENCH_GIL_DOCUMENTS", "3000"))
FRAME_MS = 16


def waits_during(work: Callable[[], object]) -> list[float]:
    """The milliseconds between two turns of a thread that sleeps 1 ms at a time, while
    ``work`` runs on a worker thread."""
    failed: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - raised again on the measuring thread
            failed.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=run, name="work")
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


def exporting(project: Path, out: Path) -> Callable[[], None]:
    def export() -> None:
        with Project.open(project) as opened:
            export_project(opened, out, format_name="conll")

    return export


@pytest.mark.benchmark
def test_waits_for_the_interpreter_during_an_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Prints the waits; asserts only that every export wrote its file."""
    project = _project(tmp_path, DOCUMENTS)
    exporting(project, tmp_path / "first.conll")()  # keeps the tokens
    lines = [f"\n{DOCUMENTS:,} documents, CoNLL export on a worker thread, tokens kept"]
    lines.append(report("with the second process", waits_during(exporting(project, tmp_path / "two.conll"))))
    monkeypatch.setattr(render_ahead, "IN_FLIGHT", 0)
    lines.append(report("all on the worker", waits_during(exporting(project, tmp_path / "one.conll"))))
    print("\n".join(lines))
    assert (tmp_path / "two.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()


@pytest.mark.benchmark
def test_waits_for_the_interpreter_during_an_agreement(tmp_path: Path) -> None:
    """Prints the waits; asserts only that the report covers every document."""
    project = project_of(tmp_path, DOCUMENTS, ANNOTATORS)
    reports: list[dict[str, object]] = []

    def agreement() -> None:
        with Project.open(project) as opened:
            reports.append(project_agreement(opened, ANNOTATORS))

    agreement()  # keeps the tokens
    waits = waits_during(agreement)
    what = f"agreement of {len(ANNOTATORS)} annotators x {DOCUMENTS:,} documents on a worker thread"
    print(f"\n{report(what, waits)}")
    assert [each["documents"] for each in reports] == [DOCUMENTS, DOCUMENTS]
