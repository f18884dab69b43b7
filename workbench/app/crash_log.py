"""The crash log: what a crash leaves behind, so that the next start can offer to show it.

``install`` opens ``crash.log`` in the user data folder and keeps it open for the whole session:
``faulthandler`` writes the Python stacks of every thread there when the process dies of a fatal
signal (a segmentation fault in Qt, an abort), with no Python code left to run; Python 3.14
and later add the C stack. Uncaught Python exceptions (``sys.excepthook`` and
``threading.excepthook``) and, through the window, Qt's fatal messages are written there as
well, each with the time, before the hooks that were installed go on as before.

A session that ends well leaves the log empty. At the next start ``take_report`` moves a log
with something in it aside (``crash-<time>.log``) and returns it, once: the start after that
finds an empty log again.
"""

from __future__ import annotations

import faulthandler
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from workbench.paths import user_data_dir

LOG_NAME = "crash.log"
REPORT_PREFIX = "crash-"


def default_folder() -> Path:
    return user_data_dir()


class CrashLog:
    """The crash log in ``folder`` (the user data folder by default)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_folder()
        self.path = self.folder / LOG_NAME
        self._file: TextIO | None = None

    def take_report(self) -> Path | None:
        """The log the last session left, moved aside under its time; None when it ended well
        (or the report was taken already)."""
        try:
            if self.path.stat().st_size == 0:
                return None
        except FileNotFoundError:
            return None
        stamp = datetime.fromtimestamp(self.path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
        report = self.folder / f"{REPORT_PREFIX}{stamp}.log"
        self.path.replace(report)
        return report

    def install(self) -> None:
        """Start this session's log and the hooks that write to it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("w", encoding="utf-8")
        faulthandler.enable(file=self._file, all_threads=True)  # C stacks too from 3.14 on
        previous_hook = sys.excepthook

        def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
            self.record("Uncaught exception", "".join(traceback.format_exception(kind, error, trace)))
            previous_hook(kind, error, trace)

        previous_thread_hook = threading.excepthook

        def thread_excepthook(args: threading.ExceptHookArgs) -> None:
            trace = traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
            name = args.thread.name if args.thread is not None else "?"
            self.record(f"Uncaught exception in thread {name}", "".join(trace))
            previous_thread_hook(args)

        sys.excepthook = excepthook
        threading.excepthook = thread_excepthook

    def record(self, title: str, details: str) -> None:
        """Write an entry now (flushed: the process may be about to die)."""
        if self._file is None:
            return
        self._file.write(f"{datetime.now().isoformat(timespec='seconds')} {title}\n{details}\n")
        self._file.flush()

    def record_with_stack(self, title: str, message: str) -> None:
        """An entry with ``message`` and the Python stack of the calling thread."""
        stack = "".join(traceback.format_stack()[:-1])
        self.record(title, f"{message}\nPython stack:\n{stack}")
