"""The schema's guidelines as one Markdown sheet, in Arabic or English: every entity label and
event type, the roles and every attribute, each with its definition and examples where the
schema gives them. The window's Guidelines panel shows it under the project's document, so that
an annotator can read what a label means without a tooltip."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.core.schema.guide import Guide
from workbench.core.schema.guidelines import ROLE_SEPARATOR, definition_in, example_text
from workbench.core.schema.label_attributes import every_attribute
from workbench.core.schema.model import Attribute, Schema

_HEADINGS = {
    "en": {
        "title": "Definitions in the schema",
        "labels": "Labels",
        "events": "Event types",
        "roles": "Roles",
        "attributes": "Attributes",
        "values": "Values",
        "every": "every event type",
    },
    "ar": {
        "title": "التعريفات في المخطط",
        "labels": "التسميات",
        "events": "أنواع الأحداث",
        "roles": "الأدوار",
        "attributes": "الخصائص",
        "values": "القيم",
        "every": "كل أنواع الأحداث",
    },
}


Entry = tuple[str, str, list[str]]
"""A heading's title, the id after it, and the lines under it."""


def definitions_markdown(schema: Schema, language: str) -> str:
    """The sheet; "" for a schema without labels, event types or attributes."""
    words = _HEADINGS["ar" if language == "ar" else "en"]
    labels = schema.guidelines.labels
    sections = [
        (words["labels"], [(_named(e.ar, e.en, language), e.id, _guide_lines(labels.get(e.id), language))
                           for e in schema.entity_types]),
        (words["events"], [(_named(e.ar, e.en, language), e.id, _guide_lines(labels.get(e.id), language))
                           for e in schema.event_types]),
        (words["roles"], list(_roles(schema, language, words["every"]))),
        (words["attributes"], list(_attributes(schema, language, words["values"]))),
    ]
    lines: list[str] = []
    for heading, entries in sections:
        if entries:
            lines += [f"## {heading}", ""]
            for title, key, under in entries:
                lines += [f"### {title} ({key})", "", *under]
    return "\n".join([f"# {words['title']}", "", *lines]) if lines else ""


def _named(arabic: str, english: str, language: str) -> str:
    return arabic if language == "ar" else english


def _guide_lines(guide: Guide | None, language: str) -> list[str]:
    """The definition and the examples as a list, each followed by a blank line."""
    if guide is None:
        return []
    definition = definition_in(guide, language)
    lines = [definition, ""] if definition else []
    examples = [f"- {example_text(example, language)}" for example in guide.examples]
    return [*lines, *examples, ""] if examples else lines


def _roles(schema: Schema, language: str, every: str) -> Iterator[Entry]:
    """The roles the guidelines define: one event type's (``type:role``), or every type's."""
    for key, guide in schema.guidelines.roles.items():
        type_id, _, role_id = key.rpartition(ROLE_SEPARATOR)
        if type_id:
            event_type = schema.event(type_id)
            role = event_type.role(role_id)
            owner = _named(event_type.ar, event_type.en, language)
        else:
            role = next(r for e in schema.event_types for r in e.roles if r.id == role_id)
            owner = every
        yield f"{_named(role.ar, role.en, language)} — {owner}", key, _guide_lines(guide, language)


def _attributes(schema: Schema, language: str, values: str) -> Iterator[Entry]:
    """Every attribute once: its definition and examples, and its values named in ``language``."""
    seen: set[str] = set()
    for attribute in every_attribute(schema):
        if attribute.name not in seen:
            seen.add(attribute.name)
            guide = schema.guidelines.attributes.get(attribute.name)
            under = [*_guide_lines(guide, language), f"{values}: {_values(attribute, language)}", ""]
            yield attribute.title(language), attribute.name, under


def _values(attribute: Attribute, language: str) -> str:
    """The values, each named in ``language`` where the schema names it."""
    names = attribute.names_ar if language == "ar" else attribute.names_en
    comma = "، " if language == "ar" else ", "
    return comma.join(f"{names[value]} ({value})" if value in names else value for value in attribute.values)
