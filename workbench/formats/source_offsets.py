"""Offsets given against a foreign file's own text, mapped to the stored text's code points.

Two foreign conventions differ from the workbench's (code points into the text with LF line ends):

- brat, doccano and Label Studio count a CRLF line end as two characters, while the stored text
  holds one LF there (DESIGN.md, the offset contract).
- doccano and Label Studio run in a browser and count UTF-16 code units (doccano#2290,
  label-studio#1347): each character outside the Basic Multilingual Plane (an emoji) counts twice.
  For Arabic text without emoji the two counts agree.

``SourceText`` holds a file's raw text and translates its offsets.
"""

from __future__ import annotations

import bisect
from typing import Literal

from workbench.core.text_io import BOM, canonical_text
from workbench.core.utf16 import Utf16Map

Unit = Literal["code_point", "utf16"]


class SourceText:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = canonical_text(raw)
        # Raw positions of the characters the stored text lacks: a leading byte-order mark and
        # the CR of each CRLF pair.
        self._dropped = ([0] if raw.startswith(BOM) else []) + _crlf_positions(raw)
        self._utf16 = Utf16Map(raw)

    def stored(self, offset: int) -> int:
        """The stored-text offset of a raw code point offset."""
        return offset - bisect.bisect_left(self._dropped, offset)

    def code_point(self, offset: int, unit: Unit) -> int | None:
        """A raw offset in ``unit`` as a raw code point offset; None when out of range or inside a
        character (half of a surrogate pair)."""
        if unit == "code_point":
            return offset if 0 <= offset <= len(self.raw) else None
        if not 0 <= offset <= self._utf16.utf16_length:
            return None
        code_point = self._utf16.from_utf16(offset)
        return code_point if self._utf16.to_utf16(code_point) == offset else None

    def resolve(
        self, start: int, end: int, expected: str | None, units: tuple[Unit, ...]
    ) -> tuple[int, int, Unit] | None:
        """The first reading of ``[start, end)`` in ``units`` that covers ``expected`` (or, without
        an expected text, that is a valid range), as stored-text offsets and the unit used."""
        for unit in units:
            raw_start, raw_end = self.code_point(start, unit), self.code_point(end, unit)
            if raw_start is None or raw_end is None or raw_start >= raw_end:
                continue
            if expected is None or self.raw[raw_start:raw_end] == expected:
                return self.stored(raw_start), self.stored(raw_end), unit
        return None


def _crlf_positions(raw: str) -> list[int]:
    positions = []
    found = raw.find("\r\n")
    while found >= 0:
        positions.append(found)
        found = raw.find("\r\n", found + 2)
    return positions
