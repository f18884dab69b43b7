"""Plain text: one document per ``.txt`` file; a folder imports every ``.txt`` in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.text_io import read_text_file
from workbench.formats.base import ImportOptions


def text_files(paths: Sequence[Path], suffix: str) -> list[Path]:
    """The files named, with each folder replaced by its ``suffix`` files in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == suffix and p.is_file())
            if not found:
                raise InputError(path, f"the folder holds no {suffix} file")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return files


def read(paths: Sequence[Path], options: ImportOptions) -> Iterator[AnnotatedDocument]:
    for path in text_files(paths, ".txt"):
        text = read_text_file(path)
        yield AnnotatedDocument(make_document(path.stem, text, source=str(path)))
