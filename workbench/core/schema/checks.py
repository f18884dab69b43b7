"""The generic checks on a parsed schema document: a place in it (``_PathSteps``), the failure
that names it (``_Invalid``), and the kinds of value a key may hold.

Every failure is a ``Problem`` whose English words are all in its template, so that a window
says it in its own language: a check that may suggest a close name ("did you mean 'color'?")
picks one of two templates, without it and with it (``_UNKNOWN_KEY``), rather than adding
English words to one."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

from workbench.core.errors import Problem
from workbench.core.schema.model import listing

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_MAX_DEPTH = 32
_ID_RULE = "an id must be ASCII letters, digits, '_', '.' or '-', starting with a letter or digit; got {value}"

_PathSteps = tuple[str | int, ...]
T = TypeVar("T")


class _Invalid(Exception):
    """A problem at a place in the parsed document; the loader adds the file and the line."""

    def __init__(self, path: _PathSteps, problem: Problem) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def _fail(path: _PathSteps, problem: Problem) -> NoReturn:
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


_TEXT = Problem("text")
_A_LIST = Problem("a list")
_A_MAPPING = Problem("a mapping")
_KINDS: tuple[tuple[type | tuple[type, ...], Problem], ...] = (
    (type(None), Problem("nothing (null)")),
    (bool, Problem("true/false")),
    ((int, float), Problem("a number")),
    (str, _TEXT),
    (list, _A_LIST),
    (dict, _A_MAPPING),
)
"""The kinds of value YAML and JSON give, by the words of the schema's messages (a ``bool`` is
an ``int``: it comes first)."""


def _kind(value: Any) -> str:
    """The kind of ``value``; the name of its Python type for a value of none of them (a date)."""
    return next((kind for types, kind in _KINDS if isinstance(value, types)), type(value).__name__)


def _shown(value: Any) -> str:
    """A value for a message: its repr when short and simple (a problem of its own, which a
    window quotes its own way), else its kind."""
    if isinstance(value, str | int | float | bool) and len(repr(value)) <= 40:
        return Problem("{value!r}", value=value)
    return _kind(value)


def _mapping(value: Any, path: _PathSteps, what: Problem = _A_MAPPING) -> dict[str, Any]:
    if not isinstance(value, dict):
        _expected(path, what, value)
    for key in value:
        if not isinstance(key, str):
            _fail(path, Problem("the key {key} must be text (put it in quotes)", key=_shown(key)))
    return value


def _expected(path: _PathSteps, what: Problem, value: Any) -> NoReturn:
    _fail(path, Problem("expected {what}, got {value}", what=what, value=_shown(value)))


def _list(value: Any, path: _PathSteps) -> list[Any]:
    if not isinstance(value, list):
        _expected(path, _A_LIST, value)
    return value


def _each(
    value: Any, path: _PathSteps, read: Callable[[Any, _PathSteps], T], empty: Problem | None = None
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
            close = _suggestion(key, allowed)
            allowed_keys = listing(sorted(allowed))
            _fail((*path, key), Problem(_UNKNOWN_KEY[close is not None], key=key, close=close, allowed=allowed_keys))
    for key in sorted(required):
        if key not in raw:
            _fail(path, Problem("the required key {key!r} is missing", key=key))


_UNKNOWN_KEY = {
    False: "unknown key {key!r}; allowed: {allowed}",
    True: "unknown key {key!r} (did you mean {close!r}?); allowed: {allowed}",
}
"""The templates without a suggestion and with one, by whether there is one."""


def _suggestion(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word``, if one is close enough to suggest; a message with a
    suggestion takes the second of its two templates (keyed by ``close is not None``)."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


def _text(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        _expected((*path, key), _TEXT, value)
    return value


def _optional_text(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    return _text(raw, key, path) if key in raw else ""


def _identifier(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    value = raw[key]
    if not isinstance(value, str) or not _ID.fullmatch(value):
        _fail((*path, key), Problem(_ID_RULE, value=_shown(value)))
    return value


def _flag(raw: dict[str, Any], key: str, path: _PathSteps, *, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        _expected((*path, key), _TRUE_OR_FALSE, value)
    return value


_TRUE_OR_FALSE = Problem("true or false")
_ENTITY_LABEL = Problem("entity label")
_EVENT_TYPE = Problem("event type")
_LABEL = Problem("label")
_NAMES = Problem("a mapping {{en: ..., ar: ...}}")


def _check_unique(
    values: Iterable[str], path: _PathSteps, key: str | None, what: Problem
) -> None:
    """Refuse the second of two equal values in a list, naming where the first one is."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            place = (*path, index, key) if key else (*path, index)
            also = _path_text((*path, first[value]))
            _fail(place, Problem("duplicate {what} {value!r} (also at {also})", what=what, value=value, also=also))
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
        _fail(path, Problem("nested too deeply (is a YAML alias referring to itself?)"))
    if isinstance(value, dict):
        for key, item in _mapping(value, path).items():
            _plain(item, (*path, key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _plain(item, (*path, index), depth + 1)
    elif not (value is None or isinstance(value, str | int | float | bool)):
        _fail(path, Problem(_NOT_PLAIN, kind=_kind(value)))


_NOT_PLAIN = "expected text, a number, true/false, a list or a mapping, got {kind}"
