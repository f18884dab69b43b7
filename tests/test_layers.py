"""The layering rules of DESIGN.md that a test can check."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "workbench"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_nothing_outside_ui_imports_qt() -> None:
    offenders = {
        str(path.relative_to(REPO_ROOT)): sorted(m for m in imported_modules(path) if m.split(".")[0] in QT_MODULES)
        for path in PACKAGE.rglob("*.py")
        if PACKAGE / "ui" not in path.parents
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_finds_a_qt_import(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from PySide6.QtCore import QPoint\n", encoding="utf-8")
    assert imported_modules(module) == {"PySide6.QtCore"}


def test_lockfile_holds_no_torch_transformers_or_nvidia() -> None:
    lock = tomllib.loads((REPO_ROOT / "uv.lock").read_text(encoding="utf-8"))
    names = {package["name"] for package in lock["package"]}
    assert "camel-tools" in names and "pyside6-essentials" in names
    heavy = {n for n in names if n in ("torch", "transformers") or n.startswith("nvidia")}
    assert heavy == set()


def test_pyside6_is_pinned_to_the_tested_version() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "PySide6-Essentials==6.11.3" in project["project"]["dependencies"]
    assert "camel-tools==1.6.0" in project["project"]["dependencies"]


def lint_imports(folder: Path) -> str:
    """import-linter's report on the ``workbench`` package in ``folder``, by the contracts of
    ``folder/pyproject.toml`` (the tool puts its working folder first on the import path)."""
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    run = subprocess.run(
        [sys.executable, "-c", command, "--no-cache", "--no-logo"],
        cwd=folder, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    return run.stdout + run.stderr


def test_the_layer_contracts_hold() -> None:
    report = lint_imports(REPO_ROOT)
    assert "Contracts: 4 kept, 0 broken." in report, report


def test_the_contracts_catch_an_import_against_the_layers(tmp_path: Path) -> None:
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path)
    copy = tmp_path / "workbench"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "_bundled"))
    against = {
        "core/model.py": "from workbench.app import project",  # a lower layer imports a higher one
        "store/clock.py": "import PySide6",  # Qt outside ui
        "ui/annotate/search_controller.py": "from workbench.store import reading",  # ui past app to the store
        "cli/project_commands.py": "from workbench.store import inspection",  # the command line too
        "formats/txt.py": "from workbench.store import rows",  # formats and store are independent
        "store/editing.py": "from workbench.store import project",  # a store function needs the front
    }
    for module, line in against.items():
        with (copy / module).open("a", encoding="utf-8") as source:
            source.write(f"\n{line}\n")
    report = lint_imports(tmp_path)
    assert "Contracts: 0 kept, 4 broken." in report, report
    assert "No cycles are allowed in workbench.store." in report
    for importer, imported in [
        ("workbench.core.model", "workbench.app.project"),
        ("workbench.formats.txt", "workbench.store.rows"),
        ("workbench.store.clock", "PySide6"),
        ("workbench.ui.annotate.search_controller", "workbench.store.reading"),
        ("workbench.cli.project_commands", "workbench.store.inspection"),
    ]:
        assert f"{importer} -> {imported}" in report
