"""Splitting Arabic proclitics (و ف ب ك ل ال) off the front of a token, for clitic-split exports.

Without a morphological analyser (camel-tools needs downloaded data for one), only clitic stacks
that end in the definite article are split, because there the letters cannot be the word's own:

    (و|ف)? (ب|ك)? ال STEM        والموصل -> و ال موصل,  بالعراق -> ب ال عراق,  كالعادة -> ك ال عادة
    (و|ف)? ل ل STEM              للتنظيم -> ل ل تنظيم (لِ + the article, whose alef is dropped)

STEM must hold at least two letters. A word whose ``ال`` is part of the word (الذي، التي، الله،
الآن ...) keeps it, and والد (father) with its suffixes is not و + ال. A conjunction or preposition
in front of any other word stays attached (وقال، بغداد، فلسطين، وليد): و ف ب ك ل are also root
letters, and telling them apart needs the analyser.

Short vowels and other marks may follow any letter (وَالْمَوْصِلِ); the alef may be ٱ (wasla).
The pieces are exact slices of the token, so offsets stay exact.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from workbench.core.tokens import Token

_MARKS = "[\u064b-\u065f\u0670]*"
"""Harakat, tanwin, shadda, sukun, dagger alef and other Arabic marks."""

_CLITIC_STACK = re.compile(
    f"(?P<conjunction>[وف]{_MARKS})?"
    "(?:"
    f"(?P<preposition>[بك]{_MARKS})?(?P<article>[اٱ]{_MARKS}ل{_MARKS})"
    f"|(?P<lam>ل{_MARKS})(?P<lam_article>ل{_MARKS})"
    ")"
)

_WORDS_WITH_ARTICLE_LETTERS = frozenset(
    {
        "الذي", "التي", "الذين", "اللذان", "اللذين", "اللتان", "اللتين", "اللاتي", "اللائي",
        "اللواتي", "الله", "اللهم", "الآن", "الان", "الا", "الى", "الي",
    }
)  # fmt: skip
"""Words (without marks) that begin with ال or لل but hold no article to split off."""

_FATHER = re.compile("والد(?:ة|ه|ي|ا|ان|ين|يه|يها|يهم|ها|هم|هما|نا|كم|ك|ته|تي|تها|تهم|تنا|تك)?")
"""والد and والدة with their suffixes: one word, not و + ال + د."""


def proclitic_cuts(word: str) -> list[int]:
    """The positions inside ``word`` after each proclitic to split off (empty: keep it whole)."""
    found = _CLITIC_STACK.match(word)
    if found is None or _letter_count(word[found.end() :]) < 2:
        return []
    bare = _without_marks(word)
    if _FATHER.fullmatch(bare):
        return []
    groups = ("conjunction", "preposition", "article", "lam", "lam_article")
    cuts = [found.end(name) for name in groups if found.group(name)]
    article_start = found.start("article") if found.group("article") else found.start("lam_article")
    if _article_is_part_of_word(word[article_start:], bool(found.group("lam_article"))):
        cuts = [cut for cut in cuts if cut <= article_start]
    return cuts


def split_proclitics(tokens: Iterable[Token]) -> list[Token]:
    """The tokens with each proclitic split off as a token of its own."""
    pieces: list[Token] = []
    for token in tokens:
        start = 0
        for cut in [*proclitic_cuts(token.text), len(token.text)]:
            pieces.append(Token(token.start + start, token.start + cut, token.text[start:cut]))
            start = cut
    return pieces


def _article_is_part_of_word(rest: str, alef_dropped: bool) -> bool:
    bare = _without_marks(rest)
    return ("ا" + bare if alef_dropped else bare) in _WORDS_WITH_ARTICLE_LETTERS


def _without_marks(text: str) -> str:
    return re.sub(_MARKS, "", text)


def _letter_count(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char).startswith("L"))
