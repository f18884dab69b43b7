"""How the event widgets name schema things: event types, roles, filler labels, attribute values.

The schema gives every label an Arabic and an English name; the interface language picks one.
"""

from __future__ import annotations

from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication, Qt

from workbench.core.errors import Problem
from workbench.core.event_checks import EventProblem
from workbench.core.schema import EVENT_PREFIX, Attribute, Schema
from workbench.ui.problem_words import template_words

Language = Literal["ar", "en"]


class Named(Protocol):
    """Anything the schema names in both languages (entity labels, event types, roles)."""

    @property
    def ar(self) -> str: ...

    @property
    def en(self) -> str: ...


def localized(item: Named, language: Language) -> str:
    return item.ar if language == "ar" else item.en


def both_names(item: Named, language: Language) -> str:
    """Both names, for the places that show both: the interface language's first."""
    first, second = (item.ar, item.en) if language == "ar" else (item.en, item.ar)
    return f"{first} · {second}"


def label_name(schema: Schema, label: str, language: Language) -> str:
    """The name of an entity label, an event type (a trigger's label) or an ``EVENT:`` filler;
    a label the schema no longer has is shown as it is stored."""
    if label.startswith(EVENT_PREFIX):
        type_id = label.removeprefix(EVENT_PREFIX)
        name = localized(schema.event(type_id), language) if schema.has_event(type_id) else type_id
        return QCoreApplication.translate("EventText", "event: {name}").format(name=name)
    if schema.has_entity(label):
        return localized(schema.entity(label), language)
    if schema.has_event(label):
        return localized(schema.event(label), language)
    return label


def role_name(schema: Schema, type_id: str, role_id: str, language: Language) -> str:
    """A role's name; its id when the schema no longer has the type or the role."""
    if schema.has_event(type_id):
        for role in schema.event(type_id).roles:
            if role.id == role_id:
                return localized(role, language)
    return role_id


def value_name(attribute: Attribute, value: str, language: Language) -> str:
    """An attribute value's display name in ``language``; its key (ASCII, English-like) when
    the schema gives no name in that language."""
    names = attribute.names_ar if language == "ar" else attribute.names_en
    return names.get(value, value)


def layout_direction(language: Language) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight


def problem_text(schema: Schema, problem: EventProblem, language: Language) -> str:
    """An ``event_checks`` problem in the interface language: in English the sentence the
    command line prints (schema ids); in Arabic (``ui.problem_words``) with the schema's Arabic
    names."""
    return refusal_text(schema, problem, problem.values["type"], language)


def refusal_text(schema: Schema, problem: Problem, event_type: str | None, language: Language) -> str:
    """A problem of an event of ``event_type`` (a warning of ``event_checks``, or the store's
    refusal of an edit: a role filled twice, a filler the role does not take), or of a span
    (``event_type`` None), in the interface language: in English the command line's sentence;
    in Arabic (``ui.problem_words``) with the schema's Arabic names for the roles of
    ``event_type``, the event types and the labels it names (a label, a filler, the owner of an
    attribute, the fillers allowed)."""
    if language == "en":
        return str(problem)
    values = dict(problem.values)
    if "role" in values and event_type is not None:
        values["role"] = role_name(schema, event_type, values["role"], language)
    for key in ("type", "label", "filler", "owner"):
        if key in values:
            values[key] = label_name(schema, values[key], language)
    allowed = values.get("allowed")
    if isinstance(allowed, str) and not isinstance(allowed, Problem):  # not the problem's "none"
        values["allowed"] = "، ".join(label_name(schema, label, language) for label in allowed.split(", "))
    return template_words(problem.template, values)
