"""The Qt-free steps of ``--self-test`` and how a report is made (the Qt steps: tests/ui)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.app import self_test
from workbench.app.self_test import (
    CORE_STEPS,
    SelfTestContext,
    SelfTestFailure,
    SelfTestReport,
    Step,
    new_report,
    run_steps,
    self_test_context,
    write_json_report,
)


@pytest.fixture
def context() -> Iterator[SelfTestContext]:
    with self_test_context() as made:
        yield made


def run(steps: tuple[Step, ...], context: SelfTestContext) -> SelfTestReport:
    report = new_report()
    run_steps(steps, context, report)
    return report


def test_every_core_step_passes_on_the_bundled_seeds(context: SelfTestContext) -> None:
    report = run(CORE_STEPS, context)
    assert [(s.name, s.status) for s in report.steps] == [(s.name, "ok") for s in CORE_STEPS]
    assert report.ok and report.failed_step is None and report.frozen is False
    assert "span F1 (exact, labeled) 1.00" in report.steps[-1].detail


def test_the_temporary_folder_goes_once_the_project_is_closed() -> None:
    with self_test_context() as context:
        run(CORE_STEPS[:3], context)
        workdir = context.workdir
        assert (workdir / "self-test.tawsim").is_file()
    assert not workdir.exists()


def test_a_missing_conll_exporter_fails_its_step_by_name(
    context: SelfTestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench import formats

    monkeypatch.delitem(formats.EXPORTERS, "conll")
    report = run(CORE_STEPS, context)
    failed = [s for s in report.steps if s.status != "ok"]
    assert [(s.name, s.detail) for s in failed] == [
        ("export-conll", "SelfTestFailure: conll exporter not available")
    ]
    assert report.failed_step == "export-conll"
    assert list(report.lines())[-1] == "SELF-TEST FAILED at step 'export-conll'"


def test_a_step_whose_prerequisite_failed_is_not_run(context: SelfTestContext) -> None:
    def broken(_: SelfTestContext) -> str:
        raise SelfTestFailure("first line\n\nthe cause")

    report = run((Step("first", broken), Step("second", lambda _: "fine", needs=("first",))), context)
    first, second = report.steps
    assert (first.status, first.detail) == ("failed", "SelfTestFailure: the cause")
    assert first.error == "SelfTestFailure: first line\n\nthe cause"
    assert (second.status, second.detail) == ("not run", "needs first")


def test_the_report_prints_a_line_per_step_and_writes_json(
    context: SelfTestContext, tmp_path: Path
) -> None:
    report = run((Step("resources", self_test.check_resources),), context)
    lines = list(report.lines())
    assert lines[0].startswith(f"Tawsim Workbench {report.version} self-test: frozen=False")
    assert f"sqlite={report.sqlite}" in lines[0]
    assert lines[1].startswith("ok      resources  4 schemas")
    assert lines[-1] == "SELF-TEST OK (1 steps)"
    path = tmp_path / "out" / "report.json"
    write_json_report(report, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["ok"] is True and written["failed_step"] is None
    assert written["steps"][0]["name"] == "resources"
