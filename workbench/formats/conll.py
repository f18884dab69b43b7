"""CoNLL files: ``TOKEN TAG [TAG ...]``, one token per line, a blank line between sentences.

Import. Each file is one document, unless ``-DOCSTART-`` lines divide it (CoNLL-2003, Label
Studio's CONLL2003 export): each such line starts a document (``NAME-1``, ``NAME-2``, ...), is
never text, and the documents remember it (``DOCSTART_KEY``) so that the export writes it back.
Columns are separated by any whitespace, so a token never holds whitespace; a line that is empty
or only whitespace ends a sentence. UTF-8 with or without a byte-order mark and CRLF line ends
are accepted (``read_text_file``); invisible characters such as LRM are kept as part of their
token. The document's text is its tokens joined by single spaces, one sentence per line, and the
document keeps these tokens as its own token layer. Which columns hold the tags is
``conll_columns``' choice (``--tag-columns``); several tag columns are nesting layers (Wojood):
each column is read on its own, a missing column is ``O``. Tags may be IOB2, IOB1 or BIOES
(``tagging.read_scheme``); what the scheme does not allow (an ``I-`` that starts a span in IOB2 or
BIOES, a BIOES span not closed by ``E-`` or ``S-``) is read as seqeval reads it and counted in the
report. Every label goes through ``--label-map`` and must be in the schema.

Export. One token per line: the token, a space, and its tags; a blank line after each sentence.
Tokens are the document's own, else camel-tools tokens, with proclitics split off under
``--split-clitics`` (see ``clitics`` and ``tokenized``). Tags are IOB2, or BIOES with
``--scheme bioes``. Nested spans go into extra tag columns, outermost first, as Wojood writes
them: a line carries as many columns as its token's deepest span needs, at least one; spans of
the same extent keep the order of the annotation set (the column they were read from). With
``--nested outermost`` only the first layer is written. Event triggers are not tagged. A document
read from a file with ``-DOCSTART-`` lines starts with ``-DOCSTART- O`` and a blank line; others
follow each other with no marker line; a document with several annotation sets is written once
per set (``exporting``). ``--split-by sentence`` splits the sentences (``sentence_splits``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import InputError, Place, Problem, WorkbenchError, problem_of
from workbench.core.model import AnnotatedDocument, AnnotationSet, ImportedDocument, Span, make_document, new_id
from workbench.core.progress import Progress, no_progress
from workbench.core.text_io import read_text_file
from workbench.core.tokens import Token
from workbench.formats.base import ExportOptions, ImportOptions, export_folder
from workbench.formats.conll_columns import DOCSTART, ConllLine, is_tag, tag_columns
from workbench.formats.exporting import Renderer, export_units, write_text_export
from workbench.formats.importing import annotator_name, entity_label, input_files
from workbench.formats.report import FormatReport, Issue
from workbench.formats.sentence_splits import Sentence, SentenceRenderer, write_sentence_splits
from workbench.formats.tagging import (
    OUTSIDE,
    OUTSIDE_TAG,
    ReadScheme,
    Tag,
    TokenSpan,
    bioes_unclosed,
    parse_tag,
    read_scheme,
    tag_spans,
)
from workbench.formats.token_layers import TaggedUnit, tag_unit
from workbench.formats.tokenized import tokenized

SUFFIXES = frozenset({".conll", ".tsv", ".txt", ".iob", ".iob2", ".bio", ".bioes"})
"""The files a folder given to the importer contributes."""

SUFFIX = ".conll"
READS_TOKENS = True
DOCSTART_LINES = f"{DOCSTART} O\n\n"
DOCSTART_KEY = "conll_docstart"
"""Document metadata: the document came from a file divided by ``-DOCSTART-`` lines."""

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
        yield from _read_file(path, options, report)


def _read_file(
    path: Path, options: ImportOptions, report: FormatReport
) -> Iterator[AnnotatedDocument]:
    documents, marked = _documents(read_text_file(path))
    lines = [line for document in documents for sentence in document for line in sentence]
    if not lines:
        raise InputError(path, Problem("the file holds no token"))
    columns = tag_columns(path, lines, options, report)
    labels: dict[str, str] = {}
    parsed = [
        [[_row(path, line, columns, options, labels) for line in sentence] for sentence in document]
        for document in documents
    ]
    scheme = read_scheme(
        column for document in parsed for sentence in document for column in _columns_of(sentence)
    )
    if scheme == "iob1":
        report.add(Issue.READ_AS_IOB1, str(path))
    for number, sentences in enumerate(parsed, start=1):
        name = f"{path.stem}-{number}" if len(parsed) > 1 else path.stem
        yield _document(path, name, sentences, (columns, scheme), marked, options, report)


def _document(
    path: Path,
    name: str,
    sentences: list[list[_Row]],
    tagging: tuple[tuple[int, ...], ReadScheme],
    marked: bool,
    options: ImportOptions,
    report: FormatReport,
) -> AnnotatedDocument:
    text = "\n".join(" ".join(row.token for row in sentence) for sentence in sentences)
    offsets = _token_offsets(sentences)
    document = make_document(
        name,
        text,
        source=str(path),
        tokens=tuple(offsets),
        metadata={DOCSTART_KEY: True} if marked else None,
    )
    found = _token_spans(path, sentences, tagging, report)
    spans = tuple(_span(text, offsets, token_span) for token_span in found)
    annotations = AnnotationSet(annotator_name(options), spans=spans)
    return AnnotatedDocument(document, (annotations,))


def _span(text: str, offsets: list[tuple[int, int]], token_span: TokenSpan) -> Span:
    start, end = offsets[token_span.start][0], offsets[token_span.end - 1][1]
    return Span(new_id(), start, end, token_span.label, text[start:end])


def _documents(text: str) -> tuple[list[list[list[ConllLine]]], bool]:
    """The lines as documents of sentences, and whether ``-DOCSTART-`` lines divided them.

    A ``-DOCSTART-`` line ends a sentence and starts a document; documents without a token are
    left out."""
    documents: list[list[list[ConllLine]]] = [[]]
    sentence: list[ConllLine] = []
    marked = False
    for number, raw in enumerate(text.split("\n"), start=1):
        columns = raw.split()
        if columns and columns[0] != DOCSTART:
            sentence.append(ConllLine(number, columns))
            continue
        if sentence:
            documents[-1].append(sentence)
            sentence = []
        if columns:
            marked = True
            documents.append([])
    if sentence:
        documents[-1].append(sentence)
    return [document for document in documents if document], marked


def _row(
    path: Path,
    line: ConllLine,
    columns: tuple[int, ...],
    options: ImportOptions,
    labels: dict[str, str],
) -> _Row:
    if len(line.columns) <= min(columns):
        raise InputError(path, _missing_tag(line, columns), where=Place(line=line.number))
    tags = tuple(
        _tag(path, line.number, line.columns[column], options, labels)
        if column < len(line.columns)
        else OUTSIDE_TAG
        for column in columns
    )
    return _Row(line.number, line.columns[0], tags)


def _missing_tag(line: ConllLine, columns: tuple[int, ...]) -> Problem:
    only = line.columns[0]
    if len(line.columns) == 1 and is_tag(only):
        return Problem(
            "the line holds only {tag!r}, a tag without its token (a CoNLL token cannot be empty or whitespace)",
            tag=only,
        )
    if len(line.columns) == 1:
        return Problem("the token {token!r} has no tag (a truncated line?)", token=only)
    return Problem(
        "the line has {count} columns, but the tags are in column {columns} (a truncated line?)",
        count=len(line.columns),
        columns=", ".join(str(column + 1) for column in columns),
    )


def _tag(path: Path, number: int, raw: str, options: ImportOptions, labels: dict[str, str]) -> Tag:
    """The parsed tag with its label mapped to the schema (``labels`` caches the mapping)."""
    try:
        prefix, foreign = parse_tag(raw)
    except ValueError as error:
        raise InputError(path, problem_of(error), where=Place(line=number)) from None
    if prefix == OUTSIDE:
        return OUTSIDE_TAG
    if foreign not in labels:
        labels[foreign] = entity_label(options, foreign, path, Place(line=number))
    return prefix, labels[foreign]


def _columns_of(sentence: list[_Row]) -> Iterator[list[Tag]]:
    depth = len(sentence[0].tags)
    return ([row.tags[column] for row in sentence] for column in range(depth))


def _token_offsets(sentences: list[list[_Row]]) -> list[tuple[int, int]]:
    """Where each token lies in the text the sentences make (spaces between, LF after)."""
    offsets: list[tuple[int, int]] = []
    position = 0
    for sentence in sentences:
        for row in sentence:
            offsets.append((position, position + len(row.token)))
            position += len(row.token) + 1
    return offsets


def _token_spans(
    path: Path,
    sentences: list[list[_Row]],
    tagging: tuple[tuple[int, ...], ReadScheme],
    report: FormatReport,
) -> list[TokenSpan]:
    """The spans of every column, column by column, over document-wide token indices."""
    columns, scheme = tagging
    spans: list[TokenSpan] = []
    for depth, column in enumerate(columns):
        first_token = 0
        for sentence in sentences:
            tags = [row.tags[depth] for row in sentence]
            found, repaired = tag_spans(tags)
            spans.extend(
                TokenSpan(first_token + s.start, first_token + s.end, s.label) for s in found
            )
            place = f"{path}, line {{}}: column {column + 1}"
            if scheme != "iob1":
                for index in repaired:
                    report.add(
                        Issue.REPAIRED_TAG,
                        f"{place.format(sentence[index].line)} does not continue a span there; "
                        f"read as the start of a {tags[index][1]} span",
                    )
            if scheme == "bioes":
                for index in bioes_unclosed(found, tags):
                    report.add(
                        Issue.UNCLOSED_SPAN,
                        f"{place.format(sentence[index].line)} ends a {tags[index][1]} span "
                        "without E- or S-",
                    )
            first_token += len(sentence)
    return spans


# ---- export -----------------------------------------------------------------------------------


def write(
    documents: Iterable[ImportedDocument],
    out: Path,
    options: ExportOptions,
    progress: Progress = no_progress,
    *,
    report: FormatReport | None = None,
) -> None:
    report = report if report is not None else FormatReport()
    if options.by_sentence:
        with export_folder(out) as folder:
            sentences = sentence_renderer(options, report)
            write_sentence_splits(documents, folder, options, progress, suffix=SUFFIX, sentences=sentences)
    else:
        render = renderer(options, report)
        write_text_export(documents, out, options, progress, suffix=SUFFIX, render=render)


def sentence_renderer(options: ExportOptions, report: FormatReport) -> SentenceRenderer:
    """The sentences of a document, as a split by sentence writes them."""

    def sentences(annotated: ImportedDocument) -> Iterator[Sentence]:
        for unit in _unit_sentences(annotated, options, report):
            yield from unit

    return sentences


def renderer(options: ExportOptions, report: FormatReport) -> Renderer:
    """The text of a document in the export file."""

    def render(annotated: ImportedDocument) -> Iterator[str]:
        marker = DOCSTART_LINES if annotated.document.metadata.get(DOCSTART_KEY) else ""
        for unit in _unit_sentences(annotated, options, report):
            yield marker + "".join(sentence.text for sentence in unit)

    return render


def _unit_sentences(
    annotated: ImportedDocument, options: ExportOptions, report: FormatReport
) -> Iterator[list[Sentence]]:
    """The sentences of each export unit of the document: their lines and their labels."""
    units = export_units(annotated, report)
    if not units:
        return
    tokens = tokenized(annotated.document, options)
    if annotated.document.tokens is not None:
        _refuse_whitespace(annotated, tokens.tokens)
    for unit in units:
        tagged = tag_unit(unit, tokens, options, report)
        lines = _lines(tokens.token_texts, _token_tags(tagged, options))
        labels = tokens.by_segment(
            tagged.segments, ((s.start, s.label) for layer in tagged.layers for s in layer)
        )
        yield [
            Sentence("".join(lines[start:end]) + "\n", frozenset(found))
            for (start, end), found in zip(tagged.segments, labels, strict=True)
        ]


def _lines(texts: list[str], tags: list[str]) -> list[str]:
    """Each token's line, ``TOKEN TAGS``: the few distinct tag endings made once and joined to
    the tokens in ``map`` (a formatted string per token was a tenth of the export)."""
    if len(texts) != len(tags):
        raise ValueError(f"{len(texts)} tokens but {len(tags)} tag lists")
    endings = {tag: f" {tag}\n" for tag in set(tags)}
    return list(map(str.__add__, texts, map(endings.__getitem__, tags)))


def _token_tags(tagged: TaggedUnit, options: ExportOptions) -> list[str]:
    """Each token's tags, one per layer down to the deepest span it is in (at least one)."""
    columns = tagged.columns(options.tag_scheme)
    joined = columns[0][:]
    for depth, layer in enumerate(tagged.layers[1:], start=1):
        for span in layer:
            for index in range(span.start, span.end):
                joined[index] = " ".join(column[index] for column in columns[: depth + 1])
    return joined


def _refuse_whitespace(annotated: ImportedDocument, tokens: Iterable[Token]) -> None:
    """A document's own tokens may hold whitespace (camel-tools tokens never do)."""
    for token in tokens:
        if _WHITESPACE.search(token.text):
            document = annotated.document
            raise WorkbenchError(
                f"document {document.name!r} ({document.id}): its token {token.text!r} holds "
                "whitespace, which a CoNLL line cannot"
            )
