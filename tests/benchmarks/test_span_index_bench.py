"""Visible-range queries of the span index on 10,000 spans over a million characters (and a
chapter of half of them), as every repaint of a long document asks them. Prints the time of one
query; ``tests/core/test_span_index.py`` checks that a query reads only the spans near it.

Run with: uv run pytest tests/benchmarks/test_span_index_bench.py -m benchmark -s
"""

from __future__ import annotations

import time

import pytest

from tests.core.test_span_index import large_index

pytestmark = pytest.mark.benchmark


def test_visible_range_queries() -> None:
    index = large_index()
    began = time.perf_counter()
    for start in range(0, 1_000_000, 1_000):
        index.overlapping(start, start + 3_000)
        index.levels(start, start + 3_000)
    per_query_ms = (time.perf_counter() - began) * 1000 / 1_000
    print(f"\nspan index, 10,001 spans over 1,000,000 code points: {per_query_ms:.3f} ms per visible-range query"
          " (overlapping and levels)")
