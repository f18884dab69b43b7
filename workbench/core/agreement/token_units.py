"""Token units: the value each annotator gives each token (MEASURES.md §3.1).

A token's value for an annotator who finished the document is the label of that annotator's
**longest** entity span overlapping the token (sharing at least one character), or ``"O"`` when
no span overlaps it. When several longest spans with different labels overlap the token (nested
or overlapping spans of equal length), the value is the composite of their labels, sorted and
joined by ``"|"`` (e.g. ``"GPE|PER"``), option (a) of MEASURES.md §3.1: the token is one unit
with one value, and a tie is neither label alone. Tokens of a document the annotator has not
finished are missing, never ``"O"``.

For the per-label binary studies (option (b) of §3.1, which handle nesting exactly) a token is
``1`` for label ``L`` when any of the annotator's ``L`` spans overlaps it, else ``0``.

Values are integer codes (``"O"`` is 0, missing is :data:`MISSING`), computed with numpy over the
whole corpus at once: no loop over characters, tokens or documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .documents import EntitySpan

OUTSIDE = "O"
COMPOSITE_SEPARATOR = "|"
MISSING = -1

IntArray = npt.NDArray[np.int64]
CodeArray = npt.NDArray[np.signedinteger[Any]]
"""Codes or token indexes in whatever width holds them (``spans_token_values`` narrows them)."""
BoolArray = npt.NDArray[np.bool_]


class Codebook:
    """Integer codes of token values, shared by all annotators of a study; ``"O"`` is 0."""

    def __init__(self) -> None:
        self.values: list[str] = [OUTSIDE]
        self._codes: dict[str, int] = {OUTSIDE: 0}

    def code(self, value: str) -> int:
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.values)
            self.values.append(value)
        return code

    def __len__(self) -> int:
        return len(self.values)


@dataclass(frozen=True, slots=True)
class TokenValues:
    """One annotator's token values, and every (token, label) overlap for the per-label studies."""

    codes: CodeArray  # value code per token
    overlap_tokens: CodeArray  # token index of each span-token overlap
    overlap_labels: CodeArray  # label code of the span of each overlap


def token_values(
    span_starts: IntArray,
    span_ends: IntArray,
    span_labels: IntArray,
    token_starts: IntArray,
    token_ends: IntArray,
    codebook: Codebook,
) -> TokenValues:
    """Token values for one annotator, vectorised over any number of documents.

    Offsets may be global (documents laid end to end) as long as the tokens are sorted and do
    not overlap; ``span_labels`` are codes of plain labels in ``codebook``. Each span overlaps a
    run of tokens ``[first, stop)`` found by ``searchsorted``; the (token, span) overlaps are
    sorted by token, then longest span first, then label code, so each token's first entry is
    its value and an equally long entry with another label right behind it is a tie.
    """
    codes = np.zeros(token_starts.size, dtype=np.int64)
    first = np.searchsorted(token_ends, span_starts, side="right")  # first token ending after
    stop = np.searchsorted(token_starts, span_ends, side="left")  # first token starting at/after
    runs = np.maximum(stop - first, 0)
    total = int(runs.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return TokenValues(codes, empty, empty)
    span_of = np.repeat(np.arange(span_starts.size), runs)
    tokens = first[span_of] + np.arange(total) - np.repeat(np.cumsum(runs) - runs, runs)
    lengths = (span_ends - span_starts)[span_of]
    labels = span_labels[span_of]
    order = np.lexsort((labels, -lengths, tokens))
    tokens, lengths, labels = tokens[order], lengths[order], labels[order]
    head = np.ones(total, dtype=bool)
    head[1:] = tokens[1:] != tokens[:-1]
    codes[tokens[head]] = labels[head]
    head_index = np.maximum.accumulate(np.where(head, np.arange(total), 0))
    tie = ~head & (lengths == lengths[head_index]) & (labels != labels[head_index])
    for start in np.unique(head_index[tie]):
        end = start
        while end < total and tokens[end] == tokens[start] and lengths[end] == lengths[start]:
            end += 1
        tied = sorted({codebook.values[c] for c in labels[start:end]})
        codes[tokens[start]] = codebook.code(COMPOSITE_SEPARATOR.join(tied))
    return TokenValues(codes, tokens, labels)


def spans_token_values(
    spans: Sequence[EntitySpan], token_starts: IntArray, token_ends: IntArray, codebook: Codebook
) -> TokenValues:
    """One annotator's token values on one document, in the narrowest integers that hold the
    codebook's codes so far: a corpus's studies keep them per document until the report."""
    result = token_values(
        np.array([s for s, _, _ in spans], dtype=np.int64),
        np.array([e for _, e, _ in spans], dtype=np.int64),
        np.array([codebook.code(label) for _, _, label in spans], dtype=np.int64),
        token_starts,
        token_ends,
        codebook,
    )
    codes = np.int16 if len(codebook) <= np.iinfo(np.int16).max else np.int32
    return TokenValues(
        result.codes.astype(codes),
        result.overlap_tokens.astype(np.int32),
        result.overlap_labels.astype(codes),
    )


def document_token_values(
    spans: Sequence[EntitySpan], tokens: Sequence[tuple[int, int]]
) -> list[str]:
    """The value of each token of one document for one annotator (e.g. ``["O", "PER", ...]``)."""
    codebook = Codebook()
    bounds = np.array(tokens, dtype=np.int64).reshape(-1, 2)
    result = spans_token_values(spans, bounds[:, 0], bounds[:, 1], codebook)
    return [codebook.values[c] for c in result.codes]
