"""Commands that start the window: open, the demo, the self-test and the start-up probe."""

from __future__ import annotations

import argparse
import os
import sys

from workbench.cli.terminal import open_project
from workbench.core.errors import WorkbenchError

# The format, import, export and GUI modules are imported by the commands that use them, so
# that a quick command such as `workbench stats` starts in a fraction of a second.


def run_open(args: argparse.Namespace) -> None:
    # Checked before Qt starts: a dialog where no one can see it would wait forever.
    with open_project(args.project, readonly=True):
        pass
    require_display()
    from workbench.ui.app import run_gui  # Qt is loaded only for the GUI

    raise SystemExit(run_gui(args.project, annotator=args.annotator))


def run_demo() -> int:
    require_display()
    from workbench.app.demo import ensure_demo_project
    from workbench.ui.app import run_gui

    return run_gui(ensure_demo_project(), annotator=None)


def require_display() -> None:
    """Refuse to start the window on Linux with no display to show it on (an ssh session, a
    container), unless ``QT_QPA_PLATFORM`` names a platform that needs none (offscreen, vnc)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    needs_display = platform.split(":")[0] in ("", "xcb", "wayland")
    if sys.platform.startswith("linux") and needs_display and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise WorkbenchError(
            "no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "run it in a desktop session, or use the other commands, which need none"
        )


def run_self_test(args: argparse.Namespace) -> int:
    from workbench.ui.self_test import run_self_test as self_test

    return self_test(args.report, args.screenshot)


def run_startup_probe() -> int:
    from workbench.ui.startup_probe import run_startup_probe as probe

    return probe()
