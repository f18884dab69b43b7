"""The direction of a text, for placing it where its script reads from."""

from __future__ import annotations

import unicodedata


def is_right_to_left(text: str) -> bool:
    """Whether the first strong character of ``text`` is right-to-left (Arabic, Hebrew)."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
