"""Rendering batches of a token-based export in a second process while the export renders others.

A CoNLL, Hugging Face or events export of a project spends most of its time in Python for each
token: its string, its tag, its line (the CoNLL export of 10,000 documents of 3,000 characters
whose tokens the project keeps: 5.4 s, all on one core of two). ``render_ahead`` reads the
documents in batches (``BATCH``), a few batches ahead (``AHEAD``), and sends each batch it reads
to a process of its own (``core.ahead_process``) while that process has fewer than ``IN_FLIGHT``
batches to render; the export renders the others itself, so that how much each process renders
follows how fast each goes (the export also reads and writes every document). The process is
sent the ids of a batch's documents: it reads them from the project (a read-only connection of
its own), checks and renders them with the exporter's ``renderer`` (their tokens from the
project's cache, or cut there) and sends back their texts, what the report counted, and the
tokens it cut. The export writes every document in order: the texts sent back for a batch, or
what it renders itself; it adds what those counted to its report and keeps their tokens in the
project, so that the file, the report and the kept tokens are those of an export on one process.

The process is started at the export's second batch and sent an empty batch first, whose
answer tells that it has imported what it needs and opened the project (``warm_up``); until
then every batch is the export's, none is sent to be rendered twice. A batch sent is rendered by
the export after all when the process failed on it (the export then meets the failure itself,
with its message), when its documents are not those the export read (the project changed
between the two reads: other ids, or a set at another revision), and once the process is gone.
An export of one batch starts no process. The process ends with the export, however it ends.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import NamedTuple

from workbench.core.ahead_process import AheadProcess
from workbench.core.model import ImportedDocument
from workbench.formats import renderer
from workbench.formats.base import ExportOptions, check_offsets
from workbench.formats.report import FormatReport
from workbench.store.project import Project
from workbench.store.reading import Source
from workbench.store.token_cache import Packed, TokenCache
from workbench.store.tokens_ahead import read_in_batches

BATCH = 250
"""Documents in a batch: about a sixth of a second of rendering for 3,000-character texts."""
BATCH_CHARACTERS = 1_000_000
"""Fewer documents when they are long, so that a batch read ahead stays a few megabytes."""
IN_FLIGHT = 2
"""Batches sent whose texts have not come back: the one being rendered there, and the next. A
batch read while the process has these is rendered by the export: how much each process
renders follows how fast each goes (the export also reads and writes every document)."""
AHEAD = 4
"""Batches read ahead of the one being written."""
Batch = list[ImportedDocument]
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
    """Without the export's own ``text_tokens`` and ``rendered_ahead``."""
    document_ids: list[str]


@dataclass(frozen=True)
class Rendered:
    """A batch rendered by the process."""

    fingerprint: Fingerprint
    texts: list[str]
    report: FormatReport
    cut: dict[str, Packed]
    """The tokens the process cut, by the sha256 of their texts, for the export to keep."""


class _Sent(NamedTuple):
    fingerprint: Fingerprint
    number: int


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
) -> Iterator[tuple[Iterator[ImportedDocument], Callable[[ImportedDocument], str | None]]]:
    """The project's documents of ``source``, in order, and what ``ExportOptions.rendered_ahead``
    asks for each: its text when the process rendered it (module docstring). The consumer must
    be done with a document before it asks for the next, as an export is."""
    work = partial(
        RenderWork,
        project.path,
        source,
        format_name,
        replace(options, text_tokens=None, rendered_ahead=None),
    )
    ahead = _Ahead(work, cache, report)
    try:
        yield ahead.documents(project.iter_annotated(source)), ahead.rendered
    finally:
        ahead.close()


class _Renderer(AheadProcess[RenderWork, Rendered | None]):
    def __init__(self) -> None:
        super().__init__(render_batch, "workbench render ahead")


class _Ahead:
    def __init__(
        self, work: Callable[[list[str]], RenderWork], cache: TokenCache, report: FormatReport
    ) -> None:
        self.work = work
        self.cache = cache
        self.report = report
        self.renderer: _Renderer | None = None
        self.texts: dict[int, str] = {}
        """The texts sent back for the batch being written, by the ``id`` of its documents."""

    def documents(self, documents: Iterable[ImportedDocument]) -> Iterator[ImportedDocument]:
        """The documents, read up to ``AHEAD`` batches ahead; each batch read is sent to the
        process when it has fewer than ``IN_FLIGHT`` to render, and rendered here otherwise."""
        pending: deque[tuple[Batch, _Sent | None]] = deque()
        for batch in read_in_batches(documents, BATCH, BATCH_CHARACTERS):
            pending.append((batch, self._send(batch) if pending else None))
            if len(pending) > AHEAD:
                yield from self._written(*pending.popleft())
        while pending:
            yield from self._written(*pending.popleft())

    def rendered(self, annotated: ImportedDocument) -> str | None:
        return self.texts.get(id(annotated))

    def close(self) -> None:
        if self.renderer is not None:
            self.renderer.close()

    def _send(self, batch: Batch) -> _Sent | None:
        """Send the batch to the process when it is ready and can take it; the process is
        started at the first batch that could go, which is rendered here while it starts."""
        renderer_ = self.renderer
        if renderer_ is None:
            renderer_ = self.renderer = _Renderer()
            renderer_.warm_up(self.work([]))
            return None
        if not (renderer_.alive() and renderer_.ready()) or renderer_.in_flight() >= IN_FLIGHT:
            return None
        number = renderer_.send(self.work([annotated.document.id for annotated in batch]))
        return _Sent(fingerprint(batch), number)

    def _written(self, batch: Batch, sent: _Sent | None) -> Iterator[ImportedDocument]:
        """The batch handed on, with the texts the process rendered of it, if it did."""
        rendered = self._answer(sent)
        if rendered is not None:
            self.report.merge(rendered.report)
            self.cache.keep(rendered.cut)
            self.texts = {id(annotated): text for annotated, text in zip(batch, rendered.texts, strict=True)}
        yield from batch
        self.texts = {}

    def _answer(self, sent: _Sent | None) -> Rendered | None:
        """The process's rendering of a batch sent, when it rendered the documents read here."""
        if sent is None or self.renderer is None:
            return None
        rendered = self.renderer.answer(sent.number)
        return rendered if rendered is not None and rendered.fingerprint == sent.fingerprint else None


@cache
def _read_only(path: Path) -> Project:
    """The project the process reads, opened at its first batch (the warm-up) and kept."""
    return Project.open(path, readonly=True)


def render_batch(work: RenderWork) -> Rendered | None:
    """The process's work: the batch's documents read and rendered; None when anything fails,
    and the export renders them itself (module docstring)."""
    try:
        project = _read_only(work.project)
        documents = list(project.iter_annotated(work.source, work.document_ids))
        report = FormatReport()
        cache = TokenCache(project.conn, writable=False, handing_back=True)
        render = renderer(work.format_name)(replace(work.options, text_tokens=cache.tokens), report)
        texts = []
        for annotated in documents:
            check_offsets(annotated)
            texts.append("".join(render(annotated)))
        return Rendered(fingerprint(documents), texts, report, cache.take_cut())
    except Exception:  # noqa: BLE001 - the export renders the batch, and meets it itself
        return None
