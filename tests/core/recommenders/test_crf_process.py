"""The CRF trained in a process of its own (``crf_process``): python-crfsuite holds the GIL
through its training, which kept the window's thread waiting up to 398 ms at a time when it
trained on a worker thread. tests/benchmarks/test_crf_training_bench.py measures the waits."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Sequence

import pytest

from tests.conftest import REPO_ROOT
from tests.core.recommenders.test_crf_and_command import training_set
from tests.core.test_ahead_process import READS_PROC, running
from workbench.core.errors import Cancelled, WorkbenchError
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


def test_a_training_asked_to_stop_ends_its_process_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fill suggestions cancelled, the window closed or the program leaving: the process's exit
    waited for a training of 12-18 s on 100,000 documents."""
    monkeypatch.setattr(crf_process, "train_crf", endless_training)
    asked: list[float] = []

    def stop_after_a_few_looks() -> bool:
        asked.append(time.monotonic())
        return len(asked) > 3

    with pytest.raises(Cancelled):
        train_crf_apart(training_set(), {}, stop_after_a_few_looks)
    assert multiprocessing.active_children() == []
    assert asked[-1] - asked[0] < 50  # not the training's minute


KILLED_SENDER = """
import os, signal, threading, time
from pathlib import Path
from tests.core.recommenders.test_crf_and_command import training_set
from tests.core.recommenders.test_crf_process import endless_training
from workbench.core.recommenders import crf_process

def killed_while_training():
    time.sleep(2)
    print(Path(f"/proc/self/task/{os.getpid()}/children").read_text(encoding="utf-8"), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

crf_process.train_crf = endless_training
threading.Thread(target=killed_while_training).start()
crf_process.train_crf_apart(training_set(), {})
"""


@READS_PROC
def test_a_training_whose_window_is_killed_ends_at_once() -> None:
    """Before: it trained on for nobody (up to 18 s on 100,000 documents; here a minute)."""
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_SENDER], cwd=REPO_ROOT, stdout=subprocess.PIPE, encoding="utf-8"
    ) as sender:
        assert sender.stdout is not None
        children = [int(pid) for pid in sender.stdout.readline().split()]
        sender.wait(timeout=60)
    assert children
    deadline = time.monotonic() + 20
    while any(map(running, children)) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        assert not any(map(running, children))
    finally:
        for pid in filter(running, children):
            os.kill(pid, 9)


def test_a_bug_in_the_training_process_is_raised_with_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crf_process, "train_crf", failing_training)
    with pytest.raises(RuntimeError, match=r"(?s)the CRF's training failed in its process.*ValueError: a bug"):
        train_crf_apart(training_set(), {})


def endless_training(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """Run in the training process: a training that takes a minute."""
    time.sleep(60)
    return CrfModel(b"", len(documents))


def failing_training(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    raise ValueError("a bug")


def pid_and_training(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """Run in the training process (imported there by name): the process's id for a model."""
    return CrfModel(f"pid {os.getpid()}".encode(), len(documents))


def dying_training(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """Run in the training process: it dies, as when the system kills it for its memory."""
    os._exit(9)
