"""The schema's relation types and document-label fields (issue 14): what a relation between two
spans may be, and which labels a whole document may get."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the schema model imports this module
    from workbench.core.schema.model import Attribute


@dataclass(frozen=True)
class RelationType:
    """A typed link from a span with one of ``from_labels`` to a span with one of ``to_labels``;
    a ``symmetric`` type (ACE's PER-SOC) links the two ends in either order."""

    id: str
    en: str
    ar: str
    from_labels: tuple[str, ...]
    to_labels: tuple[str, ...]
    symmetric: bool = False
    attributes: tuple[Attribute, ...] = ()
    note: str = ""

    def allows(self, from_label: str, to_label: str) -> bool:
        """Whether spans with these labels may be its ends (either way round when symmetric)."""
        if from_label in self.from_labels and to_label in self.to_labels:
            return True
        return self.symmetric and to_label in self.from_labels and from_label in self.to_labels


@dataclass(frozen=True)
class FieldValue:
    """One named value of a document-label field, with its optional hotkey."""

    id: str
    en: str
    ar: str
    hotkey: str | None = None


@dataclass(frozen=True)
class DocumentField:
    """A label of the whole document (relevance, topic, country...): one of ``values``, or several
    when ``multiple``."""

    id: str
    en: str
    ar: str
    values: tuple[FieldValue, ...]
    multiple: bool = False

    @property
    def value_ids(self) -> tuple[str, ...]:
        return tuple(value.id for value in self.values)
