"""Plain text: one document per ``.txt`` file; a folder imports every ``.txt`` under it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.text_io import read_text_file
from workbench.formats.base import ImportOptions
from workbench.formats.importing import input_files
from workbench.formats.report import FormatReport


def read(
    paths: Sequence[Path], options: ImportOptions, *, report: FormatReport | None = None
) -> Iterator[AnnotatedDocument]:
    for path in input_files(paths, {".txt"}):
        text = read_text_file(path)
        yield AnnotatedDocument(make_document(path.stem, text, source=str(path)))
