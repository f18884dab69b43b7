"""Problems with an event that the annotator should see, and how complete its roles are.

The store refuses a filler the schema does not allow at the moment it is added. These checks look
at an event as it is now, after the fact: a required role still empty, a filler whose label the
role no longer allows (the schema changed, or the filler span was relabelled), a role that takes
one filler holding two, an argument whose span or event is gone. They are warnings, shown beside
the event; they never block an edit.

Each problem is an ``EventProblem``, a ``core.errors.Problem``: a string (the English sentence,
as the command line and the logs show it) that also keeps its template and values, so that the
window can say it in the interface language with the schema's names for the roles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from workbench.core.errors import Problem
from workbench.core.model import Argument, Event, Span
from workbench.core.schema import EventType, Schema, event_filler

UNKNOWN_TYPE = "the schema has no event type {type!r}"
MISSING_TRIGGER = "its trigger span is missing"
MISSING_REQUIRED = "the required role {role} has no filler"
OVERFILLED = "the role {role} takes one filler but has {count}"
UNKNOWN_ROLE = "the type {type} has no role {role} any more"
MISSING_FILLER = "the {role} argument refers to a missing span or event"
REFUSED_FILLER = "the role {role} cannot be filled by {label} (allowed: {allowed})"


class EventProblem(Problem):
    """One problem of an event: its ``values`` always hold the event's ``type``, which the event
    panel names with the schema's names (``ui.events.event_text.problem_text``)."""


def event_problems(
    event: Event,
    spans_by_id: Mapping[str, Span],
    schema: Schema,
    events_by_id: Mapping[str, Event] | None = None,
) -> list[EventProblem]:
    """What is wrong with ``event``, one sentence each; empty when nothing is.

    ``events_by_id`` (the document's events) lets arguments filled by events be checked too;
    without it they are taken as they are.
    """
    if not schema.has_event(event.type):
        return [EventProblem(UNKNOWN_TYPE, type=event.type)]
    event_type = schema.event(event.type)
    problems = []
    if event.trigger_span_id not in spans_by_id:
        problems.append(EventProblem(MISSING_TRIGGER, type=event.type))
    problems += _missing_required_roles(event, event_type)
    problems += _overfilled_roles(event, event_type)
    for argument in event.arguments:
        problem = argument_problem(argument, event_type, spans_by_id, events_by_id)
        if problem:
            problems.append(problem)
    return problems


def role_counts(event: Event, schema: Schema) -> tuple[int, int]:
    """(roles filled, roles expected): the expected ones are those filled plus the required ones
    still empty, so a complete event reads n/n whatever its optional roles."""
    filled = {argument.role for argument in event.arguments}
    if not schema.has_event(event.type):
        return len(filled), len(filled)
    required = {role.id for role in schema.event(event.type).roles if role.required}
    return len(filled), len(filled | required)


def _missing_required_roles(event: Event, event_type: EventType) -> list[EventProblem]:
    filled = {argument.role for argument in event.arguments}
    return [
        EventProblem(MISSING_REQUIRED, type=event.type, role=role.id)
        for role in event_type.roles
        if role.required and role.id not in filled
    ]


def _overfilled_roles(event: Event, event_type: EventType) -> list[EventProblem]:
    counts = Counter(argument.role for argument in event.arguments)
    return [
        EventProblem(OVERFILLED, type=event.type, role=role.id, count=counts[role.id])
        for role in event_type.roles
        if not role.repeatable and counts[role.id] > 1
    ]


def argument_problem(
    argument: Argument,
    event_type: EventType,
    spans_by_id: Mapping[str, Span],
    events_by_id: Mapping[str, Event] | None,
) -> EventProblem | None:
    """What is wrong with one argument of an event of ``event_type``; None when nothing is."""
    roles = {role.id: role for role in event_type.roles}
    role = roles.get(argument.role)
    if role is None:
        return EventProblem(UNKNOWN_ROLE, type=event_type.id, role=argument.role)
    label = _filler_label(argument, spans_by_id, events_by_id)
    if label is None:
        return EventProblem(MISSING_FILLER, type=event_type.id, role=argument.role)
    if label and not role.allows(label):
        allowed = ", ".join(role.fillers)
        return EventProblem(
            REFUSED_FILLER, type=event_type.id, role=argument.role, label=label, allowed=allowed
        )
    return None


def _filler_label(
    argument: Argument,
    spans_by_id: Mapping[str, Span],
    events_by_id: Mapping[str, Event] | None,
) -> str | None:
    """The filler's label as roles name fillers; "" when it cannot be checked, None when gone."""
    if argument.span_id is not None:
        span = spans_by_id.get(argument.span_id)
        return None if span is None else span.label
    if events_by_id is None:
        return ""
    filler = events_by_id.get(argument.filler_id)
    return None if filler is None else event_filler(filler.type)
