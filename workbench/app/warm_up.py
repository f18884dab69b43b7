"""Loading ahead what the first actions would otherwise wait for (run on a background thread)."""

from __future__ import annotations

import gc
import linecache

from workbench.core import tokens
from workbench.store import connection


def warm_up() -> None:
    """Load, while the annotator starts reading, what the window's thread would otherwise wait
    for: sqlite-utils (0.35 s), through which the first label is written, and what snaps a
    selection in a chunk with an emoji sequence to words (``core.emoji_chunks``, 40 ms). Both are
    imports (CPU under the GIL), so one thread loads them in turn.

    Then the lines of source ``linecache`` holds are dropped: PySide's import hook reads the
    source of every module imported after it (``inspect.getsource``, to see whether the module
    switches on one of PySide's ``__feature__`` options), and ``linecache`` keeps it: 6 million
    characters, 6-9 MB of the window's memory, which a traceback would read again if it needed
    them (the installed program, which holds no sources, is spared it).

    Then every object alive is frozen out of the garbage collector's generations (``gc.freeze``):
    the modules loaded live as long as the program, and the next collections walked all of them
    on whichever thread came next, the window's included (a collection of 20-40 ms as the lead
    first scrolled the assignments, over a frame). What was garbage by then is never freed, a
    one-off few kilobytes."""
    connection.warm_up()
    tokens.warm_up()
    linecache.clearcache()
    gc.freeze()
