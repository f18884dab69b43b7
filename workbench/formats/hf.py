"""A Hugging Face ``datasets`` folder for token classification (NER).

``OUT`` is a folder holding:

- ``train.jsonl``, ``validation.jsonl``, ``test.jsonl`` with ``--split`` (else ``train.jsonl``
  alone; a 0% split has no file; ``--split-by sentence`` splits the rows, see
  ``sentence_splits``): one row per sentence of each export unit (``exporting``),
  with the fields ``id``, ``document_id``, ``document`` (its name), ``annotator``, ``sentence``
  (its number in the document), ``text`` (the sentence's text), ``char_offset`` (where that text
  starts in the document), ``tokens``, ``ner_tags``, ``spans`` and ``relations``, then one column
  per document-label field of the schema, named after the field;
- ``labels.json``: the tag names, in the order the integers of ``ner_tags`` index;
- ``README.md``: a dataset card whose header declares the splits and the features, with
  ``ner_tags`` as a ``ClassLabel``.

``ner_tags`` tags the first (outermost) nesting layer, in IOB2 (BIOES with ``--scheme bioes``), over
the same tokens as the CoNLL export. ``spans`` keeps every entity span, nested ones included, with
its exact offsets in code points into ``text``, its label and its text. A sentence is a segment of
``tokenized``: sentences are joined where a span or a relation crosses a break. Event triggers are
not entities. ``relations`` holds the relations between the row's spans: their type, and ``from``
and ``to`` as indices into ``spans`` (a relation an end of which is no entity covering a token is
left out and counted). A document-label column holds the annotator's value for the document
(the same in each of its rows): a value or null for a single-choice field, a list of values
(empty when none) for a multiple-choice one.

Both ``datasets.load_dataset("json", data_files={"train": ".../train.jsonl", ...})`` and
``datasets.load_dataset(".../OUT")`` (which reads the card) load it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring as encode_string
from operator import attrgetter
from pathlib import Path
from typing import Any

import yaml

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotationSet, ImportedDocument, Relation, Span
from workbench.core.progress import Progress, no_progress
from workbench.core.schema import Schema
from workbench.formats.base import ExportOptions, export_folder
from workbench.formats.exporting import (
    ExportUnit,
    Renderer,
    export_units,
    write_split_files,
    write_text_file,
)
from workbench.formats.report import FormatReport
from workbench.formats.sentence_splits import Sentence, SentenceRenderer, write_sentence_splits
from workbench.formats.tagging import tag_names
from workbench.formats.token_layers import TaggedUnit, placed_relations, tag_unit, unit_place
from workbench.formats.tokenized import TokenRange, tokenized

SUFFIX = ".jsonl"
READS_TOKENS = True
_JSON = json.JSONEncoder(ensure_ascii=False)


def write(
    documents: Iterable[ImportedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress = no_progress,
    *,
    report: FormatReport | None = None,
) -> None:
    report = report if report is not None else FormatReport()
    _check_label_columns(options.schema)
    names = label_names(options)
    with export_folder(out) as folder:
        if options.by_sentence:
            sentences = sentence_renderer(options, report)
            splits = write_sentence_splits(documents, folder, options, progress, suffix=SUFFIX, sentences=sentences)
        else:
            render = renderer(options, report)
            splits = write_split_files(documents, folder, options, progress, suffix=SUFFIX, render=render)
        labels = json.dumps(names, ensure_ascii=False, indent=1) + "\n"
        write_text_file(folder / "labels.json", labels, in_built_folder=True)
        card = dataset_card(options.schema, names, splits)
        write_text_file(folder / "README.md", card, in_built_folder=True)


def renderer(options: ExportOptions, report: FormatReport) -> Renderer:
    """The rows of a document in the split file."""
    return _lines(_rows(options, report, label_names(options)))


def sentence_renderer(options: ExportOptions, report: FormatReport) -> SentenceRenderer:
    """The rows of a document, each a sentence, as a split by sentence writes them."""
    rows = _rows(options, report, label_names(options))

    def sentences(annotated: ImportedDocument) -> Iterator[Sentence]:
        for line, spans in rows(annotated):
            yield Sentence(line, frozenset(map(_LABEL, spans)) if spans else _NO_LABELS)

    return sentences


def _rows(
    options: ExportOptions, report: FormatReport, names: list[str]
) -> Callable[[ImportedDocument], Iterator[Row]]:
    """Each row of a document (``_document_rows``), its tags numbered by their place in ``names``."""
    index = {name: str(number) for number, name in enumerate(names)}
    return lambda annotated: _document_rows(annotated, options, index, report)


def _lines(rows: Callable[[ImportedDocument], Iterator[Row]]) -> Renderer:
    """A document's lines: the rows without the spans they hold."""

    def render(annotated: ImportedDocument) -> Iterator[str]:
        for line, _ in rows(annotated):
            yield line

    return render


def label_names(options: ExportOptions) -> list[str]:
    """``O`` and the tags of every entity label of the schema, in schema order."""
    return tag_names((entity.id for entity in options.schema.entity_types), options.tag_scheme)


def _document_rows(
    annotated: ImportedDocument,
    options: ExportOptions,
    index: dict[str, str],
    report: FormatReport,
) -> Iterator[Row]:
    """Each row of the document's export units."""
    units = export_units(annotated, report)
    if not units:
        return
    tokens = tokenized(annotated.document, options)
    for unit in units:
        tagged = tag_unit(unit, tokens, options, report)
        yield from _unit_rows(unit, tagged, options, index, report)


def _unit_rows(
    unit: ExportUnit,
    tagged: TaggedUnit,
    options: ExportOptions,
    index: dict[str, str],
    report: FormatReport,
) -> Iterator[Row]:
    """The rows of one unit, written as ``json.dumps(row, ensure_ascii=False)`` would write
    them (module docstring), from strings encoded once: encoding a dict and its lists for each
    sentence was a third of an export of ten thousand documents."""
    tag_json = _tag_numbers(unit, tagged.column(0, options.tag_scheme), index)
    spans = {span.id: span for span in unit.annotations.spans}
    placed = placed_relations(unit.annotations, tagged.entities, report, unit_place(unit))
    segments = _segments(tagged, [hull for _, hull in placed])
    by_segment = tagged.tokenized.by_segment(
        segments,
        ((start, spans[span_id]) for span_id, (start, _) in tagged.entities.items()),
    )
    relations = _relations_by_segment(tagged, segments, placed)
    token_texts = tagged.tokenized.token_texts
    document = unit.document
    row_id = encode_string(unit.id)[:-1]  # the id's JSON string, open for "-{number}"
    common = (
        f'"document_id": {encode_string(document.id)}, "document": {encode_string(document.name)}, '
        f'"annotator": {encode_string(unit.annotations.annotator)}'
    )
    labels = _JSON.encode(_label_columns(unit.annotations, options.schema))
    labels = f", {labels[1:]}" if len(labels) > 2 else "}"
    for number, (start, end) in enumerate(segments):
        offset, text = tagged.tokenized.segment_text((start, end))
        text_json = encode_string(text)
        row_spans = by_segment[number]
        line = (
            f'{{"id": {row_id}-{number}", {common}, "sentence": {number}, '
            f'"text": {text_json}, "char_offset": {offset}, '
            f'"tokens": [{_tokens_json(token_texts[start:end], text, text_json)}], '
            f'"ner_tags": [{", ".join(tag_json[start:end])}], '
            f'"spans": [{_spans_json(row_spans, offset)}], '
            f'"relations": [{_relations_json(relations[number], row_spans)}]{labels}\n'
        )
        yield line, row_spans


Row = tuple[str, list[Span]]
"""A row's JSON line and its spans."""

_LABEL = attrgetter("label")
_NO_LABELS: frozenset[str] = frozenset()


def _segments(tagged: TaggedUnit, relation_hulls: list[TokenRange]) -> list[TokenRange]:
    """The unit's segments, joined where a relation crosses a sentence break too (most units
    have none: their segments are those ``tag_unit`` found)."""
    if not relation_hulls:
        return tagged.segments
    return tagged.tokenized.segments([*tagged.entities.values(), *relation_hulls])


def _relations_by_segment(
    tagged: TaggedUnit, segments: list[TokenRange], placed: list[tuple[Relation, TokenRange]]
) -> list[list[Relation]]:
    if not placed:
        return [[] for _ in segments]
    return tagged.tokenized.by_segment(
        segments, ((tagged.entities[r.from_span_id][0], r) for r, _ in placed)
    )


def _tokens_json(tokens: list[str], text: str, text_json: str) -> str:
    """The items of the JSON list of a segment's tokens, as ``json.dumps`` writes them. The
    tokens are slices of the segment's ``text``: where its JSON string ``text_json`` escapes
    nothing (escaping lengthens it), no token needs escaping either, and the tokens are joined
    between quotes rather than encoded one by one (a twentieth of an export)."""
    if len(text_json) == len(text) + 2:
        return f'"{_BETWEEN_TOKENS.join(tokens)}"'
    return ", ".join(map(encode_string, tokens))


_BETWEEN_TOKENS = '", "'


def _relations_json(relations: list[Relation], spans: list[Span]) -> str:
    if not relations:  # most sentences: no map of their spans to make
        return ""
    place = {span.id: number for number, span in enumerate(spans)}
    return ", ".join(
        f'{{"type": {encode_string(r.type)}, "from": {place[r.from_span_id]}, '
        f'"to": {place[r.to_span_id]}}}'
        for r in relations
    )


_COLUMNS = (
    "id", "document_id", "document", "annotator", "sentence", "text", "char_offset", "tokens",
    "ner_tags", "spans", "relations",
)  # fmt: skip


def _check_label_columns(schema: Schema) -> None:
    for document_field in schema.document_fields:
        if document_field.id in _COLUMNS:
            raise WorkbenchError(
                f"the schema {schema.id!r} has a document-label field {document_field.id!r}, "
                "which the Hugging Face export also writes as a column of its own; rename the field"
            )


def _label_columns(annotations: AnnotationSet, schema: Schema) -> dict[str, Any]:
    """Each document-label field of the schema with the set's value: a list for a multiple-choice
    field (empty when none), else the value or None."""
    columns: dict[str, Any] = {}
    for document_field in schema.document_fields:
        value = annotations.document_labels.get(document_field.id)
        if document_field.multiple:
            columns[document_field.id] = list(value or ())
        else:
            columns[document_field.id] = value
    return columns


def _tag_numbers(unit: ExportUnit, tags: list[str], index: dict[str, str]) -> list[str]:
    """Each tag's number in ``ner_tags`` (``index``: written as JSON)."""
    try:
        return list(map(index.__getitem__, tags))
    except KeyError as error:
        raise WorkbenchError(
            f"{unit_place(unit)}: the tag {error.args[0]!r} is not one of the schema's entity "
            "labels, so it has no number in ner_tags"
        ) from None


def _spans_json(spans: list[Span], offset: int) -> str:
    """The items of a row's list of spans, with their offsets into the row's text."""
    return ", ".join(
        f'{{"start": {span.start - offset}, "end": {span.end - offset}, '
        f'"label": {encode_string(span.label)}, "text": {encode_string(span.text)}}}'
        for span in spans
    )


def dataset_card(schema: Schema, names: list[str], splits: Iterable[str]) -> str:
    """A README.md whose YAML header ``datasets`` reads: the splits' files and the features."""
    header = {
        "language": [schema.language],
        "pretty_name": schema.name_en,
        "task_categories": ["token-classification"],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": split, "path": f"{split}{SUFFIX}"} for split in splits],
            }
        ],
        "dataset_info": {"features": _features(names) + _label_features(schema)},
    }
    front = yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{_CARD_TEXT.format(schema=schema.id, count=len(names))}"


def _features(names: list[str]) -> list[dict[str, Any]]:
    text = {"dtype": "string"}
    number = {"dtype": "int64"}
    return [
        {"name": "id", **text},
        {"name": "document_id", **text},
        {"name": "document", **text},
        {"name": "annotator", **text},
        {"name": "sentence", **number},
        {"name": "text", **text},
        {"name": "char_offset", **number},
        {"name": "tokens", "sequence": "string"},
        {
            "name": "ner_tags",
            "sequence": {"class_label": {"names": {str(i): n for i, n in enumerate(names)}}},
        },
        {
            "name": "spans",
            "list": [
                {"name": "start", **number},
                {"name": "end", **number},
                {"name": "label", **text},
                {"name": "text", **text},
            ],
        },
        {
            "name": "relations",
            "list": [{"name": "type", **text}, {"name": "from", **number}, {"name": "to", **number}],
        },
    ]


def _label_features(schema: Schema) -> list[dict[str, Any]]:
    return [
        {"name": f.id, "sequence": "string"} if f.multiple else {"name": f.id, "dtype": "string"}
        for f in schema.document_fields
    ]


_CARD_TEXT = """\
# Token classification data exported by Tawsim Workbench

One row per sentence. `tokens` and `ner_tags` are aligned; `ner_tags` holds the outermost entity
of each token as an integer into the {count} names of `labels.json` (the schema `{schema}`).
`spans` holds every entity, nested ones included, with `start` and `end` in Unicode code points
(Python string indices, end excluded) into `text`; `char_offset` is where `text` starts in the
document `document_id`. `relations` links two of the row's `spans` (`from` and `to` index them);
the columns after it are the labels of the whole document (see the features above).

```python
from datasets import load_dataset
dataset = load_dataset("path/to/this/folder")
```
"""
