"""The progress callback every long operation takes (importers and exporters, merging packages,
agreement over a corpus), and its cancellation. Defined in core so that store, formats and app
share one type; the window shows it in a progress dialog and the command line as a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from workbench.core.errors import Cancelled

T = TypeVar("T")
Progress = Callable[[int, int], None]
"""Called with (done, total) as work advances; total is 0 when unknown."""
CancelCheck = Callable[[], bool]
"""Asked between steps of long work: whether to stop (with ``Cancelled``)."""


def never() -> bool:
    """The ``CancelCheck`` of work nobody cancels."""
    return False


def stopping(items: Iterable[T], cancelled: CancelCheck) -> Iterator[T]:
    """The items, stopping with ``Cancelled`` before the next one once ``cancelled()``."""
    for item in items:
        if cancelled():
            raise Cancelled()
        yield item


def no_progress(done: int, total: int) -> None:
    """The progress callback for callers that do not show progress."""
