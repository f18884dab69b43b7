"""An export unit's entity spans over tokens, in nesting layers and sentence segments.

Shared by the CoNLL, Hugging Face and event exporters, so that all three tag the same tokens the
same way.

Entities are the spans whose label is not an event type: since entity labels and event types
share one namespace in the schema, a span labelled with an event type is an event trigger, and
the token tags (CoNLL, ``ner_tags``) leave triggers out; the event format writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotationSet, Relation, Span
from workbench.core.schema import Schema
from workbench.formats.base import ExportOptions
from workbench.formats.exporting import ExportUnit
from workbench.formats.report import FormatReport, Issue
from workbench.formats.tagging import TagScheme, TokenSpan, nesting_layers, span_tags
from workbench.formats.tokenized import TokenizedDocument, TokenRange


@dataclass(frozen=True)
class TaggedUnit:
    tokenized: TokenizedDocument
    entities: dict[str, TokenRange]
    """The token range of each taggable entity span, by span id, in the set's order."""
    layers: list[list[TokenSpan]]
    """Outermost first; only the first with ``--nested outermost``."""
    segments: list[TokenRange]

    def columns(self, scheme: TagScheme) -> list[list[str]]:
        """One tag column per layer (at least one), each as long as the document's tokens."""
        return [self.column(depth, scheme) for depth in range(max(len(self.layers), 1))]

    def column(self, depth: int, scheme: TagScheme) -> list[str]:
        """The tags of the layer at ``depth`` (0: the outermost)."""
        layer = self.layers[depth] if depth < len(self.layers) else []
        return span_tags(layer, len(self.tokenized.token_starts), scheme)


def tag_unit(
    unit: ExportUnit, tokenized: TokenizedDocument, options: ExportOptions, report: FormatReport
) -> TaggedUnit:
    place = unit_place(unit)
    entities = span_ranges(tokenized, entity_spans(unit.annotations, options.schema), report, place)
    token_spans = _distinct_token_spans(unit.annotations.spans, entities, report, place)
    layers = nesting_layers(token_spans)
    if options.nested == "outermost":
        for inner in layers[1:]:
            for span in inner:
                report.add(
                    Issue.NESTED_LEFT_OUT,
                    f"{place}: the nested {span.label} on tokens [{span.start}, {span.end}) "
                    "is not written",
                )
        layers = layers[:1]
    return TaggedUnit(tokenized, entities, layers, tokenized.segments(entities.values()))


def placed_relations(
    annotations: AnnotationSet, ranges: dict[str, TokenRange], report: FormatReport, place: str
) -> list[tuple[Relation, TokenRange]]:
    """The relations both ends of which are in ``ranges`` (entity spans that cover a token),
    each with the tokens from its first end to its last (what a window must not cut); the
    others are counted and left out, and an end that is not in the set is refused."""
    span_ids = {span.id for span in annotations.spans}
    placed = []
    for relation in annotations.relations:
        ends = (relation.from_span_id, relation.to_span_id)
        for span_id in ends:
            if span_id not in span_ids:
                raise WorkbenchError(
                    f"{place}: relation {relation.id} ({relation.type}) links the span "
                    f"{span_id}, which is not in its annotation set"
                )
        missing = [span_id for span_id in ends if span_id not in ranges]
        if missing:
            report.add(
                Issue.RELATION_LEFT_OUT,
                f"{place}: relation {relation.id} ({relation.type}) is left out: its end "
                f"{missing[0]} is no entity mention covering a token",
            )
            continue
        (first, first_end), (second, second_end) = ranges[ends[0]], ranges[ends[1]]
        placed.append((relation, (min(first, second), max(first_end, second_end))))
    return placed


def unit_place(unit: ExportUnit) -> str:
    """How messages name a unit: the document's name and the unit's id."""
    return f"document {unit.document.name!r} ({unit.id})"


def entity_spans(annotations: AnnotationSet, schema: Schema) -> list[Span]:
    return [span for span in annotations.spans if not schema.has_event(span.label)]


def span_ranges(
    tokenized: TokenizedDocument, spans: Iterable[Span], report: FormatReport, place: str
) -> dict[str, TokenRange]:
    """The token range of each span that touches a token (see ``TokenizedDocument.token_range``)."""
    ranges: dict[str, TokenRange] = {}
    for span in spans:
        token_range = tokenized.token_range(span, report, place)
        if token_range is not None:
            ranges[span.id] = token_range
    return ranges


def _distinct_token_spans(
    spans: Iterable[Span], ranges: dict[str, TokenRange], report: FormatReport, place: str
) -> list[TokenSpan]:
    """One token span per distinct (range, label): two spans widened onto the same tokens with
    the same label would otherwise be two identical columns."""
    distinct: dict[TokenSpan, None] = {}
    for span in spans:
        if span.id not in ranges:
            continue
        token_span = TokenSpan(*ranges[span.id], span.label)
        if token_span in distinct:
            report.add(
                Issue.MERGED_SPAN,
                f"{place}: span {span.id} {span.label} {span.text!r} falls on the same tokens "
                "as another span with its label",
            )
        distinct[token_span] = None
    return list(distinct)
