"""Progress reporting and cancellation for long operations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from workbench.core.errors import Cancelled
from workbench.core.progress import Progress, no_progress

T = TypeVar("T")


def counted(
    items: Iterable[T],
    progress: Progress = no_progress,
    total: int = 0,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[T]:
    """Yield the items, reporting each to ``progress`` and stopping with ``Cancelled`` on request."""
    for done, item in enumerate(items, start=1):
        if cancelled():
            raise Cancelled()
        yield item
        progress(done, total)
