"""CoNLL files: ``TOKEN TAG [TAG ...]``, one token per line, a blank line between sentences.

Import. Each file is one document (a corpus split such as ANERcorp's test file becomes one long
document; cut it into files first to get several). Columns are separated by any whitespace, so a
token never holds whitespace; a line that is empty or only whitespace ends a sentence. UTF-8 with
or without a byte-order mark and CRLF line ends are accepted (``read_text_file``); invisible
characters such as LRM are kept as part of their token. The document's text is its tokens joined
by single spaces, one sentence per line, and the document keeps these tokens as its own token
layer. Several tag columns are nesting layers (Wojood): each column is read on its own, a missing
column is ``O``. Tags may be IOB2, IOB1 or BIOES; an ``I-`` that starts a span is read as ``B-``
and counted in the report. Every label goes through ``--label-map`` and must be in the schema.

Export. One token per line: the token, a space, and its tags; a blank line after each sentence.
Tokens are the document's own, else camel-tools tokens, with proclitics split off under
``--split-clitics`` (see ``clitics`` and ``tokenized``). Tags are IOB2, or BIOES with
``--scheme bioes``. Nested spans go into extra tag columns, outermost first, as Wojood writes
them: a line carries as many columns as its token's deepest span needs, at least one. With
``--nested outermost`` only the first layer is written. Event triggers are not tagged. Documents
follow each other with no marker line; a document with several annotation sets is written once
per set (``exporting``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import InputError, WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, make_document, new_id
from workbench.core.text_io import read_text_file
from workbench.core.tokens import Token
from workbench.formats.base import ExportOptions, ImportOptions, Progress, no_progress
from workbench.formats.exporting import export_units, write_text_export
from workbench.formats.importing import annotator_name, entity_label, input_files
from workbench.formats.report import FormatReport, Issue
from workbench.formats.tagging import OUTSIDE, OUTSIDE_TAG, Tag, TokenSpan, parse_tag, tag_spans
from workbench.formats.token_layers import TaggedUnit, tag_unit
from workbench.formats.tokenized import tokenized

SUFFIXES = frozenset({".conll", ".tsv", ".txt", ".iob", ".iob2", ".bio", ".bioes"})
"""The files a folder given to the importer contributes."""

_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    token: str
    tags: tuple[Tag, ...]


# ---- import -----------------------------------------------------------------------------------


def read(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[AnnotatedDocument]:
    report = report if report is not None else FormatReport()
    for path in input_files(paths, SUFFIXES):
        yield _read_file(path, options, report)


def _read_file(path: Path, options: ImportOptions, report: FormatReport) -> AnnotatedDocument:
    sentences = _sentences(path, read_text_file(path), options)
    if not sentences:
        raise InputError(path, "the file holds no token")
    text = "\n".join(" ".join(row.token for row in sentence) for sentence in sentences)
    offsets = _token_offsets(sentences)
    document = make_document(path.stem, text, source=str(path), tokens=tuple(offsets))
    spans = tuple(_span(text, offsets, s) for s in _token_spans(path, sentences, report))
    annotations = AnnotationSet(annotator_name(options), spans=spans)
    return AnnotatedDocument(document, (annotations,))


def _span(text: str, offsets: list[tuple[int, int]], token_span: TokenSpan) -> Span:
    start, end = offsets[token_span.start][0], offsets[token_span.end - 1][1]
    return Span(new_id(), start, end, token_span.label, text[start:end])


def _sentences(path: Path, text: str, options: ImportOptions) -> list[list[_Row]]:
    sentences: list[list[_Row]] = []
    current: list[_Row] = []
    labels: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        columns = line.split()
        if not columns:
            if current:
                sentences.append(current)
            current = []
            continue
        if len(columns) < 2:
            raise InputError(
                path,
                f"the token {columns[0]!r} has no tag (a truncated line?)",
                where=f"line {number}",
            )
        tags = tuple(_tag(path, number, raw, options, labels) for raw in columns[1:])
        current.append(_Row(number, columns[0], tags))
    if current:
        sentences.append(current)
    return sentences


def _tag(path: Path, number: int, raw: str, options: ImportOptions, labels: dict[str, str]) -> Tag:
    """The parsed tag with its label mapped to the schema (``labels`` caches the mapping)."""
    try:
        prefix, foreign = parse_tag(raw)
    except ValueError as error:
        raise InputError(path, str(error), where=f"line {number}") from None
    if prefix == OUTSIDE:
        return OUTSIDE_TAG
    if foreign not in labels:
        labels[foreign] = entity_label(options, foreign, path, f"line {number}")
    return prefix, labels[foreign]


def _token_offsets(sentences: list[list[_Row]]) -> list[tuple[int, int]]:
    """Where each token lies in the text the sentences make (spaces between, LF after)."""
    offsets: list[tuple[int, int]] = []
    position = 0
    for sentence in sentences:
        for row in sentence:
            offsets.append((position, position + len(row.token)))
            position += len(row.token) + 1
    return offsets


def _token_spans(path: Path, sentences: list[list[_Row]], report: FormatReport) -> list[TokenSpan]:
    """The spans of every column, column by column, over document-wide token indices."""
    depth = max(len(row.tags) for sentence in sentences for row in sentence)
    spans: list[TokenSpan] = []
    for column in range(depth):
        first_token = 0
        for sentence in sentences:
            tags = [row.tags[column] if column < len(row.tags) else OUTSIDE_TAG for row in sentence]
            found, repaired = tag_spans(tags)
            spans.extend(
                TokenSpan(first_token + s.start, first_token + s.end, s.label) for s in found
            )
            for index in repaired:
                row = sentence[index]
                report.add(
                    Issue.REPAIRED_TAG,
                    f"{path}, line {row.line}: column {column + 2} does not continue a span "
                    f"there; read as the start of a {row.tags[column][1]} span",
                )
            first_token += len(sentence)
    return spans


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

    def render(annotated: AnnotatedDocument) -> Iterator[str]:
        return _document_lines(annotated, options, report)

    write_text_export(documents, out, options, progress, suffix=".conll", render=render)


def _document_lines(
    annotated: AnnotatedDocument, options: ExportOptions, report: FormatReport
) -> Iterator[str]:
    """The document's lines, one string per export unit."""
    units = export_units(annotated, report)
    if not units:
        return
    tokens = tokenized(annotated.document, split_clitics=options.split_clitics)
    if annotated.document.tokens is not None:
        _refuse_whitespace(annotated, tokens.tokens)
    for unit in units:
        tagged = tag_unit(unit, tokens, options, report)
        lines = [
            f"{token} {tags}\n"
            for token, tags in zip(tokens.token_texts, _token_tags(tagged, options), strict=True)
        ]
        yield "".join("".join(lines[start:end]) + "\n" for start, end in tagged.segments)


def _token_tags(tagged: TaggedUnit, options: ExportOptions) -> list[str]:
    """Each token's tags, one per layer down to the deepest span it is in (at least one)."""
    columns = tagged.columns(options.tag_scheme)
    joined = columns[0][:]
    for depth, layer in enumerate(tagged.layers[1:], start=1):
        for span in layer:
            for index in range(span.start, span.end):
                joined[index] = " ".join(column[index] for column in columns[: depth + 1])
    return joined


def _refuse_whitespace(annotated: AnnotatedDocument, tokens: Iterable[Token]) -> None:
    """A document's own tokens may hold whitespace (camel-tools tokens never do)."""
    for token in tokens:
        if _WHITESPACE.search(token.text):
            document = annotated.document
            raise WorkbenchError(
                f"document {document.name!r} ({document.id}): its token {token.text!r} holds "
                "whitespace, which a CoNLL line cannot"
            )
