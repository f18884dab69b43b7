"""The crash log: a process killed by a fault or an uncaught exception leaves its stacks in the
user data folder, and the next start takes the report once (issue 12, point 4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from workbench.app.crash_log import LOG_NAME, CrashLog

CRASH = """
import faulthandler, os, sys
from workbench.app.crash_log import CrashLog

def label_the_selection():  # a frame the log must name
    {crash}

CrashLog().install()
label_the_selection()
"""


def crash(tmp_path: Path, how: str) -> subprocess.CompletedProcess[str]:
    """Run a child whose user data folder is under ``tmp_path`` and that dies ``how``."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", CRASH.format(crash=how)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def data_folder(tmp_path: Path) -> Path:
    return tmp_path / "TawsimWorkbench"


def test_a_segmentation_fault_leaves_the_python_stack_in_the_user_data_folder(tmp_path: Path) -> None:
    result = crash(tmp_path, "faulthandler._sigsegv()")
    assert result.returncode == -signal.SIGSEGV
    text = (data_folder(tmp_path) / LOG_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in text
    assert "label_the_selection" in text


def test_an_abort_leaves_the_stack_too(tmp_path: Path) -> None:
    result = crash(tmp_path, "os.abort()")
    assert result.returncode == -signal.SIGABRT
    text = (data_folder(tmp_path) / LOG_NAME).read_text(encoding="utf-8")
    assert "Aborted" in text and "label_the_selection" in text


def test_an_uncaught_exception_is_logged_and_still_printed(tmp_path: Path) -> None:
    result = crash(tmp_path, "raise RuntimeError('the span vanished')")
    assert result.returncode == 1
    assert "RuntimeError: the span vanished" in result.stderr  # the usual hook still runs
    text = (data_folder(tmp_path) / LOG_NAME).read_text(encoding="utf-8")
    assert "Uncaught exception" in text and "RuntimeError: the span vanished" in text


def test_the_next_start_takes_the_report_once(tmp_path: Path) -> None:
    crash(tmp_path, "faulthandler._sigsegv()")
    log = CrashLog(data_folder(tmp_path))
    report = log.take_report()
    assert report is not None and report.name.startswith("crash-")
    assert "Segmentation fault" in report.read_text(encoding="utf-8")
    assert log.take_report() is None


def test_a_session_that_ends_well_leaves_no_report(tmp_path: Path) -> None:
    result = crash(tmp_path, "pass")
    assert result.returncode == 0, result.stderr
    assert (data_folder(tmp_path) / LOG_NAME).read_text(encoding="utf-8") == ""
    assert CrashLog(data_folder(tmp_path)).take_report() is None
