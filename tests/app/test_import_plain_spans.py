"""Lines whose annotations are spans and nothing else are read and stored a column at a time
(``PlainSpans``): the project they make, and what they refuse, must be exactly what reading them
span by span gives (issue 16, point 2)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from workbench.app.importing import import_paths
from workbench.core.errors import InputError, SchemaError
from workbench.core.model import PlainSpans, PlainSpansDocument, Status, make_document
from workbench.core.schema import Schema
from workbench.formats import jsonl
from workbench.store.bulk_import import ImportSummary
from workbench.store.project import Project

TEXT = "قال محمد إن مسلحين هاجموا قرية قرب الموصل أمس"


def span(piece: str, label: str, span_id: Any = None, **fields: Any) -> dict[str, Any]:
    start = TEXT.index(piece)
    record: dict[str, Any] = {"start": start, "end": start + len(piece), "label": label, "text": piece}
    if span_id is not None:
        record["id"] = span_id
    return {**record, "annotator": fields.pop("annotator", "amal"), **fields}


def line(number: int, spans: Any, text: str = TEXT, **fields: Any) -> dict[str, Any]:
    return {"id": f"doc-{number}", "name": f"n{number}", "text": text, "spans": spans, **fields}


ATTACK = {"id": "e1", "type": "Conflict.Attack", "trigger": "t1", "annotator": "amal",
          "arguments": [{"role": "Attacker", "span": "p1"}]}  # fmt: skip
VARIED = [
    line(1, [span("محمد", "PER", "s1"), span("الموصل", "GPE", "s2"), span("أمس", "DATE", "s3")]),
    line(2, [span("محمد", "PER", "s4", attributes={}), span("قرية", "LOC", "s5", attributes={})],
         text=TEXT + " ٢"),
    line(3, [span("محمد", "PER", "", annotator=""), span("الموصل", "GPE", "s6", annotator="badr"),
             span("قرية", "LOC", "s7", annotator="imported")], text=TEXT + " ٣"),
    line(4, [span("محمد", "PER", "s8")], text=TEXT + " ٤", status={"amal": "in_progress", "dana": "new"}),
    line(5, [span("محمد", "PER", "s9", attributes={"mention_level": "NOM"})], text=TEXT + " ٥"),
    line(6, [span("محمد", "PER", "s10", note="who?")], text=TEXT + " ٦"),
    line(7, [span("هاجموا", "Conflict.Attack", "t1"), span("مسلحين", "PER", "p1")], text=TEXT + " ٧",
         events=[ATTACK]),
    line(8, [span("محمد", "PER", "m1"), span("الموصل", "GPE", "m2")], text=TEXT + " ٨",
         relations=[{"id": "r1", "type": "located-in", "from": "m1", "to": "m2", "annotator": "amal"}],
         document_labels={"amal": {"relevance": "relevant", "topic": ["terrorism"]}}),
    line(9, [span("محمد", "PER", "s11")], text=TEXT.replace(" إن", "\r\nإن") + " ٩"),
    line(10, [span("محمد", "PER", "s12"), span("الموصل", "GPE", "s13")], text=TEXT.replace(" إن", "\rإن")),
    line(11, [span("محمد", "PER", "s14"), span("محمد", "PER", "s15")], text=TEXT + " ١١"),
    line(12, [span("محمد", "PER", "s1"), span("قرية", "LOC", "s16")]),  # line 1's text: its set grows
    line(13, [span("محمد", "PER", "s2"), span("قرية", "LOC", "s3")], text=TEXT + " ١٣"),  # ids taken
    line(14, [span("هاجموا", "Conflict.Attack", "s17"), span("مسلحين", "PERSON", "s18")], text=TEXT + " ١٤"),
    line(15, [span("محمد", "PER", "s19", annotator="amal"), span("قرية", "LOC", "s20", annotator="badr"),
              span("الموصل", "GPE", "s21", annotator="amal")], text=TEXT + " ١٥"),
    line(16, [], text=TEXT + " ١٦", status={"badr": "done"}),
    line(17, [{"start": 4, "end": 8, "label": "PER", "text": "محمد"}], text=TEXT + " ١٧"),
    {"text": TEXT + " ١٨", "spans": [span("محمد", "PER", "s22")], "events": [], "relations": [],
     "document_labels": {}},
    line(19, [span("محمد", "PER"), span("الموصل", "GPE", "s23"), span("قرية", "LOC", annotator="badr")],
         text=TEXT + " ١٩"),
    line(20, [{k: v for k, v in span("محمد", "PER", "s24").items() if k != "annotator"},
              span("الموصل", "GPE", "s25", annotator="badr"),
              {"start": 35, "end": 41, "label": "GPE", "text": "الموصل", "attributes": {}}],
         text=TEXT + " ٢٠"),
    line(21, [span("محمد", "PER"), span("قرية", "LOC", colour="red")], text=TEXT + " ٢١"),
]  # fmt: skip
"""Lines of every kind: plain spans (with empty attributes, ids left empty or left out,
annotators left out, several annotators, statuses, a lone CR, a repeated range, a text and ids
met before, a trigger, a mapped label, empty lists of the rest) and lines that are not
(attributes, a note, events, relations and document labels, CRLF, a key no span has)."""


def write_lines(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def span_by_span(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the reader read every line span by span, as it did before plain spans."""
    monkeypatch.setattr(jsonl, "_plain_spans", lambda *arguments: None)


def imported(folder: Path, source: Path, schema: Schema) -> tuple[ImportSummary, list[tuple[Any, ...]]]:
    label_map = folder / "labels.tsv"
    label_map.write_text("PERSON\tPER\n", encoding="utf-8")
    with Project.create(folder / "p.tawsim", schema) as project:
        summary = import_paths(project, [source], format_name="jsonl", label_map=label_map)
        return summary, contents(project.conn, source)


TABLES = {
    "documents": "id, name, text, sha256, source, metadata, tokens, ord",
    "annotators": "name",
    "annotation_sets": "id, document_id, annotator, status, revision",
    "spans": 'id, set_id, start, "end", label, text, attributes, note',
    "events": "id, set_id, type, trigger_span_id, attributes",
    "arguments": "id, event_id, role, span_id, filler_event_id, ord",
    "relations": "id, set_id, type, from_span_id, to_span_id, attributes",
    "document_labels": "set_id, field, value",
}
"""Every row an import writes, but the times it was written at."""
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")


def contents(conn: sqlite3.Connection, source: Path) -> list[tuple[Any, ...]]:
    """The rows of every table in the order they were written, each id the import made itself
    named by the order it first appears in."""
    made: dict[str, str] = {}
    given = source.read_text(encoding="utf-8")
    rows = [
        (table, *row)
        for table, columns in TABLES.items()
        for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid")
    ]
    return [
        tuple(made.setdefault(v, f"made-{len(made)}") if _made_id(v, given) else v for v in row)
        for row in rows
    ]


def _made_id(value: Any, given: str) -> bool:
    return isinstance(value, str) and bool(_ID.fullmatch(value)) and f'"{value}"' not in given


def test_plain_lines_make_the_project_that_reading_span_by_span_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, conflict_news: Schema
) -> None:
    source = write_lines(tmp_path / "in.jsonl", VARIED)
    (tmp_path / "plain").mkdir()
    (tmp_path / "spans").mkdir()
    plain = imported(tmp_path / "plain", source, conflict_news)
    span_by_span(monkeypatch)
    assert plain == imported(tmp_path / "spans", source, conflict_news)
    summary, rows = plain
    assert (summary.documents_added, summary.documents_matched) == (20, 1)
    assert summary.duplicate_spans == 2  # the repeated range of line 11, s1 again on line 12
    assert sum(row[0] == "spans" for row in rows) == summary.spans


def test_plain_lines_are_read_as_plain_spans(tmp_path: Path, conflict_news: Schema) -> None:
    """The lines whose annotations are spans alone (and whose text has no CRLF) go the plain way."""
    from workbench.formats.base import ImportOptions

    source = write_lines(tmp_path / "in.jsonl", VARIED)
    options = ImportOptions(schema=conflict_news, label_map={"PERSON": "PER"})
    read = list(jsonl.read_plain([source], options))
    plain = [number for number, d in enumerate(read, start=1) if isinstance(d, PlainSpansDocument)]
    assert plain == [1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]  # not 21
    assert [d.annotated() if isinstance(d, PlainSpansDocument) else d for d in read][:1] == list(
        jsonl.read([source], options)
    )[:1]


REFUSED = [
    line(1, [span("محمد", "PER", "s1", end=40)]),
    line(1, [span("محمد", "PER", "s1", text="أحمد")]),
    line(1, [span("محمد", "PER", "s1", start=-4, end=-1)]),
    line(1, [span("محمد", "PER", "s1", start=8, end=8, text="")]),
    line(1, [span("محمد", "PER", "s1", start=8, end=4, text="")]),
    line(1, [span("محمد", "PER", "s1"), span("قرية", "LOC", "s1")]),
    line(1, [span("محمد", "PER", "s1"), span("قرية", "PLACE", "s2")]),
    line(1, [span("محمد", "PER", "s1", start=True)]),
    line(1, [span("محمد", "PER", "s1", end=8.0)]),
    line(1, [{**span("محمد", "PER", "s1"), "label": 7}]),
    line(1, [span("محمد", "PER", 5)]),
    line(1, [span("محمد", "PER"), {**span("قرية", "LOC"), "id": None}]),
    line(1, [span("محمد", "PER", "s1", annotator=None)]),
    line(1, [span("قرية", "PLACE", "s2"), span("محمد", "PER", "s1", start="4")]),
    line(1, [span("محمد", "PER", "s1"), ["not", "a", "span"]]),
    line(1, [span("محمد", "PER", "s1"), "span"]),
    line(1, [span("محمد", "PER", "s1", annotator="  ")]),
    line(1, [span("محمد", "PER", "s1", attributes=[])]),
    line(1, [span("محمد", "PER", "s1", attributes=None)]),
    line(1, [span("محمد", "PER", "s1", note=None)]),
    line(1, [span("محمد", "PER", "s1")], status={"amal": "finished"}),
    line(1, [span("محمد", "PER", "s1")], status=["amal"]),
    line(1, [span("محمد", "PER", "s1")], events={}),
    line(1, [span("محمد", "PER", "s1")], relations=None),
    line(1, [span("محمد", "PER", "s1")], document_labels=[]),
    line(1, {"s1": span("محمد", "PER", "s1")}),
    line(1, [span("محمد", "PER", "s1", text="محمد\r")], text=TEXT.replace("محمد ", "محمد\r")),
]  # fmt: skip
"""Lines a plain reading could take for its own, each refused for one thing."""


@pytest.mark.parametrize("record", REFUSED, ids=range(len(REFUSED)))
def test_a_refused_line_is_refused_with_the_same_words_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, conflict_news: Schema, record: dict[str, Any]
) -> None:
    source = write_lines(tmp_path / "in.jsonl", [VARIED[0], record])
    plain = refusal(tmp_path / "a.tawsim", source, conflict_news)
    span_by_span(monkeypatch)
    assert plain == refusal(tmp_path / "b.tawsim", source, conflict_news)
    assert "line 2" in plain


def refusal(path: Path, source: Path, schema: Schema) -> str:
    """The error refusing ``source``, after checking that nothing of it was written."""
    with Project.create(path, schema) as project:
        with pytest.raises(InputError) as refused:
            import_paths(project, [source], format_name="jsonl")
        assert project.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    return str(refused.value)


def plain_document(*spans: tuple[str, int, int, str, str]) -> PlainSpansDocument:
    ids, starts, ends, labels, texts = zip(*spans, strict=True)
    annotations = PlainSpans("amal", Status.DONE, ids, starts, ends, labels, texts)
    return PlainSpansDocument(make_document("d", TEXT), (annotations,))


def test_the_store_refuses_plain_spans_as_it_refuses_their_set(
    tmp_path: Path, conflict_news: Schema
) -> None:
    """Whoever hands the store plain spans, they are checked (and named) as their set would be."""
    bad = plain_document(("s1", 4, 8, "PER", "محمد"), ("s2", 9, 11, "GPE", "xx"))
    messages: list[str] = []
    for document in (bad, bad.annotated()):
        with Project.create(tmp_path / f"{len(messages)}.tawsim", conflict_news) as project:
            with pytest.raises(SchemaError) as refused:
                project.add_documents([document])
            messages.append(str(refused.value))
    assert messages[0] == messages[1]
    assert "span s2 [9, 11) says 'xx'" in messages[0]


def test_plain_spans_repeating_a_range_store_it_once(tmp_path: Path, conflict_news: Schema) -> None:
    document = plain_document(("s1", 4, 8, "PER", "محمد"), ("s2", 4, 8, "PER", "محمد"))
    with Project.create(tmp_path / "p.tawsim", conflict_news) as project:
        summary = project.add_documents([document])
        assert project.conn.execute("SELECT id FROM spans").fetchall() == [("s1",)]
    assert (summary.spans, summary.duplicate_spans) == (1, 1)


def test_the_columns_of_plain_spans_have_one_length() -> None:
    with pytest.raises(ValueError, match="same length"):
        PlainSpans("amal", Status.DONE, ("s1",), (4,), (8, 9), ("PER",), ("محمد",))
