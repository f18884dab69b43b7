"""The merged view of the adjudication window draws candidates, not spans: their ids there and
how each is drawn (by how many annotators have it)."""

from __future__ import annotations

from workbench.core.adjudication import (
    Agreement,
    ArgumentCandidate,
    Candidate,
    EventCandidate,
    SpanKey,
)
from workbench.core.schema import Schema
from workbench.ui.events.event_document import EventDocument
from workbench.ui.label_style import label_style, lighter
from workbench.ui.annotate.text_view import ViewSpan


def candidate_id(key: SpanKey) -> str:
    start, end, label = key
    return f"{start}:{end}:{label}"


def candidate_span(candidate: Candidate, schema: Schema) -> ViewSpan:
    """A candidate in the merged view: solid when all have it, lighter for a majority, a dashed
    outline when fewer; its title names who has it."""
    start, end, label = candidate.key
    colour, kind = label_style(schema, label)
    if candidate.agreement is Agreement.MAJORITY:
        colour = lighter(colour)
    elif candidate.agreement is Agreement.SOME:
        kind = "suggestion"
    title = f"{label} — {', '.join(candidate.annotators)}"
    return ViewSpan(candidate_id(candidate.key), start, end, colour, title, kind)


def gold_event_id(document: EventDocument, candidate: Candidate) -> str | None:
    """Gold's event for an event or argument candidate gold has (its arcs are drawn), else None."""
    key = candidate.event if isinstance(candidate, ArgumentCandidate) else candidate.key
    found = None
    if isinstance(candidate, EventCandidate | ArgumentCandidate):
        found = next(
            (
                e.id
                for e in document.events.values()
                if (t := document.trigger(e)) is not None and (t.start, t.end, e.type) == key
            ),
            None,
        )
    return found
