"""Batches of an export (or of its documents' sentences) rendered in a second process while the
export renders others (``app.render_ahead``)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, Literal

import pytest

from tests.formats.builders import span_of
from tests.store.test_token_cache import CountedTokenizer, cached_rows, tokenizer  # noqa: F401 (fixture)
from tests.store.test_tokens_ahead import BATCH, DOCUMENTS, projects_of, text
from workbench.app import render_ahead
from workbench.app.exporting import export_project
from workbench.core.errors import WorkbenchError
from workbench.core.model import (
    GOLD,
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Document,
    Event,
    ImportedDocument,
    Relation,
    Span,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.formats.base import ExportOptions
from workbench.formats.report import FormatReport, Issue
from workbench.store import tokens_ahead
from workbench.store.project import Project
from workbench.store.reading import Revisions, Source
from workbench.store.token_cache import TokenCache

WITHOUT_SET = 8
"""A document with no gold set, in a batch the process may render: the report counts it."""


def documents() -> list[AnnotatedDocument]:
    """Documents whose spans the token-based exports widen (``ال`` inside ``قال``), so that
    the report counts something in every batch."""
    return [
        AnnotatedDocument(
            make_document(f"doc{number:02d}", text(number)),
            ()
            if number == WITHOUT_SET
            else tuple(
                AnnotationSet(
                    annotator,
                    (
                        Span(f"{annotator}{number}", 1, 3, "PER", "ال"),
                        Span(f"m{annotator}{number}", 4, 8, "PER", "محمد"),
                    ),
                )
                for annotator in (GOLD, "amal")
            ),
        )
        for number in range(DOCUMENTS)
    ]


@pytest.fixture
def project_paths(tmp_path: Path) -> tuple[Path, Path]:
    """Two projects of these documents: one to export with a second process, one without."""
    return projects_of(tmp_path, documents())


class StartedRenderer(render_ahead._Renderer):
    """The rendering process, waited for until it is ready, as a long export finds it once it
    has started. Each process started is kept, to look at."""

    started: ClassVar[list[StartedRenderer]] = []

    def __init__(self) -> None:
        super().__init__()
        StartedRenderer.started.append(self)

    def ready(self) -> bool:
        deadline = time.monotonic() + 60
        while not super().ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        return super().ready()


class DyingRenderer(StartedRenderer):
    """A process that dies once it has rendered a batch, before it is sent the next."""

    def send(self, batch: render_ahead.RenderWork) -> int:
        if self.sent > 1:  # the warm-up, then a batch
            deadline = time.monotonic() + 60
            while self.received < 2 and time.monotonic() < deadline:
                self.in_flight()  # takes what has come back
                time.sleep(0.01)
            self.process.kill()
            self.process.join()
        return super().send(batch)


class SlowRenderer(StartedRenderer):
    """A process slower than the export: nothing it was sent is back until the export waits for
    it. ``cut_before_waiting``: how many texts the export had cut when it first waited."""

    cut_here: ClassVar[list[str]] = []
    cut_before_waiting: ClassVar[int | None] = None

    def answered(self, number: int) -> bool:
        return False

    def in_flight(self) -> int:
        super().in_flight()
        return self.sent - min(self.received, 1)  # the warm-up's answer alone has come back

    def answer(self, number: int) -> render_ahead.Rendered | None:
        if SlowRenderer.cut_before_waiting is None:
            SlowRenderer.cut_before_waiting = len(SlowRenderer.cut_here)
        return super().answer(number)


class NoProcess:
    def __init__(self) -> None:
        raise AssertionError("a second process was started")


def export(
    path: Path,
    out: Path,
    format_name: str = "conll",
    *,
    readonly: bool = False,
    split: tuple[int, int, int] | None = None,
    split_by: Literal["document", "sentence"] = "document",
    source: str = GOLD,
) -> tuple[str, FormatReport]:
    """The export's file, or its folder's files (each named, in name order), and its report."""
    report = FormatReport()
    with Project.open(path, readonly=readonly) as project:
        export_options = ExportOptions(schema=project.schema, split=split, split_by=split_by)
        export_project(project, out, format_name=format_name, source=source, options=export_options, report=report)
    if out.is_file():
        return out.read_text(encoding="utf-8"), report
    files = sorted(file for file in out.rglob("*") if file.is_file())
    return "\n".join(f"{file.relative_to(out)}:\n{file.read_text(encoding='utf-8')}" for file in files), report


def exported_alone(
    path: Path,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    format_name: str = "conll",
    split: tuple[int, int, int] | None = None,
    split_by: Literal["document", "sentence"] = "document",
    source: str = GOLD,
) -> tuple[str, FormatReport]:
    """The export on this process alone (one batch), then ``BATCH`` documents a batch."""
    monkeypatch.setattr(render_ahead, "BATCH", DOCUMENTS)
    monkeypatch.setattr(render_ahead, "_Renderer", NoProcess)
    alone = export(path, out, format_name, split=split, split_by=split_by, source=source)
    monkeypatch.setattr(render_ahead, "BATCH", BATCH)
    return alone


@pytest.mark.parametrize("format_name", ["conll", "hf", "events"])
def test_batches_rendered_in_a_second_process_make_the_export_of_one_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer, format_name: str,
) -> None:
    ahead, alone = project_paths
    expected, expected_report = exported_alone(alone, tmp_path / "alone", monkeypatch, format_name)
    tokenizer.texts.clear()
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoProcess)
    StartedRenderer.started.clear()
    read_with_sets = recorded_with_sets(monkeypatch)

    written, report = export(ahead, tmp_path / "ahead", format_name)

    assert written == expected
    assert report == expected_report
    assert report.counts[Issue.EXPANDED_SPAN] == DOCUMENTS - 1
    assert report.counts[Issue.UNANNOTATED_DOCUMENT] == 1
    assert cached_rows(ahead) == cached_rows(alone)  # the texts cut there are kept too
    [renderer] = StartedRenderer.started
    assert renderer.received >= 1
    assert tokenizer.texts[:BATCH] == [text(0), text(1), text(2)]  # the first batch is its own
    assert len(tokenizer.texts) < DOCUMENTS - 1  # the rest: those it rendered itself
    assert set(tokenizer.texts) <= set(read_with_sets)  # whose sets alone it read
    assert len(read_with_sets) < DOCUMENTS
    assert set(read_with_sets.values()) == {False}  # as ``Span``s, which it tags
    assert not renderer.process.is_alive()


def recorded_with_sets(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """The texts of the documents whose sets the export reads (``Project.with_sets``), each
    with whether their plain spans were read as columns, from now on."""
    read: dict[str, bool] = {}
    with_sets = Project.with_sets

    def recorded(
        project: Project, batch: list[Document], source: Source = "all", *, plain: bool = False
    ) -> Sequence[ImportedDocument]:
        read.update((document.text, plain) for document in batch)
        return with_sets(project, batch, source, plain=plain)

    monkeypatch.setattr(Project, "with_sets", recorded)
    return read


def test_a_jsonl_export_has_batches_rendered_in_a_second_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    """Reading each document's spans and writing their records, a JSONL export of 10,000
    documents took 1.6-1.8 s on one core. The process reads plain spans as columns, as the
    export does, and neither cuts nor reads a token."""
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone.jsonl", monkeypatch, "jsonl")
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoProcess)
    StartedRenderer.started.clear()
    read_with_sets = recorded_with_sets(monkeypatch)
    read_ahead: list[set[str]] = []
    monkeypatch.setattr(TokenCache, "read_ahead", lambda _, texts: read_ahead.append(texts))

    assert export(ahead, tmp_path / "ahead.jsonl", "jsonl") == expected
    [renderer] = StartedRenderer.started
    assert renderer.received >= 2  # the warm-up and a batch
    assert len(read_with_sets) < DOCUMENTS  # the documents of the batches rendered here
    assert set(read_with_sets.values()) == {True}
    assert tokenizer.texts == []
    assert read_ahead == []
    assert cached_rows(ahead) == {}
    assert not renderer.process.is_alive()


def test_an_export_goes_on_when_the_rendering_process_dies(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch)
    tokenizer.texts.clear()
    monkeypatch.setattr(render_ahead, "_Renderer", DyingRenderer)

    assert export(ahead, tmp_path / "ahead") == expected
    assert cached_rows(ahead) == cached_rows(alone)
    assert not multiprocessing.active_children()


def test_the_export_renders_its_next_batches_while_the_process_renders_the_one_to_write(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    """Batches 0 and 1 are the export's (the process starting), 2 and 3 are sent; the export
    renders batch 4 before it waits for batch 2, not after."""
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch)
    tokenizer.texts.clear()
    monkeypatch.setattr(render_ahead, "_Renderer", SlowRenderer)
    monkeypatch.setattr(SlowRenderer, "cut_here", tokenizer.texts)
    monkeypatch.setattr(SlowRenderer, "cut_before_waiting", None)

    assert export(ahead, tmp_path / "ahead") == expected
    assert SlowRenderer.cut_before_waiting is not None
    assert tokenizer.texts[: SlowRenderer.cut_before_waiting] == [text(n) for n in (0, 1, 2, 3, 4, 5, 12, 13)]
    assert cached_rows(ahead) == cached_rows(alone)


@pytest.mark.parametrize(
    ("held_characters", "rendered_before_waiting"),
    [(render_ahead.HELD_CHARACTERS, (0, 1, 2, 3, 9, 10, 11, 12, 13)), (1, (0, 1, 2, 3, 9))],
)
def test_the_export_reads_ahead_only_while_what_it_holds_rendered_is_small(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer, held_characters: int, rendered_before_waiting: tuple[int, ...],
) -> None:
    """Batches of two: 0 and 1 are the export's, 2 and 3 are sent. While the process renders
    batch 2, the export renders 4, 5 and 6 itself; when what it holds rendered reaches
    ``HELD_CHARACTERS`` (here at batch 4), it waits for batch 2 instead of reading on: held so,
    four annotators' hf rows took an export of 10,000 documents to 221 MB rather than 181 MB.
    (Document 8 has no set, and no tokens to cut.)"""
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch)
    tokenizer.texts.clear()
    monkeypatch.setattr(render_ahead, "BATCH", 2)
    monkeypatch.setattr(render_ahead, "HELD_CHARACTERS", held_characters)
    monkeypatch.setattr(render_ahead, "_Renderer", SlowRenderer)
    monkeypatch.setattr(SlowRenderer, "cut_here", tokenizer.texts)
    monkeypatch.setattr(SlowRenderer, "cut_before_waiting", None)

    assert export(ahead, tmp_path / "ahead") == expected
    assert SlowRenderer.cut_before_waiting is not None
    assert tokenizer.texts[: SlowRenderer.cut_before_waiting] == [text(n) for n in rendered_before_waiting]


class CountingRenderer(StartedRenderer):
    """The process, each batch sent to it kept, to look at."""

    sent_batches: ClassVar[list[list[str]]] = []

    def send(self, batch: render_ahead.RenderWork) -> int:
        CountingRenderer.sent_batches.append(batch.document_ids)
        return super().send(batch)


@pytest.mark.parametrize(("rendered_batch", "sent_size"), [(render_ahead.RENDERED_BATCH, 3), (1, 1)])
def test_batches_hold_fewer_documents_when_they_render_to_more(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    rendered_batch: int, sent_size: int,
) -> None:
    """The batches after the first hold as many characters of text as render to
    ``RENDERED_BATCH`` by what the batches before rendered to: everyone's rows in hf are 21
    characters a character of text, and batches of 250 such documents took the export of 10,000
    to 181 MB rather than 89 MB. Here a batch that may render to one character holds one
    document."""
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch, "hf")
    monkeypatch.setattr(render_ahead, "RENDERED_BATCH", rendered_batch)
    monkeypatch.setattr(render_ahead, "_Renderer", CountingRenderer)
    monkeypatch.setattr(CountingRenderer, "sent_batches", [])

    assert export(ahead, tmp_path / "ahead", "hf") == expected
    [_, *sent] = CountingRenderer.sent_batches  # the warm-up first
    assert sent and max(map(len, sent)) == sent_size


def test_a_batch_the_process_read_otherwise_is_rendered_by_the_export(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    """The project changed between the export's read and the process's (told by the ids and
    the sets' revisions): the process's texts are not those of the documents being written."""
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch)
    tokenizer.texts.clear()
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    StartedRenderer.started.clear()
    read_here = Project.set_revisions

    def revised(project: Project, document_ids: Sequence[str], source: Source = "all") -> Revisions:
        return {
            document_id: tuple((annotator, revision + 1) for annotator, revision in sets)
            for document_id, sets in read_here(project, document_ids, source).items()
        }

    monkeypatch.setattr(Project, "set_revisions", revised)  # this process only: not the other

    assert export(ahead, tmp_path / "ahead") == expected
    [renderer] = StartedRenderer.started
    assert renderer.received >= 1
    assert len(tokenizer.texts) == DOCUMENTS - 1  # every text cut here: none of its texts taken


def test_a_document_the_process_cannot_export_fails_the_export_as_on_one_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A span whose text no longer matches its document, in the third batch: the first the
    process is sent (the second is rendered here while it starts)."""
    ahead, alone = project_paths
    for path in project_paths:
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE spans SET text = 'xyz' WHERE id = 'gold7'")
        conn.close()
    monkeypatch.setattr(render_ahead, "BATCH", DOCUMENTS)
    monkeypatch.setattr(render_ahead, "_Renderer", NoProcess)
    with pytest.raises(WorkbenchError) as alone_error:
        export(alone, tmp_path / "alone.conll")
    monkeypatch.setattr(render_ahead, "BATCH", BATCH)
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    StartedRenderer.started.clear()

    with pytest.raises(WorkbenchError) as ahead_error:
        export(ahead, tmp_path / "ahead.conll")

    assert str(ahead_error.value) == str(alone_error.value)
    assert "doc07" in str(ahead_error.value)
    assert StartedRenderer.started[0].received >= 1
    assert not (tmp_path / "ahead.conll").exists()
    assert not multiprocessing.active_children()


def test_a_read_only_project_is_rendered_ahead_and_keeps_nothing(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch)
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    StartedRenderer.started.clear()
    assert export(ahead, tmp_path / "ahead", readonly=True) == expected
    assert StartedRenderer.started[0].received >= 1
    assert cached_rows(ahead) == {}


@pytest.mark.parametrize(("source", "split"), [(GOLD, None), ("all", None), ("all", (60, 20, 20))])
def test_a_brat_export_has_the_ann_files_of_batches_rendered_in_a_second_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer, source: str, split: tuple[int, int, int] | None,
) -> None:
    """The process renders the ``.ann`` text of each set of its batches' documents; the export
    names the files (a document's own name for one set, one for each annotator for several)
    and writes them. Reading the spans and writing the ``T`` lines was most of a brat export
    of 10,000 documents (2.0-2.4 s on one core)."""
    ahead, alone = project_paths
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch, "brat", split=split, source=source)
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoProcess)
    StartedRenderer.started.clear()
    read_with_sets = recorded_with_sets(monkeypatch)

    written, report = export(ahead, tmp_path / "ahead", "brat", split=split, source=source)

    assert (written, report) == expected
    assert ("doc13@amal.ann:\nT1\tPER 1 3\tال\nT2\tPER 4 8\tمحمد\n" in written) == (source == "all")
    assert StartedRenderer.started[0].received >= 2  # the warm-up and a batch
    assert len(read_with_sets) < DOCUMENTS
    assert set(read_with_sets.values()) == {True}
    assert tokenizer.texts == []


def story(number: int) -> AnnotatedDocument:
    """A document whose set holds more than spans every other time (a note, an event with an
    argument, a relation with an attribute, document labels) and plain spans otherwise."""
    text = f"قال أحمد إن داعش في الموصل. وزار الوزير بغداد يوم {number}."
    ahmad = span_of(text, "أحمد", "PER", span_id=f"ahmad{number}")
    isis = span_of(text, "داعش", "ORG", span_id=f"isis{number}")
    document = make_document(f"story{number:02d}", text)
    if number % 2:
        return AnnotatedDocument(document, (AnnotationSet(GOLD, (ahmad, isis)),))
    minister = span_of(text, "الوزير", "PER", span_id=f"minister{number}")
    baghdad = span_of(text, "بغداد", "GPE", span_id=f"baghdad{number}")
    visit = span_of(text, "وزار", "Movement.Transport", span_id=f"visit{number}")
    event = Event(f"e{number}", "Movement.Transport", visit.id, (Argument("Destination", span_id=baghdad.id),))
    annotations = AnnotationSet(
        GOLD,
        (replace(ahmad, note="المتحدث\nباسم الوزارة"), isis, minister, visit, baghdad),
        events=(event,),
        relations=(Relation(f"r{number}", "member-of", ahmad.id, isis.id, {"membership_status": "former"}),),
        document_labels={"relevance": "relevant", "topic": ("terrorism", "justice")},
    )
    return AnnotatedDocument(document, (annotations,))


@pytest.mark.parametrize("format_name", ["jsonl", "brat", "events"])
def test_sets_with_events_relations_notes_and_labels_are_rendered_there_as_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_name: str
) -> None:
    """The process reads such sets whole (and plain ones as columns), as the export does."""
    stories = [story(number) for number in range(DOCUMENTS)]
    ahead, alone = tmp_path / "ahead.tawsim", tmp_path / "alone.tawsim"
    for path in (ahead, alone):
        with Project.create(path, builtin_schema("conflict-news")) as project:
            project.add_documents(stories)
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch, format_name)
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    StartedRenderer.started.clear()

    written, report = export(ahead, tmp_path / "ahead", format_name)

    assert (written, report) == expected
    assert "Movement" in written and "member" in written
    assert StartedRenderer.started[0].received >= 2


@pytest.mark.parametrize(
    ("format_name", "split_by"),
    [
        ("conll", "document"), ("hf", "document"), ("events", "document"), ("jsonl", "document"),
        ("conll", "sentence"), ("hf", "sentence"),
    ],
)
def test_a_split_export_is_rendered_in_a_second_process_too(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    format_name: str, split_by: Literal["document", "sentence"],
) -> None:
    """A split by document is decided before the documents are read, so they come in the order
    they are written: batches of them go to the process as in an export without a split. A
    split by sentence has the process render batches of documents' sentences."""
    ahead, alone = project_paths
    split = (60, 20, 20)
    expected = exported_alone(alone, tmp_path / "alone", monkeypatch, format_name, split=split, split_by=split_by)
    monkeypatch.setattr(render_ahead, "_Renderer", StartedRenderer)
    StartedRenderer.started.clear()
    assert export(ahead, tmp_path / "ahead", format_name, split=split, split_by=split_by) == expected
    assert StartedRenderer.started[0].received >= 1
