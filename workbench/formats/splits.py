"""Train/validation/test splits by document: the same for the same seed, stratified by label.

A document goes whole into one split (all of its annotation sets with it), so that no text is in
two splits. The split sizes are the percentages of the document count, rounded by largest
remainder; a split whose percentage is not 0 but whose size rounds to 0 is refused, since an
empty split is not what was asked for (``--split-by sentence`` splits a small corpus by its
sentences instead, with the same assignment over sentences, see ``sentence_splits``). The
assignment:

1. Documents are put in a canonical order (by id), so the result does not depend on the order the
   store returns them in, then shuffled with ``random.Random(seed)``.
2. They are then taken rarest label first: a document's rarity is the number of documents holding
   its rarest label; documents without spans come last.
3. Each document goes to the split, among those with room left, that (a) has no document with its
   rarest label yet, then (b) is furthest below its share of that label, then (c) has the most
   room left. So a label found in three documents reaches all three splits, and a frequent label
   is spread in proportion (iterative stratification, Sechidis et al. 2011, on the rarest label).
"""

from __future__ import annotations

import random
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TypeVar

from workbench.core.errors import WorkbenchError
from workbench.core.model import ImportedDocument, PlainSpans

SPLIT_NAMES = ("train", "validation", "test")


T = TypeVar("T")
Labelled = tuple[str, Collection[str]]
"""A document's id and the labels of its spans."""


def split_documents(
    documents: Iterable[ImportedDocument], percentages: tuple[int, int, int], seed: int
) -> dict[str, list[ImportedDocument]]:
    """The documents by split name, each split in canonical (id) order."""
    return split_in_id_order(documents, _labelled, percentages, seed)


def split_in_id_order(
    items: Iterable[T], labelled: Callable[[T], Labelled], percentages: tuple[int, int, int], seed: int
) -> dict[str, list[T]]:
    """The items (documents, or their ids with their labels) by split name, each split in
    canonical (id) order: the assignment of the module docstring."""
    ordered = sorted(((labelled(item), item) for item in items), key=lambda pair: pair[0][0])
    refuse_empty_splits(len(ordered), percentages, "document")
    assignment = assign_splits([labels for (_, labels), _ in ordered], percentages, seed)
    splits: dict[str, list[T]] = {name: [] for name in SPLIT_NAMES}
    for (_, item), split in zip(ordered, assignment, strict=True):
        splits[SPLIT_NAMES[split]].append(item)
    return splits


def _labelled(annotated: ImportedDocument) -> Labelled:
    return annotated.document.id, document_labels(annotated)


def document_labels(annotated: ImportedDocument) -> set[str]:
    """Every span label in any of the document's sets (event triggers carry the event type)."""
    labels: set[str] = set()
    for annotation_set in annotated.sets:
        if isinstance(annotation_set, PlainSpans):
            labels.update(annotation_set.labels)
        else:
            labels.update(span.label for span in annotation_set.spans)
    return labels


def assign_splits(
    label_sets: Sequence[Collection[str]], percentages: tuple[int, int, int], seed: int
) -> bytearray:
    """For each document (given by its labels), the index of its split in ``SPLIT_NAMES``, a
    byte each: a split by sentence assigns millions of sentences."""
    check_percentages(percentages)
    room = split_sizes(len(label_sets), percentages)
    frequency = Counter(label for labels in label_sets for label in set(labels))
    share = {
        label: [count * percent / 100 for percent in percentages]
        for label, count in frequency.items()
    }
    held: dict[str, list[int]] = {label: [0, 0, 0] for label in frequency}
    assignment = bytearray(len(label_sets))
    for index in _rarest_first(label_sets, frequency, seed):
        rarest = _rarest(label_sets[index], frequency)
        split = _best_split(rarest, room, share, held)
        assignment[index] = split
        room[split] -= 1
        for label in label_sets[index]:
            held[label][split] += 1
    return assignment


def _rarest_first(label_sets: Sequence[Collection[str]], frequency: Counter[str], seed: int) -> Iterator[int]:
    """The indices of ``label_sets`` shuffled with ``random.Random(seed)``, then in order of
    rarity, those of equal rarity in their shuffled order: a stable sort, made by putting each
    index in the bucket of its rarity (there are few), so that the indices are held as arrays of
    four bytes rather than as a list of ints and their sort keys."""
    order = array("I", range(len(label_sets)))
    random.Random(seed).shuffle(order)
    by_rarity: defaultdict[float, array[int]] = defaultdict(lambda: array("I"))
    for index in order:
        by_rarity[_rarity(label_sets[index], frequency)].append(index)
    del order
    for rarity in sorted(by_rarity):
        yield from by_rarity.pop(rarity)


def check_percentages(percentages: tuple[int, int, int]) -> None:
    if len(percentages) != 3 or any(p < 0 for p in percentages) or sum(percentages) != 100:
        raise WorkbenchError(
            f"a split is three percentages for train/validation/test that add up to 100, "
            f"such as 80/10/10; got {'/'.join(str(p) for p in percentages)}"
        )


class EmptySplit(WorkbenchError):
    """A split that would leave a split whose percentage is not 0 without a single ``unit``
    (``document`` or ``sentence``; ``count`` of them, 0 when there is nothing to split): said
    in the command line's words, which the window words its own way from these fields."""

    def __init__(
        self, count: int, percentages: tuple[int, int, int], unit: str, empty: list[str]
    ) -> None:
        self.count, self.unit, self.empty = count, unit, empty
        split = f"--split {'/'.join(map(str, percentages))}"
        if not count:
            message = (
                f"{split}: there is no {unit} to split, since no document has annotations of "
                "the source exported (gold unless --source names another)"
            )
        else:
            advice = (
                "; split the sentences instead with --split-by sentence (conll and hf exports)"
                if unit == "document"
                else ""
            )
            message = (
                f"{split} cannot give every split a {unit}: {count} {unit}(s) leave "
                f"{' and '.join(empty)} empty{advice}"
            )
        super().__init__(message)


def refuse_empty_splits(count: int, percentages: tuple[int, int, int], unit: str) -> None:
    """``EmptySplit`` when a split with a percentage above 0 would get no ``unit``."""
    check_percentages(percentages)
    sizes = split_sizes(count, percentages)
    empty = [
        name
        for name, percent, size in zip(SPLIT_NAMES, percentages, sizes, strict=True)
        if percent and not size
    ]
    if empty:
        raise EmptySplit(count, percentages, unit, empty)


def split_sizes(count: int, percentages: tuple[int, int, int]) -> list[int]:
    """``count`` shared by the percentages, rounded by largest remainder (ties: earlier split)."""
    exact = [count * percent / 100 for percent in percentages]
    sizes = [int(value) for value in exact]
    by_remainder = sorted(range(3), key=lambda split: (-(exact[split] - sizes[split]), split))
    for split in by_remainder[: count - sum(sizes)]:
        sizes[split] += 1
    return sizes


def _rarity(labels: Collection[str], frequency: Counter[str]) -> float:
    return min((frequency[label] for label in labels), default=float("inf"))


def _rarest(labels: Collection[str], frequency: Counter[str]) -> str | None:
    return min(labels, key=lambda label: (frequency[label], label), default=None)


def _best_split(
    rarest: str | None,
    room: list[int],
    share: dict[str, list[float]],
    held: dict[str, list[int]],
) -> int:
    open_splits = [split for split in range(3) if room[split] > 0]

    def priority(split: int) -> tuple[bool, float, int, int]:
        if rarest is None:
            return False, 0.0, room[split], -split
        missing = held[rarest][split] == 0
        return missing, share[rarest][split] - held[rarest][split], room[split], -split

    return max(open_splits, key=priority)
