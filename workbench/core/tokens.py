"""Word tokens and sentence spans with code point offsets into a document's text.

Tokens are exactly camel-tools' ``simple_word_tokenize`` tokens (data-free: it never touches
``camel_tools.data``). It splits on whitespace, then cuts punctuation, symbols and emoji
sequences out of each whitespace-delimited chunk; clitics stay attached (وبالموصل is one token),
as in ANERcorp, AQMAR and Wojood.

Speed: camel-tools walks each chunk one character at a time, tries a regular expression at
every position (about 1.2 ms per 3,000 characters), and returns strings that must then be placed
back at their offsets. But outside emoji sequences, its decision at a position depends on that
character alone: it cuts the character out of the word or it does not. So camel-tools is asked
once which characters it cuts, and each character of the Basic Multilingual Plane is given its
kind (whitespace, part of a word, cut, or joining an emoji sequence) in a table. A text of such
characters alone is then tokenized in a few array operations over its code points
(``token_offsets``, about 0.02 ms per 3,000 characters): a token starts at a character that is
not whitespace unless it continues a word, and ends likewise. A text holding an emoji sequence or
a character beyond the Basic Multilingual Plane takes the slower path: one compiled pattern built
from the cut characters for its plain chunks, camel-tools' own loop for the chunks holding a
character of ``_JOINERS`` (``emoji_chunks``: without the character sets camel-tools builds as it
is imported). The only strings longer than a character that camel-tools cuts are emoji
sequences (flags, skin tones, ZWJ sequences, keycaps).

Invisible characters are kept as they are: an RLM next to punctuation becomes a token of its
own, and a lone diacritic after a space is a token. Whoever snaps selections to tokens trims
or skips those.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from itertools import accumulate, pairwise
from operator import attrgetter, sub
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from workbench.core import emoji_chunks, token_characters

if TYPE_CHECKING:  # numpy is imported when first needed: the window and the CLI start without it
    from typing import TypeAlias

    import numpy as np
    from numpy.typing import NDArray

    TokenOffsets: TypeAlias = NDArray[np.int64]
    """The tokens of a text as an array of ``(start, end)`` rows, in text order."""

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters ``str.splitlines`` breaks at: each ends a sentence."""

SENTENCE_ENDS = ".!?؟؛"
_CLOSERS = "\"'”’»)]}"
_TERMINATOR_RUN = re.compile(f"[{re.escape(SENTENCE_ENDS)}]+[{re.escape(_CLOSERS)}]*")
_LINE = re.compile(f"[^{re.escape(LINE_BREAKS)}]+")

_JOINERS_IN_BMP = "\u200d\ufe0f\u20e3"  # zero-width joiner, emoji variation selector, keycap
_JOINERS = (
    _JOINERS_IN_BMP
    + "\U0001f3fb-\U0001f3ff"  # skin tones
    + "\U0001f1e6-\U0001f1ff"  # regional indicators, which pair into flags
    + "\U000e0020-\U000e007f"  # tags, as in the flags of England and Scotland
)
"""The characters that join emoji into sequences, as the inside of a character class: out of a
chunk without any of them, camel-tools cuts no string longer than one character, and it decides
at each character on that character alone."""

_BEYOND_BMP = "\U00010000-\U0010ffff"

_BMP_SIZE = 0x10000
_SPACE, _WORD, _CUT, _JOINER = range(4)
"""The kinds of characters in ``_bmp_kinds``."""


_NON_SPACE_RUN = re.compile(r"\S*")
"""In ``re``, ``\\s`` is exactly ``str.isspace()``, which ``str.split()`` in camel-tools uses."""


class Token(NamedTuple):
    """A token: its half-open code point range and its text. A named tuple rather than a frozen
    dataclass because a long document has hundreds of thousands of them, and a tuple is built
    several times faster."""

    start: int
    end: int
    text: str


_new_token = partial(tuple.__new__, Token)
"""``Token`` from a ``(start, end, text)`` tuple, in half the time of ``Token(start, end, text)``
(whose ``__new__`` is Python code): a fifth of the tokenizing time."""

_Piece = TypeVar("_Piece", Token, tuple[int, int])


class _Patterns(NamedTuple):
    spaced_token: re.Pattern[str]
    """The whitespace before a token of a plain chunk, and the token: a character camel-tools
    cuts out of a word, or a run of the others up to whitespace."""
    not_plain: re.Pattern[str]
    """A character that makes its chunk not plain: a joiner of emoji sequences, or a character
    beyond the Basic Multilingual Plane that camel-tools does not cut on its own (a letter of
    another script, say: keeping those out of words keeps the word runs fast)."""
    camel_tools: Callable[[str], list[str]]
    """camel-tools' ``simple_word_tokenize``, for the chunks that are not plain: its loop
    without its character sets (``emoji_chunks``) for the release that loop is of, camel-tools
    itself for another."""


@cache
def _patterns() -> _Patterns:
    """The token patterns, built from the characters camel-tools cuts out of a word.

    Those characters are recorded in ``token_characters`` for the camel-tools release and the
    Unicode data they were asked of: camel-tools builds its character sets by scanning every
    Unicode code point when it is imported (about a second here), which every export would
    otherwise pay, and plain text never needs camel-tools itself. With another release or
    other Unicode data, camel-tools is asked (``warm_up`` does it ahead of need, e.g. from a
    background thread).
    """
    basic, beyond = _cut_classes()
    return _Patterns(
        spaced_token=re.compile(rf"\s*(?:[^\s{basic}{_BEYOND_BMP}]+|[{basic}]|[{beyond}])"),
        not_plain=re.compile(rf"[{_JOINERS_IN_BMP}{_BEYOND_BMP}](?<![{beyond}])"),
        camel_tools=_chunk_tokenizer(),
    )


def _chunk_tokenizer() -> Callable[[str], list[str]]:
    """What cuts the chunks that are not plain (``_Patterns.camel_tools``)."""
    if installed_versions()[0] == emoji_chunks.CAMEL_TOOLS:
        return emoji_chunks.simple_word_tokenize
    return _simple_word_tokenize


def _cut_classes() -> tuple[str, str]:
    """The characters camel-tools cuts, inside and beyond the Basic Multilingual Plane, as the
    insides of two character classes."""
    if installed_versions() == (token_characters.CAMEL_TOOLS, token_characters.UNICODE):
        return token_characters.BASIC, token_characters.BEYOND
    return asked_cut_classes()


def installed_versions() -> tuple[str, str]:
    """The camel-tools release and the Unicode data version its character sets come from.

    The package's own ``__version__`` (read from its VERSION file, which the frozen app bundles;
    importing the bare package costs milliseconds), not the installed metadata."""
    import camel_tools

    return str(camel_tools.__version__), unicodedata.unidata_version


def asked_cut_classes() -> tuple[str, str]:
    """``_cut_classes`` asked of camel-tools itself: the characters it makes a token of
    between two letters."""
    from camel_tools.utils.charsets import EMOJI_ALL_CHARSET, UNICODE_PUNCT_SYMBOL_CHARSET

    joiner = re.compile(f"[{_JOINERS}]")
    cut = sorted(
        char
        for char in UNICODE_PUNCT_SYMBOL_CHARSET | EMOJI_ALL_CHARSET
        if len(char) == 1
        and not joiner.match(char)
        and _simple_word_tokenize(f"x{char}x") == ["x", char, "x"]
    )
    basic = _character_class(char for char in cut if char <= "\uffff")
    beyond = _character_class(char for char in cut if char > "\uffff")
    return basic, beyond


def _simple_word_tokenize(chunk: str) -> list[str]:
    """camel-tools' tokenizer, imported only when first needed (see ``_patterns``)."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    tokens: list[str] = simple_word_tokenize(chunk)
    return tokens


def _character_class(chars: Iterable[str]) -> str:
    """The inside of a ``re`` character class matching ``chars`` (in code point order), as
    ranges: beyond the Basic Multilingual Plane a class is tried one item at a time."""
    runs: list[list[int]] = []
    for code in map(ord, chars):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in runs)


def warm_up() -> None:
    """Build the token patterns and load what cuts a chunk with an emoji sequence now, e.g. from
    a background thread, rather than at the first tokenization of such a chunk."""
    _patterns().camel_tools("\u2764\ufe0f")


def token_offsets(text: str) -> TokenOffsets:
    """The tokens of ``tokenize`` as an array of ``(start, end)`` rows: what exports, the token
    cache and agreement need, without a Python object for each token."""
    import numpy as np

    offsets = _plain_offsets(text)
    if offsets is None:
        ranges = _pieces(text, _plain_ranges, _camel_tools_ranges)
        offsets = np.array(ranges, dtype=np.int64).reshape(len(ranges), 2)
    return offsets


class TextTokens(NamedTuple):
    """What the token-based exports need of a text, and what a project's token cache keeps: the
    starts and ends of ``token_offsets`` and the ``sentence_breaks``, as lists of ints."""

    starts: list[int]
    ends: list[int]
    sentence_breaks: list[int]


def text_tokens(text: str) -> TextTokens:
    return TextTokens(*offset_columns(token_offsets(text)), sentence_breaks(text))


def tokenize(text: str) -> list[Token]:
    """The word tokens of ``text`` in order, each an exact slice ``text[start:end]``: those of
    camel-tools' ``simple_word_tokenize``.

    The text between two tokens (and before the first and after the last) is whitespace only.
    Cut by the compiled pattern, not the array path: the window snaps selections with it, and
    must not wait half a second for numpy (``token_offsets`` is for whole corpora).
    """
    return _pieces(text, _plain_tokens, _camel_tools_tokens)


def token_ranges(text: str) -> list[tuple[int, int]]:
    """The tokens of ``tokenize`` as bare ``(start, end)`` ranges."""
    return list(zip(*offset_columns(token_offsets(text)), strict=True))


def token_columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """The tokens of ``tokenize`` as three lists, their starts, ends and texts: what the
    token-based exports read, without building a ``Token`` for each."""
    starts, ends = offset_columns(token_offsets(text))
    return starts, ends, token_strings(text, starts, ends)


def token_strings(text: str, starts: list[int], ends: list[int]) -> list[str]:
    """The texts of the tokens of ``text`` that start and end there. A comprehension slices
    in the interpreter's own opcode, about a third faster than mapping ``text.__getitem__``
    over slice objects (a call through a method wrapper for each token)."""
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


def offset_columns(offsets: TokenOffsets) -> tuple[list[int], list[int]]:
    """The starts and the ends of ``offsets`` as two lists of ints."""
    starts, ends = offsets.T.tolist()
    return starts, ends


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


def sentence_breaks(text: str) -> list[int]:
    """Where the segments that ``sentence_spans`` trims into sentences begin, in order: 0, after
    each run of line breaks, and after each sentence end. Each sentence begins at the first
    non-whitespace character at or after one of them (a segment of whitespace only gives none),
    so the first token at or after each break is the first token of a sentence: what the
    token-based exports need, at a fraction of the cost of the spans.

    The line breaks and terminators are found in whole-array operations (``_breaking``), and
    each run of terminators is read by ``_TERMINATOR_RUN`` where it starts: the patterns' scan
    of every character of a 3,000-character Arabic text took 85 microseconds, twice as long as
    its tokens (``token_offsets``); this takes about 25."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # beyond the Basic Multilingual Plane, read as U+FFFF ("clip"): none of them breaks
    found = _breaking().take(codes, mode="clip").nonzero()[0].tolist()
    line_ends: list[int] = []
    run_starts: list[int] = []
    after_line_break = after_terminator = -1
    for position in found:
        if text[position] in LINE_BREAKS:
            if position == after_line_break:
                line_ends[-1] = position + 1
            else:
                line_ends.append(position + 1)
            after_line_break = position + 1
        else:
            if position != after_terminator:
                run_starts.append(position)
            after_terminator = position + 1
    end = len(text)  # a run of terminators never crosses a line break, which is whitespace
    runs = (_TERMINATOR_RUN.match(text, start) for start in run_starts)
    cuts = [run.end() for run in runs if run is not None and _ends_sentence(text, run, end)]
    return sorted([0, *line_ends, *cuts])


@cache
def _breaking() -> NDArray[np.bool_]:
    """Which characters of the Basic Multilingual Plane are line breaks or terminators (none
    beyond it is, nor is U+FFFF)."""
    import numpy as np

    breaking = np.zeros(_BMP_SIZE, dtype=np.bool_)
    breaking[[ord(character) for character in LINE_BREAKS + SENTENCE_ENDS]] = True
    return breaking


def _plain_offsets(text: str) -> TokenOffsets | None:
    """``token_offsets`` of a text of characters of the Basic Multilingual Plane without a
    joiner of emoji sequences, in whole-array operations; None for any other text."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    if codes.max() >= _BMP_SIZE:
        return None
    kinds = _bmp_kinds()[codes]
    if kinds.max() == _JOINER:
        return None
    inked = kinds != _SPACE
    words = kinds == _WORD
    joined = words[1:] & words[:-1]  # where the next character continues the word
    starts, ends = inked.copy(), inked
    starts[1:] &= ~joined
    ends[:-1] &= ~joined
    offsets = np.empty((np.count_nonzero(starts), 2), dtype=np.int64)
    offsets[:, 0] = np.flatnonzero(starts)
    offsets[:, 1] = np.flatnonzero(ends)
    offsets[:, 1] += 1
    return offsets


@cache
def _bmp_kinds() -> NDArray[np.uint8]:
    """The kind of every character of the Basic Multilingual Plane: whitespace (``\\s``, as
    ``str.split`` in camel-tools), cut out of words, joining emoji sequences, or part of a word;
    found with the patterns of the slower path, so that both paths agree by construction."""
    import numpy as np

    every = "".join(map(chr, range(_BMP_SIZE)))
    basic, _ = _cut_classes()
    kinds = np.full(_BMP_SIZE, _WORD, dtype=np.uint8)
    for pattern, kind in ((r"\s", _SPACE), (f"[{basic}]", _CUT), (f"[{_JOINERS_IN_BMP}]", _JOINER)):
        kinds[[found.start() for found in re.finditer(pattern, every)]] = kind
    return kinds


def _pieces(
    text: str,
    plain: Callable[[str, int, int], list[_Piece]],
    camel_tools: Callable[[str, int, int], list[_Piece]],
) -> list[_Piece]:
    """The tokens of ``text`` without numpy: of the chunks that are not plain by
    ``camel_tools``, of the text between them by ``plain`` (the compiled pattern)."""
    pieces: list[_Piece] = []
    position = 0
    for chunk_start, chunk_end in _chunks_not_plain(text):
        pieces += plain(text, position, chunk_start)
        pieces += camel_tools(text, chunk_start, chunk_end)
        position = chunk_end
    pieces += plain(text, position, len(text))
    return pieces


def _chunks_not_plain(text: str) -> Iterator[tuple[int, int]]:
    """The ``[start, end)`` of each whitespace-delimited chunk that is not plain (see
    ``_Patterns.not_plain``)."""
    not_plain = _patterns().not_plain
    position = 0
    while (part := not_plain.search(text, position)) is not None:
        start = part.start()
        while start > position and not text[start - 1].isspace():
            start -= 1
        end = _NON_SPACE_RUN.match(text, part.end()).end()  # type: ignore[union-attr]
        yield start, end
        position = end


def _plain_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, whose chunks are all plain."""
    starts, ends, words = _plain_token_parts(text, start, end)
    return list(map(_new_token, zip(starts, ends, words, strict=True)))


def _plain_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    starts, ends, _ = _plain_token_parts(text, start, end)
    return list(zip(starts, ends, strict=True))


def _plain_token_parts(
    text: str, start: int, end: int
) -> tuple[Iterator[int], list[int], list[str]]:
    """The starts, ends and texts of the tokens of ``text[start:end]``, whose chunks are all
    plain; worked out a list at a time, which is several times faster than a token at a time."""
    spaced = _patterns().spaced_token.findall(text, start, end)
    words = list(map(str.lstrip, spaced))
    ends = list(accumulate(map(len, spaced), initial=start))[1:]
    return map(sub, ends, map(len, words)), ends, words


def _camel_tools_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The token ranges of the chunk ``text[start:end]``, cut by camel-tools itself.

    Its tokens are slices of the chunk in order, so they concatenate to it; were that ever not
    so (another camel-tools release), the offsets would be wrong, hence the check.
    """
    chunk = text[start:end]
    words = _patterns().camel_tools(chunk)
    if "".join(words) != chunk:
        raise RuntimeError(f"camel-tools' tokens do not concatenate to the chunk {chunk!r}")
    ends = list(accumulate(map(len, words), initial=start))
    return list(pairwise(ends))


def _camel_tools_tokens(text: str, start: int, end: int) -> list[Token]:
    return [_new_token((s, e, text[s:e])) for s, e in _camel_tools_ranges(text, start, end)]


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
