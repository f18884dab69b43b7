"""Adjudicating relations and document labels (issue 14, point 6): the candidates, what the
annotators agree on, and gold grown by them."""

from __future__ import annotations

from workbench.core.adjudication import (
    Added,
    Agreement,
    add_to_gold,
    empty_gold,
    relation_key,
    same_content,
)
from workbench.core.adjudication_labels import (
    agreed_document_labels,
    disagreeing_fields,
    document_label_candidates,
)
from workbench.core.adjudication_relations import agreed_relations, relation_candidates
from workbench.core.model import AnnotationSet, DocumentLabelValue, Relation, Span

TEXT = "انضم أحمد إلى حماس في غزة والتقى سارة"
AHMAD, HAMAS, GAZA, SARA = (5, 9, "PER"), (14, 18, "ORG"), (22, 25, "LOC"), (33, 37, "PER")


def annotator_set(
    name: str,
    relations: list[tuple[str, tuple[int, int, str], tuple[int, int, str]]],
    labels: dict[str, DocumentLabelValue] | None = None,
) -> AnnotationSet:
    """``name``'s entities AHMAD, HAMAS, GAZA and SARA, and the relations between them."""
    spans = {
        key: Span(f"{name}{key[0]}", *key, TEXT[key[0] : key[1]])
        for key in (AHMAD, HAMAS, GAZA, SARA)
    }
    return AnnotationSet(
        name,
        tuple(spans.values()),
        relations=tuple(
            Relation(f"{name}-r{i}", kind, spans[source].id, spans[target].id)
            for i, (kind, source, target) in enumerate(relations)
        ),
        document_labels=labels or {},
    )


def three() -> list[AnnotationSet]:
    return [
        annotator_set("amal", [("member-of", AHMAD, HAMAS), ("near", AHMAD, SARA)]),
        annotator_set("badr", [("member-of", AHMAD, HAMAS), ("near", SARA, AHMAD)]),
        annotator_set("cala", [("member-of", HAMAS, AHMAD), ("located-in", HAMAS, GAZA)]),
    ]


def test_relation_candidates_say_who_has_each_relation() -> None:
    candidates = {c.key: c for c in relation_candidates(three(), symmetric={"near"})}
    member = candidates[("member-of", AHMAD, HAMAS)]
    assert member.annotators == ("amal", "badr") and member.agreement is Agreement.MAJORITY
    assert member.texts == ("أحمد", "حماس")
    assert candidates[("member-of", HAMAS, AHMAD)].annotators == ("cala",)  # directed
    near = candidates[("near", AHMAD, SARA)]  # either way round: one candidate
    assert near.annotators == ("amal", "badr") and near.symmetric
    assert near.texts == ("أحمد", "سارة")
    assert candidates[("located-in", HAMAS, GAZA)].agreement is Agreement.SOME
    assert len(candidates) == 4


def test_without_the_symmetric_flag_the_two_directions_are_two_candidates() -> None:
    keys = {c.key for c in relation_candidates(three())}
    assert {("near", AHMAD, SARA), ("near", SARA, AHMAD)} <= keys


def test_agreed_relations_and_gold_grown_by_them() -> None:
    sets = three()
    assert agreed_relations(sets, Agreement.ALL, {"near"}) == ([], [])
    ends, relations = agreed_relations(sets, Agreement.MAJORITY, {"near"})
    assert [r.type for r in relations] == ["member-of", "near"]
    gold, added = add_to_gold(empty_gold(), ends, relations=relations, symmetric={"near"})
    assert added == Added(spans=3, relations=2)
    spans = {s.id: s for s in gold.spans}
    assert {relation_key(r, spans) for r in gold.relations} == {
        ("member-of", AHMAD, HAMAS),
        ("near", AHMAD, SARA),
    }
    assert not {s.id for s in ends} & set(spans)  # gold's own ids
    # badr's near runs the other way: the same symmetric relation, not added twice
    badr = sets[1]
    ends_of_badr = [s for s in badr.spans if s.id in {"badr5", "badr14", "badr33"}]
    again, nothing = add_to_gold(gold, ends_of_badr, relations=badr.relations, symmetric={"near"})
    assert nothing == Added() and same_content(gold, again)
    directed, one = add_to_gold(gold, ends_of_badr, relations=badr.relations)
    assert one == Added(relations=1) and len(directed.relations) == 3


def test_a_relation_reuses_gold_spans_of_the_same_content() -> None:
    gold, _ = add_to_gold(empty_gold(), [Span("g1", *AHMAD, "أحمد"), Span("g2", *HAMAS, "حماس")])
    amal = three()[0]
    ends = [s for s in amal.spans if s.id in {"amal5", "amal14"}]
    grown, added = add_to_gold(gold, ends, relations=amal.relations[:1])
    assert added == Added(relations=1)
    [relation] = grown.relations
    assert (relation.from_span_id, relation.to_span_id) == tuple(s.id for s in gold.spans)


def test_same_content_sees_relations_and_document_labels() -> None:
    plain = annotator_set("gold", [])
    assert not same_content(plain, annotator_set("gold", [("member-of", AHMAD, HAMAS)]))
    assert not same_content(plain, annotator_set("gold", [], {"relevance": "yes"}))
    assert same_content(plain, annotator_set("gold", []))


# -- document labels -------------------------------------------------------------------------


def labelled() -> list[AnnotationSet]:
    return [
        annotator_set("amal", [], {"relevance": "yes", "topic": ("war", "politics")}),
        annotator_set("badr", [], {"relevance": "yes", "topic": ("politics", "war")}),
        annotator_set("cala", [], {"relevance": "no", "topic": ("war",)}),
    ]


def test_document_label_candidates_per_field_and_the_disagreements() -> None:
    gold = annotator_set("gold", [], {"relevance": "no"})
    candidates = document_label_candidates(labelled(), gold)
    rows = [(c.field, c.value, c.annotators, c.agreement, c.in_gold) for c in candidates]
    assert rows == [
        ("relevance", "yes", ("amal", "badr"), Agreement.MAJORITY, False),
        ("relevance", "no", ("cala",), Agreement.SOME, True),
        # a multiple choice compares as a set: the order picked does not count
        ("topic", ("politics", "war"), ("amal", "badr"), Agreement.MAJORITY, False),
        ("topic", ("war",), ("cala",), Agreement.SOME, False),
    ]
    assert disagreeing_fields(candidates) == ["relevance", "topic"]
    agreed = labelled()[:2]
    assert disagreeing_fields(document_label_candidates(agreed)) == []


def test_agreed_answers_and_gold_taking_them() -> None:
    assert agreed_document_labels(labelled()) == {}
    majority = agreed_document_labels(labelled(), Agreement.MAJORITY)
    assert majority == {"relevance": "yes", "topic": ("politics", "war")}
    gold = annotator_set("gold", [], {"relevance": "no", "country": "PS"})
    grown, added = add_to_gold(gold, (), document_labels=majority)
    assert added == Added(document_labels=2)
    expected = {"relevance": "yes", "country": "PS", "topic": ("politics", "war")}
    assert grown.document_labels == expected
    assert add_to_gold(grown, (), document_labels=majority)[1] == Added()
