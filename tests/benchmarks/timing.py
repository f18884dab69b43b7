"""Timing repeated actions for the benchmarks: wall-clock and CPU milliseconds, both printed.

CPU time is reported beside wall time because these machines are shared: under load the wall
time of the same work doubles while its CPU time stays put.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class Timings:
    """Milliseconds of repeated actions; ``cpu_clock`` is the process's CPU time by default
    (``time.thread_time`` for work that must stay on the GUI thread)."""

    def __init__(self, cpu_clock: Callable[[], float] = time.process_time) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self._cpu_clock = cpu_clock

    def measure(self, action: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), self._cpu_clock()
        action()
        self.cpu.append((self._cpu_clock() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)

    def report(self, what: str) -> str:
        return (
            f"{what} ({len(self.wall)} times): "
            f"wall p50 {p50(self.wall):.2f} ms, p95 {p95(self.wall):.2f} ms; "
            f"CPU p50 {p50(self.cpu):.2f} ms, p95 {p95(self.cpu):.2f} ms"
        )

    def listing(self, what: str) -> str:
        """Every sample, for a measurement repeated only a few times."""
        wall = ", ".join(f"{sample:.0f}" for sample in self.wall)
        cpu = ", ".join(f"{sample:.0f}" for sample in self.cpu)
        return f"{what}: wall {wall} ms; CPU {cpu} ms"


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    return sorted(samples)[int(0.95 * (len(samples) - 1))]


class PaintsSeen(QObject):
    """Counts the paint events of the widgets it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


SETTLE_S = 0.06


def handled_in_rounds(done: Callable[[], bool], painted: QWidget, timeout_s: float = 30.0) -> list[float]:
    """Events handled in rounds, as the program's event loop handles them (one ``processEvents``
    is one stretch of the GUI thread between two returns to the loop; worker threads run between
    them), until ``done`` and ``painted`` painted in that round or after it, then for
    ``SETTLE_S`` more (what those rounds started: the panels painted in the next turn, a garbage
    collection put off until after the paint, a worker's result). The GUI thread's processor
    milliseconds of each round that did anything; a paint Qt has not done within five rounds
    is forced, as a round of its own."""
    paints = PaintsSeen()
    painted.installEventFilter(paints)
    rounds: list[float] = []
    deadline = time.monotonic() + timeout_s

    def one_round() -> None:
        started = time.thread_time()
        QApplication.processEvents()
        rounds.append((time.thread_time() - started) * 1000)
        time.sleep(0.001)

    try:
        before = paints.count
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError("not done in time")
            before = paints.count
            one_round()
        for _ in range(5):
            if paints.count > before:
                break
            one_round()
        else:
            started = time.thread_time()
            painted.repaint()
            rounds.append((time.thread_time() - started) * 1000)
        settled = time.monotonic() + SETTLE_S
        while time.monotonic() < settled:
            one_round()
    finally:
        painted.removeEventFilter(paints)
    return [stretch for stretch in rounds if stretch >= 0.05]


def stretches_report(what: str, rounds: list[list[float]]) -> str:
    """The GUI thread's processor time of each repeat (the sum of its rounds) and of its
    longest stretch (the 16 ms budget is one stretch's)."""
    sums, longest = [sum(each) for each in rounds], [max(each, default=0.0) for each in rounds]
    return (
        f"{what} ({len(rounds)} times): GUI thread CPU in all p50 {p50(sums):.2f} ms, p95 {p95(sums):.2f} ms; "
        f"longest stretch p50 {p50(longest):.2f} ms, p95 {p95(longest):.2f} ms, max {max(longest):.2f} ms"
    )
