"""Relations and document labels in the project file (issue 14): their rows, and reading
relations by condition (``reading`` reads both for many sets at once).

A document label's value is stored as JSON: a string for a single-choice field, a list of
strings for a multiple-choice one (a tuple in the model).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.core.model import DocumentLabelValue, Relation
from workbench.store import rows


def relation_row(relation: Relation, set_id: str) -> dict[str, Any]:
    return {
        "id": relation.id,
        "set_id": set_id,
        "type": relation.type,
        "from_span_id": relation.from_span_id,
        "to_span_id": relation.to_span_id,
        "attributes": rows.to_json(relation.attributes),
    }


def document_label_rows(
    labels: Mapping[str, DocumentLabelValue], set_id: str
) -> list[dict[str, Any]]:
    return [
        {"set_id": set_id, "field": field, "value": label_json(value)}
        for field, value in labels.items()
    ]


def label_json(value: DocumentLabelValue) -> str:
    return json.dumps(value if isinstance(value, str) else list(value), ensure_ascii=False)


def label_value(text: str) -> DocumentLabelValue:
    """A stored value back: a string, or a tuple of strings; anything else is refused (a
    package is someone else's file)."""
    value = json.loads(text)
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ValueError(f"a document label holds {text[:40]!r}, not a value or a list of values")


def relations_where(conn: sqlite3.Connection, condition: str, params: Sequence[Any]) -> list[Relation]:
    return [
        Relation(relation_id, kind, source, target, rows.from_json_object(attributes))
        for relation_id, kind, source, target, attributes in conn.execute(
            "SELECT id, type, from_span_id, to_span_id, attributes FROM relations "
            f"WHERE {condition} ORDER BY rowid",
            list(params),
        )
    ]
