"""A crash in the window leaves a report, and the next start offers it once without blocking
(issue 12, point 4). Each start is a fresh interpreter whose user data folder is the test's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from workbench.ui import i18n
from workbench.ui.crash_log import offer_report
from workbench.ui.i18n import Language

START = """
import json, sys
from PySide6.QtCore import qCritical, qFatal
from PySide6.QtWidgets import QWidget
from workbench.ui.app import application
from workbench.ui.crash_log import offer_report, start_crash_log

app = application()
report = start_crash_log()
window = QWidget()
window.show()

def show_document():  # a frame the report must name
    qCritical("the view lost its document")
    qFatal("no way on")  # PySide passes its own words to Qt; Qt aborts

if sys.argv[1] == "fatal":
    show_document()
notice = offer_report(window, report) if report is not None else None
app.processEvents()
print(json.dumps(None if notice is None else {
    "visible": notice.isVisible(), "modal": notice.isModal(), "report": str(report),
    "details": notice.detailedText(),
}))
"""


def start(tmp_path: Path, then: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", START, then],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def offered(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_a_qt_fatal_error_is_reported_at_the_next_start_once(tmp_path: Path) -> None:
    crashed = start(tmp_path, "fatal")
    assert crashed.returncode == -signal.SIGABRT
    notice = offered(start(tmp_path, "run"))
    assert notice["visible"] and not notice["modal"]  # the window goes on
    assert Path(notice["report"]).parent == tmp_path / "TawsimWorkbench"
    details = notice["details"]
    assert "QtCriticalMsg\nthe view lost its document" in details  # Qt's messages
    assert "QtFatalMsg" in details and "Aborted" in details  # the fatal one and the abort
    assert "show_document" in details.split("QtFatalMsg")[1]  # with the Python stack
    assert offered(start(tmp_path, "run")) is None


def test_the_notice_speaks_the_interface_language(qtbot: QtBot, tmp_path: Path) -> None:
    report = tmp_path / "crash-20260101-120000.log"
    report.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    i18n.set_language(Language.ARABIC)
    try:
        notice = offer_report(parent, report)
        assert isinstance(notice, QMessageBox) and not notice.isModal()
        assert notice.text() != "The last session ended with an error. Its report is kept here:"
        assert notice.informativeText() == str(report)
        notice.close()
    finally:
        i18n.set_language(Language.ENGLISH)
