"""The README's commands are the ones CI runs."""

from __future__ import annotations

import re

from tests.conftest import REPO_ROOT


def readme_commands() -> list[str]:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_the_readme_gives_a_run_and_a_test_command() -> None:
    run, test = readme_commands()[:2]
    assert run.endswith("uv run --no-dev workbench")
    assert test.endswith("uv run pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci
