"""Shared test set-up. Qt must run offscreen, and that must be set before any QApplication exists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TypeVar

import pytest

from workbench.core.schema import Schema, builtin_schema

T = TypeVar("T")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


def printed_by_a_fresh_interpreter(script: str, *args: str, env: dict[str, str] | None = None) -> list[str]:
    """The lines ``script`` prints run by an interpreter of its own, where nothing is imported
    yet (what a start, or a first use, loads)."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=REPO_ROOT, env=env,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    return result.stdout.splitlines()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (corpora, agreement examples); skips when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is absent: the shared test material is not beside this checkout")
    return SHARED_DIR


@pytest.fixture(scope="session")
def conflict_news() -> Schema:
    """The default schema, shared by the tests that need a realistic inventory."""
    return builtin_schema("conflict-news")


def present(value: T | None) -> T:
    """``value``, which the test expects to be there (Qt returns None for a child not found)."""
    assert value is not None
    return value


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """``workbench ARGV...`` in this process: its exit code, standard output and error."""
    from workbench.cli import main

    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def searched_phrases(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The phrases (normalized) whose places ``core.suggestions`` looks for meanwhile, in order:
    each is a search of a whole document's text."""
    from workbench.core import suggestions
    from workbench.core.normalize import NormalizedText

    searched: list[str] = []
    search = suggestions._needle_occurrences

    def counted(normalized: NormalizedText, needle: str) -> list[tuple[int, int]]:
        searched.append(needle)
        return search(normalized, needle)

    monkeypatch.setattr(suggestions, "_needle_occurrences", counted)
    return searched


@pytest.fixture
def documents_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents ``Project.document`` reads meanwhile, in order: each is a read
    of a whole text."""
    from workbench.core.model import Document
    from workbench.store.project import Project

    read: list[str] = []
    document = Project.document

    def counted(project: Project, document_id: str) -> Document:
        read.append(document_id)
        return document(project, document_id)

    monkeypatch.setattr(Project, "document", counted)
    return read
