"""The second process that answers batches in order (``core.ahead_process``)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.ahead_process import AheadProcess


def slow_echo(seconds: float) -> float:
    """The process's work: wait, then answer with what it was sent."""
    time.sleep(seconds)
    return seconds


def large_answer(size: int) -> str:
    return "x" * size


KILLED_SENDER = """
import os, signal, time
from tests.core.test_ahead_process import large_answer
from workbench.core.ahead_process import AheadProcess

process = AheadProcess(large_answer, "workbench test")
for _ in range(4):
    process.send(1_000_000)  # answers far larger than a pipe holds, never read
print(process.process.pid, flush=True)
time.sleep(2)
os.kill(os.getpid(), signal.SIGKILL)
"""


def running(pid: int) -> bool:
    """Whether the process is there and has not exited (a zombie has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


READS_PROC = pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="reads /proc")


@READS_PROC
def test_the_process_ends_when_its_sender_is_killed_with_answers_unread() -> None:
    """Before: the process left its loop, then waited at its exit for the answers nobody read
    to go through the pipe: for ever, holding the project file open."""
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_SENDER], cwd=REPO_ROOT, stdout=subprocess.PIPE, encoding="utf-8"
    ) as sender:
        assert sender.stdout is not None
        pid = int(sender.stdout.readline())  # not read to its end: the process holds it too
        sender.wait(timeout=60)
    deadline = time.monotonic() + 20
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        assert not running(pid)
    finally:
        if running(pid):
            subprocess.run(["kill", "-9", str(pid)], check=False)


def test_an_answer_come_after_the_sender_did_the_batch_itself_is_let_go_and_batches_go_on() -> None:
    """Before: only an answer asked for was taken, so one given up on counted as unanswered for
    ever, and a sender that stops sending at two unanswered batches sent no more (a process
    that started more slowly than the sender's first two batches was never used again)."""
    process: AheadProcess[float, float] = AheadProcess(slow_echo, "workbench test")
    try:
        first = process.send(0.5)
        assert process.answer(first) is None  # still starting: the sender does this batch
        second = process.send(0.0)
        deadline = time.monotonic() + 60
        while process.in_flight() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.in_flight() == 0
        assert process.back == {second: 0.0}  # the first batch's answer let go as it came
        assert process.answer(second) == 0.0
    finally:
        process.close()


def test_answers_come_back_in_the_order_sent_and_earlier_ones_are_let_go() -> None:
    process: AheadProcess[float, float] = AheadProcess(slow_echo, "workbench test")
    try:
        numbers = [process.send(seconds) for seconds in (0.0, 0.01, 0.02)]
        deadline = time.monotonic() + 60
        while process.in_flight() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.answer(numbers[2]) == 0.02
        assert process.back == {}
    finally:
        process.close()


def test_a_warm_up_tells_the_process_is_ready_and_its_answer_is_let_go() -> None:
    process: AheadProcess[float, float] = AheadProcess(slow_echo, "workbench test")
    try:
        process.warm_up(0.2)
        assert not process.ready()
        deadline = time.monotonic() + 60
        while not process.ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.ready() and process.in_flight() == 0
        assert process.back == {}
        assert process.answer(process.send(0.0)) == 0.0
    finally:
        process.close()
