"""What the tokenizer is checked and measured against: camel-tools' own tokens placed at their
offsets, and real Arabic text from the shared corpora and the seed articles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import cycle
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize

from tests.conftest import REPO_ROOT, printed_by_a_fresh_interpreter
from tests.formats.builders import conll_rows
from workbench.core.tokens import Token

CORPUS_FILES = [
    "anercorp_test.conll",
    "wojood_sample_train.conll",
    "wojood_sample_val.conll",
    "wojood_sample_test.conll",
    "newsfane_gold_2014.tsv",
]
_SPACE_BEFORE_CLOSER = re.compile(r" ([،؛؟.,:!)\]}»])")
_SPACE_AFTER_OPENER = re.compile(r"([(\[{«]) ")

CHARACTER_SETS = "camel_tools.utils.charsets"
"""camel-tools' module that builds sets of every Unicode character as it is imported (35 MB, up
to a second), which neither the tokenizer nor the search's folding needs."""


def run_fresh(code: str) -> tuple[list[str], set[str]]:
    """The lines ``code`` prints in a fresh interpreter, and the modules it holds by its end."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    *printed, modules = printed_by_a_fresh_interpreter(script)
    return printed, set(json.loads(modules))


def camel_tools_tokens(text: str) -> list[Token]:
    """camel-tools' ``simple_word_tokenize(text)``, each token placed at its first occurrence
    after the previous one, with only whitespace skipped between them."""
    tokens: list[Token] = []
    position = 0
    for word in simple_word_tokenize(text):
        start = text.find(word, position)
        assert start >= 0 and text[position:start].strip() == "", (text, word, position)
        tokens.append(Token(start, start + len(word), word))
        position = start + len(word)
    assert text[position:].strip() == "", (text, position)
    return tokens


def corpus_sentences(path: Path, glued: bool = False) -> list[str]:
    """The sentences of a CoNLL file, their tokens joined by spaces; ``glued``: punctuation
    joined to the word before it (or after it, for opening brackets), as news is written."""
    sentences = [" ".join(row[0] for row in rows) for rows in conll_rows(path)]
    if glued:
        sentences = [_glued(sentence) for sentence in sentences]
    return sentences


def seed_articles() -> list[str]:
    paths = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def documents(lines: Iterable[str], length: int, count: int | None = None) -> Iterator[str]:
    """Documents of consecutive lines, each a line longer than ``length`` at most; ``count``
    documents going round the lines again as often as needed, or one pass when None."""
    lines = list(lines)
    source = cycle(lines) if count is not None else iter(lines)
    made, current, size = 0, [], 0
    for line in source:
        current.append(line)
        size += len(line) + 1
        if size >= length:
            yield "\n".join(current)
            made, current, size = made + 1, [], 0
            if made == count:
                return
    if current:
        yield "\n".join(current)


def _glued(sentence: str) -> str:
    return _SPACE_AFTER_OPENER.sub(r"\1", _SPACE_BEFORE_CLOSER.sub(r"\1", sentence))
