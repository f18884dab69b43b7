from __future__ import annotations

from workbench.core.adjudication import (
    Added,
    Agreement,
    add_to_gold,
    agreed_annotations,
    all_candidates,
    empty_gold,
    event_candidates,
    same_content,
    span_candidates,
)
from workbench.core.model import AnnotationSet, Argument, Event, Span

TEXT = "هاجم مسلحون قرية قرب الموصل"


def span(span_id: str, start: int, end: int, label: str) -> Span:
    return Span(span_id, start, end, label, TEXT[start:end])


def attack(prefix: str, with_place: bool) -> tuple[tuple[Span, ...], tuple[Event, ...]]:
    trigger = span(f"{prefix}t", 0, 4, "Conflict.Attack")
    attacker = span(f"{prefix}a", 5, 11, "PER")
    place = span(f"{prefix}p", 21, 27, "GPE")
    arguments = (Argument("Attacker", span_id=attacker.id),) + (
        (Argument("Place", span_id=place.id),) if with_place else ()
    )
    return (trigger, attacker, place), (Event(f"{prefix}e", "Conflict.Attack", trigger.id, arguments),)


def sets() -> list[AnnotationSet]:
    amal_spans, amal_events = attack("a", with_place=True)
    badr_spans, badr_events = attack("b", with_place=True)
    cala_spans, cala_events = attack("c", with_place=False)
    return [
        AnnotationSet("amal", (*amal_spans, span("ax", 12, 16, "LOC")), amal_events),
        AnnotationSet("badr", badr_spans, badr_events),
        AnnotationSet("cala", cala_spans, cala_events),
    ]


def test_span_candidates_say_who_has_each_span() -> None:
    candidates = {c.key: c for c in span_candidates(sets())}
    assert candidates[(5, 11, "PER")].agreement is Agreement.ALL
    assert candidates[(12, 16, "LOC")].annotators == ("amal",)
    assert candidates[(12, 16, "LOC")].agreement is Agreement.SOME


def test_events_are_compared_by_trigger_and_type_and_arguments_one_by_one() -> None:
    [attack] = event_candidates(sets())
    assert attack.key == (0, 4, "Conflict.Attack") and attack.agreement is Agreement.ALL
    arguments = {a.key: (a.annotators, a.agreement) for a in attack.arguments}
    assert arguments == {
        (5, 11, "PER", "Attacker"): (("amal", "badr", "cala"), Agreement.ALL),
        (21, 27, "GPE", "Place"): (("amal", "badr"), Agreement.MAJORITY),
    }


def test_triggers_are_event_candidates_not_span_candidates() -> None:
    keys = {c.key for c in span_candidates(sets())}
    assert (0, 4, "Conflict.Attack") not in keys
    rows = all_candidates(sets())
    assert [type(r).__name__ for r in rows] == [
        "EventCandidate", "ArgumentCandidate", "ArgumentCandidate", "SpanCandidate",
        "SpanCandidate", "SpanCandidate",
    ]


def test_accepting_what_all_agree_on_keeps_an_agreed_trigger_with_its_agreed_arguments() -> None:
    spans, events = agreed_annotations(sets())
    by_id = {s.id: s for s in spans}
    assert {(s.start, s.end, s.label) for s in spans} == {
        (0, 4, "Conflict.Attack"), (5, 11, "PER"), (21, 27, "GPE"),
    }
    [event] = events
    assert by_id[event.trigger_span_id].label == "Conflict.Attack"
    assert [(a.role, by_id[a.span_id].label) for a in event.arguments if a.span_id] == [
        ("Attacker", "PER"),
    ]


def test_the_majority_variant_keeps_the_majority_arguments_too() -> None:
    spans, events = agreed_annotations(sets(), Agreement.MAJORITY)
    by_id = {s.id: s for s in spans}
    [event] = events
    assert sorted((a.role, by_id[a.span_id].label) for a in event.arguments if a.span_id) == [
        ("Attacker", "PER"), ("Place", "GPE"),
    ]


def test_adding_to_gold_twice_adds_nothing_the_second_time() -> None:
    amal = sets()[0]
    gold, added = add_to_gold(empty_gold(), amal.spans, amal.events)
    assert added == Added(spans=3, events=1, arguments=2)
    assert len(gold.spans) == 4 and len(gold.events) == 1
    again, added_again = add_to_gold(gold, amal.spans, amal.events)
    assert not added_again and same_content(gold, again)
    cala = sets()[2]
    grown, added = add_to_gold(gold, cala.spans, cala.events)
    assert added == Added() and same_content(gold, grown)  # cala's event is in amal's


def test_an_argument_joins_the_gold_event_on_its_trigger() -> None:
    cala = sets()[2]
    gold, _ = add_to_gold(empty_gold(), cala.spans, cala.events)
    amal = sets()[0]
    grown, added = add_to_gold(gold, amal.spans, amal.events)
    assert added == Added(spans=1, arguments=1)  # the place and its role; one event still
    [event] = grown.events
    assert sorted(a.role for a in event.arguments) == ["Attacker", "Place"]


def test_candidates_know_what_is_already_in_gold() -> None:
    gold = AnnotationSet("gold", (span("g", 5, 11, "PER"),))
    marked = {c.key: c.in_gold for c in span_candidates(sets(), gold)}
    assert marked[(5, 11, "PER")] and not marked[(12, 16, "LOC")]
