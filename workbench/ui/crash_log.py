"""The crash log at start-up (``workbench.app.crash_log``): Qt's fatal and critical messages go
into it with the Python stack, and the report a crashed session left is offered once, in a
notice that does not block the window (its details show the log).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.app.crash_log import CrashLog
from workbench.paths import APP_NAME

log = logging.getLogger(__name__)
SHOWN_CHARACTERS = 20_000
"""The end of a long report is what the notice shows: where the crash happened."""
_RECORDED = (QtMsgType.QtFatalMsg, QtMsgType.QtCriticalMsg)


def start_crash_log(folder: Path | None = None) -> Path | None:
    """Keep this session's crash log (in the user data folder by default); returns the report
    the last session left, if it crashed. A log that cannot be written costs only the log."""
    crash_log = CrashLog(folder)
    try:
        report = crash_log.take_report()
        crash_log.install()
    except OSError as error:
        log.warning("no crash log in %s: %s", crash_log.folder, error)
        return None
    install_qt_message_handler(crash_log)
    return report


def install_qt_message_handler(crash_log: CrashLog) -> None:
    """Qt's fatal and critical messages into ``crash_log``; every message goes on where it went
    (the handler installed before, or standard error)."""
    previous = qInstallMessageHandler(None)

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in _RECORDED:
            crash_log.record_with_stack(f"Qt {kind.name}", message)
        if previous is not None:
            previous(kind, context, message)
        elif sys.stderr is not None:  # a windowed build has none
            sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handle)


def offer_report(parent: QWidget, report: Path) -> QMessageBox:
    """Say that the last session crashed and where its report is, without blocking: the
    notice's "Show Details" shows the report."""
    notice = QMessageBox(parent)
    notice.setIcon(QMessageBox.Icon.Warning)
    notice.setWindowTitle(APP_NAME)
    notice.setText(
        QCoreApplication.translate(
            "CrashLog", "The last session ended with an error. Its report is kept here:"
        )
    )
    notice.setInformativeText(str(report))
    notice.setDetailedText(report.read_text(encoding="utf-8", errors="replace")[-SHOWN_CHARACTERS:])
    notice.setStandardButtons(QMessageBox.StandardButton.Close)
    notice.setModal(False)
    notice.show()
    return notice
