from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.tokens_reference import CHARACTER_SETS, run_fresh
from workbench.core import normalize as normalize_module
from workbench.core.normalize import NormalizedText, find_all, normalize, normalize_query

SENTENCE = (
    "قالت المصادر إن الرَّقَّةِ شهدت الهجـــوم، واعتُقِلَ ٣ أشخاص؛ ﻻ صلة لتنظيم إسلامى\u200f بـ ISIS."
)

LETTERS = ["ا", "ل", "و", "ب", "م", "ر", "ق", "ت", "ه", "ي", "ة", "ى", "أ", "إ", "آ", "ٱ", "ک", "ی"]
MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0654", "\u06e1"]
PIECES = LETTERS + MARKS + [
    "\u0640", "ﻻ", "ﻷ", "ﷲ", "a", "B", "ß", "İ", "e\u0301", "3", "٣", "۳", "٫",
    "\u200c", "\u200d", "\u200e", "\u200f", "\u2067", "\u2069", "\u00ad", "\ufe0f",
    "😀", "👨\u200d👩\u200d👧", "🇮🇶", " ", "\u00a0", "\n", "،", ".", "؟",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)
queries = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join)
words = st.tuples(
    st.sampled_from(LETTERS), st.lists(st.sampled_from(LETTERS + MARKS + ["\u0640"]), max_size=6)
).map(lambda parts: parts[0] + "".join(parts[1]))


def matched(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in find_all(text, query)]


def is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


@given(texts, queries)
def test_every_match_normalizes_to_the_query(text: str, query: str) -> None:
    wanted = normalize_query(query)
    previous_end = 0
    for start, end in find_all(text, query):
        assert previous_end <= start < end <= len(text)
        assert normalize_query(text[start:end]) == wanted
        assert normalize_query(text[start]) != ""
        assert end == len(text) or not is_mark(text[end])
        previous_end = end


@given(texts, st.data())
def test_every_match_of_a_slice_of_the_text_normalizes_to_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    query = text[start : data.draw(st.integers(start, len(text)))]
    for match_start, match_end in find_all(text, query):
        assert normalize_query(text[match_start:match_end]) == normalize_query(query)


@given(texts, words, texts)
def test_a_word_between_spaces_is_found_exactly(before: str, word: str, after: str) -> None:
    text = f"{before} {word} {after}"
    word_start = len(before) + 1
    assert (word_start, word_start + len(word)) in find_all(text, word)


@given(texts)
def test_normalized_view_maps_each_character_to_its_source(text: str) -> None:
    view = normalize(text)
    assert len(view.source_index) == len(view.text)
    assert list(view.source_index) == sorted(view.source_index)
    for index, char in enumerate(view.text):
        assert char in normalize_query(text[view.source_index[index]])


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("الرقة", ["الرَّقَّةِ"]),
        ("الهجوم", ["الهجـــوم"]),
        ("اعتقل", ["اعتُقِلَ"]),
        ("3", ["٣"]),
        ("لا", ["ﻻ", "لا"]),  # the ligature, then inside إسلامى
        ("اسلامي", ["إسلامى"]),
        ("إسلامي", ["إسلامى"]),
        ("isis", ["ISIS"]),
        ("لتنظيم اسلامي", ["لتنظيم إسلامى"]),
        ("اسلامي ب", ["إسلامى\u200f بـ"]),
    ],
)
def test_concrete_matches(query: str, found: list[str]) -> None:
    assert matched(SENTENCE, query) == found


def test_matches_include_the_diacritics_of_the_last_letter() -> None:
    text = "في الرَّقَّةِ. والرَّقَّةِ"
    assert find_all(text, "الرقة") == [(3, 13), (16, 26)]
    assert text[12] == "\u0650"


def test_match_ends_before_an_invisible_character_after_the_marks() -> None:
    text = "الرقةِ\u200f\u200e و"
    assert matched(text, "الرقة") == ["الرقةِ"]


def test_marks_after_an_invisible_character_still_belong_to_the_letter() -> None:
    text = "رقة\u200dِ و"
    assert matched(text, "رقة") == ["رقة\u200dِ"]


def test_decomposed_and_precomposed_hamza_match_each_other() -> None:
    assert matched("أمن وا\u0654من", "أمن") == ["أمن", "ا\u0654من"]


def test_persian_digits_and_arabic_decimal_separator() -> None:
    assert matched("نسبة ٣٫٥ و۳٫۵", "3.5") == ["٣٫٥", "۳٫۵"]


def test_ligature_expands_and_matches_its_letters_only_whole() -> None:
    assert matched("ﷲ ﻷ", "الله") == ["ﷲ"]
    assert matched("ﷲ ﻷ", "لا") == ["ﻷ"]
    assert matched("ﻷ", "ا") == []


def test_a_match_never_splits_a_kept_combining_mark_from_its_letter() -> None:
    assert matched("cafe\u0301 cafe", "cafe") == ["cafe"]


def test_variation_selector_and_joiners_are_ignored() -> None:
    assert matched("قلب \u2764\ufe0f", "\u2764") == ["\u2764\ufe0f"]
    assert matched("👨\u200d👩\u200d👧", "👨👩👧") == ["👨\u200d👩\u200d👧"]


def test_matches_do_not_overlap() -> None:
    assert find_all("ااا", "اا") == [(0, 2)]


@pytest.mark.parametrize("query", ["", "\u064e\u0651", "\u0640\u200f"])
def test_a_query_that_normalizes_to_nothing_matches_nothing(query: str) -> None:
    assert find_all(SENTENCE, query) == []


def test_normalize_query() -> None:
    assert normalize_query("الرَّقَّةِ") == "الرقه"
    assert normalize_query("إسلامى") == "اسلامي"
    assert normalize_query("٢٠٢٢ ۱۴۰۰") == "2022 1400"
    assert normalize_query("ﻻ") == "لا"
    assert normalize_query("ISIS\u00a0Straße") == "isis strasse"
    assert normalize_query("تنظيم\u200f الدولة\u200e") == "تنظيم الدوله"


def test_hamza_seats_are_kept() -> None:
    assert normalize_query("مسؤول سائق") == "مسؤول سائق"


def test_precomputed_view_gives_the_same_matches() -> None:
    view = normalize(SENTENCE)
    assert find_all(SENTENCE, "الرقة", view) == find_all(SENTENCE, "الرقة")


def test_precomputed_view_of_another_text_is_refused() -> None:
    with pytest.raises(ValueError, match="another text"):
        find_all(SENTENCE, "الرقة", normalize("نص آخر"))


def test_to_source_snaps_to_whole_source_characters() -> None:
    view = normalize("aﻻb")  # normalized "aلاb": the ligature covers view offsets 1 and 2
    assert view.text == "aلاb"
    assert view.to_source(2, 3) == (1, 2)
    assert view.to_source(1, 2) == (1, 2)
    assert view.to_source(0, 4) == (0, 3)


def test_to_source_of_an_empty_range() -> None:
    view = normalize("اَب")
    assert view.to_source(1, 1) == (2, 2)
    assert view.to_source(2, 2) == (3, 3)


@pytest.mark.parametrize(("start", "end"), [(-1, 1), (2, 1), (0, 4)])
def test_to_source_refuses_a_range_outside_the_view(start: int, end: int) -> None:
    view: NormalizedText = normalize("اَبت")
    with pytest.raises(ValueError, match="outside"):
        view.to_source(start, end)


def test_camel_tools_arabic_diacritics_are_among_the_marks_removed() -> None:
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    assert set(AR_DIAC_CHARSET) <= normalize_module._arabic_marks()
    assert [normalize_query(mark) for mark in sorted(AR_DIAC_CHARSET)] == [""] * len(AR_DIAC_CHARSET)


def test_normalizing_builds_no_camel_tools_character_sets() -> None:
    """Those sets cost the window 35 MB (every Unicode character, a set per category) and a
    second of the processor; the document list's filter keys are normalized as it opens."""
    printed, loaded = run_fresh(
        "from workbench.core.normalize import normalize_query\nprint(normalize_query('مُحَمَّدٌ'))"
    )
    assert printed == ["محمد"]
    assert CHARACTER_SETS not in loaded
