"""A word the annotator has labelled is offered no other label (annotators who disagree on it
would otherwise have Enter, Enter give it both)."""

from __future__ import annotations

from workbench.core.normalize import normalize
from workbench.core.suggestions import DocumentSuggestions, Suggestion, lexicon_suggestions

TEXT = "زار بيروت ثم عاد إلى بيروت"
FIRST, SECOND = (4, 9), (21, 26)


def test_a_range_labelled_with_one_label_is_not_offered_another() -> None:
    labelled = [("بيروت", "GPE"), ("بيروت", "LOC")]
    found = lexicon_suggestions(normalize(TEXT), labelled, {(*FIRST, "GPE")}, set())
    assert found == {Suggestion(*SECOND, "GPE"), Suggestion(*SECOND, "LOC")}


def test_labelling_a_range_withdraws_every_label_suggested_on_it() -> None:
    suggestions = DocumentSuggestions()
    suggestions.offer([FIRST, SECOND], "GPE", set())
    suggestions.offer([FIRST, SECOND], "LOC", {SECOND})
    assert suggestions.offered == {
        Suggestion(*FIRST, "GPE"), Suggestion(*SECOND, "GPE"), Suggestion(*FIRST, "LOC"),
    }
    assert suggestions.withdraw(*FIRST)
    assert suggestions.offered == {Suggestion(*SECOND, "GPE")}
    assert not suggestions.withdraw(*FIRST)
