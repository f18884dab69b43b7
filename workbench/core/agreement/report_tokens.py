"""The report's token section: Cohen's and Fleiss' kappa and Krippendorff's alpha over the
corpus's tokens laid end to end (``_TokenStudy``), with the per-label "label vs not" studies.

A token is a column of values, one per annotator, and the coefficients are sums over columns, so
the study keeps each distinct column once with the number of tokens that have it (a corpus of
millions of tokens has a few hundred distinct columns), counted as the documents come
(``TokenCounter``), a batch of documents at a time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .coding import cohen_kappa, fleiss_kappa, krippendorff_alpha, labelled_units
from .documents import EntitySpan, TokenBounds
from .report_sections import _mean_sd_over_pairs
from .token_units import MISSING, Codebook, IntArray, token_values
from .values import Score, pair_key

TOKEN_VALUE_RULE = (
    "label of the annotator's longest entity span overlapping the token, 'O' if none; equally "
    "long spans with different labels give their labels sorted and joined by '|'; tokens of a "
    "document the annotator has not finished are missing. 'labelled_only' keeps the tokens to "
    "which at least one annotator of the study gave a value other than 'O'"
)


def _token_section(
    study: _TokenStudy, pairs: list[tuple[str, str]], annotators: list[str], tokenizer: str
) -> dict[str, Any]:
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

BATCH_TOKENS = 1 << 17
"""Tokens (one copy per finished annotator) gathered before their values are computed and
counted in one go: numpy's cost per call spreads over many documents, and memory stays bounded."""


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


@dataclass(frozen=True, slots=True)
class _PendingDocument:
    tokens: TokenBounds
    text_length: int
    pattern: Column
    entities: list[Sequence[EntitySpan]]  # of the finished annotators, in the study's order


class TokenCounter:
    """The token study, counted as documents come (``add``) and finished by ``study``.

    Documents wait in a batch of about ``BATCH_TOKENS`` tokens. The batch's documents are then
    laid end to end, once per annotator who finished each, so that one call of
    :func:`token_values` gives every value and every (token, label) overlap of the batch; the
    values become columns (annotators x the batch's tokens) and the overlaps the per-label
    studies' columns, and each is counted per distinct column."""

    def __init__(
        self, annotators: Sequence[str], codebook: Codebook, batch_tokens: int = BATCH_TOKENS
    ) -> None:
        self.annotators = list(annotators)
        self.codebook = codebook
        self.batch_tokens = batch_tokens
        self.counts: Counter[Column] = Counter()
        self.patterns: Counter[Column] = Counter()
        self.labelled: dict[str, Counter[Column]] = {}
        self.labelled_by_pattern: dict[str, Counter[Column]] = {}
        self._pending: list[_PendingDocument] = []
        self._pending_tokens = 0

    def add(
        self,
        tokens: TokenBounds,
        text_length: int,
        entities: Mapping[str, Sequence[EntitySpan]],
    ) -> None:
        """One document: its tokens and the entity spans of the annotators who finished it."""
        pattern = tuple(0 if a in entities else MISSING for a in self.annotators)
        self.patterns[pattern] += len(tokens)
        if not entities:
            self.counts[pattern] += len(tokens)
            return
        found = [entities[a] for a in self.annotators if a in entities]
        self._pending.append(_PendingDocument(tokens, text_length, pattern, found))
        self._pending_tokens += len(tokens) * len(found)
        if self._pending_tokens >= self.batch_tokens:
            self._flush()

    def study(self) -> _TokenStudy:
        self._flush()
        columns, weights = _matrix(self.counts, len(self.annotators))
        return _TokenStudy(
            columns, weights, self.patterns, self.labelled, self.labelled_by_pattern
        )

    def _flush(self) -> None:
        batch, self._pending, self._pending_tokens = self._pending, [], 0
        if not batch:
            return
        laid = _LaidOut(batch, self.codebook)
        found = token_values(*laid.spans, *laid.tokens, self.codebook)
        patterns = np.array([d.pattern for d in batch], dtype=np.int64).reshape(len(batch), -1)
        values = patterns[laid.document_of_column].T.copy()  # MISSING or 0 (finished)
        values[laid.row_of_copy[laid.copy_of_token], laid.column_of_token] = found.codes
        self.counts.update(_column_counts(values))
        if found.overlap_tokens.size == 0:
            return
        # each distinct (label, token of the batch) some span of the label overlaps
        columns = laid.column_of_token[found.overlap_tokens]
        pairs, which = np.unique(
            found.overlap_labels * values.shape[1] + columns, return_inverse=True
        )
        labels, columns = np.divmod(pairs, values.shape[1])
        overlapped = patterns[laid.document_of_column[columns]].T.copy()
        self._count_by_label(self.labelled_by_pattern, labels, overlapped)
        overlapped[laid.row_of_copy[laid.copy_of_token[found.overlap_tokens]], which] = 1
        self._count_by_label(self.labelled, labels, overlapped)

    def _count_by_label(
        self, into: dict[str, Counter[Column]], labels: IntArray, columns: IntArray
    ) -> None:
        for (code, *column), count in _column_counts(np.vstack([labels, columns])).items():
            into.setdefault(self.codebook.values[code], Counter())[tuple(column)] += count


class _LaidOut:
    """A batch of documents laid end to end, one copy of a document per annotator who finished
    it (each copy starts one position after the previous one ends, so no span reaches into
    another copy): the arrays :func:`token_values` takes, and where each copy's token lies in
    the batch's columns (one column per token of the batch's documents)."""

    def __init__(self, batch: Sequence[_PendingDocument], codebook: Codebook) -> None:
        token_counts = np.array([len(d.tokens) for d in batch], dtype=np.int64)
        bounds = np.concatenate([d.tokens for d in batch])
        first_column = np.cumsum(token_counts) - token_counts
        self.document_of_column = np.repeat(np.arange(len(batch)), token_counts)
        document_of_copy = np.repeat(np.arange(len(batch)), [len(d.entities) for d in batch])
        self.row_of_copy = np.array(
            [row for d in batch for row, p in enumerate(d.pattern) if p != MISSING],
            dtype=np.int64,
        )
        lengths = np.array([d.text_length + 1 for d in batch], dtype=np.int64)[document_of_copy]
        copy_start = np.cumsum(lengths) - lengths  # where each copy begins
        copy_tokens = token_counts[document_of_copy]
        self.copy_of_token = np.repeat(np.arange(copy_tokens.size), copy_tokens)
        within = np.arange(self.copy_of_token.size) - np.repeat(
            np.cumsum(copy_tokens) - copy_tokens, copy_tokens
        )
        self.column_of_token = first_column[document_of_copy][self.copy_of_token] + within
        shift = copy_start[self.copy_of_token]
        self.tokens = (
            bounds[self.column_of_token, 0] + shift,
            bounds[self.column_of_token, 1] + shift,
        )
        spans = [s for d in batch for found in d.entities for s in found]
        span_counts = [len(found) for d in batch for found in d.entities]
        span_shift = np.repeat(copy_start, span_counts)
        self.spans = (
            np.fromiter((s for s, _, _ in spans), dtype=np.int64, count=len(spans)) + span_shift,
            np.fromiter((e for _, e, _ in spans), dtype=np.int64, count=len(spans)) + span_shift,
            np.fromiter(
                (codebook.code(label) for _, _, label in spans), dtype=np.int64, count=len(spans)
            ),
        )


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
