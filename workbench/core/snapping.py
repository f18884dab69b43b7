"""Turning a raw character selection into the span an annotator meant (DESIGN.md, snapping).

``snap_selection`` is the default: the selection grows to whole tokens, so a clitic stays inside
the span as in ANERcorp, AQMAR and Wojood (``tokenize`` keeps و ف ب ل ك ال attached), and loses
what never belongs at a span's edge: punctuation tokens, tokens of tatweel, invisible (format)
characters or lone diacritics, and invisible characters glued to the first or last word.

``exact_selection`` is for the modifier (Alt): the characters stay as selected, for ACE-style
spans that exclude a clitic, except that a grapheme cluster is never split. A letter keeps its
diacritics, an emoji its modifiers and ZWJ sequence, a flag both regional indicators.
"""

from __future__ import annotations

import unicodedata

from workbench.core import proclitics
from workbench.core.tokens import Token, tokenize, tokens_in

TATWEEL = "\u0640"
ZWJ = "\u200d"
ZWNJ = "\u200c"

NUMERIC_SIGNS = frozenset("%٪‰؉؊")
"""Punctuation by Unicode category, but part of the quantity it follows (50%, ٥٠٪): kept."""

ARABIC_PREPENDED = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u0890\u0891\u08e2")
"""Arabic number signs and the end-of-ayah mark: they stand before the digits they govern and
form one cluster with them."""

_MARK_CATEGORIES = frozenset({"Mn", "Me", "Mc"})
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F3FF + 1)
_TAG_CHARACTERS = range(0xE0020, 0xE007F + 1)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F1FF + 1)
_FIRST_PICTOGRAPHIC_PLANE_CHAR = 0x1F000

Range = tuple[int, int]


def snap_selection(text: str, tokens: list[Token], start: int, end: int) -> Range | None:
    """The whole-token span for the selection ``[start, end)``, or None when nothing is left.

    ``tokens`` are the tokens of ``text`` in text order: ``tokenize(text)``, or any run of them
    that covers the selection. Every token the selection touches is taken whole; then
    punctuation, tatweel-only, invisible-only and mark-only tokens are dropped from both ends,
    and invisible characters and whitespace from the edges of what remains.
    """
    start, end = _clamped(text, start, end)
    if start >= end:
        return None
    kept = _without_filler_at_edges(tokens_in(tokens, start, end))
    if not kept:
        return None
    return _without_invisible_edges(text, kept[0].start, kept[-1].end)


def snap_to_words(text: str, start: int, end: int) -> Range | None:
    """``snap_selection``, tokenizing only the stretch of ``text`` the selection touches.

    Tokens never cross whitespace, so the whitespace-delimited chunks around ``[start, end)``
    give the same tokens as the whole text would: a view snaps a selection in a
    million-character document without tokenizing all of it.
    """
    start, end = _clamped(text, start, end)
    left, right = _chunk_start(text, start), _chunk_end(text, end)
    window = text[left:right]
    found = snap_selection(window, tokenize(window), start - left, end - left)
    return None if found is None else (found[0] + left, found[1] + left)


def exact_selection(text: str, start: int, end: int) -> Range | None:
    """The selection ``[start, end)`` widened to grapheme cluster boundaries, with edge
    whitespace trimmed; None when only whitespace was selected."""
    start, end = _clamped(text, start, end)
    if start >= end:
        return None
    start, end = cluster_start(text, start), cluster_end(text, end)
    while start < end and text[start].isspace():
        start = cluster_end(text, start + 1)
    while end > start and text[cluster_start(text, end - 1)].isspace():
        end = cluster_start(text, end - 1)
    return (start, end) if start < end else None


# -- tokens and characters that never sit at a span's edge --------------------------------------


def is_invisible(char: str) -> bool:
    """Format characters: bidi controls (LRM, RLM, ALM, embeddings, isolates), ZWSP, ZWNJ, ZWJ,
    word joiner, BOM, soft hyphen."""
    return unicodedata.category(char) == "Cf"


def is_filler_token(token: Token) -> bool:
    """A token that carries no word: punctuation, tatweel, invisible characters or lone marks."""
    return all(_is_filler_char(char) for char in token.text)


def _is_filler_char(char: str) -> bool:
    if char in NUMERIC_SIGNS:
        return False
    category = unicodedata.category(char)
    return category[0] == "P" or category in ("Cf", "Mn", "Me") or char == TATWEEL or char.isspace()


def _without_filler_at_edges(tokens: list[Token]) -> list[Token]:
    first, past_last = 0, len(tokens)
    while first < past_last and is_filler_token(tokens[first]):
        first += 1
    while past_last > first and is_filler_token(tokens[past_last - 1]):
        past_last -= 1
    return tokens[first:past_last]


def _without_invisible_edges(text: str, start: int, end: int) -> Range | None:
    while start < end and (is_invisible(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (is_invisible(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return (start, end) if start < end else None


def _chunk_start(text: str, position: int) -> int:
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _chunk_end(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _clamped(text: str, start: int, end: int) -> Range:
    if start > end:
        start, end = end, start
    return max(0, start), min(len(text), end)


# -- grapheme clusters --------------------------------------------------------------------------
# The rules of Unicode's extended grapheme clusters (UAX #29) that occur in Arabic news text: marks
# and joiners extend the character before them, emoji join through ZWJ, regional indicators pair
# up, controls stand alone, Arabic number signs attach to what follows. Hangul syllable rules and
# other scripts' prepended characters are left out. Written here rather
# than taken from the ``regex`` module's \X because that module is only an indirect dependency,
# and \X needs a known cluster boundary to start from, which a position in a 1M-character
# paragraph does not give cheaply; the tests check these rules against \X.


def cluster_start(text: str, position: int) -> int:
    """The start of the grapheme cluster holding ``position`` (``position`` if it is a boundary)."""
    while not is_cluster_boundary(text, position):
        position -= 1
    return position


def cluster_end(text: str, position: int) -> int:
    """The first cluster boundary at or after ``position``."""
    while not is_cluster_boundary(text, position):
        position += 1
    return position


def is_cluster_boundary(text: str, position: int) -> bool:
    """True when a cluster may end before ``text[position]``."""
    if position <= 0 or position >= len(text):
        return True
    char, before = text[position], text[position - 1]
    if _is_control(before) or _is_control(char):
        return True
    if _extends_previous(char) or before in ARABIC_PREPENDED:
        return False
    if before == ZWJ and _is_pictographic(char) and _emoji_before_joiner(text, position - 1):
        return False
    return not (_is_regional_indicator(char) and _odd_regional_indicator_run(text, position))


def _is_control(char: str) -> bool:
    """Line breaks, tabs and format characters other than the joiners: nothing attaches to
    them or across them (a mark after an RLM stands alone)."""
    category = unicodedata.category(char)
    if category == "Cf":
        return (
            char not in (ZWJ, ZWNJ)
            and char not in ARABIC_PREPENDED
            and ord(char) not in _TAG_CHARACTERS
        )
    return category in ("Cc", "Zl", "Zp")


def _extends_previous(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.category(char) in _MARK_CATEGORIES
        or char in (ZWJ, ZWNJ)
        or code in _EMOJI_MODIFIERS
        or code in _TAG_CHARACTERS
    )


def _is_pictographic(char: str) -> bool:
    """Emoji-like: a symbol of category So, or anything from the pictographic blocks on, except
    the regional indicators (they pair among themselves, never through a ZWJ)."""
    if _is_regional_indicator(char):
        return False
    return unicodedata.category(char) == "So" or ord(char) >= _FIRST_PICTOGRAPHIC_PLANE_CHAR


def _emoji_before_joiner(text: str, joiner: int) -> bool:
    """Whether the character before the ZWJ at ``joiner`` (past its own marks/modifiers) is an
    emoji, i.e. the ZWJ glues two emoji into one sequence (👨‍👩‍👧)."""
    position = joiner - 1
    while position >= 0 and _extends_previous(text[position]) and text[position] != ZWJ:
        position -= 1
    return position >= 0 and _is_pictographic(text[position])


def _is_regional_indicator(char: str) -> bool:
    return ord(char) in _REGIONAL_INDICATORS


def _odd_regional_indicator_run(text: str, position: int) -> bool:
    """Whether an odd number of regional indicators directly precedes ``position``: then the one
    at ``position`` completes a flag."""
    count = 0
    while position - count - 1 >= 0 and _is_regional_indicator(text[position - count - 1]):
        count += 1
    return count % 2 == 1


def word_match(text: str, start: int, end: int) -> Range | None:
    """The span a match ``[start, end)`` of a search makes when labelled as a word: the match
    with the proclitics in front of it (بداعش for داعش), as snapping takes a word; None when
    the match is inside a longer word (داعش in الداعشي or داعشية), where labelling it would cut
    that word."""
    snapped = snap_to_words(text, start, end)
    if snapped is None or snapped[1] != _end_with_marks(text, end) or snapped[0] > start:
        return None
    return snapped if is_proclitic_stack(text[snapped[0] : start]) else None


def is_proclitic_stack(prefix: str) -> bool:
    """Whether ``prefix`` (of a word's letters, marks aside) is proclitics only (or nothing),
    as ``core.proclitics`` has them."""
    return proclitics.is_proclitic_stack("".join(c for c in prefix if not _is_mark(c)))


def _end_with_marks(text: str, end: int) -> int:
    while end < len(text) and _is_mark(text[end]):
        end += 1
    return end


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in _MARK_CATEGORIES
