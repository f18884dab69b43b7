"""How long the window's thread waits for Python's GIL while the CRF trains in the background:
on a worker thread (``train_crf``, python-crfsuite holding the GIL through its optimisation) and
in the training process (``train_crf_apart``, what the program does).

The training set is 100 of the scale benchmark's documents of 3,000 characters with 20 spans
each (300,000 characters: ``app.recommending.TRAINING_CHARACTERS``). The main thread stands for
the window's: it sleeps 1 ms again and again, and each wake-up's lateness is a wait for the GIL.

Run with: uv run pytest tests/benchmarks/test_crf_training_bench.py -m benchmark -s
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import pytest

from tests.benchmarks.conftest import article_of
from tests.benchmarks.timing import p50, p95
from workbench.core.recommenders import TrainingDocument
from workbench.core.recommenders.crf import CrfModel, train_crf
from workbench.core.recommenders.crf_process import train_crf_apart
from workbench.core.tokens import token_ranges

DOCUMENTS = 100
LENGTH = 3_000
SPANS = 20
FRAME_MS = 16.0


def training_documents() -> list[TrainingDocument]:
    documents = []
    for number in range(DOCUMENTS):
        text = article_of(LENGTH, number)
        ranges = token_ranges(text)
        step = max(len(ranges) // SPANS, 1)
        spans = [(start, end, ("PER", "LOC")[n % 2]) for n, (start, end) in enumerate(ranges[::step][:SPANS])]
        documents.append(TrainingDocument(text, spans))
    return documents


def waits_while(train: Callable[[Sequence[TrainingDocument], dict[str, list[str]]], CrfModel]) -> list[float]:
    """The main thread's wake-up delays (ms) while ``train`` runs on a worker thread."""
    documents = training_documents()
    done = threading.Event()

    def training() -> None:
        train(documents, {})
        done.set()

    worker = threading.Thread(target=training)
    worker.start()
    waits = []
    while not done.is_set():
        asleep = time.perf_counter()
        time.sleep(0.001)
        waits.append((time.perf_counter() - asleep) * 1000 - 1)
    worker.join()
    return waits


@pytest.mark.benchmark
@pytest.mark.parametrize("where", ["worker thread", "training process"])
def test_the_windows_thread_while_the_crf_trains(where: str) -> None:
    waits = waits_while(train_crf if where == "worker thread" else train_crf_apart)
    late = sum(wait > FRAME_MS for wait in waits)
    print(
        f"\nCRF trained on a {where}, {DOCUMENTS * LENGTH:,} characters: the main thread's waits for "
        f"the GIL p50 {p50(waits):.1f} ms, p95 {p95(waits):.1f} ms, max {max(waits):.1f} ms; "
        f"{late} of {len(waits)} longer than a frame"
    )
    assert waits
