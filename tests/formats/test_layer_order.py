"""Nested spans of the same extent keep the order of the source's layers, through the project file
and into every export (Wojood's ``كيلو B-UNIT B-QUANTITY``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.formats.builders import conll_rows, repaired_lines
from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.schema import builtin_schema
from workbench.formats.base import ExportOptions
from workbench.store.project import Project

SAME_EXTENT = "ووزنها O\nكيلو B-UNIT B-QUANTITY\n"
"""As in the Wojood sample (val, line 61): UNIT in the first column, QUANTITY in the second."""
LONGER_FIRST = "نصف B-QUANTITY\nكيلو I-QUANTITY B-UNIT\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("wojood")) as project:
        yield project


def imported(project: Project, tmp_path: Path, text: str) -> None:
    source = tmp_path / "sample.conll"
    source.write_text(text, encoding="utf-8")
    import_paths(project, [source], format_name="conll", annotator="gold")


def test_conll_export_writes_the_columns_in_the_order_they_came_in(
    project: Project, tmp_path: Path
) -> None:
    imported(project, tmp_path, SAME_EXTENT)
    out = tmp_path / "out.conll"
    export_project(project, out, format_name="conll")
    assert out.read_text(encoding="utf-8").split("\n")[1] == "كيلو B-UNIT B-QUANTITY"

    outermost = tmp_path / "outermost.conll"
    options = ExportOptions(schema=project.schema, nested="outermost")
    export_project(project, outermost, format_name="conll", options=options)
    assert outermost.read_text(encoding="utf-8").split("\n")[1] == "كيلو B-UNIT"


def test_hf_jsonl_and_brat_exports_keep_the_order_too(project: Project, tmp_path: Path) -> None:
    imported(project, tmp_path, SAME_EXTENT)

    export_project(project, tmp_path / "hf", format_name="hf")
    [row] = [
        json.loads(line)
        for line in (tmp_path / "hf" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    names = json.loads((tmp_path / "hf" / "labels.json").read_text(encoding="utf-8"))
    assert names[row["ner_tags"][1]] == "B-UNIT"
    assert [span["label"] for span in row["spans"]] == ["UNIT", "QUANTITY"]

    export_project(project, tmp_path / "out.jsonl", format_name="jsonl")
    [record] = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [span["label"] for span in record["spans"]] == ["UNIT", "QUANTITY"]

    export_project(project, tmp_path / "brat", format_name="brat")
    [ann] = (tmp_path / "brat").rglob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[1].split()[0] for line in lines] == [
        "UNIT", "QUANTITY",
    ]  # fmt: skip


def test_the_wojood_sample_round_trips_through_a_project_unchanged(
    corpora: Path, project: Project, tmp_path: Path
) -> None:
    source = corpora / "wojood_sample_val.conll"
    import_paths(project, [source], format_name="conll", annotator="gold")
    out = tmp_path / "out.conll"
    export_project(project, out, format_name="conll")

    written = out.read_text(encoding="utf-8").split("\n")[:-1]
    assert "كيلو B-UNIT B-QUANTITY" in written
    assert written == repaired_lines(conll_rows(source))


def test_a_longer_span_still_comes_first(project: Project, tmp_path: Path) -> None:
    """Order by extent is kept: only spans of the same extent follow the source's order."""
    imported(project, tmp_path, LONGER_FIRST)
    out = tmp_path / "out.conll"
    export_project(project, out, format_name="conll")
    assert out.read_text(encoding="utf-8") == LONGER_FIRST + "\n"
