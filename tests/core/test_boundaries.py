"""Moving a span's ends by a word (clitics stay with their word, punctuation is stepped over) or
by a character (a letter keeps its diacritics), and the token cursor's next word."""

from __future__ import annotations

import pytest

from workbench.core.boundaries import moved_edge, next_word, word_from

TEXT = "قال الرئيس، وبالمدينة الكَبيرة: نعم."


def covering(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_the_end_moves_one_word_later_over_punctuation_with_the_clitics_of_the_next_word() -> None:
    moved = moved_edge(TEXT, covering("الرئيس"), "end", 1, "word")
    assert moved is not None and TEXT[slice(*moved)] == "الرئيس، وبالمدينة"


def test_the_start_moves_one_word_earlier() -> None:
    moved = moved_edge(TEXT, covering("الرئيس"), "start", -1, "word")
    assert moved is not None and TEXT[slice(*moved)] == "قال الرئيس"


def test_a_one_word_span_cannot_lose_its_last_word() -> None:
    assert moved_edge(TEXT, covering("الرئيس"), "end", -1, "word") is None
    assert moved_edge(TEXT, covering("الرئيس"), "start", 1, "word") is None


def test_an_exact_span_inside_a_word_takes_the_whole_word_back_with_its_clitics() -> None:
    start, end = covering("المدينة")
    moved = moved_edge(TEXT, (start, end), "start", -1, "word")
    assert moved is not None and TEXT[slice(*moved)] == "وبالمدينة"


def test_a_character_step_keeps_a_letter_with_its_diacritic() -> None:
    start, end = covering("الكَ")
    moved = moved_edge(TEXT, (start, start + 2), "end", 1, "character")
    assert moved is not None and TEXT[slice(*moved)] == "الكَ"
    shrunk = moved_edge(TEXT, (start, end), "end", -1, "character")
    assert shrunk is not None and TEXT[slice(*shrunk)] == "ال"


@pytest.mark.parametrize(("edge", "step"), [("start", -1), ("end", 1)])
def test_nothing_moves_past_the_text(edge: str, step: int) -> None:
    assert moved_edge(TEXT, (0, len(TEXT)), edge, step, "word") is None  # type: ignore[arg-type]
    assert moved_edge(TEXT, (0, len(TEXT)), edge, step, "character") is None  # type: ignore[arg-type]


def test_the_token_cursor_steps_over_punctuation_both_ways() -> None:
    after = next_word(TEXT, covering("الرئيس")[1], 1)
    assert after is not None and TEXT[slice(*after)] == "وبالمدينة"
    before = next_word(TEXT, covering("وبالمدينة")[0], -1)
    assert before is not None and TEXT[slice(*before)] == "الرئيس"
    assert next_word(TEXT, len(TEXT), 1) is None


def test_a_token_cursor_starts_on_the_word_holding_the_caret() -> None:
    inside = TEXT.index("الرئيس") + 2
    assert word_from(TEXT, inside, 1) == covering("الرئيس")
    assert word_from(TEXT, inside, -1) == covering("الرئيس")
    after_comma = TEXT.index("،") + 1
    assert word_from(TEXT, after_comma, 1) == covering("وبالمدينة")
    assert word_from(TEXT, after_comma, -1) == covering("الرئيس")
