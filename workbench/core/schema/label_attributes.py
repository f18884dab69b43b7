"""Which attributes a label has: ``applies_to`` on an attribute every label would have
(``mention_attributes``, ``event_attributes``) limits it to some labels, so that a date is not
asked for its mention level. Without ``applies_to`` an attribute is every label's, as before.

    mention_attributes:
      mention_level: {values: [NAM, NOM, PRO], applies_to: [PER, ORG, GPE]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workbench.core.errors import Problem
from workbench.core.schema.checks import (
    _ENTITY_LABEL,
    _EVENT_TYPE,
    _ID,
    _LABEL,
    _check_unique,
    _each,
    _fail,
    _PathSteps,
    _shown,
    _suggestion,
)
from workbench.core.schema.model import Attribute, EntityType, EventType, Schema

# The messages' words for what a place holds, made once: a project's schema is read again each time
# the project opens.
_NO_LABEL = Problem("applies_to names at least one label; leave it out for every label")


def attributes_for(schema: Schema, label: str) -> tuple[Attribute, ...]:
    """The attributes of an entity label or event type, in the schema's order; none for a label
    the schema lacks (a span imported under another schema)."""
    if schema.has_entity(label):
        return schema.attributes_for_entity(label)
    if schema.has_event(label):
        return schema.attributes_for_event(label)
    return ()


def misplaced_attributes(schema: Schema, label: str, attributes: Mapping[str, Any]) -> list[str]:
    """The names in ``attributes`` that the schema gives other labels but not ``label``."""
    allowed = {attribute.name for attribute in attributes_for(schema, label)}
    if all(name in allowed for name in attributes):
        return []  # what nearly every span is: the walk over the schema below is not needed
    known = {attribute.name for attribute in every_attribute(schema)}
    return [name for name in attributes if name in known and name not in allowed]


def every_attribute(schema: Schema) -> Iterable[Attribute]:
    """Every attribute of the schema: those every label has first, then each label's own."""
    yield from schema.entity_attributes
    yield from schema.event_attributes
    labels: list[EntityType | EventType] = [*schema.entity_types, *schema.event_types]
    for label in labels:
        yield from label.attributes


# ---- validation -------------------------------------------------------------------------------


def applies_to_ids(raw: dict[str, Any], path: _PathSteps) -> tuple[str, ...]:
    """``applies_to: [label id, ...]`` as written; the ids are checked once the labels are
    known (``check_applies_to``)."""
    if "applies_to" not in raw:
        return ()
    list_path = (*path, "applies_to")
    ids = _each(
        raw["applies_to"], list_path, _label_id,
        empty=_NO_LABEL,
    )
    _check_unique(ids, list_path, None, _LABEL)
    return ids


def _label_id(value: Any, path: _PathSteps) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        _fail(path, Problem(_LABEL_ID_RULE, value=_shown(value)))
    return value


_LABEL_ID_RULE = (
    "a label id must be ASCII letters, digits, '_', '.' or '-', starting with a letter or digit; got {value}"
)


def check_applies_to(
    attributes: tuple[Attribute, ...],
    labels: tuple[EntityType, ...] | tuple[EventType, ...],
    path: _PathSteps,
) -> None:
    """Every id in an ``applies_to`` names a label of the kind the attribute is for."""
    ids = {label.id for label in labels}
    kind = _EVENT_TYPE if labels and isinstance(labels[0], EventType) else _ENTITY_LABEL
    for attribute in attributes:
        for index, label in enumerate(attribute.applies_to):
            if label not in ids:
                close = _suggestion(label, ids)
                problem = Problem(_NOT_A_LABEL[close is not None], label=label, kind=kind, close=close)
                _fail((*path, attribute.name, "applies_to", index), problem)


_NOT_A_LABEL = {
    False: "{label!r} is not an {kind} of this schema",
    True: "{label!r} is not an {kind} of this schema (did you mean {close!r}?)",
}


def refuse_own_applies_to(attributes: tuple[Attribute, ...], path: _PathSteps) -> None:
    """A label's own attribute is that label's already."""
    for attribute in attributes:
        if attribute.applies_to:
            _fail(
                (*path, attribute.name, "applies_to"),
                Problem(
                    "applies_to is for mention_attributes and event_attributes; an attribute under "
                    "a label's own attributes belongs to that label only"
                ),
            )
