"""Names of relation types, document-label fields and their values in the interface language,
falling back to the id for one the schema does not have (a report or a set made under an older
schema may name it)."""

from __future__ import annotations

from workbench.core.schema import Schema
from workbench.core.schema.relations import DocumentField
from workbench.ui.i18n import display_name


def relation_type_name(schema: Schema, type_id: str) -> str:
    if schema.has_relation_type(type_id):
        return display_name(schema.relation_type(type_id))
    return type_id


def field_name(schema: Schema, field_id: str) -> str:
    field = _field(schema, field_id)
    return display_name(field) if field else field_id


def field_value_name(schema: Schema, field_id: str, value_id: str) -> str:
    field = _field(schema, field_id)
    value = next((v for v in field.values if v.id == value_id), None) if field else None
    return display_name(value) if value else value_id


def _field(schema: Schema, field_id: str) -> DocumentField | None:
    return next((f for f in schema.document_fields if f.id == field_id), None)
