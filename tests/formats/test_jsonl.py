"""The JSONL exporter's files (the format's records are covered by the round-trip tests)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.formats.builders import annotated, span_of
from workbench.core.schema import builtin_schema
from workbench.formats import jsonl
from workbench.formats.base import EXPORT_MARK, ExportOptions

SCHEMA = builtin_schema("conflict-news")


def test_a_split_writes_one_jsonl_file_per_split(tmp_path: Path) -> None:
    texts = [f"زار محمد بغداد {number}" for number in range(20)]
    documents = [annotated(t, [span_of(t, "بغداد", "GPE")], name=f"d{n}") for n, t in enumerate(texts)]
    out = tmp_path / "out"
    jsonl.write(documents, out, ExportOptions(SCHEMA, split=(80, 10, 10), seed=3))
    records = {path.name: path.read_text(encoding="utf-8").splitlines() for path in out.glob("*.jsonl")}
    assert sorted(path.name for path in out.iterdir()) == sorted([*records, EXPORT_MARK])
    assert {name: len(lines) for name, lines in records.items()} == {
        "train.jsonl": 16, "validation.jsonl": 2, "test.jsonl": 2,
    }  # fmt: skip
    names = sorted(json.loads(line)["name"] for lines in records.values() for line in lines)
    assert names == sorted(f"d{number}" for number in range(20))


def test_without_a_split_one_file_is_written(tmp_path: Path) -> None:
    text = "زار محمد بغداد"
    out = tmp_path / "all.jsonl"
    jsonl.write([annotated(text, [span_of(text, "محمد", "PER")])], out, ExportOptions(SCHEMA))
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["spans"][0]["text"] == "محمد"
