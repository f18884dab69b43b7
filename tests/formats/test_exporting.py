"""What the text exports share: a layer per annotation set, the split files, progress, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, ImportedDocument, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.formats.base import EXPORT_MARK, ExportOptions, StaleSpanError
from workbench.formats.exporting import export_units, write_text_export
from workbench.formats.report import FormatReport, Issue

SCHEMA = builtin_schema("generic")


def document(number: int, *annotators: str) -> AnnotatedDocument:
    return AnnotatedDocument(
        make_document(f"n{number}", f"نص {number}", doc_id=f"d{number}"),
        tuple(AnnotationSet(name) for name in annotators),
    )


def render(annotated: ImportedDocument) -> list[str]:
    return [f"{annotated.document.name}\n"]


def test_one_unit_per_set_named_by_annotator_when_there_are_several() -> None:
    report = FormatReport()
    assert [u.id for u in export_units(document(0, "gold"), report)] == ["d0"]
    assert [u.id for u in export_units(document(0, "badr", "amal"), report)] == ["d0@amal", "d0@badr"]
    assert export_units(document(0), report) == []
    assert report.counts == {Issue.UNANNOTATED_DOCUMENT: 1}


def test_one_file_with_progress_counted_to_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    documents = [document(n, "gold") for n in range(3)]
    out = tmp_path / "all.txt"
    write_text_export(documents, out, ExportOptions(SCHEMA), lambda *p: seen.append(p), suffix=".txt", render=render)
    assert out.read_text(encoding="utf-8") == "n0\nn1\nn2\n"
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_split_writes_a_marked_folder_of_split_files(tmp_path: Path) -> None:
    documents = [document(n, "gold") for n in range(10)]
    out = tmp_path / "splits"
    options = ExportOptions(SCHEMA, split=(80, 20, 0))
    write_text_export(documents, out, options, lambda *_: None, suffix=".txt", render=render)
    assert sorted(p.name for p in out.iterdir()) == [EXPORT_MARK, "train.txt", "validation.txt"]
    written = [line for name in ("train.txt", "validation.txt") for line in (out / name).read_text("utf-8").split()]
    assert sorted(written) == sorted(f"n{n}" for n in range(10))


def test_a_folder_without_a_split_and_a_stale_span_are_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="is a folder"):
        write_text_export([], tmp_path, ExportOptions(SCHEMA), lambda *_: None, suffix=".txt", render=render)
    stale = AnnotatedDocument(
        make_document("n", "نص", doc_id="d"), (AnnotationSet("gold", (Span("s", 0, 2, "PER", "غير"),)),)
    )
    out = tmp_path / "out.txt"
    with pytest.raises(StaleSpanError):
        write_text_export([stale], out, ExportOptions(SCHEMA), lambda *_: None, suffix=".txt", render=render)
    assert not out.exists()
