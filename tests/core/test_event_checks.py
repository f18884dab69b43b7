"""Event warnings: missing required roles, fillers the role no longer allows, a role taking one
filler holding two, arguments to what is gone; and the "filled/expected" role count."""

from __future__ import annotations

from workbench.core.event_checks import event_problems, role_counts
from workbench.core.model import Argument, Event, Span
from workbench.core.schema import Schema

SPANS = {
    span.id: span
    for span in (
        Span("t", 0, 4, "Conflict.Attack", "هجوم"),
        Span("t2", 5, 9, "Conflict.Claim-Responsibility", "تبنى"),
        Span("gunmen", 10, 16, "PER", "مسلحون"),
        Span("mosul", 20, 26, "GPE", "الموصل"),
        Span("village", 30, 34, "LOC", "قرية"),
        Span("rifle", 40, 45, "WEA", "بندقية"),
    )
}


def attack(*arguments: Argument) -> Event:
    return Event("a", "Conflict.Attack", "t", arguments)


def test_a_complete_event_has_no_problems(conflict_news: Schema) -> None:
    event = attack(Argument("Target", span_id="gunmen"), Argument("Place", span_id="mosul"))
    assert event_problems(event, SPANS, conflict_news) == []
    assert role_counts(event, conflict_news) == (2, 2)


def test_a_missing_required_role(conflict_news: Schema) -> None:
    event = attack(Argument("Attacker", span_id="gunmen"))
    assert event_problems(event, SPANS, conflict_news) == ["the required role Target has no filler"]
    assert role_counts(event, conflict_news) == (1, 2)


def test_a_filler_the_role_no_longer_allows(conflict_news: Schema) -> None:
    event = attack(Argument("Target", span_id="gunmen"), Argument("Place", span_id="rifle"))
    assert event_problems(event, SPANS, conflict_news) == [
        "the role Place cannot be filled by WEA (allowed: GPE, LOC, FAC)"
    ]


def test_a_role_taking_one_filler_filled_twice(conflict_news: Schema) -> None:
    event = attack(
        Argument("Target", span_id="gunmen"),
        Argument("Place", span_id="mosul"),
        Argument("Place", span_id="village"),
    )
    assert event_problems(event, SPANS, conflict_news) == ["the role Place takes one filler but has 2"]
    assert role_counts(event, conflict_news) == (2, 2)


def test_arguments_to_missing_spans_and_events_and_a_missing_trigger(conflict_news: Schema) -> None:
    event = Event("a", "Conflict.Attack", "gone", (Argument("Target", span_id="gone-too"),))
    assert event_problems(event, SPANS, conflict_news) == [
        "its trigger span is missing",
        "the Target argument refers to a missing span or event",
    ]
    claim = Event("c", "Conflict.Claim-Responsibility", "t2", (
        Argument("Claimant", span_id="gunmen"), Argument("ClaimedEvent", event_id="nowhere"),
    ))
    assert event_problems(claim, SPANS, conflict_news) == []  # event fillers unchecked without events
    assert event_problems(claim, SPANS, conflict_news, {}) == [
        "the ClaimedEvent argument refers to a missing span or event"
    ]


def test_event_fillers_are_checked_against_the_role(conflict_news: Schema) -> None:
    claim = Event("c", "Conflict.Claim-Responsibility", "t2", (
        Argument("Claimant", span_id="gunmen"), Argument("ClaimedEvent", event_id="other"),
    ))
    allowed = {"other": Event("other", "Life.Die", "t")}
    assert event_problems(claim, SPANS, conflict_news, allowed) == []
    refused = {"other": Event("other", "Justice.Convict", "t")}
    assert event_problems(claim, SPANS, conflict_news, refused) == [
        "the role ClaimedEvent cannot be filled by EVENT:Justice.Convict (allowed: "
        "EVENT:Conflict.Attack, EVENT:Conflict.Abduct, EVENT:Life.Die, EVENT:Life.Injure)"
    ]


def test_a_type_or_role_the_schema_no_longer_has(conflict_news: Schema) -> None:
    gone = Event("x", "Conflict.Invented", "t")
    problems = event_problems(gone, SPANS, conflict_news)
    assert problems == ["the schema has no event type 'Conflict.Invented'"]
    assert role_counts(gone, conflict_news) == (0, 0)
    event = attack(Argument("Target", span_id="gunmen"), Argument("Weather", span_id="mosul"))
    assert event_problems(event, SPANS, conflict_news) == [
        "the type Conflict.Attack has no role Weather any more"
    ]
