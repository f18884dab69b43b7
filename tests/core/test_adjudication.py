from __future__ import annotations

from workbench.core.adjudication import (
    Agreement, agreed_annotations, event_candidates, span_candidates,
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
        AnnotationSet("amal", amal_spans + (span("ax", 12, 16, "LOC"),), amal_events),
        AnnotationSet("badr", badr_spans, badr_events),
        AnnotationSet("cala", cala_spans, cala_events),
    ]


def test_span_candidates_say_who_has_each_span() -> None:
    candidates = {c.key: c for c in span_candidates(sets())}
    assert candidates[(5, 11, "PER")].agreement is Agreement.ALL
    assert candidates[(12, 16, "LOC")].annotators == ("amal",)
    assert candidates[(12, 16, "LOC")].agreement is Agreement.SOME


def test_events_are_compared_by_content() -> None:
    [majority, single] = sorted(event_candidates(sets()), key=lambda c: -len(c.annotators))
    assert majority.annotators == ("amal", "badr") and majority.agreement is Agreement.MAJORITY
    assert single.annotators == ("cala",) and single.agreement is Agreement.SOME


def test_accepting_what_all_agree_on_leaves_out_a_trigger_without_its_event() -> None:
    spans, events = agreed_annotations(sets())
    assert {(s.start, s.end, s.label) for s in spans} == {(5, 11, "PER"), (21, 27, "GPE")}
    assert events == ()  # the attack's trigger is agreed, its arguments are not


def test_the_majority_variant_keeps_the_majority_event_with_its_spans() -> None:
    spans, events = agreed_annotations(sets(), Agreement.MAJORITY)
    by_id = {s.id: s for s in spans}
    assert {(s.start, s.end, s.label) for s in spans} == {(0, 4, "Conflict.Attack"), (5, 11, "PER"), (21, 27, "GPE")}
    [event] = events
    assert by_id[event.trigger_span_id].label == "Conflict.Attack"
    assert sorted((a.role, by_id[a.span_id].label) for a in event.arguments if a.span_id) == [
        ("Attacker", "PER"), ("Place", "GPE"),
    ]


def test_candidates_know_what_is_already_in_gold() -> None:
    gold = AnnotationSet("gold", (span("g", 5, 11, "PER"),))
    marked = {c.key: c.in_gold for c in span_candidates(sets(), gold)}
    assert marked[(5, 11, "PER")] and not marked[(12, 16, "LOC")]
