"""Pausing Python's cyclic garbage collector around work that allocates in bulk, or that must
not see a collection (a worker thread of the window: see ``ui/background.py``)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_enable_after = False


def pause_collection() -> None:
    """No cyclic garbage collection, in any thread, until every pause is resumed: pauses nest
    and may overlap across threads, and the collector comes back on (if it was on before the
    first) only when the last one ends."""
    global _pauses, _enable_after
    with _lock:
        if _pauses == 0:
            _enable_after = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume_collection() -> None:
    global _pauses
    with _lock:
        if _pauses == 0:
            raise RuntimeError("resume_collection without pause_collection")
        _pauses -= 1
        if _pauses == 0 and _enable_after:
            gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block.

    Opening a document allocates tens of thousands of objects (spans, their view and index
    entries, events), and each allocation threshold passed starts a collection that walks the
    whole heap: up to 80 ms of a 300 ms budget; an agreement over 10,000 documents keeps
    millions until its report is made (12% of its time). What the block leaves is collected
    afterwards as usual; nothing it makes is cyclic garbage.
    """
    pause_collection()
    try:
        yield
    finally:
        resume_collection()
