"""``--split`` that cannot give every split a document is refused; ``--split-by sentence`` splits
the sentences of the CoNLL and hf exports, stratified and seeded."""

from __future__ import annotations

import errno
import io
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from tests.formats.builders import conll_rows
from workbench.cli import main
from workbench.core.errors import WorkbenchError
from workbench.core.schema import Schema
from workbench.formats import conll, hf, sentence_splits
from workbench.formats.base import EXPORT_MARK, ExportOptions, ImportOptions, OutputError

LABELS = ["PERS", "GPE", "ORG"]


def corpus_file(path: Path, sentences: int = 40) -> Path:
    """One CoNLL file (one document) of ``sentences`` sentences; ORG is in every tenth only."""
    lines = []
    for number in range(sentences):
        label = "ORG" if number % 10 == 3 else LABELS[number % 2]
        lines += [f"جملة{number} O", f"اسم{number} B-{label}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def one_document(tmp_path: Path, wojood: Schema, sentences: int = 40) -> list:  # type: ignore[type-arg]
    return list(
        conll.read([corpus_file(tmp_path / "c.conll", sentences)], ImportOptions(schema=wojood))
    )


def test_a_split_of_one_document_is_refused_and_suggests_split_by_sentence(
    tmp_path: Path, wojood: Schema
) -> None:
    out = tmp_path / "out"
    options = ExportOptions(schema=wojood, split=(80, 10, 10))
    with pytest.raises(WorkbenchError) as refused:
        conll.write(one_document(tmp_path, wojood), out, options)
    message = str(refused.value)
    assert "cannot give every split a document" in message
    assert "validation and test" in message and "--split-by sentence" in message
    assert "\n" not in message
    assert not out.exists()


def test_split_by_sentence_shares_the_sentences_stratified(tmp_path: Path, wojood: Schema) -> None:
    out = tmp_path / "out"
    options = ExportOptions(schema=wojood, split=(80, 10, 10), split_by="sentence", seed=2)
    conll.write(one_document(tmp_path, wojood), out, options)

    splits = {name: conll_rows(out / f"{name}.conll") for name in ("train", "validation", "test")}
    assert [len(splits[name]) for name in splits] == [32, 4, 4]
    every = [tuple(map(tuple, s)) for name in splits for s in splits[name]]
    source = [tuple(map(tuple, s)) for s in conll_rows(tmp_path / "c.conll")]
    assert sorted(every) == sorted(source)  # each sentence once, whole
    org = Counter(
        name
        for name, sentences in splits.items()
        for s in sentences
        if any("B-ORG" in r for r in s)
    )
    assert org == {"train": 2, "validation": 1, "test": 1}  # the rare label reaches every split


def test_split_by_sentence_is_the_same_for_a_seed_and_differs_for_another(
    tmp_path: Path, wojood: Schema
) -> None:
    document = one_document(tmp_path, wojood)

    def train(seed: int, name: str) -> str:
        out = tmp_path / name
        conll.write(
            document,
            out,
            ExportOptions(schema=wojood, split=(80, 10, 10), split_by="sentence", seed=seed),
        )
        return (out / "train.conll").read_text(encoding="utf-8")

    assert train(1, "a") == train(1, "b")
    assert train(1, "a") != train(5, "c")


def test_hf_split_by_sentence_splits_the_rows(tmp_path: Path, wojood: Schema) -> None:
    out = tmp_path / "hf"
    options = ExportOptions(schema=wojood, split=(50, 25, 25), split_by="sentence")
    hf.write(one_document(tmp_path, wojood, 8), out, options)
    rows = {
        name: [
            json.loads(line)
            for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for name in ("train", "validation", "test")
    }
    assert [len(rows[name]) for name in rows] == [4, 2, 2]
    assert "- split: validation" in (out / "README.md").read_text(encoding="utf-8")


def test_too_few_sentences_are_refused_too(tmp_path: Path, wojood: Schema) -> None:
    options = ExportOptions(schema=wojood, split=(80, 10, 10), split_by="sentence")
    with pytest.raises(WorkbenchError, match="cannot give every split a sentence: 2 sentence"):
        conll.write(one_document(tmp_path, wojood, 2), tmp_path / "out", options)


def test_split_by_sentence_without_gold_says_so_not_zero_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An imported corpus is the annotator 'imported''s, not gold: following the advice of the
    document split must lead to --source, not to "0 sentence(s) leave train ... empty"."""
    project = str(tmp_path / "p.tawsim")
    assert main(["new", project, "--schema", "wojood"]) == 0
    assert main(["import", project, str(corpus_file(tmp_path / "c.conll"))]) == 0
    capsys.readouterr()
    export = ["export", project, str(tmp_path / "out"), "--format", "conll", "--split", "80/10/10"]
    assert main([*export, "--split-by", "sentence"]) == 1
    err = capsys.readouterr().err
    assert "0 sentence" not in err and "--source" in err and err.count("\n") == 1
    assert main([*export, "--split-by", "sentence", "--source", "imported"]) == 0


def test_cli_split_by_sentence_needs_a_split_and_a_token_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.tawsim")
    assert main(["new", project, "--schema", "wojood"]) == 0
    corpus = str(corpus_file(tmp_path / "c.conll"))
    assert main(["import", project, corpus, "--annotator", "gold"]) == 0
    export = ["export", project, str(tmp_path / "o")]
    for extra in (["--format", "brat", "--split", "80/10/10"], ["--format", "conll"]):
        with pytest.raises(SystemExit) as usage:
            main([*export, "--split-by", "sentence", *extra])
        assert usage.value.code == 2
    capsys.readouterr()

    by_document = [*export, "--format", "conll", "--split", "80/10/10"]
    assert main(by_document) == 1
    assert "--split-by sentence" in capsys.readouterr().err
    assert main([*by_document, "--split-by", "sentence"]) == 0
    written = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert written == [EXPORT_MARK, "test.conll", "train.conll", "validation.conll"]


class FullDisk(io.StringIO):
    """A temporary file on a disk that fills once ``room`` characters are written."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


@pytest.mark.parametrize("module", [conll, hf])
def test_a_disk_that_fills_while_the_sentences_are_spilled_is_said_and_nothing_is_kept(
    tmp_path: Path, wojood: Schema, monkeypatch: pytest.MonkeyPatch, module: object
) -> None:
    """The sentences' texts wait in a temporary file in the folder being built until all are
    assigned; a disk that fills there is said naming the export, and leaves neither the export
    nor the file."""
    document = one_document(tmp_path, wojood)
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *args, **kwargs: FullDisk(200))
    out = tmp_path / "out"
    options = ExportOptions(schema=wojood, split=(80, 10, 10), split_by="sentence")
    with pytest.raises(OutputError) as refused:
        module.write(document, out, options)  # type: ignore[attr-defined]
    assert refused.value.path == out
    assert str(refused.value) == f"cannot write {out}: No space left on device; nothing of it was kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c.conll"]


def test_the_sentences_spilled_are_read_back_whole(tmp_path: Path) -> None:
    """Texts with line breaks of every kind, Arabic, emoji and marks come back exactly, in
    order, and the temporary file leaves nothing in the folder."""
    texts = ["قال\r\nمحمد\n", "", "😀 ‏x‎\r", "\u2028سطر\u0085", "ـــ"]
    with sentence_splits._Spill(tmp_path) as spill:
        for text in texts:
            spill.add(text)
        assert list(spill.texts()) == texts
    assert list(tmp_path.iterdir()) == []
