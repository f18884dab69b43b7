"""Training the CRF in a process of its own, so that the window's thread is never kept waiting.

python-crfsuite's ``Trainer.train`` holds Python's GIL through the whole optimisation (its Cython
code has no ``nogil``) and hands it over only at its messages, once an iteration: trained on a
worker thread from 300,000 characters (``app.recommending.TRAINING_CHARACTERS``), it kept the
window's thread waiting up to 398 ms at a time for 18 s (p99 103 ms; 107 waits longer than a
frame's 16 ms). A process has a GIL of its own. One is started (``spawn``, as on Windows and
macOS) for each training and ends with it: kept for the next, it held 163 MB after a training of
300,000 characters, for as long as the window stayed open. The frozen program's entry point lets
it in (``multiprocessing.freeze_support`` in ``workbench/__main__.py``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from workbench.core.errors import WorkbenchError
from workbench.core.recommenders import TrainingDocument
from workbench.core.recommenders.crf import Contexts, CrfModel, train_crf


def train_crf_apart(documents: Sequence[TrainingDocument], contexts: Contexts) -> CrfModel:
    """``train_crf(documents, contexts)`` in a process of its own; waits for its model. A
    training process that dies (killed, out of memory) is refused in one line."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as training:
        try:
            return training.submit(train_crf, list(documents), dict(contexts)).result()
        except BrokenProcessPool as error:
            raise WorkbenchError("the CRF's training process stopped before it finished") from error
