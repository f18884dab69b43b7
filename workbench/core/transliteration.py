"""Buckwalter transliteration, so a lead who does not read Arabic script can still check a span.

camel-tools' built-in ``ar2bw`` mapper is data-free (a character map shipped with the package).
Characters it does not know (Latin, digits, emoji, punctuation) pass through unchanged.
"""

from __future__ import annotations

from functools import cache

from camel_tools.utils.charmap import CharMapper


@cache
def _arabic_to_buckwalter() -> CharMapper:
    return CharMapper.builtin_mapper("ar2bw")


def to_buckwalter(text: str) -> str:
    """``text`` in Buckwalter transliteration (e.g. محمد -> mHmd)."""
    return str(_arabic_to_buckwalter()(text))
