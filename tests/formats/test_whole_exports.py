"""After an export, OUT holds exactly what that export wrote, for every format (issue 10, point 1):
a folder export replaces the earlier folder whole, a user's folder is never replaced, and what a
killed run left beside OUT is removed by the next run."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.formats.builders import annotated, span_of
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument
from workbench.core.schema import Schema
from workbench.formats import EXPORTERS, exporter
from workbench.formats.base import EXPORT_MARK, ExportOptions, hidden_beside

FOLDER_FORMATS = {"brat", "hf"}
"""Formats whose OUT is a folder even without a split."""


def documents(count: int = 20) -> list[AnnotatedDocument]:
    texts = [f"زار محمد بغداد {number}" for number in range(count)]
    return [
        annotated(text, [span_of(text, "بغداد", "GPE")], name=f"d{number}")
        for number, text in enumerate(texts)
    ]


DOCUMENTS = documents()
"""Made once: a split depends on the documents' ids, which are new in every ``documents()``."""


def listing(out: Path) -> list[str]:
    """Every file under ``out`` (or ``out`` itself), relative to its folder."""
    if out.is_file():
        return [out.name]
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def export(format_name: str, out: Path, schema: Schema, split: tuple[int, int, int] | None) -> None:
    exporter(format_name)(DOCUMENTS, out, ExportOptions(schema=schema, split=split, seed=1))


@pytest.mark.parametrize("format_name", EXPORTERS)
def test_a_second_split_leaves_no_file_of_the_first(
    conflict_news: Schema, tmp_path: Path, format_name: str
) -> None:
    """80/10/10 then 100/0/0: the first export's validation and test files are gone, so no test
    document is also in train."""
    out = tmp_path / "out"
    export(format_name, out, conflict_news, (80, 10, 10))
    assert any("validation" in name for name in listing(out))
    export(format_name, out, conflict_news, (100, 0, 0))
    names = listing(out)
    assert not [name for name in names if "validation" in name or "test" in name], names
    assert EXPORT_MARK in names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("format_name", EXPORTERS)
def test_a_folder_an_export_did_not_write_is_refused_untouched(
    conflict_news: Schema, tmp_path: Path, format_name: str
) -> None:
    out = tmp_path / "my-data"
    out.mkdir()
    (out / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(WorkbenchError, match=f"{out}.*did not write"):
        export(format_name, out, conflict_news, (80, 10, 10))
    assert listing(out) == ["thesis.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-data"]


@pytest.mark.parametrize("format_name", EXPORTERS)
def test_an_empty_folder_is_filled(conflict_news: Schema, tmp_path: Path, format_name: str) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    export(format_name, out, conflict_news, (50, 50, 0))
    assert EXPORT_MARK in listing(out) and any("validation" in name for name in listing(out))


@pytest.mark.parametrize("split", [None, (80, 10, 10)])
@pytest.mark.parametrize("format_name", EXPORTERS)
def test_what_a_killed_run_left_is_removed_by_the_next(
    conflict_news: Schema,
    tmp_path: Path,
    format_name: str,
    split: tuple[int, int, int] | None,
) -> None:
    out = tmp_path / ("out" if split or format_name in FOLDER_FORMATS else "out.txt")
    export(format_name, out, conflict_news, split)
    written = listing(out)
    partial, old = hidden_beside(out, "partial"), hidden_beside(out, "old")
    if out.is_dir():
        for leftover in (partial, old):
            (leftover / "train").mkdir(parents=True)
            (leftover / "train" / "stale.ann").write_text("T1\tPER 0 1\tx\n", encoding="utf-8")
    else:
        partial.write_text('{"half a line', encoding="utf-8")
    export(format_name, out, conflict_news, split)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    assert listing(out) == written


def test_a_file_export_onto_an_export_folder_is_refused(
    conflict_news: Schema, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export("jsonl", out, conflict_news, (80, 10, 10))
    before = listing(out)
    with pytest.raises(WorkbenchError, match="is a folder"):
        export("jsonl", out, conflict_news, None)
    assert listing(out) == before


def test_a_folder_export_onto_a_file_is_refused(conflict_news: Schema, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="is a file"):
        export("brat", out, conflict_news, None)
    assert out.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize(("format_name", "where"), [("brat", "."), ("brat", "train"), ("hf", ".")])
def test_a_users_file_in_an_earlier_export_is_never_deleted(
    conflict_news: Schema, tmp_path: Path, format_name: str, where: str
) -> None:
    """A file the user put into an export's folder (or one of its split folders) afterwards is
    no file an export wrote: the next export to that folder is refused and the file kept, with
    the earlier export as it was."""
    out = tmp_path / "out"
    export(format_name, out, conflict_news, (80, 10, 10))
    before = listing(out)
    time.sleep(0.05)  # later than the export, beyond the file system clock's tick
    mine = out / where / "my-notes.txt"
    mine.write_text("keep", encoding="utf-8")
    with pytest.raises(WorkbenchError, match=r"my-notes\.txt"):
        export(format_name, out, conflict_news, None)
    assert mine.read_text(encoding="utf-8") == "keep"
    assert listing(out) == sorted([*before, str(mine.relative_to(out))])


@pytest.mark.parametrize("format_name", sorted(FOLDER_FORMATS))
def test_files_that_programs_make_when_a_folder_is_viewed_do_not_stop_an_export(
    conflict_news: Schema, tmp_path: Path, format_name: str
) -> None:
    """brat's statistics cache and the folder files of macOS and Windows are made without the
    user asking; they do not make an export folder the user's."""
    out = tmp_path / "out"
    export(format_name, out, conflict_news, None)
    for name in (".stats_cache", ".DS_Store", "Thumbs.db"):
        (out / name).write_bytes(b"")
    export(format_name, out, conflict_news, None)
    assert ".stats_cache" not in listing(out)


def test_an_exported_file_changed_after_the_export_is_never_replaced(
    conflict_news: Schema, tmp_path: Path
) -> None:
    """A brat ``.ann`` annotated further in brat is the user's work now."""
    out = tmp_path / "out"
    export("brat", out, conflict_news, None)
    time.sleep(0.05)
    edited = next(out.rglob("*.ann"))
    edited.write_text("T1\tGPE 0 3\tزار\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match=re.escape(edited.name)):
        export("brat", out, conflict_news, None)
    assert edited.read_text(encoding="utf-8") == "T1\tGPE 0 3\tزار\n"
