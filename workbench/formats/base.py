"""What every importer and exporter shares: options, the progress callback, the offset check."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, TextIO

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument
from workbench.core.schema import Schema
from workbench.formats.report import FormatReport

Progress = Callable[[int, int], None]
"""Called with (done, total) as work advances; total is 0 when unknown."""


def no_progress(done: int, total: int) -> None:
    """The progress callback for callers that do not show progress."""


@dataclass(frozen=True)
class ImportOptions:
    schema: Schema
    annotator: str | None = None
    """Who the imported annotations belong to, where the file does not say."""
    label_map: dict[str, str] = field(default_factory=dict)
    """Foreign label -> schema label, applied before the labels are checked against the schema."""
    tag_columns: tuple[int, ...] | Literal["last"] | None = None
    """CoNLL: the tag columns (numbered from 1, the token), ``"last"``, or None to find them."""


@dataclass(frozen=True)
class ExportOptions:
    schema: Schema
    tag_scheme: Literal["iob2", "bioes"] = "iob2"
    nested: Literal["columns", "outermost"] = "columns"
    split_clitics: bool = False
    split: tuple[int, int, int] | None = None
    """Train/validation/test percentages, by document (or by sentence, see ``split_by``)."""
    split_by: Literal["document", "sentence"] = "document"
    seed: int = 0


class Importer(Protocol):
    def __call__(
        self, paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
    ) -> Iterator[AnnotatedDocument]: ...


class Exporter(Protocol):
    def __call__(
        self,
        documents: Iterable[AnnotatedDocument],
        out: Path,
        options: ExportOptions,
        progress: Progress = no_progress,
        *,
        report: FormatReport | None = None,
    ) -> None: ...


class StaleSpanError(WorkbenchError):
    """A span whose stored covered text no longer matches the document at its offsets."""


def check_offsets(annotated: AnnotatedDocument) -> None:
    """Refuse to export a document holding a span whose text no longer matches its offsets."""
    document = annotated.document
    for annotation_set in annotated.sets:
        for span in annotation_set.spans:
            if not span.matches(document.text):
                found = document.text[span.start : span.end]
                raise StaleSpanError(
                    f"document {document.name!r} ({document.id}): span {span.id} "
                    f"[{span.start}, {span.end}) of {annotation_set.annotator!r} says {span.text!r} "
                    f"but the text there is {found!r}"
                )


@contextmanager
def atomic_text_output(path: Path) -> Iterator[TextIO]:
    """Write a text file so that it appears whole or not at all (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
