"""Relation agreement (issue 14, point 6): pairwise F1 with exact and with overlapping ends.

No published package scores relations, so the report is checked against a brute-force
reference written from the definition (every relation of A tried against every free relation
of B), on random corpora, and against a small example worked by hand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from workbench.core.agreement import DocumentAnnotations, agreement_report, undefined_reason
from workbench.core.model import AnnotationSet, Relation, Span, Status

from .references import brute_force_matching, share_a_character
from .strategies import SYMMETRIC_TYPES, Corpus, RawRelation, corpora
from .test_report import nulls

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference_key(relation: RawRelation) -> tuple[object, ...]:
    """The relation by content; a symmetric one as the unordered pair of its ends."""
    if relation.type in SYMMETRIC_TYPES:
        return (relation.type, frozenset((relation.source, relation.target)))
    return (relation.type, relation.source, relation.target)


def end_matches(x: tuple[int, int, str], y: tuple[int, int, str]) -> bool:
    return x[2] == y[2] and share_a_character(x[:2], y[:2])


def overlap_edge(x: RawRelation, y: RawRelation) -> bool:
    if x.type != y.type:
        return False
    forward = end_matches(x.source, y.source) and end_matches(x.target, y.target)
    backward = end_matches(x.source, y.target) and end_matches(x.target, y.source)
    return forward or (x.type in SYMMETRIC_TYPES and backward)


def distinct(relations: Sequence[RawRelation]) -> list[RawRelation]:
    """One relation per content key (what an annotator has twice counts once)."""
    return list({reference_key(r): r for r in relations}.values())


def reference_counts(
    corpus: Corpus, a: str, b: str, relation_type: str | None
) -> dict[str, tuple[int, int, int]]:
    exact = overlap = n_a = n_b = 0
    for document in corpus.documents:
        if not (corpus.finished(document, a) and corpus.finished(document, b)):
            continue
        x, y = (
            [
                r
                for r in distinct(document.relations[who])
                if relation_type is None or r.type == relation_type
            ]
            for who in (a, b)
        )
        exact += len({reference_key(r) for r in x} & {reference_key(r) for r in y})
        overlap += brute_force_matching(x, y, overlap_edge)
        n_a += len(x)
        n_b += len(y)
    return {"exact": (exact, n_a, n_b), "overlap": (overlap, n_a, n_b)}


def assert_block(block: dict[str, Any], key: str, tp: int, n_a: int, n_b: int, shared: bool) -> None:
    assert block["counts"][key] == {"tp": tp, "a": n_a, "b": n_b}
    if shared and n_a + n_b:
        assert block["pairs"][key] == pytest.approx(2 * tp / (n_a + n_b), abs=1e-12)
    else:
        assert block["pairs"][key] is None


@SETTINGS
@given(corpora(min_annotators=2, max_annotators=3, max_spans=5, with_relations=True))
def test_relation_f1_equals_brute_force(corpus: Corpus) -> None:
    report = agreement_report(
        corpus.build(), corpus.annotators, symmetric_relations=SYMMETRIC_TYPES
    )
    section = report["relations"]
    assert section["symmetric_types"] == sorted(SYMMETRIC_TYPES)
    types = {
        r.type
        for d in corpus.documents
        for a in corpus.annotators
        if corpus.finished(d, a)
        for r in d.relations[a]
    }
    assert set(section["per_type"]) == types
    for a, b in combinations(corpus.annotators, 2):
        key = f"{a}|{b}"
        shared = any(corpus.finished(d, a) and corpus.finished(d, b) for d in corpus.documents)
        for mode, counts in reference_counts(corpus, a, b, None).items():
            assert_block(section[mode], key, *counts, shared)
        for relation_type in types:
            for mode, counts in reference_counts(corpus, a, b, relation_type).items():
                assert_block(section["per_type"][relation_type][mode], key, *counts, shared)


# --- worked by hand ---------------------------------------------------------------------------

TEXT = "Ahmad joined Hamas in Gaza; Ahmad met Sara in Gaza and then left."


def hand_set(
    annotator: str, spans: list[tuple[int, int, str]], relations: list[tuple[str, int, int]]
) -> AnnotationSet:
    made = [Span(f"{annotator}{i}", s, e, x, TEXT[s:e]) for i, (s, e, x) in enumerate(spans)]
    return AnnotationSet(
        annotator,
        tuple(made),
        status=Status.DONE,
        relations=tuple(
            Relation(f"{annotator}-r{i}", kind, made[source].id, made[target].id)
            for i, (kind, source, target) in enumerate(relations)
        ),
    )


PERSON, GROUP, PLACE, OTHER = (0, 5, "PER"), (13, 18, "ORG"), (22, 26, "LOC"), (38, 42, "PER")
HAND = [
    hand_set(
        "A",
        [PERSON, GROUP, PLACE, OTHER],
        [("member-of", 0, 1), ("located-in", 1, 2), ("affiliated-with", 0, 3)],
    ),
    hand_set(
        "B",
        # "Hamas" one character short: only the overlapping ends agree on located-in
        [PERSON, GROUP, (14, 18, "ORG"), PLACE, OTHER],
        [
            ("member-of", 0, 1),  # the same as A's
            ("located-in", 2, 3),  # ends overlap A's
            ("affiliated-with", 4, 0),  # A's, the other way round
            ("member-of", 1, 0),  # A's member-of reversed: a directed type, no match
        ],
    ),
]


def hand_report(symmetric: frozenset[str]) -> dict[str, Any]:
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), HAND)
    return agreement_report([document], ["A", "B"], symmetric_relations=symmetric)


def test_hand_worked_example_with_a_symmetric_type() -> None:
    """A has 3 relations, B 4. Exact: member-of and (either way round) affiliated-with, TP 2,
    F1 = 2*2/(3+4) = 4/7. Overlap adds located-in ([13,18) vs [14,18) share "amas"): TP 3,
    F1 = 6/7. Reversed member-of matches nothing."""
    section = hand_report(frozenset({"affiliated-with"}))["relations"]
    assert section["exact"]["counts"]["A|B"] == {"tp": 2, "a": 3, "b": 4}
    assert section["exact"]["pairs"]["A|B"] == pytest.approx(4 / 7)
    assert section["overlap"]["counts"]["A|B"] == {"tp": 3, "a": 3, "b": 4}
    assert section["overlap"]["pairs"]["A|B"] == pytest.approx(6 / 7)
    assert section["exact"]["precision"]["A|B"] == pytest.approx(2 / 4)
    assert section["exact"]["recall"]["A|B"] == pytest.approx(2 / 3)
    per_type = section["per_type"]
    assert per_type["member-of"]["exact"]["counts"]["A|B"] == {"tp": 1, "a": 1, "b": 2}
    assert per_type["located-in"]["exact"]["counts"]["A|B"] == {"tp": 0, "a": 1, "b": 1}
    assert per_type["located-in"]["overlap"]["counts"]["A|B"] == {"tp": 1, "a": 1, "b": 1}
    assert per_type["affiliated-with"]["exact"]["pairs"]["A|B"] == 1.0


def test_without_the_symmetric_flag_direction_counts() -> None:
    """The same data with affiliated-with directed: B's reversed one no longer matches, so
    exact TP 1 (F1 2/7) and overlap TP 2 (F1 4/7)."""
    section = hand_report(frozenset())["relations"]
    assert section["symmetric_types"] == []
    assert section["exact"]["counts"]["A|B"] == {"tp": 1, "a": 3, "b": 4}
    assert section["exact"]["pairs"]["A|B"] == pytest.approx(2 / 7)
    assert section["overlap"]["pairs"]["A|B"] == pytest.approx(4 / 7)


def test_a_symmetric_relation_both_ways_counts_once() -> None:
    both_ways = hand_set("A", [PERSON, OTHER], [("near", 0, 1), ("near", 1, 0)])
    one_way = hand_set("B", [PERSON, OTHER], [("near", 1, 0)])
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), [both_ways, one_way])
    symmetric = agreement_report([document], ["A", "B"], symmetric_relations={"near"})
    assert symmetric["relations"]["exact"]["counts"]["A|B"] == {"tp": 1, "a": 1, "b": 1}
    directed = agreement_report([document], ["A", "B"])
    assert directed["relations"]["exact"]["counts"]["A|B"] == {"tp": 1, "a": 2, "b": 1}


def test_a_different_end_label_is_no_overlap_match() -> None:
    a = hand_set("A", [PERSON, GROUP], [("member-of", 0, 1)])
    b = hand_set("B", [PERSON, (13, 18, "LOC")], [("member-of", 0, 1)])
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), [a, b])
    section = agreement_report([document], ["A", "B"])["relations"]
    assert section["overlap"]["counts"]["A|B"] == {"tp": 0, "a": 1, "b": 1}


def test_no_relations_is_undefined_with_a_reason() -> None:
    a = hand_set("A", [PERSON], [])
    b = hand_set("B", [PERSON], [])
    unfinished = AnnotationSet("C", status=Status.IN_PROGRESS)
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), [a, b, unfinished])
    report = agreement_report([document], ["A", "B", "C"])
    assert report["relations"]["exact"]["pairs"]["A|B"] is None
    assert "neither annotator" in str(undefined_reason(report, "relations", "exact", "pairs", "A|B"))
    assert undefined_reason(report, "relations", "overlap", "pairs", "A|C") == (
        "no document that both annotators finished"
    )


def test_a_relation_to_a_missing_span_is_an_error() -> None:
    broken = AnnotationSet(
        "A",
        (Span("s1", 0, 5, "PER", "Ahmad"),),
        status=Status.DONE,
        relations=(Relation("r1", "member-of", "s1", "gone"),),
    )
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), [broken, hand_set("B", [], [])])
    with pytest.raises(ValueError, match="relation r1 refers to a missing span gone"):
        agreement_report([document], ["A", "B"])


def test_relations_count_in_the_per_document_disagreement() -> None:
    """Same spans, different relations: the document is no longer in full agreement."""
    a = hand_set("A", [PERSON, GROUP], [("member-of", 0, 1)])
    b = hand_set("B", [PERSON, GROUP], [])
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), [a, b])
    row = agreement_report([document], ["A", "B"])["per_document"][0]
    # entities 2 + 2 shared; A's relation unmatched: 1 of 5 annotations
    assert (row["unmatched"], row["annotations"]) == (1, 5)
    assert row["disagreement"] == pytest.approx(1 / 5)


def test_symmetric_overlap_matches_the_ends_crosswise() -> None:
    """Ends sorted by offsets need not pair up in the same order: A's (0,5)-(6,10) against B's
    (3,7)-(4,5) overlaps only crosswise ((0,5) with (4,5), (6,10) with (3,7))."""
    a = hand_set("A", [(0, 5, "PER"), (6, 10, "PER")], [("near", 0, 1)])
    b = hand_set("B", [(3, 7, "PER"), (4, 5, "PER")], [("near", 0, 1)])
    document = DocumentAnnotations.from_sets("d", len(TEXT), (), [a, b])
    symmetric = agreement_report([document], ["A", "B"], symmetric_relations={"near"})
    assert symmetric["relations"]["overlap"]["counts"]["A|B"] == {"tp": 1, "a": 1, "b": 1}
    directed = agreement_report([document], ["A", "B"])
    assert directed["relations"]["overlap"]["counts"]["A|B"] == {"tp": 0, "a": 1, "b": 1}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(with_events=True, with_relations=True, with_labels=True))
def test_every_null_of_the_new_sections_has_a_reason(corpus: Corpus) -> None:
    report = agreement_report(
        corpus.build(), corpus.annotators, symmetric_relations=SYMMETRIC_TYPES
    )
    assert json.loads(json.dumps(report, allow_nan=False, ensure_ascii=False)) == report
    assert nulls(report) == set(report["undefined"])
