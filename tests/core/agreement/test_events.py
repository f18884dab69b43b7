"""Event agreement against tuple sets built straight from the TextEE definitions (MEASURES §7)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from workbench.core.agreement import DocumentAnnotations, agreement_report, event_mentions
from workbench.core.model import AnnotationSet, Argument, Event, Span, Status

from .references import brute_force_matching, share_a_character
from .strategies import Corpus, RawEvent, corpora

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TextEETuple = tuple[Any, ...]
"""Offsets, and the types and roles a TextEE tuple holds."""


def textee_tuples(events: tuple[RawEvent, ...]) -> dict[str, set[TextEETuple]]:
    """The six tuple sets, written out as TextEE's scorer defines them."""
    sets: dict[str, set[TextEETuple]] = {
        name: set()
        for name in (
            "trigger_identification",
            "trigger_classification",
            "argument_identification",
            "argument_classification",
            "argument_identification_attached",
            "argument_classification_attached",
        )
    }
    for event in events:
        (ts, te), kind = event.trigger, event.type
        sets["trigger_identification"].add((ts, te))
        sets["trigger_classification"].add((ts, te, kind))
        for s, e, role in event.arguments:
            sets["argument_identification"].add((kind, s, e))
            sets["argument_classification"].add((kind, s, e, role))
            sets["argument_identification_attached"].add((ts, te, kind, s, e))
            sets["argument_classification_attached"].add((ts, te, kind, s, e, role))
    return sets


def overlap_edge(name: str) -> Callable[[TextEETuple, TextEETuple], bool]:
    """Which tuple fields must be equal and which ranges must overlap, for the overlap variant."""

    def split(t: TextEETuple) -> tuple[TextEETuple, list[TextEETuple]]:
        if name == "trigger_identification":
            return (), [t[0:2]]
        if name == "trigger_classification":
            return (t[2],), [t[0:2]]
        if name in ("argument_identification", "argument_classification"):
            return (t[0], *t[3:]), [t[1:3]]
        return (t[2], *t[5:]), [t[0:2], t[3:5]]

    def edge(x: TextEETuple, y: TextEETuple) -> bool:
        (kx, rx), (ky, ry) = split(x), split(y)
        return kx == ky and all(share_a_character(a, b) for a, b in zip(rx, ry, strict=True))

    return edge


@SETTINGS
@given(corpora(min_annotators=2, max_annotators=3, max_documents=3, with_events=True))
def test_event_f1_equals_the_definitions(corpus: Corpus) -> None:
    report = agreement_report(corpus.build(), corpus.annotators)
    for a, b in combinations(corpus.annotators, 2):
        key = f"{a}|{b}"
        shared = [d for d in corpus.documents if corpus.finished(d, a) and corpus.finished(d, b)]
        for name in report["events"]["exact"]:
            tp = n_a = n_b = overlap_tp = 0
            for document in shared:
                x = textee_tuples(document.events[a])[name]
                y = textee_tuples(document.events[b])[name]
                tp += len(x & y)
                overlap_tp += brute_force_matching(sorted(x), sorted(y), overlap_edge(name))
                n_a += len(x)
                n_b += len(y)
            assert report["events"]["exact"][name]["counts"][key] == {"tp": tp, "a": n_a, "b": n_b}
            assert report["events"]["overlap"][name]["counts"][key] == {
                "tp": overlap_tp,
                "a": n_a,
                "b": n_b,
            }
            expected = 2 * tp / (n_a + n_b) if shared and n_a + n_b else None
            assert report["events"]["exact"][name]["pairs"][key] == expected

        aligned = sum(
            brute_force_matching(
                d.events[a],
                d.events[b],
                lambda x, y: x.type == y.type and share_a_character(x.trigger, y.trigger),
            )
            for d in shared
        )
        assert report["events"]["role_agreement"]["aligned_events"][key] == aligned


def _set(annotator: str, spans: list[Span], events: list[Event]) -> AnnotationSet:
    return AnnotationSet(annotator, tuple(spans), tuple(events), Status.DONE)


def test_role_agreement_uses_the_closest_trigger() -> None:
    """A's one Attack overlaps two of B's; it is aligned with the one of equal extent, whose
    arguments agree, so role F1 is 1 over the aligned pair."""
    a = _set(
        "A",
        [Span("t", 10, 15, "Attack", ""), Span("x", 0, 5, "PER", "")],
        [Event("e", "Attack", "t", (Argument("Agent", span_id="x"),))],
    )
    b = _set(
        "B",
        [
            Span("t1", 8, 12, "Attack", ""),
            Span("t2", 10, 15, "Attack", ""),
            Span("x", 0, 5, "PER", ""),
        ],
        [
            Event("e1", "Attack", "t1", ()),
            Event("e2", "Attack", "t2", (Argument("Agent", span_id="x"),)),
        ],
    )
    document = DocumentAnnotations.from_sets("d", 20, (), [a, b])
    roles = agreement_report([document], ["A", "B"])["events"]["role_agreement"]
    assert roles["aligned_events"] == {"A|B": 1}
    assert roles["counts"]["A|B"] == {"tp": 1, "a": 1, "b": 1}
    assert roles["pairs"]["A|B"] == 1.0


def test_event_filler_takes_the_trigger_offsets() -> None:
    annotation_set = _set(
        "A",
        [Span("t1", 0, 3, "Attack", ""), Span("t2", 5, 9, "Die", "")],
        [
            Event("e1", "Attack", "t1", ()),
            Event("e2", "Die", "t2", (Argument("Cause", event_id="e1"),)),
        ],
    )
    mentions = event_mentions(annotation_set, 10)
    assert mentions[1].arguments == frozenset({(0, 3, "Cause")})


def test_dangling_reference_is_an_error() -> None:
    annotation_set = _set(
        "A",
        [Span("t1", 0, 3, "Attack", "")],
        [Event("e1", "Attack", "t1", (Argument("Agent", span_id="gone"),))],
    )
    with pytest.raises(ValueError, match="missing span gone"):
        event_mentions(annotation_set, 10)


def test_no_events_on_either_side_is_undefined() -> None:
    sets = [_set(a, [Span("x", 0, 3, "PER", "")], []) for a in "AB"]
    report = agreement_report([DocumentAnnotations.from_sets("d", 5, (), sets)], ["A", "B"])
    assert report["events"]["exact"]["trigger_identification"]["pairs"]["A|B"] is None
    assert report["events"]["role_agreement"]["pairs"]["A|B"] is None
    assert "/events/role_agreement/pairs/A|B" in report["undefined"]
