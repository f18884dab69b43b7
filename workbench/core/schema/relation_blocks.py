"""Validating a schema's ``relations:`` and ``document_labels:`` blocks (issue 14), after the rest
of the schema was built, refusing the first problem with its place as the rest of the schema does::

    relations:        [RELATION, ...]
    document_labels:  [FIELD, ...]

    RELATION: {id, en, ar, from: [ENTITY_ID, ...], to: [ENTITY_ID, ...],
               symmetric?: bool (default false: directed), attributes?: ATTRS, note?}
    FIELD:    {id, en, ar, multiple?: bool (default false: single choice),
               values: [{id, en, ar, hotkey?}, ...]}

A relation type's id is its own: no entity label or event type may have it. A value's hotkey may
not be one an entity label, an event type or another value already has.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from workbench.core.errors import Problem
from workbench.core.schema.checks import (
    _LABEL,
    _check_keys,
    _check_unique,
    _each,
    _fail,
    _flag,
    _identifier,
    _list,
    _mapping,
    _optional_text,
    _PathSteps,
    _shown,
    _suggestion,
    _text,
)
from workbench.core.schema.model import EntityType, EventType, Schema
from workbench.core.schema.relations import DocumentField, FieldValue, RelationType
from workbench.core.schema.validate import _attributes, _hotkey, hotkey_taken

_RELATION_KEYS = {"id", "en", "ar", "from", "to"}
_RELATION_OPTIONAL = {"symmetric", "attributes", "note"}
_FIELD_KEYS = {"id", "en", "ar", "values"}
_FIELD_OPTIONAL = {"multiple"}
_VALUE_KEYS = {"id", "en", "ar"}
_VALUE_OPTIONAL = {"hotkey"}

# The messages' words for what a place holds, made once: a project's schema is read again each time
# the project opens.
_RELATION_TYPE_ID = Problem("relation type id")
_A_RELATION_TYPE = Problem("a relation type {{id, en, ar, from, to, ...}}")
_FIELD_ID = Problem("document-label field id")
_A_FIELD = Problem("a document-label field {{id, en, ar, values, ...}}")
_NO_FIELD_VALUE = Problem("a document-label field needs at least one value")
_VALUE_ID = Problem("value id")
_A_FIELD_VALUE = Problem("a value {{id, en, ar, hotkey?}}")


def with_relation_blocks(schema: Schema, document: Any) -> Schema:
    """``schema`` with the relation types and document-label fields of the parsed ``document``
    (which ``_build_schema`` already found to be a ``schema:`` mapping)."""
    path: _PathSteps = ("schema",)
    raw = document["schema"]
    relations = _relation_types(raw.get("relations", []), (*path, "relations"), schema)
    fields = _document_fields(raw.get("document_labels", []), (*path, "document_labels"), schema)
    return replace(schema, relation_types=relations, document_fields=fields)


# ---- relation types -------------------------------------------------------------------------


def _relation_types(value: Any, path: _PathSteps, schema: Schema) -> tuple[RelationType, ...]:
    relations = _each(value, path, partial(_relation_type, schema=schema))
    _check_unique((relation.id for relation in relations), path, "id", _RELATION_TYPE_ID)
    return relations


def _relation_type(item: Any, path: _PathSteps, schema: Schema) -> RelationType:
    raw = _mapping(item, path, _A_RELATION_TYPE)
    _check_keys(raw, path, _RELATION_KEYS, _RELATION_OPTIONAL)
    type_id = _identifier(raw, "id", path)
    if schema.has_entity(type_id) or schema.has_event(type_id):
        _fail((*path, "id"), Problem("{id!r} is already an entity label or event type", id=type_id))
    return RelationType(
        id=type_id,
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        from_labels=_end_labels(raw, "from", path, schema),
        to_labels=_end_labels(raw, "to", path, schema),
        symmetric=_flag(raw, "symmetric", path, default=False),
        attributes=_attributes(raw.get("attributes", {}), (*path, "attributes")),
        note=_optional_text(raw, "note", path),
    )


def _end_labels(raw: dict[str, Any], key: str, path: _PathSteps, schema: Schema) -> tuple[str, ...]:
    """The entity labels one end of a relation may have."""
    list_path = (*path, key)
    labels = _list(raw[key], list_path)
    if not labels:
        _fail(list_path, Problem("a relation needs at least one entity label at its {end!r} end", end=key))
    entity_ids = [entity.id for entity in schema.entity_types]
    for index, label in enumerate(labels):
        if not isinstance(label, str) or not schema.has_entity(label):
            close = _suggestion(label, entity_ids) if isinstance(label, str) else None
            _fail((*list_path, index), Problem(_NOT_AN_END[close is not None], label=_shown(label), close=close))
    _check_unique(labels, list_path, None, _LABEL)
    return tuple(labels)


_NOT_AN_END = {
    False: "{label} is not an entity label of this schema",
    True: "{label} is not an entity label of this schema (did you mean {close!r}?)",
}


# ---- document-label fields ------------------------------------------------------------------


def _document_fields(value: Any, path: _PathSteps, schema: Schema) -> tuple[DocumentField, ...]:
    fields = _each(value, path, _document_field)
    _check_unique((field.id for field in fields), path, "id", _FIELD_ID)
    _check_value_hotkeys(fields, path, schema)
    return fields


def _document_field(item: Any, path: _PathSteps) -> DocumentField:
    raw = _mapping(item, path, _A_FIELD)
    _check_keys(raw, path, _FIELD_KEYS, _FIELD_OPTIONAL)
    values_path = (*path, "values")
    values = _each(raw["values"], values_path, _field_value, empty=_NO_FIELD_VALUE)
    _check_unique((value.id for value in values), values_path, "id", _VALUE_ID)
    return DocumentField(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        values=values,
        multiple=_flag(raw, "multiple", path, default=False),
    )


def _field_value(item: Any, path: _PathSteps) -> FieldValue:
    raw = _mapping(item, path, _A_FIELD_VALUE)
    _check_keys(raw, path, _VALUE_KEYS, _VALUE_OPTIONAL)
    return FieldValue(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        hotkey=_hotkey(raw["hotkey"], (*path, "hotkey")) if "hotkey" in raw else None,
    )


def _check_value_hotkeys(
    fields: tuple[DocumentField, ...], path: _PathSteps, schema: Schema
) -> None:
    items: list[EntityType | EventType] = [*schema.entity_types, *schema.event_types]
    owners = {item.hotkey: item.id for item in items if item.hotkey is not None}
    for field_index, field in enumerate(fields):
        for value_index, value in enumerate(field.values):
            if value.hotkey is None:
                continue
            if value.hotkey in owners:
                place = (*path, field_index, "values", value_index, "hotkey")
                _fail(place, hotkey_taken(value.hotkey, owners[value.hotkey]))
            owners[value.hotkey] = f"{field.id}: {value.id}"
