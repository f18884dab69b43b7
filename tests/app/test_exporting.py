"""export_project counts the documents it wrote, not the documents the project holds, and
decides a split by document before it reads the documents."""

from __future__ import annotations

import gc
import importlib
import sys
import tracemalloc
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import pytest

from workbench.app import render_ahead
from workbench.app.exporting import export_project
from workbench.core.model import (
    GOLD,
    AnnotatedDocument,
    AnnotationSet,
    Event,
    ImportedDocument,
    PlainSpansDocument,
    Span,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.formats import EXPORTERS, exporter, exporter_takes_plain_spans
from workbench.formats.base import ExportOptions
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


# -- a split by document --------------------------------------------------------------------------


@pytest.fixture
def labelled_project(tmp_path: Path) -> Project:
    """24 documents: PER in most of gold's, FAC in three, an attack's trigger in four, no gold
    on every fifth; amal's sets hold WEA, which only the export of everyone's work counts."""
    project = Project.create(tmp_path / "split.tawsim", builtin_schema("conflict-news"))
    documents = []
    for number in range(24):
        text = f"{TEXT} {number}"
        sets = [AnnotationSet("amal", (Span(f"w{number}", 0, 3, "WEA", text[:3]),))] if number % 3 == 0 else []
        if number % 5:
            spans = [Span(f"p{number}", 4, 8, "PER", text[4:8])]
            events = []
            if number % 7 == 1:
                spans.append(Span(f"f{number}", 28, 34, "FAC", text[28:34]))
            if number % 6 == 2:
                spans.append(Span(f"t{number}", 23, 27, "Conflict.Attack", text[23:27]))
                events.append(Event(f"e{number}", "Conflict.Attack", f"t{number}"))
            sets.append(AnnotationSet(GOLD, tuple(spans), tuple(events)))
        documents.append(AnnotatedDocument(make_document(f"d{number:02}", text), tuple(sets)))
    project.add_documents(documents)
    return project


def written_files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("source", [GOLD, "all"])
@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
def test_a_split_decided_from_the_labels_writes_what_the_split_of_the_documents_in_memory_writes(
    labelled_project: Project, tmp_path: Path, format_name: str, source: str
) -> None:
    """The project's export decides the split before it reads the documents; the exporter given
    all of them in memory splits them itself. Both write the same files."""
    options = ExportOptions(schema=labelled_project.schema, split=(60, 20, 20), seed=3)
    export_project(labelled_project, tmp_path / "decided", format_name=format_name, source=source, options=options)
    read = labelled_project.iter_plain if exporter_takes_plain_spans(format_name) else labelled_project.iter_annotated
    exporter(format_name)(list(read(source)), tmp_path / "in-memory", options)
    decided = written_files(tmp_path / "decided")
    assert decided == written_files(tmp_path / "in-memory")
    assert len(decided) >= 3


@pytest.mark.parametrize("source", [GOLD, "all"])
@pytest.mark.parametrize("format_name", ["conll", "hf"])
def test_a_split_by_sentence_of_the_project_writes_what_the_exporter_writes_of_the_documents_in_memory(
    labelled_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_name: str, source: str
) -> None:
    """The project's export has the documents' sentences rendered in batches of five (by a
    second process, once it has started) and spills their texts until all are assigned; the
    exporter given the documents in memory renders them itself. Both write the same files."""
    monkeypatch.setattr(render_ahead, "BATCH", 5)
    options = ExportOptions(schema=labelled_project.schema, split=(60, 20, 20), split_by="sentence", seed=3)
    export_project(labelled_project, tmp_path / "project", format_name=format_name, source=source, options=options)
    exporter(format_name)(list(labelled_project.iter_annotated(source)), tmp_path / "in-memory", options)
    written = written_files(tmp_path / "project")
    assert written == written_files(tmp_path / "in-memory")
    assert sum(name.startswith(("train", "validation", "test")) for name in written) == 3


def many_documents(path: Path, count: int) -> Project:
    """A project of ``count`` documents of 5,000 characters: 25 sentences of 200 characters,
    each with one gold span."""
    project = Project.create(path, builtin_schema("generic"))
    text = (" و".join([TEXT[:-1]] * 5) + ". ") * 25
    project.add_documents(
        AnnotatedDocument(
            make_document(f"d{number}", f"{number} {text}"),
            (AnnotationSet(GOLD, (Span(f"s{number}", 4, 8, "PER", f"{number} {text}"[4:8]),)),),
        )
        for number in range(count)
    )
    return project


@pytest.mark.parametrize(
    ("format_name", "split_by"),
    [("jsonl", "document"), ("brat", "document"), ("conll", "sentence"), ("hf", "sentence")],
)
def test_a_split_export_reads_the_documents_a_few_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_name: str, split_by: Literal["document", "sentence"]
) -> None:
    """2,000 documents of 5,000 characters (20 MB as Python strings): the split export's peak
    of traced memory stays well under them (4.6 MB), where splitting the documents read held
    them all; a split by sentence holds the sentences' labels, not their texts (6.1-6.4 MB;
    holding them: 51 MB in CoNLL, 102 MB in hf). Batches rendered ahead hold 5 documents here,
    so that the five batches an export holds at most are as small beside 2,000 documents as
    five of 250 are beside a large project. A first export of a few documents imports what the
    export needs."""
    monkeypatch.setattr(render_ahead, "BATCH", 5)
    options = ExportOptions(schema=builtin_schema("generic"), split=(60, 20, 20), split_by=split_by)
    few = many_documents(tmp_path / "few.tawsim", 5)
    export_project(few, tmp_path / "first", format_name=format_name, options=options)
    project = many_documents(tmp_path / "many.tawsim", 2_000)
    texts_size = sum(sys.getsizeof(document.text) for document in project.iter_documents())
    tracemalloc.start()
    try:
        export_project(project, tmp_path / "out", format_name=format_name, options=options)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < texts_size * 0.4
