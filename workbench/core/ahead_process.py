"""A second process that works through batches sent to it, in order, while the sender goes on.

What an export or the agreement hands it (texts to cut, documents to render) goes through one
queue and the answers come back through another, in the order sent. The process is spawned (as
on Windows and macOS; the frozen program lets it start with ``multiprocessing.freeze_support``),
is killed when the sender closes it however the sender's work ends, and ends itself when the
sender's process is gone (``core.child_process``). Until it has answered once it is taken to
be starting: a batch whose answer is not back then is the sender's own to do (``answer`` gives
None), so that a process still importing never holds the sender up; once it answers, the sender
waits for each answer, as long as the process lives.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from multiprocessing.queues import Queue
from typing import Generic, TypeVar

from workbench.core.child_process import end_with_parent

POLL_SECONDS = 0.1
"""How often a wait for an answer looks whether the process is still there."""
Work = TypeVar("Work")
Answer = TypeVar("Answer")


class AheadProcess(Generic[Work, Answer]):
    """The process, answering each batch with ``handle(batch)`` (a function of a module, which
    the spawned process imports), and its two queues."""

    def __init__(self, handle: Callable[[Work], Answer], name: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.work: Queue[Work] = context.Queue()
        self.answers: Queue[Answer] = context.Queue()
        self.process = context.Process(
            target=serve, args=(handle, self.work, self.answers), name=name, daemon=True
        )
        self.process.start()
        self.sent = 0
        self.received = 0
        """Answers come back, asked for or not."""
        self.back: dict[int, Answer] = {}
        """Answers come back and not asked for yet, by the number of their batch."""
        self.given_up = -1
        """The last batch whose answer ``answer`` gave up on."""

    def alive(self) -> bool:
        return self.process.is_alive()

    def in_flight(self) -> int:
        """Batches sent whose answers have not come back yet."""
        self._collect()
        return self.sent - self.received

    def warm_up(self, batch: Work) -> None:
        """Send a batch whose answer only tells that the process is ready (``ready``), so that
        a sender may keep its batches until then rather than send what it would do itself."""
        self.given_up = self.send(batch)

    def ready(self) -> bool:
        """Whether the process has answered anything yet."""
        self._collect()
        return self.received > 0

    def answered(self, number: int) -> bool:
        """Whether ``answer`` would give the answer to batch ``number`` without waiting: it has
        come back, or the process has died."""
        self._collect()
        return number < self.received or not self.alive()

    def send(self, batch: Work) -> int:
        """Send a batch; the number its answer will come back as."""
        self.work.put(batch)
        self.sent += 1
        return self.sent - 1

    def answer(self, number: int) -> Answer | None:
        """The answer to the batch sent as ``number`` (those to any before it are let go); None
        when the process has answered nothing yet and this answer is not back now, or when it
        has died before sending it: the sender does that batch itself, and its answer is let go
        when it comes."""
        while self.received <= number:
            try:
                answer = self.answers.get(timeout=POLL_SECONDS) if self.received else self.answers.get_nowait()
            except queue.Empty:
                if not self.received or not self.alive():
                    self.given_up = max(self.given_up, number)
                    return None
                continue
            self._arrived(answer)
        for earlier in [sent for sent in self.back if sent < number]:
            del self.back[earlier]
        return self.back.pop(number, None)

    def _collect(self) -> None:
        """Take the answers that have come back, to be asked for later; those to batches the
        sender did itself are let go."""
        while True:
            try:
                answer = self.answers.get_nowait()
            except queue.Empty:
                break
            self._arrived(answer)
        for number in [sent for sent in self.back if sent <= self.given_up]:
            del self.back[number]

    def _arrived(self, answer: Answer) -> None:
        self.back[self.received] = answer
        self.received += 1

    def close(self) -> None:
        self.process.kill()
        self.process.join()
        self.work.cancel_join_thread()  # batches it was not there to take are let go
        for channel in (self.work, self.answers):
            channel.close()


def serve(handle: Callable[[Work], Answer], work: Queue[Work], answers: Queue[Answer]) -> None:
    """The process: the answer to each batch it is sent, in order, until the sender closes it,
    or is gone (``end_with_parent``)."""
    end_with_parent()
    while True:
        answers.put(handle(work.get()))
