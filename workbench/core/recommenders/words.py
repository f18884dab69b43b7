"""Words as the recommenders see them: each token of the text with its normalized form, its
proclitics and its stem (the normalized word without them), grouped in sentences.

Proclitics are split as ``workbench.core.proclitics`` splits them. Stripping is the same for a
gazetteer entry and for the text, so والموصل, بالموصل and الموصل all meet on موصل.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from workbench.core.normalize import normalize_query
from workbench.core.proclitics import split_proclitics
from workbench.core.snapping import is_filler_token
from workbench.core.tokens import Token, sentence_spans, tokenize

FORMS_KEPT = 1 << 15
"""Words whose forms ``word_of`` keeps (a few megabytes)."""


class Word(NamedTuple):
    """A token with its forms (module docstring). A tuple, made three times as fast as a frozen
    dataclass: every token of the texts a recommender reads is one, millions of them."""

    start: int
    end: int
    text: str
    normalized: str
    proclitics: str
    stem: str


def word_of(token: Token) -> Word:
    return Word(token.start, token.end, token.text, *_forms(token.text))


@lru_cache(maxsize=FORMS_KEPT)
def _forms(text: str) -> tuple[str, str, str]:
    """A word's normalized form, proclitics and stem, kept for the words met most: a text's
    words repeat (news has a few thousand words for most of its tokens), and finding them again
    for each token was most of a recommender's training and evaluation (``recommend --evaluate``
    on 2,000 documents: 5 million tokens, 64 of its 118 s under a profiler)."""
    normalized = normalize_query(text)
    proclitics, stem = split_proclitics(normalized)
    return normalized, proclitics, stem


def sentences_of(text: str) -> list[list[Word]]:
    """The words of each sentence of ``text`` (punctuation kept as words: a CRF reads it)."""
    tokens = tokenize(text)
    sentences: list[list[Word]] = []
    index = 0
    for _, end in sentence_spans(text):
        sentence: list[Word] = []
        while index < len(tokens) and tokens[index].start < end:
            sentence.append(word_of(tokens[index]))
            index += 1
        if sentence:
            sentences.append(sentence)
    if index < len(tokens):
        sentences.append([word_of(token) for token in tokens[index:]])
    return sentences


def stems_of(text: str) -> tuple[str, ...]:
    """The stems of a labelled string's words, fillers (punctuation, tatweel) left out: the key
    a gazetteer files it under."""
    return tuple(word_of(token).stem for token in tokenize(text) if not is_filler_token(token))


def word_tags(words: Sequence[Word], spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags of ``words`` (in text order) for ``spans``: a word belongs to the first span (by
    start, longer first) that it overlaps; a nested or overlapping span after it is left out."""
    tags = ["O"] * len(words)
    ends = [word.end for word in words]
    starts = [word.start for word in words]
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        inside = range(bisect_right(ends, start), bisect_left(starts, end))
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        tags[inside[0]] = f"B-{label}"
        for i in inside[1:]:
            tags[i] = f"I-{label}"
    return tags


def tag_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, past last, label) of the chunks of a tag sequence, read as seqeval's default mode
    (conlleval) reads it: an I- that does not continue a chunk of its label begins one."""
    chunks: list[tuple[int, int, str]] = []
    begun: tuple[int, str] | None = None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = begun is not None and prefix == "I" and label == begun[1]
        if begun is not None and not continues:
            chunks.append((begun[0], index, begun[1]))
            begun = None
        if prefix in ("B", "I") and not continues:
            begun = (index, label)
    return chunks
