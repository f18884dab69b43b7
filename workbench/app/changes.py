"""Edits as commands, with no Qt (in the spirit of Anki's operations and glue's command stack).

Every edit the annotator or the lead makes is a ``Command``: it names its document, holds what
undoing it needs, and has ``apply`` and ``revert``, each one store operation (one ``BEGIN
IMMEDIATE`` transaction) that returns the ``Change`` it made. The window's undo stack only wraps
commands (``ui/commands.py``): it applies one, keeps it, reverts and re-applies it, and refreshes
the window from each ``Change``. A command is applied once before it is pushed (a refusal raises
``WorkbenchError`` and nothing is pushed); the ids its first apply creates are the ones a
re-apply puts back.
Gold edits are commands too (``GoldEdit`` in ``adjudication.py``).

The first apply of an annotator's command logs its action (create, delete, relabel, done) with its
time for throughput (``workbench.store.throughput``); undo and redo are not new work.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from workbench.core.errors import Problem, WorkbenchError
from workbench.core.model import AnnotationSet, Argument, Relation, Span, Status
from workbench.core.schema import Attribute, Schema
from workbench.store.editing import Removal
from workbench.store.project import Project
from workbench.store.throughput import log_action

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """What one command did (or undid) to one annotator's set on one document."""

    document_id: str
    added: tuple[Span, ...] = ()
    removed: tuple[str, ...] = ()
    updated: tuple[Span, ...] = ()
    events: tuple[str, ...] = ()
    """Events created, changed or deleted, by id: read them again to show them."""
    status: Status | None = None
    relations: tuple[str, ...] = ()
    """Relations created, changed or deleted, by id (``relation_changes.py``)."""
    document_labels: tuple[str, ...] = ()
    """Document-label fields set or cleared."""

    @property
    def span_ids(self) -> list[str]:
        """Every span the change added, removed or updated."""
        return [*(s.id for s in self.added), *self.removed, *(s.id for s in self.updated)]


class Command(ABC):
    """One undoable edit of one document (see the module docstring)."""

    document_id: str

    @abstractmethod
    def apply(self, project: Project) -> Change:
        """Make the edit (again)."""

    @abstractmethod
    def revert(self, project: Project) -> Change:
        """Undo the edit."""

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(span ids, event ids) the command works on: what a window reads again when the store
        refuses the command (the project changed behind the undo stack's back)."""
        return (), ()


@dataclass
class _Deletion:
    """Spans deleted with what depends on them (events they trigger, roles they fill) and put
    back with the same ids: one half of adding spans, creating an event and deleting spans."""

    document_id: str
    span_ids: tuple[str, ...]
    removal: Removal | None = None

    def delete(self, project: Project, *also: str) -> Change:
        if self.span_ids:
            require_in_document(project, self.span_ids[0], self.document_id)
        self.removal = project.delete_spans(self.span_ids)
        return Change(
            self.document_id, removed=self.span_ids, events=self.event_ids(*also),
            relations=self.relation_ids(),
        )

    def restore(self, project: Project, *also: str) -> Change:
        assert self.removal is not None, "restore follows a deletion"
        project.restore(self.removal)
        return Change(
            self.document_id, added=self.removal.spans, events=self.event_ids(*also),
            relations=self.relation_ids(),
        )

    def relation_ids(self) -> tuple[str, ...]:
        """The relations the deletion took with the spans."""
        return tuple(r.id for r in self.removal.relations) if self.removal else ()

    def event_ids(self, *also: str) -> tuple[str, ...]:
        """``also`` and the events the deletion removed or took an argument from."""
        removal = self.removal
        removed = [] if removal is None else [event.id for event in removal.events]
        changed = [] if removal is None else [event_id for event_id, _, _ in removal.arguments]
        return tuple(dict.fromkeys([*also, *removed, *changed]))


def require_in_document(project: Project, span_id: str, document_id: str) -> None:
    """Refuse to edit a span of another document than the command names: its change would
    be shown in the wrong one (issue 12)."""
    owner = project.span_owner(span_id)[1]
    if owner != document_id:
        raise WorkbenchError(
            Problem(
                "span {id} is in document {owner}, not in {document}", id=span_id, owner=owner, document=document_id
            )
        )


# -- spans ------------------------------------------------------------------------------------


@dataclass
class AddSpans(Command):
    """New spans with one label: a hotkey, an accepted suggestion, every search match. Ranges
    the annotator already has with the label are skipped."""

    document_id: str
    annotator: str
    ranges: Sequence[tuple[int, int]]
    label: str
    text: str | None = field(default=None, repr=False)
    """The document's stored text, when the caller holds it (it spares reading it again)."""
    action: str = "create"
    """What the action log counts: "accept" for an in-document suggestion accepted."""
    _deletion: _Deletion | None = field(default=None, init=False, repr=False)

    @property
    def span_ids(self) -> tuple[str, ...]:
        """The spans the first apply created (empty before it)."""
        return self._deletion.span_ids if self._deletion else ()

    def apply(self, project: Project) -> Change:
        if self._deletion is not None:
            return self._deletion.restore(project)
        spans = project.add_spans(
            self.document_id, self.annotator, self.ranges, self.label, text=self.text
        )
        self._deletion = _Deletion(self.document_id, tuple(span.id for span in spans))
        if spans:
            log_action(project, self.annotator, self.document_id, self.action)
        return Change(self.document_id, added=tuple(spans))

    def revert(self, project: Project) -> Change:
        assert self._deletion is not None, "revert follows an apply"
        return self._deletion.delete(project)

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.span_ids, ()


@dataclass
class DeleteSpans(Command):
    """Spans of one set, with the events they trigger and the roles they fill; revert puts
    all of it back."""

    document_id: str
    span_ids: tuple[str, ...]
    _deletion: _Deletion = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._deletion = _Deletion(self.document_id, tuple(self.span_ids))

    def apply(self, project: Project) -> Change:
        first = self._deletion.removal is None
        change = self._deletion.delete(project)
        removal = self._deletion.removal
        if first and removal is not None:
            log_action(project, removal.annotator, self.document_id, "delete")
        return change

    def revert(self, project: Project) -> Change:
        return self._deletion.restore(project)

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self._deletion.span_ids, self._deletion.event_ids()


class _Replacement(Command, Generic[T]):
    """A command that stores ``after`` over ``before``; revert stores ``before`` again."""

    before: T
    after: T

    def apply(self, project: Project) -> Change:
        return self._store(project, self.after)

    def revert(self, project: Project) -> Change:
        return self._store(project, self.before)

    @abstractmethod
    def _store(self, project: Project, value: T) -> Change:
        """Store ``value``; the change it made."""


@dataclass
class UpdateSpan(_Replacement[Span]):
    """A span's label, attributes or note: ``before`` as stored until now, ``after`` as it
    becomes (see ``relabelled``)."""

    document_id: str
    before: Span
    after: Span
    _logged: bool = field(default=False, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        change = super().apply(project)
        if not self._logged and self.before.label != self.after.label:
            annotator = project.span_owner(self.after.id)[2]
            log_action(project, annotator, self.document_id, "relabel")
        self._logged = True
        return change

    def _store(self, project: Project, span: Span) -> Change:
        require_in_document(project, span.id, self.document_id)
        stored = project.update_span(
            span.id, label=span.label, attributes=span.attributes, note=span.note
        )
        return Change(self.document_id, updated=(stored,))

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (self.before.id,), ()


@dataclass
class ResizeSpan(_Replacement[Span]):
    """A span's ends moved (by key or by dragging them): ``before`` and ``after`` differ only
    in their range and covered text."""

    document_id: str
    before: Span
    after: Span

    def _store(self, project: Project, span: Span) -> Change:
        require_in_document(project, span.id, self.document_id)
        return Change(self.document_id, updated=(project.set_span_range(span.id, span.start, span.end),))

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (self.before.id,), ()


@dataclass
class SetStatus(_Replacement[Status]):
    """The annotator marked the document done, or took it up again."""

    document_id: str
    annotator: str
    before: Status
    after: Status
    _logged: bool = field(default=False, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        change = super().apply(project)
        if not self._logged and self.after is Status.DONE:
            log_action(project, self.annotator, self.document_id, "done")
        self._logged = True
        return change

    def _store(self, project: Project, status: Status) -> Change:
        project.set_status(self.document_id, self.annotator, status)
        return Change(self.document_id, status=status)


@dataclass
class RenameDocument(_Replacement[str | None]):
    """The document's title in the list: ``before`` as stored, ``after`` as it becomes (None:
    no title of its own, its first line shows). The file stem the exports use stays."""

    document_id: str
    before: str | None
    after: str | None

    def _store(self, project: Project, title: str | None) -> Change:
        project.set_document_title(self.document_id, title)
        return Change(self.document_id)


def relabelled(span: Span, label: str, schema: Schema) -> Span:
    """``span`` with an entity ``label``: attribute values the new label also allows are kept,
    the others are dropped, and the label's defaults fill what is missing."""
    kept = kept_attributes(span.attributes, schema.attributes_for_entity(label))
    return replace(span, label=label, attributes=schema.default_attributes_for_entity(label) | kept)


def kept_attributes(values: dict[str, Any], allowed: Sequence[Attribute]) -> dict[str, Any]:
    """The attribute values in ``values`` that the attributes ``allowed`` also allow."""
    by_name = {attribute.name: attribute for attribute in allowed}
    return {
        name: value
        for name, value in values.items()
        if name in by_name and value in by_name[name].values
    }


# -- events -----------------------------------------------------------------------------------


@dataclass
class CreateEvent(Command):
    """An event and its trigger span on [start, end); revert deletes the trigger, which takes
    the event (and any role it fills elsewhere) with it."""

    document_id: str
    annotator: str
    start: int
    end: int
    event_type: str
    event_id: str = field(default="", init=False)
    """The event the first apply created."""
    _deletion: _Deletion | None = field(default=None, init=False, repr=False)

    @property
    def trigger_span_id(self) -> str:
        return self._deletion.span_ids[0] if self._deletion else ""

    def apply(self, project: Project) -> Change:
        if self._deletion is not None:
            return self._deletion.restore(project, self.event_id)
        event = project.create_event(
            self.document_id, self.annotator, self.start, self.end, self.event_type
        )
        self.event_id = event.id
        self._deletion = _Deletion(self.document_id, (event.trigger_span_id,))
        trigger = project.span_owner(event.trigger_span_id)[0]
        return Change(self.document_id, added=(trigger,), events=(event.id,))

    def revert(self, project: Project) -> Change:
        assert self._deletion is not None, "revert follows an apply"
        return self._deletion.delete(project, self.event_id)

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        deletion = self._deletion
        return (deletion.span_ids, deletion.event_ids(self.event_id)) if deletion else ((), ())


@dataclass
class EditRole(Command):
    """A role of an event filled (``filling``) or emptied; revert does the other, and an
    argument put back goes where it stood."""

    document_id: str
    event_id: str
    argument: Argument
    filling: bool
    _position: int | None = field(default=None, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        return self._change(project, fill=self.filling)

    def revert(self, project: Project) -> Change:
        return self._change(project, fill=not self.filling)

    def _change(self, project: Project, *, fill: bool) -> Change:
        argument = self.argument
        if fill:
            project.add_argument(
                self.event_id,
                argument.role,
                span_id=argument.span_id,
                filler_event_id=argument.event_id,
                order=self._position,
            )
        else:
            self._position = project.remove_argument(self.event_id, argument)
        return Change(self.document_id, events=(self.event_id,))

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (), (self.event_id,)


@dataclass
class EditEventAttributes(Command):
    """An event's attributes replaced by ``attributes``; revert writes back those it had."""

    document_id: str
    event_id: str
    attributes: dict[str, Any]
    _before: dict[str, Any] | None = field(default=None, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        before = project.update_event(self.event_id, self.attributes)
        if self._before is None:
            self._before = dict(before.attributes)
        return Change(self.document_id, events=(self.event_id,))

    def revert(self, project: Project) -> Change:
        assert self._before is not None, "revert follows an apply"
        project.update_event(self.event_id, self._before)
        return Change(self.document_id, events=(self.event_id,))

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (), (self.event_id,)


# -- whole sets -------------------------------------------------------------------------------


def set_difference(
    document_id: str, before: AnnotationSet | None, after: AnnotationSet | None
) -> Change:
    """The change that turns one version of a set into another (gold, written whole)."""
    old = {span.id: span for span in before.spans} if before else {}
    new = {span.id: span for span in after.spans} if after else {}
    old_events = {event.id: event for event in before.events} if before else {}
    new_events = {event.id: event for event in after.events} if after else {}
    events = [
        event_id
        for event_id in dict.fromkeys([*old_events, *new_events])
        if old_events.get(event_id) != new_events.get(event_id)
    ]
    old_status = before.status if before else None
    new_status = after.status if after else None
    relations = _changed_ids(before.relations if before else (), after.relations if after else ())
    old_labels = before.document_labels if before else {}
    new_labels = after.document_labels if after else {}
    return Change(
        document_id,
        added=tuple(span for span_id, span in new.items() if span_id not in old),
        removed=tuple(span_id for span_id in old if span_id not in new),
        updated=tuple(span for span_id, span in new.items() if old.get(span_id, span) != span),
        events=tuple(events),
        status=new_status if new_status != old_status else None,
        relations=relations,
        document_labels=tuple(
            field
            for field in dict.fromkeys([*old_labels, *new_labels])
            if old_labels.get(field) != new_labels.get(field)
        ),
    )


def _changed_ids(before: Sequence[Relation], after: Sequence[Relation]) -> tuple[str, ...]:
    old = {relation.id: relation for relation in before}
    new = {relation.id: relation for relation in after}
    return tuple(i for i in dict.fromkeys([*old, *new]) if old.get(i) != new.get(i))

