"""Second processes (``core.ahead_process``) as the tests need them to behave: answering once
they have started, as a long run finds them, or dying after their first answer."""

from __future__ import annotations

import time
from typing import TypeVar

from workbench.core.ahead_process import AheadProcess

Work = TypeVar("Work")
Answer = TypeVar("Answer")
WAIT_S = 60


class WaitedFor(AheadProcess[Work, Answer]):
    """A process whose first answer is waited for before any answer is asked for: started,
    its first batch back, as a long run finds it."""

    def answer(self, number: int) -> Answer | None:
        self.wait_for_first_answer()
        return super().answer(number)

    def wait_for_first_answer(self) -> None:
        deadline = time.monotonic() + WAIT_S
        while not self.received and self.answers.empty() and time.monotonic() < deadline:
            time.sleep(0.01)


class DyingAfterFirstAnswer(WaitedFor[Work, Answer]):
    """A process that dies once it has sent back its first answer, before it is sent the next
    batch."""

    def send(self, batch: Work) -> int:
        if self.sent:
            self.wait_for_first_answer()
            self.process.kill()
            self.process.join()
        return super().send(batch)
