"""An export killed (SIGKILL) at any point, or stopped by a full disk, leaves OUT as the previous
export or absent, never partial; the next run removes what the killed one left (issue 10).

Every run is ``workbench export`` in a child process (``os.fork`` of the test process: no
interpreter start-up, so the suite stays fast). The kill is deterministic: the child kills itself
with SIGKILL at a chosen point (after the first document, half-way, after the last document, in
the middle of the final rename). The full disk is a real write failure: the child runs with
``RLIMIT_FSIZE`` below the export's size and SIGXFSZ ignored, so a write fails with EFBIG.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench import cli
from workbench.cli import project_commands
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.formats import EXPORTERS
from workbench.store.project import Project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

DOCUMENTS = 12
FILE_SIZE_LIMIT = 40_000
"""Above the 32 KiB of SQLite's ``-shm`` file, which opening the project creates."""
LONG_TEXT = " وقال إن الهجوم وقع أمس." * 2_000
"""A document text of 87 KB, far above the file-size limit in every format."""
SPLITS = {"whole": None, "split": "80/10/10"}
KILL_POINTS = ("first-document", "half-the-documents", "half-the-files", "rename")
"""Where the child dies. The progress of documents is counted as they are read: for a split
export all of them are read before any file is written, so "half-the-files" (before the middle
one of the export's renames) is the point inside the writing there."""


def make_project(path: Path, long_document: bool) -> Path:
    """A closed project whose documents hold a gold and an ``amal`` set."""
    with Project.create(path, builtin_schema("conflict-news")) as project:
        project.add_documents(_document(n, long_document and n == 5) for n in range(DOCUMENTS))
    return path


def _document(number: int, long: bool) -> AnnotatedDocument:
    text = f"زار محمد بغداد {number}." + (LONG_TEXT if long else "")
    span = Span(f"s{number}", 9, 14, "GPE", text[9:14])
    document = make_document(f"d{number}", text)
    return AnnotatedDocument(document, (AnnotationSet("gold", (span,)), AnnotationSet("amal")))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("project") / "p.tawsim", long_document=False)


@pytest.fixture(scope="module")
def long_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project one of whose documents alone is larger than ``FILE_SIZE_LIMIT``."""
    return make_project(tmp_path_factory.mktemp("long") / "p.tawsim", long_document=True)


def out_path(folder: Path, format_name: str, split: str | None) -> Path:
    return folder / ("out" if split or format_name in ("brat", "hf") else "out.data")


def export_argv(
    project: Path, out: Path, format_name: str, split: str | None, source: str
) -> list[str]:
    argv = ["export", str(project), str(out), "--format", format_name, "--source", source]
    return argv + (["--split", split] if split else [])


def snapshot(out: Path) -> dict[str, bytes] | None:
    """Every file of OUT with its bytes (None when OUT is absent)."""
    if not out.exists():
        return None
    if out.is_file():
        return {"": out.read_bytes()}
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def run_in_child(argv: list[str], err: Path, prepare: Callable[[], None]) -> int:
    """Run the command line in a forked child; its exit status (as ``os.waitstatus_to_exitcode``:
    negative for a signal)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            sys.stderr = err.open("w", encoding="utf-8")
            prepare()
            code = cli.main(argv)
            sys.stderr.flush()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def kill_at(point: str, out: Path, renames: int) -> Callable[[], None]:
    """In the child: arrange SIGKILL at ``point`` of the export to ``out``, which renames files
    ``renames`` times in all."""

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def prepare() -> None:
        real_replace, done = os.replace, [0]

        def replace(source: str | Path, target: str | Path) -> None:
            done[0] += 1
            if point == "half-the-files" and done[0] == (renames + 1) // 2:
                die()
            if point == "rename" and Path(target) == out:  # a file export: before its rename
                die()
            real_replace(source, target)
            if point == "rename" and Path(source) == out:  # a folder: the old one moved away
                die()

        def progress(documents: int, total: int) -> None:
            if documents == {"first-document": 1, "half-the-documents": total // 2}.get(point):
                die()

        os.replace = replace  # type: ignore[assignment]
        project_commands.progress_bar = lambda what: progress  # type: ignore[attr-defined]  # the export's bar

    return prepare


def renames_of(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times the export ``argv`` renames a file (run here, into a scratch folder)."""
    real_replace, count = os.replace, [0]

    def replace(source: str | Path, target: str | Path) -> None:
        count[0] += 1
        real_replace(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", replace)
        assert cli.main(argv) == 0
    return count[0]


def full_disk() -> None:
    """In the child: no file may grow past ``FILE_SIZE_LIMIT``; a write past it fails (EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


def previous_export(
    project: Path, tmp_path: Path, format_name: str, split: str | None
) -> tuple[Path, dict[str, bytes] | None]:
    out = out_path(tmp_path / "exports", format_name, split)
    assert cli.main(export_argv(project, out, format_name, split, "amal")) == 0
    return out, snapshot(out)


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir())


@pytest.mark.parametrize("point", KILL_POINTS)
@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("format_name", EXPORTERS)
def test_a_killed_export_leaves_the_previous_one_or_nothing(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    format_name: str,
    split: str,
    point: str,
) -> None:
    split_text = SPLITS[split]
    scratch = out_path(tmp_path / "scratch", format_name, split_text)
    renames = renames_of(export_argv(project, scratch, format_name, split_text, "gold"), monkeypatch)
    out, before = previous_export(project, tmp_path, format_name, split_text)
    argv = export_argv(project, out, format_name, split_text, "gold")
    status = run_in_child(argv, tmp_path / "err.txt", kill_at(point, out, renames))
    assert status == -signal.SIGKILL
    left = snapshot(out)
    assert left == before or (point == "rename" and left is None)
    if point in ("half-the-files", "rename"):  # the killed run left its hidden files
        assert [name for name in beside(out) if name.startswith(f".{out.name}.")]
    assert cli.main(argv) == 0  # the next run
    assert beside(out) == [out.name]  # nothing hidden left beside OUT
    assert snapshot(out) not in (None, before)


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("format_name", EXPORTERS)
def test_a_full_disk_gives_one_line_and_keeps_the_previous_export(
    long_project: Path, tmp_path: Path, format_name: str, split: str
) -> None:
    split_text = SPLITS[split]
    out, before = previous_export(long_project, tmp_path, format_name, split_text)
    err = tmp_path / "err.txt"
    argv = export_argv(long_project, out, format_name, split_text, "gold")
    status = run_in_child(argv, err, full_disk)
    message = err.read_text(encoding="utf-8")
    assert status == 1, message
    assert message.count("\n") == 1 and str(out) in message and "File too large" in message
    assert snapshot(out) == before
    assert beside(out) == [out.name]


def test_a_full_disk_on_a_first_export_leaves_nothing(long_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    err = tmp_path / "err.txt"
    status = run_in_child(export_argv(long_project, out, "brat", None, "gold"), err, full_disk)
    assert status == 1 and "File too large" in err.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["err.txt"]
