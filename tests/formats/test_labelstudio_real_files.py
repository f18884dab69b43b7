"""Label Studio's own export layout (tests/data/labelstudio, from Label Studio's examples): results
that are not spans are skipped and counted, errors name the task and the result, and its
CONLL2003 export imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.errors import InputError
from workbench.core.schema import Schema, builtin_schema
from workbench.formats import conll, labelstudio
from workbench.formats.base import ImportOptions
from workbench.formats.report import FormatReport, Issue

DATA = Path(__file__).resolve().parents[1] / "data" / "labelstudio"
LABELS = {"Date": "MISC", "Organization": "ORG", "Location": "LOC"}


@pytest.fixture(scope="module")
def generic() -> Schema:
    return builtin_schema("generic")


def test_relation_choices_textarea_and_rating_results_are_skipped_and_counted(
    generic: Schema,
) -> None:
    report = FormatReport()
    options = ImportOptions(schema=generic, label_map=LABELS)
    [document] = labelstudio.read([DATA / "ner_export.json"], options, report=report)

    spans = [(s.label, s.text) for s in document.sets[0].spans]
    assert spans == [("MISC", "February 22"), ("ORG", "Comissaria Smith"), ("LOC", "Bahia")]
    assert document.sets[0].annotator == "annotator@example.org"
    skipped = [m for m in report.messages if "a result of type" in m]
    assert [m.rsplit("type ", 1)[1] for m in skipped] == [
        "'number'", "'datetime'", "'textarea'", "'choices'", "'taxonomy'", "'relation'", "'rating'",
    ]  # fmt: skip
    assert report.counts == {Issue.SKIPPED_ANNOTATION: 8}  # 7 results and the predictions
    assert "task 1 (id 1), result 'dZyZ7Dx3uS'" in skipped[3]


def test_an_error_in_a_one_line_export_names_the_task_and_the_result(
    generic: Schema, tmp_path: Path
) -> None:
    tasks = json.loads((DATA / "ner_export.json").read_text(encoding="utf-8"))
    second = json.loads(json.dumps(tasks[0]))
    second["id"] = 17
    second["annotations"][0]["result"][0]["value"]["labels"] = ["Weekday"]
    path = tmp_path / "export.json"
    path.write_text(json.dumps([tasks[0], second]), encoding="utf-8")  # one line, as Label Studio

    with pytest.raises(InputError) as caught:
        list(labelstudio.read([path], ImportOptions(schema=generic, label_map=LABELS)))
    message = str(caught.value)
    assert message.startswith(
        f"{path}, task 2 (id 17), result 'beFiQTT1cU': unknown label 'Weekday'"
    )
    assert ", line" not in message


def test_a_labels_result_without_value_names_its_result(generic: Schema, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    task = {
        "id": 5,
        "data": {"text": "x"},
        "annotations": [{"result": [{"id": "r9", "type": "labels"}]}],
    }
    path.write_text(json.dumps([task]), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"task 1 \(id 5\), result 'r9': a \"labels\" result needs a \"value\""
    ):
        list(labelstudio.read([path], ImportOptions(schema=generic)))


def test_its_conll2003_export_imports(generic: Schema) -> None:
    report = FormatReport()
    options = ImportOptions(schema=generic, label_map=LABELS)
    [document] = conll.read([DATA / "result.conll"], options, report=report)

    assert [(s.label, s.text) for s in document.sets[0].spans] == [
        ("LOC", "Bahia"), ("ORG", "Comissaria Smith"),
    ]  # fmt: skip
    assert document.document.text.startswith("Showers continued throughout the week in the Bahia")
    assert report.counts == {Issue.IGNORED_COLUMN: 2}  # -X- and _
