"""Loading ahead what the first actions would otherwise wait for (run on a background thread)."""

from __future__ import annotations

from workbench.core import tokens
from workbench.store import connection


def warm_up() -> None:
    """Load, while the annotator starts reading, what the window's thread would otherwise wait
    for: sqlite-utils (0.35 s), through which the first label is written, and camel-tools (over
    a second), which snaps a selection to words. Both are imports (CPU under the GIL), so one
    thread loads them in turn."""
    connection.warm_up()
    tokens.warm_up()
