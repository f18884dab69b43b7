"""Nested data (JSON, YAML) read from files, within bounds that hostile input cannot break.

The standard readers fail on hostile input in ways that name no place: ``json`` raises
``RecursionError`` for arrays nested a few thousand deep and ``ValueError`` for an integer of more
than 4,300 digits (Python's limit on converting text to int); a JSON escape such as ``\\ud800``
yields a lone surrogate, which is not a character and which neither SQLite nor UTF-8 can store;
PyYAML's composer recurses once per level (libyaml's crashes the process at about 50,000 levels)
and expands aliases without limit (a 500-byte "alias bomb" becomes hundreds of millions of
values). Here every one of these becomes a ``NestedDataError`` with the line and column, which the
caller turns into an error naming its file.

Data that is kept as it was read (a document's metadata, a schema) may be at most ``MAX_DEPTH``
levels deep; a YAML file at most ``MAX_NODES`` values once its aliases are expanded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from workbench.core.errors import Problem

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 100
"""Levels of nesting (lists and mappings inside each other) that data kept as read may have."""
MAX_NODES = 10_000
"""Values a YAML file may hold once its aliases are expanded (the built-in schemas hold ~3,000)."""

_T = TypeVar("_T")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_LONG_DIGITS = re.compile(r"[0-9]{4301,}")


class NestedDataError(ValueError):
    """Data that cannot be read as it should, at a line and column (1-based) of its text."""

    def __init__(self, problem: Problem, line: int, column: int, *, syntax: str | None = None) -> None:
        super().__init__(f"line {line}, column {column}: {problem}")
        self.problem = problem
        self.line = line
        self.column = column
        self.syntax = syntax
        """json's own message when the text is not JSON at all; None for the other problems."""


def parse_json(text: str, **options: Any) -> Any:
    """``json.loads(text, **options)``, with every failure a ``NestedDataError``."""
    value = _checked_json(text, 0, lambda: json.loads(text, **options))
    _refuse_surrogates(value, text, 0, len(text))
    return value


_DIGITS_AS_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_INTEGER_BEYOND_64_BITS = b"0" * 19
"""An integer outside -2**63 .. 2**64 - 1 (which orjson reads as a float) has 19 digits or more."""


def fast_json_object(data: bytes) -> dict[str, Any] | None:
    """The JSON object of the UTF-8 text ``data``, exactly as ``parse_json`` reads it, read by
    orjson (twice as fast as decoding the text and reading it with ``json``); None where orjson
    cannot give that, for ``parse_json`` to read the text and name what is wrong.

    orjson refuses what ``parse_json`` refuses (and what ``text_io`` refuses: bytes that are not
    UTF-8, control characters outside JSON's escapes), and some of what it reads: NaN and
    Infinity, a number beyond a float's range, and a lone surrogate escape (``json`` reads it and
    ``parse_json`` refuses it). It reads an integer beyond 64 bits as a float, so a text holding
    19 digits in a row (a long number, or digits in a string) is left to ``parse_json``. A value
    nested between about 990 and 1,024 levels deep, which ``json`` refuses (Python's recursion
    limit), is read: what is kept is at most ``MAX_DEPTH`` levels deep (``size_problem``)."""
    if _INTEGER_BEYOND_64_BITS in data.translate(_DIGITS_AS_ZEROS):
        return None
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    return value if type(value) is dict else None


def decode_json_value(decoder: json.JSONDecoder, text: str, position: int) -> tuple[Any, int]:
    """``decoder.raw_decode(text, position)``, with every failure a ``NestedDataError``."""
    value, end = _checked_json(text, position, lambda: decoder.raw_decode(text, position))
    _refuse_surrogates(value, text, position, end)
    return value, end


def _checked_json(text: str, position: int, decode: Callable[[], _T]) -> _T:
    try:
        return decode()
    except json.JSONDecodeError as error:
        raise NestedDataError(
            Problem("not valid JSON ({message})", message=error.msg), error.lineno, error.colno, syntax=error.msg
        ) from None
    except RecursionError:
        line, column = _line_and_column(text, position)
        raise NestedDataError(Problem("the JSON is nested too deeply to be read"), line, column) from None
    except ValueError:  # only int(): more digits than Python converts
        long_number = _LONG_DIGITS.search(text, position)
        line, column = _line_and_column(text, long_number.start() if long_number else position)
        raise NestedDataError(Problem("a number has too many digits (more than 4,300)"), line, column) from None


def _refuse_surrogates(value: Any, text: str, start: int, end: int) -> None:
    """A ``\\uD800``-``\\uDFFF`` escape not paired into one character is refused."""
    if not _SURROGATE_ESCAPE.search(text, start, end):
        return  # the text was decoded strictly: only an escape can make a surrogate
    if any(_SURROGATE.search(string) for string in _strings(value)):
        lone = _LONE_SURROGATE_ESCAPE.search(text, start, end)
        line, column = _line_and_column(text, lone.start() if lone else start)
        raise NestedDataError(
            Problem("a \\u escape gives half a surrogate pair (\\ud800-\\udfff), which is not a character"),
            line,
            column,
        )


def _strings(value: Any) -> Iterable[str]:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            pending.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def size_problem(value: Any, max_nodes: int | None = MAX_NODES) -> Problem | None:
    """What makes ``value`` too big: more than ``MAX_DEPTH`` levels of lists and mappings, or
    more than ``max_nodes`` values (a mapping's keys count); None when it is within bounds."""
    pending, count = [(value, 1)], 0
    while pending:
        item, depth = pending.pop()
        count += 1 + (len(item) if isinstance(item, dict) else 0)
        problem = _size_problem(count, depth if isinstance(item, dict | list) else 0, max_nodes)
        if problem:
            return problem
        if isinstance(item, dict | list):
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return None


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


@cache
def safe_yaml_loader() -> type[yaml.SafeLoader]:
    """PyYAML's safe loader (libyaml's when present: the same results, several times faster),
    whose failures to build a value (an int of 5,000 digits, the date 2001-02-30) are YAML
    errors marked with the value's line and column, not a bare ``ValueError``."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class SafeLoader(base):  # type: ignore[misc,valid-type]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except ValueError as error:
                raise yaml.constructor.ConstructorError(
                    None, None, f"this value cannot be read ({error})", node.start_mark
                ) from None

    return SafeLoader


def yaml_size_problem(events: Iterable[yaml.Event]) -> NestedDataError | None:
    """Whether the YAML of these parse events is too deep, or too large once its aliases are
    expanded. Read from the events, before PyYAML composes (and recurses into) the nodes."""
    import yaml

    sizes: dict[str | None, tuple[int, int]] = {}  # anchor -> (values, levels) of the node it names
    open_nodes: list[_OpenNode] = []
    total = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            open_nodes.append(_OpenNode(event.anchor))
            total += 1
            levels = len(open_nodes)
            size = None
        elif isinstance(event, yaml.CollectionEndEvent):
            node = open_nodes.pop()
            size = (node.values, node.levels_below + 1)
            levels = 0
            if node.anchor:
                sizes[node.anchor] = size
        elif isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, (1, 0))
            total += size[0]
            levels = len(open_nodes) + size[1]
        elif isinstance(event, yaml.ScalarEvent):
            size = (1, 0)
            total += 1
            levels = 0
            if event.anchor:
                sizes[event.anchor] = size
        else:
            continue
        problem = _size_problem(total, levels)
        if problem:
            mark = event.start_mark
            assert mark is not None, "PyYAML's parser marks every event"
            return NestedDataError(problem, mark.line + 1, mark.column + 1)
        if size is not None and open_nodes:
            open_nodes[-1].add(*size)
    return None


class _OpenNode:
    """A YAML collection whose end is not read yet: its anchor and what it holds so far."""

    def __init__(self, anchor: str | None) -> None:
        self.anchor = anchor
        self.values = 1
        self.levels_below = 0

    def add(self, values: int, levels: int) -> None:
        self.values += values
        self.levels_below = max(self.levels_below, levels)


def _size_problem(values: int, levels: int, max_nodes: int | None = MAX_NODES) -> Problem | None:
    if levels > MAX_DEPTH:
        return Problem("nested more than {levels} levels deep", levels=MAX_DEPTH)
    if max_nodes is not None and values > max_nodes:
        return Problem("more than {count:,} values (aliases expanded)", count=max_nodes)
    return None
