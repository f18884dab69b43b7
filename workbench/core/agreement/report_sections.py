"""The report's sections, one per measure, over the documents reduced to the finished
annotators' layers (``_Prepared``): span F1 and the F1 blocks the event and relation sections
share, alpha_U, events, relations, and the per-document rows; the words for the report's
conventions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.model import DocumentLabelValue

from .alpha_u_studies import DocumentStudies
from .disagreement import document_disagreement
from .documents import EntitySpan, EventMention
from .events import EVENT_MEASURES, MATCH_MODES, EventCounts, event_tuples
from .relations import RELATION_MODES, RelationCounts, RelationMention
from .span_f1 import LABEL_MODES, SPAN_MODES, Counts, span_counts
from .values import Score, Undefined, mean_and_sd, mean_of_defined, pair_key, pair_members

NO_SHARED_DOCUMENT = "no document that both annotators finished"
TOO_FEW_ANNOTATORS = "fewer than two annotators"

CONVENTIONS = {
    "pair_key": "the two annotator names in alphabetical order joined by '|'",
    "precision_recall": "in pair 'A|B' A is the reference side: precision = TP/|B|, "
    "recall = TP/|A|, F1 = 2TP/(|A|+|B|) (symmetric)",
    "undefined": "a null value is undefined on the data (0/0), never 0 or 1; "
    "'undefined' maps its JSON Pointer (RFC 6901) to the reason",
    "finished_only": "only documents an annotator finished count for them; pairwise measures "
    "use the documents both finished, multi-rater measures all finished annotators; tokens of "
    "an unfinished document are missing, never 'O'",
    "span_f1_aggregation": "micro: TP, |A| and |B| summed over documents; mean and population "
    "SD (ddof=0) over the pairs with a defined value",
    "overlap_matching": "one-to-one maximum-cardinality matching of spans sharing at least "
    "one character",
    "entities": "the spans of a set that are not the trigger of one of its events",
    "alpha_u_aggregation": "macro: unweighted mean of the per-document values, documents "
    "where the value is undefined left out (INCEpTION's pairwise matrix)",
    "per_document_disagreement": "share of annotations (entities, triggers, attached "
    "arguments, relations, document label values) without an exact counterpart, pooled over "
    "the pairs who finished the document",
    "relations": "by content: type and both ends' offsets and labels; exact: the same; "
    "overlap: one-to-one maximum-cardinality matching of relations of one type whose ends "
    "share a character and a label with their counterparts; a symmetric type's ends match "
    "in either order; micro over documents as span F1",
}


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A document reduced to what the measures read: the finished annotators' layers (its
    tokens are counted as it is prepared, ``report_tokens.TokenCounter``), so that a corpus's
    documents can be kept until the report without their texts, sets or tokens."""

    document_id: str
    text_length: int
    finished: list[str]
    entities: dict[str, tuple[EntitySpan, ...]]
    events: dict[str, tuple[EventMention, ...]]
    relations: dict[str, tuple[RelationMention, ...]]
    document_labels: dict[str, dict[str, DocumentLabelValue]]


# --- span F1 ------------------------------------------------------------------------------------


def _span_section(
    documents: Sequence[_Prepared], pairs: list[tuple[str, str]], annotators: list[str]
) -> dict[str, Any]:
    counts = {
        pair_key(a, b): span_counts(
            (d.entities[a], d.entities[b])
            for d in documents
            if a in d.entities and b in d.entities
        )
        for a, b in pairs
    }
    shared = {key: c.documents for key, c in counts.items()}
    section: dict[str, Any] = {
        mode: _f1_block({k: c.modes[mode] for k, c in counts.items()}, shared, annotators)
        for mode in SPAN_MODES
    }
    labels = sorted(
        {label for d in documents for spans in d.entities.values() for *_, label in spans}
    )
    section["per_label"] = _breakdown(
        labels, LABEL_MODES, {k: c.per_label for k, c in counts.items()}, shared, annotators
    )
    return section


def _breakdown(
    keys: Sequence[str],
    modes: Sequence[str],
    counts: Mapping[str, Mapping[str, Mapping[str, Counts]]],
    shared: Mapping[str, int],
    annotators: Sequence[str],
) -> dict[str, dict[str, Any]]:
    """Per label (or type) and mode an F1 block; ``counts``: pair -> label -> mode -> Counts."""
    return {
        key: {
            mode: _f1_block(
                {
                    pair: by_key[key][mode] if key in by_key else Counts()
                    for pair, by_key in counts.items()
                },
                shared,
                annotators,
            )
            for mode in modes
        }
        for key in keys
    }


def _f1_block(
    counts: Mapping[str, Counts], shared: Mapping[str, int], annotators: Sequence[str]
) -> dict[str, Any]:
    """Pair matrix of F1 (with P, R and the raw counts), its mean and SD, per-annotator means."""
    f1: dict[str, Score] = {}
    precision: dict[str, Score] = {}
    recall: dict[str, Score] = {}
    for key, c in counts.items():
        if shared[key] == 0:
            f1[key] = precision[key] = recall[key] = Undefined(NO_SHARED_DOCUMENT)
        else:
            f1[key], precision[key], recall[key] = c.f1, c.precision, c.recall
    mean, sd = _mean_sd_over_pairs(f1)
    return {
        "pairs": f1,
        "mean": mean,
        "sd": sd,
        "precision": precision,
        "recall": recall,
        "counts": {key: c.as_dict() for key, c in counts.items()},
        "per_annotator": _per_annotator(f1, annotators),
    }


def _mean_sd_over_pairs(values: Mapping[str, Score]) -> tuple[Score, Score]:
    if not values:
        return Undefined(TOO_FEW_ANNOTATORS), Undefined(TOO_FEW_ANNOTATORS)
    return mean_and_sd(values.values(), "no pair with a defined value")


def _per_annotator(values: Mapping[str, Score], annotators: Sequence[str]) -> dict[str, Score]:
    """One-vs-rest: the mean over the pairs that include the annotator."""
    result: dict[str, Score] = {}
    for annotator in annotators:
        mine = [v for key, v in values.items() if annotator in pair_members(key)]
        result[annotator] = (
            mean_of_defined(mine, "no pair with this annotator has a defined value")
            if mine
            else Undefined(TOO_FEW_ANNOTATORS)
        )
    return result


# --- alpha_U ------------------------------------------------------------------------------------


def _alpha_u_section(
    studies: Sequence[DocumentStudies], pairs: list[tuple[str, str]]
) -> dict[str, Any]:
    """The corpus section of the documents' studies (``alpha_u_studies``); an undefined value
    (fewer than two finished annotators, no spans) is left out of each mean."""
    overall: list[Score] = []
    per_label: dict[str, list[Score]] = {}
    per_pair: dict[str, list[Score]] = {pair_key(a, b): [] for a, b in pairs}
    for study in studies:
        overall.append(study.overall)
        for label, value in study.per_category.items():
            per_label.setdefault(label, []).append(value)
        for key, value in study.pairs.items():
            per_pair[key].append(value)
    section = {
        "measure": "Krippendorff's alpha_U (1995) on characters, DKPro Statistics / INCEpTION "
        "semantics: one continuum per document (its text), units = entity spans, "
        "category = label, raters = annotators who finished the document",
        "aggregation": CONVENTIONS["alpha_u_aggregation"],
        "overall": mean_of_defined(
            overall, "no document with two finished annotators and a defined value"
        ),
        "per_label": {
            label: mean_of_defined(values, "no document with a defined value for this label")
            for label, values in sorted(per_label.items())
        },
        "pairs": {
            key: mean_of_defined(
                values,
                "no shared document with a defined value" if values else NO_SHARED_DOCUMENT,
            )
            for key, values in per_pair.items()
        },
        "documents": sum(1 for v in overall if not isinstance(v, Undefined)),
    }
    return section


# --- events -------------------------------------------------------------------------------------


def _event_section(
    documents: Sequence[_Prepared], pairs: list[tuple[str, str]], annotators: list[str]
) -> dict[str, Any]:
    counts = {pair_key(a, b): EventCounts() for a, b in pairs}
    for document in documents:
        tuples = {a: event_tuples(events) for a, events in document.events.items()}
        for a, b in pairs:
            if a in tuples and b in tuples:
                counts[pair_key(a, b)].add_document(
                    document.events[a], document.events[b], tuples[a], tuples[b]
                )
    shared = {key: c.documents for key, c in counts.items()}
    section: dict[str, Any] = {
        mode: {
            name: _f1_block(
                {k: getattr(c, mode)[name] for k, c in counts.items()}, shared, annotators
            )
            for name in EVENT_MEASURES
        }
        for mode in MATCH_MODES
    }
    roles = _f1_block({k: c.roles for k, c in counts.items()}, shared, annotators)
    roles["aligned_events"] = {k: c.aligned_events for k, c in counts.items()}
    section["role_agreement"] = roles
    return section


# --- relations ----------------------------------------------------------------------------------


def _relation_section(
    documents: Sequence[_Prepared],
    pairs: list[tuple[str, str]],
    annotators: list[str],
    symmetric: frozenset[str],
) -> dict[str, Any]:
    counts = {pair_key(a, b): RelationCounts(symmetric) for a, b in pairs}
    for document in documents:
        for a, b in pairs:
            if a in document.relations and b in document.relations:
                counts[pair_key(a, b)].add_document(document.relations[a], document.relations[b])
    shared = {key: c.documents for key, c in counts.items()}
    section: dict[str, Any] = {"symmetric_types": sorted(symmetric)}
    for mode in RELATION_MODES:
        section[mode] = _f1_block({k: c.modes[mode] for k, c in counts.items()}, shared, annotators)
    types = sorted({r.type for d in documents for found in d.relations.values() for r in found})
    section["per_type"] = _breakdown(
        types, RELATION_MODES, {k: c.per_type for k, c in counts.items()}, shared, annotators
    )
    return section


# --- per document -------------------------------------------------------------------------------


def _per_document_section(
    documents: Sequence[_Prepared], alpha_u: Sequence[Score]
) -> list[dict[str, Any]]:
    rows = []
    for document, alpha in zip(documents, alpha_u, strict=True):
        disagreement = document_disagreement(
            document.entities, document.events, document.relations, document.document_labels
        )
        rows.append(
            {
                "document_id": document.document_id,
                "finished": list(document.finished),
                "disagreement": disagreement.score,
                "unmatched": disagreement.unmatched,
                "annotations": disagreement.annotations,
                "alpha_u": alpha,
            }
        )
    return rows
