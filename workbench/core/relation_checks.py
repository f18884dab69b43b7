"""What an import refuses in a set's relations and document labels (issue 14), and the warning a
relation whose ends the schema does not allow gets.

Refused: a relation id used twice, a type the schema lacks, an end that is not a span of the set,
an attribute the type lacks; a document-label field the schema lacks, a value outside the field's
values, a list for a single-choice field or a lone value for a multiple-choice one (whose value is a
tuple, even of one). Ends with labels the type does not list are
not refused (the window makes them too, with a warning): ``relation_warning`` names them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workbench.core.errors import Problem, SchemaError, problem_of
from workbench.core.model import DocumentLabelValue, Relation, Span
from workbench.core.schema import Schema


def relations_problem(
    relations: Iterable[Relation], spans: Mapping[str, Span], schema: Schema
) -> Problem | None:
    """The first relation an import must refuse, as a sentence naming it; None when none."""
    seen: set[str] = set()
    for relation in relations:
        if relation.id in seen:
            return Problem("the relation id {id!r} is used twice", id=relation.id)
        seen.add(relation.id)
        problem = _relation_problem(relation, spans, schema)
        if problem:
            return Problem("relation {id}: {problem}", id=relation.id, problem=problem)
    return None


def _relation_problem(relation: Relation, spans: Mapping[str, Span], schema: Schema) -> str | None:
    if not schema.has_relation_type(relation.type):
        return _error(schema.relation_type, relation.type)
    for end, span_id in (("from", relation.from_span_id), ("to", relation.to_span_id)):
        if span_id not in spans:
            return Problem("its {end!r} end {span!r} is not a span of the set", end=end, span=span_id)
    if relation.from_span_id == relation.to_span_id:
        return Problem("it links a span to itself")
    return _error(schema.check_attributes, relation.type, relation.attributes)


def relation_warning(relation: Relation, spans: Mapping[str, Span], schema: Schema) -> str | None:
    """Why the relation's ends break the schema (their labels), or None when they do not."""
    relation_type = schema.relation_type(relation.type)
    source, target = spans[relation.from_span_id], spans[relation.to_span_id]
    if relation_type.allows(source.label, target.label):
        return None
    return (
        f"{relation.type} links {source.label} to {target.label}; it links "
        f"{'/'.join(relation_type.from_labels)} to {'/'.join(relation_type.to_labels)}"
    )


def document_labels_problem(
    labels: Mapping[str, DocumentLabelValue], schema: Schema
) -> str | None:
    """The first document label an import must refuse; None when there is none."""
    for field_id, value in labels.items():
        problem = document_label_problem(field_id, value, schema)
        if problem:
            return problem
    return None


def document_label_problem(field_id: str, value: Any, schema: Schema) -> str | None:
    """Why ``value`` cannot be the document's label ``field_id``; None when it can."""
    try:
        document_field = schema.document_field(field_id)
    except SchemaError as error:
        return problem_of(error)
    if document_field.multiple:
        if not isinstance(value, tuple) or not value or not all(isinstance(v, str) for v in value):
            return Problem("the document label {field!r} takes a list of one or more values", field=field_id)
    elif not isinstance(value, str):
        return Problem("the document label {field!r} takes one value, not a list", field=field_id)
    for item in value if document_field.multiple else (value,):
        if item not in document_field.value_ids:
            return Problem(
                "the document label {field!r} cannot be {value!r}; allowed: {allowed}",
                field=field_id,
                value=item,
                allowed=", ".join(document_field.value_ids),
            )
    return None


def _error(check: Any, *arguments: Any) -> str | None:
    try:
        check(*arguments)
    except SchemaError as error:
        return problem_of(error)
    return None
