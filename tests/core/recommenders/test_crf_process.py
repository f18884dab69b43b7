"""The CRF trained in a process of its own (``crf_process``): python-crfsuite holds the GIL
through its training, which kept the window's thread waiting up to 398 ms at a time when it
trained on a worker thread. tests/benchmarks/test_crf_training_bench.py measures the waits."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from tests.core.recommenders.test_crf_and_command import training_set
from workbench.core.errors import WorkbenchError
from workbench.core.recommenders.crf import contexts_of, train_crf
from workbench.core.recommenders.crf_process import train_crf_apart


def test_the_model_trained_apart_is_the_model_trained_here() -> None:
    documents = training_set()
    contexts = contexts_of(d.text for d in documents)
    assert train_crf_apart(documents, contexts) == train_crf(documents, contexts)


def test_the_training_runs_in_a_child_process_kept_for_the_next() -> None:
    train_crf_apart(training_set(), {})
    [child] = [c for c in multiprocessing.active_children() if c.is_alive()]
    assert child.pid != os.getpid()
    train_crf_apart(training_set()[:4], {})
    assert [c.pid for c in multiprocessing.active_children()] == [child.pid]


def test_a_training_process_that_died_is_refused_and_the_next_training_starts_another() -> None:
    train_crf_apart(training_set(), {})
    [child] = multiprocessing.active_children()
    child.kill()  # as the system does when memory runs out
    child.join(10)
    with pytest.raises(WorkbenchError, match="training process stopped"):
        train_crf_apart(training_set(), {})
    assert train_crf_apart(training_set(), {}) == train_crf(training_set())
    [another] = multiprocessing.active_children()
    assert another.pid != child.pid
