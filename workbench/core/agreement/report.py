"""The agreement report: every measure over a corpus, as a JSON-serialisable dict.

This module builds it and turns it into JSON; the sections, one per measure, are made in
:mod:`.report_sections`, for the tokens :mod:`.report_tokens`, and for document labels
:mod:`.document_labels`.

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
      "relations": {
        "symmetric_types": [...], "exact" | "overlap": F1BLOCK,
        "per_type": {type: {"exact": F1BLOCK, "overlap": F1BLOCK}}
      },
      "document_labels": {
        "treatment": "...",
        "fields": {field: {
          "kind": "single_choice" | "multiple_choice", "values": [...],
          "documents": {"A|B": n}, "observed_agreement": {"A|B": p},
          "observed_agreement_mean": p, "cohen_kappa": {"A|B": k}, "cohen_kappa_mean": k,
          "krippendorff_alpha": a,
          "per_value": {value: {"cohen_kappa": {"A|B": k}, "krippendorff_alpha": a}}
        }}
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
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .alpha_u_studies import AlphaUStudies
from .document_labels import document_label_section
from .documents import (
    DocumentAnnotations,
    check_annotator_names,
    entity_spans,
    event_mentions,
)
from .relations import relation_mentions
from .report_sections import (
    CONVENTIONS,
    _alpha_u_section,
    _event_section,
    _per_document_section,
    _Prepared,
    _relation_section,
    _span_section,
)
from .report_tokens import TokenCounter, _token_section
from .token_units import Codebook
from .values import Undefined, annotator_pairs


def agreement_report(
    documents: Iterable[DocumentAnnotations],
    annotators: Sequence[str],
    *,
    tokenizer: str = "supplied by the caller",
    symmetric_relations: Collection[str] = (),
) -> dict[str, Any]:
    """Every agreement measure of ``annotators`` over ``documents`` (see the module docstring).

    Sets of annotators not listed (e.g. the gold layer) are ignored. ``tokenizer`` names the
    tokenizer that made the documents' tokens, for the report; ``symmetric_relations`` the
    relation types the schema calls symmetric (their ends match in either order).
    ``documents`` are read once, in order, and each is reduced to what the measures read before
    the next is taken: an iterator over a large corpus need not hold its documents at once.
    """
    annotators = list(annotators)
    check_annotator_names(annotators)
    symmetric = frozenset(symmetric_relations)
    tokens = TokenCounter(annotators, Codebook())
    pairs = annotator_pairs(annotators)
    with AlphaUStudies(pairs) as alpha_u:
        prepared = [
            _prepare(document, annotators, symmetric, tokens, alpha_u) for document in documents
        ]
        report: dict[str, Any] = {
            "annotators": annotators,
            "documents": len(prepared),
            "finished_documents": {
                a: sum(1 for d in prepared if a in d.finished) for a in annotators
            },
            "conventions": CONVENTIONS,
            "span_f1": _span_section(prepared, pairs, annotators),
            "token": _token_section(tokens.study(), pairs, annotators, tokenizer),
        }
        studies = alpha_u.studies()
    report["alpha_u"] = _alpha_u_section(studies, pairs)
    report["events"] = _event_section(prepared, pairs, annotators)
    report["relations"] = _relation_section(prepared, pairs, annotators, symmetric)
    report["document_labels"] = document_label_section(
        [d.document_labels for d in prepared], pairs, annotators
    )
    report["per_document"] = _per_document_section(prepared, [s.overall for s in studies])
    tree: dict[str, Any]
    tree, undefined = _to_json(report)
    tree["undefined"] = undefined
    _free_in_slices(prepared)
    return tree


_FREED_AT_ONCE = 100


def _free_in_slices(prepared: list[_Prepared]) -> None:
    """Free the documents' reductions ``_FREED_AT_ONCE`` at a time. Freed at once, as the
    function returned, 10,000 documents of three annotators were one step of the interpreter
    that held it 86 ms: the thread of a window that runs the agreement on a worker waited
    that long (``tests/benchmarks/test_interpreter_waits_bench.py``)."""
    while prepared:
        del prepared[-_FREED_AT_ONCE:]


def undefined_reason(report: Mapping[str, Any], *path: str | int) -> str | None:
    """The reason recorded for the null value at ``path`` (keys and list indexes), if any."""
    reasons: Mapping[str, str] = report["undefined"]
    return reasons.get(_pointer(path))


def _prepare(
    document: DocumentAnnotations,
    annotators: Sequence[str],
    symmetric: frozenset[str],
    tokens: TokenCounter,
    alpha_u: AlphaUStudies,
) -> _Prepared:
    """The document reduced to its finished annotators' layers; its tokens are counted into
    ``tokens`` on the way, and its entities handed on to ``alpha_u``."""
    finished = document.finished_among(annotators)
    sets = document.sets
    length = document.text_length
    entities = {a: entity_spans(sets[a], length) for a in finished}
    tokens.add(document.tokens, length, entities)
    alpha_u.add(length, entities)
    return _Prepared(
        document_id=document.document_id,
        text_length=length,
        finished=finished,
        entities=entities,
        events={a: event_mentions(sets[a], length) for a in finished},
        relations={a: relation_mentions(sets[a], length, symmetric) for a in finished},
        document_labels={a: dict(sets[a].document_labels) for a in finished},
    )


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
