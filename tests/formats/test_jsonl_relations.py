"""Relations and document labels through the JSONL format (issue 14, point 4): exported,
imported into a new project and exported again byte for byte; bad references refused in one
line naming the file and the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli as run
from tests.e2e.test_cli import project  # noqa: F401 (a fixture)
from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.model import AnnotatedDocument, AnnotationSet, Relation, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "قال أحمد إن داعش في الموصل"
SPANS = [
    {"id": "s1", "start": 4, "end": 8, "label": "PER", "text": "أحمد", "annotator": "amal",
     "attributes": {"mention_level": "NAM"}},
    {"id": "s2", "start": 12, "end": 16, "label": "ORG", "text": "داعش", "annotator": "amal",
     "attributes": {"mention_level": "NAM"}},
    {"id": "s3", "start": 20, "end": 26, "label": "GPE", "text": "الموصل", "annotator": "amal",
     "attributes": {"mention_level": "NAM"}},
]  # fmt: skip
RELATIONS = [
    {"id": "r1", "type": "member-of", "from": "s1", "to": "s2", "annotator": "amal",
     "attributes": {"membership_status": "former"}},
    {"id": "r2", "type": "located-in", "from": "s2", "to": "s3", "annotator": "amal",
     "attributes": {}},
]  # fmt: skip
LABELS = {"amal": {"relevance": "relevant", "topic": ["terrorism", "armed_conflict"]},
          "omar": {"country": "IQ"}}  # fmt: skip


def record(**fields: Any) -> dict[str, Any]:
    return {"name": "d", "text": TEXT, "spans": SPANS, "relations": RELATIONS,
            "document_labels": LABELS} | fields  # fmt: skip


def write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def new_project(path: Path) -> Project:
    return Project.create(path, builtin_schema("conflict-news"))


def test_relations_and_labels_round_trip_exactly(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", record())
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with new_project(tmp_path / "a.tawsim") as one:
        summary = import_paths(one, [source])
        assert summary.relations == 2
        export_project(one, first, format_name="jsonl", source="all")
    written = json.loads(first.read_text(encoding="utf-8"))
    assert written["relations"] == RELATIONS
    assert written["document_labels"] == LABELS
    with new_project(tmp_path / "b.tawsim") as two:
        import_paths(two, [first])
        [document] = two.documents()
        amal = two.annotation_set(document.id, "amal")
        assert amal is not None
        assert amal.relations == (
            Relation("r1", "member-of", "s1", "s2", {"membership_status": "former"}),
            Relation("r2", "located-in", "s2", "s3"),
        )
        assert amal.document_labels == {
            "relevance": "relevant", "topic": ("terrorism", "armed_conflict"),
        }
        export_project(two, second, format_name="jsonl", source="all")
    assert second.read_bytes() == first.read_bytes()


def test_a_document_without_them_is_written_as_before(tmp_path: Path) -> None:
    with new_project(tmp_path / "a.tawsim") as one:
        spans = (Span("s1", 4, 8, "PER", "أحمد"),)
        one.add_documents([AnnotatedDocument(make_document("d", TEXT), (AnnotationSet("amal", spans),))])
        out = tmp_path / "out.jsonl"
        export_project(one, out, format_name="jsonl", source="all")
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "relations" not in written and "document_labels" not in written


REFUSED = {
    "unknown end": (record(relations=[RELATIONS[0] | {"to": "nowhere"}]),
                    "relation r1: its 'to' end 'nowhere' is not a span of the set"),
    "other annotator's span": (record(relations=[RELATIONS[0] | {"annotator": "omar"}]),
                               "'omar': relation r1: its 'from' end 's1' is not a span of the set"),
    "unknown type": (record(relations=[RELATIONS[0] | {"type": "married-to"}]),
                     "no relation type 'married-to'"),
    "no type": (record(relations=[{"id": "r9", "from": "s1", "to": "s2"}]),
                'relation r9 has no "type"'),
    "not an object": (record(relations=["r1"]), "each relation must be a JSON object"),
    "bad attribute": (record(relations=[RELATIONS[0] | {"attributes": {"membership_status": "x"}}]),
                      "cannot be 'x'"),
    "unknown field": (record(document_labels={"amal": {"mood": "calm"}}),
                      "no document-label field 'mood'"),
    "unknown value": (record(document_labels={"amal": {"relevance": "maybe"}}),
                      "the document label 'relevance' cannot be 'maybe'"),
    "list for one": (record(document_labels={"amal": {"relevance": ["relevant"]}}),
                     "'relevance' takes one value, not a list"),
    "number": (record(document_labels={"amal": {"relevance": 1}}),
               "'relevance' must be a value or a list of values"),
    "not fields": (record(document_labels={"amal": ["relevant"]}),
                   '"document_labels" of \'amal\' must be an object of fields'),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSED)
def test_bad_relations_and_labels_are_refused_naming_the_file_and_line(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    bad, expected = REFUSED[case]
    good = {"name": "good", "text": TEXT + " "}
    source = write_jsonl(tmp_path / "in.jsonl", good, bad)
    code, _, err = run(capsys, "import", project, source)
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith(f"workbench: error: {source}, line 2: ")
    assert expected in err
