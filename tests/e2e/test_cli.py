"""The command line, driven as a user would, in-process through ``main``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, printed_by_a_fresh_interpreter
from tests.conftest import run_cli as run
from workbench import __version__
from workbench.cli import main

STATS_IN_A_FRESH_PROCESS = """
import json, sys
from workbench.cli import main

code = main(["stats", sys.argv[1], "--json"])
print(json.dumps({"exit": code, "sqlite_utils_loaded": "sqlite_utils" in sys.modules}))
"""
COMMAND_IN_A_FRESH_PROCESS = """
import json, runpy, sys
sys.argv = ["workbench", *sys.argv[1:]]
try:
    runpy.run_module("workbench", run_name="__main__")
except SystemExit as end:
    print(json.dumps({"exit": end.code, "loaded": sorted(sys.modules)}))
"""
"""``python -m workbench`` with the given arguments; prints its exit status and the modules loaded."""
ARTICLE = "هاجم مسلحون قرية قرب الموصل.\nوقال محمد إن 🇮🇶 الهجوم أسفر عن 3 قتلى."


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.tawsim"
    assert run(capsys, "new", path)[0] == 0
    return path


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for index in range(count):
        (folder / f"a{index}.txt").write_text(f"{ARTICLE}\r\nرقم {index}", encoding="utf-8")
    return folder


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2


def test_new_import_stats(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_articles(tmp_path / "in", 3)
    code, out, _ = run(capsys, "import", project, folder)
    assert code == 0 and "imported 3 new documents" in out
    code, out, _ = run(capsys, "stats", project, "--json")
    stats = json.loads(out)
    assert (stats["documents"], stats["annotators"], stats["spans"], stats["events"]) == (3, [], 0, 0)


def test_stats_reads_without_importing_sqlite_utils(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a fresh interpreter: importing sqlite-utils would cost most of the half second
    ``workbench stats`` may take."""
    run(capsys, "import", project, write_articles(tmp_path / "in", 2))
    result = subprocess.run(
        [sys.executable, "-c", STATS_IN_A_FRESH_PROCESS, str(project)], cwd=REPO_ROOT,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    *stats_lines, last_line = result.stdout.splitlines()
    stats = json.loads("\n".join(stats_lines))
    assert (stats["project"], stats["documents"], stats["spans"]) == (str(project), 2, 0)
    assert stats["schema"] == "conflict-news" and stats["sets_by_status"] == {}
    assert json.loads(last_line) == {"exit": 0, "sqlite_utils_loaded": False}


@pytest.mark.parametrize("command", ["import", "stats"])
def test_a_command_starts_without_multiprocessing_or_statistics(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Only the installed program, started as a training process, needs ``multiprocessing`` at
    its start, and only a spawned child asks it whether it is importing its parent's script:
    with ``statistics``, 15 ms of every command's start (issue 16's import of 10,000 documents
    is 1.4 s)."""
    articles = write_articles(tmp_path / "in", 2)
    arguments = [command, str(project), *([str(articles)] if command == "import" else [])]
    ran = json.loads(printed_by_a_fresh_interpreter(COMMAND_IN_A_FRESH_PROCESS, *arguments)[-1])
    assert ran["exit"] in (0, None)
    assert {"multiprocessing", "statistics"} & set(ran["loaded"]) == set()


def test_the_stored_text_has_lf_line_ends(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_articles(tmp_path / "in", 1)
    run(capsys, "import", project, folder)
    out_file = tmp_path / "out.jsonl"
    assert run(capsys, "export", project, out_file, "--format", "jsonl", "--source", "all")[0] == 0
    [record] = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == f"{ARTICLE}\nرقم 0"


def test_an_error_is_one_line_and_exit_1(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("نص".encode() + b"\xff\xfe")
    code, _, err = run(capsys, "import", project, bad)
    assert code == 1
    assert err.count("\n") == 1 and "bad.txt" in err and "byte 4" in err
    assert "Traceback" not in err


def test_a_bad_file_leaves_the_project_as_it_was(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_articles(tmp_path / "in", 2)
    (folder / "z_broken.txt").write_bytes(b"abc\x00def")
    code, _, err = run(capsys, "import", project, folder)
    assert code == 1 and "z_broken.txt" in err
    code, out, _ = run(capsys, "stats", project, "--json")
    assert json.loads(out)["documents"] == 0


def test_jsonl_round_trip_through_a_new_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    text = "قال محمد إن 🇮🇶 تنظيم داعش هاجم."
    record = {
        "id": "d1", "name": "one", "text": text, "metadata": {"site": "x"},
        "spans": [
            {"id": "s1", "start": 4, "end": 8, "label": "PER", "text": "محمد", "annotator": "amal",
             "attributes": {}},
            {"id": "s2", "start": 15, "end": 25, "label": "ORG", "text": "تنظيم داعش", "annotator": "badr",
             "attributes": {}},
        ],
        "events": [],
    }
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    first, second = tmp_path / "a.tawsim", tmp_path / "b.tawsim"
    out1, out2 = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    for project, src, out in ((first, source, out1), (second, out1, out2)):
        assert run(capsys, "new", project, "--schema", "generic")[0] == 0
        assert run(capsys, "import", project, src)[0] == 0
        assert run(capsys, "export", project, out, "--format", "jsonl", "--source", "all")[0] == 0
    exported1 = json.loads(out1.read_text(encoding="utf-8"))
    exported2 = json.loads(out2.read_text(encoding="utf-8"))
    assert exported1 == exported2
    assert exported1["spans"] == record["spans"]
    assert exported1["status"] == {"amal": "done", "badr": "done"}


def test_jsonl_errors_name_the_file_and_line(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    good = json.dumps({"text": "نص"}, ensure_ascii=False)
    source.write_text(good + "\n" + '{"text": 5}\n', encoding="utf-8")
    code, _, err = run(capsys, "import", project, source)
    assert code == 1 and "in.jsonl, line 2" in err and '"text"' in err


def test_check_reports_a_drifted_span(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    project = tmp_path / "p.tawsim"
    run(capsys, "new", project, "--schema", "generic")
    source = tmp_path / "in.jsonl"
    span = {"start": 4, "end": 8, "label": "PER", "text": "محمد", "annotator": "amal"}
    record = {"text": "قال محمد", "spans": [span]}
    source.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    run(capsys, "import", project, source)
    assert run(capsys, "check", project)[0] == 0
    conn = sqlite3.connect(project)
    conn.execute("UPDATE spans SET start = 3")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "check", project)
    assert code == 1 and "محمد" in err


def test_export_of_an_unknown_annotator_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", project, tmp_path / "o.jsonl", "--format", "jsonl", "--source", "nobody")
    assert code == 1 and "nobody" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_unknown_schema_names_the_builtins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", tmp_path / "x.tawsim", "--schema", "nonesuch")
    assert code == 1 and "conflict-news" in err


def test_assign_package_merge(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_articles(tmp_path / "in", 4)
    run(capsys, "import", project, folder)
    code, out, _ = run(capsys, "assign", project, "--annotator", "amal", "--sample", "2", "--seed", "3")
    assert code == 0 and "assigned 2 documents" in out
    package = tmp_path / "amal.tawsim"
    code, out, _ = run(capsys, "package", project, "--annotator", "amal", "-o", package)
    assert code == 0 and "wrote 2 documents" in out
    code, out, _ = run(capsys, "merge", project, package)
    assert code == 0 and "0 annotation sets taken, 2 already up to date" in out
    code, _, err = run(capsys, "merge", project, tmp_path / "missing.tawsim")
    assert code == 1 and "missing.tawsim" in err
    code, _, err = run(capsys, "assign", project, "--annotator", "amal", "a0", "--all")
    assert code == 1 and "not both" in err


def test_assign_takes_document_names_after_the_options(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", project, write_articles(tmp_path / "in", 3))
    code, out, _ = run(capsys, "assign", project, "--annotator", "amal", "a0", "a2")
    assert code == 0 and "assigned 2 documents" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(project), "--bogus"])
    assert exit_info.value.code == 2


def test_conll_import_with_a_label_map_and_export_with_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.tawsim"
    run(capsys, "new", project, "--schema", "generic")
    source = tmp_path / "in.conll"
    source.write_text("قال O\nمحمد I-PERS\nبن I-PERS\nسلمان I-PERS\n\nفي O\nالرياض B-LOC\n", encoding="utf-8")
    code, _, err = run(capsys, "import", project, source, "--annotator", "gold")
    assert code == 1 and "PERS" in err and "line 2" in err
    label_map = tmp_path / "map.tsv"
    label_map.write_text("PERS\tPER\n", encoding="utf-8")
    code, out, err = run(capsys, "import", project, source, "--annotator", "gold", "--label-map", label_map)
    assert code == 0 and "2 spans" in out
    assert "warning: 1 illegal I- (or E-) tag read as the start of a span" in err
    out_file = tmp_path / "out.conll"
    code, _, _ = run(capsys, "export", project, out_file, "--format", "conll", "--scheme", "bioes")
    assert code == 0
    assert out_file.read_text(encoding="utf-8").split("\n")[:4] == ["قال O", "محمد B-PER", "بن I-PER", "سلمان E-PER"]


def test_export_split_needs_three_percentages(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(project), str(tmp_path / "o"), "--format", "conll", "--split", "80/30/10"])
    assert exit_info.value.code == 2
    assert "add up to 100" in capsys.readouterr().err


def test_a_command_that_updates_an_earlier_projects_format_says_where_its_backup_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command opening a project of an earlier version to write brings it forward after a
    backup; it says so, once, naming the backup. One that only reads writes nothing and says
    nothing."""
    from workbench.core.schema import builtin_schema
    from workbench.store import migrations
    from workbench.store.project import Project

    project = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
        Project.create(project, builtin_schema("generic")).close()
    backup = migrations.backup_path(project, migrations.format_version() - 1)
    code, _, err = run(capsys, "stats", project)
    assert (code, err, backup.exists()) == (0, "", False)
    (tmp_path / "a.txt").write_text("نص قصير", encoding="utf-8")
    code, out, err = run(capsys, "import", project, tmp_path / "a.txt")
    assert code == 0 and out.startswith("imported 1 new document,")
    assert err == f"workbench: {project} now has this version's file format; the file as it was is kept as {backup}\n"
    code, _, err = run(capsys, "import", project, tmp_path / "a.txt")
    assert (code, err) == (0, "")
