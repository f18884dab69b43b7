"""brat standoff export: per document a ``.txt`` holding its text and an ``.ann`` holding its
annotations.

``OUT`` is a folder (with ``--split``, its ``train``, ``validation`` and ``test``
subfolders hold the documents) with ``annotation.conf`` and ``visual.conf`` made from the schema
(``brat_config``) at its top, which brat applies to the subfolders too. Each ``.txt`` holds exactly
the stored text (UTF-8, LF line ends), so brat's offsets, which count characters (code points),
are the workbench's. The ``.ann`` holds:

- ``T`` lines for spans (event triggers carry their event type), in text order. A span that
  crosses a line break is written as brat does, as pieces between the breaks (``0 5;6 9``);
- ``E`` lines for events: ``E1<TAB>Type:T3 Role:T1 Role:E2`` (a role filled by another event names
  it), a repeated role numbered as brat numbers it (``Victim``, ``Victim2``);
- ``R`` lines for relations: ``R1<TAB>Type Arg1:T1 Arg2:T2`` (from Arg1 to Arg2);
- ``A`` lines for attributes (of spans, events and relations): ``A1<TAB>Name T1 VALUE``, or
  ``A1<TAB>Name T1`` for a binary attribute (the value ``True``);
- ``#`` lines for span notes (on the event for an event's trigger, since brat refuses a note on a
  trigger): ``AnnotatorNotes``, line breaks turned into spaces; a note line
  ``[TYPE] text`` (a note of another type, as the import keeps it) as a note of that type.

Labels, event types, relation types and attribute names are spelled as brat stores them
(``Conflict_Attack``). brat has no labels of a whole document: document labels are not written.
Files are named after the document, made safe for every file system and unique in their folder
(``file_names``); each folder's ``names.tsv`` maps the file names back to the document ids and
names. A document with several annotation sets gets one pair per set, named ``NAME@ANNOTATOR``,
which the import reads back as one document with those annotators' sets (``brat_annotators``); a
document without a set gets an empty ``.ann``. ``OUT`` is built whole beside itself and then
swapped in (``export_folder``): it holds this export's files and no earlier one's.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotationSet, Document, Event, ImportedDocument, PlainSpans, Relation, Span
from workbench.core.progress import Progress, no_progress
from workbench.formats.base import (
    ExportOptions,
    FilesRenderer,
    NewFiles,
    SetFiles,
    atomic_text_output,
    checked,
    export_folder,
    new_files,
)
from workbench.formats.brat_annotators import annotator_part
from workbench.formats.brat_config import BratNames, annotation_conf, brat_name, visual_conf
from workbench.formats.brat_notes import LINE_BREAK, brat_notes
from workbench.formats.exporting import export_groups, write_text_file
from workbench.formats.file_names import NAMES_FILE, FileStems
from workbench.formats.report import FormatReport, Issue


def write(
    documents: Iterable[ImportedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress = no_progress,
    *,
    report: FormatReport | None = None,
) -> None:
    report = report if report is not None else FormatReport()
    BratNames(options.schema)  # refuses a schema whose labels brat cannot tell apart
    groups, total = export_groups(documents, options)
    ann_files = options.files_ahead or checked(files_renderer(options, report))
    done = 0
    with export_folder(out) as built:
        for split, group in groups:
            stems, path = FileStems(), built / split if split else built
            with new_files(path) as folder, atomic_text_output(path / NAMES_FILE, in_built_folder=True) as names:
                for annotated in group:
                    _write_files(folder, annotated.document, ann_files(annotated), stems)
                    names.write(stems.names_tsv())  # as it goes: memory does not grow
                    done += 1
                    progress(done, total)
                names.write(stems.names_tsv())  # the header alone, when no document came
        write_text_file(built / "annotation.conf", annotation_conf(options.schema), in_built_folder=True)
        write_text_file(built / "visual.conf", visual_conf(options.schema), in_built_folder=True)


def files_renderer(options: ExportOptions, report: FormatReport) -> FilesRenderer:
    """A document's ``.ann`` texts, one for each set in annotator order (none for a document
    without sets): what a project's export has a second process render for batches of its
    documents (``formats.files_renderer``)."""

    def render(annotated: ImportedDocument) -> SetFiles:
        sets: Sequence[AnnotationSet | PlainSpans] = annotated.sets
        ordered = sorted(sets, key=lambda annotation_set: annotation_set.annotator)
        return tuple((s.annotator, _ann_text(annotated, s, report)) for s in ordered)

    return render


def _write_files(folder: NewFiles, document: Document, ann_files: SetFiles, stems: FileStems) -> None:
    """The document's ``.txt`` and ``.ann`` for each of its sets' ``.ann`` texts (an empty
    ``.ann`` for a document without sets), named by ``_file_stems``."""
    anns = [ann for _, ann in ann_files] or [""]
    for stem, ann in zip(_file_stems(document, ann_files, stems), anns, strict=True):
        folder.write(f"{stem}.txt", document.text)
        folder.write(f"{stem}.ann", ann)


def _file_stems(document: Document, ann_files: SetFiles, stems: FileStems) -> list[str]:
    """A file stem for each set's files (one for a document without sets): the document's own
    for one set, one for each annotator's otherwise."""
    if len(ann_files) <= 1:
        return [stems.stem(document.id, document.name)]
    variants = [annotator_part(annotator) for annotator, _ in ann_files]
    return stems.variant_stems(document.id, document.name, variants)


def _ann_text(annotated: ImportedDocument, annotations: AnnotationSet | PlainSpans, report: FormatReport) -> str:
    lines = _ann_lines(annotated, annotations, report)
    return "\n".join(lines) + "\n" if lines else ""


def _ann_lines(
    annotated: ImportedDocument, annotations: AnnotationSet | PlainSpans, report: FormatReport
) -> list[str]:
    """The lines of the ``.ann`` file of one set: ``T`` lines alone for plain spans (read as
    columns, made into no ``Span``), which have nothing else to write."""
    text, place = annotated.document.text, f"document {annotated.document.name!r}"
    if isinstance(annotations, PlainSpans):
        return _t_lines(_plain_columns(annotations), text, place)
    spans = sorted(annotations.spans, key=lambda span: (span.start, -span.end))
    ids = {span.id: f"T{number}" for number, span in enumerate(spans, start=1)}
    ids |= {event.id: f"E{number}" for number, event in enumerate(annotations.events, start=1)}
    relations = {f"R{number}": r for number, r in enumerate(annotations.relations, start=1)}
    lines = _t_lines(_columns([(s.start, s.end, s.label, s.id, s.text) for s in spans]), text, place)
    lines += [_e_line(ids, event, place) for event in annotations.events]
    lines += [_r_line(ids, brat_id, relation, place) for brat_id, relation in relations.items()]
    owners = [(ids[span.id], span.attributes) for span in spans if span.attributes]
    owners += [(ids[event.id], event.attributes) for event in annotations.events]
    owners += [(brat_id, relation.attributes) for brat_id, relation in relations.items()]
    lines += _a_lines(owners, place)
    # brat refuses a note on a trigger: it goes on the (first) event the trigger belongs to
    targets = {event.trigger_span_id: ids[event.id] for event in reversed(annotations.events)}
    noted = [(span, targets.get(span.id, ids[span.id])) for span in spans if span.note]
    lines += _note_lines(noted, report, place)
    return lines


TSpan = tuple[int, int, str, str, str]
"""What a ``T`` line writes of a span: its start, end, label, id and text."""
TColumns = tuple[Sequence[int], Sequence[int], Sequence[str], Sequence[str], Sequence[str]]
"""What the ``T`` lines write of spans in text order, a column each (``TSpan``'s fields)."""


def _plain_columns(spans: PlainSpans) -> TColumns:
    """The columns of plain spans in text order: as they come where each span starts after the
    one before (as a project hands them over: then nothing is sorted), sorted otherwise."""
    columns = spans.starts, spans.ends, spans.labels, spans.ids, spans.texts
    if all(map(operator.lt, spans.starts, spans.starts[1:])):
        return columns
    return _columns(sorted(zip(*columns, strict=True), key=_text_order))


def _columns(spans: Sequence[TSpan]) -> TColumns:
    if not spans:
        return (), (), (), (), ()
    starts, ends, labels, ids, texts = zip(*spans, strict=True)
    return starts, ends, labels, ids, texts


def _text_order(span: TSpan) -> tuple[int, int]:
    """By start, the longer first (``sorted`` keeps spans of the same extent in their order)."""
    return span[0], -span[1]


def _t_lines(spans: TColumns, text: str, place: str) -> list[str]:
    """The ``T`` lines of the spans, numbered from 1 in their order. Their stored texts are the
    text at their offsets (``check_offsets`` has made sure of it before). Where no span crosses a
    line break (most documents: one search over all their texts tells), each is one piece."""
    starts, ends, labels, _, texts = spans
    if LINE_BREAK.search("".join(texts)) is None:
        numbers = range(1, len(starts) + 1)
        return [
            f"T{number}\t{brat_name(label)} {start} {end}\t{covered}"
            for number, start, end, label, covered in zip(numbers, starts, ends, labels, texts, strict=True)
        ]
    rows = zip(*spans, strict=True)
    return [_t_line(f"T{number}", span, text, place) for number, span in enumerate(rows, start=1)]


def _t_line(brat_id: str, span: TSpan, text: str, place: str) -> str:
    start, end, label, span_id, covered = span
    if LINE_BREAK.search(covered) is None:  # one piece
        return f"{brat_id}\t{brat_name(label)} {start} {end}\t{covered}"
    pieces = _pieces(text, start, end)
    if not pieces:
        raise WorkbenchError(
            f"{place}: span {span_id} holds only line breaks, which brat cannot show"
        )
    offsets = ";".join(f"{start} {end}" for start, end in pieces)
    shown = " ".join(text[start:end] for start, end in pieces)
    return f"{brat_id}\t{brat_name(label)} {offsets}\t{shown}"


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` without its line breaks, as the ranges between them."""
    pieces, piece_start = [], start
    for found in LINE_BREAK.finditer(text, start, end):
        if found.start() > piece_start:
            pieces.append((piece_start, found.start()))
        piece_start = found.end()
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


def _e_line(ids: dict[str, str], event: Event, place: str) -> str:
    seen: dict[str, int] = {}
    arguments = [f"{brat_name(event.type)}:{_ref(ids, event.trigger_span_id, event, place)}"]
    for argument in event.arguments:
        seen[argument.role] = seen.get(argument.role, 0) + 1
        number = str(seen[argument.role]) if seen[argument.role] > 1 else ""
        arguments.append(f"{argument.role}{number}:{_ref(ids, argument.filler_id, event, place)}")
    return f"{ids[event.id]}\t{' '.join(arguments)}"


def _r_line(ids: dict[str, str], brat_id: str, relation: Relation, place: str) -> str:
    ends = [ids.get(span_id) for span_id in (relation.from_span_id, relation.to_span_id)]
    if None in ends:
        raise WorkbenchError(
            f"{place}: relation {relation.id} ({relation.type}) links a span that is not in its "
            "annotation set"
        )
    return f"{brat_id}\t{brat_name(relation.type)} Arg1:{ends[0]} Arg2:{ends[1]}"


def _ref(ids: dict[str, str], target: str, event: Event, place: str) -> str:
    if target not in ids:
        raise WorkbenchError(
            f"{place}: event {event.id} ({event.type}) refers to {target}, "
            "which is not in its annotation set"
        )
    return ids[target]


def _a_lines(owners: list[tuple[str, dict[str, Any]]], place: str) -> list[str]:
    lines: list[str] = []
    for brat_id, attributes in owners:
        for name, value in attributes.items():
            if value is False or value is None:
                continue
            number = len(lines) + 1
            if value is True:
                lines.append(f"A{number}\t{brat_name(name)} {brat_id}")
                continue
            shown = str(value)
            if not shown or any(char.isspace() for char in shown):
                raise WorkbenchError(
                    f"{place}: the attribute {name!r} of {brat_id} is {shown!r}; "
                    "a brat attribute value cannot be empty or hold whitespace"
                )
            lines.append(f"A{number}\t{brat_name(name)} {brat_id} {shown}")
    return lines


def _note_lines(
    noted: list[tuple[Span, str]], report: FormatReport, place: str
) -> list[str]:
    """The ``#`` lines of the notes of spans, each on the brat id given with its span."""
    lines: list[str] = []
    for span, target in noted:
        notes, flattened = brat_notes(span.note)
        if flattened:
            report.add(Issue.FLATTENED_NOTE, f"{place}: the note of span {span.id}")
        for note_type, note in notes:
            lines.append(f"#{len(lines) + 1}\t{note_type} {target}\t{note}")
    return lines
