"""The progress callback every long operation takes: importers and exporters, merging packages,
agreement over a corpus. Defined in core so that store, formats and app share one type; the window
shows it in a progress dialog and the command line as a progress bar."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""Called with (done, total) as work advances; total is 0 when unknown."""


def no_progress(done: int, total: int) -> None:
    """The progress callback for callers that do not show progress."""
