"""The project's token cache: tokens and sentence breaks cut once per text, read back by every
later export."""

from __future__ import annotations

import itertools
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import run_cli
from workbench.app.exporting import export_project
from workbench.core.model import GOLD, AnnotatedDocument, AnnotationSet, Span, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.core.tokens import sentence_breaks, text_tokens, token_offsets
from workbench.store import migrations, token_cache
from workbench.store.connection import BUSY_TIMEOUT_MS
from workbench.store.project import Project
from workbench.store.token_cache import cut, pack, unpack

TEXTS = [
    "قال محمد إن تنظيم داعش هاجم الموصل أمس.",
    "وأضاف: «العملية مستمرة»، حسب المصدر 😀 في بغداد.",
    "قال محمد إن تنظيم داعش هاجم الموصل أمس.",  # the same text again: one row
    "x" * 70_000 + " نص",  # a token longer than two bytes can count
]


def documents() -> list[AnnotatedDocument]:
    return [
        AnnotatedDocument(
            make_document(f"doc{number}", text),
            (AnnotationSet(GOLD, (Span(f"s{number}", 0, 3, "PER", text[:3]),)),),
        )
        for number, text in enumerate(TEXTS)
    ]


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "p.tawsim"
    with Project.create(path, builtin_schema("generic")) as project:
        project.add_documents(documents())
    return path


class CountedTokenizer:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str) -> token_cache.Cut:
        self.texts.append(text)
        return cut(text)


@pytest.fixture
def tokenizer(monkeypatch: pytest.MonkeyPatch) -> CountedTokenizer:
    counted = CountedTokenizer()
    monkeypatch.setattr(token_cache, "cut", counted)
    return counted


def cached_rows(path: Path) -> dict[str, tuple[bytes, bytes]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT sha256, offsets, sentences FROM token_offsets")
        return {sha256: (offsets, sentences) for sha256, offsets, sentences in rows}
    finally:
        conn.close()


@pytest.mark.parametrize("format_name", ["conll", "hf", "events"])
def test_a_second_export_reads_the_cached_offsets_and_never_tokenizes(
    project_path: Path, tmp_path: Path, tokenizer: CountedTokenizer, format_name: str
) -> None:
    with Project.open(project_path) as project:
        export_project(project, tmp_path / "first", format_name=format_name)
        assert sorted(tokenizer.texts) == sorted(set(TEXTS))
        tokenizer.texts.clear()
        export_project(project, tmp_path / "second", format_name=format_name)
    assert tokenizer.texts == []
    first, second = (sorted((tmp_path / name).rglob("*.*")) for name in ("first", "second"))
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]


def test_rows_read_ahead_for_a_batch_take_one_query_not_one_a_document(
    project_path: Path, tmp_path: Path, tokenizer: CountedTokenizer
) -> None:
    """A query for each document let the window's thread wait up to 100 ms for the interpreter
    while an export on a worker rendered a batch (``TokenCache.read_ahead``)."""
    with Project.open(project_path) as project:
        export_project(project, tmp_path / "first.conll", format_name="conll")  # keeps the rows
        without_row = make_document("d", TEXTS[1]).sha256  # as a text new to the cache
        project.conn.execute("DELETE FROM token_offsets WHERE sha256 = ?", [without_row])
        documents = list(project.iter_documents())
        tokenizer.texts.clear()
        cache = token_cache.TokenCache(project.conn, writable=False)
        cache.read_ahead({document.sha256 for document in documents})
        queries: list[str] = []
        project.conn.set_trace_callback(queries.append)
        try:
            found = [cache.tokens(document) for document in documents]
        finally:
            project.conn.set_trace_callback(None)
    assert queries == []
    assert found == [text_tokens(document.text) for document in documents]
    assert tokenizer.texts == [TEXTS[1]]  # the text without a row alone is cut


def test_the_cached_offsets_are_those_of_the_tokenizer(project_path: Path, tmp_path: Path) -> None:
    with Project.open(project_path) as project:
        export_project(project, tmp_path / "out.conll", format_name="conll")
    rows = cached_rows(project_path)
    assert len(rows) == len(set(TEXTS))
    for text in TEXTS:
        offsets, sentences = rows[make_document("d", text).sha256]
        assert unpack(offsets) == token_offsets(text).ravel().tolist()
        assert unpack(sentences) == sentence_breaks(text)


def test_a_read_only_project_is_tokenized_without_writing(
    project_path: Path, tmp_path: Path, tokenizer: CountedTokenizer
) -> None:
    with Project.open(project_path, readonly=True) as project:
        export_project(project, tmp_path / "out.conll", format_name="conll")
    assert sorted(tokenizer.texts) == sorted(set(TEXTS))
    assert cached_rows(project_path) == {}


def test_the_export_command_fills_the_cache(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, errors = run_cli(capsys, "export", "--format", "hf", project_path, tmp_path / "hf")
    assert code == 0, errors
    assert len(cached_rows(project_path)) == len(set(TEXTS))


def test_the_agreement_command_fills_the_cache(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The agreement opened its project read-only, so every agreement cut every text again."""
    with Project.open(project_path) as project:
        for document in project.documents():
            for annotator in ("amal", "badr"):
                project.add_span(document.id, annotator, 0, 3, "PER")
                project.set_status(document.id, annotator, Status.DONE)
    code, _, errors = run_cli(capsys, "agreement", project_path, "--json")
    assert code == 0, errors
    assert len(cached_rows(project_path)) == len(set(TEXTS))


def test_offsets_of_another_tokenizer_are_cut_again(
    project_path: Path, tmp_path: Path, tokenizer: CountedTokenizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.open(project_path) as project:
        export_project(project, tmp_path / "a.conll", format_name="conll")
        tokenizer.texts.clear()
        monkeypatch.setattr(token_cache, "tokenizer_name", lambda: "camel-tools 9.9, Unicode 99")
        export_project(project, tmp_path / "b.conll", format_name="conll")
    assert sorted(tokenizer.texts) == sorted(set(TEXTS))


@settings(deadline=None)
@given(st.text(max_size=200))
def test_packing_keeps_every_offset(text: str) -> None:
    boundaries = token_offsets(text).ravel().tolist()
    assert unpack(pack(boundaries)) == boundaries
    assert pack(token_offsets(text)) == pack(boundaries)
    assert cut(text).tokens == text_tokens(text)
    assert unpack(pack(sentence_breaks(text))) == sentence_breaks(text)


@given(st.lists(st.integers(0, 2**40), max_size=50).map(sorted))
def test_packing_stores_the_steps_between_positions(positions: list[int]) -> None:
    """The layout the module docstring gives (and rows already written hold), whatever way
    ``pack`` finds the steps."""
    steps = [later - earlier for earlier, later in itertools.pairwise([0, *positions])]
    packed = pack(positions)
    width = packed[0]
    assert max(steps, default=0) < 1 << (8 * width) and (width == 1 or max(steps) >= 1 << (4 * width))
    assert packed[1:] == b"".join(step.to_bytes(width, "little") for step in steps)


@pytest.mark.parametrize("step", [1, 255, 256, 65_535, 65_536, 2**32])
def test_packing_widens_for_long_steps(step: int) -> None:
    boundaries = [0, 1, step, step + 2]
    assert unpack(pack(boundaries)) == boundaries


def test_a_format_2_file_gains_the_token_cache_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        with Project.create(path, builtin_schema("generic")) as project:
            project.add_documents(documents())
    with Project.open(path, readonly=True) as project:  # read-only: tokenized, not kept
        export_project(project, tmp_path / "old.conll", format_name="conll")
    untouched = sqlite3.connect(path)
    assert migrations.file_version(untouched) == 2
    untouched.close()
    with Project.open(path) as project:
        assert migrations.file_version(project.conn) == migrations.format_version()
        export_project(project, tmp_path / "new.conll", format_name="conll")
    assert len(cached_rows(path)) == len(set(TEXTS))
    backup = sqlite3.connect(migrations.backup_path(path, 2))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master")}
    assert "token_offsets" not in tables and "documents" in tables
    backup.close()
    assert (tmp_path / "old.conll").read_bytes() == (tmp_path / "new.conll").read_bytes()


GOOD = b"\x01\x00\x01"
PAST_THE_END = b"\x04" + bytes([0, 0, 0, 0x80]) * 2
BAD_ROWS = [
    (b"\x03\x01", GOOD), (b"", GOOD), (b"\x01\x00\x00", GOOD), (b"\x01\x01\x01\x01", GOOD),
    (PAST_THE_END, GOOD), (GOOD, PAST_THE_END), (GOOD, b"\x05"),
]


@pytest.mark.parametrize(("offsets", "sentences"), BAD_ROWS)
def test_a_row_that_cannot_be_the_text_s_tokens_is_cut_again(
    project_path: Path, tmp_path: Path, tokenizer: CountedTokenizer, offsets: bytes, sentences: bytes
) -> None:
    """A bad width, nothing, an empty token, a start without an end, a token or a sentence
    break past the text."""
    with Project.open(project_path) as project:
        export_project(project, tmp_path / "a.conll", format_name="conll")
        project.conn.execute("UPDATE token_offsets SET offsets = ?, sentences = ?", [offsets, sentences])
        tokenizer.texts.clear()
        export_project(project, tmp_path / "b.conll", format_name="conll")
    assert sorted(tokenizer.texts) == sorted(set(TEXTS))
    assert (tmp_path / "a.conll").read_bytes() == (tmp_path / "b.conll").read_bytes()


def test_an_export_while_another_program_writes_goes_on_without_filling_the_cache(
    project_path: Path, tmp_path: Path
) -> None:
    """The cache's write does not wait out the busy timeout (30 s) and then fail the export: it
    is let go, the export's files are those of an export with the cache written, and a later
    export fills the cache."""
    writer = sqlite3.connect(project_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        with Project.open(project_path) as project:
            began = time.monotonic()
            export_project(project, tmp_path / "locked.conll", format_name="conll")
            waited = time.monotonic() - began
            busy_timeout = project.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert waited < 5
    assert busy_timeout == BUSY_TIMEOUT_MS  # the project's own writes still wait as documented
    assert cached_rows(project_path) == {}
    with Project.open(project_path) as project:
        export_project(project, tmp_path / "free.conll", format_name="conll")
    assert len(cached_rows(project_path)) == len(set(TEXTS))
    assert (tmp_path / "locked.conll").read_bytes() == (tmp_path / "free.conll").read_bytes()
