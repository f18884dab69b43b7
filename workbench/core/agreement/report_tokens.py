"""The report's token section: Cohen's and Fleiss' kappa and Krippendorff's alpha over the
corpus's tokens laid end to end (``_TokenStudy``), with the per-label "label vs not" studies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .coding import cohen_kappa, fleiss_kappa, krippendorff_alpha, labelled_units
from .report_sections import _mean_sd_over_pairs, _Prepared
from .token_units import MISSING, CodeArray, Codebook, IntArray
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


def _token_study(
    documents: Sequence[_Prepared], annotators: list[str], codebook: Codebook
) -> _TokenStudy:
    """Token values of every annotator over the corpus, the documents laid end to end."""
    sizes = [d.token_count for d in documents]
    total = sum(sizes)
    values = np.full((len(annotators), total), MISSING, dtype=np.int64)
    finished = np.zeros((len(annotators), total), dtype=bool)
    overlaps: list[list[tuple[CodeArray, CodeArray]]] = [[] for _ in annotators]
    first = 0
    for document, size in zip(documents, sizes, strict=True):
        for row, annotator in enumerate(annotators):
            found = document.token_values.get(annotator)
            if found is None:
                continue
            values[row, first : first + size] = found.codes
            finished[row, first : first + size] = True
            if found.overlap_tokens.size:
                overlaps[row].append((found.overlap_tokens + first, found.overlap_labels))
        first += size
    members: dict[str, list[tuple[int, IntArray]]] = {}
    for row, found_by_document in enumerate(overlaps):
        if not found_by_document:
            continue
        tokens = np.concatenate([t for t, _ in found_by_document]).astype(np.int64)
        labels = np.concatenate([labels for _, labels in found_by_document]).astype(np.int64)
        order = np.argsort(labels, kind="stable")
        by_label = labels[order]
        breaks = np.flatnonzero(np.diff(by_label)) + 1
        for label_tokens, code in zip(
            np.split(tokens[order], breaks), by_label[np.r_[0, breaks]], strict=True
        ):
            members.setdefault(codebook.values[int(code)], []).append((row, label_tokens))
    patterns = [(d.token_count, tuple(a in d.entities for a in annotators)) for d in documents]
    return _TokenStudy(values, finished, patterns, members)
