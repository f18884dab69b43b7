"""How long each exporter takes on 10,000 documents of 3,000 characters with 30 spans each.

The requirement: under 30 s in any format. Run with ``uv run pytest -m benchmark -s
tests/benchmarks/test_export_bench.py``; the figures are printed. The documents are handed to
the exporters directly, without a project, so their tokens are cut afresh (``core.tokens``);
exports from a project read them from its token cache (``test_scale_bench``).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    make_document,
    new_id,
)
from workbench.core.schema import builtin_schema
from workbench.core.tokens import sentence_spans, tokenize
from workbench.formats import exporter
from workbench.formats.base import ExportOptions

DOCUMENTS = 10_000
CHARACTERS = 3_000
SPANS = 30
LIMIT_SECONDS = 30.0

SAMPLE = """قال مسؤول أمني إن قوات الأمن العراقية اعتقلت خمسة مسلحين ينتمون إلى تنظيم داعش في
محافظة نينوى بعد عملية استمرت ساعات وأضاف أن العملية جاءت بناء على معلومات استخباراتية دقيقة
حول تحركات الخلية في المنطقة الصحراوية غرب الموصل والتي شهدت هجمات متكررة خلال الأشهر الماضية"""
WORDS = SAMPLE.split()
ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "DATE")


def _text(rng: random.Random) -> str:
    words: list[str] = []
    length = 0
    while length < CHARACTERS:
        word = rng.choice(WORDS) + ("." if rng.random() < 0.08 else "")
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:CHARACTERS].rstrip() + "."


def _document(number: int, rng: random.Random) -> AnnotatedDocument:
    text = _text(rng)
    tokens = [t for t in tokenize(text) if t.text != "."]
    starts = sorted(rng.sample(range(len(tokens) - 3), SPANS - 2))
    spans = []
    for index in starts:
        last = tokens[index + rng.randint(0, 2)]
        first = tokens[index]
        spans.append(
            Span(
                new_id(),
                first.start,
                last.end,
                rng.choice(ENTITY_LABELS),
                text[first.start : last.end],
            )
        )
    trigger_token = tokens[-2]
    trigger = Span(
        new_id(), trigger_token.start, trigger_token.end, "Conflict.Attack", trigger_token.text
    )
    nested = Span(new_id(), spans[0].start, spans[0].end, "NORP", spans[0].text)
    event = Event(
        new_id(), "Conflict.Attack", trigger.id, (Argument("Attacker", span_id=spans[-1].id),)
    )
    annotations = AnnotationSet("gold", spans=(*spans, nested, trigger), events=(event,))
    return AnnotatedDocument(make_document(f"doc-{number:05d}", text), (annotations,))


@pytest.fixture(scope="module")
def documents() -> list[AnnotatedDocument]:
    rng = random.Random(7)
    return [_document(number, rng) for number in range(DOCUMENTS)]


@pytest.mark.benchmark
@pytest.mark.parametrize("format_name", ["jsonl", "conll", "brat", "hf", "events"])
@pytest.mark.parametrize("split", [None, (80, 10, 10)], ids=["whole", "split"])
def test_export_speed(
    documents: list[AnnotatedDocument],
    format_name: str,
    split: tuple[int, int, int] | None,
    tmp_path: Path,
) -> None:
    """Checks the processor time, which other programs running on the machine do not inflate;
    the wall-clock time is printed beside it."""
    options = ExportOptions(schema=builtin_schema("conflict-news"), split=split)
    out = tmp_path / ("out" if split or format_name in ("brat", "hf") else f"out.{format_name}")
    wall, cpu = time.perf_counter(), time.process_time()
    exporter(format_name)(documents, out, options)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"\n{format_name:7} {'split' if split else 'whole':5}: {DOCUMENTS} documents, "
        f"{DOCUMENTS * SPANS} spans: {cpu:.1f} s processor time, {wall:.1f} s wall-clock "
        f"({DOCUMENTS / cpu:,.0f} documents/s)"
    )
    assert cpu < LIMIT_SECONDS


@pytest.mark.benchmark
def test_tokenizing_alone_for_reference(documents: list[AnnotatedDocument]) -> None:
    """The share of the export time that goes to camel-tools tokens and sentence breaks."""
    wall, cpu = time.perf_counter(), time.process_time()
    for annotated in documents:
        tokenize(annotated.document.text)
        sentence_spans(annotated.document.text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"\ntokens and sentences alone: {cpu:.1f} s processor time, {wall:.1f} s wall-clock")
    assert cpu < LIMIT_SECONDS
