"""Conversion between code point offsets and UTF-16 code unit positions.

Stored offsets count Unicode code points (Python string indices); Qt counts UTF-16 code units, in
which every character outside the Basic Multilingual Plane (emoji, some symbols) takes two units.
Each such "astral" character therefore shifts every later Qt position by one.

``Utf16Map`` keeps the code point indices of the astral characters of one text, so a conversion
is a bisection: O(log k) for k astral characters. The module functions build a map for a single
conversion; keep a ``Utf16Map`` when converting many positions of the same text.

A UTF-16 position inside a surrogate pair (between the two units of an astral character) maps to
the code point that holds it, i.e. to the start of that character: a cursor can never stand
inside a character in the stored text, and rounding down keeps a selection start on the
character the user pointed at.

A lone surrogate in a Python string (possible with ``surrogateescape`` decoding, never in a
document's stored text) counts as one unit, as it does in a QString.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Code point offsets <-> UTF-16 positions for one text."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        # Code point index, and UTF-16 position of the first unit, of each astral character.
        self._astral_cp = [found.start() for found in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + rank for rank, cp in enumerate(self._astral_cp)]
        self.length = len(text)
        self.utf16_length = self.length + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 position of code point offset ``cp`` (0 <= cp <= len(text))."""
        if not 0 <= cp <= self.length:
            raise ValueError(f"code point offset {cp} is outside 0..{self.length}")
        return cp + bisect.bisect_left(self._astral_cp, cp)

    def from_utf16(self, u16: int) -> int:
        """The code point offset of UTF-16 position ``u16``; inside a surrogate pair, its character."""
        if not 0 <= u16 <= self.utf16_length:
            raise ValueError(f"UTF-16 position {u16} is outside 0..{self.utf16_length}")
        return u16 - bisect.bisect_left(self._astral_u16, u16)


def to_utf16(text: str, cp: int) -> int:
    """The UTF-16 position of code point offset ``cp`` in ``text``."""
    return Utf16Map(text).to_utf16(cp)


def from_utf16(text: str, u16: int) -> int:
    """The code point offset of UTF-16 position ``u16`` in ``text`` (see the module docstring)."""
    return Utf16Map(text).from_utf16(u16)
