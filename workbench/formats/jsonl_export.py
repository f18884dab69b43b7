"""Writing the workbench's own JSON lines format (described in ``jsonl``, which registers this
``write`` for the format): each document's line as ``json.dumps(record, ensure_ascii=False)``
writes it, spans written straight from their fields."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import repeat
from json.encoder import encode_basestring as encode_string
from pathlib import Path
from typing import Any

from workbench.core.model import AnnotationSet, Argument, ImportedDocument, PlainSpans, Span
from workbench.core.progress import Progress, no_progress
from workbench.formats.base import ExportOptions
from workbench.formats.exporting import Renderer, write_text_export
from workbench.formats.report import FormatReport

_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""What ``json.dumps(..., ensure_ascii=False)`` uses, made once rather than for every line."""


def write(
    documents: Iterable[ImportedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress = no_progress,
    *,
    report: FormatReport | None = None,
) -> None:
    render = renderer(options, report if report is not None else FormatReport())
    write_text_export(documents, out, options, progress, suffix=".jsonl", render=render)


def renderer(options: ExportOptions, report: FormatReport) -> Renderer:
    """A document's line, the same whatever the options; a project's export has batches of
    the lines rendered by a second process (``formats.renderer``)."""
    return _rendered


def _rendered(annotated: ImportedDocument) -> Iterator[str]:
    yield document_line(annotated)


def document_line(annotated: ImportedDocument) -> str:
    """The document's JSON line, as ``json.dumps(record, ensure_ascii=False)`` writes the record
    (module docstring), with its spans written straight from their fields: building a dict per
    span and encoding it was a third of an export of ten thousand documents."""
    head = _ENCODER.encode(_record_head(annotated))
    spans = ", ".join(span for s in annotated.sets for span in _spans_json(s))
    tail = _ENCODER.encode(_record_tail(annotated))
    return f'{head[:-1]}, "spans": [{spans}], {tail[1:]}\n'


def _record_head(annotated: ImportedDocument) -> dict[str, Any]:
    document = annotated.document
    return {
        "id": document.id,
        "name": document.name,
        "text": document.text,
        "sha256": document.sha256,
        "metadata": document.metadata,
        "status": {s.annotator: s.status.value for s in annotated.sets},
    }


def _spans_json(annotations: AnnotationSet | PlainSpans) -> list[str]:
    """The records of a set's spans, keys in the order of the format: from the columns of plain
    spans, or from each ``Span`` with its attributes and note."""
    fields: Iterable[tuple[str, int, int, str, str, str]]
    if isinstance(annotations, PlainSpans):
        columns = annotations.ids, annotations.starts, annotations.ends, annotations.labels, annotations.texts
        fields = zip(*columns, repeat(_NO_ATTRIBUTES), strict=False)  # repeat has no length
    else:
        fields = ((s.id, s.start, s.end, s.label, s.text, _attributes_json(s)) for s in annotations.spans)
    annotator = encode_string(annotations.annotator)
    return [
        f'{{"id": {encode_string(span_id)}, "start": {start}, "end": {end}, '
        f'"label": {encode_string(label)}, "text": {encode_string(text)}, '
        f'"annotator": {annotator}{rest}}}'
        for span_id, start, end, label, text, rest in fields
    ]


_NO_ATTRIBUTES = ', "attributes": {}'
"""What a span record holds after its annotator when it has no attributes and no note."""


def _attributes_json(span: Span) -> str:
    """What a span's record holds after its annotator: its attributes, then its note if any."""
    if not span.attributes and not span.note:
        return _NO_ATTRIBUTES
    attributes = _ENCODER.encode(span.attributes) if span.attributes else "{}"
    note = f', "note": {encode_string(span.note)}' if span.note else ""
    return f', "attributes": {attributes}{note}'


def _record_tail(annotated: ImportedDocument) -> dict[str, Any]:
    """What follows the spans: events, then relations and document labels when there are any
    (plain spans have none of them)."""
    sets = [s for s in annotated.sets if isinstance(s, AnnotationSet)]
    record: dict[str, Any] = {
        "events": [
            {"id": event.id, "type": event.type, "trigger": event.trigger_span_id,
             "arguments": [_argument_record(a) for a in event.arguments],
             "annotator": s.annotator, "attributes": event.attributes}
            for s in sets
            for event in s.events
        ],
    }
    relations = [
        {"id": relation.id, "type": relation.type, "from": relation.from_span_id,
         "to": relation.to_span_id, "annotator": s.annotator, "attributes": relation.attributes}
        for s in sets
        for relation in s.relations
    ]
    if relations:
        record["relations"] = relations
    labels = {
        s.annotator: {
            field: value if isinstance(value, str) else list(value)
            for field, value in s.document_labels.items()
        }
        for s in sets
        if s.document_labels
    }
    if labels:
        record["document_labels"] = labels
    return record


def _argument_record(argument: Argument) -> dict[str, str]:
    if argument.span_id is not None:
        return {"role": argument.role, "span": argument.span_id}
    return {"role": argument.role, "event": argument.filler_id}
