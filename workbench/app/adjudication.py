"""Adjudication use cases: writing the gold layer from the annotators' work.

Every write to gold is a ``GoldEdit``: the document, gold as it was and as it became, a
``Command`` (``changes.py``) whose apply and revert write one side back whole. The functions here
make an edit and apply it; the window keeps it on its undo stack, the command line just makes it.
An edit that would change nothing writes nothing and returns None, which is what makes accepting
the same thing twice harmless.

Relations and document labels are adjudicated alongside (``Comparison.relations`` and
``Comparison.document_labels``): accepting one, an annotator's version, or what all agree on
writes them with the spans and events. ``symmetric`` names the relation types whose ends have
no order (the schema's symmetric types).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from workbench.app.changes import Change, Command, set_difference
from workbench.core.adjudication import (
    Added,
    Agreement,
    ArgumentCandidate,
    Candidate,
    EventCandidate,
    SpanCandidate,
    SpanKey,
    accepted_at_majority,
    add_to_gold,
    agreed_annotations,
    all_candidates,
    empty_gold,
    event_annotations,
    holders_span,
    same_content,
    span_key,
)
from workbench.core.adjudication_labels import (
    DocumentLabelCandidate,
    agreed_document_labels,
    document_label_candidates,
)
from workbench.core.adjudication_relations import (
    RelationCandidate,
    agreed_relations,
    holders_relation,
    relation_candidates,
)
from workbench.core.errors import Problem, WorkbenchError
from workbench.core.model import (
    GOLD,
    AnnotationSet,
    Document,
    DocumentLabelValue,
    Event,
    Relation,
    Span,
    Status,
)
from workbench.store.project import Project


@dataclass(frozen=True)
class GoldEdit(Command):
    """One change to one document's gold (see the module docstring)."""

    document_id: str
    before: AnnotationSet | None
    after: AnnotationSet | None
    added: Added = field(default_factory=Added)

    def apply(self, project: Project) -> Change:
        project.replace_set(self.document_id, GOLD, self.after)
        return self.change()

    def revert(self, project: Project) -> Change:
        project.replace_set(self.document_id, GOLD, self.before)
        return set_difference(self.document_id, self.after, self.before)

    def change(self) -> Change:
        """What applying the edit changes in gold."""
        return set_difference(self.document_id, self.before, self.after)


def finished_sets(project: Project, document_id: str) -> list[AnnotationSet]:
    """The annotators' sets (not gold) that are done: the ones adjudication compares."""
    annotated = project.annotated_document(document_id)
    return [s for s in annotated.sets if s.annotator != GOLD and s.status is Status.DONE]


def gold_of(project: Project, document_id: str) -> AnnotationSet | None:
    return project.annotation_set(document_id, GOLD)


@dataclass(frozen=True)
class Comparison:
    """One document as adjudication sees it: the finished sets, gold, and the candidates: spans
    and events, relations, and each document-label field's answers."""

    document: Document
    finished: tuple[AnnotationSet, ...]
    gold: AnnotationSet | None
    candidates: tuple[Candidate, ...]
    relations: tuple[RelationCandidate, ...] = ()
    document_labels: tuple[DocumentLabelCandidate, ...] = ()

    @classmethod
    def load(
        cls, project: Project, document_id: str, symmetric: Collection[str] | None = None
    ) -> Comparison:
        """The comparison on one document; ``symmetric`` the relation types whose ends have no
        order, the schema's when not given."""
        symmetric = _symmetric(project, symmetric)
        finished = tuple(finished_sets(project, document_id))
        gold = gold_of(project, document_id)
        return cls(
            project.document(document_id),
            finished,
            gold,
            tuple(all_candidates(finished, gold)),
            tuple(relation_candidates(finished, gold, symmetric)),
            tuple(document_label_candidates(finished, gold)),
        )

    @property
    def annotators(self) -> list[str]:
        return [s.annotator for s in self.finished]

    def set_of(self, annotator: str) -> AnnotationSet:
        return next(s for s in self.finished if s.annotator == annotator)

    def notes(self, key: SpanKey) -> list[tuple[str, str]]:
        """(annotator, note) of each finished annotator's span with this content and a note."""
        return [
            (s.annotator, span.note)
            for s in self.finished
            for span in s.spans
            if span.note and span_key(span) == key
        ]

    def gold_spans(self) -> tuple[Span, ...]:
        return self.gold.spans if self.gold else ()


def _grow_gold(
    project: Project,
    document_id: str,
    grow: Callable[[AnnotationSet], tuple[AnnotationSet, Added]],
    *,
    start_empty: bool = False,
) -> GoldEdit | None:
    before = gold_of(project, document_id)
    base = before or empty_gold()
    if start_empty:
        base = empty_gold(base.status)
    after, added = grow(base)
    if same_content(before, after):
        return None
    edit = GoldEdit(document_id, before, after, added)
    edit.apply(project)
    return edit


def accept_annotations(
    project: Project,
    document_id: str,
    spans: Sequence[Span],
    events: Sequence[Event] = (),
    *,
    relations: Sequence[Relation] = (),
    document_labels: Mapping[str, DocumentLabelValue] | None = None,
    symmetric: Collection[str] = (),
    replace_gold: bool = False,
) -> GoldEdit | None:
    """Add spans, events, relations (triggers, span fillers and ends among ``spans``) and
    document-label answers to gold, or with ``replace_gold`` make gold hold just them; None
    when gold holds them already."""
    return _grow_gold(
        project,
        document_id,
        lambda gold: add_to_gold(gold, spans, events, relations, document_labels, symmetric),
        start_empty=replace_gold,
    )


def accept_agreed(
    project: Project,
    document_id: str,
    minimum: Agreement = Agreement.ALL,
    symmetric: Collection[str] | None = None,
) -> GoldEdit | None:
    """Add to gold what all (or a majority of) the finished annotators agree on, events and
    their arguments, relations and document-label answers included; what gold already holds
    stays."""
    symmetric = _symmetric(project, symmetric)
    sets = finished_sets(project, document_id)
    spans, events = agreed_annotations(sets, minimum)
    ends, relations = agreed_relations(sets, minimum, symmetric)
    return accept_annotations(
        project,
        document_id,
        [*spans, *ends],
        events,
        relations=relations,
        document_labels=agreed_document_labels(sets, minimum),
        symmetric=symmetric,
    )


def accept_version(
    project: Project,
    document_id: str,
    annotator: str,
    *,
    replace_gold: bool = False,
    symmetric: Collection[str] | None = None,
) -> GoldEdit | None:
    """Add ``annotator``'s spans, events, relations and document labels to gold, or replace
    gold with them."""
    symmetric = _symmetric(project, symmetric)
    chosen = next((s for s in finished_sets(project, document_id) if s.annotator == annotator), None)
    if chosen is None:
        raise WorkbenchError(
            Problem("{annotator} has not finished document {document}", annotator=annotator, document=document_id)
        )
    return accept_annotations(
        project,
        document_id,
        chosen.spans,
        chosen.events,
        relations=chosen.relations,
        document_labels=chosen.document_labels,
        symmetric=symmetric,
        replace_gold=replace_gold,
    )


def accept_relation(
    project: Project, document_id: str, candidate: RelationCandidate, sets: Sequence[AnnotationSet]
) -> GoldEdit | None:
    """A relation into gold as its first holder made it, with its ends where gold lacks them."""
    symmetric = {candidate.type} if candidate.symmetric else set()
    ends, relation = holders_relation(sets, candidate, symmetric)
    return accept_annotations(
        project, document_id, ends, relations=[relation], symmetric=symmetric
    )


def accept_document_label(
    project: Project, document_id: str, candidate: DocumentLabelCandidate
) -> GoldEdit | None:
    """Make ``candidate`` gold's answer for its field."""
    answer = {candidate.field: candidate.value}
    return accept_annotations(project, document_id, (), document_labels=answer)


def accept_candidate(
    project: Project, document_id: str, candidate: Candidate, sets: Sequence[AnnotationSet]
) -> GoldEdit | None:
    """One candidate into gold: a span as its first holder made it; an event with the
    arguments all or a majority gave it; an argument with its event when gold lacks that."""
    if isinstance(candidate, SpanCandidate):
        span = holders_span(sets, candidate.annotators[0], candidate.key)
        return accept_annotations(project, document_id, [span])
    if isinstance(candidate, EventCandidate):
        spans, event = event_annotations(candidate, accepted_at_majority(candidate))
        return accept_annotations(project, document_id, spans, [event])
    return accept_annotations(project, document_id, *_argument_annotations(candidate, sets))


def _argument_annotations(
    argument: ArgumentCandidate, sets: Sequence[AnnotationSet]
) -> tuple[list[Span], list[Event]]:
    start, end, event_type = argument.event
    trigger = holders_span(sets, argument.annotators[0], argument.event)
    event = EventCandidate((start, end, event_type), trigger.text, (), Agreement.SOME, False)
    spans, made = event_annotations(event, [argument])
    return spans, [made]


def edit_gold(project: Project, document_id: str, operation: Callable[[], object]) -> GoldEdit | None:
    """Run one store operation on gold (add, relabel or delete a span, set the status) and
    return it as an edit that can be undone."""
    before = gold_of(project, document_id)
    operation()
    after = gold_of(project, document_id)
    return None if same_content(before, after) else GoldEdit(document_id, before, after)


def add_gold_span(
    project: Project, document_id: str, start: int, end: int, label: str
) -> GoldEdit | None:
    return edit_gold(
        project, document_id, lambda: project.add_span(document_id, GOLD, start, end, label)
    )


def relabel_gold_span(
    project: Project, document_id: str, span_id: str, label: str
) -> GoldEdit | None:
    _require_gold_span(project, document_id, span_id)
    return edit_gold(project, document_id, lambda: project.update_span(span_id, label=label))


def delete_gold_span(project: Project, document_id: str, span_id: str) -> GoldEdit | None:
    _require_gold_span(project, document_id, span_id)
    return edit_gold(project, document_id, lambda: project.delete_span(span_id))


def _require_gold_span(project: Project, document_id: str, span_id: str) -> None:
    """A gold edit changes gold's spans on its own document only."""
    _span, owner_document, annotator = project.span_owner(span_id)
    if (owner_document, annotator) != (document_id, GOLD):
        raise WorkbenchError(
            Problem("span {id} is not a gold span of document {document}", id=span_id, document=document_id)
        )


def mark_adjudicated(project: Project, document_id: str) -> GoldEdit | None:
    return edit_gold(
        project, document_id, lambda: project.set_status(document_id, GOLD, Status.DONE)
    )


def undo_gold(project: Project, edit: GoldEdit) -> None:
    edit.revert(project)


def redo_gold(project: Project, edit: GoldEdit) -> None:
    edit.apply(project)


def adjudicate(
    project: Project,
    document_ids: Sequence[str],
    *,
    minimum: Agreement | None = None,
    annotator: str | None = None,
    replace_gold: bool = False,
) -> list[tuple[str, Added]]:
    """For the command line: on each document, accept what the annotators agree on (at
    ``minimum``) or ``annotator``'s version; (document id, what was added) for each document
    that changed. A document ``annotator`` has not finished is skipped."""
    if annotator is not None and annotator not in project.annotators():
        raise WorkbenchError(f"{project.path}: no annotator named {annotator!r}")
    changed = []
    for document_id in document_ids:
        if minimum is not None:
            edit = accept_agreed(project, document_id, minimum)
        elif annotator in {s.annotator for s in finished_sets(project, document_id)}:
            edit = accept_version(project, document_id, annotator or "", replace_gold=replace_gold)
        else:
            edit = None
        if edit is not None:
            changed.append((document_id, edit.added))
    return changed


def adjudication_progress(project: Project) -> dict[str, Status]:
    """Each document's gold status: new (not started), in progress, or done."""
    return {row.id: row.status for row in project.annotator_progress(GOLD)}


def _symmetric(project: Project, given: Collection[str] | None) -> Collection[str]:
    """``given``, else the project schema's symmetric relation types."""
    return project.schema.symmetric_relation_types if given is None else given
