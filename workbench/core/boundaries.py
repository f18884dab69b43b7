"""Moving a span's ends by one word or one character, and the words a token cursor steps over.

A word is a token of ``tokens.tokenize`` that carries a word (``snapping.is_filler_token`` is
false): clitics stay attached to their word, as they do when a selection is snapped, so a word
step never strands a و or an ال outside the span, and punctuation is stepped over. A character
step goes by grapheme cluster, so a letter keeps its diacritics. Only the whitespace-delimited
chunks next to the position are tokenized: a step in a million-character document stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from workbench.core.snapping import cluster_end, cluster_start, is_filler_token
from workbench.core.tokens import Token, tokenize

Edge = Literal["start", "end"]
Unit = Literal["word", "character"]
Range = tuple[int, int]

_CHUNK = re.compile(r"\S+")


def moved_edge(text: str, span: Range, edge: Edge, step: int, unit: Unit) -> Range | None:
    """``span`` with its ``edge`` moved one ``unit`` later in the text (``step`` 1) or earlier
    (-1); None when it cannot move that way (the text's edge, or the span would be empty)."""
    start, end = span
    position = start if edge == "start" else end
    if unit == "character":
        moved = _next_cluster(text, position, step)
    else:
        moved = _next_word_edge(text, position, step, edge)
    if moved is None:
        return None
    start, end = (moved, end) if edge == "start" else (start, moved)
    return (start, end) if 0 <= start < end <= len(text) else None


def next_word(text: str, position: int, step: int) -> Range | None:
    """The first word starting at or after ``position`` (``step`` 1), or the last one ending at
    or before it (-1); None when there is none that way."""
    words = words_after(text, position) if step > 0 else words_before(text, position)
    for word in words:
        if (step > 0 and word.start >= position) or (step < 0 and word.end <= position):
            return word.start, word.end
    return None


def word_from(text: str, position: int, step: int) -> Range | None:
    """The word holding ``position``, else the next one (``step`` 1) or the previous one (-1):
    where a token cursor starts from a caret."""
    if step > 0:
        found = next((w for w in words_after(text, position) if w.end > position), None)
    else:
        found = next((w for w in words_before(text, position) if w.start < position), None)
    return None if found is None else (found.start, found.end)


def _next_cluster(text: str, position: int, step: int) -> int | None:
    if step > 0:
        return cluster_end(text, position + 1) if position < len(text) else None
    return cluster_start(text, position - 1) if position > 0 else None


def _next_word_edge(text: str, position: int, step: int, edge: Edge) -> int | None:
    """The nearest word edge of the same kind (a start for a span's start) beyond ``position``."""
    words = words_after(text, position) if step > 0 else words_before(text, position)
    for word in words:
        candidate = word.start if edge == "start" else word.end
        if (step > 0 and candidate > position) or (step < 0 and candidate < position):
            return candidate
    return None


def words_after(text: str, position: int) -> Iterator[Token]:
    """Words in text order, from the one holding ``position`` (or the next) on."""
    left = position
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    for chunk in _CHUNK.finditer(text, left):
        yield from _words_of(chunk.start(), chunk.group())


def words_before(text: str, position: int) -> Iterator[Token]:
    """Words in reverse text order, from the one holding ``position`` (or the one before) back."""
    right = position
    while right < len(text) and not text[right].isspace():
        right += 1
    while right > 0:
        while right > 0 and text[right - 1].isspace():
            right -= 1
        left = right
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        if left < right:
            yield from reversed(list(_words_of(left, text[left:right])))
        right = left


def _words_of(offset: int, chunk: str) -> Iterator[Token]:
    for token in tokenize(chunk):
        if not is_filler_token(token):
            yield Token(token.start + offset, token.end + offset, token.text)
