"""The strings recommender: every labelled string of the project is a gazetteer entry, found again
in other documents whatever their diacritics, hamza forms, tatweel or proclitics.

An entry is filed under the stems of its words (``words.stems_of``), so الموصل labelled once
finds والموصل and بالموصل, and the suggestion covers the whole word, proclitics inside, as the
word-snapping rule makes a span. Each entry counts its labels; where the documents it was learnt
from are known, it also counts how often the string occurs in them at all, so that a string
labelled once in ten occurrences scores 0.1, not 1. Rejected suggestions count as occurrences
that were not labelled so.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from workbench.core.normalize import normalize
from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.recommenders.words import Word, sentences_of, stems_of
from workbench.core.suggestions import name_part_places

NAME = "strings"
MIN_SCORE = 0.3
"""A string labelled in fewer than this share of its occurrences is not suggested."""

PART_NAMES_WEIGHED = 1000
"""Names whose last words stand alone elsewhere that ``part_labels`` weighs at most: ANERcorp's
test split, 93 documents of 10 sentences, has 350, and its verdict (PER and LOC) is the same from
the first 20."""

Key = tuple[str, ...]
Match = tuple[int, int, str, float]
"""(first word, past the last word, label, score) of a gazetteer match in a sentence."""


@dataclass
class Gazetteer:
    labels: dict[Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    occurrences: Counter[Key] = field(default_factory=Counter)
    rejections: Counter[tuple[Key, str]] = field(default_factory=Counter)
    longest: int = 0
    stems: Counter[str] = field(default_factory=Counter)
    """How often each stem occurs in the documents' texts, labelled or not."""
    name_words: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """Per stem, how often it is a word of an entry, by IOB2 tag (``B-PER`` for the first word
    of a PER entry, ``I-PER`` for a later one): a word seen in names (محمد in محمد علي) tells
    of a new name it is part of (محمد البرادعي), which no entry matches whole."""
    firsts: set[str] = field(default_factory=set)
    """The first stems of the entries: no entry begins at a word whose stem is not one of them,
    and most words of a text are not (looking up every length of entry at every word was most
    of counting occurrences and of matching)."""

    def add(self, text: str, label: str, count: int = 1) -> None:
        key = stems_of(text)
        if key and not all(len(stem) < 2 for stem in key):
            self.labels[key][label] += count
            self.longest = max(self.longest, len(key))
            self.firsts.add(key[0])
            for position, stem in enumerate(key):
                self.name_words[stem][f"{'I' if position else 'B'}-{label}"] += count

    def reject(self, text: str, label: str) -> None:
        self.rejections[(stems_of(text), label)] += 1

    def turned_down(self, text: str, label: str) -> bool:
        """Whether suggestions of ``text`` (or a string like it) as ``label`` were rejected more
        often than it was labelled so: a common word the CRF keeps taking for a name (الموسم as
        PER)."""
        key = stems_of(text)
        labelled = self.labels[key][label] if key in self.labels else 0
        return self.rejections[(key, label)] > labelled

    def label_counts(self, text: str) -> dict[str, int]:
        """How often each label was given to ``text`` (or a string like it)."""
        return dict(self.labels.get(stems_of(text), {}))

    def best(self, key: Key) -> tuple[str, float] | None:
        """The most frequent label of ``key`` and its share of the key's occurrences."""
        counts = self.labels.get(key)
        if not counts:
            return None
        label = counts.most_common(1)[0][0]
        return label, self._share(key, label)

    def share(self, text: str, label: str) -> float:
        """The share of the occurrences of ``text`` (or a string like it) labelled ``label``."""
        key = stems_of(text)
        return self._share(key, label) if key in self.labels else 0.0

    def _share(self, key: Key, label: str) -> float:
        counts = self.labels[key]
        seen = max(self.occurrences[key], sum(counts.values())) + self.rejections[(key, label)]
        return counts[label] / seen

    def matches(self, sentence: Sequence[Word]) -> list[Match]:
        """The longest entries found in ``sentence``, left to right, not overlapping."""
        stems = [word.stem for word in sentence]
        found: list[Match] = []
        index = 0
        while index < len(stems):
            match = self._longest_at(stems, index) if stems[index] in self.firsts else None
            if match is None:
                index += 1
            else:
                found.append(match)
                index = match[1]
        return found

    def _longest_at(self, stems: Sequence[str], index: int) -> Match | None:
        """The longest entry beginning at word ``index``, if any."""
        for size in range(min(self.longest, len(stems) - index), 0, -1):
            best = self.best(tuple(stems[index : index + size]))
            if best is not None:  # keys hold no filler (stems_of), so none starts one
                return (index, index + size, *best)
        return None

    def count_occurrences(self, sentences: Iterable[Sequence[Word]]) -> None:
        """Count every place the entries occur in ``sentences`` (overlaps included)."""
        for sentence in sentences:
            stems = [word.stem for word in sentence]
            self.stems.update(stems)
            for index in range(len(stems)):
                if stems[index] not in self.firsts:
                    continue
                for size in range(1, min(self.longest, len(stems) - index) + 1):
                    key = tuple(stems[index : index + size])
                    if key in self.labels:
                        self.occurrences[key] += 1


def gazetteer_of(
    documents: Iterable[TrainingDocument],
    strings: Iterable[tuple[str, str]] = (),
    rejected: Iterable[tuple[str, str]] = (),
) -> Gazetteer:
    """A gazetteer of the spans of ``documents`` (their texts counted for occurrences), of more
    labelled ``strings`` (text, label) whose documents are not at hand, and of ``rejected``
    (text, label) suggestions."""
    gazetteer = Gazetteer()
    documents = list(documents)
    for document in documents:
        for start, end, label in document.spans:
            gazetteer.add(document.text[start:end], label)
    for text, label in strings:
        gazetteer.add(text, label)
    for text, label in rejected:
        gazetteer.reject(text, label)
    for document in documents:
        gazetteer.count_occurrences(sentences_of(document.text))
    return gazetteer


def trusted_texts(
    documents: Sequence[TrainingDocument],
    rejected: Iterable[tuple[str, str]] = (),
    gazetteer: Gazetteer | None = None,
) -> set[tuple[str, str]]:
    """The (text, label) pairs labelled in ``documents`` that are labelled so in ``MIN_SCORE``
    or more of the places they occur there (``rejected`` suggestions counted against them):
    those worth offering wherever they occur, as the window does when a document opens. The
    ``gazetteer_of`` these documents and rejections, when it is built already."""
    gazetteer = gazetteer if gazetteer is not None else gazetteer_of(documents, rejected=rejected)
    return {(text, label) for text, label in labelled_texts(documents) if gazetteer.share(text, label) >= MIN_SCORE}


def labelled_texts(documents: Iterable[TrainingDocument]) -> set[tuple[str, str]]:
    """Every (covered text, label) of the spans of ``documents``."""
    return {(d.text[start:end], label) for d in documents for start, end, label in d.spans}


def part_labels(documents: Iterable[TrainingDocument]) -> frozenset[str]:
    """The labels whose names' last words, where they stand alone elsewhere in the name's
    document (``core.suggestions.name_part_places``), are names of that label more often than
    not in ``documents``: those the window offers there once a name is labelled (a person's last
    name, and seldom an organization's last word). A place inside another span of the document
    is left out: the name said again, whose span hides the offer. The first
    ``PART_NAMES_WEIGHED`` names whose last words stand alone elsewhere are weighed: a
    project's gold is weighed again after its edits, and a long document's names bring
    thousands of places each."""
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    weighed = 0
    for document in documents:
        normalized, spans = normalize(document.text), set(document.spans)
        in_order = sorted(spans)
        inside_a_span = _inside_any(in_order)
        known: dict[str, list[tuple[int, int]]] = {}
        for start, end, label in in_order:
            places = name_part_places(normalized, start, end, known)
            weighed += bool(places)
            for place in places:
                if (*place, label) in spans:
                    right[label] += 1
                elif not inside_a_span(*place):
                    wrong[label] += 1
            if weighed >= PART_NAMES_WEIGHED:
                break
        if weighed >= PART_NAMES_WEIGHED:
            break
    return frozenset(label for label in right if right[label] > wrong[label])


def _inside_any(spans: Sequence[tuple[int, int, str]]) -> Callable[[int, int], bool]:
    """Whether ``[start, end)`` lies inside one of ``spans`` (sorted): the furthest end of those
    beginning at ``start`` or before reaches ``end``."""
    starts = [span[0] for span in spans]
    reach = list(accumulate((span[1] for span in spans), max))

    def inside(start: int, end: int) -> bool:
        before = bisect_right(starts, start)
        return before > 0 and reach[before - 1] >= end

    return inside


def recommend_strings(
    gazetteer: Gazetteer, sentences: Sequence[Sequence[Word]], min_score: float = MIN_SCORE
) -> list[Recommendation]:
    """The gazetteer's matches in a document (its ``words.sentences_of``) scoring ``min_score``
    or more."""
    return [
        Recommendation(sentence[first].start, sentence[past - 1].end, label, score, NAME)
        for sentence in sentences
        for first, past, label, score in gazetteer.matches(sentence)
        if score >= min_score
    ]


def match_tags(gazetteer: Gazetteer, sentence: Sequence[Word]) -> list[str]:
    """IOB2 tags of the gazetteer's matches in ``sentence``: a feature of the CRF."""
    tags = ["O"] * len(sentence)
    for first, past, label, _ in gazetteer.matches(sentence):
        tags[first] = f"B-{label}"
        for index in range(first + 1, past):
            tags[index] = f"I-{label}"
    return tags

