"""Word tokens and sentence spans with code point offsets into a document's text.

Tokens come from camel-tools' ``simple_word_tokenize`` (data-free: it never touches
``camel_tools.data``). It splits on whitespace, then cuts punctuation, symbols and emoji
sequences out of each whitespace-delimited chunk; clitics stay attached (وبالموصل is one token),
as in ANERcorp, AQMAR and Wojood. Its tokens are plain strings, so each chunk's tokens are
aligned back to offsets; they concatenate to the chunk exactly. Should a future camel-tools
release return tokens that do not, that chunk is cut by ``_fallback_pieces`` instead, so the
tokens stay exact slices of the text in every case.

Speed: camel-tools tries a regular expression at every character, about 0.7 s per million
characters. Chunks are therefore tokenized one at a time: a chunk holding none of the characters
that can begin a punctuation, symbol or emoji token (from camel-tools' own
character sets) is one token without calling camel-tools, and the others are cached, since a long
text repeats most of its punctuated words.

Invisible characters are kept as they are: an RLM next to punctuation becomes a token of its
own, and a lone diacritic after a space is a token. Whoever snaps selections to tokens trims
or skips those.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

Piece = tuple[int, int]
"""A token as a half-open range of code point offsets relative to its chunk."""

_CHUNK = re.compile(r"\S+")
"""Whitespace-delimited chunks. ``\\s`` matches exactly ``str.isspace()``, as ``str.split()``
inside camel-tools does."""


@cache
def _camel_tokenizer() -> tuple[Callable[[str], list[str]], frozenset[str]]:
    """camel-tools' tokenizer, and the first characters of the strings it cuts out of a word (a
    chunk without any of them is returned whole).

    Imported on first use: camel-tools builds its character sets by scanning every Unicode code
    point when it is imported (1.3 to 1.8 s here), which would otherwise delay every start of the
    program. ``warm_up`` loads it ahead of need, e.g. from a background thread.
    """
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.charsets import EMOJI_ALL_CHARSET, UNICODE_PUNCT_SYMBOL_CHARSET

    cut_starts = frozenset(symbol[0] for symbol in UNICODE_PUNCT_SYMBOL_CHARSET | EMOJI_ALL_CHARSET)
    return simple_word_tokenize, cut_starts


def warm_up() -> None:
    """Load camel-tools now rather than at the first tokenization."""
    _camel_tokenizer()

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters ``str.splitlines`` breaks at: each ends a sentence."""

SENTENCE_ENDS = ".!?؟؛"
_CLOSERS = "\"'”’»)]}"
_TERMINATOR_RUN = re.compile(f"[{re.escape(SENTENCE_ENDS)}]+[{re.escape(_CLOSERS)}]*")
_LINE = re.compile(f"[^{re.escape(LINE_BREAKS)}]+")


class Token(NamedTuple):
    """A token: its half-open code point range and its text. A named tuple rather than a frozen
    dataclass because a long document has hundreds of thousands of them, and a tuple is built
    several times faster."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """The word tokens of ``text`` in order, each an exact slice ``text[start:end]``.

    The text between two tokens (and before the first and after the last) is whitespace only.
    """
    return [Token(start, end, text[start:end]) for start, end in token_ranges(text)]


def token_ranges(text: str) -> list[tuple[int, int]]:
    """The tokens of ``tokenize`` as bare ``(start, end)`` ranges: what exports and agreement
    need, at about half the cost of building ``Token`` objects."""
    cut_starts = _camel_tokenizer()[1]
    ranges: list[tuple[int, int]] = []
    for chunk in _CHUNK.finditer(text):
        chunk_start, chunk_text = chunk.start(), chunk.group()
        if cut_starts.isdisjoint(chunk_text):
            ranges.append((chunk_start, chunk.end()))
        else:
            ranges.extend(
                (chunk_start + piece_start, chunk_start + piece_end)
                for piece_start, piece_end in _chunk_pieces(chunk_text)
            )
    return ranges


def tokens_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens sharing at least one code point with ``[start, end)``, in order.

    For an empty range (``start == end``), the token strictly containing that position, if any.
    ``tokens`` must be in text order, as ``tokenize`` returns them.
    """
    first = bisect.bisect_right(tokens, start, key=attrgetter("end"))
    past_last = bisect.bisect_left(tokens, end, key=attrgetter("start"))
    return tokens[first:past_last]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence ranges ``[start, end)`` in order, trimmed of surrounding whitespace.

    A sentence ends at a line break, and after a run of . ! ? ؟ ؛ together with the closing quotes
    and brackets that follow it. A full stop only ends a sentence when whitespace or the end of
    the line follows, so decimals (3.5), abbreviations glued to a name (د.محمد) and URLs do not
    cut one. Sentences holding only whitespace are dropped.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        segment_start = line.start()
        for cut in _sentence_cuts(text, line.start(), line.end()):
            _append_trimmed(spans, text, segment_start, cut)
            segment_start = cut
        _append_trimmed(spans, text, segment_start, line.end())
    return spans


@lru_cache(maxsize=65536)
def _chunk_pieces(chunk: str) -> tuple[Piece, ...]:
    """Token ranges inside one whitespace-free chunk."""
    simple_word_tokenize = _camel_tokenizer()[0]
    pieces = _aligned_pieces(chunk, simple_word_tokenize(chunk))
    return pieces if pieces is not None else _fallback_pieces(chunk)


def _aligned_pieces(chunk: str, words: list[str]) -> tuple[Piece, ...] | None:
    """Offsets of ``words`` inside ``chunk`` if they concatenate to it exactly, else None."""
    pieces: list[Piece] = []
    position = 0
    for word in words:
        if not word or not chunk.startswith(word, position):
            return None
        pieces.append((position, position + len(word)))
        position += len(word)
    return tuple(pieces) if position == len(chunk) else None


def _fallback_pieces(chunk: str) -> tuple[Piece, ...]:
    """Each punctuation or symbol character on its own, the runs between them as words."""
    pieces: list[Piece] = []
    run_start = 0
    for index, char in enumerate(chunk):
        if unicodedata.category(char)[0] in "PS":
            if run_start < index:
                pieces.append((run_start, index))
            pieces.append((index, index + 1))
            run_start = index + 1
    if run_start < len(chunk):
        pieces.append((run_start, len(chunk)))
    return tuple(pieces)


def _sentence_cuts(text: str, line_start: int, line_end: int) -> list[int]:
    """Offsets inside one line after which a sentence ends."""
    cuts: list[int] = []
    for run in _TERMINATOR_RUN.finditer(text, line_start, line_end):
        if _ends_sentence(text, run, line_end):
            cuts.append(run.end())
    return cuts


def _ends_sentence(text: str, run: re.Match[str], line_end: int) -> bool:
    only_full_stops = set(run.group().rstrip(_CLOSERS)) == {"."}
    return not only_full_stops or run.end() == line_end or text[run.end()].isspace()


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
