"""The second process that answers batches in order (``core.ahead_process``)."""

from __future__ import annotations

import time

from workbench.core.ahead_process import AheadProcess


def slow_echo(seconds: float) -> float:
    """The process's work: wait, then answer with what it was sent."""
    time.sleep(seconds)
    return seconds


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
