"""What imports refuse in relations and document labels, and the warning for relation ends the
schema does not allow (core/relation_checks.py, issue 14)."""

from __future__ import annotations

import pytest

from workbench.core.import_checks import annotation_set_problem
from workbench.core.model import AnnotationSet, DocumentLabelValue, Relation, Span
from workbench.core.relation_checks import relation_warning
from workbench.core.schema import builtin_schema

SCHEMA = builtin_schema("conflict-news")
TEXT = "قال أحمد إن داعش في الموصل"
SPANS = (
    Span("ahmad", 4, 8, "PER", "أحمد"),
    Span("isis", 12, 16, "ORG", "داعش"),
    Span("mosul", 20, 26, "GPE", "الموصل"),
)


def problem(
    *relations: Relation, labels: dict[str, DocumentLabelValue] | None = None
) -> str | None:
    annotations = AnnotationSet("amal", SPANS, relations=relations, document_labels=labels or {})
    return annotation_set_problem(TEXT, annotations, SCHEMA)


def test_spans_match_the_text() -> None:
    assert all(span.matches(TEXT) for span in SPANS)


def test_a_good_set_passes() -> None:
    assert problem(
        Relation("r1", "member-of", "ahmad", "isis", {"membership_status": "former"}),
        Relation("r2", "located-in", "isis", "mosul"),
        labels={"relevance": "relevant", "topic": ("terrorism", "armed_conflict"), "country": "IQ"},
    ) is None


@pytest.mark.parametrize(
    ("relation", "expected"),
    [
        (Relation("r1", "married-to", "ahmad", "isis"),
         "relation r1: the schema 'conflict-news' has no relation type 'married-to'"),
        (Relation("r1", "member-of", "ahmad", "nowhere"),
         "relation r1: its 'to' end 'nowhere' is not a span of the set"),
        (Relation("r1", "member-of", "gone", "isis"),
         "relation r1: its 'from' end 'gone' is not a span of the set"),
        (Relation("r1", "member-of", "isis", "isis"), "relation r1: it links a span to itself"),
        (Relation("r1", "member-of", "ahmad", "isis", {"membership_status": "rumoured"}),
         "relation r1: the attribute 'membership_status' of 'member-of' cannot be 'rumoured'"),
        (Relation("r1", "located-in", "isis", "mosul", {"colour": "red"}),
         "relation r1: 'located-in' has no attribute 'colour'"),
    ],
)
def test_bad_relations_are_refused(relation: Relation, expected: str) -> None:
    found = problem(relation)
    assert found is not None and found.startswith(expected)


def test_a_relation_id_used_twice_is_refused() -> None:
    twice = Relation("r1", "located-in", "isis", "mosul")
    assert problem(twice, twice) == "the relation id 'r1' is used twice"


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ({"mood": "calm"}, "the schema 'conflict-news' has no document-label field 'mood'"),
        ({"relevance": "maybe"}, "the document label 'relevance' cannot be 'maybe'; allowed: "
                                 "relevant, not_relevant"),
        ({"relevance": ("relevant",)}, "the document label 'relevance' takes one value, not a list"),
        ({"topic": "terrorism"}, "the document label 'topic' takes a list of one or more values"),
        ({"topic": ()}, "the document label 'topic' takes a list of one or more values"),
        ({"topic": ("terrorism", "sport")}, "the document label 'topic' cannot be 'sport'"),
    ],
)
def test_bad_document_labels_are_refused(
    labels: dict[str, DocumentLabelValue], expected: str
) -> None:
    found = problem(labels=labels)
    assert found is not None and found.startswith(expected)


def test_ends_outside_the_schema_are_only_warned_about() -> None:
    backwards = Relation("r1", "member-of", "isis", "ahmad")
    assert problem(backwards) is None
    spans = {span.id: span for span in SPANS}
    assert relation_warning(backwards, spans, SCHEMA) == (
        "member-of links ORG to PER; it links PER/ORG/NORP to ORG/NORP"
    )
    assert relation_warning(Relation("r2", "member-of", "ahmad", "isis"), spans, SCHEMA) is None


def test_a_symmetric_relation_is_allowed_either_way_round() -> None:
    spans = {span.id: span for span in SPANS}
    for source, target in (("ahmad", "isis"), ("isis", "ahmad")):
        relation = Relation("r", "affiliated-with", source, target)
        assert relation_warning(relation, spans, SCHEMA) is None
    located = Relation("r", "located-in", "mosul", "isis")
    assert relation_warning(located, spans, SCHEMA) is not None
