"""Training the CRF in a process of its own, so that the window's thread is never kept waiting.

python-crfsuite's ``Trainer.train`` holds Python's GIL through the whole optimisation (its Cython
code has no ``nogil``) and hands it over only at its messages, once an iteration: trained on a
worker thread from 300,000 characters (``app.recommending.TRAINING_CHARACTERS``), it kept the
window's thread waiting up to 398 ms at a time for 18 s (p99 103 ms; 107 waits longer than a
frame's 16 ms). A process has a GIL of its own. One is started (``spawn``, as on Windows and
macOS) for each training and ends with it: kept for the next, it held 163 MB after a training of
300,000 characters, for as long as the window stayed open. The frozen program's entry point lets
it in (``multiprocessing.freeze_support`` in ``workbench/__main__.py``).

A training asked to stop (Project > Fill suggestions cancelled, the window closed, the program
leaving) ends its process at once: the process's exit waited for a training of 12-18 s on a
project of 100,000 documents.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from workbench.core.child_process import end_with_parent
from workbench.core.errors import Cancelled, WorkbenchError
from workbench.core.progress import CancelCheck, never
from workbench.core.recommenders import TrainingDocument
from workbench.core.recommenders.crf import Contexts, CrfModel, train_crf

POLL_SECONDS = 0.1
"""How often a training waited for is asked whether to stop."""
Training = Callable[[Sequence[TrainingDocument], Contexts], CrfModel]


def train_crf_apart(
    documents: Sequence[TrainingDocument], contexts: Contexts, cancelled: CancelCheck = never
) -> CrfModel:
    """``train_crf(documents, contexts)`` in a process of its own; waits for its model, or
    ends the process and raises ``Cancelled`` once ``cancelled()``. A training process that
    dies (killed, out of memory) is refused in one line."""
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=_train_and_send, args=(train_crf, list(documents), dict(contexts), sending),
        name="workbench CRF training", daemon=True,
    )  # fmt: skip
    process.start()
    sending.close()  # the process's end alone: its exit ends the pipe
    try:
        while not receiving.poll(POLL_SECONDS):
            if cancelled():
                raise Cancelled()
        outcome, value = receiving.recv()
    except EOFError as error:
        raise WorkbenchError("the CRF's training process stopped before it finished") from error
    finally:
        process.kill()
        process.join()
        receiving.close()
    if outcome != "model":
        raise RuntimeError(f"the CRF's training failed in its process:\n{value}")
    model: CrfModel = value
    return model


def _train_and_send(
    training: Training, documents: list[TrainingDocument], contexts: Contexts, sending: Connection
) -> None:
    """The training process: the model, or the traceback of what went wrong, sent back; it
    ends at once when the process that asked for it is gone (``end_with_parent``)."""
    end_with_parent()
    try:
        sending.send(("model", training(documents, contexts)))
    except Exception:  # noqa: BLE001 (a bug: sent to the caller, which raises it)
        sending.send(("error", traceback.format_exc()))
    finally:
        sending.close()
