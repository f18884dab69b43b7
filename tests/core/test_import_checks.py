"""The checks every import makes on one annotator's annotations (core/import_checks.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import import_checks
from workbench.core.import_checks import annotation_set_problem
from workbench.core.model import AnnotationSet, Argument, Event, Span
from workbench.core.schema import Schema

SCHEMA = Schema.from_json(
    json.dumps(
        {"schema": {
            "id": "chain", "version": 1, "name": {"en": "Chain", "ar": "سلسلة"},
            "entity_types": [{"id": "PER", "en": "Person", "ar": "شخص", "color": "#e6194b"}],
            "event_types": [{"id": "Report", "en": "Report", "ar": "تقرير", "roles": [
                {"id": "About", "en": "About", "ar": "عن", "fillers": ["PER", "EVENT:Report"]}]}],
        }}
    )
)
TEXT = "x" * 10


def reports(count: int, *, closed: bool) -> AnnotationSet:
    """Events e0 -> e1 -> ... -> e(count-1), each filling About of the one before; closed, the
    last fills the first's."""
    trigger = Span("t", 0, 1, "Report", "x")
    events = [
        Event(f"e{n}", "Report", "t", (Argument("About", event_id=f"e{n + 1}"),))
        for n in range(count - 1)
    ]
    last = (Argument("About", event_id="e0"),) if closed else ()
    events.append(Event(f"e{count - 1}", "Report", "t", last))
    return AnnotationSet("amal", spans=(trigger,), events=tuple(events))


def test_a_long_chain_of_events_is_no_cycle_and_needs_no_recursion() -> None:
    assert annotation_set_problem(TEXT, reports(20_000, closed=False), SCHEMA) is None


def test_a_cycle_is_found_however_long() -> None:
    for count in (1, 2, 3, 5_000):
        problem = annotation_set_problem(TEXT, reports(count, closed=True), SCHEMA)
        assert problem is not None and "contains itself" in problem


def test_conflict_news_refuses_a_span_outside_the_text(conflict_news: Schema) -> None:
    annotations = AnnotationSet("amal", spans=(Span("s", 8, 12, "PER", "xx"),))
    assert "not a range of the text (0 to 10)" in str(annotation_set_problem(TEXT, annotations, conflict_news))


def test_a_set_that_passed_is_not_walked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    walked: list[AnnotationSet] = []
    first_problem = import_checks._first_problem

    def counted(text: str, annotations: AnnotationSet, schema: Schema) -> str | None:
        walked.append(annotations)
        return first_problem(text, annotations, schema)

    monkeypatch.setattr(import_checks, "_first_problem", counted)
    chain = reports(3, closed=False)
    assert annotation_set_problem(TEXT, chain, SCHEMA) is None
    assert annotation_set_problem(TEXT, chain, SCHEMA) is None
    assert walked == [chain]
    # the same set against another text, or an equal set that is another object, is walked
    assert annotation_set_problem("y" * 10, chain, SCHEMA) is not None
    assert annotation_set_problem(TEXT, reports(3, closed=False), SCHEMA) is None
    assert len(walked) == 3


def test_a_set_that_failed_fails_again() -> None:
    cycle = reports(3, closed=True)
    assert annotation_set_problem(TEXT, cycle, SCHEMA) is not None
    assert annotation_set_problem(TEXT, cycle, SCHEMA) is not None



spans_in_text = st.lists(
    st.builds(
        Span,
        id=st.sampled_from(["s1", "s2", "s3", ""]),
        start=st.integers(-1, 11),
        end=st.integers(-1, 11),
        label=st.sampled_from(["PER", "Report", "ORG"]),
        text=st.sampled_from(["x", "xx", "y", ""]),
        attributes=st.sampled_from([{}, {"level": "NAM"}, {"nested": [[1]]}]),
    ),
    max_size=5,
)


@given(spans_in_text)
def test_the_spans_loop_finds_what_checking_each_span_found(spans: list[Span]) -> None:
    """The loop over the spans checks the common span (a label of the schema, no attributes,
    its text at its offsets) itself: the first problem is the one ``_span_problem`` finds."""
    text = "xxxxxyxxxx"
    expected = next(
        (problem for span in spans if (problem := import_checks._span_problem(span, text, SCHEMA))),
        None,
    )
    assert import_checks._spans_problem(spans, text, SCHEMA) == expected


@given(spans_in_text)
def test_a_repeated_span_id_is_named_as_before(spans: list[Span]) -> None:
    by_id = {span.id: span for span in spans}
    expected = import_checks._repeated_id("span", (span.id for span in spans))
    assert import_checks._repeated_span_id(spans, by_id) == expected
