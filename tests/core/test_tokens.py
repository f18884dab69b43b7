from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import tokens as tokens_module
from workbench.core.tokens import Token, sentence_spans, token_ranges, tokenize, tokens_in

PIECES = [
    # Arabic letters, diacritics, tatweel, a presentation form
    "ا", "ل", "و", "ب", "م", "ص", "ر", "ق", "ة", "ى", "أ", "إ", "\u064e", "\u064f", "\u0650",
    "\u0651", "\u0652", "\u064b", "\u0670", "\u0640", "ﻻ",
    # Latin, ASCII and Arabic-Indic digits, separators inside numbers
    "a", "B", "z", "0", "7", "٣", "٫", "٬", "۵",
    # punctuation and symbols
    "،", "؛", "؟", ".", "!", '"', "«", "»", "(", ")", "-", "#", "_", "%", "/", "$", "…",
    # emoji: single, skin tone, ZWJ sequences (known and unknown), flags, keycap
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "👨\u200d🦰\u200d👩", "🇮🇶", "🇸🇾", "1\ufe0f\u20e3",
    "\u2764\ufe0f",
    # zero-width and bidi controls
    "\u200c", "\u200d", "\u200b", "\u200e", "\u200f", "\u061c", "\u2067", "\u2069", "\ufeff",
    # whitespace
    " ", "  ", "\n", "\t", "\u00a0", "\u202f", "\u2028", "\u3000", "\x1c",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def gaps(text: str, found: list[Token]) -> Iterator[str]:
    """The text before the first token, between tokens, and after the last."""
    position = 0
    for token in found:
        yield text[position : token.start]
        position = token.end
    yield text[position:]


def assert_exact_ordered_slices(text: str, found: list[Token]) -> None:
    for token in found:
        assert 0 <= token.start < token.end <= len(text)
        assert text[token.start : token.end] == token.text
        assert not any(char.isspace() for char in token.text)
    for earlier, later in zip(found, found[1:]):
        assert earlier.end <= later.start
    for gap in gaps(text, found):
        assert gap == "" or gap.isspace()


@given(texts)
def test_tokens_are_exact_ordered_slices_separated_by_whitespace(text: str) -> None:
    assert_exact_ordered_slices(text, tokenize(text))


@given(texts)
def test_tokens_are_those_of_camel_tools(text: str) -> None:
    assert [token.text for token in tokenize(text)] == simple_word_tokenize(text)


@contextmanager
def camel_tools_returning(fake: Callable[[str], list[str]]) -> Iterator[None]:
    """camel-tools' tokenizer replaced by ``fake`` (its character sets kept)."""
    real = tokens_module._camel_tokenizer
    cut_starts = real()[1]
    tokens_module._chunk_pieces.cache_clear()
    tokens_module._camel_tokenizer = lambda: (fake, cut_starts)  # type: ignore[assignment]
    try:
        yield
    finally:
        tokens_module._camel_tokenizer = real  # type: ignore[assignment]
        tokens_module._chunk_pieces.cache_clear()


@given(texts)
def test_fallback_keeps_tokens_exact_when_camel_tools_misaligns(text: str) -> None:
    with camel_tools_returning(lambda chunk: [chunk[::-1], "?"]):
        found = tokenize(text)
    assert_exact_ordered_slices(text, found)
    assert "".join(token.text for token in found) == "".join(text.split())


def test_fallback_cuts_punctuation_and_symbols_out_of_a_chunk() -> None:
    with camel_tools_returning(lambda chunk: ["wrong"]):
        found = tokenize("قال:«نعم»؟ 😀x")
    assert [token.text for token in found] == ["قال", ":", "«", "نعم", "»", "؟", "😀", "x"]


@given(texts)
def test_token_ranges_are_the_tokens_offsets(text: str) -> None:
    assert token_ranges(text) == [(token.start, token.end) for token in tokenize(text)]


def test_clitics_stay_attached() -> None:
    assert [token.text for token in tokenize("وبالموصل وللسفير فالجيش")] == [
        "وبالموصل",
        "وللسفير",
        "فالجيش",
    ]


def test_punctuation_is_split_off_and_offsets_are_exact() -> None:
    text = "قال: «نعم»، ثم سأل؟"
    assert tokenize(text) == [
        Token(0, 3, "قال"),
        Token(3, 4, ":"),
        Token(5, 6, "«"),
        Token(6, 9, "نعم"),
        Token(9, 10, "»"),
        Token(10, 11, "،"),
        Token(12, 14, "ثم"),
        Token(15, 18, "سأل"),
        Token(18, 19, "؟"),
    ]


def test_diacritics_and_tatweel_stay_inside_the_word() -> None:
    assert [token.text for token in tokenize("الرَّقَّةِ الهجـــوم")] == ["الرَّقَّةِ", "الهجـــوم"]


@pytest.mark.parametrize("emoji", ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇮🇶", "1\ufe0f\u20e3"])
def test_emoji_is_one_token(emoji: str) -> None:
    text = f"داعش{emoji}الرقة"
    assert [token.text for token in tokenize(text)] == ["داعش", emoji, "الرقة"]


def test_whitespace_only_and_empty_text_have_no_tokens() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\t\u00a0\u2028") == []


def test_tokens_in_returns_the_overlapping_tokens() -> None:
    found = tokenize("قال الجيش، أمس")  # قال 0-3, الجيش 4-9, ، 9-10, أمس 11-14
    assert [token.text for token in tokens_in(found, 5, 7)] == ["الجيش"]
    assert [token.text for token in tokens_in(found, 2, 10)] == ["قال", "الجيش", "،"]
    assert [token.text for token in tokens_in(found, 3, 4)] == []
    assert [token.text for token in tokens_in(found, 0, 14)] == ["قال", "الجيش", "،", "أمس"]


def test_tokens_in_an_empty_range_is_the_token_around_it() -> None:
    found = tokenize("قال الجيش")
    assert [token.text for token in tokens_in(found, 6, 6)] == ["الجيش"]
    assert tokens_in(found, 4, 4) == []
    assert tokens_in(found, 3, 3) == []


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentences_end_after_arabic_and_latin_terminators() -> None:
    text = "هل هاجم التنظيم الرقة؟ نعم؛ هاجمها أمس. ثم انسحب! Really?"
    assert sentences(text) == [
        "هل هاجم التنظيم الرقة؟",
        "نعم؛",
        "هاجمها أمس.",
        "ثم انسحب!",
        "Really?",
    ]


def test_sentences_end_at_line_breaks_and_are_trimmed() -> None:
    text = "  العنوان الأول  \n\nالفقرة الأولى. الجملة الثانية\r\n  \u2028آخر سطر  "
    assert sentences(text) == ["العنوان الأول", "الفقرة الأولى.", "الجملة الثانية", "آخر سطر"]


def test_sentence_spans_are_ordered_and_trimmed() -> None:
    text = "أولاً.  ثانياً؟\tثالثاً"
    spans = sentence_spans(text)
    assert spans == [(0, 6), (8, 15), (16, 22)]


def test_terminator_runs_and_closing_quotes_stay_with_their_sentence() -> None:
    text = 'قال: "انتهى الأمر." ثم غادر...  هل انتهى؟!» نعم'
    assert sentences(text) == ['قال: "انتهى الأمر."', "ثم غادر...", "هل انتهى؟!»", "نعم"]


def test_full_stop_inside_numbers_and_abbreviations_does_not_end_a_sentence() -> None:
    text = "ارتفع بنسبة 3.5% حسب د.محمد في www.example.org اليوم. ثم"
    assert sentences(text) == ["ارتفع بنسبة 3.5% حسب د.محمد في www.example.org اليوم.", "ثم"]


def test_question_mark_ends_a_sentence_even_without_a_space() -> None:
    assert sentences("لماذا؟قال") == ["لماذا؟", "قال"]


def test_blank_and_punctuation_only_lines() -> None:
    assert sentences("") == []
    assert sentences(" \n \n") == []
    assert sentences("...\nنص") == ["...", "نص"]


@given(texts)
def test_sentences_are_ordered_trimmed_and_never_cross_a_line_break(text: str) -> None:
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end <= len(text)
        sentence = text[start:end]
        assert not sentence[0].isspace() and not sentence[-1].isspace()
        assert sentence.splitlines() == [sentence]
        previous_end = end
