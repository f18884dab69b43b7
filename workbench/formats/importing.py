"""What importers share: whose annotations they are, and the labels they may carry.

Every label read from a foreign file goes through ``--label-map`` first and must then be in the
project's schema; an unknown label stops the import with an error naming the label, the file and
the line. Nothing is dropped or renamed silently.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from workbench.core.errors import InputError, Place, Problem, SchemaError, UnknownLabel
from workbench.core.text_io import read_text_file
from workbench.formats.base import ImportOptions

DEFAULT_ANNOTATOR = "imported"
"""The owner of imported annotations when neither the options nor the file name one."""
NO_SUCH_PATH = "no such file or folder"


def annotator_name(options: ImportOptions, from_file: str | None = None) -> str:
    """``--annotator`` when given, else the annotator the file names, else ``"imported"``."""
    return options.annotator or from_file or DEFAULT_ANNOTATOR


def load_label_map(path: Path) -> dict[str, str]:
    """A ``FOREIGN<TAB>SCHEMA_LABEL`` file as a mapping.

    Blank lines and lines starting with ``#`` are skipped. Any run of whitespace separates the
    two columns (labels never hold whitespace). A foreign label given twice is refused.
    """
    mapping: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for number, line in enumerate(read_text_file(path).split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split()
        if len(columns) != 2:
            raise InputError(
                path,
                Problem("expected two columns, FOREIGN<TAB>SCHEMA_LABEL, found {count}", count=len(columns)),
                where=Place(line=number),
            )
        foreign, label = columns
        if foreign in mapping:
            raise InputError(
                path,
                Problem(
                    "the label {label!r} is mapped twice (first on line {line})",
                    label=foreign,
                    line=first_line[foreign],
                ),
                where=Place(line=number),
            )
        mapping[foreign] = label
        first_line[foreign] = number
    return mapping


def entity_label(
    options: ImportOptions,
    foreign: str,
    path: Path,
    where: Place | None,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The schema's entity label for ``foreign``; ``UnknownLabel`` when the schema lacks it.

    ``aliases`` (applied after the label map) are the format's own spellings of schema labels.
    """
    label = _mapped(options, foreign, aliases)
    try:
        options.schema.entity(label)
    except SchemaError as error:
        raise UnknownLabel(path, _unknown(foreign, label, error), foreign=foreign, where=where) from None
    return label


def event_type(
    options: ImportOptions,
    foreign: str,
    path: Path,
    where: Place | None,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The schema's event type for ``foreign``; ``UnknownLabel`` when the schema lacks it."""
    type_id = _mapped(options, foreign, aliases)
    try:
        options.schema.event(type_id)
    except SchemaError as error:
        raise UnknownLabel(path, _unknown(foreign, type_id, error), foreign=foreign, where=where) from None
    return type_id


def _mapped(options: ImportOptions, foreign: str, aliases: Mapping[str, str] | None) -> str:
    label = options.label_map.get(foreign, foreign)
    return (aliases or {}).get(label, label)


def _unknown(foreign: str, mapped: str, error: SchemaError) -> str:
    via_map = f" (read as {mapped!r})" if mapped != foreign else ""
    return f"unknown label {foreign!r}{via_map}: {error}; map it with --label-map"


def input_files(paths: Sequence[Path], suffixes: Collection[str]) -> list[Path]:
    """The files named (any suffix), with each folder replaced by the files under it, at any
    depth, whose suffix is one of ``suffixes``, in path order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = folder_files(path, suffixes)
            if not found:
                either = _either(sorted(suffixes))
                raise InputError(path, Problem("the folder holds no {suffixes} file", suffixes=either))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, Problem(NO_SUCH_PATH))
    return files


def _either(suffixes: Sequence[str]) -> str:
    """The suffixes one or another ("a or b or c"), the "or" of each a problem's word."""
    first, *rest = suffixes
    return Problem("{suffix} or {suffixes}", suffix=first, suffixes=_either(rest)) if rest else first


def folder_files(folder: Path, suffixes: Collection[str]) -> list[Path]:
    """The files under ``folder``, at any depth, whose suffix is one of ``suffixes``, in path order.

    A folder's import stays inside the folder: a symbolic link (to a file of those suffixes, or to
    a folder) that leads out of it is refused, naming the link. A link to a file inside is
    followed; a link to a folder inside is not entered, as its files are found where they are.
    """
    root = folder.resolve()
    found: list[Path] = []
    for directory, folders, names in os.walk(folder):
        here = Path(directory)
        for link in (here / name for name in folders if (here / name).is_symlink()):
            _refuse_link_out(link, folder, root)
        for path in (here / name for name in names if Path(name).suffix.lower() in suffixes):
            if path.is_symlink():
                _refuse_link_out(path, folder, root)
            if path.is_file():
                found.append(path)
    return sorted(found)


def _refuse_link_out(link: Path, folder: Path, root: Path) -> None:
    target = link.resolve()
    if not target.is_relative_to(root):
        raise InputError(
            link,
            Problem(
                "a symbolic link to {target}, outside the folder {folder}: a folder's import stays "
                "inside the folder (name the file itself to import it)",
                target=target,
                folder=folder,
            ),
        )
