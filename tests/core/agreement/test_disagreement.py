"""The per-document disagreement score: unmatched / annotations over every pair, strict."""

from __future__ import annotations

import pytest

from workbench.core.agreement.disagreement import annotation_keys, document_disagreement
from workbench.core.agreement.documents import EventMention
from workbench.core.agreement.values import Undefined

ATTACK = EventMention(0, 4, "Conflict.Attack", frozenset({(5, 11, "Attacker")}))


def test_an_event_counts_its_trigger_and_each_argument() -> None:
    keys = annotation_keys([(5, 11, "PER")], [ATTACK])
    assert keys == {
        ("entity", 5, 11, "PER"),
        ("trigger", 0, 4, "Conflict.Attack"),
        ("argument", 0, 4, "Conflict.Attack", 5, 11, "Attacker"),
    }


def test_exact_agreement_is_zero_and_nothing_shared_is_one() -> None:
    same = document_disagreement({"a": [(0, 4, "PER")], "b": [(0, 4, "PER")]}, {})
    assert (same.score, same.unmatched, same.annotations) == (0.0, 0, 2)
    apart = document_disagreement({"a": [(0, 4, "PER")], "b": [(0, 3, "PER")]}, {})  # a clitic off
    assert (apart.score, apart.unmatched, apart.annotations) == (1.0, 2, 2)


def test_the_pairs_are_pooled() -> None:
    entities = {"a": [(0, 4, "PER"), (5, 9, "LOC")], "b": [(0, 4, "PER")], "c": [(0, 4, "PER")]}
    result = document_disagreement(entities, {"a": [ATTACK]})
    # a|b and a|c: 4 + 1 annotations, 3 unmatched each; b|c: 2 annotations, none unmatched
    assert (result.unmatched, result.annotations) == (6, 12)
    assert result.score == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("entities", "reason"),
    [({"a": [(0, 4, "PER")]}, "fewer than two annotators"), ({"a": [], "b": []}, "no annotations")],
)
def test_undefined_without_two_annotators_or_anything_annotated(
    entities: dict[str, list[tuple[int, int, str]]], reason: str
) -> None:
    result = document_disagreement(entities, {})
    assert isinstance(result.score, Undefined) and reason in result.score.reason
    assert (result.unmatched, result.annotations) == (0, 0)
