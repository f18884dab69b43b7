"""The label schema: entity labels, event types with roles, attributes (DESIGN.md, Label schema).

One module per concept: ``model`` (the schema objects and their queries), ``load`` (reading a
file, with line numbers in the messages), ``validate`` (from the parsed document to a
``Schema``, on the generic ``checks``) and ``dump`` (a ``Schema`` back to the file format);
``colours`` (the palette labels without a colour take theirs from, light and dark),
``label_attributes`` (which attributes a label has: ``applies_to``, ``attributes_for``),
``guide`` and ``guidelines`` (definitions and examples, and the tooltips made of them).

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
      relations: [RELATION, ...]     # optional; see ``relation_blocks``
      document_labels: [FIELD, ...]  # optional; see ``relation_blocks``
      guidelines: {...}              # optional; definitions and examples (schema.guidelines)

    ENTITY: {id, en, ar, color?: "#rrggbb", hotkey?, attributes?: ATTRS,
             maps?, note?, extension?: bool, ner_core?: bool}
    EVENT:  {id, en, ar, color?, hotkey?, attributes?: ATTRS, roles?: [ROLE, ...],
             maps?, note?, extension?: bool}
    ROLE:   {id, en, ar, fillers: [ENTITY_ID | "EVENT:<event type id>", ...],
             required?: bool (default false), repeatable?: bool (default true),
             maps?, note?, extension?: bool}
    ATTRS:  {key: [value, ...]                           # a closed list, no default
             key: {values: [value, ...], default?: value, name?: {en, ar},
                   ar?: {value: Arabic name}, labels?: {value: {en?, ar?}},
                   applies_to?: [label id, ...]}}   # only in mention_/event_attributes

``applies_to`` limits an attribute of ``mention_attributes`` or ``event_attributes`` to the labels
it names (``schema.label_attributes``); without it the attribute is every label's.

``maps`` (the label's names in other schemes: ace, wojood, anercorp, ...), ``note``, ``extension``
(not part of ACE 2005) and ``ner_core`` are metadata kept on the objects for importers and
exporters. Keys outside these lists are refused, so that a typo such as ``colr`` is caught
rather than silently ignored. Ids and attribute names are ASCII keys that end up in exported files;
attribute values may hold any printable characters (brat writes values such as ``Typo+UNK``),
without spaces around them. What a user reads goes in ``en`` and ``ar``.

Hotkeys are one key: a digit, a letter, or ``Shift+<letter>`` (letters are case-insensitive and
kept upper case). They must be unique across entity labels and event types. Entity labels without
a hotkey take the digits 1-9 that no label or event type claims, in order, so by default the
first nine labels get 1..9. ``EntityType.hotkey`` and ``EventType.hotkey`` are these effective
hotkeys. ``color`` may be spelled ``colour``; labels and event types without one take theirs from
the palette of ``schema.colours`` (any two entity labels, and any two event types, differ by a
CIEDE2000 of at least 20 while the palette lasts).

Entity label ids and event type ids share one namespace, because an event's trigger is a span
labelled with the event type.

Every problem is a ``SchemaError`` whose one-line message names the file, the place (the line for
YAML files, and the path such as ``schema.entity_types[3].color``) and the problem. The first
problem found is reported.
"""

from workbench.core.schema.load import (
    BUILTIN_SCHEMAS,
    DEFAULT_SCHEMA,
    builtin_schema,
    load_schema,
    resolve_schema,
)
from workbench.core.schema.model import (
    EVENT_PREFIX,
    Attribute,
    EntityType,
    EventType,
    Role,
    Schema,
    event_filler,
)

__all__ = [
    "BUILTIN_SCHEMAS",
    "DEFAULT_SCHEMA",
    "EVENT_PREFIX",
    "Attribute",
    "EntityType",
    "EventType",
    "Role",
    "Schema",
    "builtin_schema",
    "event_filler",
    "load_schema",
    "resolve_schema",
]
