"""Issue 16's targets for agreement and stats, each a whole process as users run it (the scale
table's corpus and processes, ``test_scale_bench``), three runs each:

- ``agreement --annotators amal,badr,dana`` over 3 annotators x 10,000 documents of 3,000
  characters with 20 spans each (target: under 15 s, peak under 250 MB);
- ``stats`` over the same project, and over ``WORKBENCH_STATS_SIZE`` documents of gold spans
  (the target is 0.5 s at 100,000 documents, which take a few minutes to build and 2 GB of disk:
  ``WORKBENCH_STATS_SIZE=100000``).

Prints processor time (user + system) and peak memory; no timed assertion.

Run with: uv run pytest tests/benchmarks/test_agreement_stats_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.benchmarks.test_scale_bench import (
    AGREEMENT_DOCUMENTS,
    ANNOTATORS,
    Run,
    run_process,
    write_corpus,
)
from workbench.store.inspection import project_stats
from workbench.store.project import Project

RUNS = 3
STATS_SIZE = int(os.environ.get("WORKBENCH_STATS_SIZE", str(AGREEMENT_DOCUMENTS)))
WORKBENCH = ["-m", "workbench"]


def project_of(folder: Path, documents: int, annotators: tuple[str, ...]) -> Path:
    """A project of ``documents`` with gold spans, and ``annotators``' sets on all of them."""
    project = folder / "p.tawsim"
    run_process([*WORKBENCH, "new", str(project), "--schema", "conflict-news"])
    for who in [("gold",), *([annotators] if annotators else [])]:
        corpus = folder / f"{'-'.join(who)}.jsonl"
        write_corpus(corpus, documents, who)
        run_process([*WORKBENCH, "import", str(project), str(corpus)])
        corpus.unlink()
    return project


def runs(arguments: list[str]) -> list[Run]:
    return [run_process([*WORKBENCH, *arguments]) for _ in range(RUNS)]


def line(what: str, measured: list[Run]) -> str:
    cpu = ", ".join(f"{run.cpu:.2f}" for run in measured)
    wall = ", ".join(f"{run.wall:.2f}" for run in measured)
    peak = max(run.peak_mb for run in measured)
    return f"{what:44} CPU s {cpu}; wall s {wall}; peak {peak:.0f} MB"


@pytest.mark.benchmark
def test_agreement_and_stats(tmp_path: Path) -> None:
    project = project_of(tmp_path, AGREEMENT_DOCUMENTS, ANNOTATORS)
    # the tokens are cut once and kept, as the scale table's exports have done before it
    run_process([*WORKBENCH, "export", "--format", "conll", str(project), str(tmp_path / "out")])
    agreement = runs(["agreement", str(project), "--annotators", ",".join(ANNOTATORS)])
    stats = runs(["stats", str(project)])
    lines = [
        line(f"agreement, {len(ANNOTATORS)} x {AGREEMENT_DOCUMENTS:,} documents", agreement),
        line(f"stats, {AGREEMENT_DOCUMENTS:,} documents (gold + 3 annotators)", stats),
    ]
    if STATS_SIZE != AGREEMENT_DOCUMENTS:
        large = tmp_path / "large"
        large.mkdir()
        gold_only = project_of(large, STATS_SIZE, ())
        lines.append(line(f"stats, {STATS_SIZE:,} documents (gold)", runs(["stats", str(gold_only)])))
    print("\n" + "\n".join(lines))
    with Project.open(project, readonly=True) as opened:
        figures = project_stats(opened)
    assert figures["documents"] == AGREEMENT_DOCUMENTS
    assert figures["annotators"] == sorted(("gold", *ANNOTATORS))
