"""What exporters share: which layer they write, where the files go, the checks and progress.

Layers. CoNLL, Hugging Face and event files hold one layer of annotations per document. An
exporter writes whatever sets the documents carry (the caller chose gold, one annotator or all):
each annotation set becomes one export unit. A document with one set is written once under its
own id; a document with several is written once per set, with ``@ANNOTATOR`` added to its id and
the sets in annotator order. A document without any set is left out and counted in the report
(an unannotated text is not a text without entities).

Files. With ``--split``, ``OUT`` is a folder holding ``train``, ``validation`` and ``test`` files;
a 0% split gets no file, because an empty split makes ``datasets.load_dataset`` fail, and a split
that too few documents would leave empty is refused (``splits``). Without a split, the whole export
goes to the one file ``OUT``, or, for formats that are a folder anyway, to ``OUT/train``. A
project's export decides the split from the labels before it reads the documents, and gives them
split after split (``ExportOptions.split_sizes``), so that they are not all held at once; other
documents are split here, in memory.

Every document is checked with ``check_offsets`` before anything of it is written. ``OUT`` holds
exactly what the export wrote, whole or not at all: a file export is written under a hidden name
and renamed over ``OUT`` (``atomic_text_output``); a folder export is built as a hidden folder
beside ``OUT`` and swapped in at the end (``export_folder``), so no file of an earlier export
stays behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TextIO

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotationSet, Document, ImportedDocument, as_annotated
from workbench.core.progress import Progress
from workbench.formats.base import (
    ExportOptions,
    FilesRenderer,
    atomic_text_output,
    checked,
    export_folder,
    write_new_file,
)
from workbench.formats.report import FormatReport, Issue
from workbench.formats.splits import split_documents

Renderer = Callable[[ImportedDocument], Iterable[str]]
"""The text of one document in an export file."""
RendererFactory = Callable[[ExportOptions, FormatReport], Renderer]
"""An exporter's ``renderer``: what it renders each document with, counting what it widened or
left out in the report (``formats.renderer``)."""
FilesRendererFactory = Callable[[ExportOptions, FormatReport], FilesRenderer]
"""An exporter's ``files_renderer``, as ``RendererFactory`` (``formats.files_renderer``)."""


@dataclass(frozen=True)
class ExportUnit:
    """One annotation set of one document: the single layer a CoNLL line or JSON row holds."""

    id: str
    document: Document
    annotations: AnnotationSet


def export_units(document_with_sets: ImportedDocument, report: FormatReport) -> list[ExportUnit]:
    annotated = as_annotated(document_with_sets)
    document = annotated.document
    if not annotated.sets:
        report.add(
            Issue.UNANNOTATED_DOCUMENT,
            f"document {document.name!r} ({document.id}) has no annotation set",
        )
        return []
    if len(annotated.sets) == 1:
        return [ExportUnit(document.id, document, annotated.sets[0])]
    ordered = sorted(annotated.sets, key=lambda annotation_set: annotation_set.annotator)
    return [ExportUnit(f"{document.id}@{s.annotator}", document, s) for s in ordered]


def export_groups(
    documents: Iterable[ImportedDocument], options: ExportOptions
) -> tuple[list[tuple[str | None, Iterable[ImportedDocument]]], int]:
    """The documents by split name (None without a split), and their number (0 when unknown).
    Splits that receive no document are left out."""
    if options.split is None:
        total = len(documents) if isinstance(documents, Sized) else 0
        return [(None, documents)], total
    sizes = options.split_sizes
    if sizes is None:  # not split before: split here, in memory
        splits = split_documents(documents, options.split, options.seed)
        sizes = tuple((name, len(group)) for name, group in splits.items())
        documents = [annotated for group in splits.values() for annotated in group]
    remaining = iter(documents)
    groups: list[tuple[str | None, Iterable[ImportedDocument]]] = [
        (name, islice(remaining, size)) for name, size in sizes if size
    ]
    return groups, sum(size for _, size in sizes)


def write_text_export(
    documents: Iterable[ImportedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress,
    *,
    suffix: str,
    render: Renderer,
) -> None:
    """Write each document's rendered text into the file ``out``, or with a split into the
    split files of the folder ``out`` (module docstring)."""
    if options.split is not None:
        with export_folder(out) as folder:
            write_split_files(documents, folder, options, progress, suffix=suffix, render=render)
        return
    if out.is_dir():
        raise WorkbenchError(f"{out} is a folder: give the file to write, or export with a split")
    [(_, group)], total = export_groups(documents, options)
    with atomic_text_output(out) as stream:
        _write_documents(stream, group, progress, 0, total, _document_text(render, options))


def write_split_files(
    documents: Iterable[ImportedDocument],
    folder: Path,
    options: ExportOptions,
    progress: Progress,
    *,
    suffix: str,
    render: Renderer,
) -> list[str]:
    """Write the split files (``train`` alone without a split) into ``folder``, a folder being
    built by ``export_folder``; the names of the splits written."""
    groups, total = export_groups(documents, options)
    text = _document_text(render, options)
    done = 0
    for split, group in groups:
        with atomic_text_output(folder / f"{split or 'train'}{suffix}", in_built_folder=True) as stream:
            done = _write_documents(stream, group, progress, done, total, text)
    return [split or "train" for split, _ in groups]


def _document_text(render: Renderer, options: ExportOptions) -> Callable[[ImportedDocument], str]:
    """A document's whole text in the file, checked (``check_offsets``) and rendered now, or
    as it was checked and rendered ahead (``ExportOptions.rendered_ahead``)."""
    if options.rendered_ahead is not None:
        return options.rendered_ahead
    return checked(lambda annotated: "".join(render(annotated)))


def _write_documents(
    stream: TextIO,
    documents: Iterable[ImportedDocument],
    progress: Progress,
    done: int,
    total: int,
    text: Callable[[ImportedDocument], str],
) -> int:
    """Write each document's ``text``, counting on from ``done``; the count reached."""
    for annotated in documents:
        stream.write(text(annotated))  # one write a document, not one a line
        done += 1
        progress(done, total)
    return done


def write_text_file(path: Path, text: str, *, in_built_folder: bool = False) -> None:
    """Write one whole file (``atomic_text_output``: UTF-8, LF, all or nothing)."""
    if in_built_folder:
        write_new_file(path, text)
        return
    with atomic_text_output(path) as stream:
        stream.write(text)
