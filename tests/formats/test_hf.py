from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.formats.builders import annotated, span_of
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument
from workbench.core.schema import Schema
from workbench.formats import conll, hf
from workbench.formats.base import ExportOptions, ImportOptions

datasets = pytest.importorskip("datasets")

TEXT = "قال رئيس وزراء العراق إن القوات حررت الموصل. وزار بغداد أمس."


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No network for ``datasets``, and a cache of its own; returns the cache folder."""
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return tmp_path / "cache"


def documents(count: int = 1) -> list[AnnotatedDocument]:
    return [
        annotated(
            TEXT,
            [
                span_of(TEXT, "رئيس وزراء العراق", "OCC"),
                span_of(TEXT, "العراق", "GPE"),
                span_of(TEXT, "بغداد", "GPE"),
                span_of(TEXT, "قال", "EVENT")
                if number % 7 == 6
                else span_of(TEXT, "الموصل", "GPE"),
            ],
            name=f"doc{number}",
        )
        for number in range(count)
    ]


def test_load_dataset_reads_the_jsonl_files(wojood: Schema, tmp_path: Path, offline: Path) -> None:
    out = tmp_path / "hf"
    hf.write(documents(), out, ExportOptions(schema=wojood))

    loaded = datasets.load_dataset(
        "json", data_files={"train": str(out / "train.jsonl")}, cache_dir=str(offline)
    )
    rows = list(loaded["train"])
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))

    assert len(rows) == 2  # one row per sentence
    first = rows[0]
    assert first["tokens"] == [
        "قال",
        "رئيس",
        "وزراء",
        "العراق",
        "إن",
        "القوات",
        "حررت",
        "الموصل",
        ".",
    ]
    assert [names[tag] for tag in first["ner_tags"]] == [
        "O", "B-OCC", "I-OCC", "I-OCC", "O", "O", "O", "B-GPE", "O",
    ]  # fmt: skip
    assert {(s["label"], s["text"]) for s in first["spans"]} == {
        ("OCC", "رئيس وزراء العراق"), ("GPE", "العراق"), ("GPE", "الموصل"),
    }  # fmt: skip
    for row in rows:
        assert len(row["tokens"]) == len(row["ner_tags"])
        for span in row["spans"]:
            assert row["text"][span["start"] : span["end"]] == span["text"]
            assert (
                TEXT[row["char_offset"] + span["start"] : row["char_offset"] + span["end"]]
                == span["text"]
            )


def test_the_folder_loads_with_class_labels_from_its_card(
    wojood: Schema, tmp_path: Path, offline: Path
) -> None:
    out = tmp_path / "hf"
    hf.write(documents(20), out, ExportOptions(schema=wojood, split=(80, 10, 10), seed=1))

    loaded = datasets.load_dataset(str(out), cache_dir=str(offline))
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))

    assert sorted(loaded) == ["test", "train", "validation"]
    assert [loaded[split].num_rows for split in ("train", "validation", "test")] == [32, 4, 4]
    assert loaded["train"].features["ner_tags"].feature.names == names
    assert names[:3] == ["O", "B-PERS", "I-PERS"]


def test_bioes_names_and_a_split_without_enough_documents(
    wojood: Schema, tmp_path: Path, offline: Path
) -> None:
    out = tmp_path / "hf"
    with pytest.raises(WorkbenchError, match=r"3 document.*leave validation and test empty"):
        hf.write(
            documents(3), out, ExportOptions(schema=wojood, tag_scheme="bioes", split=(80, 10, 10))
        )
    assert not list(out.glob("*.jsonl"))  # refused before anything is written

    hf.write(documents(3), out, ExportOptions(schema=wojood, tag_scheme="bioes"))
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert names[:5] == ["O", "B-PERS", "I-PERS", "E-PERS", "S-PERS"]
    loaded = datasets.load_dataset(str(out), cache_dir=str(offline))
    assert list(loaded) == ["train"]


def test_a_wojood_file_exported_to_hf_keeps_every_span(
    corpora: Path, wojood: Schema, tmp_path: Path, offline: Path
) -> None:
    [document] = conll.read([corpora / "wojood_sample_val.conll"], ImportOptions(schema=wojood))
    out = tmp_path / "hf"
    hf.write([document], out, ExportOptions(schema=wojood))
    loaded = datasets.load_dataset(
        "json", data_files={"train": str(out / "train.jsonl")}, cache_dir=str(offline)
    )
    spans = [span for row in loaded["train"] for span in row["spans"]]
    assert len(spans) == len(document.sets[0].spans)
    assert sum(len(row["tokens"]) for row in loaded["train"]) == len(document.document.tokens or ())
