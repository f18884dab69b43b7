"""The agreement report: every measure over a corpus, as a JSON-serialisable dict.

This is the output of ``workbench agreement --json``. Its shape (``A|B`` is a pair key: the two
names in alphabetical order; in a pair, A is the reference side, so precision = TP/|B| and
recall = TP/|A|)::

    {
      "annotators": [...], "documents": N, "finished_documents": {annotator: n},
      "conventions": {...},                       # the rules below, in words
      "span_f1": {
        "exact_labeled" | "exact_unlabeled" | "overlap_labeled" | "overlap_unlabeled": F1BLOCK,
        "per_label": {label: {"exact": F1BLOCK, "overlap": F1BLOCK}}
      },
      "token": {
        "tokenizer", "value_rule", "tokens", "tokens_labelled_by_someone",
        "cohen_kappa": {"A|B": k}, "cohen_kappa_labelled_only": {"A|B": k},
        "cohen_kappa_tokens": {"A|B": n}, "cohen_kappa_labelled_only_tokens": {"A|B": n},
        "cohen_kappa_mean": k, "fleiss_kappa": k, "fleiss_kappa_labelled_only": k,
        "krippendorff_alpha": a, "krippendorff_alpha_labelled_only": a,
        "per_label": {label: {"krippendorff_alpha": a}}     # binary study: label vs not
      },
      "alpha_u": {
        "measure", "aggregation", "overall": a, "per_label": {label: a}, "pairs": {"A|B": a},
        "documents": n
      },
      "events": {
        "exact" | "overlap": {"trigger_identification" | "trigger_classification" |
                              "argument_identification" | "argument_classification" |
                              "argument_identification_attached" |
                              "argument_classification_attached": F1BLOCK},
        "role_agreement": F1BLOCK + {"aligned_events": {"A|B": n}}
      },
      "per_document": [{"document_id", "finished": [...], "disagreement": s, "unmatched": n,
                        "annotations": n, "alpha_u": a}],
      "undefined": {json_pointer: reason}
    }

    F1BLOCK = {"pairs": {"A|B": f1}, "mean": m, "sd": s, "precision": {"A|B": p},
               "recall": {"A|B": r}, "counts": {"A|B": {"tp", "a", "b"}},
               "per_annotator": {annotator: mean over the pairs that include them}}

**Undefined values.** A value the measure does not define on the data (0/0: no spans on either
side, no variation, fewer than two annotators, incomplete data for Fleiss) is ``null``, never 0
or 1, and ``report["undefined"]`` maps its JSON Pointer (RFC 6901, e.g.
``"/span_f1/exact_labeled/pairs/A|B"``) to the reason. :func:`undefined_reason` looks it up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from .alpha_u import Continuum
from .coding import cohen_kappa, fleiss_kappa, krippendorff_alpha, labelled_units
from .disagreement import document_disagreement
from .documents import (
    DocumentAnnotations,
    EntitySpan,
    EventMention,
    check_annotator_names,
    entity_spans,
    event_mentions,
)
from .events import EVENT_MEASURES, MATCH_MODES, EventCounts, event_tuples
from .span_f1 import LABEL_MODES, SPAN_MODES, Counts, SpanCounts
from .token_units import MISSING, Codebook, IntArray, token_values
from .values import (
    Score,
    Undefined,
    annotator_pairs,
    mean_and_sd,
    mean_of_defined,
    pair_key,
    pair_members,
)

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
    "arguments) without an exact counterpart, pooled over the pairs who finished the document",
}

TOKEN_VALUE_RULE = (
    "label of the annotator's longest entity span overlapping the token, 'O' if none; equally "
    "long spans with different labels give their labels sorted and joined by '|'; tokens of a "
    "document the annotator has not finished are missing. 'labelled_only' keeps the tokens to "
    "which at least one annotator of the study gave a value other than 'O'"
)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A document reduced to what the measures read: the finished annotators' layers."""

    document_id: str
    text_length: int
    tokens: tuple[tuple[int, int], ...]
    finished: list[str]
    entities: dict[str, tuple[EntitySpan, ...]]
    events: dict[str, tuple[EventMention, ...]]


def agreement_report(
    documents: Sequence[DocumentAnnotations],
    annotators: Sequence[str],
    *,
    tokenizer: str = "supplied by the caller",
) -> dict[str, Any]:
    """Every agreement measure of ``annotators`` over ``documents`` (see the module docstring).

    Sets of annotators not listed (e.g. the gold layer) are ignored. ``tokenizer`` names the
    tokenizer that made the documents' tokens, for the report.
    """
    annotators = list(annotators)
    check_annotator_names(annotators)
    prepared = [_prepare(document, annotators) for document in documents]
    pairs = annotator_pairs(annotators)
    report: dict[str, Any] = {
        "annotators": annotators,
        "documents": len(prepared),
        "finished_documents": {a: sum(1 for d in prepared if a in d.finished) for a in annotators},
        "conventions": CONVENTIONS,
        "span_f1": _span_section(prepared, pairs, annotators),
        "token": _token_section(prepared, pairs, annotators, tokenizer),
    }
    report["alpha_u"], document_alpha_u = _alpha_u_section(prepared, pairs)
    report["events"] = _event_section(prepared, pairs, annotators)
    report["per_document"] = _per_document_section(prepared, document_alpha_u)
    tree: dict[str, Any]
    tree, undefined = _to_json(report)
    tree["undefined"] = undefined
    return tree


def undefined_reason(report: Mapping[str, Any], *path: str | int) -> str | None:
    """The reason recorded for the null value at ``path`` (keys and list indexes), if any."""
    reasons: Mapping[str, str] = report["undefined"]
    return reasons.get(_pointer(path))


def _prepare(document: DocumentAnnotations, annotators: Sequence[str]) -> _Prepared:
    finished = document.finished_among(annotators)
    sets = document.sets
    return _Prepared(
        document_id=document.document_id,
        text_length=document.text_length,
        tokens=document.tokens,
        finished=finished,
        entities={a: entity_spans(sets[a], document.text_length) for a in finished},
        events={a: event_mentions(sets[a], document.text_length) for a in finished},
    )


# --- span F1 ------------------------------------------------------------------------------------


def _span_section(
    documents: Sequence[_Prepared], pairs: list[tuple[str, str]], annotators: list[str]
) -> dict[str, Any]:
    counts = {pair_key(a, b): SpanCounts() for a, b in pairs}
    for document in documents:
        for a, b in pairs:
            if a in document.entities and b in document.entities:
                counts[pair_key(a, b)].add_document(document.entities[a], document.entities[b])
    shared = {key: c.documents for key, c in counts.items()}
    section: dict[str, Any] = {
        mode: _f1_block({k: c.modes[mode] for k, c in counts.items()}, shared, annotators)
        for mode in SPAN_MODES
    }
    labels = sorted(
        {label for d in documents for spans in d.entities.values() for *_, label in spans}
    )
    section["per_label"] = {
        label: {
            mode: _f1_block(
                {
                    k: c.per_label[label][mode] if label in c.per_label else Counts()
                    for k, c in counts.items()
                },
                shared,
                annotators,
            )
            for mode in LABEL_MODES
        }
        for label in labels
    }
    return section


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


# --- tokens -------------------------------------------------------------------------------------


def _token_section(
    documents: Sequence[_Prepared],
    pairs: list[tuple[str, str]],
    annotators: list[str],
    tokenizer: str,
) -> dict[str, Any]:
    study = _token_study(documents, annotators)
    values = study.values
    labelled = labelled_units(values)
    row = {a: i for i, a in enumerate(annotators)}
    cohen: dict[str, Score] = {}
    cohen_labelled: dict[str, Score] = {}
    cohen_tokens: dict[str, int] = {}
    cohen_labelled_tokens: dict[str, int] = {}
    for a, b in pairs:
        key = pair_key(a, b)
        x, y = values[row[a]], values[row[b]]
        both = (x != MISSING) & (y != MISSING)
        pair_labelled = labelled_units(values[[row[a], row[b]]])
        cohen[key] = cohen_kappa(x, y)
        cohen_labelled[key] = cohen_kappa(x[pair_labelled], y[pair_labelled])
        cohen_tokens[key] = int(np.count_nonzero(both))
        cohen_labelled_tokens[key] = int(np.count_nonzero(both & pair_labelled))
    return {
        "tokenizer": tokenizer,
        "value_rule": TOKEN_VALUE_RULE,
        "tokens": int(values.shape[1]),
        "tokens_labelled_by_someone": int(np.count_nonzero(labelled)),
        "cohen_kappa": cohen,
        "cohen_kappa_labelled_only": cohen_labelled,
        "cohen_kappa_tokens": cohen_tokens,
        "cohen_kappa_labelled_only_tokens": cohen_labelled_tokens,
        "cohen_kappa_mean": _mean_sd_over_pairs(cohen)[0],
        "fleiss_kappa": fleiss_kappa(values),
        "fleiss_kappa_labelled_only": fleiss_kappa(values[:, labelled]),
        "krippendorff_alpha": krippendorff_alpha(values),
        "krippendorff_alpha_labelled_only": krippendorff_alpha(values[:, labelled]),
        "per_label": {
            label: {"krippendorff_alpha": krippendorff_alpha(*study.binary_study(label))}
            for label in sorted(study.members)
        },
    }


@dataclass(slots=True)
class _TokenStudy:
    """The corpus's tokens: every annotator's value codes, and what the per-label studies need."""

    values: IntArray  # annotators x tokens; MISSING where the document is not finished
    finished: npt.NDArray[np.bool_]  # annotators x tokens
    documents: list[tuple[int, tuple[bool, ...]]]  # per document: tokens, who finished it
    members: dict[str, list[tuple[int, IntArray]]]  # label -> (annotator row, global token indexes)

    def binary_study(self, label: str) -> tuple[IntArray, IntArray]:
        """The study "label vs not" as (columns, weights): one column per token that some span
        of the label overlaps, and the remaining all-0 tokens as one weighted column per pattern
        of finished annotators (they are identical units, so alpha needs each only once)."""
        rows = self.values.shape[0]
        labelled = np.unique(np.concatenate([tokens for _, tokens in self.members[label]]))
        columns = np.where(self.finished[:, labelled], 0, MISSING).astype(np.int64)
        for row, tokens in self.members[label]:
            columns[row, np.searchsorted(labelled, tokens)] = 1
        background: dict[tuple[bool, ...], int] = {}
        for size, finished in self.documents:
            background[finished] = background.get(finished, 0) + size
        labelled_by_pattern = self.finished[:, labelled]
        for pattern in background:
            match = np.all(labelled_by_pattern == np.array(pattern)[:, None], axis=0)
            background[pattern] -= int(np.count_nonzero(match))
        patterns = list(background)
        extra = np.array(
            [[0 if p[row] else MISSING for p in patterns] for row in range(rows)], dtype=np.int64
        ).reshape(rows, len(patterns))
        weights = np.concatenate(
            [np.ones(labelled.size, dtype=np.int64), np.array(list(background.values()), np.int64)]
        )
        return np.hstack([columns, extra]), weights


def _token_study(documents: Sequence[_Prepared], annotators: list[str]) -> _TokenStudy:
    """Token values of every annotator over the corpus, the documents laid end to end."""
    codebook = Codebook()
    sizes = np.array([len(d.tokens) for d in documents], dtype=np.int64)
    total = int(sizes.sum())
    char_offsets = np.cumsum([0] + [d.text_length for d in documents])[:-1]
    bounds = (
        np.array(
            list(chain.from_iterable(chain.from_iterable(d.tokens for d in documents))),
            dtype=np.int64,
        ).reshape(-1, 2)
        + np.repeat(char_offsets, sizes)[:, None]
    )
    token_starts, token_ends = bounds[:, 0].copy(), bounds[:, 1].copy()
    values = np.full((len(annotators), total), MISSING, dtype=np.int64)
    finished = np.zeros((len(annotators), total), dtype=bool)
    members: dict[str, list[tuple[int, IntArray]]] = {}
    for row, annotator in enumerate(annotators):
        done = np.array([annotator in d.entities for d in documents], dtype=bool)
        finished[row] = np.repeat(done, sizes)
        starts: list[int] = []
        ends: list[int] = []
        labels: list[int] = []
        for document, offset in zip(documents, char_offsets.tolist(), strict=True):
            for start, end, label in document.entities.get(annotator, ()):
                starts.append(start + offset)
                ends.append(end + offset)
                labels.append(codebook.code(label))
        result = token_values(
            np.array(starts, dtype=np.int64),
            np.array(ends, dtype=np.int64),
            np.array(labels, dtype=np.int64),
            token_starts,
            token_ends,
            codebook,
        )
        values[row] = np.where(finished[row], result.codes, MISSING)
        if result.overlap_labels.size == 0:
            continue
        order = np.argsort(result.overlap_labels, kind="stable")
        by_label = result.overlap_labels[order]
        breaks = np.flatnonzero(np.diff(by_label)) + 1
        for tokens, code in zip(
            np.split(result.overlap_tokens[order], breaks), by_label[np.r_[0, breaks]], strict=True
        ):
            members.setdefault(codebook.values[int(code)], []).append((row, tokens))
    patterns = [(len(d.tokens), tuple(a in d.entities for a in annotators)) for d in documents]
    return _TokenStudy(values, finished, patterns, members)


# --- alpha_U ------------------------------------------------------------------------------------


def _alpha_u_section(
    documents: Sequence[_Prepared], pairs: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[Score]]:
    """The corpus section, and each document's overall value (for the per-document rows)."""
    by_document: list[Score] = []
    overall: list[Score] = []
    per_label: dict[str, list[Score]] = {}
    per_pair: dict[str, list[Score]] = {pair_key(a, b): [] for a, b in pairs}
    for document in documents:
        if len(document.finished) < 2:
            by_document.append(Undefined("fewer than two annotators finished the document"))
            continue
        continuum = Continuum(
            {a: document.entities[a] for a in document.finished}, document.text_length
        )
        study = continuum.alpha_u()
        overall.append(study.overall)
        by_document.append(study.overall)
        for label, value in study.per_category.items():
            per_label.setdefault(label, []).append(value)
        for a, b in pairs:
            if a in document.entities and b in document.entities:
                per_pair[pair_key(a, b)].append(continuum.alpha_u([a, b]).overall)
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
    return section, by_document


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


# --- per document -------------------------------------------------------------------------------


def _per_document_section(
    documents: Sequence[_Prepared], alpha_u: Sequence[Score]
) -> list[dict[str, Any]]:
    rows = []
    for document, alpha in zip(documents, alpha_u, strict=True):
        disagreement = document_disagreement(document.entities, document.events)
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


# --- JSON ---------------------------------------------------------------------------------------


def _to_json(tree: Any) -> tuple[Any, dict[str, str]]:
    """Replace :class:`Undefined` by None, recording each one's JSON Pointer and reason."""
    undefined: dict[str, str] = {}

    def convert(node: Any, pointer: str) -> Any:
        kind = type(node)
        if kind is float:
            if not math.isfinite(node):
                raise ValueError(f"non-finite value at {pointer}: a measure must say why")
            return node
        if kind is dict:
            return {str(k): convert(v, pointer + "/" + _escape(str(k))) for k, v in node.items()}
        if kind is Undefined:
            undefined[pointer] = node.reason
            return None
        if kind is list or kind is tuple:
            return [convert(v, f"{pointer}/{i}") for i, v in enumerate(node)]
        if node is None or kind is bool or kind is str or kind is int:
            return node
        if isinstance(node, np.integer):
            return int(node)
        if isinstance(node, np.floating):
            return convert(float(node), pointer)
        raise TypeError(f"cannot serialise {kind.__name__} at {pointer}")

    return convert(tree, ""), undefined


def _escape(token: str) -> str:
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def _pointer(path: Sequence[str | int]) -> str:
    return "".join("/" + _escape(str(p)) for p in path)
