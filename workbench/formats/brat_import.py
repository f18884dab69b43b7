"""brat standoff import: per document a ``.txt`` holding its text and an ``.ann`` holding its
annotations.

Each ``.ann`` with the ``.txt`` beside it is a document (a folder is searched at any
depth; a ``.txt`` or ``.ann`` may also be named), named as the ``names.tsv`` beside it says, else
after the file. Offsets are checked against the text: each
``T`` line's text must equal the text at its offsets, otherwise the import stops naming the file
and the line. A ``.txt`` with CRLF line ends is read with brat's offsets, which count the CR. A
span in pieces is read as one span when only whitespace (a line break) lies between its pieces,
and counted in the report; a span with text between its pieces is refused, since the workbench
holds only continuous spans. ``E``, ``A``/``M`` and ``#`` lines become events, attributes and notes
(a note on an event goes to its trigger span; a note of another type than ``AnnotatorNotes`` keeps
its type as ``[TYPE] text``). ``R`` lines (``R1<TAB>Type Arg1:T1 Arg2:T2``) of a relation type
the schema has become relations from Arg1 to Arg2, with the ``A`` lines on them as attributes; a
``*`` line (``*<TAB>Equiv T1 T2 T3``) of a symmetric relation type the schema has links each
member to the next. ``R`` and ``*`` lines of types the schema lacks and ``N`` lines
(normalizations), which the workbench does not hold, are skipped and counted in the report, and so
are notes and attributes on them, and notes on relations: they never stop the import. Labels go
through ``--label-map`` and must be in the schema, and roles and attributes must be the schema's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, Place, Problem, SchemaError, problem_of
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Relation,
    Span,
    make_document,
    new_id,
)
from workbench.core.schema import Schema
from workbench.core.schema.model import NO_SUCH_ROLE
from workbench.core.text_io import canonical_text, decode_text
from workbench.formats.base import ImportOptions
from workbench.formats.brat_annotators import annotator_of, by_document, joined_document
from workbench.formats.brat_config import BratNames
from workbench.formats.brat_notes import stored_note
from workbench.formats.file_names import document_name
from workbench.formats.importing import NO_SUCH_PATH, annotator_name, entity_label, event_type, folder_files
from workbench.formats.report import FormatReport, Issue
from workbench.formats.source_offsets import SourceText

_OFFSET = re.compile("[0-9]{1,18}")
"""An offset as brat writes it: ASCII digits (``str.isdigit`` also takes ``²`` and ``٣``)."""
_SKIPPED_KINDS = {"R": "a relation", "*": "an equivalence", "N": "a normalization"}


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
    relations: dict[str, _RelationLine] = field(default_factory=dict)
    """R lines, and ``*`` lines as ``*<line number>``, of relation types the schema has."""
    skipped: set[str] = field(default_factory=set)
    """The ids of the lines skipped (relations, normalizations): notes on them are skipped too."""


@dataclass(frozen=True)
class _RelationLine:
    line: int
    type: str
    ends: tuple[str, str]


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
                raise InputError(path, Problem("the folder holds no .ann file"))
            files.extend(found)
        elif path.suffix.lower() in (".ann", ".txt") and path.is_file():
            files.append(path.with_suffix(".ann"))
        elif path.exists():
            raise InputError(path, Problem("a brat document is a .ann file with its .txt beside it"))
        else:
            raise InputError(path, Problem(NO_SUCH_PATH))
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
                raise InputError(path, Problem("not found: brat needs a .txt and an .ann of the same name"))
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
        """The refusal of the line ``number``: ``problem`` is a ``Problem``, or the schema's
        refusal of an attribute (``problem_of``)."""
        return InputError(self.ann, problem, where=Place(line=number))

    def _line(self, number: int, line: str) -> None:
        brat_id, _, rest = line.partition("\t")
        kind = brat_id[:1]
        if not rest:
            raise self._error(number, Problem("expected an id, a tab and an annotation"))
        if brat_id in self.found.spans or brat_id in self.found.events or (
            brat_id in self.found.relations
        ):
            raise self._error(number, Problem("the id {id} is used twice", id=brat_id))
        if kind in ("R", "*") and self._relation(number, brat_id, rest):
            return
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
            raise self._error(number, Problem("{id!r} is not a brat id (T, E, A, M, R, N, * or #)", id=brat_id))

    # ---- T lines

    def _span(self, number: int, rest: str) -> Span:
        annotation, tab, shown = rest.partition("\t")
        label_and_offsets = annotation.split(" ", 1)
        if not tab or len(label_and_offsets) != 2:
            raise self._error(number, Problem("expected T<n><TAB>LABEL START END<TAB>TEXT"))
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
                problem = Problem("{offsets!r} are not offsets (START END[;START END])", offsets=offsets)
                raise self._error(number, problem)
            start, end = int(bounds[0]), int(bounds[1])
            if not start < end <= len(self.source.raw):
                raise self._error(
                    number,
                    Problem(
                        "the offsets {start} {end} lie outside the text of {file} ({length} characters) or are empty",
                        start=start,
                        end=end,
                        file=Path(self.txt.name),
                        length=len(self.source.raw),
                    ),
                )
            pieces.append((start, end))
        found = " ".join(self.source.raw[start:end] for start, end in pieces)
        if found != shown:
            raise self._error(
                number,
                Problem(
                    "the text at {offsets} in {file} is {found!r}, not {shown!r} "
                    "(the .txt and .ann do not belong together, or the offsets are wrong)",
                    offsets=offsets,
                    file=Path(self.txt.name),
                    found=found,
                    shown=shown,
                ),
            )
        if len(pieces) > 1:
            self._check_joinable(number, pieces)
        return self.source.stored(pieces[0][0]), self.source.stored(pieces[-1][1])

    def _check_joinable(self, number: int, pieces: list[tuple[int, int]]) -> None:
        for (_, gap_start), (gap_end, _) in pairwise(pieces):
            if gap_start > gap_end or self.source.raw[gap_start:gap_end].strip():
                raise self._error(
                    number,
                    Problem(
                        "a discontinuous span (text lies between its pieces): the workbench holds "
                        "only continuous spans; split it into separate spans in brat"
                    ),
                )
        self.report.add(Issue.JOINED_FRAGMENTS, f"{self.ann}, line {number}")

    def _label(self, number: int, foreign: str) -> str:
        """An entity label, or an event type (the label of a trigger)."""
        mapped = self.options.label_map.get(foreign, foreign)
        if self.schema.has_event(self.names.labels.get(mapped, mapped)):
            return self.names.labels.get(mapped, mapped)
        return entity_label(self.options, foreign, self.ann, Place(line=number), self.names.labels)

    # ---- E lines

    def _event(self, number: int, rest: str) -> _EventLine:
        fields = [part.partition(":") for part in rest.split()]
        if not fields or any(not colon or not target for _, colon, target in fields):
            raise self._error(number, Problem("expected E<n><TAB>TYPE:T<n> ROLE:ID ..."))
        (foreign, _, trigger), *arguments = fields
        type_id = event_type(self.options, foreign, self.ann, Place(line=number), self.names.labels)
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
        raise self._error(number, Problem(NO_SUCH_ROLE, type=type_id, role=role, roles=", ".join(roles)))

    # ---- R and * lines

    def _relation(self, number: int, brat_id: str, rest: str) -> bool:
        """Keep an R or ``*`` line of a relation type the schema has (False for another type)."""
        foreign, *arguments = rest.split()
        type_id = self.options.label_map.get(foreign, foreign)
        type_id = self.names.labels.get(type_id, type_id)
        if not self.schema.has_relation_type(type_id):
            return False
        if brat_id == "*":
            if not self.schema.relation_type(type_id).symmetric:
                raise self._error(
                    number,
                    Problem("an equivalence of {type!r}, which the schema does not make symmetric", type=type_id),
                )
            if len(arguments) < 2:
                raise self._error(number, Problem("expected *<TAB>TYPE T<n> T<n> ..."))
            for place, pair in enumerate(pairwise(arguments), start=1):
                self.found.relations[f"*{number}.{place}"] = _RelationLine(number, type_id, pair)
            return True
        roles = {role: target for role, _, target in (a.partition(":") for a in arguments)}
        if len(arguments) != 2 or set(roles) != {"Arg1", "Arg2"}:
            raise self._error(number, Problem("expected R<n><TAB>TYPE Arg1:T<n> Arg2:T<n>"))
        self.found.relations[brat_id] = _RelationLine(number, type_id, (roles["Arg1"], roles["Arg2"]))
        return True

    # ---- A and # lines

    def _attribute(self, number: int, rest: str) -> None:
        fields = rest.split()
        if len(fields) not in (2, 3):
            raise self._error(number, Problem("expected A<n><TAB>NAME ID [VALUE]"))
        name = self.names.attributes.get(fields[0], fields[0])
        value: Any = fields[2] if len(fields) == 3 else True
        self.found.attributes.setdefault(fields[1], []).append((number, name, value))

    def _note(self, number: int, rest: str) -> None:
        head, tab, note = rest.partition("\t")
        kind_and_target = head.split()
        if not tab or len(kind_and_target) != 2:
            raise self._error(number, Problem("expected #<n><TAB>AnnotatorNotes ID<TAB>NOTE"))
        note_type, target = kind_and_target
        self.found.notes.setdefault(target, []).append((number, stored_note(note_type, note)))

    # ---- assembly: brat ids become workbench ids, references are checked

    def _annotation_set(self, annotator: str | None) -> AnnotationSet:
        found = self.found
        self._skip_notes_on_skipped_lines()
        targets = [(target, entries[0][0]) for target, entries in found.attributes.items()]
        targets += [(target, entries[0][0]) for target, entries in found.notes.items()]
        for target, line in targets:
            if target not in found.spans and target not in found.events and (
                target not in found.relations
            ):
                raise self._error(line, Problem("{id} is not a T, E or R id of this file", id=target))
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
            relations=tuple(
                self._assembled_relation(brat_id, spans) for brat_id in found.relations
            ),
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
        for target in found.relations.keys() & found.notes.keys():
            for line, _ in found.notes.pop(target):
                self.report.add(
                    Issue.SKIPPED_ANNOTATION,
                    f"{self.ann}, line {line}: a note on the relation {target}, "
                    "which the workbench does not keep",
                )

    def _assembled_relation(self, brat_id: str, spans: dict[str, Span]) -> Relation:
        line = self.found.relations[brat_id]
        for end in line.ends:
            if end not in spans:
                raise self._error(line.line, Problem("the relation's end {end} is not a T id of this file", end=end))
        return Relation(
            new_id(),
            line.type,
            spans[line.ends[0]].id,
            spans[line.ends[1]].id,
            self._attributes(brat_id, line.type),
        )

    def _assembled_event(
        self, brat_id: str, event_id: str, spans: dict[str, Span], event_ids: dict[str, str]
    ) -> Event:
        line = self.found.events[brat_id]
        if line.trigger not in spans:
            raise self._error(
                line.line, Problem("the trigger {trigger} is not a T id of this file", trigger=line.trigger)
            )
        arguments = []
        for role, target in line.arguments:
            if target in spans:
                arguments.append(Argument(role, span_id=spans[target].id))
            elif target in event_ids:
                arguments.append(Argument(role, event_id=event_ids[target]))
            else:
                raise self._error(
                    line.line, Problem("the {role} {id} is not a T or E id of this file", role=role, id=target)
                )
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
            raise self._error(number, problem_of(error)) from None
