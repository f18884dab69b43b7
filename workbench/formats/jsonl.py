"""The workbench's own JSON lines format: one document per line, every annotation kept exactly.

    {"id", "name", "text", "sha256", "metadata",
     "status": {"ANNOTATOR": "new" | "in_progress" | "done"},          (optional)
     "spans": [{"id", "start", "end", "label", "text", "annotator", "attributes", "note"}],
     "events": [{"id", "type", "trigger": SPAN_ID,
                 "arguments": [{"role", "span": SPAN_ID} | {"role", "event": EVENT_ID}],
                 "annotator", "attributes"}],
     "relations": [{"id", "type", "from": SPAN_ID, "to": SPAN_ID, "annotator", "attributes"}],
                                                                       (optional)
     "document_labels": {"ANNOTATOR": {"FIELD": "VALUE" | ["VALUE", ...]}}}   (optional)

Offsets are code points, half-open. A multiple-choice document-label field holds a list, a
single-choice one a value; "relations" and "document_labels" are written when there are any. An
annotator's set counts as done unless "status" says otherwise. A text holding CR or CRLF line
ends is stored with LF, its offsets moved to match.

Each annotator's annotations are checked against the project's schema
(``workbench.core.import_checks``): labels, roles and the fillers each allows, attributes and their
values, ids, offsets, events containing themselves. A line holding anything the schema does not
allow, or that the brat importer would refuse after an export, is refused naming the file and the
line.

An import into a project reads a line whose annotations are spans and nothing else (each span
record with its offsets, label and text, perhaps its id and annotator, and no attributes or
note) a column at a
time (``read_plain``): a corpus holds twenty times as many spans as documents. Such a line is
read, checked, refused and stored as it would be span by span. ``write`` is in ``jsonl_export``.

orjson reads a line from its bytes where it gives what ``json`` gives
(``core.nested_data.fast_json_object``), in half the time of decoding the line and reading it
with ``json``; ``json`` reads the other lines from their checked text, and names what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NoReturn

from workbench.core.errors import Place, Problem
from workbench.core.import_checks import annotation_set_problem
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    DocumentLabelValue,
    Event,
    ImportedDocument,
    PlainColumns,
    PlainSpans,
    PlainSpansDocument,
    Relation,
    Span,
    Status,
    make_document,
    new_id,
    text_sha256,
)
from workbench.core.nested_data import NestedDataError, fast_json_object, parse_json, size_problem
from workbench.core.text_io import RawLine, line_text, raw_lines
from workbench.formats.base import ImportOptions
from workbench.formats.importing import DEFAULT_ANNOTATOR, entity_label, event_type, input_files
from workbench.formats.jsonl_export import renderer as renderer  # the format's renderer and writer
from workbench.formats.jsonl_export import write as write  # (``formats``), registered here
from workbench.formats.jsonl_line import Line
from workbench.formats.report import FormatReport, Issue

PLAIN_SPANS = True
"""``write`` writes the records of plain spans from their columns (``formats``)."""
_SHA256_DIFFERS = Problem('"sha256" does not match the text')
_THE_DOCUMENT = Problem("the document")
"""What the text field belongs to, made once."""


def read(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[AnnotatedDocument]:
    for document in read_plain(paths, options, report=report):
        yield document if isinstance(document, AnnotatedDocument) else document.annotated()


def read_plain(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[ImportedDocument]:
    """``read``, with a line whose annotations are spans and nothing else (no attributes or
    notes, events, relations or document labels) read as ``PlainSpansDocument``: what an import
    into a project reads (``formats.project_importer``). Such a line is read, checked and refused
    as ``read`` would, with its spans' values taken a column at a time."""
    report = report if report is not None else FormatReport()
    for path in input_files(paths, {".jsonl"}):
        # Lines split at LF only: JSON strings may hold U+2028 and others that splitlines() cuts.
        labels: dict[str, str] = {}
        for number, raw in enumerate(raw_lines(path), start=1):
            line = Line(path, number)
            record = _record(line, raw)
            if record is not None:
                yield _document(line, record, options, report, labels)


def _record(line: Line, raw: RawLine | str) -> dict[str, Any] | None:
    """The JSON object of a line; None for a blank line. orjson reads a line from its bytes
    where it reads it as ``json`` would (``fast_json_object``); ``json`` reads the others from
    their text, checked, and names what is wrong."""
    record = fast_json_object(raw.data) if isinstance(raw, RawLine) else None
    if record is not None:
        return record
    text = line_text(raw, line.path)
    if not text.strip():
        return None
    try:
        value = parse_json(text)
    except NestedDataError as error:
        raise line.error(error.problem, error.column) from None
    if not isinstance(value, dict):
        raise line.error(Problem("a line must hold one JSON object (a document)"))
    return value


def _document(
    line: Line,
    record: dict[str, Any],
    options: ImportOptions,
    report: FormatReport,
    labels: dict[str, str],
) -> ImportedDocument:
    """One line's document; ``labels`` keeps the schema label of each label already read."""
    text = line.field(record, "text", str, _THE_DOCUMENT)
    if not text:
        raise line.error(Problem("the document's text is empty"))
    sha256 = line.optional(record, "sha256", str, None)
    line_ends_kept = "\r" not in text
    if sha256 is not None and not line_ends_kept and sha256 != text_sha256(text):
        raise line.error(_SHA256_DIFFERS)
    shift = None if line_ends_kept else _crlf_shift(text)
    if shift is not None:
        report.add(Issue.CONVERTED_OFFSETS, f"{line.path}, line {line.number}: CRLF line ends became LF")
    if not line_ends_kept:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    metadata = line.optional(record, "metadata", dict, {})
    too_big = size_problem(metadata, max_nodes=None) if metadata else None
    if too_big:
        raise line.error(Problem('"metadata" is {size}', size=too_big))
    document = make_document(
        line.optional(record, "name", str, None) or f"{line.path.stem}-{line.number}",
        text,
        source=str(line.path),
        metadata=metadata,
        doc_id=line.optional(record, "id", str, None),
    )
    if sha256 is not None and line_ends_kept and sha256 != document.sha256:
        raise line.error(_SHA256_DIFFERS)  # the text hashed once, not twice
    span_records = line.optional(record, "spans", list, [])
    plain = None if shift is not None else _plain_spans(line, record, span_records, options, labels)
    if plain is not None:
        plain_sets = _plain_sets(line, record, plain)
        _check_sets(line, text, plain_sets, options)
        return PlainSpansDocument(document, plain_sets)
    spans = _spans(line, span_records, shift, options, labels)
    events = [_event(line, e, options) for e in line.optional(record, "events", list, [])]
    relations = [_relation(line, r, options) for r in line.optional(record, "relations", list, [])]
    document_labels = _document_labels(line, line.optional(record, "document_labels", dict, {}))
    statuses = line.optional(record, "status", dict, {})
    sets = _sets(line, spans, events, statuses, relations, document_labels)
    _check_sets(line, text, sets, options)
    return AnnotatedDocument(document, sets)


def _check_sets(
    line: Line, text: str, sets: Sequence[AnnotationSet | PlainSpans], options: ImportOptions
) -> None:
    for annotation_set in sets:
        problem = annotation_set_problem(text, annotation_set, options.schema)
        if problem:
            raise line.error(Problem("{annotator!r}: {problem}", annotator=annotation_set.annotator, problem=problem))


def _crlf_shift(text: str) -> list[int] | None:
    """For each offset, how many CRs of CRLF pairs stand before it; None when there are none."""
    if "\r\n" not in text:
        return None
    dropped = [1 if text[i] == "\r" and text[i + 1 : i + 2] == "\n" else 0 for i in range(len(text))]
    return [0, *accumulate(dropped)]


_REQUIRED = object()
_SPAN_FIELDS: tuple[tuple[str, type, Any], ...] = (
    ("start", int, _REQUIRED), ("end", int, _REQUIRED), ("label", str, _REQUIRED),
    ("text", str, _REQUIRED), ("id", str, ""), ("annotator", str, ""), ("attributes", dict, {}),
    ("note", str, ""),
)
"""A span record's keys, their JSON types, and the value of an optional one left out."""
_SPAN_KEYS, _SPAN_TYPES, _SPAN_DEFAULTS = (tuple(column) for column in zip(*_SPAN_FIELDS, strict=True))


def _spans(
    line: Line,
    records: list[Any],
    shift: list[int] | None,
    options: ImportOptions,
    labels: dict[str, str],
) -> dict[str, list[Span]]:
    """The spans of a line by annotator, in the order of the line. One loop over them, not a
    call for each: a corpus holds twenty times as many spans as documents."""
    by_annotator: dict[str, list[Span]] = {}
    default_annotator = options.annotator or DEFAULT_ANNOTATOR
    for record in records:
        values = _span_values(record)
        if values is None:
            _refuse_span(line, record)
        start, end, label, text, span_id, annotator, attributes, note = values
        if shift is not None and 0 <= start <= end < len(shift):
            start, end = start - shift[start], end - shift[end]
            text = text.replace("\r\n", "\n")
        if label not in labels:
            labels[label] = _span_label(line, label, options)
        span = Span(
            span_id or new_id(), start, end, labels[label], text, attributes or {}, note
        )  # a new dict for each span without attributes, as the record's own would be
        by_annotator.setdefault(annotator or default_annotator, []).append(span)
    return by_annotator


_PLAIN_SPAN_KEYS = ("id", "start", "end", "label", "text", "annotator")
"""A plain span record's keys: its values in ``PlainSpans`` order, then its annotator."""
_PLAIN_SPAN = itemgetter(*_PLAIN_SPAN_KEYS)
_LEFT_OUT = ("id", "annotator")
"""The keys a plain span record may leave out, as a span record may: a new id is made for it,
the import's annotator is its annotator."""
_HELD = tuple(key for key in _PLAIN_SPAN_KEYS if key not in _LEFT_OUT)
_HELD_SPAN = itemgetter(*_HELD)
_OTHER_ANNOTATIONS = ("events", "relations", "document_labels")
_NONE_OF_THEM: tuple[list[Any], list[Any], dict[str, Any]] = ([], [], {})
"""What a line holds beside its spans when its spans are all its annotations: each left out, or
empty and of its type."""


def _plain_spans(
    line: Line,
    record: dict[str, Any],
    span_records: list[Any],
    options: ImportOptions,
    labels: dict[str, str],
) -> dict[str, PlainColumns] | None:
    """The columns of the line's spans by annotator, when the line holds spans and nothing else
    and every span record holds the keys of ``_PLAIN_SPAN_KEYS`` (or all but those of
    ``_LEFT_OUT``), perhaps empty "attributes", and no other, each of the right type; else
    None, and ``_spans`` reads the line span by span (and names what is wrong). What ``_spans``
    would make of such a line, with each step taken over a whole column rather than a call and
    a ``Span`` for each span."""
    if tuple(map(record.get, _OTHER_ANNOTATIONS, _NONE_OF_THEM)) != _NONE_OF_THEM:
        return None
    if not span_records:
        return {}
    columns = _span_columns(span_records)
    if columns is None:
        return None
    ids, starts, ends, raw_labels, texts, annotators = columns
    if set(map(type, starts + ends)) != {int} or not _all_strings(ids + raw_labels + texts + annotators):
        return None  # exact types, as _span_values checks them: a bool is no offset
    for label in dict.fromkeys(raw_labels):
        if label not in labels:
            labels[label] = _span_label(line, label, options)
    if "" in ids:
        ids = tuple(span_id or new_id() for span_id in ids)
    columns = (ids, starts, ends, tuple(map(labels.__getitem__, raw_labels)), texts)
    default_annotator = options.annotator or DEFAULT_ANNOTATOR
    if len(set(annotators)) == 1:
        return {annotators[0] or default_annotator: columns}
    by_annotator: dict[str, list[tuple[Any, ...]]] = {}
    for annotator, *values in zip(annotators, *columns, strict=True):
        by_annotator.setdefault(annotator or default_annotator, []).append(tuple(values))
    return {annotator: tuple(zip(*rows, strict=True)) for annotator, rows in by_annotator.items()}


def _span_columns(span_records: list[Any]) -> tuple[tuple[Any, ...], ...] | None:
    """The values of the span records' ``_PLAIN_SPAN_KEYS`` as columns, "" for an id or an
    annotator left out, when every record holds those keys (or all but those of ``_LEFT_OUT``),
    perhaps empty "attributes", and no other; else None."""
    try:
        rows = list(map(_PLAIN_SPAN, span_records))
    except KeyError:
        return _columns_left_out(span_records)
    except TypeError:  # a record that is not an object
        return None
    extra_keys = sum(map(len, span_records)) - len(_PLAIN_SPAN_KEYS) * len(rows)
    if extra_keys and not _empty_attributes(span_records, extra_keys):
        return None
    return tuple(zip(*rows, strict=True))


def _columns_left_out(span_records: list[Any]) -> tuple[tuple[Any, ...], ...] | None:
    """``_span_columns`` of records some of which leave out keys of ``_LEFT_OUT``: found only
    when one does, so that the records holding every key cost nothing more."""
    try:
        rows = list(map(_HELD_SPAN, span_records))
    except (KeyError, TypeError):
        return None
    given = sum(sum(map(dict.__contains__, span_records, repeat(key))) for key in _LEFT_OUT)
    extra_keys = sum(map(len, span_records)) - len(_HELD) * len(rows) - given
    if extra_keys and not _empty_attributes(span_records, extra_keys):
        return None
    starts, ends, labels, texts = zip(*rows, strict=True)
    ids, annotators = (tuple(map(dict.get, span_records, repeat(key), repeat(""))) for key in _LEFT_OUT)
    return ids, starts, ends, labels, texts, annotators


def _all_strings(values: tuple[Any, ...]) -> bool:
    """Whether every value is a string (``str.join`` checks them faster than a loop would)."""
    try:
        "".join(values)
    except TypeError:
        return False
    return True


def _empty_attributes(span_records: list[dict[str, Any]], extra_keys: int) -> bool:
    """Whether the ``extra_keys`` keys the span records hold beyond those of a plain span are
    their "attributes", each an empty object."""
    held = list(map(dict.get, span_records, repeat("attributes"), repeat(None)))
    attributes = [value for value in held if value is not None]
    return len(attributes) == extra_keys and set(map(type, attributes)) == {dict} and not any(attributes)


_NO_SPANS: PlainColumns = ((), (), (), (), ())


def _plain_sets(
    line: Line, record: dict[str, Any], spans: dict[str, PlainColumns]
) -> tuple[PlainSpans, ...]:
    """The line's sets of plain spans, in the order of their annotators' names, with their
    statuses refused as ``_sets`` refuses them."""
    statuses = line.optional(record, "status", dict, {})
    return tuple(
        PlainSpans(annotator, _status(line, statuses, annotator), *spans.get(annotator, _NO_SPANS))
        for annotator in sorted(set(spans) | set(statuses))
    )


def _span_values(record: Any) -> tuple[Any, ...] | None:
    """A span record's values in ``_SPAN_KEYS`` order (an optional one left out as its default),
    or None when one has the wrong type or a required one is missing. ``type() is``, which is
    exact for what ``json.loads`` builds (and keeps a bool from passing for an int), is what lets
    two hundred thousand spans be read in a fraction of a second."""
    if type(record) is not dict:
        return None
    values = tuple(map(record.get, _SPAN_KEYS, _SPAN_DEFAULTS))
    return values if tuple(map(type, values)) == _SPAN_TYPES else None


def _refuse_span(line: Line, record: Any) -> NoReturn:
    """Raise the error that names what is wrong in a span record ``_span_values`` refused."""
    if not isinstance(record, dict):
        raise line.error(Problem("each span must be a JSON object"))
    what = Problem("span {id}", id=record.get("id", "?"))
    for key, kind, default in _SPAN_FIELDS:
        if default is _REQUIRED:
            line.field(record, key, kind, what)
        else:
            line.optional(record, key, kind, None)
    raise AssertionError(f"{line.path}, line {line.number}: a span refused without a reason")


def _span_label(line: Line, label: str, options: ImportOptions) -> str:
    """The schema label of a span: an entity label, or an event type for a trigger span."""
    mapped = options.label_map.get(label, label)
    if options.schema.has_event(mapped):
        return mapped
    return entity_label(options, label, line.path, Place(line=line.number))


def _event(line: Line, record: Any, options: ImportOptions) -> tuple[str, Event]:
    if not isinstance(record, dict):
        raise line.error(Problem("each event must be a JSON object"))
    what = Problem("event {id}", id=record.get("id", "?"))
    arguments = []
    for argument in line.optional(record, "arguments", list, []):
        if not isinstance(argument, dict) or ("span" in argument) == ("event" in argument):
            raise line.error(Problem('{what}: each argument needs a "role" and either "span" or "event"', what=what))
        role = line.field(argument, "role", str, what)
        if "span" in argument:
            arguments.append(Argument(role, span_id=line.field(argument, "span", str, what)))
        else:
            arguments.append(Argument(role, event_id=line.field(argument, "event", str, what)))
    annotator = line.optional(record, "annotator", str, None) or options.annotator or DEFAULT_ANNOTATOR
    event = Event(
        id=line.optional(record, "id", str, None) or new_id(),
        type=event_type(options, line.field(record, "type", str, what), line.path, Place(line=line.number)),
        trigger_span_id=line.field(record, "trigger", str, what),
        arguments=tuple(arguments),
        attributes=line.optional(record, "attributes", dict, {}),
    )
    return annotator, event


def _relation(line: Line, record: Any, options: ImportOptions) -> tuple[str, Relation]:
    if not isinstance(record, dict):
        raise line.error(Problem("each relation must be a JSON object"))
    what = Problem("relation {id}", id=record.get("id", "?"))
    annotator = line.optional(record, "annotator", str, None) or options.annotator or DEFAULT_ANNOTATOR
    relation = Relation(
        id=line.optional(record, "id", str, None) or new_id(),
        type=line.field(record, "type", str, what),
        from_span_id=line.field(record, "from", str, what),
        to_span_id=line.field(record, "to", str, what),
        attributes=line.optional(record, "attributes", dict, {}),
    )
    return annotator, relation


def _document_labels(line: Line, record: dict[str, Any]) -> dict[str, dict[str, DocumentLabelValue]]:
    """``{annotator: {field: value or [values]}}``, each list as a tuple (the schema checks the
    fields and values with the rest of the set)."""
    labels: dict[str, dict[str, DocumentLabelValue]] = {}
    for annotator, fields in record.items():
        if not isinstance(fields, dict):
            raise line.error(
                Problem('"document_labels" of {annotator!r} must be an object of fields', annotator=annotator)
            )
        labels[annotator] = {}
        for field, value in fields.items():
            if isinstance(value, list) and all(isinstance(item, str) for item in value):
                value = tuple(value)
            elif not isinstance(value, str):
                raise line.error(
                    Problem(
                        '"document_labels" of {annotator!r}: {field!r} must be a value or a list of values',
                        annotator=annotator,
                        field=field,
                    )
                )
            labels[annotator][field] = value
    return labels


_STATUSES = frozenset(status.value for status in Status)
_DONE = Status.DONE.value


def _sets(
    line: Line,
    spans: dict[str, list[Span]],
    events: list[tuple[str, Event]],
    statuses: dict[str, Any],
    relations: list[tuple[str, Relation]],
    labels: dict[str, dict[str, DocumentLabelValue]],
) -> tuple[AnnotationSet, ...]:
    annotators = sorted(
        set(spans) | {a for a, _ in events} | set(statuses)
        | {a for a, _ in relations} | set(labels)
    )
    sets = []
    for annotator in annotators:
        sets.append(
            AnnotationSet(
                annotator=annotator,
                spans=tuple(spans.get(annotator, ())),
                events=tuple(e for a, e in events if a == annotator),
                status=_status(line, statuses, annotator),
                relations=tuple(r for a, r in relations if a == annotator),
                document_labels=labels.get(annotator, {}),
            )
        )
    return tuple(sets)


def _status(line: Line, statuses: dict[str, Any], annotator: str) -> Status:
    status = statuses.get(annotator, _DONE)
    if not isinstance(status, str) or status not in _STATUSES:
        raise line.error(
            Problem(
                '"status" of {annotator!r} is {status!r}; use new, in_progress or done',
                annotator=annotator,
                status=status,
            )
        )
    return Status(status)
