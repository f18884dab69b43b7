"""A spawned helper process (``multiprocessing``, ``spawn``) that ends as soon as the process
that started it is gone.

An export, the agreement or a training killed (by the user, the system, a crash) cannot end the
processes it started: they would go on with work nobody will take, a CRF training for up to
18 s, holding its memory and the project file open. A spawned child knows its parent by a pipe
that the parent's death closes (``multiprocessing.parent_process()``); a thread of the child
waits on it and ends the whole process at once. The thread waits in the kernel, without the
interpreter's lock, and gets its turn even while the child's main thread runs Python (the
switch interval) or a CRF training (at its messages, once an iteration).
"""

from __future__ import annotations

import os
import sys
import threading

ORPHANED_EXIT = 3
"""The exit status of a child whose parent was gone."""


def end_with_parent() -> None:
    """From now on, this process ends when its parent does; nothing in a process not started
    by ``multiprocessing``."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait_for_the_parent() -> None:
        parent.join()
        os._exit(ORPHANED_EXIT)  # no clean-up: the answers and files it would flush are nobody's

    threading.Thread(target=wait_for_the_parent, name="end with parent", daemon=True).start()


def importing_the_main_script() -> bool:
    """Whether this is a spawned child still importing its parent's main script: a script that
    starts an export, the agreement or a training at its top level, not under ``if __name__ ==
    "__main__":``, runs again there, and would open its project a second time and write what the
    parent is writing (the same export, under the same hidden name). ``multiprocessing`` marks the
    process so while it prepares (``_inheriting``, which its own check of a process started then
    reads); a Python without the mark is taken to be past it. A process that has not imported
    ``multiprocessing`` is no such child (the child imports it before the script), and is not
    made to import it (10 ms of every command's start)."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return False
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))
