"""Conversions between the model's objects and the rows of the project file."""

from __future__ import annotations

import json
from collections.abc import Sequence, Sized
from typing import Any

from workbench.core.model import Argument, Document, Event, Span

EMPTY_JSON = "{}"


def to_json(value: Any) -> str:
    if not value and isinstance(value, dict):
        return EMPTY_JSON
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json_object(text: str) -> dict[str, Any]:
    """A JSON object column; the common empty one is not parsed."""
    return {} if text == EMPTY_JSON else dict(json.loads(text))


DOCUMENT_ROW_COLUMNS = ("id", "name", "text", "sha256", "source", "metadata", "tokens", "ord")


def document_values(document: Document, order: int) -> tuple[Any, ...]:
    """A document's row as values in ``DOCUMENT_ROW_COLUMNS`` order: what bulk imports insert."""
    tokens = None if document.tokens is None else to_json(document.tokens)
    return (
        document.id, document.name, document.text, document.sha256, document.source,
        to_json(document.metadata), tokens, order,
    )


SET_COLUMNS = ("id", "document_id", "annotator", "status", "revision", "updated")
"""An annotation set's columns as bulk imports insert them."""


def document_from_row(row: dict[str, Any]) -> Document:
    return document_from_values(*(row[column] for column in DOCUMENT_COLUMNS))


DOCUMENT_COLUMNS = ("id", "name", "text", "sha256", "source", "metadata", "tokens")


def document_from_values(
    id: str, name: str, text: str, sha256: str, source: str, metadata: str, tokens: str | None
) -> Document:
    """A document from its row's values in ``DOCUMENT_COLUMNS`` order."""
    return Document(
        id, name, text, sha256, source, from_json_object(metadata),
        None if tokens is None else tuple(tuple(pair) for pair in json.loads(tokens)),
    )


SPAN_COLUMNS = ("id", "set_id", "start", "end", "label", "text", "attributes", "note")


def marks(values: Sized) -> str:
    """One ``?`` for each of ``values``: what ``IN (...)`` and ``VALUES (...)`` bind them to."""
    return ",".join("?" * len(values))


def insert_statement(table: str, columns: Sequence[str], rows: int = 1) -> str:
    """An INSERT of ``rows`` rows given as values in ``columns`` order, one row after another."""
    names = ", ".join(f'"{column}"' for column in columns)
    row = f"({marks(columns)})"
    return f'INSERT INTO "{table}" ({names}) VALUES {", ".join([row] * rows)}'


def span_values(span: Span, set_id: str, span_id: str | None = None) -> tuple[Any, ...]:
    """A span's row as values in ``SPAN_COLUMNS`` order: what bulk imports insert."""
    attributes = to_json(span.attributes) if span.attributes else EMPTY_JSON
    return (span_id or span.id, set_id, span.start, span.end, span.label, span.text, attributes, span.note)


def span_row(span: Span, set_id: str, span_id: str | None = None) -> dict[str, Any]:
    return dict(zip(SPAN_COLUMNS, span_values(span, set_id, span_id), strict=True))


def span_from_row(row: dict[str, Any]) -> Span:
    return Span(
        id=row["id"],
        start=row["start"],
        end=row["end"],
        label=row["label"],
        text=row["text"],
        attributes=from_json_object(row["attributes"]),
        note=row["note"],
    )


def event_row(event: Event, set_id: str) -> dict[str, Any]:
    return {
        "id": event.id,
        "set_id": set_id,
        "type": event.type,
        "trigger_span_id": event.trigger_span_id,
        "attributes": to_json(event.attributes),
    }


def argument_rows(event: Event) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event.id,
            "role": argument.role,
            "span_id": argument.span_id,
            "filler_event_id": argument.event_id,
            "ord": order,
        }
        for order, argument in enumerate(event.arguments)
    ]


def event_from_row(row: dict[str, Any], arguments: list[dict[str, Any]]) -> Event:
    return Event(
        id=row["id"],
        type=row["type"],
        trigger_span_id=row["trigger_span_id"],
        arguments=tuple(
            Argument(role=a["role"], span_id=a["span_id"], event_id=a["filler_event_id"])
            for a in sorted(arguments, key=lambda a: a["ord"])
        ),
        attributes=from_json_object(row["attributes"]),
    )
