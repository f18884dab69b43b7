"""Fidelity on real files: each file other tools wrote (tests/data, and the shared corpora when they
are beside the checkout) is imported into a project with ``--format auto`` where it can be, exported
in the format that keeps it, imported again into a new project: what came in, what was skipped
(counted) and what the round trip changed (nothing) are checked here. ``fidelity_row`` gives the
figures of one case, for the table in the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from tests.formats.builders import conll_rows, set_contents
from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.schema import Schema, builtin_schema, load_schema
from workbench.formats.report import FormatReport
from workbench.store.project import Project

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Case:
    source: str
    """A path under tests/data, or ``corpora/NAME`` for the shared corpora."""
    schema: str
    format_name: str
    """The import format (``auto`` to have it detected)."""
    export: str
    expected: tuple[int, int, int]
    """Documents, spans, events."""
    reported: int = 0
    """What the import counted: annotations skipped, tags repaired, columns not read."""
    label_map: dict[str, str] = field(default_factory=dict)
    annotator: str | None = None


CASES = [
    Case("brat/news", "brat-news", "auto", "brat", (5, 93, 22), reported=5),
    Case("labelstudio/ner_export.json", "generic", "auto", "jsonl", (1, 3, 0), reported=8,
         label_map={"Date": "MISC", "Organization": "ORG", "Location": "LOC"}),
    Case("labelstudio/result.conll", "generic", "auto", "conll", (1, 2, 0), reported=2,
         label_map={"Organization": "ORG", "Location": "LOC"}, annotator="gold"),
    Case("doccano/relation_extraction.jsonl", "conflict-news", "doccano", "jsonl", (1, 4, 0),
         reported=3, label_map={"PERSON": "PER"}),
    Case("doccano/sequence_labeling.jsonl", "conflict-news", "doccano", "jsonl", (3, 4, 0),
         label_map={"PERSON": "PER", "MISC": "NORP"}),
    Case("doccano/arabic_export.jsonl", "conflict-news", "doccano", "jsonl", (2, 3, 0)),
    Case("doccano/example.conll", "generic", "auto", "conll", (1, 2, 0), annotator="gold"),
    Case("corpora/wojood_sample_val.conll", "wojood", "auto", "conll", (1, 470, 0),
         annotator="gold"),
    Case("corpora/anercorp_test.conll", "wojood", "auto", "conll", (1, 2285, 0), reported=74,
         annotator="gold"),
]  # fmt: skip


def schema_of(name: str) -> Schema:
    path = DATA / "schemas" / f"{name}.yaml"
    return load_schema(path) if path.is_file() else builtin_schema(name)


def source_path(case: Case, shared: Path | None) -> Path:
    if case.source.startswith("corpora/"):
        if shared is None:
            pytest.skip("the shared corpora are not beside this checkout")
        return shared / case.source
    return DATA / case.source


def canonical(project: Project, with_names: bool) -> list[Any]:
    """Every document's text and sets, without ids, in text order."""
    documents = []
    for annotated in project.iter_annotated():
        sets = [set_contents(s) for s in sorted(annotated.sets, key=lambda s: s.annotator)]
        name = annotated.document.name if with_names else ""
        documents.append((name, annotated.document.text, annotated.document.metadata, sets))
    return sorted(documents, key=lambda document: document[1])


def fidelity_row(case: Case, folder: Path, shared: Path | None) -> dict[str, Any]:
    """Import, export, import again; the figures of each step."""
    schema = schema_of(case.schema)
    report = FormatReport()
    label_map = folder / "labels.tsv"
    label_map.write_text(
        "".join(f"{a}\t{b}\n" for a, b in case.label_map.items()), encoding="utf-8"
    )
    out = folder / f"export.{case.export}" if case.export != "brat" else folder / "export"
    with Project.create(folder / "first.tawsim", schema) as first:
        summary = import_paths(
            first, [source_path(case, shared)], format_name=case.format_name,
            annotator=case.annotator, report=report,
            label_map=label_map if case.label_map else None,
        )  # fmt: skip
        export_report = FormatReport()
        export_project(first, out, format_name=case.export, source="all", report=export_report)
        before = canonical(first, with_names=case.export != "conll")
    export_files = (
        sorted(out.rglob("*.conll")) if case.export == "conll" and out.is_dir() else [out]
    )
    with Project.create(folder / "second.tawsim", schema) as second:
        import_paths(second, export_files, format_name=case.export, annotator=case.annotator)
        after = canonical(second, with_names=case.export != "conll")
    return {
        "source": case.source,
        "in": (summary.documents_added, summary.spans, summary.events),
        "reported": sum(report.counts.values()),
        "report": report.summary(),
        "export_report": export_report.summary(),
        "changed": []
        if before == after
        else [b for b, a in zip(before, after, strict=False) if b != a],
        "export": out,
    }


@pytest.fixture
def shared(request: pytest.FixtureRequest) -> Path | None:
    try:
        return request.getfixturevalue("corpora").parent  # type: ignore[no-any-return]
    except pytest.skip.Exception:
        return None


@pytest.mark.parametrize("case", CASES, ids=[case.source for case in CASES])
def test_real_files_come_in_whole_and_round_trip_unchanged(
    case: Case, tmp_path: Path, shared: Path | None
) -> None:
    row = fidelity_row(case, tmp_path, shared)
    assert row["in"] == case.expected
    assert row["reported"] == case.reported, row["report"]
    assert row["changed"] == []
    assert row["export_report"] == []  # nothing widened, merged or left out on the way out


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.export == "conll"], ids=lambda case: case.source
)
def test_seqeval_reads_the_same_entities_from_the_export_as_from_the_source(
    case: Case, tmp_path: Path, shared: Path | None
) -> None:
    row = fidelity_row(case, tmp_path, shared)
    source = source_path(case, shared)
    mapped = {f"{p}-{a}": f"{p}-{b}" for a, b in case.label_map.items() for p in "BIES"}

    def entities(path: Path) -> list[tuple[str, int, int]]:
        rows = [r for sentence in conll_rows(path) for r in sentence if r[0] != "-DOCSTART-"]
        found: list[tuple[str, int, int]] = get_entities([mapped.get(r[-1], r[-1]) for r in rows])
        return found

    def outermost(path: Path) -> list[tuple[str, int, int]]:
        rows = [r for sentence in conll_rows(path) for r in sentence if r[0] != "-DOCSTART-"]
        found: list[tuple[str, int, int]] = get_entities([mapped.get(r[1], r[1]) for r in rows])
        return found

    written = outermost(row["export"])
    assert written == (
        outermost(source) if case.source.startswith("corpora/wojood") else entities(source)
    )


@pytest.mark.parametrize(
    "case", [c for c in CASES if not c.source.startswith("corpora/")], ids=lambda case: case.source
)
def test_datasets_loads_the_hf_export_with_every_span(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    label_map = tmp_path / "labels.tsv"
    label_map.write_text(
        "".join(f"{a}\t{b}\n" for a, b in case.label_map.items()), encoding="utf-8"
    )
    with Project.create(tmp_path / "p.tawsim", schema_of(case.schema)) as project:
        summary = import_paths(
            project, [DATA / case.source], format_name=case.format_name,
            label_map=label_map if case.label_map else None,
        )  # fmt: skip
        export_project(project, tmp_path / "hf", format_name="hf", source="all")
    loaded = datasets.load_dataset(str(tmp_path / "hf"), cache_dir=str(tmp_path / "cache"))
    triggers = summary.events  # the event triggers are spans, not entities
    assert sum(len(row["spans"]) for row in loaded["train"]) == summary.spans - triggers
