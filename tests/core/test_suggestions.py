"""A word the annotator has labelled is offered no other label (annotators who disagree on it
would otherwise have Enter, Enter give it both)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch

from workbench.core import suggestions as core_suggestions
from workbench.core.normalize import normalize
from workbench.core.suggestions import (
    DocumentSuggestions,
    Suggestion,
    TakenSpans,
    any_overlap,
    hides,
    lexicon_suggestions,
    name_part_places,
    occurrences,
    places_elsewhere,
    same_name,
    word_occurrences,
)

TEXT = "زار بيروت ثم عاد إلى بيروت"
FIRST, SECOND = (4, 9), (21, 26)


def test_a_range_labelled_with_one_label_is_not_offered_another() -> None:
    labelled = [("بيروت", "GPE"), ("بيروت", "LOC")]
    found = lexicon_suggestions(normalize(TEXT), labelled, {(*FIRST, "GPE")}, set())
    assert found == {Suggestion(*SECOND, "GPE"), Suggestion(*SECOND, "LOC")}


def test_labelling_a_range_withdraws_every_label_suggested_on_it() -> None:
    suggestions = DocumentSuggestions()
    suggestions.offer([FIRST, SECOND], "GPE", TakenSpans([]))
    suggestions.offer([FIRST, SECOND], "LOC", TakenSpans([(*SECOND, "ORG")]))
    assert suggestions.offered == {
        Suggestion(*FIRST, "GPE"), Suggestion(*SECOND, "GPE"), Suggestion(*FIRST, "LOC"),
    }
    assert suggestions.withdraw(*FIRST, "ORG")
    assert suggestions.offered == {Suggestion(*SECOND, "GPE")}
    assert not suggestions.withdraw(*FIRST, "ORG")


def test_a_span_hides_suggestions_on_its_range_of_its_label_and_crossing_it() -> None:
    span = (10, 20, "PER")
    assert hides(span, (10, 20, "LOC"))  # its range, any label
    assert hides(span, (10, 15, "PER")) and hides(span, (5, 25, "PER"))  # its label, other ends
    assert hides(span, (15, 25, "LOC"))  # crossing it
    assert not hides(span, (12, 16, "LOC")) and not hides(span, (5, 25, "ORG"))  # maybe nested
    assert not hides(span, (20, 25, "PER"))  # beside it


def test_where_names_never_nest_a_span_hides_every_suggestion_overlapping_it() -> None:
    span = (10, 20, "ORG")
    assert not hides(span, (15, 20, "LOC")) and hides(span, (15, 20, "LOC"), nested=False)
    assert not hides(span, (20, 25, "LOC"), nested=False)
    assert TakenSpans([span], nested=False).hide(5, 25, "PER")
    suggestions = DocumentSuggestions(nested=False)
    suggestions.offer([(15, 20)], "LOC", TakenSpans([]))
    assert suggestions.withdraw(*span) and not suggestions.offered


def test_names_nest_where_two_spans_of_one_set_overlap() -> None:
    assert not any_overlap([[(0, 5, "PER"), (5, 9, "LOC")], [(0, 9, "ORG")]])  # two sets
    assert any_overlap([[(0, 9, "ORG"), (5, 9, "LOC")]])
    assert any_overlap([[(5, 9, "LOC"), (0, 7, "ORG")]])  # crossing, given in any order


def test_labelling_a_name_withdraws_the_suggestions_with_other_ends() -> None:
    suggestions = DocumentSuggestions()
    suggestions.offer([(0, 4), (5, 9), (20, 30)], "PER", TakenSpans([]))
    suggestions.offer([(5, 9)], "LOC", TakenSpans([]))
    assert suggestions.withdraw(0, 9, "PER")
    assert suggestions.offered == {Suggestion(5, 9, "LOC"), Suggestion(20, 30, "PER")}
    suggestions.offer([(2, 6), (22, 25)], "PER", TakenSpans([(0, 9, "PER")]))
    assert Suggestion(2, 6, "PER") not in suggestions.offered
    assert Suggestion(22, 25, "PER") in suggestions.offered


def test_the_opening_suggestions_leave_out_those_the_annotators_spans_hide() -> None:
    text = "زار بيروت ثم عاد إلى شرق بيروت"
    east = (text.index("شرق"), len(text))
    found = lexicon_suggestions(normalize(text), [("بيروت", "GPE")], {(*east, "GPE")}, set())
    assert found == {Suggestion(*FIRST, "GPE")}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 3000), st.sampled_from("AB")), max_size=20),
    st.tuples(st.integers(0, 400), st.integers(1, 40), st.sampled_from("AB")),
)
def test_taken_spans_hide_what_one_of_them_hides(
    spans: list[tuple[int, int, str]], suggestion: tuple[int, int, str]
) -> None:
    ranges = [(start, start + length, label) for start, length, label in spans]
    start, length, label = suggestion
    wanted = any(hides(span, (start, start + length, label)) for span in ranges)
    assert TakenSpans(ranges).hide(start, start + length, label) == wanted


MOSUL = "هاجموا الموصل ثم والموصل وبالموصل، لا الموصلي ولا فلانالموصل"


def places(text: str, phrase: str) -> list[str]:
    return [text[start:end] for start, end in occurrences(normalize(text), *_range(text, phrase))]


def _range(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_a_labelled_word_is_offered_with_the_proclitics_in_front_of_it() -> None:
    """As the word-snapping rule makes a span (and the strings recommender finds it): والموصل
    and بالموصل after الموصل, with their proclitics inside; never the الموصل inside a longer
    word (الموصلي, فلانالموصل)."""
    assert places(MOSUL, "الموصل") == ["والموصل", "وبالموصل"]


def test_a_short_labelled_string_is_offered_only_as_it_stands() -> None:
    text = "لي قال إن ولي العهد وصل"
    found = occurrences(normalize(text), 0, 2)
    assert found == []  # not ولي


def test_an_exact_selection_inside_a_word_is_offered_anywhere() -> None:
    text = "الداعشي والداعشية"
    start = text.index("داعش")
    found = occurrences(normalize(text), start, start + len("داعش"))
    assert [text[s:e] for s, e in found] == ["داعش"]


def test_the_opening_suggestions_take_the_proclitics_too() -> None:
    found = lexicon_suggestions(normalize(MOSUL), [("الموصل", "GPE")], set(), set())
    assert sorted(MOSUL[s.start : s.end] for s in found) == sorted(["الموصل", "والموصل", "وبالموصل"])


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet="الموصلوبفكـَ x", max_size=60))
def test_every_occurrence_ends_a_word_and_holds_the_phrase(text: str) -> None:
    for start, end in word_occurrences(normalize(text), "الموصل"):
        assert end == len(text) or not text[end].isalnum()
        assert start == 0 or not text[start - 1].isalnum()
        assert "الموصل" in text[start:end].replace("َ", "")


suggested = st.builds(
    lambda start, length, label: Suggestion(start, start + length, label),
    st.integers(0, 100),
    st.integers(1, 12),
    st.sampled_from("AB"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(suggested, max_size=30), st.one_of(st.none(), suggested), st.integers(0, 120), st.sampled_from([1, -1]))
def test_the_next_and_previous_suggestions_follow_the_text_order_and_wrap_around(
    offered: list[Suggestion], current: Suggestion | None, position: int, step: int
) -> None:
    suggestions = DocumentSuggestions(offered)
    ordered = sorted(set(offered))
    if step > 0:
        after = [s for s in ordered if (s > current if current else s.start >= position)]
        wanted = after[0] if after else (ordered[0] if ordered else None)
    else:
        before = [s for s in ordered if (s < current if current else s.start < position)]
        wanted = before[-1] if before else (ordered[-1] if ordered else None)
    assert suggestions.following(current, position, step) == wanted
    if current is not None:
        same_range = [s for s in ordered if s[:2] == current[:2]]
        assert suggestions.at(current.start, current.end) == (same_range[0] if same_range else None)


def test_labelling_asks_only_the_suggestions_near_the_span(monkeypatch: MonkeyPatch) -> None:
    """A long document offers tens of thousands of suggestions; a new span must not look at each
    (12 ms for 24,000 on the GUI thread, at every label)."""
    suggestions = DocumentSuggestions()
    suggestions.offer([(10 * n, 10 * n + 5) for n in range(5000)], "PER", TakenSpans([]))
    asked: list[object] = []
    hides = core_suggestions.hides

    def recorded(*given: Any) -> bool:
        asked.append(given)
        return hides(*given)

    monkeypatch.setattr(core_suggestions, "hides", recorded)
    assert suggestions.withdraw(20_000, 20_005, "PER")
    assert Suggestion(20_000, 20_005, "PER") not in suggestions.offered
    assert len(suggestions.offered) == 4999
    assert len(asked) <= 3


def test_a_built_offer_takes_over_with_what_the_annotator_did_meanwhile() -> None:
    """Built from the spans as they were, it leaves out what was labelled and rejected since, and
    keeps what was on offer that the build did not find."""
    first, second, third = Suggestion(*FIRST, "GPE"), Suggestion(*SECOND, "GPE"), Suggestion(30, 35, "PER")
    built = DocumentSuggestions([first, second, Suggestion(40, 45, "ORG")], nested=False, parts=frozenset({"PER"}))
    shown = DocumentSuggestions([third, Suggestion(50, 55, "LOC")])
    shown.reject(Suggestion(40, 45, "ORG"))
    shown.take_over(built, [(*SECOND, "LOC")])
    assert shown.offered == {first, third, Suggestion(50, 55, "LOC")}
    assert shown.rejected == {Suggestion(40, 45, "ORG")}
    assert not shown.nested and shown.parts == {"PER"}
    assert shown.following(None, 0, 1) == first


OBAMA = "قال باراك أوباما إن وأوباما سيزور باراك أوباما ثم الأوباماوي"


def test_a_names_last_word_is_offered_where_it_stands_alone() -> None:
    """أوباما after باراك أوباما, with its proclitics (وأوباما); not inside a longer word, not
    inside the name itself; the one in the name said again is offered too (its span hides it)."""
    start, end = _range(OBAMA, "باراك أوباما")
    found = name_part_places(normalize(OBAMA), start, end)
    assert [OBAMA[s:e] for s, e in found] == ["وأوباما", "أوباما"]
    assert found[1][0] > OBAMA.index("سيزور")


def test_a_single_word_a_cut_word_or_a_short_last_word_offers_no_part() -> None:
    text = "البابا بنديكت ال 16 قال ال"
    assert name_part_places(normalize(text), 0, len("البابا بنديكت ال")) == []  # ال: too short
    assert name_part_places(normalize(OBAMA), *_range(OBAMA, "أوباما")) == []  # one word
    assert name_part_places(normalize(OBAMA), 5, 16) == []  # cuts باراك


def test_the_last_word_is_offered_with_the_occurrences_only_when_asked() -> None:
    start, end = _range(OBAMA, "باراك أوباما")
    normalized = normalize(OBAMA)
    assert places_elsewhere(normalized, start, end, False) == occurrences(normalized, start, end)
    assert len(places_elsewhere(normalized, start, end, True)) == 1 + 2


def test_a_last_word_too_common_to_offer_leaves_the_names_own_places(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(core_suggestions, "MAX_OCCURRENCES", 2)
    start, end = _range(OBAMA, "باراك أوباما")
    normalized = normalize(OBAMA)
    assert places_elsewhere(normalized, start, end, True) == occurrences(normalized, start, end)


def test_the_same_name_is_its_text_with_any_proclitics_folded_as_search_folds_it() -> None:
    text = "زار الموصل ثم والموصل وبالموصل والمَوصل ثم الموصلي وإلى بغداد ببغداد وبغداد"
    words = {match.group(): match.span() for match in re.finditer(r"\S+", text)}
    offered = [Suggestion(*span, "LOC") for span in words.values()] + [Suggestion(*words["والموصل"], "ORG")]
    mosul = Suggestion(*words["الموصل"], "LOC")
    assert [text[s.start : s.end] for s in same_name(text, mosul, offered)] == ["والموصل", "وبالموصل", "والمَوصل"]
    baghdad = Suggestion(*words["بغداد"], "LOC")
    assert [text[s.start : s.end] for s in same_name(text, baghdad, offered)] == ["ببغداد", "وبغداد"]
    assert same_name(text, Suggestion(*words["زار"], "LOC"), offered) == []
