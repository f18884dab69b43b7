from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.errors import InputError
from workbench.core.model import AnnotatedDocument
from workbench.core.schema import Schema
from workbench.formats import doccano
from workbench.formats.base import ImportOptions
from workbench.formats.report import FormatReport, Issue


def write_lines(path: Path, *records: object) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def read_all(
    path: Path, schema: Schema, report: FormatReport | None = None
) -> list[AnnotatedDocument]:
    return list(doccano.read([path], ImportOptions(schema=schema, annotator="sara"), report=report))


def spans_of(document: AnnotatedDocument) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label, s.text) for s in document.sets[0].spans]


def test_each_line_is_a_document_with_its_spans(conflict_news: Schema, tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "export.jsonl",
        {"id": 17, "text": "زار محمد بغداد", "label": [[4, 8, "PER"], [9, 14, "GPE"]]},
        {"text": "وصل علي", "labels": [[4, 7, "PER"]]},
        {"text": "لا شيء هنا"},
    )
    first, second, third = read_all(path, conflict_news)

    assert first.document.name == "17"
    assert spans_of(first) == [(4, 8, "PER", "محمد"), (9, 14, "GPE", "بغداد")]
    assert second.document.name == "export-2"
    assert spans_of(second) == [(4, 7, "PER", "علي")]
    assert spans_of(third) == []
    assert {d.sets[0].annotator for d in (first, second, third)} == {"sara"}


def test_the_relation_project_form_is_read(conflict_news: Schema, tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "relations.jsonl",
        {
            "text": "زار محمد بغداد",
            "entities": [{"id": 1, "label": "PER", "start_offset": 4, "end_offset": 8}],
        },
    )
    [document] = read_all(path, conflict_news)
    assert spans_of(document) == [(4, 8, "PER", "محمد")]


def test_utf16_offsets_and_crlf_are_moved_to_the_stored_text(
    conflict_news: Schema, tmp_path: Path
) -> None:
    # doccano counts the emoji as two units and the CRLF as two characters
    path = write_lines(
        tmp_path / "emoji.jsonl", {"text": "😀 سطر\r\nمحمد", "label": [[8, 12, "PER"]]}
    )
    report = FormatReport()
    [document] = read_all(path, conflict_news, report)

    assert document.document.text == "😀 سطر\nمحمد"
    assert spans_of(document) == [(6, 10, "PER", "محمد")]
    assert report.counts == {Issue.CONVERTED_OFFSETS: 1}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "زار محمد", "label": [[4, 20, "PER"]]}', "outside the text"),
        ('{"text": "زار محمد", "label": [[4, 8, "CITY"]]}', "unknown label 'CITY'"),
        ('{"text": "زار محمد", "label": [[4, "8", "PER"]]}', "is not a span"),
        ('{"text": "زار محمد", "label": [[4, 8, "PER"]], "labels": []}', "has both"),
        ('{"text": "زار محمد", "label": [[4, 8, "PER"]', "not valid JSON"),
        ('{"label": []}', 'non-empty "text"'),
    ],
)
def test_bad_lines_are_refused_naming_file_and_line(
    conflict_news: Schema, tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "سليم"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        read_all(path, conflict_news)
    assert str(caught.value).startswith(f"{path}, line 2: ")


def test_a_wrong_encoding_is_refused(conflict_news: Schema, tmp_path: Path) -> None:
    path = tmp_path / "cp1256.jsonl"
    path.write_bytes('{"text": "زار محمد"}\n'.encode("cp1256"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_all(path, conflict_news)
