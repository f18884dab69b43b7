"""Rendering batches of an export in a second process while the export renders others.

A CoNLL, Hugging Face or events export of a project spends most of its time in Python for each
token: its string, its tag, its line (the CoNLL export of 10,000 documents of 3,000 characters
whose tokens the project keeps: 5.4 s, all on one core of two); a JSONL export, in reading each
document's spans and writing their records (1.6 s, on one core). ``render_ahead`` reads the
documents in batches (``BATCH``) and sends each batch it reads to a process of its own
(``core.ahead_process``) while that process has fewer than ``IN_FLIGHT`` batches to render; it
renders the others itself as it reads them, so that how much each process renders follows how
fast each goes. The process is sent the ids of a batch's documents: it reads them with their
sets from the project (a read-only connection of its own; plain spans as columns, for an
exporter that takes them), checks and renders them with the exporter's ``renderer`` (their
tokens from the project's cache, or cut there) and sends back
their texts, what the report counted, and the tokens it cut. An export split by sentence has
each document's sentences rendered so, with the exporter's ``sentence_renderer``, and a brat
export the ``.ann`` text of each of a document's sets, with its ``files_renderer``. The export
reads the sets of the batches it renders itself, and of the others only the revisions.

Batches are handed on to be written in order, each once rendered; while the next is still being
rendered in the process, the export reads up to ``AHEAD`` more and renders those that are its
own, rather than wait, unless those it holds rendered reach ``HELD_CHARACTERS``. As each batch
is handed on, the export adds what rendering it counted to its report and keeps the tokens cut
in the project, so that the file, the report and the kept tokens are those of an export on one
process.

The process is started at the export's second batch and sent an empty batch first, whose
answer tells that it has imported what it needs and opened the project (``warm_up``); until
then every batch is the export's, none is sent to be rendered twice. A batch sent is rendered by
the export after all when the process failed on it (the export then meets the failure itself,
with its message), when its documents are not those the export read (the project changed
between the two reads: other ids, or a set at another revision), and once the process is gone;
the export then reads the batch's sets.
An export of one batch starts no process. The process ends with the export, however it ends.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from workbench.core.ahead_process import AheadProcess
from workbench.core.model import AnnotatedDocument, Document, ImportedDocument
from workbench.formats import (
    exporter_reads_tokens,
    exporter_takes_plain_spans,
    exporter_writes_files,
    files_renderer,
    renderer,
    sentence_renderer,
)
from workbench.formats.base import ExportOptions, SetFiles, checked
from workbench.formats.report import FormatReport
from workbench.formats.sentence_splits import Sentence
from workbench.store.project import Project
from workbench.store.reading import Source
from workbench.store.token_cache import Packed, TokenCache
from workbench.store.tokens_ahead import read_in_batches

BATCH = 250
"""Documents in a batch: about a sixth of a second of rendering for 3,000-character texts."""
BATCH_CHARACTERS = 1_000_000
"""Fewer documents when they are long, so that a batch read ahead stays a few megabytes."""
RENDERED_BATCH = 4_000_000
"""Fewer documents still when they render to more than this many characters a batch, as the
batches handed on so far tell: Hugging Face rows are 5 characters a character of text for gold
(250 documents of 3,000 characters: 3.9 million), 21 for four annotators' sets, and 250 of those
documents a batch took an export of everyone's work, 10,000 documents, to 181 MB (89 MB so)."""
IN_FLIGHT = 2
"""Batches sent whose texts have not come back: the one being rendered there, and the next. A
batch read while the process has these is rendered by the export."""
AHEAD = 4
"""Batches read, beyond the next to be written, while that one is still being rendered there."""
HELD_CHARACTERS = 16_000_000
"""The characters of the batches rendered here that the export may hold, waiting for the next
to be written, before it waits for that one rather than read more: batches of four annotators'
Hugging Face rows, held so, took an export of everyone's work to 221 MB rather than 181 MB
(before ``RENDERED_BATCH``; it still bounds what is held where later documents render to more
than those before)."""
Batch = list[Document]
Rendition = str | list[Sentence] | SetFiles
"""A document rendered: its text in the export file, or, split by sentence, its sentences, or
the texts of its sets' files (brat)."""
Fingerprint = list[tuple[str, tuple[tuple[str, int], ...]]]
"""Each document's id with the annotator and revision of each of its sets: what tells that the
process read the documents the export read."""


@dataclass(frozen=True)
class RenderWork:
    """A batch for the process: which documents of which project, in which format."""

    project: Path
    source: Source
    format_name: str
    options: ExportOptions
    """Without the export's own ``text_tokens`` and renditions ahead."""
    document_ids: list[str]


@dataclass(frozen=True)
class Rendered:
    """A batch rendered by the process."""

    fingerprint: Fingerprint
    texts: list[Rendition]
    characters: int
    """Of the texts (or the sentences' texts, or the files' texts) in all (``_characters``)."""
    report: FormatReport
    cut: dict[str, Packed]
    """The tokens the process cut, by the sha256 of their texts, for the export to keep."""


class _Sent(NamedTuple):
    """A batch sent to the process: its documents, what the export read of their sets, and the
    number it was sent as."""

    batch: Batch
    fingerprint: Fingerprint
    number: int


class _Rendering(NamedTuple):
    """A batch's documents as the export hands them on, and their rendering."""

    documents: Sequence[ImportedDocument]
    rendered: Rendered


def _held(item: _Rendering | _Sent) -> int:
    """The characters of a batch's rendering held here (none for a batch sent)."""
    return item.rendered.characters if isinstance(item, _Rendering) else 0


def fingerprint(documents: Sequence[ImportedDocument]) -> Fingerprint:
    return [
        (annotated.document.id, tuple((s.annotator, s.revision) for s in annotated.sets))
        for annotated in documents
    ]


@contextmanager
def render_ahead(
    project: Project,
    source: Source,
    format_name: str,
    options: ExportOptions,
    cache: TokenCache,
    report: FormatReport,
    document_ids: Sequence[str] | None = None,
) -> Iterator[tuple[Iterator[ImportedDocument], ExportOptions]]:
    """The project's documents with their sets of ``source`` (all in order, unless given), and
    the options that give each rendered ahead by either process (module docstring): its text
    (``ExportOptions.rendered_ahead``), or split by sentence its sentences (``sentences_ahead``),
    or its sets' files (``files_ahead``).
    The consumer must be done with a document before it asks for the next, as an export is."""
    sent = replace(options, text_tokens=None, rendered_ahead=None, sentences_ahead=None, files_ahead=None)
    ahead = _Ahead(project, source, format_name, sent)  # ``sent``: the options that pickle
    if options.by_sentence:
        options = replace(options, sentences_ahead=ahead.sentences)
    elif exporter_writes_files(format_name):
        options = replace(options, files_ahead=ahead.files)
    else:
        options = replace(options, rendered_ahead=ahead.rendered)
    try:
        yield ahead.documents(project.iter_documents(document_ids), cache, report), options
    finally:
        ahead.close()


class _Renderer(AheadProcess[RenderWork, Rendered | None]):
    def __init__(self) -> None:
        super().__init__(render_batch, "workbench render ahead")


class _Ahead:
    def __init__(self, project: Project, source: Source, format_name: str, options: ExportOptions) -> None:
        self.project = project
        self.source = source
        self.format_name = format_name
        self.options = options
        self.renderer: _Renderer | None = None
        self.texts: dict[int, Rendition] = {}
        """The texts of the batch being handed on, by the ``id`` of its documents."""
        self.characters_read = 0
        self.characters_rendered = 0
        """Of the batches handed on: the characters of their documents' texts, and of what
        they rendered to."""

    def documents(
        self, documents: Iterable[Document], cache: TokenCache, report: FormatReport
    ) -> Iterator[ImportedDocument]:
        """The documents, read in batches; each batch read is sent to the process when it has
        fewer than ``IN_FLIGHT`` to render, and rendered here at once otherwise. Batches are
        handed on in order, each once rendered; while the next to go is still being rendered
        there, up to ``AHEAD`` more are read, and rendered here, meanwhile, as long as those
        rendered here and held come to fewer than ``HELD_CHARACTERS``. A batch's sets are read
        here only when it is rendered here: of a batch sent, only their revisions, to tell that
        the process read the same."""
        pending: deque[_Rendering | _Sent] = deque()
        held = 0
        for number, batch in enumerate(read_in_batches(documents, BATCH, self._batch_characters)):
            sent = self._send(batch) if number else None
            item = self._rendered_here(batch, cache) if sent is None else sent
            pending.append(item)
            held += _held(item)
            while pending and (len(pending) > AHEAD or held >= HELD_CHARACTERS or self._done(pending[0])):
                item = pending.popleft()
                held -= _held(item)
                yield from self._handed_on(item, cache, report)
        while pending:
            yield from self._handed_on(pending.popleft(), cache, report)

    def rendered(self, annotated: ImportedDocument) -> str:
        """The text ``annotated`` was rendered to; the documents of a batch the process rendered
        are handed on without their sets, and nothing but this reads them."""
        text = self.texts[id(annotated)]
        assert isinstance(text, str)
        return text

    def sentences(self, annotated: ImportedDocument) -> list[Sentence]:
        """The sentences ``annotated`` was rendered to (as ``rendered``)."""
        sentences = self.texts[id(annotated)]
        assert isinstance(sentences, list)
        return sentences

    def files(self, annotated: ImportedDocument) -> SetFiles:
        """The texts of the files ``annotated`` was rendered to (as ``rendered``)."""
        files = self.texts[id(annotated)]
        assert isinstance(files, tuple)
        return files

    def close(self) -> None:
        if self.renderer is not None:
            self.renderer.close()

    def _send(self, batch: Batch) -> _Sent | None:
        """Send the batch to the process when it is ready and can take it; the process is
        started at the first batch that could go, which is rendered here while it starts."""
        renderer_ = self.renderer
        if renderer_ is None:
            renderer_ = self.renderer = _Renderer()
            renderer_.warm_up(self._work([]))
            return None
        if not (renderer_.alive() and renderer_.ready()) or renderer_.in_flight() >= IN_FLIGHT:
            return None
        document_ids = [document.id for document in batch]
        number = renderer_.send(self._work(document_ids))
        revisions = self.project.set_revisions(document_ids, self.source)
        read_here = [(document_id, revisions.get(document_id, ())) for document_id in document_ids]
        return _Sent(batch, read_here, number)

    def _batch_characters(self) -> int:
        """How many characters of text the next batch may hold: ``BATCH_CHARACTERS``, or fewer
        where the batches handed on rendered to more than ``RENDERED_BATCH`` for as many."""
        if not self.characters_rendered:
            return BATCH_CHARACTERS
        return max(1, min(BATCH_CHARACTERS, RENDERED_BATCH * self.characters_read // self.characters_rendered))

    def _work(self, document_ids: list[str]) -> RenderWork:
        return RenderWork(self.project.path, self.source, self.format_name, self.options, document_ids)

    def _done(self, item: _Rendering | _Sent) -> bool:
        return isinstance(item, _Rendering) or self.renderer is None or self.renderer.answered(item.number)

    def _handed_on(
        self, item: _Rendering | _Sent, cache: TokenCache, report: FormatReport
    ) -> Iterator[ImportedDocument]:
        """The batch's documents, their texts given by ``rendered`` meanwhile; what rendering
        them counted is added to the report and the tokens the process cut are kept."""
        rendering = item if isinstance(item, _Rendering) else self._rendered_there(item, cache)
        self.characters_read += sum(len(annotated.document.text) for annotated in rendering.documents)
        self.characters_rendered += rendering.rendered.characters
        report.merge(rendering.rendered.report)
        cache.keep(rendering.rendered.cut)
        documents, texts = rendering.documents, rendering.rendered.texts
        self.texts = {id(annotated): text for annotated, text in zip(documents, texts, strict=True)}
        yield from documents
        self.texts = {}

    def _rendered_there(self, sent: _Sent, cache: TokenCache) -> _Rendering:
        """The process's rendering of a batch sent, when it rendered the documents read here;
        else the batch rendered here."""
        rendered = None if self.renderer is None else self.renderer.answer(sent.number)
        if rendered is None or rendered.fingerprint != sent.fingerprint:
            return self._rendered_here(sent.batch, cache)
        return _Rendering([AnnotatedDocument(document, ()) for document in sent.batch], rendered)

    def _rendered_here(self, batch: Batch, cache: TokenCache) -> _Rendering:
        documents = self.project.with_sets(batch, self.source, plain=exporter_takes_plain_spans(self.format_name))
        return _Rendering(documents, rendered_batch(documents, self.format_name, self.options, cache))


@cache
def _read_only(path: Path) -> Project:
    """The project the process reads, opened at its first batch (the warm-up) and kept."""
    return Project.open(path, readonly=True)


def render_batch(work: RenderWork) -> Rendered | None:
    """The process's work: the batch's documents read and rendered; None when anything fails,
    and the export renders them itself (module docstring)."""
    try:
        project = _read_only(work.project)
        read = project.iter_plain if exporter_takes_plain_spans(work.format_name) else project.iter_annotated
        documents = list(read(work.source, work.document_ids))
        cache = TokenCache(project.conn, writable=False, handing_back=True)
        return rendered_batch(documents, work.format_name, work.options, cache)
    except Exception:  # noqa: BLE001 - the export renders the batch, and meets it itself
        return None


def rendered_batch(
    documents: Sequence[ImportedDocument], format_name: str, options: ExportOptions, cache: TokenCache
) -> Rendered:
    """The documents checked (``check_offsets``) and rendered as the export writes them, with
    what the report counted of them and the tokens ``cache`` hands back; an error of a document
    is raised as the export on one process raises it. The project's rows of their tokens, for
    an exporter that reads them, are read in one query (``TokenCache.read_ahead``)."""
    report = FormatReport()
    render = _rendition(format_name, replace(options, text_tokens=cache.tokens), report)
    if exporter_reads_tokens(format_name):
        cache.read_ahead({annotated.document.sha256 for annotated in documents})
    texts = list(map(checked(render), documents))
    characters = sum(map(_characters, texts))
    return Rendered(fingerprint(documents), texts, characters, report, cache.take_cut())


def _characters(rendition: Rendition) -> int:
    if isinstance(rendition, str):
        return len(rendition)
    if isinstance(rendition, tuple):
        return sum(len(text) for _, text in rendition)
    return sum(len(sentence.text) for sentence in rendition)


def _rendition(
    format_name: str, options: ExportOptions, report: FormatReport
) -> Callable[[ImportedDocument], Rendition]:
    """What renders a document as the export writes it: its text, or split by sentence its
    sentences, or its sets' files."""
    if options.by_sentence:
        sentences = sentence_renderer(format_name)(options, report)
        return lambda annotated: list(sentences(annotated))
    if exporter_writes_files(format_name):
        return files_renderer(format_name)(options, report)
    render = renderer(format_name)(options, report)
    return lambda annotated: "".join(render(annotated))
