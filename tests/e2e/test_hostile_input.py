"""Hostile input through the command line: one line naming the file and the place, exit 1, and
the project unchanged. Each case printed "unexpected ValueError" (or RecursionError,
UnicodeEncodeError, IntegrityError), followed a link out of a folder, or hung, before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT
from tests.conftest import run_cli as run
from tests.e2e.test_cli import project  # noqa: F401 (a fixture)
from workbench.cli import main

TEXT = "هاجم مسلحون القرية أمس"
DEEP = "[" * 100_000 + "]" * 100_000
HUGE = "7" * 5000


def refused(capsys: pytest.CaptureFixture[str], project: Path, *argv: str | Path) -> str:
    """The one line of an import refused, after checking that nothing was imported."""
    code, _, err = run(capsys, "import", project, *argv)
    assert code == 1, err
    assert err.count("\n") == 1 and "unexpected" not in err, err
    stats = json.loads(run(capsys, "stats", project, "--json")[1])
    assert (stats["documents"], stats["spans"]) == (0, 0)
    return err


def jsonl_record(**fields: object) -> str:
    start = TEXT.index("مسلحون")
    record: dict[str, Any] = {"name": "d", "text": TEXT, "spans": [
        {"id": "t1", "start": 0, "end": 4, "label": "Conflict.Attack", "text": "هاجم"},
        {"id": "p1", "start": start, "end": start + 6, "label": "PER", "text": "مسلحون"},
    ], "events": [{"id": "e1", "type": "Conflict.Attack", "trigger": "t1",
                   "arguments": [{"role": "Attacker", "span": "p1"}]}]}  # fmt: skip
    record.update(fields)
    return json.dumps(record)  # ASCII: a lone surrogate becomes a \u escape


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ('{"text": "abc", "metadata": {"n": ' + HUGE + "}}", "line 2, column 35: a number has too many digits"),
        ('{"text": "abc", "metadata": {"n": ' + DEEP + "}}", "line 2, column 1: the JSON is nested too deeply"),
        (jsonl_record(name="\udcff"), "line 2, column "),
        (jsonl_record(id="\ud800"), "line 2, column "),
        (jsonl_record(text=TEXT).replace('"Attacker"', '"\\ud800"'), "line 2, column "),
        (jsonl_record(spans=[{"id": "p", "start": 0, "end": 4, "label": "PER", "text": "هاجم",
                              "note": "\udc00"}], events=[]), "line 2, column "),
        (jsonl_record(events=[{"id": "e1", "type": "Conflict.Attack", "trigger": "t1"}] * 2),
         "line 2: 'imported': the event id 'e1' is used twice"),
    ],
)
def test_jsonl_lines_python_cannot_take_are_refused_naming_the_line(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], line: str, place: str
) -> None:
    source = tmp_path / "in.jsonl"
    valid = json.dumps({"text": "نص سليم"}, ensure_ascii=False)
    source.write_text(f"{valid}\n{line}\n", encoding="utf-8", errors="surrogatepass")
    err = refused(capsys, project, source)
    assert err.startswith(f"workbench: error: {source}, {place}")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("in.jsonl", '{"text": "abc", "label": ' + DEEP + "}"),
        ("in.jsonl", '{"text": "abc", "label": [[0, ' + HUGE + ', "PER"]]}'),
        ("in.jsonl", '{"text": "\\ud800bc", "label": []}'),
    ],
)
def test_doccano_lines_python_cannot_take_are_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], name: str, content: str
) -> None:
    source = tmp_path / name
    source.write_text(content + "\n", encoding="utf-8")
    err = refused(capsys, project, source, "--format", "doccano")
    assert err.startswith(f"workbench: error: {source}, line 1")


@pytest.mark.parametrize(
    "content",
    [
        '[{"data": {"text": "abc"}, "annotations": ' + DEEP + "}]",
        '[{"data": {"text": "abc"}, "id": ' + HUGE + "}]",
        '[{"data": {"text": "\\udfffabc"}}]',
    ],
)
def test_label_studio_tasks_python_cannot_take_are_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    source = tmp_path / "tasks.json"
    source.write_text(content, encoding="utf-8")
    err = refused(capsys, project, source)
    assert err.startswith(f"workbench: error: {source}, line 1")


@pytest.mark.parametrize("offsets", ["0 ²", "٠ 3", "0 " + "1" * 5000])
def test_brat_offsets_that_are_not_ascii_digits_are_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], offsets: str
) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text(f"T1\tPER {offsets}\tهاج\n", encoding="utf-8")
    err = refused(capsys, project, folder, "--format", "brat")
    assert err.startswith(f"workbench: error: {folder / 'a.ann'}, line 1: ")
    assert "are not offsets" in err


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_imported_with_a_readable_name(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/\xff\xfe-news.txt"
    Path(os.fsdecode(raw)).write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "import", project, folder)
    assert code == 0, err
    names = [d["name"] for d in map(json.loads, _jsonl_export(capsys, tmp_path, project))]
    assert names == ["\ufffd\ufffd-news"]
    assert run(capsys, "check", project)[0] == 0


def _jsonl_export(capsys: pytest.CaptureFixture[str], tmp_path: Path, project: Path) -> list[str]:
    out = tmp_path / "out.jsonl"
    assert run(capsys, "export", project, out, "--format", "jsonl", "--source", "all")[0] == 0
    return out.read_text(encoding="utf-8").splitlines()


# ---- folders never lead out through a link


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("كلمة السر", encoding="utf-8")
    return secret


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
@pytest.mark.parametrize("fmt", ["txt", "brat"])
def test_a_link_out_of_an_imported_folder_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], outside: Path, fmt: str
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    if fmt == "brat":
        (folder / "a.ann").write_text("", encoding="utf-8")
        (folder / "sub" / "b.ann").write_text("", encoding="utf-8")
    link = folder / "sub" / "b.txt"
    link.symlink_to(outside)
    err = refused(capsys, project, folder, "--format", fmt)
    assert err.startswith(f"workbench: error: {link}: a symbolic link to {outside.resolve()}, outside")
    link.unlink()
    (folder / "sub" / "elsewhere").symlink_to(outside.parent, target_is_directory=True)
    assert "a symbolic link to" in refused(capsys, project, folder, "--format", fmt)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_links_inside_the_folder_are_followed_and_a_named_link_is_read(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], outside: Path
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "sub" / "a.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    code, out, err = run(capsys, "import", project, folder)
    assert code == 0, err
    assert out.startswith("imported 1 new document (1 already in the project)")
    named = tmp_path / "named.txt"
    named.symlink_to(outside)
    assert run(capsys, "import", project, named)[0] == 0


# ---- open: one line and exit 1 rather than a dialog no one sees

OPEN_IN_A_CHILD = "import sys; from workbench.cli import main; sys.exit(main(sys.argv[1:]))"


def open_in_a_child(path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-c", OPEN_IN_A_CHILD, "open", str(path), "--annotator", "amal"],
        capture_output=True, text=True, timeout=60, cwd=REPO_ROOT, env=env | environment,
    )


def test_open_on_a_file_that_is_not_a_project_says_so_before_any_dialog(tmp_path: Path) -> None:
    path = tmp_path / "notes.tawsim"
    path.write_text("not a project", encoding="utf-8")
    child = open_in_a_child(path, QT_QPA_PLATFORM="offscreen")  # a dialog would wait forever
    assert child.returncode == 1
    assert child.stderr == f"workbench: error: {path}: not a Tawsim project file (file is not a database)\n"


@pytest.mark.skipif(sys.platform != "linux", reason="a display is an X11 or Wayland matter")
def test_open_with_no_display_says_so(tmp_path: Path, project: Path) -> None:
    child = open_in_a_child(project)
    assert child.returncode == 1
    assert child.stderr.count("\n") == 1 and "no display" in child.stderr


def test_a_blank_annotator_name_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert "name cannot be blank" in refused(capsys, project, source, "--annotator", " ")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_project_name_that_is_not_utf8_is_printed_not_a_crash(tmp_path: Path) -> None:
    """A strict UTF-8 stdout used to raise UnicodeEncodeError after the project was made."""
    path = os.fsdecode(os.fsencode(tmp_path) + b"/\xff.tawsim")
    child = subprocess.run(
        [sys.executable, "-c", OPEN_IN_A_CHILD, "new", path], capture_output=True, timeout=60,
        cwd=REPO_ROOT, env=os.environ | {"PYTHONIOENCODING": "utf-8"},
    )
    assert child.returncode == 0, child.stderr
    assert b"created " in child.stdout and b"\\udcff.tawsim" in child.stdout


def test_an_error_naming_a_file_with_a_line_break_stays_one_line(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "two\nlines.jsonl"
    source.write_text("{not json}\n", encoding="utf-8")
    err = refused(capsys, project, source)
    assert "two\\nlines.jsonl, line 1, column 2: not valid JSON" in err


def test_a_status_that_is_not_text_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzzer's kind of mutation: a list where a status belongs was TypeError."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "abc", "status": {"amal": ["done"]}}\n', encoding="utf-8")
    assert f"{source}, line 1: \"status\" of 'amal' is ['done']" in refused(capsys, project, source)


@pytest.mark.skipif(sys.platform != "linux", reason="arguments are bytes on Linux only")
def test_an_annotator_name_that_is_not_utf8_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.conll"
    source.write_text("محمد B-PER\n", encoding="utf-8")
    err = refused(capsys, project, source, "--annotator", os.fsdecode(b"\xff"))
    assert "--annotator '\\udcff': the name holds bytes that are not UTF-8" in err


def test_a_bug_is_one_line_and_workbench_debug_shows_its_traceback(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.cli.parser

    def bug(args: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(workbench.cli.parser, "run_stats", bug)
    monkeypatch.delenv("WORKBENCH_DEBUG", raising=False)
    code, _, err = run(capsys, "stats", project)
    assert (code, err) == (1, "workbench: error: unexpected ValueError: a bug (WORKBENCH_DEBUG=1 shows where)\n")
    monkeypatch.setenv("WORKBENCH_DEBUG", "1")
    with pytest.raises(ValueError, match="a bug"):
        main(["stats", str(project)])
