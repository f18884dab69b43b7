"""The layering rules of DESIGN.md that a test can check."""

from __future__ import annotations

import ast
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
