"""Which importer reads the files given to ``--format auto``: by their names, and by their content
where the name does not settle it.

- ``.ann`` is brat, and so is a folder holding ``.ann`` files (beside their ``.txt``), or
  brat's ``annotation.conf`` at its top and no ``.txt`` (a brat export of a project without
  documents holds that and ``names.tsv``: the brat importer then says there is no ``.ann``
  file; with ``.txt`` files and no ``.ann``, those are read as they would be alone).
- ``.conll``, ``.iob``, ``.iob2``, ``.bio`` and ``.bioes`` are CoNLL.
- ``.txt`` is CoNLL when its lines are token and tag columns (``looks_like_conll``; corpora name
  their splits ``train.txt``, ``valid.txt``, ``test.txt``), else plain text.
- ``.tsv`` is CoNLL when it looks like it, and refused otherwise.
- ``.jsonl`` is the workbench's JSONL, unless its first record looks like doccano's (an integer
  ``id``, or doccano's ``label``, ``labels``, ``entities``, ``relations`` or ``Comments``
  keys without ``spans``): that is refused with the flag to give, since the two formats read the
  same line differently.
- ``.json`` is a Label Studio export (a task, or a list of tasks, with ``data``); a doccano JSON
  export or a Label Studio JSON_MIN export is refused with what to export instead.
- A folder is the format of the files under it (at any depth) with one of these suffixes; files
  of two formats are refused, naming one of each.

Every refusal is one line that says what the file looks like and which ``--format`` to give.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, MixedFormats, Problem, Undetected, UndetectedFormat
from workbench.core.nested_data import NestedDataError, parse_json
from workbench.core.text_io import read_text_file, text_lines
from workbench.formats.conll_columns import looks_like_conll
from workbench.formats.importing import NO_SUCH_PATH

CONLL_SUFFIXES = frozenset({".conll", ".iob", ".iob2", ".bio", ".bioes"})
SNIFFED_SUFFIXES = frozenset({".txt", ".tsv", ".jsonl", ".json"})
KNOWN_SUFFIXES = CONLL_SUFFIXES | SNIFFED_SUFFIXES | {".ann"}
BRAT_CONFIG = "annotation.conf"
DOCCANO_KEYS = frozenset({"label", "labels", "entities", "relations", "Comments"})


def detect_format(paths: Sequence[Path]) -> str:
    """The one format of ``paths``; ``MixedFormats`` naming one file of each otherwise."""
    found: dict[str, Path] = {}
    for path in paths:
        found.setdefault(_format_of(path), path)
    if len(found) == 1:
        return next(iter(found))
    described = ", ".join(f"{path} looks like {name}" for name, path in found.items())
    raise MixedFormats(
        f"the files are of several formats ({described}): import them one format at a time, "
        "or give --format",
        found,
    )


def _format_of(path: Path) -> str:
    if path.is_dir():
        return _folder_format(path)
    if not path.is_file():
        raise InputError(path, Problem(NO_SUCH_PATH))
    return file_format(path)


def _folder_format(folder: Path) -> str:
    files = sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in KNOWN_SUFFIXES and p.is_file()
    )
    suffixes = {path.suffix.lower() for path in files}
    if ".ann" in suffixes or ((folder / BRAT_CONFIG).is_file() and ".txt" not in suffixes):
        return "brat"
    if not files:
        known = ", ".join(sorted(KNOWN_SUFFIXES))
        raise InputError(folder, Problem("the folder holds no file the workbench reads ({suffixes})", suffixes=known))
    return detect_format(files)


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".ann":
        return "brat"
    if suffix in CONLL_SUFFIXES:
        return "conll"
    if suffix == ".txt":
        return "conll" if looks_like_conll(path) else "txt"
    if suffix == ".tsv":
        if looks_like_conll(path):
            return "conll"
        raise UndetectedFormat(
            path,
            "a .tsv file whose lines are not a token and tag columns: CoNLL needs TOKEN TAG "
            "[TAG ...] per line; for plain text, rename it .txt or give --format txt",
            Undetected.TSV_NOT_CONLL,
        )
    if suffix == ".jsonl":
        return _jsonl_format(path)
    if suffix == ".json":
        return _json_format(path)
    if _sniffable(path):
        raise UndetectedFormat(
            path,
            "it looks like CoNLL (token and tag columns): give --format conll",
            Undetected.LOOKS_LIKE_CONLL,
        )
    known = ", ".join(sorted(KNOWN_SUFFIXES))
    raise UndetectedFormat(
        path,
        f"cannot tell the format from the suffix (known suffixes: {known}); give --format",
        Undetected.UNKNOWN_SUFFIX,
    )


def _sniffable(path: Path) -> bool:
    try:
        return looks_like_conll(path)
    except OSError:
        return False


def _jsonl_format(path: Path) -> str:
    record = _first_record(path)
    if isinstance(record, dict) and "spans" not in record and _doccano_like(record):
        raise UndetectedFormat(
            path,
            "looks like doccano JSONL (an integer id or doccano's label, entities, relations or "
            "Comments keys), not the workbench's JSONL: use --format doccano",
            Undetected.DOCCANO_JSONL,
        )
    return "jsonl"


def _json_format(path: Path) -> str:
    try:
        value = parse_json(read_text_file(path))
    except NestedDataError:
        return "labelstudio"  # its importer names the place of the problem
    first = value[0] if isinstance(value, list) and value else value
    if not isinstance(first, dict) or isinstance(first.get("data"), dict):
        return "labelstudio"
    if not _json_min_like(first) and _doccano_like(first):
        raise UndetectedFormat(
            path,
            "looks like doccano's JSON export: export JSONL from doccano and use --format doccano",
            Undetected.DOCCANO_JSON,
        )
    raise UndetectedFormat(
        path,
        'looks like Label Studio\'s JSON_MIN export (tasks without "data"): export the project '
        "as JSON and use --format labelstudio",
        Undetected.LABEL_STUDIO_MIN,
    )


def _json_min_like(record: dict[str, Any]) -> bool:
    """Label Studio's JSON_MIN: ``annotation_id``, or results as objects with a ``start``."""
    return "annotation_id" in record or any(
        isinstance(value, list) and value and isinstance(value[0], dict) and "start" in value[0]
        for value in record.values()
    )


def _doccano_like(record: dict[str, Any]) -> bool:
    identifier = record.get("id")
    integer_id = isinstance(identifier, int) and not isinstance(identifier, bool)
    return integer_id or bool(DOCCANO_KEYS & record.keys())


def _first_record(path: Path) -> Any:
    """The first line's JSON value, or None when it is not JSON (the importer then says why)."""
    for line in text_lines(path):  # the first line only, not the whole file
        if line.strip():
            try:
                return parse_json(line)
            except NestedDataError:
                return None
    return None
