"""Writing: a ``Schema`` back to the file format (what ``Schema.to_json`` stores), leaving out
what the loader restores by default."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.core.schema.guide import guidelines_definition

if TYPE_CHECKING:
    from workbench.core.schema.model import Attribute, EntityType, EventType, Role, Schema
    from workbench.core.schema.relations import DocumentField, RelationType


def _schema_definition(schema: Schema) -> dict[str, Any]:
    definition: dict[str, Any] = {
        "id": schema.id,
        "version": schema.version,
        "name": {"en": schema.name_en, "ar": schema.name_ar},
        "language": schema.language,
        "text_direction": schema.text_direction,
    }
    _put_if(definition, "span_policy", schema.span_policy)
    _put_if(definition, "note", schema.note)
    _put_if(definition, "mention_attributes", _attributes_definition(schema.entity_attributes))
    _put_if(definition, "event_attributes", _attributes_definition(schema.event_attributes))
    definition["entity_types"] = [_entity_definition(entity) for entity in schema.entity_types]
    definition["event_types"] = [_event_definition(event) for event in schema.event_types]
    _put_if(definition, "relations", [_relation_definition(r) for r in schema.relation_types])
    _put_if(definition, "document_labels", [_field_definition(f) for f in schema.document_fields])
    _put_if(definition, "guidelines", guidelines_definition(schema.guidelines))
    return definition


def _entity_definition(entity: EntityType) -> dict[str, Any]:
    definition = {"id": entity.id, "en": entity.en, "ar": entity.ar, "color": entity.color}
    _put_if(definition, "hotkey", entity.hotkey)
    _put_if(definition, "attributes", _attributes_definition(entity.attributes))
    _put_if(definition, "ner_core", entity.ner_core)
    _put_metadata(definition, entity.maps, entity.note, entity.extension)
    return definition


def _event_definition(event: EventType) -> dict[str, Any]:
    definition: dict[str, Any] = {"id": event.id, "en": event.en, "ar": event.ar, "color": event.color}
    _put_if(definition, "hotkey", event.hotkey)
    _put_if(definition, "attributes", _attributes_definition(event.attributes))
    definition["roles"] = [_role_definition(role) for role in event.roles]
    _put_metadata(definition, event.maps, event.note, event.extension)
    return definition


def _role_definition(role: Role) -> dict[str, Any]:
    definition: dict[str, Any] = {
        "id": role.id,
        "en": role.en,
        "ar": role.ar,
        "fillers": list(role.fillers),
        "required": role.required,
        "repeatable": role.repeatable,
    }
    _put_metadata(definition, role.maps, role.note, role.extension)
    return definition


def _relation_definition(relation: RelationType) -> dict[str, Any]:
    definition: dict[str, Any] = {
        "id": relation.id,
        "en": relation.en,
        "ar": relation.ar,
        "from": list(relation.from_labels),
        "to": list(relation.to_labels),
    }
    _put_if(definition, "symmetric", relation.symmetric)
    _put_if(definition, "attributes", _attributes_definition(relation.attributes))
    _put_if(definition, "note", relation.note)
    return definition


def _field_definition(document_field: DocumentField) -> dict[str, Any]:
    values = []
    for value in document_field.values:
        value_definition: dict[str, Any] = {"id": value.id, "en": value.en, "ar": value.ar}
        _put_if(value_definition, "hotkey", value.hotkey)
        values.append(value_definition)
    definition: dict[str, Any] = {
        "id": document_field.id, "en": document_field.en, "ar": document_field.ar,
    }
    _put_if(definition, "multiple", document_field.multiple)
    definition["values"] = values
    return definition


def _attributes_definition(attributes: tuple[Attribute, ...]) -> dict[str, Any]:
    return {attribute.name: _attribute_definition(attribute) for attribute in attributes}


def _attribute_definition(attribute: Attribute) -> dict[str, Any]:
    definition: dict[str, Any] = {"values": list(attribute.values)}
    _put_if(definition, "default", attribute.default)
    if attribute.en:
        definition["name"] = {"en": attribute.en, "ar": attribute.ar}
    labels = {
        value: {
            lang: names[value]
            for lang, names in (("en", attribute.names_en), ("ar", attribute.names_ar))
            if value in names
        }
        for value in attribute.values
    }
    _put_if(definition, "labels", {value: names for value, names in labels.items() if names})
    _put_if(definition, "applies_to", list(attribute.applies_to))
    return definition


def _put_metadata(
    definition: dict[str, Any], maps: dict[str, Any], note: str, extension: bool
) -> None:
    _put_if(definition, "maps", maps)
    _put_if(definition, "note", note)
    _put_if(definition, "extension", extension)


def _put_if(definition: dict[str, Any], key: str, value: Any) -> None:
    """Leave out empty and default values, which the loader restores."""
    if value:
        definition[key] = value
