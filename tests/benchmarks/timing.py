"""Timing repeated actions for the benchmarks: wall-clock and CPU milliseconds, both printed.

CPU time is reported beside wall time because these machines are shared: under load the wall
time of the same work doubles while its CPU time stays put.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
