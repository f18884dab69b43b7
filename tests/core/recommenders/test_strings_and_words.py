"""The words the recommenders read, and the strings recommender (gazetteer)."""

from __future__ import annotations

import random

import pytest
from seqeval.metrics import f1_score

from workbench.core.proclitics import split_proclitics
from workbench.core.recommenders import (
    Recommendation,
    TrainingDocument,
    merged,
    without_rejected,
)
from workbench.core.recommenders.evaluation import exact_scores
from workbench.core.recommenders.gazetteer import gazetteer_of, recommend_strings
from workbench.core.recommenders.words import sentences_of, tag_chunks, word_tags
from workbench.core.suggestions import TakenSpans


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والموصل", ("وال", "موصل")),
        ("بالموصل", ("بال", "موصل")),
        ("للسلام", ("لل", "سلام")),
        ("وبكردستان", ("وب", "كردستان")),
        ("ولد", ("", "ولد")),  # a short word is not taken apart
        ("الي", ("", "الي")),
    ],
)
def test_proclitics_come_off_at_clitic_boundaries_only(word: str, expected: tuple[str, str]) -> None:
    assert split_proclitics(word) == expected


def suggested(labelled: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    gazetteer = gazetteer_of([], labelled)
    return [(text[r.start : r.end], r.label) for r in recommend_strings(gazetteer, sentences_of(text))]


def test_a_labelled_name_is_found_with_its_clitic_inside_the_span() -> None:
    assert suggested([("الموصل", "LOC")], "دخلوا والموصل ثم بالموصل") == [
        ("والموصل", "LOC"),
        ("بالموصل", "LOC"),
    ]


def test_matching_ignores_diacritics_hamza_forms_and_tatweel() -> None:
    text = "قال الرئيسُ إنّ الأُمم المتحـــدة وافقت"
    assert suggested([("الأمم المتحدة", "ORG")], text) == [("الأُمم المتحـــدة", "ORG")]
    assert suggested([("اسامة", "PER")], "التقى أسامة") == [("أسامة", "PER")]


def test_a_name_inside_a_longer_word_is_not_suggested() -> None:
    assert suggested([("داعش", "ORG")], "المسلح الداعشية") == []


def test_label_counts_per_string_and_the_majority_label_wins() -> None:
    gazetteer = gazetteer_of([], [("بغداد", "LOC"), ("بغداد", "LOC"), ("بغداد", "ORG")])
    gazetteer.add("بغداد", "LOC")
    assert gazetteer.label_counts("وبغداد") == {"LOC": 3, "ORG": 1}
    [found] = recommend_strings(gazetteer, sentences_of("في بغداد"))
    assert (found.label, found.score) == ("LOC", 0.75)


def test_each_word_of_an_entry_counts_where_it_stands_in_names() -> None:
    gazetteer = gazetteer_of([], [("محمد علي", "PER"), ("ومحمد البرادعي", "PER"), ("جامعة محمد الخامس", "ORG")])
    assert gazetteer.name_words["محمد"] == {"B-PER": 2, "I-ORG": 1}
    assert gazetteer.name_words["علي"] == {"I-PER": 1} and "جامعه" in gazetteer.name_words


def test_a_string_mostly_left_unlabelled_or_rejected_is_not_suggested() -> None:
    labelled_once = TrainingDocument("الأمل كبير والأمل باق والأمل هنا وبالأمل", [(0, 5, "MISC")])
    assert recommend_strings(gazetteer_of([labelled_once]), sentences_of("الأمل")) == []
    rejected = gazetteer_of([], [("حماس", "ORG")], [("حماس", "ORG")] * 3)
    assert recommend_strings(rejected, sentences_of("حماس")) == []


def test_rejected_and_taken_ranges_are_not_offered_and_merging_prefers_the_first() -> None:
    a = Recommendation(0, 5, "LOC", 0.9, "crf")
    b = Recommendation(3, 8, "ORG", 0.9, "strings")
    c = Recommendation(10, 12, "PER", 0.5, "strings")
    assert merged([a], [b, c]) == [a, c]
    assert without_rejected([a, b, c], {(0, 5, "LOC")}, TakenSpans([(10, 12, "ORG")])) == [b]
    # an ORG labelled over 2-8 settles b (its label, other ends) and a (crossing it)
    assert without_rejected([a, b, c], set(), TakenSpans([(2, 8, "ORG")])) == [c]


def test_word_tags_take_the_first_of_overlapping_spans() -> None:
    [words] = sentences_of("جاء عبدالله الثاني إلى عمان")
    tags = word_tags(words, [(4, 18, "PER"), (12, 18, "LOC"), (23, 27, "LOC")])
    assert tags == ["O", "B-PER", "I-PER", "O", "B-LOC"]


def test_exact_span_f1_is_seqeval_on_random_tag_sequences() -> None:
    rng = random.Random(7)
    tags = ["O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]
    gold, predicted = [], []
    for _ in range(300):
        length = rng.randint(1, 12)
        gold.append([rng.choice(tags) for _ in range(length)])
        predicted.append([rng.choice(tags) for _ in range(length)])
    ours = exact_scores([tag_chunks(g) for g in gold], [tag_chunks(p) for p in predicted])
    assert ours.f1 == pytest.approx(f1_score(gold, predicted))
