"""A document as the token-based exports see it: tokens, sentence breaks, spans over tokens.

- Tokens: the document's own token layer when it has one (kept from a CoNLL import), else the
  camel-tools tokens of ``core.tokens.tokenize``; with ``split_clitics``, proclitics are then split
  off (``clitics``).
- Sentences: for a document with its own tokens, its lines (the CoNLL importer writes one sentence
  per line); else those of ``core.tokens.sentence_spans`` (found from ``sentence_breaks``). A
  token belongs to the sentence it starts in.
- Spans: a span becomes the tokens it touches. One that starts or ends inside a token is widened
  to the whole token, and one that touches no token (only whitespace) cannot be tagged; both are
  counted in the report, never dropped silently.
- Segments: the sentences, joined where a span (or anything else that must stay in one piece,
  such as an event with its arguments) crosses a sentence break, so that no tag sequence and no
  event is cut in two.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from workbench.core.errors import WorkbenchError
from workbench.core.model import Document, Span
from workbench.core.tokens import TextTokens, Token, text_tokens, token_strings
from workbench.formats.base import ExportOptions
from workbench.formats.clitics import split_proclitics
from workbench.formats.report import FormatReport, Issue

TokenRange = tuple[int, int]
"""A half-open range of token indices."""

Item = TypeVar("Item")


@dataclass(frozen=True)
class TokenizedDocument:
    """A document's tokens as three lists (starts, ends, texts) and its sentences."""

    document: Document
    sentence_starts: list[int]
    """The index of each sentence's first token, in order, starting with 0."""
    token_starts: list[int]
    token_ends: list[int]
    token_texts: list[str]

    @property
    def tokens(self) -> list[Token]:
        return list(map(Token._make, zip(self.token_starts, self.token_ends, self.token_texts, strict=True)))

    def token_range(self, span: Span, report: FormatReport, place: str) -> TokenRange | None:
        """The tokens ``span`` touches, widened to whole tokens; None when it touches none."""
        first = bisect.bisect_right(self.token_ends, span.start)
        past_last = bisect.bisect_left(self.token_starts, span.end)
        if first >= past_last:
            report.add(
                Issue.UNTAGGABLE_SPAN,
                f"{place}: span {span.id} [{span.start}, {span.end}) {span.label} covers no token",
            )
            return None
        if self.token_starts[first] != span.start or self.token_ends[past_last - 1] != span.end:
            widened = (self.token_starts[first], self.token_ends[past_last - 1])
            report.add(
                Issue.EXPANDED_SPAN,
                f"{place}: span {span.id} [{span.start}, {span.end}) {span.label} {span.text!r} "
                f"widened to the tokens at [{widened[0]}, {widened[1]})",
            )
        return first, past_last

    def segments(self, together: Iterable[TokenRange]) -> list[TokenRange]:
        """The sentences as token ranges, joined so that no range of ``together`` is cut: a
        sentence whose first token is inside a range (after the range's first token) starts no
        segment. Each range finds those sentences by bisection (a document has a few dozen
        ranges and hundreds of tokens, so no count over every token)."""
        count = len(self.token_starts)
        if count == 0:
            return []
        firsts = self.sentence_starts
        joined = [False] * len(firsts)
        for start, end in together:
            for sentence in range(bisect.bisect_right(firsts, start), bisect.bisect_left(firsts, end)):
                joined[sentence] = True
        starts = [first for first, inside in zip(firsts, joined, strict=True) if not inside]
        return list(zip(starts, [*starts[1:], count], strict=True))

    def by_segment(self, segments: Sequence[TokenRange], items: Iterable[tuple[int, Item]]) -> list[list[Item]]:
        """``items`` given with the index of their first token, grouped by the segment holding
        that token (``segments`` as ``segments`` returns them: in order, one after another
        from token 0), keeping their order."""
        firsts = [start for start, _ in segments]
        groups: list[list[Item]] = [[] for _ in segments]
        for token, item in items:
            groups[bisect.bisect_right(firsts, token) - 1].append(item)
        return groups

    def segment_text(self, segment: TokenRange) -> tuple[int, str]:
        """Where a segment starts in the document's text, and its text."""
        start, end = self.token_starts[segment[0]], self.token_ends[segment[1] - 1]
        return start, self.document.text[start:end]


def tokenized(document: Document, options: ExportOptions) -> TokenizedDocument:
    """``document`` as the token-based exports see it (module docstring); its tokens from
    ``options.text_tokens`` when it has no token layer of its own."""
    columns: _Columns
    if document.tokens is None:
        starts, ends, breaks = (options.text_tokens or _fresh_tokens)(document)
        columns = starts, ends, token_strings(document.text, starts, ends)
    else:
        columns = _columns(own_tokens(document))
        breaks = _line_starts(document.text)
    if options.split_clitics:
        columns = _columns(split_proclitics(list(map(Token._make, zip(*columns, strict=True)))))
    token_starts, token_ends, token_texts = columns
    return TokenizedDocument(
        document=document,
        sentence_starts=_first_tokens(token_starts, breaks),
        token_starts=token_starts,
        token_ends=token_ends,
        token_texts=token_texts,
    )


_Columns = tuple[list[int], list[int], list[str]]


def _columns(tokens: list[Token]) -> _Columns:
    return [t.start for t in tokens], [t.end for t in tokens], [t.text for t in tokens]


def _fresh_tokens(document: Document) -> TextTokens:
    return text_tokens(document.text)


def own_tokens(document: Document) -> list[Token]:
    """The document's own token layer; ``WorkbenchError`` when it does not fit the text."""
    tokens: list[Token] = []
    previous_end = 0
    for start, end in document.tokens or ():
        if not previous_end <= start < end <= len(document.text):
            raise WorkbenchError(
                f"document {document.name!r} ({document.id}): its token [{start}, {end}) is "
                "empty, out of order, overlaps the one before or lies outside the text"
            )
        tokens.append(Token(start, end, document.text[start:end]))
        previous_end = end
    return tokens


def _line_starts(text: str) -> list[int]:
    return [0, *(line_end.end() for line_end in re.finditer("\n", text))]


def _first_tokens(token_starts: Sequence[int], breaks: Sequence[int]) -> list[int]:
    """The index of the first token at or after each break, without repeats, from 0."""
    firsts = [0]
    for position in breaks:
        index = bisect.bisect_left(token_starts, position)
        if firsts[-1] < index < len(token_starts):
            firsts.append(index)
    return firsts
