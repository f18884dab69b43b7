from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charsets import EMOJI_ALL_CHARSET
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.tokens_reference import (
    CHARACTER_SETS,
    CORPUS_FILES,
    camel_tools_tokens,
    corpus_sentences,
    documents,
    run_fresh,
    seed_articles,
)
from workbench.core import emoji_chunks, token_characters
from workbench.core import tokens as tokens_module
from workbench.core.tokens import (
    LINE_BREAKS,
    SENTENCE_ENDS,
    Token,
    sentence_breaks,
    sentence_spans,
    token_columns,
    token_offsets,
    token_ranges,
    tokenize,
    tokens_in,
)

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

WHITESPACE = [char for char in map(chr, range(0x110000)) if char.isspace()]
EMOJI_SEQUENCE_PARTS = [
    "\u200d", "\ufe0f", "\u20e3", "\U000e007f", "🏴", "#", "*", "1",
    *map(chr, range(0x1F3FB, 0x1F400)),  # skin tones
    *map(chr, range(0x1F1E6, 0x1F200)),  # regional indicators, which pair into flags
    *map(chr, range(0xE0020, 0xE007F)),  # tags, as in the flags of England or Scotland
]  # fmt: skip
BIDI_AND_ZERO_WIDTH = [
    "\u200b", "\u200c", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff", "\u00ad",
    *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)),
]  # fmt: skip
CHARACTERS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # letters, marks, digits, ،؛؟٪
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),  # presentation forms, ﷲ ﷺ
    st.characters(max_codepoint=0x7F),  # Latin, ASCII digits and punctuation, controls
    st.characters(categories=["P", "S"]),  # every punctuation mark and symbol
    st.sampled_from(sorted(EMOJI_ALL_CHARSET)),  # emoji: ZWJ sequences, skin tones, flags, keycaps
    st.sampled_from(EMOJI_SEQUENCE_PARTS),  # and their parts, to join, break and misplace
    st.sampled_from(BIDI_AND_ZERO_WIDTH),
    st.characters(categories=["Cc", "Cf"]),
    st.sampled_from(WHITESPACE),  # every kind: NBSP, U+2028, U+3000, U+001C...
    st.characters(),  # any code point, unassigned ones included
)
any_texts = st.lists(CHARACTERS, max_size=80).map("".join)
JOINERS_IN_BMP = "\u200d\ufe0f\u20e3"
BMP_CHARACTERS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(max_codepoint=0x7F),
    st.sampled_from(WHITESPACE),
    st.sampled_from(BIDI_AND_ZERO_WIDTH),
    st.characters(max_codepoint=0xFFFF, exclude_characters=JOINERS_IN_BMP),
    st.characters(max_codepoint=0xFFFF, categories=["Cs"]),  # lone surrogates
).filter(lambda char: char not in JOINERS_IN_BMP)
bmp_texts = st.lists(BMP_CHARACTERS, max_size=120).map("".join)
"""Texts the array path tokenizes: the Basic Multilingual Plane without joiners of emoji."""


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
    for earlier, later in pairwise(found):
        assert earlier.end <= later.start
    for gap in gaps(text, found):
        assert gap == "" or gap.isspace()


def assert_camel_tools_tokens(text: str) -> None:
    found = tokenize(text)
    assert found == camel_tools_tokens(text)
    assert token_ranges(text) == [(token.start, token.end) for token in found]


@given(texts)
def test_tokens_are_exact_ordered_slices_separated_by_whitespace(text: str) -> None:
    assert_exact_ordered_slices(text, tokenize(text))


@given(texts)
def test_tokens_are_those_of_camel_tools(text: str) -> None:
    assert [token.text for token in tokenize(text)] == simple_word_tokenize(text)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_texts)
def test_tokens_and_offsets_are_camel_tools_on_any_text(text: str) -> None:
    assert_camel_tools_tokens(text)


@pytest.mark.parametrize("name", CORPUS_FILES)
@pytest.mark.parametrize("glued", [False, True], ids=["spaced", "glued"])
def test_tokens_are_camel_tools_on_the_corpora(shared_dir: Path, name: str, glued: bool) -> None:
    """Each corpus rebuilt into documents of about 3,000 characters: its tokens spaced as in the
    file, then with the punctuation glued to the words as news is written."""
    path = shared_dir / "corpora" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    for document in documents(corpus_sentences(path, glued), 3000):
        assert_camel_tools_tokens(document)


@pytest.mark.parametrize("article", seed_articles())
def test_tokens_are_camel_tools_on_the_seed_articles(article: str) -> None:
    assert_camel_tools_tokens(article)


def test_a_chunk_with_an_emoji_sequence_leaves_the_text_around_it_exact() -> None:
    text = "قال، 👨\u200d🦰\u200d👩 «نعم».\n🇮🇶،العراق 1\ufe0f\u20e3x"
    assert_camel_tools_tokens(text)
    assert [token.text for token in tokenize(text)] == [
        "قال", "،", "👨\u200d🦰\u200d", "👩", "«", "نعم", "»", ".", "🇮🇶", "،", "العراق",
        "1\ufe0f\u20e3", "x",
    ]  # fmt: skip



def test_every_emoji_of_the_table_is_cut_as_camel_tools_cuts_it() -> None:
    """Each emoji and emoji sequence camel-tools knows, glued to words, doubled, joined to
    another and broken by a joiner, through the chunks' own loop (``emoji_chunks``)."""
    for emoji in sorted(EMOJI_ALL_CHARSET):
        text = f"قال{emoji}x {emoji}{emoji}، {emoji}\u200d{emoji} ({emoji}\ufe0f)"
        assert emoji_chunks.simple_word_tokenize(text) == simple_word_tokenize(text), text


def test_chunks_with_emoji_sequences_are_cut_without_camel_tools_character_sets() -> None:
    """camel-tools builds sets of every Unicode character as it is imported: 35 MB of the
    window's memory and a second of the processor, for a rare chunk."""
    printed, loaded = run_fresh(
        "from workbench.core.tokens import tokenize\n"
        "print([t.text for t in tokenize('أحب\u2764\ufe0f بلدي 🇮🇶، 👍🏽!')])"
    )
    assert printed == [str(["أحب", "\u2764\ufe0f", "بلدي", "🇮🇶", "،", "👍🏽", "!"])]
    assert CHARACTER_SETS not in loaded


def test_another_camel_tools_release_cuts_those_chunks_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunks' loop is camel-tools 1.6.0's; another release may cut otherwise."""
    assert tokens_module._chunk_tokenizer() is emoji_chunks.simple_word_tokenize
    monkeypatch.setattr(tokens_module, "installed_versions", lambda: ("1.7.0", token_characters.UNICODE))
    assert tokens_module._chunk_tokenizer() is tokens_module._simple_word_tokenize

def test_tokens_camel_tools_would_misplace_are_an_error_not_wrong_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reversing = tokens_module._patterns()._replace(camel_tools=lambda chunk: [chunk[::-1]])
    monkeypatch.setattr(tokens_module, "_patterns", lambda: reversing)
    assert [token.text for token in tokenize("قال، العراق")] == ["قال", "،", "العراق"]
    with pytest.raises(RuntimeError, match="do not concatenate"):
        tokenize("قال 👍🏽العراق")


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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_texts)
def test_token_columns_are_the_tokens_as_three_lists(text: str) -> None:
    tokens = tokenize(text)
    assert token_columns(text) == (
        [t.start for t in tokens], [t.end for t in tokens], [t.text for t in tokens]
    )


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_texts, texts))
def test_sentence_breaks_find_the_first_token_of_every_sentence(text: str) -> None:
    """The first token at or after each break, without repeats, is the first token of each
    sentence of ``sentence_spans``."""
    starts = [token.start for token in tokenize(text)]

    def first_tokens(positions: list[int]) -> list[int]:
        found = {bisect.bisect_left(starts, position) for position in positions}
        return sorted(index for index in found if index < len(starts))

    assert first_tokens(sentence_breaks(text)) == first_tokens(
        [0, *(start for start, _ in sentence_spans(text))]
    )
    assert sentence_breaks(text) == sorted(sentence_breaks(text))


LINE_BREAK_RUN = re.compile(f"[{re.escape(LINE_BREAKS)}]+")
"""A run of line breaks: the next line starts after it."""

SENTENCE_PIECES = [*SENTENCE_ENDS, *"\"'”’»)]}", "…", "ا", "a", "7", " ", "\u00a0", "\n", "\r\n", "\u2028", "\x1c"]
"""Terminators, the closers that may follow them, and what may come after: letters, digits,
whitespace, line breaks."""


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_texts, texts, st.lists(st.sampled_from(SENTENCE_PIECES), max_size=40).map("".join)))
def test_sentence_breaks_are_the_line_starts_and_the_sentence_ends_of_each_line(text: str) -> None:
    """The breaks found over the whole text are those of the line by line walk of
    ``sentence_spans``: the start of the text, the end of each run of line breaks, and each
    line's sentence ends (full stops, and the closers after terminators, included)."""
    line_starts = [0, *(run.end() for run in LINE_BREAK_RUN.finditer(text))]
    sentence_ends = [
        cut
        for line in tokens_module._LINE.finditer(text)
        for cut in tokens_module._sentence_cuts(text, line.start(), line.end())
    ]
    assert sentence_breaks(text) == sorted(line_starts + sentence_ends)


def test_characters_beyond_the_basic_plane_never_break_a_sentence() -> None:
    """Not even those whose last 16 bits are a line break's or a terminator's, nor do they
    hide the terminator after them (the marks are looked up by code point; a lookup that
    wrapped would read U+1002E as a full stop, starting a run there that is no run)."""
    text = "قال\U0001000aالوزير\U0001061f وأضاف\U0001002e! ثم انتهى. و😀\n"
    first_end, second_end = text.index("!") + 1, text.index(".") + 1
    assert sentence_breaks(text) == [0, first_end, second_end, len(text)]
    assert sentence_spans(text) == [
        (0, first_end), (first_end + 1, second_end), (second_end + 1, len(text) - 1)
    ]


def test_the_recorded_characters_are_those_camel_tools_cuts() -> None:
    """The record that spares every export camel-tools' second-long start is camel-tools'
    answer for the installed release; after an upgrade, rewrite it with
    ``python -m workbench.core.token_characters``."""
    recorded = (token_characters.CAMEL_TOOLS, token_characters.UNICODE)
    assert recorded == tokens_module.installed_versions(), "rewrite workbench/core/token_characters.py"
    assert tokens_module.asked_cut_classes() == (token_characters.BASIC, token_characters.BEYOND)


def test_plain_text_is_tokenized_without_building_camel_tools_character_sets() -> None:
    printed, loaded = run_fresh(
        "from workbench.core.tokens import tokenize\nprint([t.text for t in tokenize('قال: (نعم)')])"
    )
    assert printed == [str(["قال", ":", "(", "نعم", ")"])]
    assert [name for name in loaded if name.startswith("camel_tools.")] == []


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bmp_texts)
def test_the_array_path_gives_camel_tools_tokens(text: str) -> None:
    offsets = tokens_module._plain_offsets(text)
    assert offsets is not None
    assert [(token.start, token.end) for token in camel_tools_tokens(text)] == [
        tuple(row) for row in offsets.tolist()
    ]


def test_every_character_of_the_basic_plane_is_cut_or_kept_as_camel_tools_does() -> None:
    """Each character between two letters and between two spaces: the array path's kind table
    against camel-tools itself, for all 65,536 (lone surrogates included)."""
    for code in range(0x10000):
        char = chr(code)
        if char in JOINERS_IN_BMP:
            assert tokens_module._plain_offsets(char) is None
            continue
        for text in (f"x{char}x", f" {char} "):
            offsets = tokens_module._plain_offsets(text)
            assert offsets is not None
            expected = [(token.start, token.end) for token in camel_tools_tokens(text)]
            assert [tuple(row) for row in offsets.tolist()] == expected, hex(code)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_texts, texts, bmp_texts))
def test_token_offsets_are_the_token_ranges(text: str) -> None:
    offsets = token_offsets(text)
    assert offsets.shape == (len(tokenize(text)), 2)
    assert [tuple(row) for row in offsets.tolist()] == [
        (token.start, token.end) for token in camel_tools_tokens(text)
    ]


def test_text_beyond_the_basic_plane_or_with_an_emoji_joiner_takes_the_slower_path() -> None:
    assert tokens_module._plain_offsets("قال 😀") is None
    assert tokens_module._plain_offsets("قال \u2764\ufe0f") is None
    assert tokens_module._plain_offsets("قال: نعم").tolist() == [[0, 3], [3, 4], [5, 8]]  # type: ignore[union-attr]
    assert token_offsets("قال: 😀نعم").tolist() == [[0, 3], [3, 4], [5, 6], [6, 9]]
