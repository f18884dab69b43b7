"""Builds the agreement input from ../shared/agreement/worked_example.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from workbench.core.agreement import DocumentAnnotations
from workbench.core.model import AnnotationSet, Argument, Event, Span, Status

TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")
"""The fixture's tokenizer (its "token_units.tokenizer")."""


def load_example(shared_dir: Path) -> dict[str, Any]:
    path = shared_dir / "agreement" / "worked_example.json"
    example: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return example


def example_tokens(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text))


def example_sets(example: dict[str, Any]) -> dict[str, AnnotationSet]:
    """Each annotator's set: the entity spans, trigger spans, and events whose arguments point
    at the annotator's own entity span with the argument's offsets."""
    text = example["text"]
    sets = {}
    for annotator, entities in example["entities"].items():
        spans = [
            Span(f"{annotator}-e{i}", e["start"], e["end"], e["label"], text[e["start"] : e["end"]])
            for i, e in enumerate(entities)
        ]
        by_offsets = {(s.start, s.end): s.id for s in spans}
        events = []
        for i, ev in enumerate(example["events"].get(annotator, [])):
            trig = ev["trigger"]
            trigger = Span(
                f"{annotator}-t{i}",
                trig["start"],
                trig["end"],
                ev["type"],
                text[trig["start"] : trig["end"]],
            )
            spans.append(trigger)
            arguments = tuple(
                Argument(a["role"], span_id=by_offsets[(a["start"], a["end"])])
                for a in ev["arguments"]
            )
            events.append(Event(f"{annotator}-ev{i}", ev["type"], trigger.id, arguments))
        sets[annotator] = AnnotationSet(annotator, tuple(spans), tuple(events), Status.DONE)
    return sets


def example_document(example: dict[str, Any]) -> DocumentAnnotations:
    text = example["text"]
    return DocumentAnnotations.from_sets(
        "worked-example", len(text), example_tokens(text), example_sets(example).values()
    )
