"""Relations and document labels in the event (TextEE) and Hugging Face exports (issue 14,
point 5): relation mentions with Arg-1/Arg-2 in the window holding both ends, relations beside
the spans and document labels as columns in hf rows, which ``datasets`` loads."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.formats.builders import span_of
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Relation, make_document
from workbench.core.schema import Schema, load_schema
from workbench.formats import hf, textee
from workbench.formats.base import ExportOptions
from workbench.formats.report import FormatReport, Issue

TEXT = "قال أحمد إن داعش في الموصل. وزار الوزير بغداد أمس."
AHMAD = span_of(TEXT, "أحمد", "PER", span_id="ahmad")
ISIS = span_of(TEXT, "داعش", "ORG", span_id="isis")
MOSUL = span_of(TEXT, "الموصل", "GPE", span_id="mosul")
MINISTER = span_of(TEXT, "الوزير", "PER", span_id="minister")
BAGHDAD = span_of(TEXT, "بغداد", "GPE", span_id="baghdad")
MEMBER = Relation("r1", "member-of", "ahmad", "isis", {"membership_status": "former"})
ACROSS = Relation("r2", "located-in", "isis", "baghdad")  # crosses the sentence break
LABELS = {"relevance": "relevant", "topic": ("terrorism", "justice")}


def story(*relations: Relation, labels: dict[str, Any] | None = None) -> AnnotatedDocument:
    annotations = AnnotationSet(
        "gold", (AHMAD, ISIS, MOSUL, MINISTER, BAGHDAD), relations=relations,
        document_labels=labels or {},
    )
    return AnnotatedDocument(make_document("story", TEXT), (annotations,))


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_textee_windows_hold_relation_mentions(conflict_news: Schema, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    textee.write([story(MEMBER)], out, ExportOptions(schema=conflict_news))
    first, second = lines(out)
    [mention] = first["relation_mentions"]
    assert mention == {
        "id": "r1", "relation_type": "member-of", "attributes": {"membership_status": "former"},
        "arguments": [
            {"entity_id": "ahmad", "role": "Arg-1", "text": "أحمد", "start": 1, "end": 2},
            {"entity_id": "isis", "role": "Arg-2", "text": "داعش", "start": 3, "end": 4},
        ],
    }  # fmt: skip
    assert first["tokens"][1:4:2] == ["أحمد", "داعش"]
    assert second["relation_mentions"] == []


def test_a_relation_across_sentences_joins_their_windows(
    conflict_news: Schema, tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    textee.write([story(ACROSS)], out, ExportOptions(schema=conflict_news))
    [window] = lines(out)
    [mention] = window["relation_mentions"]
    assert [a["text"] for a in mention["arguments"]] == ["داعش", "بغداد"]
    for argument in mention["arguments"]:
        assert window["tokens"][argument["start"]] == argument["text"]


def test_a_relation_to_a_trigger_is_left_out_and_counted(
    conflict_news: Schema, tmp_path: Path
) -> None:
    trigger = span_of(TEXT, "وزار", "Movement.Transport", span_id="visit")
    annotations = AnnotationSet(
        "gold", (MINISTER, trigger), relations=(Relation("r3", "leader-of", "minister", "visit"),)
    )
    report = FormatReport()
    out = tmp_path / "events.jsonl"
    textee.write(
        [AnnotatedDocument(make_document("d", TEXT), (annotations,))], out,
        ExportOptions(schema=conflict_news), report=report,
    )
    assert all(window["relation_mentions"] == [] for window in lines(out))
    assert report.counts == {Issue.RELATION_LEFT_OUT: 1}
    assert "relation r3 (leader-of) is left out: its end visit" in report.messages[0]


def test_a_relation_to_a_span_outside_its_set_is_refused(
    conflict_news: Schema, tmp_path: Path
) -> None:
    broken = story(replace(MEMBER, to_span_id="ghost"))
    for writer in (textee.write, hf.write):
        with pytest.raises(WorkbenchError, match="relation r1 \\(member-of\\) links the span ghost"):
            writer([broken], tmp_path / "out", ExportOptions(schema=conflict_news))


def test_hf_rows_hold_relations_beside_spans_and_document_labels_as_columns(
    conflict_news: Schema, tmp_path: Path
) -> None:
    hf.write([story(MEMBER, labels=LABELS)], tmp_path / "hf", ExportOptions(schema=conflict_news))
    first, second = lines(tmp_path / "hf" / "train.jsonl")
    assert [s["text"] for s in first["spans"]] == ["أحمد", "داعش", "الموصل"]
    assert first["relations"] == [{"type": "member-of", "from": 0, "to": 1}]
    assert second["relations"] == []
    for row in (first, second):
        assert (row["relevance"], row["topic"], row["country"]) == (
            "relevant", ["terrorism", "justice"], None,
        )


def test_hf_joins_the_sentences_a_relation_crosses(conflict_news: Schema, tmp_path: Path) -> None:
    hf.write([story(ACROSS)], tmp_path / "hf", ExportOptions(schema=conflict_news))
    [row] = lines(tmp_path / "hf" / "train.jsonl")
    texts = [s["text"] for s in row["spans"]]
    relation = row["relations"][0]
    assert (texts[relation["from"]], texts[relation["to"]]) == ("داعش", "بغداد")
    assert (row["relevance"], row["topic"]) == (None, [])


def test_hf_refuses_a_field_named_like_a_column(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "schema:\n  id: s\n  version: 1\n  name: {en: S, ar: س}\n"
        '  entity_types: [{id: PER, en: Person, ar: شخص, color: "#e6194b"}]\n'
        "  document_labels: [{id: text, en: Text, ar: نص, values: [{id: a, en: A, ar: أ}]}]\n",
        encoding="utf-8",
    )
    with pytest.raises(WorkbenchError, match="document-label field 'text'"):
        hf.write([], tmp_path / "hf", ExportOptions(schema=load_schema(path)))


def test_datasets_loads_the_relations_and_label_columns(
    conflict_news: Schema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out = tmp_path / "hf"
    hf.write([story(MEMBER, labels=LABELS)], out, ExportOptions(schema=conflict_news))
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    rows = list(loaded["train"])
    assert rows[0]["relations"] == [{"type": "member-of", "from": 0, "to": 1}]
    assert rows[0]["topic"] == ["terrorism", "justice"]
    assert rows[1]["country"] is None
