"""Importing through the app: each annotation set is checked once on its way in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.app.importing import import_paths
from workbench.core import import_checks
from workbench.core.model import AnnotationSet
from workbench.core.schema import Schema
from workbench.store.project import Project


def test_a_jsonl_import_walks_each_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, conflict_news: Schema
) -> None:
    """The reader checks each set (to name the line), the store checks it again (whoever hands
    it over): the second check is a lookup (issue 16, point 2)."""
    walked: list[str] = []
    first_problem = import_checks._first_problem

    def counted(text: str, annotations: AnnotationSet, schema: Schema) -> str | None:
        walked.append(annotations.annotator)
        return first_problem(text, annotations, schema)

    monkeypatch.setattr(import_checks, "_first_problem", counted)
    source = tmp_path / "in.jsonl"
    records = [
        {"text": f"قال محمد {n}", "spans": [
            {"start": 4, "end": 8, "label": "PER", "text": "محمد", "annotator": who}
            for who in ("amal", "badr")]}
        for n in range(100)
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Project.create(tmp_path / "p.tawsim", conflict_news) as project:
        summary = import_paths(project, [source], format_name="jsonl")
    assert summary.spans == 200
    assert len(walked) == 200
