"""Importing through the app: each annotation set is checked once on its way in."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.app.importing import import_paths
from workbench.core import import_checks
from workbench.core.schema import Schema
from workbench.store.project import Project


@pytest.mark.parametrize("span_ids", [False, True], ids=["span by span", "plain spans"])
def test_a_jsonl_import_walks_each_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, conflict_news: Schema, span_ids: bool
) -> None:
    """The reader checks each set (to name the line), the store checks it again (whoever hands
    it over): the second check is a lookup (issue 16, point 2). Spans without ids are read span
    by span, spans with them as plain spans, each checked in its own way."""
    walked: list[str] = []
    for name in ("_first_problem", "_plain_spans_problem"):
        monkeypatch.setattr(import_checks, name, counting(getattr(import_checks, name), walked))
    source = tmp_path / "in.jsonl"
    records = [
        {"text": f"قال محمد {n}", "spans": [
            {"start": 4, "end": 8, "label": "PER", "text": "محمد", "annotator": who}
            | ({"id": f"{who}-{n}"} if span_ids else {})
            for who in ("amal", "badr")]}
        for n in range(100)
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Project.create(tmp_path / "p.tawsim", conflict_news) as project:
        summary = import_paths(project, [source], format_name="jsonl")
    assert summary.spans == 200
    assert len(walked) == 200


Check = Callable[[str, Any, Schema], "str | None"]


def counting(check: Check, walked: list[str]) -> Check:
    """``check`` (a set's check, given the text, the set and the schema), noting each set it walks."""

    def counted(text: str, annotations: Any, schema: Schema) -> str | None:
        walked.append(annotations.annotator)
        return check(text, annotations, schema)

    return counted
