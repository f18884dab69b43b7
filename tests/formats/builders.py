"""Small annotated documents for format tests, built from the text they annotate."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    make_document,
    new_id,
)
from workbench.formats.tagging import OUTSIDE, parse_tag, tag_spans


def span_of(
    text: str, piece: str, label: str, occurrence: int = 0, *, span_id: str | None = None,
    **fields: object,
) -> Span:  # fmt: skip
    """A span over the ``occurrence``-th (from 0) appearance of ``piece`` in ``text``; a new id
    unless ``span_id`` is given (tests that refer to spans by name)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    span_id = span_id or new_id()
    return Span(span_id, start, start + len(piece), label, piece, **fields)  # type: ignore[arg-type]


def annotated(
    text: str,
    spans: Iterable[Span] = (),
    events: Iterable[Event] = (),
    *,
    name: str = "doc",
    annotator: str = "gold",
) -> AnnotatedDocument:
    annotations = AnnotationSet(annotator, spans=tuple(spans), events=tuple(events))
    return AnnotatedDocument(make_document(name, text), (annotations,))


def event(type_id: str, trigger: Span, **roles: Span | Event) -> Event:
    """An event whose roles (keyword names) are filled by spans or events."""
    arguments = tuple(
        Argument(role, span_id=filler.id)
        if isinstance(filler, Span)
        else Argument(role, event_id=filler.id)
        for role, filler in roles.items()
    )
    return Event(new_id(), type_id, trigger.id, arguments)


def set_contents(
    annotation_set: AnnotationSet,
) -> tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """What an annotation set holds, without ids: its annotator, its spans in their order (with
    text, note and attributes) and its events by their trigger's and fillers' places."""
    where = {s.id: (s.start, s.end, s.label) for s in annotation_set.spans}
    triggers = {e.id: where[e.trigger_span_id] for e in annotation_set.events}
    spans = [
        (s.start, s.end, s.label, s.text, s.note, sorted(s.attributes.items()))
        for s in annotation_set.spans
    ]
    events = sorted(
        (
            e.type,
            where[e.trigger_span_id],
            sorted(e.attributes.items()),
            [
                (a.role, where[a.span_id] if a.span_id else triggers[a.filler_id])
                for a in e.arguments
            ],
        )
        for e in annotation_set.events
    )
    return annotation_set.annotator, spans, events


def conll_rows(path: Path) -> list[list[list[str]]]:
    """A CoNLL file as sentences of rows (token, tags...), read as plainly as possible."""
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n"):
        columns = line.split()
        if columns:
            current.append(columns)
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def repaired_lines(sentences: list[list[list[str]]]) -> list[str]:
    """The CoNLL lines a faithful round trip writes: each column IOB2-repaired, trailing ``O``
    columns dropped, a blank line after each sentence."""
    lines: list[str] = []
    for sentence in sentences:
        depth = max(len(row) - 1 for row in sentence)
        columns: list[list[str]] = []
        for column in range(1, depth + 1):
            tags = [
                parse_tag(row[column]) if column < len(row) else (OUTSIDE, "") for row in sentence
            ]
            spans, _ = tag_spans(tags)
            iob2 = [OUTSIDE] * len(sentence)
            for span in spans:
                iob2[span.start : span.end] = [f"I-{span.label}"] * (span.end - span.start)
                iob2[span.start] = f"B-{span.label}"
            columns.append(iob2)
        for index, row in enumerate(sentence):
            row_tags = [column[index] for column in columns]
            while len(row_tags) > 1 and row_tags[-1] == OUTSIDE:
                row_tags.pop()
            lines.append(" ".join([row[0], *row_tags]))
        lines.append("")
    return lines
