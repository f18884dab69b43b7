"""Tokens cut ahead in a second process while an export or the agreement writes the documents
before (``store.tokens_ahead``)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import pytest

from tests.store.test_token_cache import CountedTokenizer, cached_rows
from workbench.app.agreement import project_agreement
from workbench.app.exporting import export_project
from workbench.core.model import GOLD, AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.formats.base import ExportOptions
from workbench.store import token_cache, tokens_ahead
from workbench.store.project import Project

BATCH = 3
DOCUMENTS = 14
WITHOUT_SET = 5
"""The number of the document with no gold set: it is exported by no one, so not asked for."""


def text(number: int) -> str:
    return f"قال محمد {number} إن تنظيم داعش هاجم الموصل. وأضاف: «العملية مستمرة» 😀 في بغداد {number}."


def documents() -> list[AnnotatedDocument]:
    return [
        AnnotatedDocument(
            make_document(f"doc{number:02d}", text(number)),
            ()
            if number == WITHOUT_SET
            else tuple(
                AnnotationSet(annotator, (Span(f"{annotator}{number}", 0, 3, label, "قال"),))
                for annotator, label in ((GOLD, "PER"), ("amal", "PER"), ("badr", "ORG"))
            ),
        )
        for number in range(DOCUMENTS)
    ]


@pytest.fixture
def project_paths(tmp_path: Path) -> tuple[Path, Path]:
    """Two projects of the same documents: one to export with a second process, one without."""
    paths = tmp_path / "ahead.tawsim", tmp_path / "alone.tawsim"
    same = documents()
    for path in paths:
        with Project.create(path, builtin_schema("generic")) as project:
            project.add_documents(same)
    return paths


@pytest.fixture
def tokenizer(monkeypatch: pytest.MonkeyPatch) -> CountedTokenizer:
    """What this process cuts itself (the cutting process is another program)."""
    counted = CountedTokenizer()
    monkeypatch.setattr(token_cache, "text_tokens", counted)
    return counted


class StartedCutter(tokens_ahead._Cutter):
    """The cutting process, waited for before the first rows are asked for, as a long export
    finds it: started, the texts it was sent back. Each process started is kept, to look at."""

    started: ClassVar[list[StartedCutter]] = []

    def __init__(self) -> None:
        super().__init__()
        StartedCutter.started.append(self)

    def rows_of(self, number: int) -> list[token_cache.Packed] | None:
        self.wait_for_first_rows()
        return super().rows_of(number)

    def wait_for_first_rows(self) -> None:
        deadline = time.monotonic() + 60
        while not self.received and self.rows.empty() and time.monotonic() < deadline:
            time.sleep(0.01)


class DyingCutter(StartedCutter):
    """A cutting process that dies once it has sent back its first rows, before it is sent
    the next texts."""

    def send(self, texts: list[str]) -> int:
        if self.sent:
            self.wait_for_first_rows()
            self.process.kill()
            self.process.join()
        return super().send(texts)


class NoCutter:
    def __init__(self) -> None:
        raise AssertionError("a cutting process was started")


def export(path: Path, out: Path, format_name: str = "conll", **options: object) -> str:
    with Project.open(path) as project:
        export_options = ExportOptions(schema=project.schema, **options)  # type: ignore[arg-type]
        export_project(project, out, format_name=format_name, options=export_options)
    return out.read_text(encoding="utf-8") if out.is_file() else "\n".join(
        file.read_text(encoding="utf-8") for file in sorted(out.iterdir())
    )


def compared_and_cut_with(
    cutter: type[tokens_ahead._Cutter], project_paths: tuple[Path, Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer,
) -> tuple[Path, str]:
    """The project to export with ``cutter`` as the cutting process, three documents a batch,
    and the other project's CoNLL export on one process to compare with (the texts it cut
    forgotten)."""
    ahead, alone = project_paths
    expected = export(alone, tmp_path / "alone")
    tokenizer.texts.clear()
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    monkeypatch.setattr(tokens_ahead, "_Cutter", cutter)
    return ahead, expected


@pytest.mark.parametrize("format_name", ["conll", "hf", "events"])
def test_an_export_has_the_texts_after_its_first_batch_cut_in_a_second_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer, format_name: str,
) -> None:
    ahead, alone = project_paths
    monkeypatch.setattr(tokens_ahead, "BATCH", DOCUMENTS)  # one batch: no process
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoCutter)
    expected = export(alone, tmp_path / "alone", format_name)
    assert len(tokenizer.texts) == DOCUMENTS - 1
    tokenizer.texts.clear()
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    monkeypatch.setattr(tokens_ahead, "_Cutter", StartedCutter)
    StartedCutter.started.clear()

    assert export(ahead, tmp_path / "ahead", format_name) == expected
    assert tokenizer.texts == [text(0), text(1), text(2)]  # the first batch; the rest came back
    assert cached_rows(ahead) == cached_rows(alone)
    [cutter] = StartedCutter.started
    assert cutter.sent == cutter.received == 4  # batches 2 to 5 (the last holds two documents)
    assert not cutter.process.is_alive()


def test_texts_whose_tokens_are_kept_are_not_sent_and_a_second_export_starts_no_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    ahead, _ = project_paths
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    with Project.open(ahead) as project:  # the third and fourth batches' texts kept already
        cache = token_cache.TokenCache(project.conn, writable=True)
        for annotated in project.iter_annotated(GOLD):
            if annotated.document.name in {f"doc{n:02d}" for n in range(6, 12)}:
                cache.tokens(annotated.document)
        cache.flush()
    tokenizer.texts.clear()
    monkeypatch.setattr(tokens_ahead, "_Cutter", StartedCutter)
    StartedCutter.started.clear()
    export(ahead, tmp_path / "once")
    [cutter] = StartedCutter.started
    assert cutter.sent == 2  # the second batch and the fifth
    assert tokenizer.texts == [text(0), text(1), text(2)]
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoCutter)
    export(ahead, tmp_path / "again")
    assert tokenizer.texts == [text(0), text(1), text(2)]


def test_an_export_goes_on_when_the_cutting_process_dies(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    ahead, expected = compared_and_cut_with(DyingCutter, project_paths, tmp_path, monkeypatch, tokenizer)

    assert export(ahead, tmp_path / "ahead") == expected
    # the first batch; the second came back; the third was sent as the process died and never
    # came back, and nothing more was sent: this process cut the rest (doc05 has no gold set)
    cut_here = [text(n) for n in (0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13)]
    assert tokenizer.texts == cut_here
    assert cached_rows(ahead) == cached_rows(project_paths[1])


def test_a_read_only_project_has_its_texts_cut_ahead_and_keeps_nothing(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    ahead, expected = compared_and_cut_with(StartedCutter, project_paths, tmp_path, monkeypatch, tokenizer)
    with Project.open(ahead, readonly=True) as project:
        export_project(project, tmp_path / "ahead.conll", format_name="conll")
    assert (tmp_path / "ahead.conll").read_text(encoding="utf-8") == expected
    assert tokenizer.texts == [text(0), text(1), text(2)]
    assert cached_rows(ahead) == {}


@pytest.mark.parametrize(
    ("format_name", "options"),
    [("jsonl", {}), ("brat", {}), ("conll", {"split": (80, 10, 10)})],
)
def test_exports_that_ask_for_no_tokens_or_reorder_the_documents_start_no_process(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    format_name: str, options: dict[str, object],
) -> None:
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoCutter)
    export(project_paths[0], tmp_path / "out", format_name, **options)


def test_the_agreement_has_the_texts_cut_ahead(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    ahead, alone = project_paths
    with Project.open(alone) as project:
        expected = project_agreement(project, ["amal", "badr"])
    tokenizer.texts.clear()
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    monkeypatch.setattr(tokens_ahead, "_Cutter", StartedCutter)
    with Project.open(ahead) as project:
        assert project_agreement(project, ["amal", "badr"]) == expected
    assert tokenizer.texts == [text(0), text(1), text(2)]


ORPHAN = """
import os, sys
from workbench.store.tokens_ahead import _Cutter
if __name__ == "__main__":
    cutter = _Cutter()
    cutter.send(["نص قصير"])
    while cutter.rows_of(0) is None:
        pass
    print(cutter.process.pid, flush=True)
    os._exit(0)  # gone without ending it, as when killed
"""


def test_the_cutting_process_ends_itself_when_the_export_s_process_is_gone(tmp_path: Path) -> None:
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN, encoding="utf-8")
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as orphaning:
        assert orphaning.stdout is not None
        pid = int(orphaning.stdout.readline())  # not to its end: the cutting process holds it open
        assert orphaning.wait(timeout=20) == 0
    deadline = time.monotonic() + 20
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(pid)


def running(pid: int) -> bool:
    """Whether the process is there and not a zombie left for its new parent to reap."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_long_documents_are_read_ahead_a_few_at_a_time(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of 250 documents of a million characters each would hold gigabytes."""
    ahead, alone = project_paths
    expected = export(alone, tmp_path / "alone")
    monkeypatch.setattr(tokens_ahead, "BATCH_CHARACTERS", len(text(13)) + 1)  # two texts reach it
    monkeypatch.setattr(tokens_ahead, "_Cutter", StartedCutter)
    StartedCutter.started.clear()
    assert export(ahead, tmp_path / "ahead") == expected
    [cutter] = StartedCutter.started
    assert cutter.sent == 6  # 14 documents two at a time; the first two cut here, doc05 in a pair


class SilentCutter(tokens_ahead._Cutter):
    """A process that never answers (still starting, as far as the export can tell); what each
    was sent is kept as it closes."""

    sent_at_close: ClassVar[list[int]] = []

    def rows_of(self, number: int) -> list[token_cache.Packed] | None:
        return None

    def close(self) -> None:
        SilentCutter.sent_at_close.append(self.sent)
        super().close()


def test_batches_are_not_sent_faster_than_the_process_answers(
    project_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    tokenizer: CountedTokenizer,
) -> None:
    """Sent while it starts, the texts waited in the pipe: 37 MB for long documents."""
    ahead, expected = compared_and_cut_with(SilentCutter, project_paths, tmp_path, monkeypatch, tokenizer)
    SilentCutter.sent_at_close.clear()
    assert export(ahead, tmp_path / "ahead") == expected
    assert len(tokenizer.texts) == DOCUMENTS - 1  # every text cut here
    assert SilentCutter.sent_at_close == [tokens_ahead.IN_FLIGHT]  # of the four batches after the first
