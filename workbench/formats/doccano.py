"""doccano's JSON lines for sequence labelling: ``{"text", "label": [[START, END, LABEL], ...]}``.

One document per line. The spans may be under ``"label"`` (doccano's "JSONL (text label)"
export), ``"labels"`` (its import examples) or ``"entities"`` (the relation-project export, whose
items are ``{"start_offset", "end_offset", "label"}``). The document is named after ``"id"`` when
the line has one, else ``FILE-LINE``.

doccano counts offsets in UTF-16 code units, as the browser does (doccano#2290): they are
converted to code points, which changes nothing for text without emoji. A text with CRLF line ends
is stored with LF, its offsets moved to match. doccano's grapheme-cluster mode is not supported.
The annotations belong to ``--annotator``, else to ``imported``; their status is done.

``relations`` (the relation export: ``{"id", "from_id", "to_id", "type"}``, the ends named by
the ``id`` of an item of ``entities``) whose type names (through ``--label-map``) a relation type
of the schema become relations; the others are counted in the report.

Everything else on the line is kept or counted, never dropped silently: ``Comments``
(texts, or ``{"id", "comment"}`` objects) go to the document's metadata as a list of texts under
``doccano_comments``; doccano writes a document's meta keys beside its text, and they (and the
keys of a ``meta`` object, doccano's import layout) go to the document's metadata as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, Place, Problem
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Relation,
    Span,
    make_document,
    new_id,
)
from workbench.core.nested_data import NestedDataError, parse_json
from workbench.core.text_io import decode_text
from workbench.formats.base import ImportOptions
from workbench.formats.importing import annotator_name, entity_label, input_files
from workbench.formats.report import FormatReport, Issue
from workbench.formats.source_offsets import SourceText

SPAN_KEYS = ("label", "labels", "entities")
COMMENTS_KEY = "doccano_comments"
"""The document metadata key that holds doccano's comments (the workbench's documents hold
metadata, not comments of their own at import)."""
_READ_KEYS = frozenset({"id", "text", "relations", "Comments", "meta", *SPAN_KEYS})
_NO_TEXT = 'each line must be a JSON object with a non-empty "text"'


def read(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[AnnotatedDocument]:
    report = report if report is not None else FormatReport()
    for path in input_files(paths, {".jsonl"}):
        # Not splitlines(): a JSON string may hold U+2028 and other characters it splits at.
        lines = decode_text(path.read_bytes(), path).split("\n")
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _Line(path, number, options, report).document(line)


@dataclass(frozen=True)
class _Line:
    """One line of a doccano file being read: where it is, for errors, and what it reads with."""

    path: Path
    number: int
    options: ImportOptions
    report: FormatReport

    def error(self, problem: Problem) -> InputError:
        return InputError(self.path, problem, where=Place(line=self.number))

    def document(self, line: str) -> AnnotatedDocument:
        try:
            record = parse_json(line)
        except NestedDataError as error:
            at = Problem("{problem}, column {column}", problem=error.problem, column=error.column)
            raise self.error(at) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise self.error(Problem(_NO_TEXT))
        if not record["text"]:
            raise self.error(Problem(_NO_TEXT))
        source = SourceText(record["text"])
        items = self._span_items(record)
        spans = tuple(self._span(source, item) for item in items)
        by_item_id = {
            item["id"]: span
            for item, span in zip(items, spans, strict=True)
            if isinstance(item, dict) and "id" in item
        }
        relations = self._relations(record, by_item_id)
        name = str(record["id"]) if "id" in record else f"{self.path.stem}-{self.number}"
        document = make_document(
            name, source.text, source=str(self.path), metadata=self._metadata(record)
        )
        annotations = AnnotationSet(annotator_name(self.options), spans=spans, relations=relations)
        return AnnotatedDocument(document, (annotations,))

    def _span_items(self, record: dict[str, Any]) -> list[Any]:
        keys = [key for key in SPAN_KEYS if key in record]
        if len(keys) > 1:
            raise self.error(Problem("the line has both {first!r} and {second!r}", first=keys[0], second=keys[1]))
        items = record[keys[0]] if keys else []
        if not isinstance(items, list):
            raise self.error(Problem('"{key}" must be a list of spans', key=keys[0]))
        return items

    def _relations(self, record: dict[str, Any], spans: dict[Any, Span]) -> tuple[Relation, ...]:
        """The relations of types the schema has; the others counted in the report."""
        relations = []
        for item in self._list(record, "relations"):
            kind = item.get("type") if isinstance(item, dict) else None
            type_id = self.options.label_map.get(kind, kind) if isinstance(kind, str) else None
            if type_id is None or not self.options.schema.has_relation_type(type_id):
                self.report.add(
                    Issue.SKIPPED_ANNOTATION,
                    f"{self.path}, line {self.number}: a relation {kind!r} "
                    "(the schema has no such relation type)",
                )
                continue
            ends = [item.get(key) for key in ("from_id", "to_id")]
            for key, end in zip(("from_id", "to_id"), ends, strict=True):
                if isinstance(end, bool) or end not in spans:
                    raise self.error(
                        Problem(
                            "the relation {id!r}: its {key} {end!r} is not the id of one of the line's entities",
                            id=item.get("id"),
                            key=key,
                            end=end,
                        )
                    )
            relations.append(Relation(new_id(), type_id, spans[ends[0]].id, spans[ends[1]].id))
        return tuple(relations)

    def _metadata(self, record: dict[str, Any]) -> dict[str, Any]:
        """The line's other keys (doccano writes a document's meta keys beside its text), the keys
        of a ``meta`` object, and the comments as texts under ``COMMENTS_KEY``."""
        meta = record.get("meta", {})
        if not isinstance(meta, dict):
            raise self.error(Problem('"meta" must be an object'))
        metadata = {key: value for key, value in record.items() if key not in _READ_KEYS} | meta
        comments = [self._comment(comment) for comment in self._list(record, "Comments")]
        return metadata | ({COMMENTS_KEY: comments} if comments else {})

    def _comment(self, comment: Any) -> str:
        """A comment: a text (the sequence labelling export) or ``{"id", "comment"}`` (the
        relation export)."""
        text = comment.get("comment") if isinstance(comment, dict) else comment
        if not isinstance(text, str):
            raise self.error(
                Problem('{comment!r} is not a comment: expected a text or {{"comment": ...}}', comment=comment)
            )
        return text

    def _list(self, record: dict[str, Any], key: str) -> list[Any]:
        value = record.get(key, [])
        if not isinstance(value, list):
            raise self.error(Problem('"{key}" must be a list', key=key))
        return value

    def _span(self, source: SourceText, item: Any) -> Span:
        start, end, foreign = _span_fields(item)
        if not (_whole(start) and _whole(end) and isinstance(foreign, str)):
            raise self.error(
                Problem("{item!r} is not a span: expected [START, END, LABEL] with whole-number offsets", item=item)
            )
        resolved = source.resolve(start, end, None, ("utf16",))
        if resolved is None:
            raise self.error(
                Problem(
                    "the span [{start}, {end}) {label} is empty, lies outside the text ({length} characters) "
                    "or cuts a character in two",
                    start=start,
                    end=end,
                    label=foreign,
                    length=len(source.raw),
                )
            )
        stored_start, stored_end, _ = resolved
        label = entity_label(self.options, foreign, self.path, Place(line=self.number))
        if (stored_start, stored_end) != (start, end):
            self.report.add(
                Issue.CONVERTED_OFFSETS,
                f"{self.path}, line {self.number}: the span [{start}, {end}) {foreign} is "
                f"[{stored_start}, {stored_end}) in code points of the stored text",
            )
        return Span(new_id(), stored_start, stored_end, label, source.text[stored_start:stored_end])


def _span_fields(item: Any) -> tuple[Any, Any, Any]:
    if isinstance(item, list) and len(item) == 3:
        return item[0], item[1], item[2]
    if isinstance(item, dict):
        return item.get("start_offset"), item.get("end_offset"), item.get("label")
    return None, None, None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
