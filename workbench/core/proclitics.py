"""Proclitics on a word: و ف, then ب ك ل, then the article ال (or the ل of لل). The one
definition of them: snapping asks which letters before a search match are proclitics
(``core.snapping.word_match``), the recommenders fold them off names (``core.suggestions``). A
stem keeps at least ``MIN_STEM`` letters, so a short word is not taken apart (ولد stays ولد)."""

from __future__ import annotations

from collections.abc import Iterator

MIN_STEM = 3


def _proclitic_stacks() -> tuple[str, ...]:
    """Every stack of proclitics on a normalized word, longest first: (و|ف)? (ب|ك|ل)? (ال)?,
    where ل + ال is written لل."""
    stacks = {
        (conjunction + preposition + article).replace("\u0644\u0627\u0644", "\u0644\u0644")
        for conjunction in ("", "\u0648", "\u0641")
        for preposition in ("", "\u0628", "\u0643", "\u0644")
        for article in ("", "\u0627\u0644")
    }
    return tuple(sorted(stacks - {""}, key=len, reverse=True))


_PROCLITIC_STACKS = _proclitic_stacks()
_STACK_SET = frozenset(_PROCLITIC_STACKS)


def is_proclitic_stack(letters: str) -> bool:
    """Whether ``letters`` (a word's first letters, marks aside) are proclitics only, or none."""
    return not letters or letters in _STACK_SET


def split_proclitics(normalized: str) -> tuple[str, str]:
    """(proclitics, stem) of a normalized word: the longest stack that leaves a stem of
    ``MIN_STEM`` letters or more."""
    return next(_stacks_off(normalized), ("", normalized))


def without_proclitics(normalized: str) -> frozenset[str]:
    """A normalized word (or name, whose first word takes the proclitics) as it stands and
    without each stack of proclitics that leaves a stem: بغداد may be a stem or ب + غداد, so
    ببغداد and بغداد meet on بغداد, and والموصل and بالموصل on الموصل."""
    return frozenset((normalized, *(stem for _, stem in _stacks_off(normalized))))


def _stacks_off(normalized: str) -> Iterator[tuple[str, str]]:
    """(stack, stem) for each stack of proclitics ``normalized`` begins with that leaves a stem
    of ``MIN_STEM`` letters or more, longest first."""
    for stack in _PROCLITIC_STACKS:
        if normalized.startswith(stack) and len(normalized) - len(stack) >= MIN_STEM:
            yield stack, normalized[len(stack) :]
