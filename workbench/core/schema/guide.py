"""The guidelines a schema holds (``schema.guidelines`` reads, checks and shows them): a guide,
that is a definition and short examples, per label, role and attribute."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Guide:
    definition: dict[str, str] = field(default_factory=dict, hash=False)
    """Language ("en", "ar") -> the definition."""
    examples: tuple[dict[str, str], ...] = field(default=(), hash=False)
    """Each {"ar": Arabic text, "en": gloss}; either may be missing."""


@dataclass(frozen=True)
class Guidelines:
    labels: dict[str, Guide] = field(default_factory=dict, hash=False)
    roles: dict[str, Guide] = field(default_factory=dict, hash=False)
    attributes: dict[str, Guide] = field(default_factory=dict, hash=False)

    def __bool__(self) -> bool:
        return bool(self.labels or self.roles or self.attributes)


def guidelines_definition(guidelines: Guidelines) -> dict[str, Any]:
    """The block as the file holds it (what ``Schema.to_json`` stores)."""
    return {
        key: {name: _guide_definition(guide) for name, guide in section.items()}
        for key, section in (
            ("labels", guidelines.labels),
            ("roles", guidelines.roles),
            ("attributes", guidelines.attributes),
        )
        if section
    }


def _guide_definition(guide: Guide) -> dict[str, Any]:
    definition: dict[str, Any] = {}
    if guide.definition:
        definition["definition"] = dict(guide.definition)
    if guide.examples:
        definition["examples"] = [dict(example) for example in guide.examples]
    return definition
