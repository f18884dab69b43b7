"""Suggestions: once a string is labelled, its other occurrences in the document are offered with
the same label, to accept or reject one by one (no Qt here).

Occurrences are found as search finds them (diacritics and letter variants folded), and are like
the labelled span: when it is whole words, only whole words are offered (داعش, not the داعش inside
الداعشي), each with the proclitics in front of it, as the word-snapping rule makes a span
(والموصل and بالموصل after الموصل); when it cuts a word (an exact, Alt selection), any occurrence
is. A range the annotator
has labelled already (with any label) is not offered: where annotators disagree (GPE and LOC),
accepting one label takes the word, and Enter moves on to the next word, not to the same word
with the other label. A rejected suggestion is not offered again, even when the same string is
labelled again (the project file keeps the rejections).

A span the annotator has also hides the suggestions it settles (``hides``): those on its range,
those of its label that overlap it (another reading of the same name's ends: جورج against جورج
بوش), and those that cross it. An annotator who labels a name by hand over a suggestion with the
wrong range has nothing left to reject there. A suggestion of another label nested inside the
span or around it stays, in a project whose annotations nest (``any_overlap``: Wojood nests 22%
of its entities); where they never overlap, any overlapping suggestion goes too.

When a document opens, ``lexicon_suggestions`` offers every occurrence as words of the texts
labelled in the project (any annotator's set, gold, imported sets) with their labels; the app
leaves out those its training documents seldom label where they occur (``app.suggestions``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from workbench.core.normalize import NormalizedText, find_all, find_needle, normalize_query
from workbench.core.ordered_ranges import OrderedRanges
from workbench.core.proclitics import without_proclitics
from workbench.core.snapping import is_filler_token, is_proclitic_stack
from workbench.core.tokens import tokenize

Range = tuple[int, int]
LabelledRange = tuple[int, int, str]
"""(start, end, label) of a span, in code points of its document's text."""
MAX_OCCURRENCES = 200
"""More occurrences than this of a labelled string are not offered one by one (a common word):
the annotator is pointed to search and "label all matches" instead."""
Places = dict[str, list[Range] | None]
"""The places in one document of each labelled text, by its normalized form (None: more than
``MAX_OCCURRENCES``)."""


def offered_one_by_one(places: Sequence[Range]) -> bool:
    """Whether a labelled string's ``places`` are few enough to offer one by one (see
    ``MAX_OCCURRENCES``)."""
    return len(places) <= MAX_OCCURRENCES


MIN_LETTERS_WITH_PROCLITICS = 3
"""A labelled string shorter than this is offered only as it stands: لي (a name) must not bring
ولي and فلي."""
MAX_PROCLITICS = 8
"""Characters looked at in front of a match for its proclitics: three letters and their marks."""
NEEDLES_KEPT = 1 << 16
"""Labelled phrases whose normalized form ``word_occurrences`` keeps (a few megabytes)."""


def occurrences(normalized: NormalizedText, start: int, end: int) -> list[Range]:
    """The other places of the text at ``[start, end)`` that are like it (see above)."""
    text = normalized.source
    found = (
        word_occurrences(normalized, text[start:end])
        if is_whole_words(text, start, end)
        else find_all(text, text[start:end], normalized)
    )
    return [place for place in found if place != (start, end)]


def word_occurrences(normalized: NormalizedText, phrase: str) -> list[Range]:
    """The places of ``phrase`` as whole words, each with the proclitics in front of it (see
    above)."""
    needle = _needle(phrase)
    return _needle_occurrences(normalized, needle) if needle else []


def _needle_occurrences(normalized: NormalizedText, needle: str) -> list[Range]:
    """``word_occurrences`` of a phrase normalized (``needle``, not empty)."""
    text = normalized.source
    proclitics = len(needle) >= MIN_LETTERS_WITH_PROCLITICS
    words = (_as_word(text, start, end, proclitics) for start, end in find_needle(normalized, needle))
    return [word for word in words if word is not None]


@lru_cache(maxsize=NEEDLES_KEPT)
def _needle(phrase: str) -> str:
    """A labelled phrase normalized, kept: the window and the recommenders' evaluation look for
    the same thousands of labelled texts in one document after another, and normalizing each
    again, three times a document, was a third of an evaluation of 10,000 documents."""
    return normalize_query(phrase)


def places_elsewhere(normalized: NormalizedText, start: int, end: int, last_word: bool) -> list[Range]:
    """What is offered once the span at ``[start, end)`` is labelled: its other ``occurrences``
    and, with ``last_word`` (its label's names are named by their last word:
    ``gazetteer.part_labels``), the ``name_part_places`` while they all stay few enough to offer
    one by one (a common last word, علي of محمد علي, must not take the name's own places away)."""
    found = occurrences(normalized, start, end)
    if not last_word or not offered_one_by_one(found):
        return found
    with_part = [*found, *name_part_places(normalized, start, end)]
    return with_part if offered_one_by_one(with_part) else found


def name_part_places(
    normalized: NormalizedText, start: int, end: int, known: dict[str, list[Range]] | None = None
) -> list[Range]:
    """The places elsewhere in the document of the last word of the name of two words or more
    at ``[start, end)``, standing as a word of its own (``word_occurrences``): news names a
    person in full once, then by the last name (باراك أوباما, then أوباما). Not for a span that
    cuts a word, nor for a last word of fewer than ``MIN_LETTERS_WITH_PROCLITICS`` letters (ال
    of البابا بنديكت ال 16 is no name); places inside the name itself are left out, those in
    its other occurrences are not (a span there hides them: ``hides``). ``known`` keeps the
    places of each last word found in this document, for the next call: a long document's
    names share their last words, each searched for in the whole text."""
    text = normalized.source
    if not is_whole_words(text, start, end):
        return []
    words = [token for token in tokenize(text[start:end]) if not is_filler_token(token)]
    last_word = normalize_query(words[-1].text) if len(words) >= 2 else ""
    if len(last_word) < MIN_LETTERS_WITH_PROCLITICS:
        return []
    known = {} if known is None else known
    if last_word not in known:
        known[last_word] = word_occurrences(normalized, words[-1].text)
    return [place for place in known[last_word] if not start <= place[0] < end]


def _as_word(text: str, start: int, end: int, proclitics: bool) -> Range | None:
    """The match ``[start, end)`` as a word: itself between word boundaries, or (with
    ``proclitics``) widened to the start of its word when only proclitics precede it there;
    None when it is part of a longer word."""
    if end < len(text) and _in_word(text[end]):
        return None
    word_start = start
    while word_start > max(0, start - MAX_PROCLITICS) and _in_word(text[word_start - 1]):
        word_start -= 1
    if word_start == start:
        return (start, end)
    if not proclitics or (word_start > 0 and _in_word(text[word_start - 1])):
        return None
    return (word_start, end) if is_proclitic_stack(text[word_start:start]) else None


def is_whole_words(text: str, start: int, end: int) -> bool:
    """Neither end of ``[start, end)`` cuts a word: the characters just outside are not letters,
    digits or marks. (A character test rather than snapping to tokens: a common word occurs
    thousands of times in a long document, and this runs for each.)"""
    return not (start > 0 and _in_word(text[start - 1])) and not (end < len(text) and _in_word(text[end]))


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def hides(span: LabelledRange, suggestion: LabelledRange, nested: bool = True) -> bool:
    """Whether the annotator's ``span`` settles ``suggestion`` (see above): same range, or
    overlapping with the same label, or crossing (neither inside the other); any overlap when
    the project's names do not nest (``nested`` False)."""
    start, end, label = span
    other_start, other_end, other_label = suggestion
    if not (start < other_end and other_start < end):
        return False
    if not nested or (start, end) == (other_start, other_end) or label == other_label:
        return True
    inside = start <= other_start and other_end <= end
    around = other_start <= start and end <= other_end
    return not (inside or around)


def same_name(text: str, chosen: Suggestion, offered: Iterable[Suggestion]) -> list[Suggestion]:
    """The ``offered`` suggestions other than ``chosen`` of its label on the same name, in text
    order: what accepting it everywhere in the document accepts with it. The same name is the
    same text with diacritics and letter forms folded, with or without proclitics
    (``proclitics.without_proclitics``: الموصل, والموصل, بالموصل), as its other places are
    offered. Each text is folded once, and only when its last letter is the name's: a long
    document offers tens of thousands of suggestions, of a few thousand texts."""
    name = _NameForms(text[chosen.start : chosen.end])
    length = chosen.end - chosen.start
    return sorted(
        suggestion
        for suggestion in offered
        if suggestion.label == chosen.label
        and suggestion != chosen
        and abs(suggestion.end - suggestion.start - length) <= MAX_PROCLITICS
        and name.is_form(text[suggestion.start : suggestion.end])
    )


class _NameForms:
    """Whether texts are forms of one name (see ``same_name``), each text decided once."""

    def __init__(self, name: str) -> None:
        self._readings = without_proclitics(normalize_query(name))
        self._folds: dict[str, str] = {}
        self._last_letter = self._last_kept(name)
        self._decided: dict[str, bool] = {}

    def is_form(self, text: str) -> bool:
        decided = self._decided.get(text)
        if decided is None:
            decided = self._decided[text] = self._last_kept(text) == self._last_letter and bool(
                self._readings & without_proclitics(normalize_query(text))
            )
        return decided

    def _last_kept(self, text: str) -> str:
        """The last character of ``text`` that folding keeps (marks and tatweel fold to
        nothing), folded."""
        for char in reversed(text):
            folded = self._folds.get(char)
            if folded is None:
                folded = self._folds[char] = normalize_query(char)[-1:]
            if folded:
                return folded
        return ""


class TakenSpans:
    """The annotator's spans on a document (in ``OrderedRanges``, or put in them: 3 ms for 10,000
    spans, where a ``SpanIndex`` takes 20), asked which suggestions they hide."""

    def __init__(self, spans: Iterable[LabelledRange] | OrderedRanges[LabelledRange], nested: bool = True) -> None:
        self._nested = nested
        self._spans = spans if isinstance(spans, OrderedRanges) else OrderedRanges(spans)

    def hide(self, start: int, end: int, label: str) -> bool:
        return any(hides(span, (start, end, label), self._nested) for span in self._spans.near(start, end))


def any_overlap(sets: Iterable[Sequence[LabelledRange]]) -> bool:
    """Whether two spans of one set (an annotator's or gold, on one document) overlap: the
    project nests names (or crosses them), and a suggestion of another label inside a span may
    be right."""
    for spans in sets:
        reach = -1
        for start, end, _ in sorted(spans, key=lambda span: (span[0], -span[1])):
            if start < reach:
                return True
            reach = max(reach, end)
    return False


class Suggestion(NamedTuple):
    """A suggested span: a plain tuple underneath, so that sets and sorted lists of a long
    document's tens of thousands compare and hash them in C."""

    start: int
    end: int
    label: str


class DocumentSuggestions:
    """One document's suggestions on offer, in text order and found by position
    (``OrderedRanges``), and those the annotator rejected. Built off the GUI thread for a
    document as it opens (``lexicon_suggestions``), then changed on it, edit by edit."""

    def __init__(
        self,
        offered: Iterable[Suggestion] = (),
        rejected: Iterable[Suggestion] = (),
        nested: bool = True,
        parts: frozenset[str] = frozenset(),
    ) -> None:
        self._offered: OrderedRanges[Suggestion] = OrderedRanges(offered)
        self.rejected = set(rejected)
        self.nested = nested
        """Whether the project's names nest (``hides``); known once the document's offer is built."""
        self.parts = parts
        """The labels whose names' last words are offered once a name is labelled
        (``places_elsewhere``); known once the document's offer is built."""

    @property
    def offered(self) -> AbstractSet[Suggestion]:
        return self._offered.members

    def offer(self, found: Iterable[Range], label: str, labelled: TakenSpans) -> None:
        """Offer ``label`` on the ``found`` ranges, except those the ``labelled`` spans hide."""
        for start, end in found:
            suggestion = Suggestion(start, end, label)
            if suggestion not in self.rejected and not labelled.hide(start, end, label):
                self._offered.add(suggestion)

    def discard(self, gone: Iterable[Suggestion]) -> None:
        """No longer offer the suggestions ``gone`` (those offered)."""
        for suggestion in gone:
            self._offered.discard(suggestion)

    def withdraw(self, start: int, end: int, label: str) -> list[Suggestion]:
        """A span was labelled (a suggestion accepted, or labelled another way): the suggestions
        it hides go. Returns them (the places to show again)."""
        span = (start, end, label)
        hidden = [s for s in self._offered.near(start, end) if hides(span, s, self.nested)]
        self.discard(hidden)
        return hidden

    def reject(self, suggestion: Suggestion) -> None:
        self.discard([suggestion])
        self.rejected.add(suggestion)

    def take_over(self, built: DocumentSuggestions, labelled_since: Iterable[LabelledRange]) -> None:
        """Offer what was ``built`` off the GUI thread from the annotator's spans as they were
        then, with what happened since: the spans ``labelled_since`` settle theirs, the
        rejections stay, and what was on offer here that the build did not find (a label's
        other places, the stored suggestions) stays: each span labelled or changed since it was
        offered withdrew what it hides (``withdraw``). Only these are looked at, not each of a
        long document's tens of thousands."""
        before, self._offered = self._offered, built._offered
        self.rejected |= built.rejected
        self.nested, self.parts = built.nested, built.parts
        self.discard(self.rejected)
        for span in labelled_since:
            self.withdraw(*span)
        for suggestion in before.members - self.offered - self.rejected:
            self._offered.add(suggestion)

    def at(self, start: int, end: int) -> Suggestion | None:
        """The suggestion on exactly this range, if one is offered (the first label's)."""
        found = self._offered.first_after((start, end))
        return found if found is not None and found[:2] == (start, end) else None

    def overlapping(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions on offer overlapping ``[start, end)``, in text order."""
        return self._offered.overlapping(start, end)

    def following(self, current: Suggestion | None, position: int, step: int) -> Suggestion | None:
        """The next (``step`` 1) or previous (-1) suggestion in text order, wrapping around: after
        ``current`` when there is one, else from the caret ``position``."""
        key: tuple[int | str, ...] = current if current is not None else (position,)
        if step > 0:
            return self._offered.first_after(key) or self._offered.first()
        return self._offered.last_before(key) or self._offered.last()


def lexicon_suggestions(
    normalized: NormalizedText,
    labelled: Iterable[tuple[str, str]],
    taken: Iterable[LabelledRange],
    rejected: AbstractSet[LabelledRange],
    nested: bool = True,
    places: Places | None = None,
) -> set[Suggestion]:
    """Every occurrence as words in the document of each labelled (text, label) (with their
    proclitics: ``word_occurrences``), except those the spans ``taken`` already hide
    (``hides``), the ``rejected`` ones, and texts that occur more than ``MAX_OCCURRENCES``
    times. ``places`` keeps the places of each text found in this document, for the next call:
    they do not change as the annotator labels, and searching a long document for thousands of
    texts takes seconds."""
    spans = TakenSpans(taken, nested)
    places = {} if places is None else places
    needles = {(_needle(phrase), label) for phrase, label in labelled}
    found: set[Suggestion] = set()
    for needle, label in needles:
        if not needle:
            continue
        if needle not in places:
            ranges = _needle_occurrences(normalized, needle)
            places[needle] = ranges if offered_one_by_one(ranges) else None
        found |= {
            Suggestion(start, end, label)
            for start, end in places[needle] or ()
            if (start, end, label) not in rejected and not spans.hide(start, end, label)
        }
    return found
