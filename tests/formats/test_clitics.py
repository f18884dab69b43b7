from __future__ import annotations

from itertools import pairwise

import pytest

from workbench.core.tokens import tokenize
from workbench.formats.clitics import proclitic_cuts, split_proclitics


def pieces(word: str) -> list[str]:
    cuts = [0, *proclitic_cuts(word), len(word)]
    return [word[start:end] for start, end in pairwise(cuts)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والموصل", ["و", "ال", "موصل"]),
        ("بالعراق", ["ب", "ال", "عراق"]),
        ("كالعادة", ["ك", "ال", "عادة"]),
        ("فبالأمس", ["ف", "ب", "ال", "أمس"]),
        ("للتنظيم", ["ل", "ل", "تنظيم"]),
        ("وللتنظيم", ["و", "ل", "ل", "تنظيم"]),
        ("الموصل", ["ال", "موصل"]),
        ("وَالْمَوْصِلِ", ["وَ", "الْ", "مَوْصِلِ"]),  # marks stay with their letters
        ("والذي", ["و", "الذي"]),  # the relative pronoun keeps its ال
        ("بالله", ["ب", "الله"]),
    ],
)
def test_clitic_stacks_ending_in_the_article_are_split(word: str, expected: list[str]) -> None:
    assert pieces(word) == expected


@pytest.mark.parametrize(
    "word",
    ["وقال", "بغداد", "فلسطين", "وليد", "لبنان", "والدة", "والده", "الذي", "الى", "ال", "اليه"[:3]],
)
def test_words_whose_first_letters_may_be_their_own_stay_whole(word: str) -> None:
    assert proclitic_cuts(word) == []


def test_split_tokens_are_exact_slices_of_the_text() -> None:
    text = "وصل الجنود وبالموصل، للتحقيق."
    tokens = split_proclitics(tokenize(text))
    assert [t.text for t in tokens] == [
        "وصل",
        "ال",
        "جنود",
        "و",
        "ب",
        "ال",
        "موصل",
        "،",
        "ل",
        "ل",
        "تحقيق",
        ".",
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)
