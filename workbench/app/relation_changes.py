"""Relation and document-label edits as commands (issue 14), Qt-free like those of
``changes.py``: each names its document, holds what undoing it needs, and returns the ``Change``
it made (``relations`` and ``document_labels`` say what to show again).

A relation's type and attributes are changed together (``RetypeRelation``): a new type keeps the
attribute values it also allows and takes its defaults for the rest, as ``relabelled`` does for a
span. Deleting a span takes its relations with it, in ``DeleteSpans``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from workbench.app.changes import Change, Command, _Replacement, kept_attributes
from workbench.core.model import DocumentLabelValue, Relation
from workbench.core.schema import Schema
from workbench.store.project import Project


@dataclass
class AddRelation(Command):
    """A relation from one span to another of the annotator's set; the first apply gives it its
    id, which a re-apply (redo) puts back."""

    document_id: str
    annotator: str
    relation_type: str
    from_span_id: str
    to_span_id: str
    relation: Relation | None = field(default=None, init=False)
    """The relation as the first apply stored it."""

    def apply(self, project: Project) -> Change:
        wanted = self.relation or Relation(
            "", self.relation_type, self.from_span_id, self.to_span_id
        )
        self.relation = project.add_relation(self.document_id, self.annotator, wanted)
        return Change(self.document_id, relations=(self.relation.id,))

    def revert(self, project: Project) -> Change:
        assert self.relation is not None, "revert follows an apply"
        project.delete_relation(self.relation.id)
        return Change(self.document_id, relations=(self.relation.id,))

    def touched(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (self.from_span_id, self.to_span_id), ()


@dataclass
class DeleteRelation(Command):
    """A relation deleted; revert puts it back with its id, type and attributes."""

    document_id: str
    annotator: str
    relation_id: str
    _deleted: Relation | None = field(default=None, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        self._deleted = project.delete_relation(self.relation_id)
        return Change(self.document_id, relations=(self.relation_id,))

    def revert(self, project: Project) -> Change:
        assert self._deleted is not None, "revert follows an apply"
        project.add_relation(self.document_id, self.annotator, self._deleted)
        return Change(self.document_id, relations=(self.relation_id,))


@dataclass
class RetypeRelation(_Replacement[Relation]):
    """A relation's type or attributes: ``before`` as stored until now, ``after`` as it becomes
    (see ``retyped``)."""

    document_id: str
    before: Relation
    after: Relation

    def _store(self, project: Project, relation: Relation) -> Change:
        project.update_relation(relation.id, relation.type, relation.attributes)
        return Change(self.document_id, relations=(relation.id,))


def retyped(relation: Relation, relation_type: str, schema: Schema) -> Relation:
    """``relation`` with another type: attribute values the new type also allows are kept, the
    others dropped, and its defaults fill what is missing."""
    kept = kept_attributes(relation.attributes, schema.relation_type(relation_type).attributes)
    defaults = schema.default_attributes_for_relation(relation_type)
    return replace(relation, type=relation_type, attributes=defaults | kept)


@dataclass
class SetDocumentLabel(Command):
    """One document-label field of the annotator's set set to ``value`` (None clears it); revert
    gives it back the value it had, or clears it."""

    document_id: str
    annotator: str
    field_id: str
    value: DocumentLabelValue | None
    _before: DocumentLabelValue | None = field(default=None, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        self._before = project.set_document_label(
            self.document_id, self.annotator, self.field_id, self.value
        )
        return Change(self.document_id, document_labels=(self.field_id,))

    def revert(self, project: Project) -> Change:
        project.set_document_label(self.document_id, self.annotator, self.field_id, self._before)
        return Change(self.document_id, document_labels=(self.field_id,))
