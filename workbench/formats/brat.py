"""brat standoff: per document a ``.txt`` holding its text and an ``.ann`` holding its annotations.

Export. ``OUT`` is a folder (with ``--split``, its ``train``, ``validation`` and ``test``
subfolders hold the documents) with ``annotation.conf`` and ``visual.conf`` made from the schema
(``brat_config``) at its top, which brat applies to the subfolders too. Each ``.txt`` holds exactly
the stored text (UTF-8, LF line ends), so brat's offsets, which count characters (code points),
are the workbench's. The ``.ann`` holds:

- ``T`` lines for spans (event triggers carry their event type), in text order. A span that
  crosses a line break is written as brat does, as pieces between the breaks (``0 5;6 9``);
- ``E`` lines for events: ``E1<TAB>Type:T3 Role:T1 Role:E2`` (a role filled by another event names
  it), a repeated role numbered as brat numbers it (``Victim``, ``Victim2``);
- ``A`` lines for attributes: ``A1<TAB>Name T1 VALUE``, or ``A1<TAB>Name T1`` for a binary
  attribute (the value ``True``);
- ``#`` lines for span notes (on the event for an event's trigger, since brat refuses a note on a
  trigger): ``AnnotatorNotes``, line breaks turned into spaces; a note line
  ``[TYPE] text`` (a note of another type, as the import keeps it) as a note of that type.

Labels, event types and attribute names are spelled as brat stores them (``Conflict_Attack``).
Files are named after the document, made safe for every file system and unique in their folder
(``file_names``); each folder's ``names.tsv`` maps the file names back to the document ids and
names. A document with several annotation sets gets one pair per set, named ``NAME@ANNOTATOR``,
which the import reads back as one document with those annotators' sets (``brat_annotators``); a
document without a set gets an empty ``.ann``. ``OUT`` is built whole beside itself and then
swapped in (``export_folder``): it holds this export's files and no earlier one's.

Import. Each ``.ann`` with the ``.txt`` beside it is a document (a folder is searched at any
depth; a ``.txt`` or ``.ann`` may also be named), named as the ``names.tsv`` beside it says, else
after the file. Offsets are checked against the text: each
``T`` line's text must equal the text at its offsets, otherwise the import stops naming the file
and the line. A ``.txt`` with CRLF line ends is read with brat's offsets, which count the CR. A
span in pieces is read as one span when only whitespace (a line break) lies between its pieces,
and counted in the report; a span with text between its pieces is refused, since the workbench
holds only continuous spans. ``E``, ``A``/``M`` and ``#`` lines become events, attributes and notes
(a note on an event goes to its trigger span; a note of another type than ``AnnotatorNotes`` keeps
its type as ``[TYPE] text``). ``R``, ``*`` and ``N`` lines (relations, equivalences,
normalizations), which the workbench does not hold, are skipped and counted in the report, and so
are notes and attributes on them: they never stop the import. Labels go through ``--label-map``
and must be in the schema, and roles and attributes must be the schema's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, SchemaError, WorkbenchError
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    make_document,
    new_id,
)
from workbench.core.schema import Schema
from workbench.core.text_io import canonical_text, decode_text
from workbench.formats.base import (
    ExportOptions,
    ImportOptions,
    Progress,
    check_offsets,
    export_folder,
    no_progress,
)
from workbench.formats.brat_annotators import (
    annotator_of,
    annotator_part,
    by_document,
    joined_document,
)
from workbench.formats.brat_config import BratNames, annotation_conf, brat_name, visual_conf
from workbench.formats.brat_notes import LINE_BREAK, brat_notes, stored_note
from workbench.formats.exporting import export_groups, write_text_file
from workbench.formats.file_names import NAMES_FILE, FileStems, document_name
from workbench.formats.importing import annotator_name, entity_label, event_type, folder_files
from workbench.formats.report import FormatReport, Issue
from workbench.formats.source_offsets import SourceText

_OFFSET = re.compile("[0-9]{1,18}")
"""An offset as brat writes it: ASCII digits (``str.isdigit`` also takes ``²`` and ``٣``)."""
_SKIPPED_KINDS = {"R": "a relation", "*": "an equivalence", "N": "a normalization"}

# ---- export -----------------------------------------------------------------------------------


def write(
    documents: Iterable[AnnotatedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress = no_progress,
    *,
    report: FormatReport | None = None,
) -> None:
    report = report if report is not None else FormatReport()
    BratNames(options.schema)  # refuses a schema whose labels brat cannot tell apart
    groups, total = export_groups(documents, options)
    done = 0
    with export_folder(out) as built:
        for split, group in groups:
            folder, stems = built / split if split else built, FileStems()
            for annotated in group:
                check_offsets(annotated)
                for stem, annotation_set in _file_stems(annotated, stems):
                    _write_pair(folder / stem, annotated, annotation_set, report)
                done += 1
                progress(done, total)
            write_text_file(folder / NAMES_FILE, stems.names_tsv(), sync=False)
        write_text_file(built / "annotation.conf", annotation_conf(options.schema), sync=False)
        write_text_file(built / "visual.conf", visual_conf(options.schema), sync=False)


def _file_stems(
    annotated: AnnotatedDocument, stems: FileStems
) -> list[tuple[str, AnnotationSet | None]]:
    """A file stem for each annotation set (one for a document without sets)."""
    document = annotated.document
    if len(annotated.sets) <= 1:
        stem = stems.stem(document.id, document.name)
        return [(stem, annotated.sets[0] if annotated.sets else None)]
    ordered = sorted(annotated.sets, key=lambda s: s.annotator)
    variants = [annotator_part(s.annotator) for s in ordered]
    named = zip(stems.variant_stems(document.id, document.name, variants), ordered, strict=True)
    return [(stem, annotation_set) for stem, annotation_set in named]


def _write_pair(
    stem: Path,
    annotated: AnnotatedDocument,
    annotations: AnnotationSet | None,
    report: FormatReport,
) -> None:
    write_text_file(stem.with_name(stem.name + ".txt"), annotated.document.text, sync=False)
    lines = _ann_lines(annotated, annotations, report) if annotations else []
    ann = "".join(f"{line}\n" for line in lines)
    write_text_file(stem.with_name(stem.name + ".ann"), ann, sync=False)


def _ann_lines(
    annotated: AnnotatedDocument, annotations: AnnotationSet, report: FormatReport
) -> list[str]:
    text, place = annotated.document.text, f"document {annotated.document.name!r}"
    spans = sorted(annotations.spans, key=lambda span: (span.start, -span.end))
    ids = {span.id: f"T{number}" for number, span in enumerate(spans, start=1)}
    ids |= {event.id: f"E{number}" for number, event in enumerate(annotations.events, start=1)}
    lines = [_t_line(ids[span.id], span, text, place) for span in spans]
    lines += [_e_line(ids, event, place) for event in annotations.events]
    owners = [(ids[span.id], span.attributes) for span in spans]
    owners += [(ids[event.id], event.attributes) for event in annotations.events]
    lines += _a_lines(owners, place)
    # brat refuses a note on a trigger: it goes on the (first) event the trigger belongs to
    targets = {event.trigger_span_id: ids[event.id] for event in reversed(annotations.events)}
    targets = {span.id: targets.get(span.id, ids[span.id]) for span in spans}
    lines += _note_lines(targets, spans, report, place)
    return lines


def _t_line(brat_id: str, span: Span, text: str, place: str) -> str:
    pieces = _pieces(text, span.start, span.end)
    if not pieces:
        raise WorkbenchError(
            f"{place}: span {span.id} holds only line breaks, which brat cannot show"
        )
    offsets = ";".join(f"{start} {end}" for start, end in pieces)
    shown = " ".join(text[start:end] for start, end in pieces)
    return f"{brat_id}\t{brat_name(span.label)} {offsets}\t{shown}"


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
    targets: dict[str, str], spans: list[Span], report: FormatReport, place: str
) -> list[str]:
    """The ``#`` lines of the spans' notes, each on the brat id ``targets`` gives its span."""
    lines: list[str] = []
    for span in spans:
        notes, flattened = brat_notes(span.note)
        if flattened:
            report.add(Issue.FLATTENED_NOTE, f"{place}: the note of span {span.id}")
        for note_type, note in notes:
            lines.append(f"#{len(lines) + 1}\t{note_type} {targets[span.id]}\t{note}")
    return lines


# ---- import -----------------------------------------------------------------------------------


@dataclass
class _Found:
    """What one ``.ann`` file says, by brat id and with line numbers, before it is assembled."""

    spans: dict[str, Span] = field(default_factory=dict)
    events: dict[str, _EventLine] = field(default_factory=dict)
    attributes: dict[str, list[tuple[int, str, Any]]] = field(default_factory=dict)
    """target brat id -> [(line, attribute name, value)]"""
    notes: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """target brat id -> [(line, note)], a note of another type than AnnotatorNotes as
    ``[TYPE] note``"""
    skipped: set[str] = field(default_factory=set)
    """The ids of the lines skipped (relations, normalizations): notes on them are skipped too."""


@dataclass(frozen=True)
class _EventLine:
    line: int
    type: str
    trigger: str
    arguments: list[tuple[str, str]]
    """(role, filler brat id)"""


def read(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[AnnotatedDocument]:
    report = report if report is not None else FormatReport()
    for files in by_document(_ann_files(paths)):
        readers = [_Reader(ann, options, report) for ann in files]
        if len(readers) > 1 and len({reader.source.text for reader in readers}) == 1:
            sets = [reader.annotation_set(annotator_of(reader.ann)) for reader in readers]
            yield joined_document(files, readers[0].source.text, sets, options.annotator)
        else:
            yield from (reader.document() for reader in readers)


def _ann_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [p for p in folder_files(path, {".ann", ".txt"}) if p.suffix.lower() == ".ann"]
            if not found:
                raise InputError(path, "the folder holds no .ann file")
            files.extend(found)
        elif path.suffix.lower() in (".ann", ".txt") and path.is_file():
            files.append(path.with_suffix(".ann"))
        elif path.exists():
            raise InputError(path, "a brat document is a .ann file with its .txt beside it")
        else:
            raise InputError(path, "no such file or folder")
    return files


class _Reader:
    """Reads one ``.ann`` file and the ``.txt`` beside it."""

    def __init__(self, ann: Path, options: ImportOptions, report: FormatReport) -> None:
        self.ann = ann
        self.txt = ann.with_suffix(".txt")
        self.options = options
        self.schema: Schema = options.schema
        self.names = BratNames(options.schema)
        self.report = report
        self.found = _Found()
        for path in (ann, self.txt):
            if not path.is_file():
                raise InputError(path, "not found: brat needs a .txt and an .ann of the same name")
        self.source = SourceText(decode_text(self.txt.read_bytes(), self.txt))

    def document(self) -> AnnotatedDocument:
        document = make_document(document_name(self.ann), self.source.text, source=str(self.txt))
        return AnnotatedDocument(document, (self.annotation_set(),))

    def annotation_set(self, annotator: str | None = None) -> AnnotationSet:
        """The file's annotations, belonging to ``--annotator``, else ``annotator``."""
        for number, line in enumerate(self._ann_text().split("\n"), start=1):
            if line.strip():
                self._line(number, line)
        return self._annotation_set(annotator)

    def _ann_text(self) -> str:
        data = self.ann.read_bytes()
        return canonical_text(decode_text(data, self.ann)) if data else ""

    def _error(self, number: int, problem: str) -> InputError:
        return InputError(self.ann, problem, where=f"line {number}")

    def _line(self, number: int, line: str) -> None:
        brat_id, _, rest = line.partition("\t")
        kind = brat_id[:1]
        if not rest:
            raise self._error(number, "expected an id, a tab and an annotation")
        if brat_id in self.found.spans or brat_id in self.found.events:
            raise self._error(number, f"the id {brat_id} is used twice")
        if kind == "T":
            self.found.spans[brat_id] = self._span(number, rest)
        elif kind == "E":
            self.found.events[brat_id] = self._event(number, rest)
        elif kind in ("A", "M"):
            self._attribute(number, rest)
        elif kind == "#":
            self._note(number, rest)
        elif kind in _SKIPPED_KINDS:
            self.found.skipped.add(brat_id)
            self.report.add(
                Issue.SKIPPED_ANNOTATION,
                f"{self.ann}, line {number}: {_SKIPPED_KINDS[kind]} (the workbench has none)",
            )
        else:
            raise self._error(number, f"{brat_id!r} is not a brat id (T, E, A, M, R, N, * or #)")

    # ---- T lines

    def _span(self, number: int, rest: str) -> Span:
        annotation, tab, shown = rest.partition("\t")
        label_and_offsets = annotation.split(" ", 1)
        if not tab or len(label_and_offsets) != 2:
            raise self._error(number, "expected T<n><TAB>LABEL START END<TAB>TEXT")
        foreign, offsets = label_and_offsets
        start, end = self._offsets(number, offsets, shown)
        label = self._label(number, foreign)
        return Span(new_id(), start, end, label, self.source.text[start:end])

    def _offsets(self, number: int, offsets: str, shown: str) -> tuple[int, int]:
        """The stored-text range of the T line's pieces, checked against its text."""
        pieces = []
        for piece in offsets.split(";"):
            bounds = piece.split()
            if len(bounds) != 2 or not all(_OFFSET.fullmatch(bound) for bound in bounds):
                raise self._error(number, f"{offsets!r} are not offsets (START END[;START END])")
            start, end = int(bounds[0]), int(bounds[1])
            if not start < end <= len(self.source.raw):
                raise self._error(
                    number,
                    f"the offsets {start} {end} lie outside the text of {self.txt.name} "
                    f"({len(self.source.raw)} characters) or are empty",
                )
            pieces.append((start, end))
        found = " ".join(self.source.raw[start:end] for start, end in pieces)
        if found != shown:
            raise self._error(
                number,
                f"the text at {offsets} in {self.txt.name} is {found!r}, not {shown!r} "
                "(the .txt and .ann do not belong together, or the offsets are wrong)",
            )
        if len(pieces) > 1:
            self._check_joinable(number, pieces)
        return self.source.stored(pieces[0][0]), self.source.stored(pieces[-1][1])

    def _check_joinable(self, number: int, pieces: list[tuple[int, int]]) -> None:
        for (_, gap_start), (gap_end, _) in pairwise(pieces):
            if gap_start > gap_end or self.source.raw[gap_start:gap_end].strip():
                raise self._error(
                    number,
                    "a discontinuous span (text lies between its pieces): the workbench holds "
                    "only continuous spans; split it into separate spans in brat",
                )
        self.report.add(Issue.JOINED_FRAGMENTS, f"{self.ann}, line {number}")

    def _label(self, number: int, foreign: str) -> str:
        """An entity label, or an event type (the label of a trigger)."""
        mapped = self.options.label_map.get(foreign, foreign)
        if self.schema.has_event(self.names.labels.get(mapped, mapped)):
            return self.names.labels.get(mapped, mapped)
        return entity_label(self.options, foreign, self.ann, f"line {number}", self.names.labels)

    # ---- E lines

    def _event(self, number: int, rest: str) -> _EventLine:
        fields = [part.partition(":") for part in rest.split()]
        if not fields or any(not colon or not target for _, colon, target in fields):
            raise self._error(number, "expected E<n><TAB>TYPE:T<n> ROLE:ID ...")
        (foreign, _, trigger), *arguments = fields
        type_id = event_type(self.options, foreign, self.ann, f"line {number}", self.names.labels)
        roles = [(self._role(number, type_id, role), target) for role, _, target in arguments]
        return _EventLine(number, type_id, trigger, roles)

    def _role(self, number: int, type_id: str, role: str) -> str:
        """The schema role, reading brat's numbered repeats (``Victim2``) as the role itself."""
        roles = {r.id for r in self.schema.event(type_id).roles}
        base = role.rstrip("0123456789")
        if role in roles:
            return role
        if base in roles:
            return base
        raise self._error(
            number,
            f"the event type {type_id!r} has no role {role!r}; its roles: {', '.join(roles)}",
        )

    # ---- A and # lines

    def _attribute(self, number: int, rest: str) -> None:
        fields = rest.split()
        if len(fields) not in (2, 3):
            raise self._error(number, "expected A<n><TAB>NAME ID [VALUE]")
        name = self.names.attributes.get(fields[0], fields[0])
        value: Any = fields[2] if len(fields) == 3 else True
        self.found.attributes.setdefault(fields[1], []).append((number, name, value))

    def _note(self, number: int, rest: str) -> None:
        head, tab, note = rest.partition("\t")
        kind_and_target = head.split()
        if not tab or len(kind_and_target) != 2:
            raise self._error(number, "expected #<n><TAB>AnnotatorNotes ID<TAB>NOTE")
        note_type, target = kind_and_target
        self.found.notes.setdefault(target, []).append((number, stored_note(note_type, note)))

    # ---- assembly: brat ids become workbench ids, references are checked

    def _annotation_set(self, annotator: str | None) -> AnnotationSet:
        found = self.found
        self._skip_notes_on_skipped_lines()
        targets = [(target, entries[0][0]) for target, entries in found.attributes.items()]
        targets += [(target, entries[0][0]) for target, entries in found.notes.items()]
        for target, line in targets:
            if target not in found.spans and target not in found.events:
                raise self._error(line, f"{target} is not a T or E id of this file")
        event_ids = {brat_id: new_id() for brat_id in found.events}
        notes = self._span_notes()
        spans = {
            brat_id: replace(
                span,
                attributes=self._attributes(brat_id, span.label),
                note="\n".join(notes.get(brat_id, [])),
            )
            for brat_id, span in found.spans.items()
        }
        events = [
            self._assembled_event(brat_id, event_ids[brat_id], spans, event_ids)
            for brat_id in found.events
        ]
        return AnnotationSet(
            annotator_name(self.options, annotator),
            spans=tuple(spans.values()),
            events=tuple(events),
        )

    def _skip_notes_on_skipped_lines(self) -> None:
        found = self.found
        for kind, entries in (("a note", found.notes), ("an attribute", found.attributes)):
            for target in found.skipped & entries.keys():
                for line, *_ in entries.pop(target):
                    self.report.add(
                        Issue.SKIPPED_ANNOTATION,
                        f"{self.ann}, line {line}: {kind} on {target}, which is skipped",
                    )

    def _assembled_event(
        self, brat_id: str, event_id: str, spans: dict[str, Span], event_ids: dict[str, str]
    ) -> Event:
        line = self.found.events[brat_id]
        if line.trigger not in spans:
            raise self._error(line.line, f"the trigger {line.trigger} is not a T id of this file")
        arguments = []
        for role, target in line.arguments:
            if target in spans:
                arguments.append(Argument(role, span_id=spans[target].id))
            elif target in event_ids:
                arguments.append(Argument(role, event_id=event_ids[target]))
            else:
                raise self._error(line.line, f"the {role} {target} is not a T or E id of this file")
        return Event(
            event_id,
            line.type,
            spans[line.trigger].id,
            tuple(arguments),
            self._attributes(brat_id, line.type),
        )

    def _span_notes(self) -> dict[str, list[str]]:
        """The notes by span brat id; a note on an event goes to its trigger."""
        notes: dict[str, list[str]] = {}
        for target, entries in self.found.notes.items():
            span_id = self.found.events[target].trigger if target in self.found.events else target
            notes.setdefault(span_id, []).extend(note for _, note in entries)
        return notes

    def _attributes(self, brat_id: str, owner: str) -> dict[str, Any]:
        attributes: dict[str, Any] = {}
        for number, name, value in self.found.attributes.get(brat_id, []):
            self._check_attribute(number, owner, name, value)
            attributes[name] = value
        return attributes

    def _check_attribute(self, number: int, owner: str, name: str, value: Any) -> None:
        """The schema must give ``owner`` the attribute, with the value among its values (a
        binary brat attribute, ``True``, is declared with the one value ``"True"``)."""
        try:
            self.schema.check_attributes(owner, {name: value})
        except SchemaError as error:
            raise self._error(number, str(error)) from None
