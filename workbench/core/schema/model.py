"""The schema objects: entity labels, event types and their roles, attributes, and the queries
the editor and the importers ask of them (which labels, which attributes, which fillers)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from workbench.core.errors import Problem, SchemaError
from workbench.core.schema.dump import _schema_definition
from workbench.core.schema.guide import Guidelines
from workbench.core.schema.relations import DocumentField, RelationType

EVENT_PREFIX = "EVENT:"
"""A role filler that starts with this names an event type rather than an entity label."""


NO_SUCH_ROLE = "the event type {type!r} has no role {role!r}; its roles: {roles}"
"""The problem of a role an event type does not have (an importer that reads roles its own way
says it too)."""


def event_filler(type_id: str) -> str:
    """The filler label for an event of type ``type_id`` (an event-to-event argument)."""
    return f"{EVENT_PREFIX}{type_id}"


@dataclass(frozen=True)
class Attribute:
    """A closed list of values; ``names_ar``/``names_en`` give display names of the values, and
    ``en``/``ar`` the attribute's own (empty when the file gives none). ``applies_to`` limits an
    attribute every label would have to these labels (empty: every label)."""

    name: str
    values: tuple[str, ...]
    default: str | None
    names_ar: dict[str, str] = field(hash=False)
    names_en: dict[str, str] = field(default_factory=dict, hash=False)
    en: str = ""
    ar: str = ""
    applies_to: tuple[str, ...] = ()

    def applies(self, label: str) -> bool:
        return not self.applies_to or label in self.applies_to

    def title(self, language: str) -> str:
        """The attribute's name in ``language`` ("ar" or "en"); for an attribute the schema does
        not name, its key with spaces ("mention level")."""
        if not self.en:
            return self.name.replace("_", " ")
        return self.ar if language == "ar" else self.en


@dataclass(frozen=True)
class EntityType:
    id: str
    en: str
    ar: str
    color: str
    hotkey: str | None
    attributes: tuple[Attribute, ...] = ()
    maps: dict[str, Any] = field(default_factory=dict, hash=False)
    note: str = ""
    extension: bool = False
    ner_core: bool = False


@dataclass(frozen=True)
class Role:
    id: str
    en: str
    ar: str
    fillers: tuple[str, ...]
    required: bool = False
    repeatable: bool = True
    maps: dict[str, Any] = field(default_factory=dict, hash=False)
    note: str = ""
    extension: bool = False

    def allows(self, filler_label: str) -> bool:
        """Whether an entity label, or ``EVENT:<type>`` for an event, may fill this role."""
        return filler_label in self.fillers


@dataclass(frozen=True)
class EventType:
    id: str
    en: str
    ar: str
    color: str
    hotkey: str | None
    roles: tuple[Role, ...]
    attributes: tuple[Attribute, ...] = ()
    maps: dict[str, Any] = field(default_factory=dict, hash=False)
    note: str = ""
    extension: bool = False

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise SchemaError(
            Problem(NO_SUCH_ROLE, type=self.id, role=role_id, roles=listing(role.id for role in self.roles))
        )


@dataclass(frozen=True)
class Schema:
    id: str
    version: int
    name_en: str
    name_ar: str
    entity_types: tuple[EntityType, ...]
    event_types: tuple[EventType, ...]
    entity_attributes: tuple[Attribute, ...] = ()
    event_attributes: tuple[Attribute, ...] = ()
    language: str = "ar"
    text_direction: str = "rtl"
    span_policy: dict[str, Any] = field(default_factory=dict, hash=False)
    note: str = ""
    relation_types: tuple[RelationType, ...] = ()
    document_fields: tuple[DocumentField, ...] = ()
    guidelines: Guidelines = field(default_factory=Guidelines, hash=False)

    @cached_property
    def _entities(self) -> dict[str, EntityType]:
        return {entity.id: entity for entity in self.entity_types}

    @cached_property
    def _relations(self) -> dict[str, RelationType]:
        return {relation.id: relation for relation in self.relation_types}

    @cached_property
    def symmetric_relation_types(self) -> frozenset[str]:
        """The relation types whose ends have no order (they match either way round)."""
        return frozenset(relation.id for relation in self.relation_types if relation.symmetric)

    @cached_property
    def _fields(self) -> dict[str, DocumentField]:
        return {document_field.id: document_field for document_field in self.document_fields}

    @cached_property
    def _events(self) -> dict[str, EventType]:
        return {event.id: event for event in self.event_types}

    def entity(self, label: str) -> EntityType:
        try:
            return self._entities[label]
        except KeyError:
            raise SchemaError(
                Problem(
                    "the schema {schema!r} has no entity label {label!r}; its labels: {labels}",
                    schema=self.id, label=label, labels=listing(self._entities),
                )
            ) from None

    def event(self, type_id: str) -> EventType:
        try:
            return self._events[type_id]
        except KeyError:
            raise SchemaError(
                Problem(
                    "the schema {schema!r} has no event type {type!r}; its event types: {types}",
                    schema=self.id, type=type_id, types=listing(self._events),
                )
            ) from None

    def relation_type(self, type_id: str) -> RelationType:
        try:
            return self._relations[type_id]
        except KeyError:
            raise SchemaError(
                Problem(
                    "the schema {schema!r} has no relation type {type!r}; its relation types: {types}",
                    schema=self.id, type=type_id, types=listing(self._relations),
                )
            ) from None

    def document_field(self, field_id: str) -> DocumentField:
        try:
            return self._fields[field_id]
        except KeyError:
            raise SchemaError(
                Problem(
                    "the schema {schema!r} has no document-label field {field!r}; its fields: {fields}",
                    schema=self.id, field=field_id, fields=listing(self._fields),
                )
            ) from None

    def has_relation_type(self, type_id: str) -> bool:
        return type_id in self._relations

    def has_entity(self, label: str) -> bool:
        return label in self._entities

    def has_event(self, type_id: str) -> bool:
        return type_id in self._events

    def attributes_for_entity(self, label: str) -> tuple[Attribute, ...]:
        own = self.entity(label).attributes
        return tuple(a for a in self.entity_attributes if a.applies(label)) + own

    def attributes_for_event(self, type_id: str) -> tuple[Attribute, ...]:
        own = self.event(type_id).attributes
        return tuple(a for a in self.event_attributes if a.applies(type_id)) + own

    def default_attributes_for_entity(self, label: str) -> dict[str, str]:
        return _defaults(self.attributes_for_entity(label))

    def default_attributes_for_event(self, type_id: str) -> dict[str, str]:
        return _defaults(self.attributes_for_event(type_id))

    def default_attributes_for_relation(self, type_id: str) -> dict[str, str]:
        return _defaults(self.relation_type(type_id).attributes)

    def check_attributes(self, owner: str, attributes: Mapping[str, Any]) -> None:
        """Refuse attribute names ``owner`` (an entity label, an event type or a relation type)
        lacks, and values outside the attribute's closed list."""
        if self.has_entity(owner):
            allowed = self.attributes_for_entity(owner)
        elif self.has_event(owner):
            allowed = self.attributes_for_event(owner)
        elif self.has_relation_type(owner):
            allowed = self.relation_type(owner).attributes
        else:
            raise SchemaError(
                Problem(
                    "the schema {schema!r} has no entity label or event type {owner!r}, "
                    "nor a relation type of that name",
                    schema=self.id,
                    owner=owner,
                )
            )
        by_name = {attribute.name: attribute for attribute in allowed}
        for name, value in attributes.items():
            attribute = by_name.get(name)
            if attribute is None:
                raise SchemaError(
                    Problem(
                        "{owner!r} has no attribute {name!r}; its attributes: {attributes}",
                        owner=owner, name=name, attributes=listing(by_name),
                    )
                )
            if _attribute_value(value) not in attribute.values:
                raise SchemaError(
                    Problem(
                        "the attribute {name!r} of {owner!r} cannot be {value!r}; allowed: {allowed}",
                        name=name, owner=owner, value=value, allowed=listing(attribute.values),
                    )
                )

    def check_filler(self, event_type: str, role: str, filler_label: str) -> None:
        """Refuse a filler the role does not allow, saying which fillers it does allow."""
        allowed = self.event(event_type).role(role)
        if not allowed.allows(filler_label):
            raise SchemaError(
                Problem(
                    "the role {role!r} of {type!r} cannot be filled by {filler!r}; allowed: {allowed}",
                    role=role, type=event_type, filler=filler_label, allowed=listing(allowed.fillers),
                )
            )

    def to_json(self) -> str:
        """The full definition as a JSON schema file, which ``from_json`` rebuilds exactly."""
        return json.dumps({"schema": _schema_definition(self)}, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Schema:
        from workbench.core.schema.load import _schema_from_text  # load builds on this module

        return _schema_from_text(text, "the stored schema", is_json=True)


def _defaults(attributes: Iterable[Attribute]) -> dict[str, str]:
    return {a.name: a.default for a in attributes if a.default is not None}


def _attribute_value(value: Any) -> Any:
    """A binary attribute (brat's ``A1 Negation E1``, stored as ``True``) is declared in a schema
    as the one value ``"True"``."""
    return "True" if value is True else value


def listing(names: Iterable[str]) -> str:
    """The names one after the other, or the problem's word for none."""
    return ", ".join(names) or Problem("none")
