"""``workbench --self-test`` with its Qt steps, and ``--startup-probe``, run from the source tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from workbench.app.self_test import SelfTestFailure, self_test_context
from workbench.cli import main
from workbench.ui import i18n, startup_probe
from workbench.ui.self_test import load_translations
from workbench.ui.startup_probe import run_startup_probe


def test_the_self_test_passes_and_saves_the_window(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_path, screenshot = tmp_path / "report.json", tmp_path / "window.png"
    code = main(["--self-test", "--report", str(report_path), "--screenshot", str(screenshot)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0, "\n".join(out)
    assert out[-1].startswith("SELF-TEST OK")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert [s["name"] for s in report["steps"]][-4:] == ["qt", "font", "translations", "window"]
    assert report["qt"] != "not loaded" and report["frozen"] is False
    assert QImage(str(screenshot)).width() > 0


def test_the_translations_step_names_a_missing_file(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that lost resources/translations (as one did) fails here, not in front of a user."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    with self_test_context() as context, pytest.raises(SelfTestFailure, match=r"workbench_ar\.qm"):
        load_translations(context)
    assert i18n.current_language() is i18n.Language.ENGLISH


def test_report_and_screenshot_need_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--report", "x.json"])
    assert exit_info.value.code == 2
    assert "--self-test" in capsys.readouterr().err


def test_the_startup_probe_prints_when_the_window_painted(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # where the demo project is built
    assert run_startup_probe() == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("startup-probe: window painted at ") and "ms of CPU" in line
    assert (tmp_path / "TawsimWorkbench" / "demo.tawsim").is_file()


def test_the_startup_probe_leaves_no_deadline_behind(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its time-out, left pending, once ended another test's event loop half a minute later."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(startup_probe, "TIMEOUT_MS", 300)
    assert run_startup_probe() == 0
    loop = QEventLoop()
    QTimer.singleShot(900, lambda: loop.exit(0))
    assert loop.exec() == 0  # 1 when the probe's deadline (300 ms) ended this loop
