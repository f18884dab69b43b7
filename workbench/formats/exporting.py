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
goes to the one file ``OUT``, or, for formats that are a folder anyway, to ``OUT/train``.

Every document is checked with ``check_offsets`` before anything of it is written; the files are
written whole or not at all (``atomic_text_output``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Document
from workbench.formats.base import ExportOptions, Progress, atomic_text_output, check_offsets
from workbench.formats.report import FormatReport, Issue
from workbench.formats.splits import split_documents

Renderer = Callable[[AnnotatedDocument], Iterable[str]]
"""The text of one document in an export file."""


@dataclass(frozen=True)
class ExportUnit:
    """One annotation set of one document: the single layer a CoNLL line or JSON row holds."""

    id: str
    document: Document
    annotations: AnnotationSet


def export_units(annotated: AnnotatedDocument, report: FormatReport) -> list[ExportUnit]:
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
    documents: Iterable[AnnotatedDocument], options: ExportOptions
) -> tuple[list[tuple[str | None, Iterable[AnnotatedDocument]]], int]:
    """The documents by split name (None without a split), and their number (0 when unknown).
    Splits that receive no document are left out."""
    if options.split is None:
        total = len(documents) if isinstance(documents, Sized) else 0
        return [(None, documents)], total
    splits = split_documents(documents, options.split, options.seed)
    groups: list[tuple[str | None, Iterable[AnnotatedDocument]]] = [
        (name, group) for name, group in splits.items() if group
    ]
    return groups, sum(len(group) for group in splits.values())


def write_text_export(
    documents: Iterable[AnnotatedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress,
    *,
    suffix: str,
    render: Renderer,
    always_folder: bool = False,
) -> list[str]:
    """Write each document's rendered text into ``out`` or its split files (module docstring);
    the names of the splits written (``["train"]`` without a split)."""
    groups, total = export_groups(documents, options)
    if options.split is None and not always_folder and out.is_dir():
        raise WorkbenchError(f"{out} is a folder: give the file to write, or export with a split")
    done = 0
    for split, group in groups:
        path = out / f"{split or 'train'}{suffix}" if split or always_folder else out
        with atomic_text_output(path) as stream:
            for annotated in group:
                check_offsets(annotated)
                stream.writelines(render(annotated))
                done += 1
                progress(done, total)
    return [split or "train" for split, _ in groups]


def write_text_file(path: Path, text: str) -> None:
    """Write one whole file (``atomic_text_output``: UTF-8, LF, all or nothing)."""
    with atomic_text_output(path) as stream:
        stream.write(text)
