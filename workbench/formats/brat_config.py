"""brat's names for schema labels, and the ``annotation.conf`` and ``visual.conf`` of a schema.

brat stores a type or attribute name only as ASCII letters, digits, ``_`` and ``-`` (it rewrites
anything else to ``_`` with a warning), while schema ids may also hold ``.`` (``Conflict.Attack``).
``BratNames`` gives each schema label its brat name and reads brat names back; two schema labels
that would get the same brat name are refused.

``annotation.conf`` lists the entity labels, the event types with each role's fillers and
cardinality (``Role`` required once, ``Role?`` optional, ``Role+`` required and repeatable,
``Role*`` optional and repeatable; an event type as filler is an event-to-event link), and the
attributes with their owners and values (a value may hold any character brat's configuration
can list: not whitespace, ``|`` or ``,``; ``Typo+UNK`` is fine). brat attribute names are global, so an attribute that
several labels have with different values lists the union of the values. ``[relations]`` holds
the schema's relation types with the labels of their two ends (``<REL-TYPE>:symmetric`` for a
symmetric one), and the line that lets spans nest and overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from workbench.core.errors import WorkbenchError
from workbench.core.schema import EVENT_PREFIX, Attribute, EntityType, EventType, Role, Schema
from workbench.core.schema.colours import text_colour_on
from workbench.core.schema.relations import RelationType

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_NOT_IN_CONF = re.compile(r"[\s|,]")


@cache
def brat_name(name: str) -> str:
    """The name as brat spells it; kept for each name, since a brat export asks for the label of
    every span."""
    return _UNSAFE.sub("_", name)


class BratNames:
    """The schema labels (entities and event types) and attribute names that brat spells
    differently, by their brat name; ``WorkbenchError`` when two would be the same in brat."""

    def __init__(self, schema: Schema) -> None:
        labels = [entity.id for entity in schema.entity_types]
        labels += [event.id for event in schema.event_types]
        labels += [relation.id for relation in schema.relation_types]
        self.labels = _aliases(labels, schema.id, "labels")
        self.attributes = _aliases(_attribute_owners(schema), schema.id, "attribute names")


def _aliases(names: Iterable[str], schema_id: str, what: str) -> dict[str, str]:
    """brat name -> schema name, for the names brat spells differently."""
    owner: dict[str, str] = {}
    for name in names:
        spelled = brat_name(name)
        if owner.get(spelled, name) != name:
            raise WorkbenchError(
                f"the schema {schema_id!r} has the {what} {owner[spelled]!r} and {name!r}, "
                f"which brat cannot tell apart (both are {spelled!r} in brat)"
            )
        owner[spelled] = name
    return {spelled: name for spelled, name in owner.items() if spelled != name}


def annotation_conf(schema: Schema) -> str:
    lines = [
        f"# Written by Tawsim Workbench from the schema {schema.id!r} (version {schema.version}).",
        "[entities]",
        *(brat_name(entity.id) for entity in schema.entity_types),
        "",
        "[relations]",
        *(_relation_line(relation) for relation in schema.relation_types),
        "# This line lets any span nest in or overlap another.",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        *(_event_line(event.id, event.roles) for event in schema.event_types),
        "",
        "[attributes]",
        *_attribute_lines(schema),
    ]
    return "\n".join(lines) + "\n"


def visual_conf(schema: Schema) -> str:
    """Display names (English, then Arabic) and colours of the labels: the label's colour as
    the background, black or white text on it, whichever reads better."""
    kinds: list[EntityType | EventType] = [*schema.entity_types, *schema.event_types]
    named: list[EntityType | EventType | RelationType] = [*kinds, *schema.relation_types]
    return "\n".join(
        [
            "[labels]",
            *(f"{brat_name(kind.id)} | {kind.en} | {kind.ar}" for kind in named),
            "",
            "[drawing]",
            *(
                f"{brat_name(kind.id)}\tbgColor:{kind.color}, fgColor:{text_colour_on(kind.color)}"
                for kind in kinds
            ),
            "",
        ]
    )


def _relation_line(relation: RelationType) -> str:
    ends = (
        f"Arg1:{'|'.join(map(brat_name, relation.from_labels))}, "
        f"Arg2:{'|'.join(map(brat_name, relation.to_labels))}"
    )
    symmetric = ", <REL-TYPE>:symmetric" if relation.symmetric else ""
    return f"{brat_name(relation.id)}\t{ends}{symmetric}"


def _event_line(type_id: str, roles: tuple[Role, ...]) -> str:
    arguments = ", ".join(
        f"{role.id}{_cardinality(role)}:"
        + "|".join(brat_name(filler.removeprefix(EVENT_PREFIX)) for filler in role.fillers)
        for role in roles
    )
    return f"{brat_name(type_id)}\t{arguments}" if arguments else brat_name(type_id)


def _cardinality(role: Role) -> str:
    if role.required:
        return "+" if role.repeatable else ""
    return "*" if role.repeatable else "?"


def _attribute_owners(schema: Schema) -> dict[str, tuple[list[str], list[str]]]:
    """Each attribute name with the labels that have it and the union of its values."""
    owners: dict[str, tuple[list[str], list[str]]] = {}

    def add(label: str, attributes: Iterable[Attribute]) -> None:
        for attribute in attributes:
            labels, values = owners.setdefault(attribute.name, ([], []))
            labels.append(label)
            values.extend(value for value in attribute.values if value not in values)

    for entity in schema.entity_types:
        add(entity.id, schema.attributes_for_entity(entity.id))
    for event in schema.event_types:
        add(event.id, schema.attributes_for_event(event.id))
    for relation in schema.relation_types:
        add(relation.id, relation.attributes)
    return owners


def _attribute_lines(schema: Schema) -> list[str]:
    for name, (_, values) in _attribute_owners(schema).items():
        for value in values:
            if _NOT_IN_CONF.search(value):
                raise WorkbenchError(
                    f"the attribute {name!r} of the schema {schema.id!r} has the value {value!r}; "
                    "brat's annotation.conf cannot list a value holding whitespace, '|' or ','"
                )
    return [
        f"{brat_name(name)}\tArg:{'|'.join(brat_name(label) for label in labels)}, "
        f"Value:{'|'.join(values)}"
        for name, (labels, values) in _attribute_owners(schema).items()
    ]
