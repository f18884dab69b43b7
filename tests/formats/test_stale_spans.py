"""Every exporter refuses a span whose stored text no longer matches the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.builders import annotated, span_of
from workbench.core.model import Span, new_id
from workbench.core.schema import Schema
from workbench.formats import EXPORTERS, exporter
from workbench.formats.base import ExportOptions, StaleSpanError

MINE = ["conll", "brat", "hf", "events"]


def test_the_formats_are_registered() -> None:
    assert set(MINE) <= set(EXPORTERS)


@pytest.mark.parametrize("format_name", MINE)
def test_a_stale_span_is_refused_naming_the_document_and_the_span(
    conflict_news: Schema, tmp_path: Path, format_name: str
) -> None:
    text = "زار محمد بغداد"
    good = annotated(text, [span_of(text, "محمد", "PER")], name="good")
    stale = Span(new_id(), 4, 8, "PER", "علي")  # the text there is محمد
    bad = annotated(text, [stale], name="edited")
    with pytest.raises(StaleSpanError) as caught:
        exporter(format_name)([good, bad], tmp_path / "out", ExportOptions(schema=conflict_news))
    message = str(caught.value)
    assert "document 'edited'" in message and stale.id in message and "'محمد'" in message
