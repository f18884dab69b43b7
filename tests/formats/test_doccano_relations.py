"""doccano's relation export comes in with its relations (issue 14, point 5), on doccano's own
example (tests/data/doccano/relation_extraction.jsonl, MIT)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.core.errors import InputError
from workbench.core.schema import Schema, load_schema
from workbench.formats import doccano
from workbench.formats.base import ImportOptions
from workbench.formats.report import FormatReport

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "doccano" / "relation_extraction.jsonl"
SCHEMA = """\
schema:
  id: founding
  version: 1
  name: {en: Founding, ar: تأسيس}
  entity_types:
    - {id: ORG, en: Organization, ar: منظمة, color: "#4363d8"}
    - {id: PER, en: Person, ar: شخص, color: "#e6194b"}
    - {id: DATE, en: Date, ar: تاريخ, color: "#42d4f4"}
  relations:
    - {id: founded-by, en: Founded by, ar: أسسه, from: [ORG], to: [PER]}
"""


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Schema:
    path = tmp_path_factory.mktemp("schema") / "founding.yaml"
    path.write_text(SCHEMA, encoding="utf-8")
    return load_schema(path)


def read(path: Path, schema: Schema, report: FormatReport | None = None) -> list[tuple[str, str, str]]:
    options = ImportOptions(schema=schema, label_map={"PERSON": "PER", "foundedBy": "founded-by"})
    [document] = doccano.read([path], options, report=report)
    [annotations] = document.sets
    texts = {span.id: span.text for span in annotations.spans}
    return [(r.type, texts[r.from_span_id], texts[r.to_span_id]) for r in annotations.relations]


def test_the_examples_relations_of_the_schemas_types_come_in(schema: Schema) -> None:
    report = FormatReport()
    assert read(EXAMPLE, schema, report) == [
        ("founded-by", "Google", "Larry Page"),
        ("founded-by", "Google", "Sergey Brin"),
    ]
    assert [m.split(": ", 1)[1] for m in report.messages] == [
        "a relation 'foundedAt' (the schema has no such relation type)",
    ]


def edited(tmp_path: Path, change: dict[str, Any]) -> Path:
    record = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record["relations"][1].update(change)
    path = tmp_path / "d.jsonl"
    path.write_text("\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"to_id": 9}, "the relation 1: its to_id 9 is not the id of one of the line's entities"),
        ({"from_id": True}, "the relation 1: its from_id True is not the id"),
    ],
)
def test_a_relation_to_no_entity_is_refused_naming_the_line(
    schema: Schema, tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    path = edited(tmp_path, change)
    with pytest.raises(InputError) as refusal:
        read(path, schema)
    assert str(refusal.value).startswith(f"{path}, line 2: ")
    assert problem in str(refusal.value)
