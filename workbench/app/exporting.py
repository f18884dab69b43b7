"""Exporting a project's annotations: gold by default, one annotator's, or everyone's."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path

from workbench.app.output_paths import check_output_path
from workbench.app.progress import counted
from workbench.app.render_ahead import render_ahead
from workbench.core.errors import WorkbenchError
from workbench.core.gc_pause import collection_paused
from workbench.core.model import GOLD, SUGGESTIONS, ImportedDocument
from workbench.core.progress import Progress, no_progress
from workbench.formats import exporter, exporter_renders, exporter_splits_sentences, exporter_takes_plain_spans
from workbench.formats.base import ExportOptions
from workbench.formats.report import FormatReport, Issue
from workbench.formats.splits import split_in_id_order
from workbench.store.project import Project
from workbench.store.token_cache import TokenCache, token_cache


def check_source(project: Project, source: str) -> None:
    """Refuse a source that names nobody in the project ("all", "gold" and "suggestions" always
    exist)."""
    if source not in ("all", GOLD, SUGGESTIONS) and source not in project.annotators():
        names = ", ".join(project.annotators()) or "none yet"
        raise WorkbenchError(f"no annotator {source!r} in {project.path} (annotators: {names})")


def export_project(
    project: Project,
    out: Path,
    *,
    format_name: str,
    source: str = GOLD,
    options: ExportOptions | None = None,
    report: FormatReport | None = None,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write the project's documents with the annotations of ``source``; returns how many it
    wrote (documents without a set of ``source`` are left out, and counted in ``report``).

    What the exporter widened or left out is counted in ``report``. ``out`` is refused when it
    would overwrite the project or a database (``check_output_path``); otherwise it ends up
    holding exactly this export, or, when the export fails, what it held before. Token offsets
    come from the project's token cache, and those cut now are kept there when the project is
    writable (``store.token_cache``); an export has batches of the documents (split by
    sentence, their sentences; in brat, their ``.ann`` texts) rendered by a second process
    (``app.render_ahead``).
    A split by document is decided before the documents are read (``_split_first``). The cyclic
    garbage collector is paused meanwhile: an export makes no cycles, and it read every span as
    a row, each few hundred of which started a collection (0.11 s of a brat export of 10,000
    documents).
    """
    check_output_path(out, project.path)
    check_source(project, source)
    write = exporter(format_name)
    report = FormatReport() if report is None else report
    left_out_before = report.counts[Issue.UNANNOTATED_DOCUMENT]
    total = project.document_count()
    order, options = _split_first(project, source, options or ExportOptions(schema=project.schema))
    with (
        token_cache(project.conn, writable=not project.readonly) as cache,
        collection_paused(),
        _documents(project, source, format_name, options, cache, report, order) as (documents, options),
    ):
        options = replace(options, text_tokens=cache.tokens)
        write(counted(documents, progress, total, cancelled), out, options, report=report)
    return total - (report.counts[Issue.UNANNOTATED_DOCUMENT] - left_out_before)


def _documents(
    project: Project,
    source: str,
    format_name: str,
    options: ExportOptions,
    cache: TokenCache,
    report: FormatReport,
    order: Sequence[str] | None,
) -> AbstractContextManager[tuple[Iterator[ImportedDocument], ExportOptions]]:
    """The documents to export (all in project order, unless ``order`` gives their ids), and
    the options to export them with: an exporter with a renderer has batches of them rendered
    by a second process, whose options give them rendered (``app.render_ahead``)."""
    if exporter_renders(format_name) and (not options.by_sentence or exporter_splits_sentences(format_name)):
        return render_ahead(project, source, format_name, options, cache, report, order)
    read = project.iter_plain if exporter_takes_plain_spans(format_name) else project.iter_annotated
    return nullcontext((read(source, order), options))


def _split_first(project: Project, source: str, options: ExportOptions) -> tuple[list[str] | None, ExportOptions]:
    """With a split by document: the ids of the documents split after split, and the options
    with the size of each split (``ExportOptions.split_sizes``). The split is decided from the
    labels of the documents' spans (``Project.span_labels_by_document``) before any document is
    read, so that the export reads them in that order a few at a time; split from the documents
    themselves, 10,000 documents of 3,000 characters were all held at once (a peak of 199 MB).
    Else None (project order) and the options as they are."""
    if options.split is None or options.by_sentence:
        return None, options
    splits = split_in_id_order(
        project.span_labels_by_document(source).items(), lambda labelled: labelled, options.split, options.seed
    )
    order = [document_id for group in splits.values() for document_id, _ in group]
    return order, replace(options, split_sizes=tuple((name, len(group)) for name, group in splits.items()))
