from __future__ import annotations

import hashlib
import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.formats.builders import annotated, span_of
from workbench.core.errors import WorkbenchError
from workbench.formats.splits import assign_splits, split_documents, split_sizes


def labelled_corpus() -> list[set[str]]:
    """100 documents: PER everywhere, MID in every tenth, RARE in three."""
    return [
        {"PER"} | ({"RARE"} if n in (5, 40, 77) else set()) | ({"MID"} if n % 10 == 0 else set())
        for n in range(100)
    ]


def test_sizes_follow_the_percentages_by_largest_remainder() -> None:
    assert split_sizes(100, (80, 10, 10)) == [80, 10, 10]
    assert split_sizes(7, (34, 33, 33)) == [3, 2, 2]
    assert split_sizes(3, (80, 10, 10)) == [3, 0, 0]
    assert split_sizes(0, (80, 10, 10)) == [0, 0, 0]


def test_the_same_seed_gives_the_same_splits_and_another_seed_others() -> None:
    corpus = labelled_corpus()
    first = assign_splits(corpus, (80, 10, 10), seed=3)
    assert first == assign_splits(corpus, (80, 10, 10), seed=3)
    assert first != assign_splits(corpus, (80, 10, 10), seed=4)
    assert Counter(first) == {0: 80, 1: 10, 2: 10}


def test_the_assignment_is_the_one_earlier_versions_made() -> None:
    """A team that exports again with the same seed gets the same splits: the digests of the
    assignments that the version of 2026-12-05 made (before the indices were held as arrays)."""
    rng = random.Random(11)
    corpus = [set(rng.sample("ABCDEFGH", rng.randint(0, 3))) for _ in range(2000)]
    digests = [hashlib.sha256(bytes(assign_splits(corpus, (70, 20, 10), seed))).hexdigest()[:16] for seed in range(3)]
    assert digests == ["3e01ee32d329f742", "8baba7b9778dd78a", "c28fa5da7a9d7ec4"]


def test_rare_labels_reach_every_split_and_frequent_ones_spread_in_proportion() -> None:
    corpus = labelled_corpus()
    for seed in range(5):
        splits = assign_splits(corpus, (80, 10, 10), seed)
        by_label = {
            label: Counter(s for s, labels in zip(splits, corpus, strict=True) if label in labels)
            for label in ("RARE", "MID")
        }
        assert by_label["RARE"] == {0: 1, 1: 1, 2: 1}
        assert by_label["MID"] == {0: 8, 1: 1, 2: 1}


@given(st.lists(st.sets(st.sampled_from("ABCDE"), max_size=3), max_size=60), st.integers(0, 10))
def test_every_document_goes_to_one_split_of_the_right_size(
    labels: list[set[str]], seed: int
) -> None:
    splits = assign_splits(labels, (70, 20, 10), seed)
    sizes = split_sizes(len(labels), (70, 20, 10))
    assert [splits.count(split) for split in range(3)] == sizes


def test_documents_split_the_same_whatever_order_they_come_in() -> None:
    texts = [f"زار محمد بغداد {n}" for n in range(30)]
    documents = [
        annotated(t, [span_of(t, "محمد", "PER")], name=str(n)) for n, t in enumerate(texts)
    ]
    forward = split_documents(documents, (80, 10, 10), seed=1)
    backward = split_documents(list(reversed(documents)), (80, 10, 10), seed=1)
    assert forward == backward
    assert [len(group) for group in forward.values()] == [24, 3, 3]


@pytest.mark.parametrize("percentages", [(80, 10, 5), (90, 20, -10), (100, 0)])
def test_percentages_must_add_up_to_100(percentages: tuple[int, int, int]) -> None:
    with pytest.raises(WorkbenchError, match="add up to 100"):
        assign_splits([set()], percentages, seed=0)
