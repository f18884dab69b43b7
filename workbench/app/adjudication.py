"""Adjudication use cases: writing the gold layer from the annotators' work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workbench.core.adjudication import Agreement, agreed_annotations
from workbench.core.model import GOLD, AnnotatedDocument, AnnotationSet, Event, Span, Status, new_id
from workbench.store.project import ImportSummary, Project


def finished_sets(project: Project, document_id: str) -> list[AnnotationSet]:
    """The annotators' sets (not gold) that are done: the ones adjudication compares."""
    annotated = project.annotated_document(document_id)
    return [s for s in annotated.sets if s.annotator != GOLD and s.status is Status.DONE]


def prefill_gold(project: Project, document_id: str, minimum: Agreement = Agreement.ALL) -> int:
    """Write into gold what all (or a majority of) the finished annotators agree on.

    What gold already holds stays; returns the number of spans added.
    """
    spans, events = agreed_annotations(finished_sets(project, document_id), minimum)
    return copy_to_gold(project, document_id, spans, events)


def copy_to_gold(
    project: Project, document_id: str, spans: Sequence[Span], events: Sequence[Event] = ()
) -> int:
    """Add spans and events (e.g. one annotator's version) to gold, under new ids, in one step.

    An event's trigger and span fillers must be among ``spans``. Returns the spans added (a span
    gold already holds with the same range and label is not added twice).
    """
    fresh = {span.id: new_id() for span in spans}
    gold_spans = tuple(replace(span, id=fresh[span.id]) for span in spans)
    gold_events = tuple(
        replace(
            event,
            id=new_id(),
            trigger_span_id=fresh[event.trigger_span_id],
            arguments=tuple(
                replace(a, span_id=fresh[a.span_id]) for a in event.arguments if a.span_id in fresh
            ),
        )
        for event in events
    )
    gold = AnnotationSet(GOLD, gold_spans, gold_events, status=Status.IN_PROGRESS)
    document = project.document(document_id)
    summary: ImportSummary = project.add_documents([AnnotatedDocument(document, (gold,))])
    return summary.spans


def adjudication_progress(project: Project) -> dict[str, Status]:
    """Each document's gold status: new (not started), in progress, or done."""
    statuses = dict(
        project.conn.execute(
            "SELECT document_id, status FROM annotation_sets WHERE annotator = ?", [GOLD]
        )
    )
    return {d.id: Status(statuses.get(d.id, Status.NEW.value)) for d in project.documents()}
