"""Label Studio relation results come in as relations (issue 14, point 5), on the relation result
of tests/data/labelstudio/ner_export.json (Label Studio's documented layout, Apache-2.0)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.core.errors import InputError
from workbench.core.schema import Schema, builtin_schema
from workbench.formats import labelstudio
from workbench.formats.base import ImportOptions
from workbench.formats.report import FormatReport, Issue

DATA = Path(__file__).resolve().parents[1] / "data" / "labelstudio"
LABELS = {"Date": "DATE", "Organization": "ORG", "Location": "LOC", "located_in": "located-in"}


@pytest.fixture(scope="module")
def conflict_news_schema() -> Schema:
    return builtin_schema("conflict-news")


def relations_of(path: Path, schema: Schema, report: FormatReport | None = None) -> list[tuple[str, str, str]]:
    options = ImportOptions(schema=schema, label_map=LABELS)
    [document] = labelstudio.read([path], options, report=report)
    [annotations] = document.sets
    texts = {span.id: span.text for span in annotations.spans}
    return [(r.type, texts[r.from_span_id], texts[r.to_span_id]) for r in annotations.relations]


def test_the_relation_result_of_label_studios_export_comes_in(conflict_news_schema: Schema) -> None:
    report = FormatReport()
    found = relations_of(DATA / "ner_export.json", conflict_news_schema, report)
    assert found == [("located-in", "Comissaria Smith", "Bahia")]
    assert not any("'relation'" in message for message in report.messages)


def edited_export(tmp_path: Path, change: dict[str, Any]) -> Path:
    [task] = json.loads((DATA / "ner_export.json").read_text(encoding="utf-8"))
    for result in task["annotations"][0]["result"]:
        if result.get("type") == "relation":
            result.update(change)
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def test_a_left_relation_goes_from_its_to_id(conflict_news_schema: Schema, tmp_path: Path) -> None:
    path = edited_export(tmp_path, {"direction": "left", "from_id": "loc1", "to_id": "org1"})
    assert relations_of(path, conflict_news_schema) == [("located-in", "Comissaria Smith", "Bahia")]


def test_a_relation_of_no_type_of_the_schema_is_skipped_and_counted(
    conflict_news_schema: Schema, tmp_path: Path
) -> None:
    report = FormatReport()
    path = edited_export(tmp_path, {"labels": ["married_to"]})
    assert relations_of(path, conflict_news_schema, report) == []
    [message] = [m for m in report.messages if "'relation'" in m]
    assert "labels ['married_to'] that name no relation of the schema" in message
    assert report.counts[Issue.SKIPPED_ANNOTATION] == 8


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"to_id": "nowhere"}, "the relation's \"to_id\" 'nowhere' is not the id of a labels result"),
        ({"labels": "located_in"}, "a relation result's \"labels\" must be a list of texts"),
    ],
)
def test_a_broken_relation_result_is_refused_naming_the_task(
    conflict_news_schema: Schema, tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    path = edited_export(tmp_path, change)
    with pytest.raises(InputError) as refusal:
        relations_of(path, conflict_news_schema)
    assert str(refusal.value).startswith(f"{path}, task 1 (id 1): ")
    assert problem in str(refusal.value)
