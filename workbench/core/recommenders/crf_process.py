"""Training the CRF in a process of its own, so that the window's thread is never kept waiting.

python-crfsuite's ``Trainer.train`` holds Python's GIL through the whole optimisation (its Cython
code has no ``nogil``) and hands it over only at its messages, once an iteration: trained on a
worker thread from 300,000 characters (``app.recommending.TRAINING_CHARACTERS``), it kept the
window's thread waiting up to 398 ms at a time for 18 s (p99 103 ms; 107 waits longer than a
frame's 16 ms). A process has a GIL of its own. It is started (``spawn``, as on Windows and macOS)
at the first training and kept for the next; the frozen program's entry point lets it in
(``multiprocessing.freeze_support`` in ``workbench/__main__.py``).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from workbench.core.errors import WorkbenchError
from workbench.core.recommenders import TrainingDocument
from workbench.core.recommenders.crf import Contexts, CrfModel, train_crf

_POOL: list[ProcessPoolExecutor] = []
_POOL_LOCK = threading.Lock()


def train_crf_apart(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """``train_crf(documents, contexts)`` in the training process; waits for its model. A
    training process that died (killed, out of memory) is refused in one line, and the next
    training starts a new one."""
    pool = _training_process()
    try:
        return pool.submit(train_crf, list(documents), dict(contexts)).result()
    except BrokenProcessPool as error:
        with _POOL_LOCK:
            if _POOL and _POOL[0] is pool:
                _POOL.clear()
        raise WorkbenchError(
            "the CRF's training process stopped before it finished; the next training starts another"
        ) from error


def _training_process() -> ProcessPoolExecutor:
    with _POOL_LOCK:
        if not _POOL:
            _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")))
        return _POOL[0]
