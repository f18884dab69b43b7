"""What is wrong with a file, in the window's language.

The program says a file's problems in the command line's English, each a ``core.errors.Problem``
that keeps the template it was made of and its values ("span {id} [{start}, {end}) says
{text!r} but the text there is {found!r}"). The window says the template's translation (the
context ``ImportProblem``) with the values put back: a value that is a problem of its own is
said the same way, a path is kept left to right (``isolated``), and a text of the file that the
English quotes (``{text!r}``, 'PER') stands between «» (the Arabic quotation marks). The English
window says the command line's words as they are, and so does any window a sentence that is no
``Problem``.

The templates are made outside the window's modules, where lupdate does not look: their
messages in ``workbench_ar.ts`` are written by hand, and ``tests/ui/test_problem_words.py``
fails for a template that has none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.core.errors import Problem
from workbench.ui.i18n import (
    LEFT_TO_RIGHT_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    Language,
    current_language,
    isolated,
)

CONTEXT = "ImportProblem"


def problem_words(problem: str) -> str:
    """``problem`` in the window's language, where it is a ``Problem`` and the window is not
    English; else as it is."""
    if not isinstance(problem, Problem) or current_language() is Language.ENGLISH:
        return problem
    return template_words(problem.template, problem.values)


def template_words(template: str, values: Mapping[str, Any]) -> str:
    """A problem's ``template`` in the window's language with its ``values`` put back, for a
    window that names some of them its own way (an event's roles by the schema's names)."""
    translation = QCoreApplication.translate(CONTEXT, template)
    kept_left_to_right = _left_to_right_placeholders(translation)
    words = {name: _value_words(value, name not in kept_left_to_right) for name, value in values.items()}
    return translation.format(**words)


_LEFT_TO_RIGHT_RUN = re.compile(
    f"{LEFT_TO_RIGHT_ISOLATE}([^{POP_DIRECTIONAL_ISOLATE}]*){POP_DIRECTIONAL_ISOLATE}"
)
_PLACEHOLDER_NAME = re.compile(r"\{(\w+)")


def _left_to_right_placeholders(translation: str) -> set[str]:
    """The placeholders a translation puts in a left-to-right isolate of its own ("⁦[{start},
    {end})⁩"): their values need none of their own."""
    runs = _LEFT_TO_RIGHT_RUN.findall(translation)
    return {name for run in runs for name in _PLACEHOLDER_NAME.findall(run)}


def _value_words(value: Any, own_direction: bool) -> Any:
    if isinstance(value, Problem):
        return template_words(value.template, value.values)
    if isinstance(value, PurePath):
        return isolated(str(value))
    if isinstance(value, str):
        return _Quoted(value, own_direction)
    return value


class _Quoted(str):
    """A text of the file: as it is where the template has ``{text}``, between «» where the
    English quotes it (``{text!r}``), with the escapes of Python's quotes (a line break reads
    ``\\n``); either way in its own direction (``isolated``) unless the translation gives it one,
    so that an id such as ``01a24cf4-7482-7f5f`` keeps its order in an Arabic sentence, wrapped or
    not."""

    own_direction: bool

    def __new__(cls, text: str, own_direction: bool) -> _Quoted:
        quoted = super().__new__(cls, text)
        quoted.own_direction = own_direction
        return quoted

    def __format__(self, spec: str) -> str:
        return self._directed(format(str(self), spec))

    def __repr__(self) -> str:
        return f"«{self._directed(repr(str(self))[1:-1])}»"

    def _directed(self, text: str) -> str:
        return isolated(text) if self.own_direction else text
