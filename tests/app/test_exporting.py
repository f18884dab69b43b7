"""export_project counts the documents it wrote, not the documents the project holds."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterable
from pathlib import Path

import pytest

from workbench.app.exporting import export_project
from workbench.core.model import (
    GOLD,
    AnnotatedDocument,
    AnnotationSet,
    ImportedDocument,
    PlainSpansDocument,
    Span,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.formats import EXPORTERS
from workbench.formats.report import FormatReport, Issue
from workbench.store.project import Project

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل أمس."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """Three documents, only the first with gold."""
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    gold = AnnotationSet(GOLD, (Span("s1", 4, 8, "PER", TEXT[4:8]),))
    project.add_documents([
        AnnotatedDocument(make_document("with gold", TEXT), (gold,)),
        AnnotatedDocument(make_document("no gold 1", TEXT + " ١"), ()),
        AnnotatedDocument(make_document("no gold 2", TEXT + " ٢"), ()),
    ])
    return project


@pytest.mark.parametrize("format_name", ["conll", "hf", "events"])
def test_documents_left_out_are_not_counted_as_exported(
    project: Project, tmp_path: Path, format_name: str
) -> None:
    report = FormatReport()
    count = export_project(project, tmp_path / "out", format_name=format_name, report=report)
    assert report.counts[Issue.UNANNOTATED_DOCUMENT] == 2
    assert count == 1


def test_the_count_is_right_without_a_report(project: Project, tmp_path: Path) -> None:
    assert export_project(project, tmp_path / "out.conll", format_name="conll") == 1


def test_jsonl_and_brat_write_every_document_and_count_them(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert export_project(project, out, format_name="jsonl") == 3
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert export_project(project, tmp_path / "brat", format_name="brat") == 3
    assert len(list((tmp_path / "brat").glob("*.txt"))) == 3


@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
def test_the_exporters_that_write_plain_spans_as_columns_are_given_them(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_name: str
) -> None:
    """jsonl and brat write plain spans from their columns; the token-based exports tag
    ``Span``s, which plain spans would only have them make again."""
    given: list[type] = []

    def write(documents: Iterable[ImportedDocument], *_: object, **__: object) -> None:
        given.extend(type(document) for document in documents)

    monkeypatch.setattr(importlib.import_module(EXPORTERS[format_name]), "write", write)
    export_project(project, tmp_path / "out", format_name=format_name)
    plain = format_name in ("jsonl", "brat")
    assert given == [PlainSpansDocument if plain else AnnotatedDocument] * 3


def test_the_cyclic_collector_is_paused_while_writing_and_back_on_after(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export reads every span as a row, and each few hundred rows started a collection: 295
    of them, 0.11 s of a brat export of 10,000 documents that makes no cycles (issue 16)."""
    enabled: list[bool] = []

    def write(documents: Iterable[ImportedDocument], *_: object, **__: object) -> None:
        enabled.extend(gc.isenabled() for _ in documents)

    monkeypatch.setattr(importlib.import_module(EXPORTERS["brat"]), "write", write)
    assert gc.isenabled()
    export_project(project, tmp_path / "out", format_name="brat")
    assert enabled == [False] * 3
    assert gc.isenabled()
