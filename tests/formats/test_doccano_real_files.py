"""doccano's own export examples (tests/data/doccano): relations counted, comments and meta keys
kept in the document's metadata, nothing dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.errors import InputError
from workbench.core.schema import Schema
from workbench.formats import doccano
from workbench.formats.base import ImportOptions
from workbench.formats.doccano import COMMENTS_KEY
from workbench.formats.report import FormatReport, Issue
from workbench.store.project import Project

DATA = Path(__file__).resolve().parents[1] / "data" / "doccano"
LABELS = {"PERSON": "PER", "MISC": "NORP"}


def read(path: Path, schema: Schema, report: FormatReport | None = None) -> list:  # type: ignore[type-arg]
    return list(doccano.read([path], ImportOptions(schema=schema, label_map=LABELS), report=report))


def test_relations_of_the_relation_export_are_counted(conflict_news: Schema) -> None:
    report = FormatReport()
    [document] = read(DATA / "relation_extraction.jsonl", conflict_news, report)
    assert [(s.label, s.text) for s in document.sets[0].spans] == [
        ("ORG", "Google"),
        ("DATE", "September 4, 1998"),
        ("PER", "Larry Page"),
        ("PER", "Sergey Brin"),
    ]  # fmt: skip
    assert report.counts == {Issue.SKIPPED_ANNOTATION: 3}
    assert [m.split(": ", 1)[1] for m in report.messages] == [
        "a relation 'foundedAt' (the schema has no such relation type)",
        "a relation 'foundedBy' (the schema has no such relation type)",
        "a relation 'foundedBy' (the schema has no such relation type)",
    ]


def test_comments_and_meta_keys_go_to_the_documents_metadata(conflict_news: Schema) -> None:
    first, second = read(DATA / "arabic_export.jsonl", conflict_news)
    assert first.document.metadata == {
        "source": "ina.iq",
        "published": "2024-03-01",
        COMMENTS_KEY: ["تحقق من التاريخ", "المصدر: وكالة الأنباء"],
    }
    assert second.document.metadata == {"source": "ina.iq"}


def test_comments_of_the_relation_export_and_a_meta_object_are_read(
    conflict_news: Schema, tmp_path: Path
) -> None:
    path = tmp_path / "d.jsonl"
    record = {"text": "زار محمد", "entities": [], "relations": [],
              "Comments": [{"id": 3, "comment": "راجع"}], "meta": {"batch": 2}}  # fmt: skip
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [document] = read(path, conflict_news)
    assert document.document.metadata == {"batch": 2, COMMENTS_KEY: ["راجع"]}


def test_a_comment_that_is_not_text_is_refused(conflict_news: Schema, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "زار محمد", "Comments": [5]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1: 5 is not a comment"):
        read(path, conflict_news)


def test_the_metadata_survives_the_project_and_the_jsonl_export(
    conflict_news: Schema, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "p.tawsim", conflict_news) as project:
        import_paths(project, [DATA / "arabic_export.jsonl"], format_name="doccano")
        export_project(project, tmp_path / "out.jsonl", format_name="jsonl", source="imported")
    records = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert records[0]["metadata"][COMMENTS_KEY] == ["تحقق من التاريخ", "المصدر: وكالة الأنباء"]
    assert records[0]["metadata"]["published"] == "2024-03-01"


def test_doccanos_sequence_labelling_example_imports(conflict_news: Schema) -> None:
    report = FormatReport()
    documents = read(DATA / "sequence_labeling.jsonl", conflict_news, report)
    assert [[(s.label, s.text) for s in d.sets[0].spans] for d in documents] == [
        [("ORG", "EU"), ("NORP", "German")], [("PER", "Peter Blackburn")], [("PER", "Obama")],
    ]  # fmt: skip
    assert not report.counts
