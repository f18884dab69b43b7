"""mypy --strict (every module of the program, the window's included, and of its tests) and ruff
(the whole tree) pass with the configuration of pyproject.toml, which .ci/run also runs; and that
configuration does catch what it should."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


def run_tool(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *map(str, argv)],
        cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600,
    )


def test_mypy_strict_finds_no_error_in_any_module_of_the_program_or_its_tests() -> None:
    """The window's modules too (they were left out, with 65 errors mypy --strict found there),
    and the tests (left out, with 289)."""
    checked = run_tool("mypy")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    modules = sum(len(list((REPO_ROOT / tree).rglob("*.py"))) for tree in ("workbench", "tests"))
    assert f"Success: no issues found in {modules} source files" in checked.stdout, checked.stdout


def test_ruff_finds_nothing_in_the_tree() -> None:
    checked = run_tool("ruff", "check", "--no-cache")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_configuration_is_strict(tmp_path: Path) -> None:
    module = tmp_path / "sloppy.py"
    module.write_text("import os\n\ndef half(value):\n    return value / 2\n", encoding="utf-8")
    typed = run_tool("mypy", "--config-file", REPO_ROOT / "pyproject.toml", "--no-incremental", module)
    assert "Function is missing a type annotation  [no-untyped-def]" in typed.stdout, typed.stdout
    linted = run_tool(
        "ruff", "check", "--no-cache", "--config", REPO_ROOT / "pyproject.toml", "--output-format",
        "concise", module,
    )
    assert "F401" in linted.stdout and "I001" in linted.stdout, linted.stdout
