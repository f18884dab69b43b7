"""The CRF trained in a process of its own (``crf_process``): python-crfsuite holds the GIL
through its training, which kept the window's thread waiting up to 398 ms at a time when it
trained on a worker thread. tests/benchmarks/test_crf_training_bench.py measures the waits."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence

import pytest

from tests.core.recommenders.test_crf_and_command import training_set
from workbench.core.errors import WorkbenchError
from workbench.core.recommenders import TrainingDocument, crf_process
from workbench.core.recommenders.crf import Contexts, CrfModel, contexts_of, train_crf
from workbench.core.recommenders.crf_process import train_crf_apart


def test_the_model_trained_apart_is_the_model_trained_here() -> None:
    documents = training_set()
    contexts = contexts_of(d.text for d in documents)
    assert train_crf_apart(documents, contexts) == train_crf(documents, contexts)


def test_the_training_runs_in_a_child_process_that_ends_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept for the next training, the process held 163 MB after one of 300,000 characters."""
    monkeypatch.setattr(crf_process, "train_crf", pid_and_training)
    model = train_crf_apart(training_set(), {})
    assert model.data.startswith(b"pid ") and int(model.data.split()[1]) != os.getpid()
    assert multiprocessing.active_children() == []


def test_a_training_process_that_dies_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crf_process, "train_crf", dying_training)
    with pytest.raises(WorkbenchError, match="the CRF's training process stopped before it finished"):
        train_crf_apart(training_set(), {})
    monkeypatch.undo()
    assert train_crf_apart(training_set(), {}) == train_crf(training_set())


def pid_and_training(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """Run in the training process (imported there by name): the process's id for a model."""
    return CrfModel(f"pid {os.getpid()}".encode(), len(documents))


def dying_training(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """Run in the training process: it dies, as when the system kills it for its memory."""
    os._exit(9)
