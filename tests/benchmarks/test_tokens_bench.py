"""How fast ``core.tokens`` cuts 1,000 documents of 3,000 characters of real Arabic news text,
beside the tokenizer it replaced and camel-tools' ``simple_word_tokenize`` called directly.

The text: the shared corpora's sentences with their punctuation glued to the words, as news is
written, then the seed articles' paragraphs, round again as often as 1,000 documents need. Run
with ``uv run pytest -m benchmark -s tests/benchmarks/test_tokens_bench.py``; the figures are
printed (processor time, which other programs on a shared machine inflate less than wall-clock
time, and wall-clock time beside it).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import lru_cache

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charsets import EMOJI_ALL_CHARSET, UNICODE_PUNCT_SYMBOL_CHARSET

from tests.benchmarks.conftest import seed_paragraphs
from tests.conftest import SHARED_DIR
from tests.core.tokens_reference import (
    CORPUS_FILES,
    camel_tools_tokens,
    corpus_sentences,
    documents,
)
from workbench.core.tokens import Token, token_columns, token_offsets, token_ranges, tokenize, warm_up

DOCUMENTS = 1000
CHARACTERS = 3000
ROUNDS = 3

# ---- the tokenizer this one replaced (workbench/core/tokens.py up to commit c6d6340) ----------
# camel-tools on each whitespace-delimited chunk holding a character it may cut, the chunk's
# pieces cached; its fallback for tokens that do not concatenate to the chunk never ran.

_CHUNK = re.compile(r"\S+")
_CUT_STARTS = frozenset(symbol[0] for symbol in UNICODE_PUNCT_SYMBOL_CHARSET | EMOJI_ALL_CHARSET)


def old_tokenize(text: str) -> list[Token]:
    return [Token(start, end, text[start:end]) for start, end in old_token_ranges(text)]


def old_token_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for chunk in _CHUNK.finditer(text):
        chunk_start, chunk_text = chunk.start(), chunk.group()
        if _CUT_STARTS.isdisjoint(chunk_text):
            ranges.append((chunk_start, chunk.end()))
        else:
            ranges.extend(
                (chunk_start + piece_start, chunk_start + piece_end)
                for piece_start, piece_end in _old_chunk_pieces(chunk_text)
            )
    return ranges


@lru_cache(maxsize=65536)
def _old_chunk_pieces(chunk: str) -> tuple[tuple[int, int], ...]:
    pieces: list[tuple[int, int]] = []
    position = 0
    for word in simple_word_tokenize(chunk):
        assert chunk.startswith(word, position)
        pieces.append((position, position + len(word)))
        position += len(word)
    return tuple(pieces)


# ---- the measurement ------------------------------------------------------------------------


def news_documents() -> tuple[list[str], str]:
    """1,000 documents of about 3,000 characters, and where their text comes from."""
    corpora = [SHARED_DIR / "corpora" / name for name in CORPUS_FILES]
    corpora = [path for path in corpora if path.is_file()]
    lines = [sentence for path in corpora for sentence in corpus_sentences(path, glued=True)]
    lines += seed_paragraphs()
    source = f"{len(corpora)} corpora and the seed articles, {sum(map(len, lines)):,} characters"
    return list(documents(lines, CHARACTERS, DOCUMENTS)), source


def seconds(action: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """Processor and wall-clock seconds to run ``action`` on every text."""
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        action(text)
    return time.process_time() - cpu, time.perf_counter() - wall


@pytest.mark.benchmark
def test_tokens_speed_against_the_old_tokenizer_and_camel_tools() -> None:
    texts, source = news_documents()
    warm_up()
    for text in texts:
        assert tokenize(text) == camel_tools_tokens(text) == old_tokenize(text)
    contenders: dict[str, Callable[[str], object]] = {
        "camel-tools simple_word_tokenize (strings, no offsets)": simple_word_tokenize,
        "old tokenize": old_tokenize,
        "old token_ranges": old_token_ranges,
        "new tokenize": tokenize,
        "new token_ranges": token_ranges,
        "new token_columns (starts, ends, texts)": token_columns,
        "new token_offsets (an array, what the token cache stores)": token_offsets,
    }
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    wall: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(ROUNDS):
        for name, action in contenders.items():
            _old_chunk_pieces.cache_clear()  # as in a new process
            round_cpu, round_wall = seconds(action, texts)
            cpu[name].append(round_cpu * 1000 / len(texts))
            wall[name].append(round_wall * 1000 / len(texts))
    average = sum(map(len, texts)) / len(texts)
    print(f"\n{len(texts):,} documents, {average:,.0f} characters on average ({len(set(texts)):,}"
          f" distinct; text from {source}); ms per document, best of {ROUNDS} (the old"
          " tokenizer's chunk cache emptied before each round):")  # fmt: skip
    for name in contenders:
        print(f"  {name:55} CPU {min(cpu[name]):.3f} (up to {max(cpu[name]):.3f}), "
              f"wall {min(wall[name]):.3f} (up to {max(wall[name]):.3f})")  # fmt: skip
    camel = "camel-tools simple_word_tokenize (strings, no offsets)"
    for new in [name for name in contenders if name.startswith("new")]:
        than_old, than_camel = min(cpu["old tokenize"]) / min(cpu[new]), min(cpu[camel]) / min(cpu[new])
        print(f"  {new}: {than_old:.1f} times faster than the old tokenize, {than_camel:.1f} times"
              " faster than camel-tools (CPU; the target: 10)")  # fmt: skip
