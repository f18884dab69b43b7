from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from workbench.core.errors import InputError
from workbench.core.model import AnnotatedDocument
from workbench.core.schema import Schema
from workbench.formats import labelstudio
from workbench.formats.base import ImportOptions
from workbench.formats.report import FormatReport, Issue

TEXT = "زار محمد بغداد"


def labels(start: int, end: int, *names: str, text: str | None = None) -> dict[str, Any]:
    value: dict[str, Any] = {"start": start, "end": end, "labels": list(names)}
    if text is not None:
        value["text"] = text
    return {"id": "r", "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def task(text: str, *annotations: dict[str, Any], task_id: int = 1, **extra: Any) -> dict[str, Any]:
    return {"id": task_id, "data": {"text": text}, "annotations": list(annotations), **extra}


def write(path: Path, tasks: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def read_all(
    path: Path, schema: Schema, annotator: str | None = None, report: FormatReport | None = None
) -> list[AnnotatedDocument]:
    options = ImportOptions(schema=schema, annotator=annotator)
    return list(labelstudio.read([path], options, report=report))


def test_each_annotation_is_a_set_of_its_annotator(conflict_news: Schema, tmp_path: Path) -> None:
    path = write(
        tmp_path / "project.json",
        [
            task(
                TEXT,
                {"completed_by": 3, "result": [labels(4, 8, "PER", text="محمد")]},
                {"completed_by": {"id": 4, "email": "sara@example.org"},
                 "result": [labels(4, 14, "PER", "ORG", text="محمد بغداد")]},
                task_id=41,
            ),
            task("لا شيء", task_id=42),
        ],
    )  # fmt: skip
    first, second = read_all(path, conflict_news)

    assert first.document.name == "project-task41"
    sets = {s.annotator: [(x.start, x.end, x.label, x.text) for x in s.spans] for s in first.sets}
    assert sets == {
        "labelstudio-user-3": [(4, 8, "PER", "محمد")],
        "sara@example.org": [(4, 14, "PER", "محمد بغداد"), (4, 14, "ORG", "محمد بغداد")],
    }
    assert second.sets == ()


def test_cancelled_annotations_predictions_and_other_results_are_counted(
    conflict_news: Schema, tmp_path: Path
) -> None:
    relation = {"type": "relation", "from_id": "a", "to_id": "b", "value": {}}
    path = write(
        tmp_path / "project.json",
        [
            task(
                TEXT,
                {"completed_by": 1, "was_cancelled": True, "result": [labels(4, 8, "PER")]},
                {"completed_by": 2, "result": [labels(4, 8, "PER"), relation]},
                predictions=[{"result": [labels(9, 14, "GPE")]}],
            )
        ],
    )
    report = FormatReport()
    [document] = read_all(path, conflict_news, report=report)

    assert [s.annotator for s in document.sets] == ["labelstudio-user-2"]
    assert report.counts == {Issue.CANCELLED_ANNOTATION: 1, Issue.SKIPPED_ANNOTATION: 2}


def test_utf16_offsets_are_recognised_by_the_text(conflict_news: Schema, tmp_path: Path) -> None:
    text = "😀😀 محمد"
    path = write(
        tmp_path / "project.json",
        [
            task(
                text,
                {"result": [labels(5, 9, "PER", text="محمد"), labels(3, 7, "PER", text="محمد")]},
            )
        ],
    )
    report = FormatReport()
    [document] = read_all(path, conflict_news, annotator="lead", report=report)

    assert [(s.start, s.end) for s in document.sets[0].spans] == [(3, 7), (3, 7)]
    assert document.sets[0].annotator == "lead"
    assert report.counts == {Issue.CONVERTED_OFFSETS: 1}


def test_one_annotator_for_two_annotations_is_refused(
    conflict_news: Schema, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "project.json",
        [task(TEXT, {"completed_by": 1, "result": []}, {"completed_by": 2, "result": []})],
    )
    with pytest.raises(InputError, match="belong to 'gold'; --annotator"):
        read_all(path, conflict_news, annotator="gold")


@pytest.mark.parametrize(
    ("bad_task", "problem"),
    [
        (task(TEXT, {"result": [labels(4, 8, "PER", text="بغداد")]}), "does not cover 'بغداد'"),
        (task(TEXT, {"result": [labels(9, 30, "GPE")]}), "outside the task's text"),
        (task(TEXT, {"result": [labels(4, 8, "CITY")]}), "unknown label 'CITY'"),
        (task(TEXT, {"result": [labels(4, 8)]}), 'a list of "labels"'),
        ({"text": TEXT, "label": []}, "not JSON_MIN"),
    ],
)
def test_bad_tasks_are_refused_naming_file_task_and_line(
    conflict_news: Schema, tmp_path: Path, bad_task: dict[str, Any], problem: str
) -> None:
    path = write(tmp_path / "bad.json", [task(TEXT), bad_task])
    second_task_line = next(
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
        if line == "  {" and number > 2
    )
    with pytest.raises(InputError, match=problem) as caught:
        read_all(path, conflict_news)
    location = str(caught.value).split(": ", 1)[0]
    expected = rf"{re.escape(str(path))}, task 2( \(id 1\))?, line {second_task_line}(, result 'r')?"
    assert re.fullmatch(expected, location), location


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[{"data": {"text": "x"}, "annotations": []}\n{', "a comma or ']' is missing"),
        ('[{"data": {"text": "x"}, "annotations": []},\n', "ends too soon"),
        ('[{"data": {"text": "x"},\n "annotations": [}]', "not valid JSON"),
        ('{"data": {"text": "x"}, "annotations": []} []', "unexpected text after the task"),
        ("[]", "holds no task"),
    ],
)
def test_broken_files_are_refused(
    conflict_news: Schema, tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(problem)):
        read_all(path, conflict_news)


def test_a_single_task_object_is_read(conflict_news: Schema, tmp_path: Path) -> None:
    path = tmp_path / "task.json"
    path.write_text(json.dumps(task(TEXT, {"result": [labels(4, 8, "PER")]})), encoding="utf-8")
    [document] = read_all(path, conflict_news)
    assert [s.text for s in document.sets[0].spans] == ["محمد"]


def test_a_wrong_encoding_is_refused(conflict_news: Schema, tmp_path: Path) -> None:
    path = tmp_path / "cp1256.json"
    path.write_bytes(json.dumps([task(TEXT)], ensure_ascii=False).encode("cp1256"))
    with pytest.raises(InputError, match="not valid UTF-8") as caught:
        read_all(path, conflict_news)
    assert str(caught.value).startswith(f"{path}, byte ")
