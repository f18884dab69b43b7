"""Guidelines at hand: what a label, an event type, a role or an attribute means, with short
examples, in Arabic and English, shown as tooltips in the palettes and the inspector.

They sit in one block of their own at the end of the schema, so that the lists of labels stay
short to read and a schema without them is unchanged::

    guidelines:
      labels:                 # entity labels and event types, by id
        PER:
          definition: {en: A human being ..., ar: إنسان ...}
          examples: ["وصل الرئيس", {ar: قال المتحدث, en: the spokesman said}]
      roles:                  # by role id (every event type's), or "<event type>:<role id>"
        Place: {definition: {en: ..., ar: ...}}
        Conflict.Attack:Target: {definition: {en: ..., ar: ...}}
      attributes:             # by attribute name
        mention_level: {definition: {en: ..., ar: ...}}

An example is Arabic text, or ``{ar: text, en: gloss}``. Every id and name must be the schema's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.core.errors import Problem
from workbench.core.schema.checks import (
    _NAMES,
    _check_keys,
    _each,
    _fail,
    _mapping,
    _PathSteps,
    _suggestion,
    _text,
)
from workbench.core.schema.guide import Guide, Guidelines
from workbench.core.schema.label_attributes import every_attribute
from workbench.core.schema.model import Attribute, EntityType, EventType, Schema

_LANGUAGES = {"en", "ar"}
_GUIDE_KEYS = {"definition", "examples"}
_SECTIONS = {"labels", "roles", "attributes"}
ROLE_SEPARATOR = ":"

# The messages' words for what a place holds, made once: a project's schema is read again each time
# the project opens.
_GUIDELINES = Problem("a mapping {{labels, roles, attributes}}")
_A_LABEL = Problem("an entity label or event type")
_A_ROLE = Problem("a role (or <event type>:<role>)")
_AN_ATTRIBUTE = Problem("an attribute")
_GUIDES = Problem("a mapping of ids to {{definition, examples}}")
_A_GUIDE = Problem("a mapping {{definition: {{en, ar}}, examples: [...]}}")


# ---- tooltips -----------------------------------------------------------------------------------


def label_tooltip(schema: Schema, label: str, language: str) -> str:
    """The name of an entity label or event type in ``language``, its definition and examples."""
    if schema.has_entity(label) or schema.has_event(label):
        owner: EntityType | EventType = (
            schema.entity(label) if schema.has_entity(label) else schema.event(label)
        )
        title = owner.ar if language == "ar" else owner.en
    else:
        title = label
    return _tooltip(title, schema.guidelines.labels.get(label), language)


def role_tooltip(schema: Schema, event_type: str, role_id: str, language: str) -> str:
    """A role of ``event_type``: its name, and the guide for this event type's role, else for
    the role id in every event type."""
    role = schema.event(event_type).role(role_id)
    roles = schema.guidelines.roles
    guide = roles.get(f"{event_type}{ROLE_SEPARATOR}{role_id}") or roles.get(role_id)
    return _tooltip(role.ar if language == "ar" else role.en, guide, language)


def attribute_tooltip(schema: Schema, name: str, language: str) -> str:
    """An attribute's name in ``language`` (from the first label that has it), definition and
    examples."""
    attribute = next((a for a in every_attribute(schema) if a.name == name), None)
    title = attribute.title(language) if attribute else name
    return _tooltip(title, schema.guidelines.attributes.get(name), language)


def _tooltip(title: str, guide: Guide | None, language: str) -> str:
    if guide is None:
        return title
    lines = [title]
    definition = definition_in(guide, language)
    if definition:
        lines.append(definition)
    if guide.examples:
        lines.append("أمثلة:" if language == "ar" else "Examples:")
        lines.extend(f"• {example_text(example, language)}" for example in guide.examples)
    return "\n".join(lines)


def definition_in(guide: Guide, language: str) -> str:
    """The definition in ``language``, else in the other language, else ""."""
    other = "en" if language == "ar" else "ar"
    return guide.definition.get(language) or guide.definition.get(other) or ""


def example_text(example: dict[str, str], language: str) -> str:
    """The Arabic text, with the English gloss after it in English."""
    parts = [example.get("ar", "")]
    if language != "ar" and example.get("en"):
        parts.append(example["en"])
    return " — ".join(part for part in parts if part)


# ---- reading and writing ------------------------------------------------------------------------


def build_guidelines(
    raw: dict[str, Any],
    path: _PathSteps,
    entities: tuple[EntityType, ...],
    events: tuple[EventType, ...],
    shared: Iterable[Attribute],
) -> Guidelines:
    """The ``guidelines:`` block, every id and name checked against the schema's."""
    if "guidelines" not in raw:
        return Guidelines()
    block_path = (*path, "guidelines")
    block = _mapping(raw["guidelines"], block_path, _GUIDELINES)
    _check_keys(block, block_path, set(), _SECTIONS)
    every_label: list[EntityType | EventType] = [*entities, *events]
    labels = {label.id for label in every_label}
    roles = {role.id for event in events for role in event.roles}
    roles |= {f"{event.id}{ROLE_SEPARATOR}{role.id}" for event in events for role in event.roles}
    owned = (attribute for label in every_label for attribute in label.attributes)
    names = {attribute.name for attribute in (*shared, *owned)}
    return Guidelines(
        labels=_section(block, "labels", block_path, labels, _A_LABEL),
        roles=_section(block, "roles", block_path, roles, _A_ROLE),
        attributes=_section(block, "attributes", block_path, names, _AN_ATTRIBUTE),
    )


def _section(
    block: dict[str, Any], key: str, path: _PathSteps, known: set[str], what: Problem
) -> dict[str, Guide]:
    if key not in block:
        return {}
    section_path = (*path, key)
    section = _mapping(block[key], section_path, _GUIDES)
    for name in section:
        if name not in known:
            close = _suggestion(name, known)
            _fail((*section_path, name), Problem(_UNKNOWN[close is not None], name=name, what=what, close=close))
    return {name: _guide(spec, (*section_path, name)) for name, spec in section.items()}


_UNKNOWN = {
    False: "{name!r} is not {what} of this schema",
    True: "{name!r} is not {what} of this schema (did you mean {close!r}?)",
}


def _guide(spec: Any, path: _PathSteps) -> Guide:
    raw = _mapping(spec, path, _A_GUIDE)
    _check_keys(raw, path, set(), _GUIDE_KEYS)
    definition: dict[str, str] = {}
    if "definition" in raw:
        definition = _in_languages(raw["definition"], (*path, "definition"))
    examples_path = (*path, "examples")
    examples = _each(raw.get("examples", []), examples_path, _example)
    return Guide(definition, examples)


def _in_languages(value: Any, path: _PathSteps) -> dict[str, str]:
    texts = _mapping(value, path, _NAMES)
    _check_keys(texts, path, set(), _LANGUAGES)
    if not texts:
        _fail(path, Problem("give the text in en, ar or both"))
    return {language: _text(texts, language, path) for language in sorted(texts)}


def _example(value: Any, path: _PathSteps) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {"ar": value}
    return _in_languages(value, path)
