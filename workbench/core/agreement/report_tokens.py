"""The report's token section: Cohen's and Fleiss' kappa and Krippendorff's alpha over the
corpus's tokens laid end to end (``_TokenStudy``), with the per-label "label vs not" studies.

A token is a column of values, one per annotator, and the coefficients are sums over columns, so
the study keeps each distinct column once with the number of tokens that have it (a corpus of
millions of tokens has a few hundred distinct columns), counted document by document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .coding import cohen_kappa, fleiss_kappa, krippendorff_alpha, labelled_units
from .report_sections import _mean_sd_over_pairs, _Prepared
from .token_units import MISSING, CodeArray, Codebook, IntArray, TokenValues
from .values import Score, pair_key

TOKEN_VALUE_RULE = (
    "label of the annotator's longest entity span overlapping the token, 'O' if none; equally "
    "long spans with different labels give their labels sorted and joined by '|'; tokens of a "
    "document the annotator has not finished are missing. 'labelled_only' keeps the tokens to "
    "which at least one annotator of the study gave a value other than 'O'"
)


def _token_section(
    documents: Sequence[_Prepared],
    pairs: list[tuple[str, str]],
    annotators: list[str],
    tokenizer: str,
    codebook: Codebook,
) -> dict[str, Any]:
    """``codebook``: the one that coded the documents' ``token_values``."""
    study = _token_study(documents, annotators, codebook)
    values, weights = study.columns, study.weights
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
        cohen[key] = cohen_kappa(x, y, weights)
        cohen_labelled[key] = cohen_kappa(x[pair_labelled], y[pair_labelled], weights[pair_labelled])
        cohen_tokens[key] = int(weights[both].sum())
        cohen_labelled_tokens[key] = int(weights[both & pair_labelled].sum())
    return {
        "tokenizer": tokenizer,
        "value_rule": TOKEN_VALUE_RULE,
        "tokens": int(weights.sum()),
        "tokens_labelled_by_someone": int(weights[labelled].sum()),
        "cohen_kappa": cohen,
        "cohen_kappa_labelled_only": cohen_labelled,
        "cohen_kappa_tokens": cohen_tokens,
        "cohen_kappa_labelled_only_tokens": cohen_labelled_tokens,
        "cohen_kappa_mean": _mean_sd_over_pairs(cohen)[0],
        "fleiss_kappa": fleiss_kappa(values, weights),
        "fleiss_kappa_labelled_only": fleiss_kappa(values[:, labelled], weights[labelled]),
        "krippendorff_alpha": krippendorff_alpha(values, weights),
        "krippendorff_alpha_labelled_only": krippendorff_alpha(
            values[:, labelled], weights[labelled]
        ),
        "per_label": {
            label: {"krippendorff_alpha": krippendorff_alpha(*study.binary_study(label))}
            for label in sorted(study.labelled)
        },
    }


Column = tuple[int, ...]
"""One token's values, one per annotator (MISSING where the document is not finished)."""


@dataclass(slots=True)
class _TokenStudy:
    """The corpus's tokens as distinct columns and how many tokens have each (``columns`` is
    annotators x distinct columns), and what the per-label studies need."""

    columns: IntArray
    weights: IntArray
    patterns: Counter[Column]  # tokens per pattern of finished annotators (0 finished, MISSING not)
    labelled: dict[str, Counter[Column]]  # label -> its study's columns of tokens it overlaps
    labelled_by_pattern: dict[str, Counter[Column]]  # label -> those tokens per pattern

    def binary_study(self, label: str) -> tuple[IntArray, IntArray]:
        """The study "label vs not" as (columns, weights): each distinct column of the tokens
        that some span of the label overlaps (1 for those annotators, 0 for the others who
        finished the document), and the remaining all-0 tokens as one column per pattern of
        finished annotators."""
        counts = Counter(self.labelled[label])
        for pattern, size in self.patterns.items():
            counts[pattern] += size - self.labelled_by_pattern[label][pattern]
        return _matrix(counts, self.columns.shape[0])


def _token_study(
    documents: Sequence[_Prepared], annotators: list[str], codebook: Codebook
) -> _TokenStudy:
    """Token values of every annotator over the corpus, counted per distinct column."""
    counts: Counter[Column] = Counter()
    patterns: Counter[Column] = Counter()
    labelled: dict[str, Counter[Column]] = {}
    labelled_by_pattern: dict[str, Counter[Column]] = {}
    for document in documents:
        found = [document.token_values.get(a) for a in annotators]
        pattern = tuple(MISSING if f is None else 0 for f in found)
        patterns[pattern] += document.token_count
        if not document.token_values:
            counts[pattern] += document.token_count
            continue
        values = np.full((len(annotators), document.token_count), MISSING, dtype=np.int64)
        for row, values_of in enumerate(found):
            if values_of is not None:
                values[row] = values_of.codes
        counts.update(_column_counts(values))
        for code, tokens in _overlaps_by_label(found).items():
            label = codebook.values[code]
            union = np.unique(np.concatenate([t for _, t in tokens]))
            columns = np.repeat(np.array(pattern, dtype=np.int64)[:, None], union.size, axis=1)
            for row, overlapped in tokens:
                columns[row, np.searchsorted(union, overlapped)] = 1
            labelled.setdefault(label, Counter()).update(_column_counts(columns))
            labelled_by_pattern.setdefault(label, Counter())[pattern] += union.size
    columns, weights = _matrix(counts, len(annotators))
    return _TokenStudy(columns, weights, patterns, labelled, labelled_by_pattern)


def _overlaps_by_label(
    found: Sequence[TokenValues | None],
) -> dict[int, list[tuple[int, CodeArray]]]:
    """label code -> (annotator row, the tokens a span of the label overlaps) on one document."""
    by_label: dict[int, list[tuple[int, CodeArray]]] = {}
    for row, values in enumerate(found):
        if values is None or values.overlap_labels.size == 0:
            continue
        for code in np.unique(values.overlap_labels).tolist():
            tokens = values.overlap_tokens[values.overlap_labels == code]
            by_label.setdefault(code, []).append((row, tokens))
    return by_label


def _column_counts(values: IntArray) -> dict[Column, int]:
    """Each distinct column of ``values`` and how often it occurs. A column is read as one
    number (its values, each + 1, the digits in base largest + 2) where that fits in 63 bits:
    ``np.unique`` over columns sorts them as records, many times slower."""
    base = int(values.max(initial=MISSING)) + 2
    if base ** values.shape[0] >= 1 << 63:
        columns, counts = np.unique(values, axis=1, return_counts=True)
        return dict(zip(map(tuple, columns.T.tolist()), counts.tolist(), strict=True))
    keys = np.zeros(values.shape[1], dtype=np.int64)
    for row in values:
        keys = keys * base + (row + 1)
    _, first, counts = np.unique(keys, return_index=True, return_counts=True)
    return dict(zip(map(tuple, values[:, first].T.tolist()), counts.tolist(), strict=True))


def _matrix(counts: Counter[Column], rows: int) -> tuple[IntArray, IntArray]:
    """The columns of ``counts`` as a rows x columns array, and their counts as weights; a
    column no token has (a document without tokens) is none."""
    counts = +counts
    columns = np.array(list(counts), dtype=np.int64).reshape(-1, rows).T
    return np.ascontiguousarray(columns), np.array(list(counts.values()), dtype=np.int64)
