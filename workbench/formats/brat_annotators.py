"""Several annotators' sets of one document in brat standoff, and back.

brat has one annotation layer per document, so the export writes a document with several
annotation sets as one ``.txt``/``.ann`` pair per set, named ``NAME@ANNOTATOR`` beside each other
(in the same folder, so in the same split). In the annotator part, the characters a file name
cannot hold, ``%`` and ``@`` are written ``%XX``, so that every annotator name comes back exactly,
e-mail addresses included.

On import, files named ``NAME@ANNOTATOR`` in one folder whose texts are identical, two or more of
them, are one document ``NAME`` with one set per annotator (``--annotator``, which would give them
one name, is then refused). A lone ``NAME@PART`` file, or files of that name whose texts differ,
are documents of their own named after the whole stem, as any other file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from workbench.core.errors import InputError, Problem
from workbench.core.model import AnnotatedDocument, AnnotationSet, make_document
from workbench.formats.file_names import document_name, is_safe_character

SEPARATOR = "@"
_QUOTED = frozenset("%@")


def annotator_part(annotator: str) -> str:
    """The annotator as the end of a file stem (see the module docstring)."""
    return "".join(
        char if is_safe_character(char) and char not in _QUOTED else _quoted(char) for char in annotator
    )


def _quoted(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def annotator_of(ann: Path) -> str:
    """The annotator a ``NAME@ANNOTATOR`` file stem names."""
    return unquote(ann.stem.rpartition(SEPARATOR)[2])


def by_document(files: Iterable[Path]) -> list[list[Path]]:
    """The ``.ann`` files in order, those named ``NAME@...`` in one folder grouped together."""
    groups: dict[tuple[Path, str], list[Path]] = {}
    for ann in files:
        name, separator, _ = ann.stem.rpartition(SEPARATOR)
        key = (ann.parent, name) if separator and name else (ann, "")
        groups.setdefault(key, []).append(ann)
    return list(groups.values())


def joined_document(
    files: list[Path], text: str, sets: list[AnnotationSet], annotator: str | None
) -> AnnotatedDocument:
    """One document holding each file's set; ``InputError`` when ``--annotator`` was given."""
    if annotator:
        raise InputError(
            files[0],
            Problem(
                "{files} are the sets of {count} annotators of one document, which --annotator would give "
                "one name: import them without it",
                files=", ".join(ann.name for ann in files),
                count=len(files),
            ),
        )
    name = document_name(files[0], default=files[0].stem.rpartition(SEPARATOR)[0])
    document = make_document(name, text, source=str(files[0].with_suffix(".txt")))
    return AnnotatedDocument(document, tuple(sets))
