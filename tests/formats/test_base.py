"""Outputs that appear whole or not at all: one text file, or a folder swapped in at the end."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from workbench.core.errors import WorkbenchError
from workbench.formats import base
from workbench.formats.base import (
    EXPORT_MARK,
    FEW_FILES,
    OutputError,
    atomic_text_output,
    export_folder,
    hidden_beside,
    new_files,
)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_text_output_replaces_the_file_only_once_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    with atomic_text_output(out) as stream:
        stream.write("سطر\n")
        assert out.read_text(encoding="utf-8") == "earlier\n"  # not yet
    assert out.read_text(encoding="utf-8") == "سطر\n"
    assert names(tmp_path) == ["out.jsonl"]


def test_a_failed_text_output_leaves_the_earlier_file_and_no_partial(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text_output(out) as stream:
        stream.write("half")
        raise RuntimeError
    assert out.read_text(encoding="utf-8") == "earlier\n"
    assert names(tmp_path) == ["out.jsonl"]


def test_a_killed_runs_partial_file_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    hidden_beside(out, "partial").write_text("left by a killed run", encoding="utf-8")
    with atomic_text_output(out) as stream:
        stream.write("new")
    assert (out.read_text(encoding="utf-8"), names(tmp_path)) == ("new", ["out.txt"])


def test_a_text_output_that_cannot_be_written_names_the_file(tmp_path: Path) -> None:
    """The folder cannot be made (a file holds its name): one refusal, not the clean-up's error."""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    pattern = r"cannot write .*out\.txt: .*nothing of it was kept"
    with pytest.raises(OutputError, match=pattern), atomic_text_output(blocker / "out.txt") as stream:
        stream.write("x")


def test_a_folder_export_is_marked_and_replaces_an_earlier_export(tmp_path: Path) -> None:
    out = tmp_path / "export"
    with export_folder(out) as partial:
        (partial / "train.conll").write_text("first", encoding="utf-8")
    assert names(out) == [EXPORT_MARK, "train.conll"]
    with export_folder(out) as partial:
        (partial / "test.conll").write_text("second", encoding="utf-8")
    assert names(out) == [EXPORT_MARK, "test.conll"]
    assert names(tmp_path) == ["export"]


def test_a_failed_folder_export_leaves_the_earlier_one(tmp_path: Path) -> None:
    out = tmp_path / "export"
    with export_folder(out) as partial:
        (partial / "train.conll").write_text("first", encoding="utf-8")
    with pytest.raises(RuntimeError), export_folder(out) as partial:
        (partial / "train.conll").write_text("half", encoding="utf-8")
        raise RuntimeError
    assert (out / "train.conll").read_text(encoding="utf-8") == "first"
    assert names(tmp_path) == ["export"]


class DiskCalls:
    """What an export asked of the disk: ``sync`` calls, and the paths it ``fsync``ed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.syncs = 0
        self.synced: list[str] = []
        opened: dict[int, str] = {}
        real_open, real_fsync = os.open, os.fsync

        def opening(path: str, flags: int, *args: object, **kwargs: object) -> int:
            descriptor = real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]
            opened[descriptor] = str(path)
            return descriptor

        def fsync(descriptor: int) -> None:
            self.synced.append(opened.get(descriptor, "?"))
            real_fsync(descriptor)

        def sync() -> None:
            self.syncs += 1

        monkeypatch.setattr(os, "open", opening)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "sync", sync, raising=False)


def test_a_folder_of_a_few_files_is_synced_file_by_file_not_with_every_programs_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``sync`` would wait for every program's unwritten data: a few files are synced one by one,
    then their folders (which hold their names), before the folder is swapped in."""
    calls = DiskCalls(monkeypatch)
    out = tmp_path / "export"
    with export_folder(out) as partial:
        (partial / "train.jsonl").write_text("{}\n", encoding="utf-8")
        (partial / "more").mkdir()
        (partial / "more" / "labels.json").write_text("[]\n", encoding="utf-8")
    assert calls.syncs == 0
    built = hidden_beside(out, "partial")
    files = [built / name for name in ("train.jsonl", "more/labels.json", EXPORT_MARK)]
    assert sorted(calls.synced) == sorted(map(str, [*files, built, built / "more"]))
    assert names(out) == [EXPORT_MARK, "more", "train.jsonl"]


def test_a_folder_of_many_files_is_put_on_the_disk_by_one_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A brat export's thousands of files: one fsync each took fifteen times as long."""
    calls = DiskCalls(monkeypatch)
    with export_folder(tmp_path / "export") as partial, new_files(partial / "train") as files:
        for number in range(FEW_FILES):
            files.write(f"{number}.txt", "نص")
    assert (calls.syncs, calls.synced) == (1, [])
    assert len(list((tmp_path / "export" / "train").iterdir())) == FEW_FILES


def test_what_many_files_hold_is_put_on_the_disk_in_the_background_as_they_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each ``WRITEBACK_BYTES`` written, a ``sync`` on a thread of its own, which the export
    does not wait for until its files are closed; the export's own ``sync`` comes last."""
    monkeypatch.setattr(base, "WRITEBACK_BYTES", 100)
    syncs: list[str] = []
    writing = threading.Event()

    def sync() -> None:
        syncs.append(threading.current_thread().name)
        writing.set()

    monkeypatch.setattr(os, "sync", sync, raising=False)
    with export_folder(tmp_path / "export") as partial:
        with new_files(partial / "train") as files:
            files.write("first.txt", "x" * 100)
            assert writing.wait(timeout=10)  # while the export goes on
            for number in range(FEW_FILES):
                files.write(f"{number}.txt", "x" * 50)
        assert "export writeback" not in [thread.name for thread in threading.enumerate()]
        background = len(syncs)
    assert 1 <= background <= 1 + FEW_FILES // 2
    assert syncs == ["export writeback"] * background + ["MainThread"]
    assert len(list((tmp_path / "export" / "train").iterdir())) == FEW_FILES + 1


def test_a_failed_export_stops_its_background_syncs_and_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that cannot be written (here: one already there) fails the export; the thread is
    ended and the folder being built removed, as when the export is cancelled."""
    monkeypatch.setattr(base, "WRITEBACK_BYTES", 10)
    synced = threading.Event()
    monkeypatch.setattr(os, "sync", synced.set, raising=False)
    out = tmp_path / "export"
    failing = pytest.raises(OutputError, match=r"cannot write .*export")
    with failing, export_folder(out) as partial, new_files(partial / "train") as files:
        files.write("خبر.txt", "x" * 10)
        assert synced.wait(timeout=10)
        files.write("خبر.txt", "again")
    assert "export writeback" not in [thread.name for thread in threading.enumerate()]
    assert names(tmp_path) == []


def test_without_sync_no_thread_puts_files_on_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no ``sync``: the files are written all the same, and no thread is started."""
    monkeypatch.setattr(base, "WRITEBACK_BYTES", 1)
    monkeypatch.delattr(os, "sync", raising=False)
    started = threading.active_count()
    with new_files(tmp_path / "train") as files:
        for number in range(3):
            files.write(f"{number}.txt", "نص")
        assert threading.active_count() == started
    assert names(tmp_path / "train") == ["0.txt", "1.txt", "2.txt"]


def test_a_users_folder_or_a_file_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="an export did not write"), export_folder(mine):
        pass
    assert names(mine) == ["notes.txt"]
    a_file = tmp_path / "a-file"
    a_file.write_text("keep", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="is a file"), export_folder(a_file):
        pass
    assert a_file.read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("relative", [True, False], ids=["dir_fd", "full paths"])
def test_new_files_are_written_by_name_into_their_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    """Relative to the open folder where the system can (``dir_fd``), by full path elsewhere
    (Windows); the folder is made when missing, and an existing file is never written over."""
    if not relative:
        monkeypatch.setattr(os, "supports_dir_fd", set())
    folder = tmp_path / "built" / "train"
    with new_files(folder) as files:
        files.write("خبر.txt", "نص\n")
        files.write("خبر.ann", "")
        with pytest.raises(OutputError, match=r"train/خبر\.txt"):
            files.write("خبر.txt", "another")
    assert names(folder) == ["خبر.ann", "خبر.txt"]
    assert (folder / "خبر.txt").read_bytes() == "نص\n".encode()
