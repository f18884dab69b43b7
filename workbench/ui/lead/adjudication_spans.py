"""What the adjudication window's views draw: in the merged view candidates, not spans (their ids
there and how each is drawn, by how many annotators have it); in the gold view gold's relations
as arcs; in each annotator's view, framed, the spans that not every annotator shown has."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor

from workbench.app.adjudication import Comparison
from workbench.core.adjudication import (
    Agreement,
    ArgumentCandidate,
    Candidate,
    EventCandidate,
    SpanCandidate,
    SpanKey,
    all_candidates,
    span_key,
)
from workbench.core.model import AnnotationSet
from workbench.core.schema import Schema
from workbench.ui.annotate.arc_painting import ArcSpec
from workbench.ui.annotate.view_span import ViewSpan
from workbench.ui.events.event_document import EventDocument
from workbench.ui.label_style import label_colour, label_style, lighter
from workbench.ui.lead.adjudication_candidates import is_span_or_event
from workbench.ui.relation_names import relation_type_name

RELATION_ARCS = "gold-relations"
"""The owner of the relation arcs in the gold view (``AnnotatedTextView.set_arcs``)."""


def candidate_id(key: SpanKey) -> str:
    start, end, label = key
    return f"{start}:{end}:{label}"


def candidate_span(candidate: SpanCandidate | EventCandidate, schema: Schema) -> ViewSpan:
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


def merged_spans(comparison: Comparison, schema: Schema) -> list[ViewSpan]:
    """The merged view's spans: every span and trigger candidate (``candidate_span``)."""
    return [candidate_span(c, schema) for c in comparison.candidates if is_span_or_event(c)]


def disagreements(
    comparison: Comparison, shown: Sequence[str], annotators: Sequence[str]
) -> dict[str, list[tuple[int, int]]]:
    """Per annotator of ``annotators``, the ranges of their spans that not every annotator
    ``shown`` has."""
    sets = [comparison.set_of(annotator) for annotator in shown]
    agreed = {
        c.key
        for c in all_candidates(sets)
        if c.agreement is Agreement.ALL and not isinstance(c, ArgumentCandidate)
    }
    return {
        annotator: [(s.start, s.end) for s in comparison.set_of(annotator).spans if span_key(s) not in agreed]
        for annotator in annotators
    }


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


def relation_arcs(gold: AnnotationSet | None, schema: Schema) -> list[ArcSpec]:
    """An arc per relation of gold, from its source span to its target, labelled with the type's
    name and coloured a darker shade of the source's label colour (as an event's arcs are)."""
    if gold is None:
        return []
    spans = {span.id: span for span in gold.spans}
    arcs = []
    for relation in gold.relations:
        source, target = spans.get(relation.from_span_id), spans.get(relation.to_span_id)
        if source is None or target is None:
            continue
        colour = QColor(label_colour(schema, source.label)).darker(140).name()
        arcs.append(
            ArcSpec(
                relation.id,
                relation_type_name(schema, relation.type),
                (source.start, source.end),
                (target.start, target.end),
                colour,
            )
        )
    return arcs
