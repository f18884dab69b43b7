"""The generic checks on a parsed schema document: a place in it (``_PathSteps``), the failure
that names it (``_Invalid``), and the kinds of value a key may hold."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

from workbench.core.schema.model import listing

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_MAX_DEPTH = 32
_ID_RULE = "must be ASCII letters, digits, '_', '.' or '-', starting with a letter or digit"

_PathSteps = tuple[str | int, ...]
T = TypeVar("T")


class _Invalid(Exception):
    """A problem at a place in the parsed document; the loader adds the file and the line."""

    def __init__(self, path: _PathSteps, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def _fail(path: _PathSteps, problem: str) -> NoReturn:
    raise _Invalid(path, problem)


def _path_text(path: _PathSteps) -> str:
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif _ID.fullmatch(step):
            text += f".{step}" if text else step
        else:
            text += f"[{step!r}]"
    return text


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shown(value: Any) -> str:
    """A value for a message: its repr when short and simple, else its kind."""
    if isinstance(value, str | int | float | bool) and len(repr(value)) <= 40:
        return repr(value)
    return _kind(value)


def _mapping(value: Any, path: _PathSteps, what: str = "a mapping") -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(path, f"expected {what}, got {_shown(value)}")
    for key in value:
        if not isinstance(key, str):
            _fail(path, f"the key {_shown(key)} must be text (put it in quotes)")
    return value


def _list(value: Any, path: _PathSteps) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"expected a list, got {_shown(value)}")
    return value


def _each(
    value: Any, path: _PathSteps, read: Callable[[Any, _PathSteps], T], empty: str | None = None
) -> tuple[T, ...]:
    """The list ``value`` at ``path``, each item read by ``read`` at its own place; an empty list
    fails with the ``empty`` message, when one is given."""
    items = _list(value, path)
    if empty is not None and not items:
        _fail(path, empty)
    return tuple(read(item, (*path, index)) for index, item in enumerate(items))


def _check_keys(
    raw: dict[str, Any], path: _PathSteps, required: set[str], optional: set[str]
) -> None:
    """Unknown keys first, so that ``colour`` is reported as a typo, not as a missing ``color``."""
    allowed = required | optional
    for key in raw:
        if key not in allowed:
            _fail(
                (*path, key),
                f"unknown key {key!r}{_suggestion(key, allowed)}; allowed: "
                f"{listing(sorted(allowed))}",
            )
    for key in sorted(required):
        if key not in raw:
            _fail(path, f"the required key {key!r} is missing")


def _suggestion(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _text(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        _fail((*path, key), f"expected text, got {_shown(value)}")
    return value


def _optional_text(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    return _text(raw, key, path) if key in raw else ""


def _identifier(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    value = raw[key]
    if not isinstance(value, str) or not _ID.fullmatch(value):
        _fail((*path, key), f"an id {_ID_RULE}; got {_shown(value)}")
    return value


def _flag(raw: dict[str, Any], key: str, path: _PathSteps, *, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        _fail((*path, key), f"expected true or false, got {_shown(value)}")
    return value


def _check_unique(
    values: Iterable[str], path: _PathSteps, key: str | None, what: str
) -> None:
    """Refuse the second of two equal values in a list, naming where the first one is."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            place = (*path, index, key) if key else (*path, index)
            also = _path_text((*path, first[value]))
            _fail(place, f"duplicate {what} {value!r} (also at {also})")
        first[value] = index


def _plain_mapping(raw: dict[str, Any], key: str, path: _PathSteps) -> dict[str, Any]:
    if key not in raw:
        return {}
    value = _mapping(raw[key], (*path, key))
    _plain(value, (*path, key))
    return value


def _plain(value: Any, path: _PathSteps, depth: int = 0) -> None:
    """Metadata must be plain JSON data, so that ``to_json`` can store it."""
    if depth > _MAX_DEPTH:
        _fail(path, "nested too deeply (is a YAML alias referring to itself?)")
    if isinstance(value, dict):
        for key, item in _mapping(value, path).items():
            _plain(item, (*path, key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _plain(item, (*path, index), depth + 1)
    elif not (value is None or isinstance(value, str | int | float | bool)):
        _fail(path, f"expected text, a number, true/false, a list or a mapping, got {_kind(value)}")
