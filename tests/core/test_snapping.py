"""Snapping selections to whole tokens, and exact selections that keep grapheme clusters whole."""

from __future__ import annotations

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st

from workbench.core.normalize import find_all
from workbench.core.snapping import (
    cluster_end,
    cluster_start,
    exact_selection,
    is_cluster_boundary,
    is_filler_token,
    is_invisible,
    snap_selection,
    snap_to_words,
    word_match,
)
from workbench.core.tokens import Token, tokenize

SENTENCE = "قال: \u200fوبالكتاب، لـ داعش 50% كَتَبَ OPEC+ 🇮🇶 👍🏽 …"


def snapped_text(text: str, start: int, end: int) -> str | None:
    found = snap_selection(text, tokenize(text), start, end)
    return None if found is None else text[found[0] : found[1]]


def test_a_partial_word_grows_to_the_whole_word_with_its_clitics() -> None:
    word = SENTENCE.index("وبالكتاب")
    assert snapped_text(SENTENCE, word + 4, word + 6) == "وبالكتاب"


def test_a_clitic_alone_grows_to_its_word() -> None:
    word = SENTENCE.index("وبالكتاب")
    assert snapped_text(SENTENCE, word, word + 1) == "وبالكتاب"


def test_punctuation_and_invisible_characters_are_trimmed_from_the_edges() -> None:
    start = SENTENCE.index(":")
    end = SENTENCE.index("،") + 1
    assert snapped_text(SENTENCE, start, end) == "وبالكتاب"


def test_punctuation_inside_the_span_stays() -> None:
    start = SENTENCE.index("وبالكتاب")
    end = SENTENCE.index("داعش") + 2
    assert snapped_text(SENTENCE, start, end) == "وبالكتاب، لـ داعش"


def test_a_percent_sign_stays_with_its_number() -> None:
    start = SENTENCE.index("50")
    assert snapped_text(SENTENCE, start, start + 3) == "50%"


def test_diacritics_stay_with_their_word() -> None:
    start = SENTENCE.index("كَتَبَ")
    assert snapped_text(SENTENCE, start + 2, start + 3) == "كَتَبَ"


def test_emoji_are_words_but_ellipsis_is_not() -> None:
    start = SENTENCE.index("🇮🇶")
    assert snapped_text(SENTENCE, start, len(SENTENCE)) == "🇮🇶 👍🏽"


def test_nothing_is_left_of_whitespace_punctuation_or_tatweel() -> None:
    text = "كلمة ، ـــ \u200f … كلمة"
    assert snapped_text(text, 4, len(text) - 4) is None
    assert snapped_text(text, 3, 3) is None


def test_selection_bounds_are_clamped_and_may_come_reversed() -> None:
    assert snapped_text(SENTENCE, 3, -5) == "قال"
    assert snap_selection("كلمة", tokenize("كلمة"), 2, 99) == (0, 4)


def test_exact_selection_keeps_a_clitic_out() -> None:
    word = SENTENCE.index("وبالكتاب")
    assert exact_selection(SENTENCE, word + 1, word + 8) == (word + 1, word + 8)


def test_exact_selection_never_leaves_a_letter_without_its_marks() -> None:
    word = SENTENCE.index("كَتَبَ")
    assert exact_selection(SENTENCE, word + 1, word + 3) == (word, word + 4)


def test_exact_selection_keeps_emoji_sequences_whole() -> None:
    text = "ا🇮🇶 👍🏽 👨\u200d👩\u200d👧 ب"
    assert exact_selection(text, 2, 3) == (1, 3)
    thumbs = text.index("👍")
    assert exact_selection(text, thumbs, thumbs + 1) == (thumbs, thumbs + 2)
    family = text.index("👨")
    assert exact_selection(text, family + 2, family + 3) == (family, family + 5)


def test_exact_selection_trims_whitespace_and_refuses_blank() -> None:
    assert exact_selection(" كلمة \n", 0, 7) == (1, 5)
    assert exact_selection("   ", 0, 3) is None


def test_an_arabic_number_sign_stays_with_its_digits() -> None:
    text = "سنة \u0600١٤٤٥"
    assert exact_selection(text, 5, 9) == (4, 9)


def test_a_zwj_between_arabic_letters_stays_with_the_letter_before_it() -> None:
    text = "ل\u200dا"
    assert exact_selection(text, 0, 1) == (0, 2)
    assert is_cluster_boundary(text, 2)


# -- properties ---------------------------------------------------------------------------------

WORD_PIECES = [
    "وبالكتاب",
    "للتنظيم",
    "داعش",
    "كَتَبَ",
    "مُحَمَّد",
    "لـ",
    "ـــ",
    "OPEC",
    "+",
    "2024",
    "٣٫٥",
    "،",
    "؛",
    ":",
    "«",
    "»",
    "…",
    "%",
    "\u200f",
    "\u200e",
    "\u200d",
    "\u2067",
    "\u2069",
    "🇮🇶",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "\u064e",
    "ال",
    "و",
    "إدلب",
]
SEPARATORS = [" ", " ", " ", "\n", "  ", "\u00a0", "\t"]

texts = st.lists(
    st.tuples(st.sampled_from(WORD_PIECES), st.sampled_from(WORD_PIECES + SEPARATORS)),
    min_size=1,
    max_size=20,
).map(lambda pairs: "".join(a + b for a, b in pairs))

CLUSTER_ALPHABET = (
    "ابتلمنويةىأ"  # letters
    "\u064b\u064c\u064e\u064f\u0650\u0651\u0652\u0670"  # harakat, shadda, dagger alef
    "\u0640\u200d\u200c\u200f\u0600\n a1"  # tatweel, ZWJ, ZWNJ, RLM, number sign, newline, ...
    "👍\U0001f3fd❤\ufe0f\U0001f1ee\U0001f1f6"  # emoji, skin tone, heart + VS16, regional indicators
)
cluster_texts = st.text(alphabet=CLUSTER_ALPHABET, min_size=1, max_size=30)


def selections(text: str) -> st.SearchStrategy[tuple[int, int]]:
    """Non-empty selections ``[start, end)`` inside ``text``."""
    return (
        st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))
        .filter(lambda pair: pair[0] != pair[1])
        .map(lambda pair: (min(pair), max(pair)))
    )


def token_boundaries(tokens: list[Token]) -> tuple[set[int], set[int]]:
    return {t.start for t in tokens}, {t.end for t in tokens}


@given(texts, st.data())
def test_snapped_ranges_start_and_end_on_token_boundaries(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text)
    start, end = data.draw(selections(text))
    found = snap_selection(text, tokens, start, end)
    assume(found is not None)
    assert found is not None
    starts, ends = token_boundaries(tokens)
    # Invisible characters glued to the edge word are the only thing cut from inside a token.
    left = found[0]
    while left not in starts:
        left -= 1
        assert is_invisible(text[left])
    right = found[1]
    while right not in ends:
        assert is_invisible(text[right])
        right += 1


@given(texts, st.data())
def test_snapped_ranges_never_start_or_end_on_whitespace_or_invisibles(
    text: str, data: st.DataObject
) -> None:
    start, end = data.draw(selections(text))
    found = snap_selection(text, tokenize(text), start, end)
    assume(found is not None)
    assert found is not None
    for edge in (text[found[0]], text[found[1] - 1]):
        assert not edge.isspace() and not is_invisible(edge)


@given(texts, st.data())
def test_snapping_is_idempotent(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text)
    start, end = data.draw(selections(text))
    found = snap_selection(text, tokens, start, end)
    assume(found is not None)
    assert found is not None
    assert snap_selection(text, tokens, *found) == found


@given(texts, st.data())
def test_every_word_token_touched_is_inside_the_snapped_range(
    text: str, data: st.DataObject
) -> None:
    tokens = tokenize(text)
    start, end = data.draw(selections(text))
    found = snap_selection(text, tokens, start, end)
    touched_words = [
        t for t in tokens if t.start < end and t.end > start and not is_filler_token(t)
    ]
    if not touched_words:
        assert found is None
        return
    assert found is not None
    for token in touched_words:
        visible = token.text.strip("".join(c for c in token.text if is_invisible(c)))
        assert visible in text[found[0] : found[1]]


@given(texts, st.data())
def test_snapping_around_the_selection_equals_snapping_with_all_tokens(
    text: str, data: st.DataObject
) -> None:
    start, end = data.draw(selections(text))
    assert snap_to_words(text, start, end) == snap_selection(text, tokenize(text), start, end)


def grapheme_boundaries(text: str) -> set[int]:
    return {0} | {cluster.end() for cluster in regex.finditer(r"\X", text)}


@given(cluster_texts)
def test_cluster_boundaries_agree_with_unicode_segmentation(text: str) -> None:
    ours = {position for position in range(len(text) + 1) if is_cluster_boundary(text, position)}
    assert ours == grapheme_boundaries(text)


@given(cluster_texts, st.data())
def test_exact_selection_never_splits_a_base_from_its_marks(text: str, data: st.DataObject) -> None:
    start, end = data.draw(selections(text))
    found = exact_selection(text, start, end)
    assume(found is not None)
    assert found is not None
    boundaries = grapheme_boundaries(text)
    assert found[0] in boundaries and found[1] in boundaries
    first_cluster = text[found[0] : cluster_end(text, found[0] + 1)]
    last_cluster = text[cluster_start(text, found[1] - 1) : found[1]]
    assert not first_cluster.isspace() and not last_cluster.isspace()


@given(cluster_texts, st.data())
def test_exact_selection_keeps_every_selected_visible_character(
    text: str, data: st.DataObject
) -> None:
    start, end = data.draw(selections(text))
    found = exact_selection(text, start, end)
    kept = range(*found) if found else range(0)
    for position in range(start, end):
        if not text[position].isspace():
            assert position in kept or text[cluster_start(text, position)].isspace()
    assert found is None or exact_selection(text, *found) == found


@given(cluster_texts, st.integers(0, 30))
def test_cluster_start_and_end_bracket_the_position(text: str, position: int) -> None:
    position = min(position, len(text))
    assert cluster_start(text, position) <= position <= cluster_end(text, position)


@pytest.mark.parametrize(
    ("word", "labelled"),
    [
        ("داعش", "داعش"),
        ("بداعش", "بداعش"),
        ("وللداعش", "وللداعش"),
        ("الدَّاعِش", "الدَّاعِش"),
        ("الداعشي", None),
        ("بلداعش", None),  # ب then ل is no stack of proclitics (core.proclitics has them all)
        ("كلداعش", None),
        ("الداعشية", None),
        ("داعشية", None),
    ],
)
def test_a_search_match_is_labelled_as_a_word_or_not_at_all(word: str, labelled: str | None) -> None:
    text = f"قال إن {word} هاجم."
    [(start, end)] = find_all(text, "داعش")
    found = word_match(text, start, end)
    assert (text[found[0] : found[1]] if found else None) == labelled
