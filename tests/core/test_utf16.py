from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.utf16 import Utf16Map, from_utf16, to_utf16

# Pieces of text whose UTF-16 length differs from their code point length, or that Qt treats
# specially: emoji (single, ZWJ sequences, flags, skin tones, keycaps), combining marks, tatweel,
# zero-width and bidi controls, Latin and digits inside Arabic.
PIECES = [
    "ا", "ل", "ر", "ق", "ة", "\u064e", "\u0651", "\u0650", "\u0640", "\u0670",
    "a", "Z", "3", "٣", " ", "\n", "\u00a0", "\u2028", ".", "،", "؟",
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2067", "\u2069", "\ufeff",
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇮🇶", "1\ufe0f\u20e3", "𝐀", "\U0010ffff",
    "e\u0301",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(texts)
def test_round_trip_over_every_code_point_offset(text: str) -> None:
    for cp in range(len(text) + 1):
        u16 = to_utf16(text, cp)
        assert u16 == utf16_units(text[:cp])
        assert from_utf16(text, u16) == cp


@given(texts)
def test_map_agrees_with_the_functions(text: str) -> None:
    offsets = Utf16Map(text)
    assert offsets.utf16_length == utf16_units(text)
    for cp in range(len(text) + 1):
        assert offsets.to_utf16(cp) == to_utf16(text, cp)
    for u16 in range(utf16_units(text) + 1):
        assert offsets.from_utf16(u16) == from_utf16(text, u16)


@given(texts)
def test_every_utf16_position_maps_to_the_character_holding_it(text: str) -> None:
    offsets = Utf16Map(text)
    for u16 in range(offsets.utf16_length + 1):
        cp = offsets.from_utf16(u16)
        assert offsets.to_utf16(cp) <= u16
        assert u16 - offsets.to_utf16(cp) <= 1
        assert u16 - offsets.to_utf16(cp) == 0 or ord(text[cp]) > 0xFFFF


def test_emoji_shifts_later_positions_by_one() -> None:
    text = "ا😀ب"
    assert [to_utf16(text, cp) for cp in range(4)] == [0, 1, 3, 4]
    assert [from_utf16(text, u16) for u16 in range(5)] == [0, 1, 1, 2, 3]


def test_middle_of_a_surrogate_pair_maps_to_its_character() -> None:
    text = "🇮🇶x"  # two astral regional indicators, four UTF-16 units, then x
    assert [from_utf16(text, u16) for u16 in range(6)] == [0, 0, 1, 1, 2, 3]


def test_bmp_only_text_is_the_identity() -> None:
    text = "الرَّقَّةِ\u200fABC ٣"
    offsets = Utf16Map(text)
    assert [offsets.to_utf16(cp) for cp in range(len(text) + 1)] == list(range(len(text) + 1))


def test_lone_surrogate_counts_as_one_unit() -> None:
    text = "a\udc80b😀"
    assert to_utf16(text, 3) == 3
    assert to_utf16(text, 4) == 5


def test_empty_text() -> None:
    assert to_utf16("", 0) == 0
    assert from_utf16("", 0) == 0


@pytest.mark.parametrize("cp", [-1, 4, 100])
def test_code_point_offset_out_of_range_is_refused(cp: int) -> None:
    with pytest.raises(ValueError, match="code point offset"):
        to_utf16("a😀b", cp)


@pytest.mark.parametrize("u16", [-1, 5, 100])
def test_utf16_position_out_of_range_is_refused(u16: int) -> None:
    with pytest.raises(ValueError, match="UTF-16 position"):
        from_utf16("a😀b", u16)
