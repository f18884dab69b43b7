"""Exports stay byte-identical when the way documents are read and rendered changes (issue 16:
faster, streaming exports must write exactly what they wrote before).

The golden files were written by the code before the change, with
``python -m tests.formats.export_fixture``; regenerate them only for an intended change of output.
"""

from __future__ import annotations

from pathlib import Path

from tests.formats.export_edge_fixture import GOLDEN as EDGE_GOLDEN
from tests.formats.export_edge_fixture import build_edge_project
from tests.formats.export_fixture import GOLDEN, build_project, export_all


def _comparable(files: dict[str, bytes]) -> dict[str, object]:
    """Files by path; brat's by their contents alone, since its file names follow the
    document names (another change renames them) while the contents must not change."""
    by_path: dict[str, object] = {p: b for p, b in files.items() if "-brat-" not in p}
    by_path["brat"] = sorted(b for p, b in files.items() if "-brat-" in p)
    return by_path


def golden_files(folder: Path) -> dict[str, bytes]:
    """The expected files under ``folder``, by their path relative to it."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_every_export_of_the_fixed_project_is_byte_identical(tmp_path: Path) -> None:
    expected = golden_files(GOLDEN)
    written = export_all(build_project(tmp_path), tmp_path / "out")
    assert len(expected) > 40
    assert _comparable(written) == _comparable(expected)


def test_every_export_of_the_edge_project_is_byte_identical(tmp_path: Path) -> None:
    """JSON escapes, emoji, bidi marks, spans across line breaks, relations, document labels,
    notes and unsafe file names (``export_edge_fixture``), against the files the code wrote
    before the exports were rewritten for speed (issue 16)."""
    expected = golden_files(EDGE_GOLDEN)
    written = export_all(build_edge_project(tmp_path), tmp_path / "out")
    assert len(expected) > 30
    assert written == expected
