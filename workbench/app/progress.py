"""Progress reporting and cancellation for long operations."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from workbench.core.progress import CancelCheck, Progress, never, no_progress, stopping

T = TypeVar("T")


def counted(
    items: Iterable[T],
    progress: Progress = no_progress,
    total: int = 0,
    cancelled: CancelCheck = never,
) -> Iterator[T]:
    """Yield the items, reporting each to ``progress`` and stopping with ``Cancelled`` on request."""
    for done, item in enumerate(stopping(items, cancelled), start=1):
        yield item
        progress(done, total)
