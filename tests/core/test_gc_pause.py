"""Pauses of the cyclic garbage collector nest and overlap: it comes back on only when the last
one ends, in whatever order they end (a window's worker and an agreement's block may overlap)."""

from __future__ import annotations

import gc
import threading

import pytest

from workbench.core.gc_pause import collection_paused, pause_collection, resume_collection


def test_overlapping_pauses_end_in_any_order_and_only_the_last_resumes() -> None:
    assert gc.isenabled()
    pause_collection()  # a worker starts
    with collection_paused():  # a block begins while it runs
        resume_collection()  # the worker ends inside the block
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pauses_from_another_thread_count_too() -> None:
    paused, resume = threading.Event(), threading.Event()

    def worker() -> None:
        with collection_paused():
            paused.set()
            resume.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    paused.wait(10)
    with collection_paused():
        pass
    assert not gc.isenabled()  # the other thread's pause still holds
    resume.set()
    thread.join()
    assert gc.isenabled()


def test_a_collector_off_before_the_first_pause_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_resume_without_a_pause_is_refused() -> None:
    with pytest.raises(RuntimeError):
        resume_collection()
