"""Agreement on document labels, per field: the items are documents (issue 14).

An annotator's answer for a field is the value the annotator's set gives it on a document the
annotator **finished**; a field the set leaves out is **missing** (not answered), never a value,
and so is every field of a document the annotator has not finished. A present empty choice of a
multiple-choice field is an answer: "none of the values".

**Single choice** (every answer one value): a nominal study, one item per document.

- ``cohen_kappa`` per pair over the documents both answered (listwise deletion), as
  ``sklearn.metrics.cohen_kappa_score``; ``cohen_kappa_mean`` over the pairs;
- ``krippendorff_alpha``: nominal, every listed annotator, missing answers allowed, as
  ``krippendorff.alpha(level_of_measurement="nominal")``.

**Multiple choice** (some answer is a list of values): **one binary item per (document, value)**,
"value chosen or not", over the values any listed annotator chose in the field. Kappa and alpha
are those of the pooled binary items (the standard multi-label treatment: a partly shared set is
partly agreed on, unlike a nominal value per set, and unlike MASI distance it needs no weights
of its own, so the published packages check it). Values nobody chose would only add all-zero
items and are left out.

Both kinds:

- ``observed_agreement`` per pair: the share of the documents both answered on which their
  answers are identical (the same value; for multiple choice the same set), with
  ``observed_agreement_mean`` over the pairs; ``documents`` per pair is how many that is;
- ``per_value``: the binary study of each value ("this value or not"): Cohen's kappa per pair
  and Krippendorff's alpha.

A value undefined on the data (no document both answered, no variation) is
:class:`~workbench.core.agreement.values.Undefined`, as everywhere in the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from workbench.core.model import DocumentLabelValue

from .coding import cohen_kappa, krippendorff_alpha
from .report_sections import NO_SHARED_DOCUMENT, _mean_sd_over_pairs
from .token_units import MISSING, IntArray
from .values import Score, Undefined, pair_key, ratio

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"

TREATMENT = (
    "items are documents; a field an annotator left out, or a document not finished, is "
    "missing; single choice: one nominal item per document; multiple choice: one binary item "
    "per (document, value chosen by someone), 'chosen or not'; observed_agreement: share of the "
    "documents both answered with identical answers (the same value or the same set)"
)

Answers = Sequence[Mapping[str, frozenset[str]]]
"""Per document, annotator -> the values chosen (a single choice as a one-value set)."""


def document_label_section(
    documents: Sequence[Mapping[str, Mapping[str, DocumentLabelValue]]],
    pairs: Sequence[tuple[str, str]],
    annotators: Sequence[str],
) -> dict[str, Any]:
    """The report's section; ``documents`` maps each finished annotator to their labels."""
    fields = sorted({name for labels in documents for answer in labels.values() for name in answer})
    return {
        "treatment": TREATMENT,
        "fields": {
            name: field_agreement(_answers_of(documents, name), pairs, annotators)
            for name in fields
        },
    }


def _answers_of(
    documents: Sequence[Mapping[str, Mapping[str, DocumentLabelValue]]], name: str
) -> list[dict[str, DocumentLabelValue]]:
    """The documents someone answered the field in, each as annotator -> answer."""
    answers = [
        {annotator: labels[name] for annotator, labels in document.items() if name in labels}
        for document in documents
    ]
    return [answer for answer in answers if answer]


def field_agreement(
    answers: Sequence[Mapping[str, DocumentLabelValue]],
    pairs: Sequence[tuple[str, str]],
    annotators: Sequence[str],
) -> dict[str, Any]:
    """One field's block (see the module docstring); ``answers`` holds one mapping per document."""
    multiple = any(isinstance(value, tuple) for answer in answers for value in answer.values())
    chosen: Answers = [
        {a: frozenset((value,) if isinstance(value, str) else value) for a, value in answer.items()}
        for answer in answers
    ]
    values = sorted({value for answer in chosen for choice in answer.values() for value in choice})
    binary = {value: _binary_study(chosen, value, annotators) for value in values}
    if multiple:
        study = (
            np.hstack([binary[value] for value in values])
            if values
            else np.zeros((len(annotators), 0), dtype=np.int64)
        )
    else:
        study = _nominal_study(chosen, values, annotators)
    row = {a: i for i, a in enumerate(annotators)}
    kappa = {pair_key(a, b): cohen_kappa(study[row[a]], study[row[b]]) for a, b in pairs}
    documents, observed = _observed_agreement(chosen, pairs)
    return {
        "kind": MULTIPLE_CHOICE if multiple else SINGLE_CHOICE,
        "values": values,
        "documents": documents,
        "observed_agreement": observed,
        "observed_agreement_mean": _mean_sd_over_pairs(observed)[0],
        "cohen_kappa": kappa,
        "cohen_kappa_mean": _mean_sd_over_pairs(kappa)[0],
        "krippendorff_alpha": _alpha(study),
        "per_value": {
            value: {
                "cohen_kappa": {
                    pair_key(a, b): cohen_kappa(binary[value][row[a]], binary[value][row[b]])
                    for a, b in pairs
                },
                "krippendorff_alpha": _alpha(binary[value]),
            }
            for value in values
        },
    }


def _observed_agreement(
    chosen: Answers, pairs: Sequence[tuple[str, str]]
) -> tuple[dict[str, int], dict[str, Score]]:
    """Per pair: the documents both answered, and the share of them with identical answers."""
    documents: dict[str, int] = {}
    observed: dict[str, Score] = {}
    for a, b in pairs:
        shared = [answer for answer in chosen if a in answer and b in answer]
        same = sum(1 for answer in shared if answer[a] == answer[b])
        documents[pair_key(a, b)] = len(shared)
        observed[pair_key(a, b)] = ratio(same, len(shared), f"{NO_SHARED_DOCUMENT} and answered")
    return documents, observed


def _alpha(study: IntArray) -> Score:
    if study.shape[1] == 0:
        return Undefined("no document was answered")
    return krippendorff_alpha(study)


def _binary_study(chosen: Answers, value: str, annotators: Sequence[str]) -> IntArray:
    """annotators x documents: 1 chose ``value``, 0 answered without it, MISSING no answer."""
    return np.array(
        [
            [MISSING if a not in answer else int(value in answer[a]) for answer in chosen]
            for a in annotators
        ],
        dtype=np.int64,
    ).reshape(len(annotators), len(chosen))


def _nominal_study(chosen: Answers, values: Sequence[str], annotators: Sequence[str]) -> IntArray:
    """annotators x documents: the code of the value given (its index), MISSING no answer."""
    code = {value: i for i, value in enumerate(values)}
    return np.array(
        [
            [MISSING if a not in answer else code[next(iter(answer[a]))] for answer in chosen]
            for a in annotators
        ],
        dtype=np.int64,
    ).reshape(len(annotators), len(chosen))
