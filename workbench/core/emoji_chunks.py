"""camel-tools' ``simple_word_tokenize`` of a chunk holding emoji sequences, without camel-tools'
character sets.

Importing ``camel_tools.tokenizers.word`` builds sets of every Unicode letter, mark, number,
punctuation mark and symbol (a million code points scanned): about 35 MB and a third of a second
to a second of the processor, which the annotator's window paid at every start for the rare chunk
this module serves (it held the window at 176-187 MB on a 10,000-document project). The
tokenizer's only use of those sets is to ask whether what its pattern matched at a position is a
punctuation mark or symbol of one character, or an emoji of ``emoji.EMOJI_DATA``: a question
``unicodedata`` and the emoji table answer directly. The loop and the pattern below are
camel-tools 1.6.0's (``camel_tools/tokenizers/word.py``, MIT licence), used only with that release
installed (``tokens._patterns``); with another, camel-tools itself cuts these chunks. They need
``regex`` (for the emoji properties) and ``emoji``: 7 MB, loaded at the first such chunk.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

CAMEL_TOOLS = "1.6.0"
"""The camel-tools release whose tokenizer this is."""

_SYMBOL = (
    r"(?:(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"(?:\u200D(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?))*)"
    r"|(?:[0-9*#]\u20e3)|\p{S}|\p{P})"
)
"""camel-tools' ``_SYMBOLS_RE``: what may be cut at a position, if ``_is_symbol`` agrees."""


def simple_word_tokenize(chunk: str) -> list[str]:
    """The tokens camel-tools gives ``chunk``: each whitespace-delimited word is walked a
    position at a time, and what the symbol pattern matches there is cut out when it is a symbol."""
    tokens: list[str] = []
    symbol = _symbol_pattern()
    for word in chunk.split():
        position = start = 0
        while position < len(word):
            found = symbol.match(word, pos=position)
            if found is not None and _is_symbol(found[0]):
                if position != start:
                    tokens.append(word[start:position])
                tokens.append(found[0])
                position = start = found.end()
                continue
            position += 1
        if start < len(word):
            tokens.append(word[start:])
    return tokens


def _is_symbol(matched: str) -> bool:
    """camel-tools' ``matched in UNICODE_PUNCT_SYMBOL_CHARSET | EMOJI_ALL_CHARSET``: one
    character of a punctuation or symbol category, or an emoji (or emoji sequence) of the table."""
    if len(matched) == 1 and unicodedata.category(matched)[0] in "PS":
        return True
    return matched in _emoji_table()


@cache
def _symbol_pattern() -> regex.Pattern[str]:
    import regex

    return regex.compile(_SYMBOL)


@cache
def _emoji_table() -> frozenset[str]:
    """The emoji and emoji sequences camel-tools knows (its ``EMOJI_ALL_CHARSET``)."""
    from emoji import EMOJI_DATA

    return frozenset(EMOJI_DATA)
