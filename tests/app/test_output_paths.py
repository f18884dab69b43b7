"""Outputs never destroy inputs: export, agreement and package refuse an OUT that is a project,
its SQLite side files, another database, or a folder holding one (issue 10, point 1)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from workbench.app.output_paths import OutputPathError, check_output_path
from workbench.cli import main
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.formats.base import EXPORT_MARK
from workbench.store.packages import assign
from workbench.store.project import Project

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل أمس."


def person(annotator: str) -> AnnotationSet:
    return AnnotationSet(annotator, (Span(f"{annotator}-1", 4, 8, "PER", TEXT[4:8]),))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A closed project with two annotators, gold, and a document assigned to amal."""
    path = tmp_path / "p.tawsim"
    with Project.create(path, builtin_schema("generic")) as project:
        document = make_document("same", TEXT)
        project.add_documents(
            [AnnotatedDocument(document, (person("amal"), person("badr"), person("gold")))]
        )
        assign(project, "amal", [document.id])
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(capsys: pytest.CaptureFixture[str], argv: list[str | Path], out: Path, why: str) -> None:
    """The command exits 1 with one line naming ``out`` and why, and writes nothing."""
    capsys.readouterr()
    assert main([str(a) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(out) in err and why in err, err


def still_whole(project: Path, before: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert digest(project) == before
    assert main(["check", str(project)]) == 0, capsys.readouterr().err


OUTPUT_COMMANDS = {
    "export": lambda p, out: ["export", p, out, "--format", "jsonl"],
    "agreement --html": lambda p, out: ["agreement", p, "--html", out],
    "agreement --json -o": lambda p, out: ["agreement", p, "--json", "-o", out],
    "agreement --csv -o": lambda p, out: ["agreement", p, "--csv", "-o", out],
    "package -o": lambda p, out: ["package", p, "--annotator", "amal", "-o", out],
}


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_the_project_itself_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    before = digest(project)
    refused(capsys, OUTPUT_COMMANDS[command](project, project), project, "it is the project")
    still_whole(project, before, capsys)


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_another_project_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    other = tmp_path / "other.tawsim"
    shutil.copyfile(project, other)
    before = digest(other)
    refused(capsys, OUTPUT_COMMANDS[command](project, other), other, "SQLite database")
    assert digest(other) == before


@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal"])
@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_the_projects_sqlite_side_files_are_refused(
    project: Path, capsys: pytest.CaptureFixture[str], command: str, side: str
) -> None:
    before = digest(project)
    out = project.with_name(project.name + side)
    refused(capsys, OUTPUT_COMMANDS[command](project, out), out, f"SQLite {side[1:]} file")
    still_whole(project, before, capsys)


def test_the_project_by_a_link_or_in_other_letters_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to(project)
    before = digest(project)
    for out in (link, project.with_name("P.TAWSIM"), project.with_name("P.Tawsim-WAL")):
        refused(capsys, OUTPUT_COMMANDS["export"](project, out), out, "refused as an output")
    still_whole(project, before, capsys)
    assert link.is_symlink()


def test_a_folder_holding_the_project_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(project)
    folder = project.parent
    refused(
        capsys, ["export", project, folder, "--format", "brat"], folder, "holds the project"
    )
    still_whole(project, before, capsys)
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("p.tawsim")) == []


def test_an_export_folder_that_came_to_hold_a_database_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brat"
    assert main(["export", str(project), str(out), "--format", "brat"]) == 0
    assert (out / EXPORT_MARK).is_file()
    shutil.copyfile(project, out / "copy.db")
    refused(capsys, ["export", project, out, "--format", "brat"], out, "holds the SQLite database")
    assert (out / "copy.db").is_file()


def test_a_file_or_folder_of_another_kind_is_allowed(project: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("SQLite format 2 is not this", encoding="utf-8")
    check_output_path(text, project)
    check_output_path(tmp_path / "new-folder", project)
    with pytest.raises(OutputPathError, match=r"p\.tawsim"):
        check_output_path(tmp_path / "." / "p.tawsim", project)


def test_agreement_writes_its_report_to_the_output_file(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    as_json, as_csv, summary = tmp_path / "a.json", tmp_path / "a.csv", tmp_path / "a.txt"
    assert main(["agreement", str(project), "--json", "-o", str(as_json)]) == 0
    assert main(["agreement", str(project), "--csv", "-o", str(as_csv)]) == 0
    assert main(["agreement", str(project), "-o", str(summary)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(as_json.read_text(encoding="utf-8"))["annotators"] == ["amal", "badr"]
    rows = dict(csv.reader(io.StringIO(as_csv.read_text(encoding="utf-8"))))
    assert float(rows["/span_f1/exact_labeled/pairs/amal|badr"]) == 1.0
    assert summary.read_text(encoding="utf-8").startswith("amal, badr: 1 document\n")
