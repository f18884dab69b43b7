"""Tokens cut ahead in a second process while the agreement (or any reader of the documents in
order) works on those before (``store.tokens_ahead``)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.core.ahead_process_doubles import DyingAfterFirstAnswer, WaitedFor
from tests.store.test_token_cache import CountedTokenizer, cached_rows, tokenizer  # noqa: F401 (fixture)
from workbench.app.agreement import project_agreement
from workbench.core.model import GOLD, AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.core.tokens import TextTokens
from workbench.store import token_cache, tokens_ahead
from workbench.store.project import Project
from workbench.store.tokens_ahead import cut_ahead

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


def projects_of(folder: Path, same: list[AnnotatedDocument]) -> tuple[Path, Path]:
    """Two projects of the same documents: one to read with a second process, one without."""
    paths = folder / "ahead.tawsim", folder / "alone.tawsim"
    for path in paths:
        with Project.create(path, builtin_schema("generic")) as project:
            project.add_documents(same)
    return paths


@pytest.fixture
def project_paths(tmp_path: Path) -> tuple[Path, Path]:
    return projects_of(tmp_path, documents())


class StartedCutter(WaitedFor[list[str], list[token_cache.Packed]], tokens_ahead._Cutter):
    """The cutting process, waited for before the first rows are asked for, as a long run
    finds it: started, the texts it was sent back. Each process started is kept, to look at."""

    started: ClassVar[list[StartedCutter]] = []

    def __init__(self) -> None:
        super().__init__()
        StartedCutter.started.append(self)


class DyingCutter(DyingAfterFirstAnswer[list[str], list[token_cache.Packed]], StartedCutter):
    """A cutting process that dies once it has sent back its first rows, before it is sent
    the next texts."""


class NoCutter:
    def __init__(self) -> None:
        raise AssertionError("a cutting process was started")


def tokens_of_every_document(path: Path, *, readonly: bool = False) -> list[TextTokens]:
    """The tokens of each document with a gold set, asked for in order with the texts cut
    ahead, as the agreement asks for them; those cut kept in the project unless ``readonly``."""
    with Project.open(path, readonly=readonly) as project, token_cache.token_cache(
        project.conn, writable=not readonly
    ) as cache, cut_ahead(project.iter_annotated(GOLD), cache) as in_order:
        return [cache.tokens(annotated.document) for annotated in in_order if annotated.sets]


def compared_and_cut_with(
    cutter: type[tokens_ahead._Cutter], project_paths: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer,
) -> tuple[Path, list[TextTokens]]:
    """The project to read with ``cutter`` as the cutting process, three documents a batch,
    and the other project's tokens cut on one process to compare with (the texts it cut
    forgotten)."""
    ahead, alone = project_paths
    monkeypatch.setattr(tokens_ahead, "BATCH", DOCUMENTS)  # one batch: no process
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoCutter)
    expected = tokens_of_every_document(alone)
    tokenizer.texts.clear()
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    monkeypatch.setattr(tokens_ahead, "_Cutter", cutter)
    return ahead, expected


def test_the_texts_after_the_first_batch_are_cut_in_a_second_process(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    ahead, expected = compared_and_cut_with(StartedCutter, project_paths, monkeypatch, tokenizer)
    StartedCutter.started.clear()

    assert tokens_of_every_document(ahead) == expected
    assert tokenizer.texts == [text(0), text(1), text(2)]  # the first batch; the rest came back
    assert cached_rows(ahead) == cached_rows(project_paths[1])
    [cutter] = StartedCutter.started
    assert cutter.sent == cutter.received == 4  # batches 2 to 5 (the last holds two documents)
    assert not cutter.process.is_alive()


def test_texts_whose_tokens_are_kept_are_not_sent_and_a_second_reading_starts_no_process(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
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
    tokens_of_every_document(ahead)
    [cutter] = StartedCutter.started
    assert cutter.sent == 2  # the second batch and the fifth
    assert tokenizer.texts == [text(0), text(1), text(2)]
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoCutter)
    tokens_of_every_document(ahead)
    assert tokenizer.texts == [text(0), text(1), text(2)]


def test_the_kept_tokens_of_each_batch_are_read_in_one_query(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    """A query for each document starved a waiting thread (the window's) of the interpreter:
    the agreement of 3 x 10,000 documents on a worker kept one waiting up to 83 ms, 41-51 times
    over 10 ms (``TokenCache.read_ahead``)."""
    ahead, _ = project_paths
    monkeypatch.setattr(tokens_ahead, "BATCH", DOCUMENTS)  # one batch: cut here and kept
    monkeypatch.setattr(tokens_ahead, "_Cutter", NoCutter)
    expected = tokens_of_every_document(ahead)
    monkeypatch.setattr(tokens_ahead, "BATCH", BATCH)
    queries: list[str] = []
    connect = token_cache.TokenCache.__init__

    def traced(cache: token_cache.TokenCache, *args: Any, **kwargs: Any) -> None:
        connect(cache, *args, **kwargs)
        cache.conn.set_trace_callback(queries.append)

    monkeypatch.setattr(token_cache.TokenCache, "__init__", traced)
    assert tokens_of_every_document(ahead) == expected
    row_queries = [query for query in queries if query.startswith("SELECT sha256, offsets")]
    assert len(row_queries) == -(-DOCUMENTS // BATCH)  # one a batch
    assert not [query for query in queries if "sha256 = " in query]  # none a document


def test_the_reading_goes_on_when_the_cutting_process_dies(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    ahead, expected = compared_and_cut_with(DyingCutter, project_paths, monkeypatch, tokenizer)

    assert tokens_of_every_document(ahead) == expected
    # the first batch; the second came back; the third was sent as the process died and never
    # came back, and nothing more was sent: this process cut the rest (doc05 has no gold set)
    cut_here = [text(n) for n in (0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13)]
    assert tokenizer.texts == cut_here
    assert cached_rows(ahead) == cached_rows(project_paths[1])


def test_a_read_only_project_has_its_texts_cut_ahead_and_keeps_nothing(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    ahead, expected = compared_and_cut_with(StartedCutter, project_paths, monkeypatch, tokenizer)
    assert tokens_of_every_document(ahead, readonly=True) == expected
    assert tokenizer.texts == [text(0), text(1), text(2)]
    assert cached_rows(ahead) == {}


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
    while cutter.answer(0) is None:
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
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    """A batch of 250 documents of a million characters each would hold gigabytes."""
    ahead, expected = compared_and_cut_with(StartedCutter, project_paths, monkeypatch, tokenizer)
    monkeypatch.setattr(tokens_ahead, "BATCH_CHARACTERS", len(text(13)) + 1)  # two texts reach it
    StartedCutter.started.clear()
    assert tokens_of_every_document(ahead) == expected
    [cutter] = StartedCutter.started
    assert cutter.sent == 6  # 14 documents two at a time; the first two cut here, doc05 in a pair


class SilentCutter(tokens_ahead._Cutter):
    """A process that never answers (still starting, as far as the reader can tell); what each
    was sent is kept as it closes."""

    sent_at_close: ClassVar[list[int]] = []

    def answer(self, number: int) -> list[token_cache.Packed] | None:
        return None

    def in_flight(self) -> int:
        return self.sent  # nothing comes back

    def close(self) -> None:
        SilentCutter.sent_at_close.append(self.sent)
        super().close()


def test_batches_are_not_sent_faster_than_the_process_answers(
    project_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tokenizer: CountedTokenizer
) -> None:
    """Sent while it starts, the texts waited in the pipe: 37 MB for long documents."""
    ahead, expected = compared_and_cut_with(SilentCutter, project_paths, monkeypatch, tokenizer)
    SilentCutter.sent_at_close.clear()
    assert tokens_of_every_document(ahead) == expected
    assert len(tokenizer.texts) == DOCUMENTS - 1  # every text cut here
    assert SilentCutter.sent_at_close == [tokens_ahead.IN_FLIGHT]  # of the four batches after the first
