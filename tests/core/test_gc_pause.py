"""Pauses of the cyclic garbage collector nest and overlap: it comes back on only when the last
one ends, in whatever order they end (a window's worker and an agreement's block may overlap)."""

from __future__ import annotations

import gc
import threading

import pytest

from workbench.core.gc_pause import collect_young, collection_paused, pause_collection, resume_collection


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


def kept_containers(count: int) -> list[list[int]]:
    return [[number] for number in range(count)]


def test_while_paused_the_young_generations_are_collected_on_asking() -> None:
    with collection_paused():
        kept = kept_containers(20_000)
        assert gc.get_count()[0] >= 20_000
        collect_young()
        assert gc.get_count()[0] < 100
    assert len(kept) == 20_000


def test_below_the_threshold_nothing_is_collected() -> None:
    """A young generation short of its threshold is left as the collector would leave it."""
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    with collection_paused():
        gc.collect(1)
        gc.callbacks.append(seen)
        try:
            collect_young()
        finally:
            gc.callbacks.remove(seen)
    assert collections == []


def test_unpaused_or_off_before_the_pause_the_young_are_left_alone() -> None:
    """Not paused, the collector does its own work; switched off before the pause (by the
    program or a test), it stays off."""
    gc.disable()
    try:
        kept = kept_containers(20_000)
        collect_young()
        assert gc.get_count()[0] >= 20_000
        with collection_paused():
            collect_young()
            assert gc.get_count()[0] >= 20_000
    finally:
        gc.enable()
    assert len(kept) == 20_000
