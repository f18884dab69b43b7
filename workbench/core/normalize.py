"""Offset-preserving Arabic normalization for search and matching.

The stored text is never normalized (DESIGN.md, the offset contract). Search runs on a derived
view instead: each source character is mapped on its own to zero, one or several characters,
and every character of the view remembers the source character it came from. A match in the view
therefore maps back to exact source offsets.

What the view folds, per character:

- Arabic marks are removed: camel-tools' ``AR_DIAC_CHARSET`` (harakat, tanwin, shadda, sukun,
  dagger alef) and every other nonspacing mark of the Arabic blocks (U+0610–061A, U+0653–065F,
  the Quranic marks U+06D6–06ED, Arabic Extended-A and -B), plus the small waw and small yeh
  (U+06E5, U+06E6) that act as marks. The non-mark characters inside U+06D6–06ED (end of ayah,
  rub el hizb ۞, place of sajdah) are symbols and are kept.
- Tatweel is removed.
- Alef forms أ إ آ ٱ (and the wavy-hamza alefs U+0672, U+0673) become ا; alef maqsura ى and
  Farsi yeh ی become ي; teh marbuta ة becomes ه; keheh ک becomes ك.
- Arabic-Indic and Persian digits become ASCII digits; the Arabic decimal and thousands
  separators ٫ ٬ become . and ,.
- Presentation forms (U+FB50–FDFF, U+FE70–FEFF) are expanded by NFKC of that one character:
  ﻻ becomes لا, ﷲ becomes الله, and the expansion is then folded like any other text.
- Invisible format characters are removed: zero-width space, ZWNJ, ZWJ, LRM, RLM, ALM, the bidi
  embeddings and isolates, word joiner, soft hyphen, byte-order mark; so are the variation
  selectors U+FE00–FE0F (❤️ matches ❤).
- Space separators (NBSP, thin spaces, ...) become an ASCII space.
- Everything is casefolded (ISIS matches isis).

Hamza seats (ؤ ئ ء) are kept: folding them merges distinct words.

The per-character mapping goes through camel-tools' ``CharMapper``, which maps each code point
independently, and is cached per character, so a long text costs one dict lookup per character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress, repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from camel_tools.utils.charmap import CharMapper


TATWEEL = "\u0640"

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x089F), (0x08A0, 0x08FF))
_SMALL_WAW_AND_YEH = "\u06e5\u06e6"
_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_INVISIBLES = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_VARIATION_SELECTORS = "".join(chr(code) for code in range(0xFE00, 0xFE10))
_LETTER_FOLDS = {
    "\u0622": "\u0627",  # آ -> ا
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0672": "\u0627",  # ٲ -> ا
    "\u0673": "\u0627",  # ٳ -> ا
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # ی -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u06a9": "\u0643",  # ک -> ك
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
}


def _arabic_marks() -> set[str]:
    """The nonspacing marks of the Arabic blocks (camel-tools' ``AR_DIAC_CHARSET`` among them, a
    test checks), and the small waw and yeh."""
    marks = {
        chr(code)
        for first, last in _ARABIC_BLOCKS
        for code in range(first, last + 1)
        if unicodedata.category(chr(code)) == "Mn"
    }
    return marks | set(_SMALL_WAW_AND_YEH)


def _digit_folds() -> dict[str, str]:
    arabic_indic = {chr(0x0660 + value): str(value) for value in range(10)}
    persian = {chr(0x06F0 + value): str(value) for value in range(10)}
    return arabic_indic | persian


def _space_folds() -> dict[str, str]:
    return {
        chr(code): " "
        for code in range(0x80, 0x3001)
        if unicodedata.category(chr(code)) == "Zs"
    }


@cache
def _mapper() -> CharMapper:
    """Built on first use, as the first search or filter asks (a few milliseconds)."""
    from camel_tools.utils.charmap import CharMapper

    removed = _arabic_marks() | {TATWEEL} | set(_INVISIBLES) | set(_VARIATION_SELECTORS)
    charmap = dict.fromkeys(removed, "") | _LETTER_FOLDS | _digit_folds() | _space_folds()
    return CharMapper(charmap)


def _is_presentation_form(char: str) -> bool:
    code = ord(char)
    return any(first <= code <= last for first, last in _PRESENTATION_FORMS)


def _fold_char(char: str) -> str:
    """The normalized form of one source character (may be empty or several characters)."""
    expanded = unicodedata.normalize("NFKC", char) if _is_presentation_form(char) else char
    folded: str = _mapper().map_string(expanded)
    return folded.casefold()


class _FoldCache(dict[str, str]):
    """Source character -> its normalized form, computed on first use."""

    def __missing__(self, char: str) -> str:
        folded = self[char] = _fold_char(char)
        return folded


_FOLDED = _FoldCache()


def _fold_each(text: str) -> Iterator[str]:
    return map(_FOLDED.__getitem__, text)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The normalized view of ``source``: ``source_index[i]`` is the source offset of ``text[i]``."""

    text: str
    source_index: tuple[int, ...] = field(repr=False)
    source: str = field(repr=False)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source range ``[start, end)`` of the normalized range ``[start, end)``.

        A range that starts or ends inside the expansion of one source character (ﻻ -> لا) covers
        that whole character. The end extends over the marks and tatweel that follow the last
        character in the source (removed in the view), so a letter keeps its diacritics.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range [{start}, {end}) is outside 0..{len(self.text)}")
        if start == end:
            position = self.source_index[start] if start < len(self.text) else len(self.source)
            return position, position
        source_start = self.source_index[start]
        source_end = self._extend_over_attached_marks(self.source_index[end - 1] + 1)
        return source_start, source_end

    def covers_whole_characters(self, start: int, end: int) -> bool:
        """True when the normalized range ``[start, end)`` cuts no source character.

        It must not start or end inside the expansion of one source character, and must not be
        followed by a mark the view keeps (é written as e + U+0301): a match ending there would
        split a letter from its mark.
        """
        index = self.source_index
        starts_cleanly = start == 0 or index[start - 1] != index[start]
        ends_cleanly = end == len(index) or (
            index[end] != index[end - 1] and not _is_mark(self.text[end])
        )
        return starts_cleanly and ends_cleanly

    def _extend_over_attached_marks(self, end: int) -> int:
        """Move ``end`` past the removed marks and tatweel that follow it.

        Invisible format characters (RLM, ZWJ, ...) between them are crossed, but never left at
        the end: span edges trim invisible characters.
        """
        extended = end
        position = end
        while position < len(self.source) and not _FOLDED[self.source[position]]:
            position += 1
            if unicodedata.category(self.source[position - 1]) != "Cf":
                extended = position
        return extended


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def normalize(text: str) -> NormalizedText:
    """The normalized view of ``text`` with its map back to source offsets."""
    pieces = list(_fold_each(text))
    return NormalizedText("".join(pieces), _source_index(pieces), text)


def _source_index(pieces: list[str]) -> tuple[int, ...]:
    """Source offset of each normalized character, given each source character's normalized form.

    Nearly every text only keeps or deletes characters; ``compress`` builds that case three times
    faster than repeating each offset by its length.
    """
    lengths = list(map(len, pieces))
    offsets = range(len(pieces))
    if max(lengths, default=0) <= 1:
        return tuple(compress(offsets, lengths))
    return tuple(chain.from_iterable(map(repeat, offsets, lengths)))


def normalize_query(query: str) -> str:
    """The normalized form of a search string (the ``text`` of ``normalize(query)``)."""
    return "".join(_fold_each(query))


def find_all(
    text: str, query: str, normalized: NormalizedText | None = None
) -> list[tuple[int, int]]:
    """Source ranges of the non-overlapping matches of ``query`` in ``text``, in order.

    Matching runs on the normalized views of both. A match that would cut a source character
    (see ``NormalizedText.covers_whole_characters``) is skipped, so that every returned range
    normalizes to exactly the normalized query. Pass ``normalized`` (``normalize(text)``) to
    search the same text repeatedly without normalizing it again. A query that normalizes to
    nothing (empty, only diacritics) matches nothing.
    """
    needle = normalize_query(query)
    if not needle:
        return []
    view = normalize(text) if normalized is None else normalized
    if view.source != text:
        raise ValueError("the normalized view was built from another text")
    return find_needle(view, needle)


def find_needle(view: NormalizedText, needle: str) -> list[tuple[int, int]]:
    """``find_all`` of a query already normalized (``needle``, not empty) in the text of
    ``view``: for a caller that searches many texts for the same queries."""
    matches: list[tuple[int, int]] = []
    start = view.text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if view.covers_whole_characters(start, end):
            matches.append(view.to_source(start, end))
            start = view.text.find(needle, end)
        else:
            start = view.text.find(needle, start + 1)
    return matches
