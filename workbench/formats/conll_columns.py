"""Which columns of a CoNLL file hold its tags, and whether a file looks like CoNLL at all.

CoNLL files in the wild carry more than a token and its tags: CoNLL-2003 writes ``TOKEN POS CHUNK
NER``, Label Studio's CONLL2003 export ``TOKEN -X- _ TAG``, Wojood one tag column per nesting
layer. Columns are numbered from 1, the token. ``--tag-columns N[,M...]`` names the tag columns
and ``--tag-columns last`` the last one; without it, the tags are the trailing columns whose every
value is a tag of the schema (``O``, or ``B-``, ``I-``, ``E-``, ``S-`` and a label that the label
map and the schema know), so a chunk column (``B-NP``) stays out unless the schema has its labels.
The columns not read are named in the report. A line without one of the later tag columns is
``O`` there (Wojood writes only the columns a token needs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import InputError, Problem
from workbench.core.text_io import decode_text
from workbench.formats.base import ImportOptions
from workbench.formats.importing import entity_label
from workbench.formats.report import FormatReport, Issue
from workbench.formats.tagging import OUTSIDE, parse_tag

SNIFFED_BYTES = 64 * 1024
SNIFFED_LINES = 200
DOCSTART = "-DOCSTART-"


@dataclass(frozen=True, slots=True)
class ConllLine:
    number: int
    columns: list[str]


def tag_columns(
    path: Path, lines: Sequence[ConllLine], options: ImportOptions, report: FormatReport
) -> tuple[int, ...]:
    """The tag columns as indices into a line's columns (0 is the token)."""
    width = max(len(line.columns) for line in lines)
    if options.tag_columns == "last":
        chosen: tuple[int, ...] = (width - 1,)
    elif options.tag_columns:
        chosen = tuple(_named_column(path, number, width) for number in options.tag_columns)
    else:
        chosen = _trailing_tag_columns(lines, width, options)
    for column in range(1, width):
        if column not in chosen:
            report.add(
                Issue.IGNORED_COLUMN,
                f"{path}: column {column + 1} ({_sample(lines, column)}) is not read as tags; "
                "--tag-columns names the columns to read",
            )
    return chosen


def _named_column(path: Path, number: int, width: int) -> int:
    if not 2 <= number <= width:
        raise InputError(
            path,
            Problem(
                "--tag-columns {number}: the tags can be in columns 2 to {width} of this file (column 1 is the token)",
                number=number,
                width=width,
            ),
        )
    return number - 1


def _trailing_tag_columns(
    lines: Sequence[ConllLine], width: int, options: ImportOptions
) -> tuple[int, ...]:
    """The trailing columns whose every value is a schema tag; the last column alone when it is
    not (reading it then stops at its first value that is not a tag, with the reason)."""
    known: dict[str, bool] = {}

    def schema_tag(value: str) -> bool:
        if value not in known:
            known[value] = _is_schema_tag(value, options)
        return known[value]

    def all_tags(column: int) -> bool:
        return all(schema_tag(line.columns[column]) for line in lines if len(line.columns) > column)

    first = width - 1
    if width < 2 or not all_tags(first):
        return (max(first, 1),)
    while first > 1 and all_tags(first - 1):
        first -= 1
    return tuple(range(first, width))


def _is_schema_tag(value: str, options: ImportOptions) -> bool:
    try:
        prefix, label = parse_tag(value)
        if prefix != OUTSIDE:
            entity_label(options, label, Path(), None)
    except (ValueError, InputError):
        return False
    return True


def _sample(lines: Sequence[ConllLine], column: int) -> str:
    values: list[str] = []
    for line in lines:
        if len(line.columns) > column and line.columns[column] not in values:
            values.append(line.columns[column])
            if len(values) == 3:
                break
    return "values such as " + ", ".join(repr(value) for value in values)


def is_tag(value: str) -> bool:
    try:
        parse_tag(value)
    except ValueError:
        return False
    return True


def looks_like_conll(path: Path) -> bool:
    """True when the file's first lines are tokens with tag columns: every line holds at least
    two columns and ends with a tag (a line of a tag alone counts too: a token lost to
    whitespace, which the importer then names), apart from ``-DOCSTART-`` and blank lines."""
    with path.open("rb") as stream:
        head = stream.read(SNIFFED_BYTES)
    if len(head) == SNIFFED_BYTES:  # only whole lines: a character may be cut at the end
        head = head[: head.rfind(b"\n") + 1] or head
    try:
        text = decode_text(head, path)
    except InputError:
        return False
    lines = [line.split() for line in text.split("\n") if line.strip()][:SNIFFED_LINES]
    rows = [columns for columns in lines if columns[0] != DOCSTART]
    return any(len(columns) >= 2 for columns in rows) and all(
        is_tag(columns[-1]) for columns in rows
    )
