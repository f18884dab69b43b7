"""One line of a JSONL file being read: its place, for errors that name the file and the line,
and its fields, each checked for its JSON type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, Place, Problem

_THE_RECORD = Problem("the record")
"""What an optional field belongs to, made once: a line reads several."""
_JSON_TYPES = {
    str: Problem("str"),
    int: Problem("int"),
    float: Problem("float"),
    bool: Problem("bool"),
    list: Problem("list"),
    dict: Problem("dict"),
    type(None): Problem("NoneType"),
}
"""The types of what ``json`` reads, by the names the command line gives them."""


class Line:
    """A line of ``path``, the ``number``-th."""

    def __init__(self, path: Path, number: int) -> None:
        self.path = path
        self.number = number

    def error(self, problem: Problem, column: int | None = None) -> InputError:
        return InputError(self.path, problem, where=Place(line=self.number, column=column or None))

    def field(self, record: dict[str, Any], key: str, kind: type | tuple[type, ...], what: Problem) -> Any:
        """``record[key]``, refused naming ``what`` when it is missing or not of ``kind`` (a
        ``bool`` is no ``int`` here)."""
        if key not in record:
            raise self.error(Problem('{what} has no "{key}"', what=what, key=key))
        value = record[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(
                Problem('{what}: "{key}" has the wrong type ({type})', what=what, key=key, type=_json_type(value))
            )
        return value

    def optional(self, record: dict[str, Any], key: str, kind: type, default: Any) -> Any:
        return self.field(record, key, kind, _THE_RECORD) if key in record else default


def _json_type(value: Any) -> Problem:
    return _JSON_TYPES[type(value)]
