"""Validation: from the parsed document to a ``Schema``, refusing the first problem with its place
(the keys each mapping holds, ids, fillers, attributes, hotkeys and colours)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from workbench.core.errors import Problem
from workbench.core.schema.checks import (
    _ENTITY_LABEL,
    _EVENT_TYPE,
    _ID,
    _NAMES,
    _check_keys,
    _check_unique,
    _each,
    _fail,
    _flag,
    _identifier,
    _mapping,
    _optional_text,
    _PathSteps,
    _plain,
    _plain_mapping,
    _shown,
    _suggestion,
    _text,
)
from workbench.core.schema.colours import Group, fill_colours
from workbench.core.schema.guidelines import build_guidelines
from workbench.core.schema.label_attributes import (
    applies_to_ids,
    check_applies_to,
    refuse_own_applies_to,
)
from workbench.core.schema.model import (
    EVENT_PREFIX,
    Attribute,
    EntityType,
    EventType,
    Role,
    Schema,
    listing,
)

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_HOTKEY = re.compile(r"(?:shift\+)?[a-z]|[0-9]", re.IGNORECASE)

_SCHEMA_KEYS = {"id", "version", "name", "entity_types"}
_SCHEMA_OPTIONAL = {
    "language", "text_direction", "span_policy", "note", "role_templates",
    "mention_attributes", "entity_attributes", "event_attributes", "event_types",
    "relations", "document_labels", "guidelines",
}  # fmt: skip
_NAME_KEYS = {"en", "ar"}
_METADATA_KEYS = {"maps", "note", "extension"}
_COLOUR_KEYS = {"color", "colour"}
_ENTITY_KEYS = {"id", "en", "ar"}
_ENTITY_OPTIONAL = {"hotkey", "attributes", "ner_core"} | _COLOUR_KEYS | _METADATA_KEYS
_EVENT_KEYS = {"id", "en", "ar"}
_EVENT_OPTIONAL = {"hotkey", "attributes", "roles"} | _COLOUR_KEYS | _METADATA_KEYS
_ROLE_KEYS = {"id", "en", "ar", "fillers"}
_ROLE_OPTIONAL = {"required", "repeatable"} | _METADATA_KEYS
_ATTRIBUTE_KEYS = {"values"}
_ATTRIBUTE_OPTIONAL = {"default", "name", "ar", "labels", "applies_to"}

# The messages' words for what a place holds, made once: a project's schema is read again each time
# the project opens.
_SCHEMA_MAPPING = Problem("a mapping with one key, 'schema'")
_NO_ENTITY_LABEL = Problem("the schema needs at least one entity label")
_ENTITY_LABEL_ID = Problem("entity label id")
_AN_ENTITY_LABEL = Problem("an entity label {{id, en, ar, color, ...}}")
_EVENT_TYPE_ID = Problem("event type id")
_AN_EVENT_TYPE = Problem("an event type {{id, en, ar, roles, ...}}")
_ROLE_ID = Problem("role id")
_A_ROLE = Problem("a role {{id, en, ar, fillers, ...}}")
_NO_FILLER = Problem("a role needs at least one filler (an entity label or EVENT:<type>)")
_FILLER = Problem("filler")
_ATTRIBUTES = Problem("a mapping of attribute names to their values")
_AN_ATTRIBUTE = Problem("a list of values, or a mapping {{values, default, ar, labels}}")
_NO_VALUE = Problem("the list of values is empty; an attribute needs at least one value")
_VALUE = Problem("value")
_VALUE_NAMES = Problem("a mapping of values to names")
_VALUE_LABELS = Problem("a mapping of values to {{en, ar}}")
_LABEL_NAMES = Problem("a mapping {{en, ar}}")


def _build_schema(document: Any) -> Schema:
    if document is None:
        _fail((), Problem("the file is empty; it should hold a 'schema:' mapping"))
    top = _mapping(document, (), _SCHEMA_MAPPING)
    _check_keys(top, (), {"schema"}, set())
    path: _PathSteps = ("schema",)
    raw = _mapping(top["schema"], path)
    _check_keys(raw, path, _SCHEMA_KEYS, _SCHEMA_OPTIONAL)
    schema_id = _identifier(raw, "id", path)
    version = _version(raw, path)
    names = _names(raw, path)
    if "role_templates" in raw:
        _plain(raw["role_templates"], (*path, "role_templates"))
    entity_attributes = _schema_entity_attributes(raw, path)
    event_attributes = _attributes(raw.get("event_attributes", {}), (*path, "event_attributes"))
    entities = _entity_types(raw, path, entity_attributes)
    entity_ids = {entity.id for entity in entities}
    events = _event_types(raw, path, event_attributes, entity_ids)
    check_applies_to(entity_attributes, entities, (*path, _entity_attributes_key(raw)))
    check_applies_to(event_attributes, events, (*path, "event_attributes"))
    _check_fillers(events, entity_ids, path)
    entities, events = _assign_hotkeys(entities, events, path)
    return Schema(
        id=schema_id,
        version=version,
        name_en=names["en"],
        name_ar=names["ar"],
        entity_types=_with_colours(entities, "entity"),
        event_types=_with_colours(events, "event"),
        entity_attributes=entity_attributes,
        event_attributes=event_attributes,
        language=_identifier(raw, "language", path) if "language" in raw else "ar",
        text_direction=_text_direction(raw, path),
        span_policy=_plain_mapping(raw, "span_policy", path),
        note=_optional_text(raw, "note", path),
        guidelines=build_guidelines(
            raw, path, entities, events, entity_attributes + event_attributes
        ),
    )


def _names(raw: dict[str, Any], path: _PathSteps) -> dict[str, str]:
    name_path = (*path, "name")
    names = _mapping(raw["name"], name_path, _NAMES)
    _check_keys(names, name_path, _NAME_KEYS, set())
    return {key: _text(names, key, name_path) for key in ("en", "ar")}


def _version(raw: dict[str, Any], path: _PathSteps) -> int:
    version = raw["version"]
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version < 2**31:
        _fail((*path, "version"), Problem("must be a whole number from 1 to 2^31; got {value}", value=_shown(version)))
    return version


def _text_direction(raw: dict[str, Any], path: _PathSteps) -> str:
    direction = raw.get("text_direction", "rtl")
    if direction not in ("rtl", "ltr"):
        _fail((*path, "text_direction"), Problem("must be rtl or ltr, got {value}", value=_shown(direction)))
    return str(direction)


def _schema_entity_attributes(raw: dict[str, Any], path: _PathSteps) -> tuple[Attribute, ...]:
    if "mention_attributes" in raw and "entity_attributes" in raw:
        _fail(
            (*path, "entity_attributes"),
            Problem("give mention_attributes or entity_attributes (two names for the same key), not both"),
        )
    key = _entity_attributes_key(raw)
    return _attributes(raw.get(key, {}), (*path, key))


def _entity_attributes_key(raw: dict[str, Any]) -> str:
    return "entity_attributes" if "entity_attributes" in raw else "mention_attributes"


# ---- entity labels --------------------------------------------------------------------------


def _entity_types(
    raw: dict[str, Any], path: _PathSteps, shared: tuple[Attribute, ...]
) -> tuple[EntityType, ...]:
    list_path = (*path, "entity_types")
    entities = _each(
        raw["entity_types"], list_path, partial(_entity_type, shared=shared),
        empty=_NO_ENTITY_LABEL,
    )
    _check_unique((entity.id for entity in entities), list_path, "id", _ENTITY_LABEL_ID)
    return entities


def _entity_type(item: Any, path: _PathSteps, shared: tuple[Attribute, ...]) -> EntityType:
    raw = _mapping(item, path, _AN_ENTITY_LABEL)
    _check_keys(raw, path, _ENTITY_KEYS, _ENTITY_OPTIONAL)
    return EntityType(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        color=_own_colour(raw, path),
        hotkey=_optional_hotkey(raw, path),
        attributes=_own_attributes(raw, path, shared, _ENTITY_LABEL),
        maps=_plain_mapping(raw, "maps", path),
        note=_optional_text(raw, "note", path),
        extension=_flag(raw, "extension", path, default=False),
        ner_core=_flag(raw, "ner_core", path, default=False),
    )


# ---- event types and roles ------------------------------------------------------------------


def _event_types(
    raw: dict[str, Any], path: _PathSteps, shared: tuple[Attribute, ...], entity_ids: set[str]
) -> tuple[EventType, ...]:
    list_path = (*path, "event_types")
    events = _each(raw.get("event_types", []), list_path, partial(_event_type, shared=shared))
    _check_unique((event.id for event in events), list_path, "id", _EVENT_TYPE_ID)
    for index, event in enumerate(events):
        if event.id in entity_ids:
            _fail(
                (*list_path, index, "id"),
                Problem(
                    "{id!r} is already an entity label; a trigger span is labelled with its event type, "
                    "so the two need different ids",
                    id=event.id,
                ),
            )
    return events


def _event_type(item: Any, path: _PathSteps, shared: tuple[Attribute, ...]) -> EventType:
    raw = _mapping(item, path, _AN_EVENT_TYPE)
    _check_keys(raw, path, _EVENT_KEYS, _EVENT_OPTIONAL)
    return EventType(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        color=_own_colour(raw, path),
        hotkey=_optional_hotkey(raw, path),
        roles=_roles(raw, path),
        attributes=_own_attributes(raw, path, shared, _EVENT_TYPE),
        maps=_plain_mapping(raw, "maps", path),
        note=_optional_text(raw, "note", path),
        extension=_flag(raw, "extension", path, default=False),
    )


def _roles(raw: dict[str, Any], path: _PathSteps) -> tuple[Role, ...]:
    list_path = (*path, "roles")
    roles = _each(raw.get("roles", []), list_path, _role)
    _check_unique((role.id for role in roles), list_path, "id", _ROLE_ID)
    return roles


def _role(item: Any, path: _PathSteps) -> Role:
    raw = _mapping(item, path, _A_ROLE)
    _check_keys(raw, path, _ROLE_KEYS, _ROLE_OPTIONAL)
    fillers_path = (*path, "fillers")
    fillers = _each(
        raw["fillers"], fillers_path, _filler_text,
        empty=_NO_FILLER,
    )
    _check_unique(fillers, fillers_path, None, _FILLER)
    return Role(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        fillers=fillers,
        required=_flag(raw, "required", path, default=False),
        repeatable=_flag(raw, "repeatable", path, default=True),
        maps=_plain_mapping(raw, "maps", path),
        note=_optional_text(raw, "note", path),
        extension=_flag(raw, "extension", path, default=False),
    )


def _filler_text(value: Any, path: _PathSteps) -> str:
    if not isinstance(value, str) or not value:
        _fail(path, Problem("a filler is an entity label or EVENT:<event type>, got {value}", value=_shown(value)))
    return value


def _check_fillers(
    events: tuple[EventType, ...], entity_ids: set[str], path: _PathSteps
) -> None:
    """Every filler names an entity label or, after ``EVENT:``, an event type of this schema."""
    event_ids = {event.id for event in events}
    for event_index, event in enumerate(events):
        for role_index, role in enumerate(event.roles):
            for filler_index, filler in enumerate(role.fillers):
                place = (*path, "event_types", event_index, "roles", role_index, "fillers")
                _check_filler_known(filler, (*place, filler_index), entity_ids, event_ids)


def _check_filler_known(
    filler: str, path: _PathSteps, entity_ids: set[str], event_ids: set[str]
) -> None:
    if filler.startswith(EVENT_PREFIX):
        type_id = filler.removeprefix(EVENT_PREFIX)
        if type_id not in event_ids:
            close = _suggestion(type_id, event_ids)
            _fail(path, Problem(_UNKNOWN_EVENT_FILLER[close is not None], filler=filler, close=close))
    elif filler not in entity_ids:
        close = _suggestion(filler, entity_ids)
        _fail(path, Problem(_UNKNOWN_ENTITY_FILLER[close is not None], filler=filler, close=close))


_UNKNOWN_EVENT_FILLER = {
    False: "{filler!r} names an unknown event type",
    True: "{filler!r} names an unknown event type (did you mean {close!r}?)",
}
_UNKNOWN_ENTITY_FILLER = {
    False: "{filler!r} is not an entity label of this schema; an event filler is written EVENT:<event type>",
    True: "{filler!r} is not an entity label of this schema (did you mean {close!r}?); "
    "an event filler is written EVENT:<event type>",
}


# ---- attributes -----------------------------------------------------------------------------


def _own_attributes(
    raw: dict[str, Any], path: _PathSteps, shared: tuple[Attribute, ...], owner_kind: Problem
) -> tuple[Attribute, ...]:
    """A label's own attributes, which may not reuse the name of an attribute every label has."""
    attributes = _attributes(raw.get("attributes", {}), (*path, "attributes"))
    refuse_own_applies_to(attributes, (*path, "attributes"))
    shared_names = {attribute.name for attribute in shared}
    for attribute in attributes:
        if attribute.name in shared_names:
            _fail(
                (*path, "attributes", attribute.name),
                Problem("{name!r} is already an attribute of every {owner}", name=attribute.name, owner=owner_kind),
            )
    return attributes


def _attributes(value: Any, path: _PathSteps) -> tuple[Attribute, ...]:
    specs = _mapping(value, path, _ATTRIBUTES)
    return tuple(_attribute(name, spec, (*path, name)) for name, spec in specs.items())


def _attribute(name: str, spec: Any, path: _PathSteps) -> Attribute:
    if not _ID.fullmatch(name):
        _fail(path, Problem(_NAME_RULE, name=name))
    if isinstance(spec, list):
        return Attribute(name, _values(spec, path), None, {})
    raw = _mapping(spec, path, _AN_ATTRIBUTE)
    _check_keys(raw, path, _ATTRIBUTE_KEYS, _ATTRIBUTE_OPTIONAL)
    values = _values(raw["values"], (*path, "values"))
    names_en, names_ar = _value_labels(raw, path, values)
    names_ar |= _value_names(raw, "ar", path, values)
    own = _names(raw, path) if "name" in raw else {"en": "", "ar": ""}
    default = _default(raw, path, values)
    applies_to = applies_to_ids(raw, path)
    return Attribute(name, values, default, names_ar, names_en, own["en"], own["ar"], applies_to)


_NAME_RULE = (
    "the attribute name {name!r} must be ASCII letters, digits, '_', '.' or '-', starting with a letter or digit"
)


def _values(value: Any, path: _PathSteps) -> tuple[str, ...]:
    values = _each(value, path, _value_key, empty=_NO_VALUE)
    _check_unique(values, path, None, _VALUE)
    return values


def _value_key(value: Any, path: _PathSteps) -> str:
    if isinstance(value, bool):
        _fail(path, Problem("YAML reads yes/no/on/off/true/false as true or false: put the value in quotes"))
    if not isinstance(value, str):
        _fail(path, Problem("an attribute value must be text, got {value}; put it in quotes", value=_shown(value)))
    if not value or value != value.strip() or any(not char.isprintable() for char in value):
        _fail(path, Problem(_VALUE_RULE, value=value))
    return value


_VALUE_RULE = (
    "an attribute value is text of any characters that can be printed, not empty and without spaces around it; "
    "got {value!r}"
)


def _default(raw: dict[str, Any], path: _PathSteps, values: tuple[str, ...]) -> str | None:
    if "default" not in raw:
        return None
    default = _value_key(raw["default"], (*path, "default"))
    if default not in values:
        _fail((*path, "default"), Problem(_NOT_A_VALUE[False], value=default, values=listing(values)))
    return default


def _value_names(
    raw: dict[str, Any], key: str, path: _PathSteps, values: tuple[str, ...]
) -> dict[str, str]:
    """``ar: {value: name}``; every value named must be one of ``values``."""
    if key not in raw:
        return {}
    names_path = (*path, key)
    names = _mapping(raw[key], names_path, _VALUE_NAMES)
    _check_names_values(names, names_path, values)
    return {value: _text(names, value, names_path) for value in names}


def _value_labels(
    raw: dict[str, Any], path: _PathSteps, values: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    """``labels: {value: {en, ar}}`` as (English names, Arabic names)."""
    if "labels" not in raw:
        return {}, {}
    labels_path = (*path, "labels")
    labels = _mapping(raw["labels"], labels_path, _VALUE_LABELS)
    _check_names_values(labels, labels_path, values)
    names_en: dict[str, str] = {}
    names_ar: dict[str, str] = {}
    for value, spec in labels.items():
        value_path = (*labels_path, value)
        names = _mapping(spec, value_path, _LABEL_NAMES)
        _check_keys(names, value_path, set(), _NAME_KEYS)
        if "en" in names:
            names_en[value] = _text(names, "en", value_path)
        if "ar" in names:
            names_ar[value] = _text(names, "ar", value_path)
    return names_en, names_ar


def _check_names_values(names: dict[str, Any], path: _PathSteps, values: tuple[str, ...]) -> None:
    for value in names:
        if value not in values:
            close = _suggestion(value, values)
            problem = Problem(_NOT_A_VALUE[close is not None], value=value, values=listing(values), close=close)
            _fail((*path, value), problem)


_NOT_A_VALUE = {
    False: "{value!r} is not one of the values {values}",
    True: "{value!r} is not one of the values {values} (did you mean {close!r}?)",
}


# ---- hotkeys and colours --------------------------------------------------------------------


def _optional_hotkey(raw: dict[str, Any], path: _PathSteps) -> str | None:
    return _hotkey(raw["hotkey"], (*path, "hotkey")) if "hotkey" in raw else None


def _hotkey(value: Any, path: _PathSteps) -> str:
    """``"1"``, ``1``, ``"a"``, ``"Shift+A"`` -> ``"1"``, ``"1"``, ``"A"``, ``"Shift+A"``."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9:
        value = str(value)
    if not isinstance(value, str) or not _HOTKEY.fullmatch(value):
        problem = Problem("a hotkey is one key: a digit, a letter or Shift+<letter>; got {value}", value=_shown(value))
        _fail(path, problem)
    key = value[-1].upper()
    return f"Shift+{key}" if len(value) > 1 else key


def _assign_hotkeys(
    entities: tuple[EntityType, ...], events: tuple[EventType, ...], path: _PathSteps
) -> tuple[tuple[EntityType, ...], tuple[EventType, ...]]:
    """Refuse a hotkey given twice; give the free digits 1-9 to labels without a hotkey."""
    owners: dict[str, str] = {}
    claims: list[tuple[str, int, EntityType | EventType]] = [
        ("entity_types", index, item) for index, item in enumerate(entities)
    ]
    claims += [("event_types", index, item) for index, item in enumerate(events)]
    for key, index, item in claims:
        if item.hotkey is None:
            continue
        if item.hotkey in owners:
            _fail((*path, key, index, "hotkey"), hotkey_taken(item.hotkey, owners[item.hotkey]))
        owners[item.hotkey] = item.id
    free_digits = iter(digit for digit in "123456789" if digit not in owners)
    with_defaults = tuple(
        entity if entity.hotkey is not None else replace(entity, hotkey=next(free_digits, None))
        for entity in entities
    )
    return with_defaults, events


def hotkey_taken(hotkey: str, owner: str) -> Problem:
    """A hotkey that a label (or a document label's value) already has."""
    return Problem("the hotkey {hotkey!r} is already used by {owner!r}", hotkey=hotkey, owner=owner)


def _color(value: Any, path: _PathSteps) -> str:
    if not isinstance(value, str) or not _COLOR.fullmatch(value):
        problem = Problem('a colour is written "#rrggbb" (six hex digits, in quotes); got {value}', value=_shown(value))
        _fail(path, problem)
    return value.lower()


def _own_colour(raw: dict[str, Any], path: _PathSteps) -> str:
    """The label's ``color`` (or ``colour``); "" for a label the palette colours."""
    given = [key for key in ("color", "colour") if key in raw]
    if len(given) > 1:
        _fail((*path, "colour"), Problem("give color or colour (two names for the same key), not both"))
    return _color(raw[given[0]], (*path, given[0])) if given else ""


_Labelled = TypeVar("_Labelled", EntityType, EventType)


def _with_colours(labels: tuple[_Labelled, ...], group: Group) -> tuple[_Labelled, ...]:
    """The labels, those without a colour given one from the palette (``schema.colours``)."""
    colours = fill_colours([label.color for label in labels], group)
    return tuple(replace(label, color=colour) for label, colour in zip(labels, colours, strict=True))
