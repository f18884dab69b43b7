"""The label schema: entity labels, event types with roles, attributes (DESIGN.md, Label schema).

A schema is a file a lead edits by hand, in YAML or in JSON (chosen by the ``.json`` suffix). It
holds one top-level key, ``schema:``, whose mapping has these keys::

    schema:
      id: conflict-news              # required; ASCII letters, digits, _ . - (it goes into exports)
      version: 1                     # required; a whole number >= 1
      name: {en: ..., ar: ...}       # required; both names
      language: ar                   # optional, default ar
      text_direction: rtl            # optional, rtl (default) or ltr
      span_policy: {...}             # optional, kept as written for the span tools
      note: ...                      # optional text
      role_templates: {...}          # optional; a place to define YAML anchors, otherwise ignored
      mention_attributes: ATTRS      # optional; attributes every entity label has
                                     #   (``entity_attributes`` is accepted as the same key)
      event_attributes: ATTRS        # optional; attributes every event type has
      entity_types: [ENTITY, ...]    # required, at least one
      event_types: [EVENT, ...]      # optional

    ENTITY: {id, en, ar, color: "#rrggbb", hotkey?, attributes?: ATTRS,
             maps?, note?, extension?: bool, ner_core?: bool}
    EVENT:  {id, en, ar, color?, hotkey?, attributes?: ATTRS, roles?: [ROLE, ...],
             maps?, note?, extension?: bool}
    ROLE:   {id, en, ar, fillers: [ENTITY_ID | "EVENT:<event type id>", ...],
             required?: bool (default false), repeatable?: bool (default true),
             maps?, note?, extension?: bool}
    ATTRS:  {key: [value, ...]                           # a closed list, no default
             key: {values: [value, ...], default?: value, name?: {en, ar},
                   ar?: {value: Arabic name}, labels?: {value: {en?, ar?}}}}

``maps`` (the label's names in other schemes: ace, wojood, anercorp, ...), ``note``, ``extension``
(not part of ACE 2005) and ``ner_core`` are metadata kept on the objects for importers and
exporters. Keys outside these lists are refused, so that a typo such as ``colour`` is caught
rather than silently ignored. Ids and attribute names are ASCII keys that end up in exported files;
attribute values may hold any printable characters (brat writes values such as ``Typo+UNK``),
without spaces around them. What a user reads goes in ``en`` and ``ar``.

Hotkeys are one key: a digit, a letter, or ``Shift+<letter>`` (letters are case-insensitive and
kept upper case). They must be unique across entity labels and event types. Entity labels without
a hotkey take the digits 1-9 that no label or event type claims, in order, so by default the
first nine labels get 1..9. ``EntityType.hotkey`` and ``EventType.hotkey`` are these effective
hotkeys. Event types without a colour get a distinct pastel colour.

Entity label ids and event type ids share one namespace, because an event's trigger is a span
labelled with the event type.

Every problem is a ``SchemaError`` whose one-line message names the file, the place (the line for
YAML files, and the path such as ``schema.entity_types[3].color``) and the problem. The first
problem found is reported.
"""

from __future__ import annotations

import colorsys
import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn


if TYPE_CHECKING:  # PyYAML is imported where files are parsed: the command line starts faster
    import yaml

from workbench.core.errors import SchemaError
from workbench.core.nested_data import (
    NestedDataError,
    parse_json,
    safe_yaml_loader,
    size_problem,
    yaml_size_problem,
)
from workbench.paths import resources_dir

BUILTIN_SCHEMAS = ("conflict-news", "generic", "wojood", "ace2005")
DEFAULT_SCHEMA = "conflict-news"
EVENT_PREFIX = "EVENT:"
"""A role filler that starts with this names an event type rather than an entity label."""


def event_filler(type_id: str) -> str:
    """The filler label for an event of type ``type_id`` (an event-to-event argument)."""
    return f"{EVENT_PREFIX}{type_id}"


# --------------------------------------------------------------------------------------------
# The schema objects
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribute:
    """A closed list of values; ``names_ar``/``names_en`` give display names of the values, and
    ``en``/``ar`` the attribute's own (empty when the file gives none)."""

    name: str
    values: tuple[str, ...]
    default: str | None
    names_ar: dict[str, str] = field(hash=False)
    names_en: dict[str, str] = field(default_factory=dict, hash=False)
    en: str = ""
    ar: str = ""

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
            f"the event type {self.id!r} has no role {role_id!r}; "
            f"its roles: {_listing(role.id for role in self.roles)}"
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

    @cached_property
    def _entities(self) -> dict[str, EntityType]:
        return {entity.id: entity for entity in self.entity_types}

    @cached_property
    def _events(self) -> dict[str, EventType]:
        return {event.id: event for event in self.event_types}

    def entity(self, label: str) -> EntityType:
        try:
            return self._entities[label]
        except KeyError:
            raise SchemaError(
                f"the schema {self.id!r} has no entity label {label!r}; "
                f"its labels: {_listing(self._entities)}"
            ) from None

    def event(self, type_id: str) -> EventType:
        try:
            return self._events[type_id]
        except KeyError:
            raise SchemaError(
                f"the schema {self.id!r} has no event type {type_id!r}; "
                f"its event types: {_listing(self._events)}"
            ) from None

    def has_entity(self, label: str) -> bool:
        return label in self._entities

    def has_event(self, type_id: str) -> bool:
        return type_id in self._events

    def attributes_for_entity(self, label: str) -> tuple[Attribute, ...]:
        return self.entity_attributes + self.entity(label).attributes

    def attributes_for_event(self, type_id: str) -> tuple[Attribute, ...]:
        return self.event_attributes + self.event(type_id).attributes

    def default_attributes_for_entity(self, label: str) -> dict[str, str]:
        return _defaults(self.attributes_for_entity(label))

    def default_attributes_for_event(self, type_id: str) -> dict[str, str]:
        return _defaults(self.attributes_for_event(type_id))

    def check_attributes(self, owner: str, attributes: Mapping[str, Any]) -> None:
        """Refuse attribute names ``owner`` (an entity label or event type) lacks, and values
        outside the attribute's closed list."""
        if self.has_entity(owner):
            allowed = self.attributes_for_entity(owner)
        elif self.has_event(owner):
            allowed = self.attributes_for_event(owner)
        else:
            raise SchemaError(
                f"the schema {self.id!r} has no entity label or event type {owner!r}"
            )
        by_name = {attribute.name: attribute for attribute in allowed}
        for name, value in attributes.items():
            attribute = by_name.get(name)
            if attribute is None:
                raise SchemaError(
                    f"{owner!r} has no attribute {name!r}; its attributes: {_listing(by_name)}"
                )
            if _attribute_value(value) not in attribute.values:
                raise SchemaError(
                    f"the attribute {name!r} of {owner!r} cannot be {value!r}; "
                    f"allowed: {_listing(attribute.values)}"
                )

    def check_filler(self, event_type: str, role: str, filler_label: str) -> None:
        """Refuse a filler the role does not allow, saying which fillers it does allow."""
        allowed = self.event(event_type).role(role)
        if not allowed.allows(filler_label):
            raise SchemaError(
                f"the role {role!r} of {event_type!r} cannot be filled by {filler_label!r}; "
                f"allowed: {_listing(allowed.fillers)}"
            )

    def to_json(self) -> str:
        """The full definition as a JSON schema file, which ``from_json`` rebuilds exactly."""
        return json.dumps({"schema": _schema_definition(self)}, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Schema:
        return _schema_from_text(text, "the stored schema", is_json=True)


def _defaults(attributes: Iterable[Attribute]) -> dict[str, str]:
    return {a.name: a.default for a in attributes if a.default is not None}


def _attribute_value(value: Any) -> Any:
    """A binary attribute (brat's ``A1 Negation E1``, stored as ``True``) is declared in a schema
    as the one value ``"True"``."""
    return "True" if value is True else value


def _listing(names: Iterable[str]) -> str:
    return ", ".join(names) or "none"


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_schema(path: Path | str) -> Schema:
    """The schema in the YAML or JSON file at ``path``; ``SchemaError`` when it is not valid."""
    path = Path(path)
    return _schema_from_text(_read_utf8(path), str(path), is_json=path.suffix.lower() == ".json")


def builtin_schema(name: str) -> Schema:
    """One of ``BUILTIN_SCHEMAS``, from ``resources/schemas/<name>.yaml``."""
    if name not in BUILTIN_SCHEMAS:
        raise SchemaError(f"there is no built-in schema {name!r}; {_builtin_listing()}")
    return load_schema(resources_dir() / "schemas" / f"{name}.yaml")


def resolve_schema(name_or_path: str) -> Schema:
    """A built-in schema by name, else the schema file at that path."""
    if name_or_path in BUILTIN_SCHEMAS:
        return builtin_schema(name_or_path)
    path = Path(name_or_path)
    if not path.is_file():
        raise SchemaError(
            f"{name_or_path!r} is neither a built-in schema nor a schema file; {_builtin_listing()}"
        )
    return load_schema(path)


def _builtin_listing() -> str:
    return f"the built-in schemas are {', '.join(BUILTIN_SCHEMAS)}"


def _read_utf8(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = error.strerror or str(error)
        raise SchemaError(f"{path}: cannot read the schema file: {problem}") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SchemaError(
            f"{path}, line {line}: the file is not UTF-8: the byte 0x{data[error.start]:02x} at "
            f"offset {error.start} cannot be decoded; save the file as UTF-8"
        ) from None


_PathSteps = tuple[str | int, ...]


class _Invalid(Exception):
    """A problem at a place in the parsed document; the loader adds the file and the line."""

    def __init__(self, path: _PathSteps, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def _fail(path: _PathSteps, problem: str) -> NoReturn:
    raise _Invalid(path, problem)


def _schema_from_text(text: str, source: str, *, is_json: bool) -> Schema:
    root: yaml.Node | None = None
    try:
        if is_json:
            document = _parse_json(text, source)
        else:
            document, root = _parse_yaml(text, source)
        return _build_schema(document)
    except _Invalid as invalid:
        line = _line_of(root, invalid.path) if root is not None else None
        raise SchemaError(_message(source, line, invalid.path, invalid.problem)) from None


def _message(source: str, line: int | None, path: _PathSteps, problem: str) -> str:
    place = [source]
    if line is not None:
        place.append(f"line {line}")
    if path:
        place.append(_path_text(path))
    return f"{', '.join(place)}: {problem}"


def _path_text(path: _PathSteps) -> str:
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif _ID.fullmatch(step):
            text += f".{step}" if text else step
        else:
            text += f"[{step!r}]"
    return text


def _parse_json(text: str, source: str) -> Any:
    try:
        document = parse_json(text, object_pairs_hook=_json_object)
    except NestedDataError as error:
        problem = f"invalid JSON: {error.syntax}" if error.syntax else error.problem
        raise SchemaError(f"{source}, line {error.line}, column {error.column}: {problem}") from None
    too_big = size_problem(document)
    if too_big:
        raise SchemaError(f"{source}: {too_big}")
    return document


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            _fail((), f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _parse_yaml(text: str, source: str) -> tuple[Any, yaml.Node | None]:
    import yaml

    """The document and its node tree; the nodes know the line each value came from."""
    loader = safe_yaml_loader()(text)
    try:
        too_big = yaml_size_problem(yaml.parse(text, Loader=safe_yaml_loader()))
        if too_big is not None:
            raise SchemaError(f"{source}, {too_big}")
        root = loader.get_single_node()
        if root is None:
            return None, None
        duplicate = _duplicate_key(root)
        if duplicate is not None:
            problem = f"the key {duplicate[-1]!r} appears twice"
            raise SchemaError(_message(source, _line_of(root, duplicate), duplicate, problem))
        return loader.construct_document(root), root
    except yaml.MarkedYAMLError as error:
        raise SchemaError(_yaml_syntax_message(source, error)) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        # libyaml gives the code point, the pure-Python reader the character.
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise SchemaError(
            f"{source}, line {line}: invalid YAML: the character U+{code:04X} "
            "is not allowed in a YAML file"
        ) from None
    except yaml.YAMLError as error:
        problem = " ".join(str(error).split())
        raise SchemaError(f"{source}: invalid YAML: {problem}") from None
    finally:
        loader.dispose()


def _yaml_syntax_message(source: str, error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    place = f"{source}, line {mark.line + 1}, column {mark.column + 1}" if mark else source
    problem = error.problem or "cannot be read"
    context = error.context_mark
    if error.context and context is not None and mark is not None and context.line != mark.line:
        problem += f" ({error.context} at line {context.line + 1})"
    return f"{place}: invalid YAML: {problem}"


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _duplicate_key(root: yaml.Node) -> _PathSteps | None:
    """The path of a key given twice in one mapping, which PyYAML would silently let win.

    Checked on the nodes before construction, where a merge key (``<<: *base``) is still apart
    from the keys that override it.
    """
    import yaml

    seen: set[int] = set()
    pending: list[tuple[yaml.Node, _PathSteps]] = [(root, ())]
    while pending:
        node, path = pending.pop()
        if id(node) in seen:  # an alias: already checked, and YAML allows cycles
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            pending.extend((item, (*path, index)) for index, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE_TAG:
                    if key.value in keys:
                        return (*path, key.value)
                    keys.add(key.value)
                    pending.append((value, (*path, key.value)))
    return None


def _line_of(root: yaml.Node, path: _PathSteps) -> int:
    """The line of the deepest node on ``path``: the key's line for a mapping entry."""
    node = root
    line = root.start_mark.line + 1
    for step in path:
        found = _child(node, step)
        if found is None:
            break
        marker, node = found
        line = marker.start_mark.line + 1
    return line


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    import yaml

    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        # The last equal key wins in PyYAML (a merge key's entries come first).
        for key, value in reversed(node.value):
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        item = node.value[step]
        return item, item
    return None


# --------------------------------------------------------------------------------------------
# Validation: from the parsed document to a Schema
# --------------------------------------------------------------------------------------------

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_HOTKEY = re.compile(r"(?:shift\+)?[a-z]|[0-9]", re.IGNORECASE)
_MAX_DEPTH = 32

_SCHEMA_KEYS = {"id", "version", "name", "entity_types"}
_SCHEMA_OPTIONAL = {
    "language", "text_direction", "span_policy", "note", "role_templates",
    "mention_attributes", "entity_attributes", "event_attributes", "event_types",
}  # fmt: skip
_NAME_KEYS = {"en", "ar"}
_METADATA_KEYS = {"maps", "note", "extension"}
_ENTITY_KEYS = {"id", "en", "ar", "color"}
_ENTITY_OPTIONAL = {"hotkey", "attributes", "ner_core"} | _METADATA_KEYS
_EVENT_KEYS = {"id", "en", "ar"}
_EVENT_OPTIONAL = {"color", "hotkey", "attributes", "roles"} | _METADATA_KEYS
_ROLE_KEYS = {"id", "en", "ar", "fillers"}
_ROLE_OPTIONAL = {"required", "repeatable"} | _METADATA_KEYS
_ATTRIBUTE_KEYS = {"values"}
_ATTRIBUTE_OPTIONAL = {"default", "name", "ar", "labels"}


def _build_schema(document: Any) -> Schema:
    if document is None:
        _fail((), "the file is empty; it should hold a 'schema:' mapping")
    top = _mapping(document, (), "a mapping with one key, 'schema'")
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
    _check_fillers(events, entity_ids, path)
    entities, events = _assign_hotkeys(entities, events, path)
    return Schema(
        id=schema_id,
        version=version,
        name_en=names["en"],
        name_ar=names["ar"],
        entity_types=entities,
        event_types=_assign_colors(events, {entity.color for entity in entities}),
        entity_attributes=entity_attributes,
        event_attributes=event_attributes,
        language=_identifier(raw, "language", path) if "language" in raw else "ar",
        text_direction=_text_direction(raw, path),
        span_policy=_plain_mapping(raw, "span_policy", path),
        note=_optional_text(raw, "note", path),
    )


def _names(raw: dict[str, Any], path: _PathSteps) -> dict[str, str]:
    name_path = (*path, "name")
    names = _mapping(raw["name"], name_path, "a mapping {en: ..., ar: ...}")
    _check_keys(names, name_path, _NAME_KEYS, set())
    return {key: _text(names, key, name_path) for key in ("en", "ar")}


def _version(raw: dict[str, Any], path: _PathSteps) -> int:
    version = raw["version"]
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version < 2**31:
        _fail((*path, "version"), f"must be a whole number from 1 to 2^31; got {_shown(version)}")
    return version


def _text_direction(raw: dict[str, Any], path: _PathSteps) -> str:
    direction = raw.get("text_direction", "rtl")
    if direction not in ("rtl", "ltr"):
        _fail((*path, "text_direction"), f"must be rtl or ltr, got {_shown(direction)}")
    return str(direction)


def _schema_entity_attributes(raw: dict[str, Any], path: _PathSteps) -> tuple[Attribute, ...]:
    if "mention_attributes" in raw and "entity_attributes" in raw:
        _fail(
            (*path, "entity_attributes"),
            "give mention_attributes or entity_attributes (two names for the same key), not both",
        )
    key = "entity_attributes" if "entity_attributes" in raw else "mention_attributes"
    return _attributes(raw.get(key, {}), (*path, key))


# ---- entity labels --------------------------------------------------------------------------


def _entity_types(
    raw: dict[str, Any], path: _PathSteps, shared: tuple[Attribute, ...]
) -> tuple[EntityType, ...]:
    list_path = (*path, "entity_types")
    items = _list(raw["entity_types"], list_path)
    if not items:
        _fail(list_path, "the schema needs at least one entity label")
    entities = tuple(
        _entity_type(item, (*list_path, index), shared) for index, item in enumerate(items)
    )
    _check_unique((entity.id for entity in entities), list_path, "id", "entity label id")
    return entities


def _entity_type(item: Any, path: _PathSteps, shared: tuple[Attribute, ...]) -> EntityType:
    raw = _mapping(item, path, "an entity label {id, en, ar, color, ...}")
    _check_keys(raw, path, _ENTITY_KEYS, _ENTITY_OPTIONAL)
    return EntityType(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        color=_color(raw["color"], (*path, "color")),
        hotkey=_optional_hotkey(raw, path),
        attributes=_own_attributes(raw, path, shared, "entity label"),
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
    items = _list(raw.get("event_types", []), list_path)
    events = tuple(
        _event_type(item, (*list_path, index), shared) for index, item in enumerate(items)
    )
    _check_unique((event.id for event in events), list_path, "id", "event type id")
    for index, event in enumerate(events):
        if event.id in entity_ids:
            _fail(
                (*list_path, index, "id"),
                f"{event.id!r} is already an entity label; a trigger span is labelled with its "
                "event type, so the two need different ids",
            )
    return events


def _event_type(item: Any, path: _PathSteps, shared: tuple[Attribute, ...]) -> EventType:
    raw = _mapping(item, path, "an event type {id, en, ar, roles, ...}")
    _check_keys(raw, path, _EVENT_KEYS, _EVENT_OPTIONAL)
    return EventType(
        id=_identifier(raw, "id", path),
        en=_text(raw, "en", path),
        ar=_text(raw, "ar", path),
        color=_color(raw["color"], (*path, "color")) if "color" in raw else "",
        hotkey=_optional_hotkey(raw, path),
        roles=_roles(raw, path),
        attributes=_own_attributes(raw, path, shared, "event type"),
        maps=_plain_mapping(raw, "maps", path),
        note=_optional_text(raw, "note", path),
        extension=_flag(raw, "extension", path, default=False),
    )


def _roles(raw: dict[str, Any], path: _PathSteps) -> tuple[Role, ...]:
    list_path = (*path, "roles")
    items = _list(raw.get("roles", []), list_path)
    roles = tuple(_role(item, (*list_path, index)) for index, item in enumerate(items))
    _check_unique((role.id for role in roles), list_path, "id", "role id")
    return roles


def _role(item: Any, path: _PathSteps) -> Role:
    raw = _mapping(item, path, "a role {id, en, ar, fillers, ...}")
    _check_keys(raw, path, _ROLE_KEYS, _ROLE_OPTIONAL)
    fillers_path = (*path, "fillers")
    fillers = tuple(
        _filler_text(value, (*fillers_path, index))
        for index, value in enumerate(_list(raw["fillers"], fillers_path))
    )
    if not fillers:
        _fail(fillers_path, "a role needs at least one filler (an entity label or EVENT:<type>)")
    _check_unique(fillers, fillers_path, None, "filler")
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
        _fail(path, f"a filler is an entity label or EVENT:<event type>, got {_shown(value)}")
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
            _fail(path, f"{filler!r} names an unknown event type{_suggestion(type_id, event_ids)}")
    elif filler not in entity_ids:
        _fail(
            path,
            f"{filler!r} is not an entity label of this schema{_suggestion(filler, entity_ids)}; "
            "an event filler is written EVENT:<event type>",
        )


# ---- attributes -----------------------------------------------------------------------------


def _own_attributes(
    raw: dict[str, Any], path: _PathSteps, shared: tuple[Attribute, ...], owner_kind: str
) -> tuple[Attribute, ...]:
    """A label's own attributes, which may not reuse the name of an attribute every label has."""
    attributes = _attributes(raw.get("attributes", {}), (*path, "attributes"))
    shared_names = {attribute.name for attribute in shared}
    for attribute in attributes:
        if attribute.name in shared_names:
            _fail(
                (*path, "attributes", attribute.name),
                f"{attribute.name!r} is already an attribute of every {owner_kind}",
            )
    return attributes


def _attributes(value: Any, path: _PathSteps) -> tuple[Attribute, ...]:
    specs = _mapping(value, path, "a mapping of attribute names to their values")
    return tuple(_attribute(name, spec, (*path, name)) for name, spec in specs.items())


def _attribute(name: str, spec: Any, path: _PathSteps) -> Attribute:
    if not _ID.fullmatch(name):
        _fail(path, f"the attribute name {name!r} {_ID_RULE}")
    if isinstance(spec, list):
        return Attribute(name, _values(spec, path), None, {})
    raw = _mapping(spec, path, "a list of values, or a mapping {values, default, ar, labels}")
    _check_keys(raw, path, _ATTRIBUTE_KEYS, _ATTRIBUTE_OPTIONAL)
    values = _values(raw["values"], (*path, "values"))
    names_en, names_ar = _value_labels(raw, path, values)
    names_ar |= _value_names(raw, "ar", path, values)
    own = _names(raw, path) if "name" in raw else {"en": "", "ar": ""}
    default = _default(raw, path, values)
    return Attribute(name, values, default, names_ar, names_en, own["en"], own["ar"])


def _values(value: Any, path: _PathSteps) -> tuple[str, ...]:
    values = tuple(
        _value_key(item, (*path, index)) for index, item in enumerate(_list(value, path))
    )
    if not values:
        _fail(path, "the list of values is empty; an attribute needs at least one value")
    _check_unique(values, path, None, "value")
    return values


def _value_key(value: Any, path: _PathSteps) -> str:
    if isinstance(value, bool):
        _fail(path, "YAML reads yes/no/on/off/true/false as true or false: put the value in quotes")
    if not isinstance(value, str):
        _fail(path, f"an attribute value must be text, got {_shown(value)}; put it in quotes")
    if not value or value != value.strip() or any(not char.isprintable() for char in value):
        _fail(
            path,
            "an attribute value is text of any characters that can be printed, not empty and "
            f"without spaces around it; got {value!r}",
        )
    return value


def _default(raw: dict[str, Any], path: _PathSteps, values: tuple[str, ...]) -> str | None:
    if "default" not in raw:
        return None
    default = _value_key(raw["default"], (*path, "default"))
    if default not in values:
        _fail((*path, "default"), f"{default!r} is not one of the values {_listing(values)}")
    return default


def _value_names(
    raw: dict[str, Any], key: str, path: _PathSteps, values: tuple[str, ...]
) -> dict[str, str]:
    """``ar: {value: name}``; every value named must be one of ``values``."""
    if key not in raw:
        return {}
    names_path = (*path, key)
    names = _mapping(raw[key], names_path, "a mapping of values to names")
    _check_names_values(names, names_path, values)
    return {value: _text(names, value, names_path) for value in names}


def _value_labels(
    raw: dict[str, Any], path: _PathSteps, values: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    """``labels: {value: {en, ar}}`` as (English names, Arabic names)."""
    if "labels" not in raw:
        return {}, {}
    labels_path = (*path, "labels")
    labels = _mapping(raw["labels"], labels_path, "a mapping of values to {en, ar}")
    _check_names_values(labels, labels_path, values)
    names_en: dict[str, str] = {}
    names_ar: dict[str, str] = {}
    for value, spec in labels.items():
        value_path = (*labels_path, value)
        names = _mapping(spec, value_path, "a mapping {en, ar}")
        _check_keys(names, value_path, set(), _NAME_KEYS)
        if "en" in names:
            names_en[value] = _text(names, "en", value_path)
        if "ar" in names:
            names_ar[value] = _text(names, "ar", value_path)
    return names_en, names_ar


def _check_names_values(names: dict[str, Any], path: _PathSteps, values: tuple[str, ...]) -> None:
    for value in names:
        if value not in values:
            _fail(
                (*path, value),
                f"{value!r} is not one of the values {_listing(values)}"
                f"{_suggestion(value, values)}",
            )


# ---- hotkeys and colours --------------------------------------------------------------------


def _optional_hotkey(raw: dict[str, Any], path: _PathSteps) -> str | None:
    return _hotkey(raw["hotkey"], (*path, "hotkey")) if "hotkey" in raw else None


def _hotkey(value: Any, path: _PathSteps) -> str:
    """``"1"``, ``1``, ``"a"``, ``"Shift+A"`` -> ``"1"``, ``"1"``, ``"A"``, ``"Shift+A"``."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9:
        value = str(value)
    if not isinstance(value, str) or not _HOTKEY.fullmatch(value):
        _fail(
            path,
            f"a hotkey is one key: a digit, a letter or Shift+<letter>; got {_shown(value)}",
        )
    key = value[-1].upper()
    return f"Shift+{key}" if len(value) > 1 else key


def _assign_hotkeys(
    entities: tuple[EntityType, ...], events: tuple[EventType, ...], path: _PathSteps
) -> tuple[tuple[EntityType, ...], tuple[EventType, ...]]:
    """Refuse a hotkey given twice; give the free digits 1-9 to labels without a hotkey."""
    owners: dict[str, str] = {}
    claims = [("entity_types", index, item) for index, item in enumerate(entities)]
    claims += [("event_types", index, item) for index, item in enumerate(events)]
    for key, index, item in claims:
        if item.hotkey is None:
            continue
        if item.hotkey in owners:
            _fail(
                (*path, key, index, "hotkey"),
                f"the hotkey {item.hotkey!r} is already used by {owners[item.hotkey]!r}",
            )
        owners[item.hotkey] = item.id
    free_digits = iter(digit for digit in "123456789" if digit not in owners)
    with_defaults = tuple(
        entity if entity.hotkey is not None else replace(entity, hotkey=next(free_digits, None))
        for entity in entities
    )
    return with_defaults, events


def _color(value: Any, path: _PathSteps) -> str:
    if not isinstance(value, str) or not _COLOR.fullmatch(value):
        _fail(
            path,
            f"a colour is written \"#rrggbb\" (six hex digits, in quotes); got {_shown(value)}",
        )
    return value.lower()


def _assign_colors(events: tuple[EventType, ...], taken: set[str]) -> tuple[EventType, ...]:
    """Give each event type without a colour its own, different from every colour in use."""
    used = taken | {event.color for event in events if event.color}
    palette = _distinct_colors(used)
    return tuple(
        event if event.color else replace(event, color=next(palette)) for event in events
    )


def _distinct_colors(used: set[str]) -> Iterator[str]:
    """Pastel colours a golden-ratio step of hue apart (light enough to read text on)."""
    step = 0
    while True:
        hue = (step * 0.618033988749895) % 1.0
        step += 1
        red, green, blue = colorsys.hsv_to_rgb(hue, 0.45, 0.95)
        color = f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
        if color not in used:
            used = used | {color}
            yield color


# ---- generic checks -------------------------------------------------------------------------

_ID_RULE = "must be ASCII letters, digits, '_', '.' or '-', starting with a letter or digit"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shown(value: Any) -> str:
    """A value for a message: its repr when short and simple, else its kind."""
    if isinstance(value, str | int | float | bool) and len(repr(value)) <= 40:
        return repr(value)
    return _kind(value)


def _mapping(value: Any, path: _PathSteps, what: str = "a mapping") -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(path, f"expected {what}, got {_shown(value)}")
    for key in value:
        if not isinstance(key, str):
            _fail(path, f"the key {_shown(key)} must be text (put it in quotes)")
    return value


def _list(value: Any, path: _PathSteps) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"expected a list, got {_shown(value)}")
    return value


def _check_keys(
    raw: dict[str, Any], path: _PathSteps, required: set[str], optional: set[str]
) -> None:
    """Unknown keys first, so that ``colour`` is reported as a typo, not as a missing ``color``."""
    allowed = required | optional
    for key in raw:
        if key not in allowed:
            _fail(
                (*path, key),
                f"unknown key {key!r}{_suggestion(key, allowed)}; allowed: "
                f"{_listing(sorted(allowed))}",
            )
    for key in sorted(required):
        if key not in raw:
            _fail(path, f"the required key {key!r} is missing")


def _suggestion(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _text(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        _fail((*path, key), f"expected text, got {_shown(value)}")
    return value


def _optional_text(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    return _text(raw, key, path) if key in raw else ""


def _identifier(raw: dict[str, Any], key: str, path: _PathSteps) -> str:
    value = raw[key]
    if not isinstance(value, str) or not _ID.fullmatch(value):
        _fail((*path, key), f"an id {_ID_RULE}; got {_shown(value)}")
    return value


def _flag(raw: dict[str, Any], key: str, path: _PathSteps, *, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        _fail((*path, key), f"expected true or false, got {_shown(value)}")
    return value


def _check_unique(
    values: Iterable[str], path: _PathSteps, key: str | None, what: str
) -> None:
    """Refuse the second of two equal values in a list, naming where the first one is."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            place = (*path, index, key) if key else (*path, index)
            also = _path_text((*path, first[value]))
            _fail(place, f"duplicate {what} {value!r} (also at {also})")
        first[value] = index


def _plain_mapping(raw: dict[str, Any], key: str, path: _PathSteps) -> dict[str, Any]:
    if key not in raw:
        return {}
    value = _mapping(raw[key], (*path, key))
    _plain(value, (*path, key))
    return value


def _plain(value: Any, path: _PathSteps, depth: int = 0) -> None:
    """Metadata must be plain JSON data, so that ``to_json`` can store it."""
    if depth > _MAX_DEPTH:
        _fail(path, "nested too deeply (is a YAML alias referring to itself?)")
    if isinstance(value, dict):
        for key, item in _mapping(value, path).items():
            _plain(item, (*path, key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _plain(item, (*path, index), depth + 1)
    elif not (value is None or isinstance(value, str | int | float | bool)):
        _fail(path, f"expected text, a number, true/false, a list or a mapping, got {_kind(value)}")


# --------------------------------------------------------------------------------------------
# Writing: a Schema back to the file format (what to_json stores)
# --------------------------------------------------------------------------------------------


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
    return definition


def _entity_definition(entity: EntityType) -> dict[str, Any]:
    definition = {"id": entity.id, "en": entity.en, "ar": entity.ar, "color": entity.color}
    _put_if(definition, "hotkey", entity.hotkey)
    _put_if(definition, "attributes", _attributes_definition(entity.attributes))
    _put_if(definition, "ner_core", entity.ner_core)
    _put_metadata(definition, entity.maps, entity.note, entity.extension)
    return definition


def _event_definition(event: EventType) -> dict[str, Any]:
    definition = {"id": event.id, "en": event.en, "ar": event.ar, "color": event.color}
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
