"""Suggestions: once a string is labelled, its other occurrences in the document are offered with
the same label, to accept or reject one by one (no Qt here).

Occurrences are found as search finds them (diacritics and letter variants folded), and are like
the labelled span: when it is whole words, only whole words are offered (داعش, not the داعش inside
الداعشي); when it cuts a word (an exact, Alt selection), any occurrence is. A range the annotator
has labelled already (with any label) is not offered: where annotators disagree (GPE and LOC),
accepting one label takes the word, and Enter moves on to the next word, not to the same word
with the other label. A rejected suggestion is not offered again, even when the same string is
labelled again (the project file keeps the rejections).

When a document opens, ``lexicon_suggestions`` offers every whole-word occurrence of the texts
labelled in the project (any annotator's set, gold, imported sets) with their labels; the app
leaves out those its training documents seldom label where they occur (``app.suggestions``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.core.normalize import NormalizedText, find_all, normalize_query

Range = tuple[int, int]
MAX_OCCURRENCES = 200
"""More occurrences than this of a labelled string are not offered one by one (a common word):
the annotator is pointed to search and "label all matches" instead."""


def occurrences(normalized: NormalizedText, start: int, end: int) -> list[Range]:
    """The other places of the text at ``[start, end)`` that are like it (see above)."""
    text = normalized.source
    whole_words = is_whole_words(text, start, end)
    return [
        found
        for found in find_all(text, text[start:end], normalized)
        if found != (start, end) and (not whole_words or is_whole_words(text, *found))
    ]


def is_whole_words(text: str, start: int, end: int) -> bool:
    """Neither end of ``[start, end)`` cuts a word: the characters just outside are not letters,
    digits or marks. (A character test rather than snapping to tokens: a common word occurs
    thousands of times in a long document, and this runs for each.)"""
    return not (start > 0 and _in_word(text[start - 1])) and not (end < len(text) and _in_word(text[end]))


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


@dataclass(frozen=True, slots=True, order=True)
class Suggestion:
    start: int
    end: int
    label: str


@dataclass
class DocumentSuggestions:
    """One document's suggestions on offer, and those the annotator rejected."""

    offered: set[Suggestion] = field(default_factory=set)
    rejected: set[Suggestion] = field(default_factory=set)

    def offer(self, found: Iterable[Range], label: str, labelled: set[Range]) -> None:
        """Offer ``label`` on the ``found`` ranges, except those ``labelled`` already."""
        for start, end in found:
            suggestion = Suggestion(start, end, label)
            if (start, end) not in labelled and suggestion not in self.rejected:
                self.offered.add(suggestion)

    def withdraw(self, start: int, end: int) -> bool:
        """The range got a label (a suggestion accepted, or labelled another way): no suggestion
        stays on it. True when there was one."""
        on_it = {s for s in self.offered if (s.start, s.end) == (start, end)}
        self.offered -= on_it
        return bool(on_it)

    def reject(self, suggestion: Suggestion) -> None:
        self.offered.discard(suggestion)
        self.rejected.add(suggestion)

    def at(self, start: int, end: int) -> Suggestion | None:
        """The suggestion on exactly this range, if one is offered."""
        return min((s for s in self.offered if (s.start, s.end) == (start, end)), default=None)

    def following(self, current: Suggestion | None, position: int, step: int) -> Suggestion | None:
        """The next (``step`` 1) or previous (-1) suggestion in text order, wrapping around: after
        ``current`` when there is one, else from the caret ``position``."""
        ordered = sorted(self.offered)
        if not ordered:
            return None
        if step > 0:
            after = [s for s in ordered if (s > current if current else s.start >= position)]
            return after[0] if after else ordered[0]
        before = [s for s in ordered if (s < current if current else s.start < position)]
        return before[-1] if before else ordered[-1]


def lexicon_suggestions(
    normalized: NormalizedText,
    labelled: Iterable[tuple[str, str]],
    taken: set[tuple[int, int, str]],
    rejected: set[tuple[int, int, str]],
) -> set[Suggestion]:
    """Every whole-word occurrence in the document of each labelled (text, label), except the
    ranges ``taken`` already (with any label), the ``rejected`` ones, and texts that occur more
    than ``MAX_OCCURRENCES`` times."""
    text = normalized.source
    taken_ranges = {(start, end) for start, end, _ in taken}
    phrases = {(normalize_query(phrase), label): phrase for phrase, label in labelled}
    found: set[Suggestion] = set()
    for (needle, label), phrase in phrases.items():
        if not needle:
            continue
        ranges = [r for r in find_all(text, phrase, normalized) if is_whole_words(text, *r)]
        if len(ranges) <= MAX_OCCURRENCES:
            found |= {
                Suggestion(start, end, label)
                for start, end in ranges
                if (start, end) not in taken_ranges and (start, end, label) not in rejected
            }
    return found
