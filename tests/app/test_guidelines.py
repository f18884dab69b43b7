"""The project's guidelines document (issue 13, point 9): set from Markdown in versions, printed
or written out, carried in packages (the lead's guidelines win), and the version each annotator
saw recorded on their sets, shown by ``stats --json`` and checked by ``check``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from workbench.app.guidelines import (
    project_guidelines,
    search_guidelines,
    set_guidelines,
)
from workbench.app.packages import choose_documents
from workbench.app.project import project_problems, project_stats
from workbench.cli import main
from workbench.core.errors import ProjectError, WorkbenchError
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Span,
    make_document,
    text_sha256,
)
from workbench.core.schema import builtin_schema
from workbench.store import migrations
from workbench.store.packages import assign, merge_packages, write_package
from workbench.store.project import Project

FIRST = "# Guidelines\n\nMark every **person** (PER), named or not.\n"
SECOND = "# Guidelines\n\nMark every person. Dates have no mention level.\n"


def markdown(tmp_path: Path, text: str, name: str = "guidelines.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def lead(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "lead.tawsim", builtin_schema("generic"))
    project.add_documents([AnnotatedDocument(make_document("d0", "قال محمد إن الهجوم وقع."))])
    return project


def seen(project: Project, annotator: str) -> int | None:
    row = project.conn.execute(
        "SELECT guidelines_version FROM annotation_sets WHERE annotator = ?", [annotator]
    ).fetchone()
    return None if row is None else row[0]


def test_each_new_text_is_a_new_version_with_its_sha256(lead: Project, tmp_path: Path) -> None:
    assert project_guidelines(lead) is None
    first = set_guidelines(lead, markdown(tmp_path, FIRST))
    assert (first.version, first.sha256) == (1, text_sha256(FIRST))
    assert set_guidelines(lead, markdown(tmp_path, FIRST, "again.md")).version == 1
    second = set_guidelines(lead, markdown(tmp_path, SECOND))
    assert (second.version, second.text) == (2, SECOND)
    assert project_guidelines(lead) == second
    versions = lead.conn.execute("SELECT version, text FROM guidelines ORDER BY version")
    assert versions.fetchall() == [(1, FIRST), (2, SECOND)]


def test_a_file_that_is_not_text_is_refused_in_one_line_and_nothing_is_stored(
    lead: Project, tmp_path: Path
) -> None:
    binary = tmp_path / "g.md"
    binary.write_bytes(b"rules \xc3\x28 not UTF-8")
    with pytest.raises(WorkbenchError, match=r"g\.md"):
        set_guidelines(lead, binary)
    with pytest.raises(WorkbenchError, match=r"empty\.md: the file is empty"):
        set_guidelines(lead, markdown(tmp_path, "\n \n", "empty.md"))
    assert project_guidelines(lead) is None


def test_the_cli_sets_prints_and_writes_the_guidelines(
    lead: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = lead.path
    lead.close()
    assert main(["guidelines", str(path)]) == 1
    assert "has no guidelines" in capsys.readouterr().err
    assert main(["guidelines", str(path), str(markdown(tmp_path, FIRST))]) == 0
    assert "guidelines version 1" in capsys.readouterr().out
    assert main(["guidelines", str(path)]) == 0
    assert capsys.readouterr().out == FIRST
    out = tmp_path / "out.md"
    assert main(["guidelines", str(path), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == FIRST
    before = path.read_bytes()
    assert main(["guidelines", str(path), "--output", str(path)]) == 1
    assert "refused as an output: it is the project" in capsys.readouterr().err
    assert path.read_bytes() == before
    with pytest.raises(SystemExit) as usage:
        main(["guidelines", str(path), str(out), "--output", str(out)])
    assert usage.value.code == 2


def test_an_edit_records_the_guidelines_its_annotator_saw(lead: Project, tmp_path: Path) -> None:
    document = lead.documents()[0].id
    lead.add_span(document, "amal", 4, 8, "PER")
    assert seen(lead, "amal") is None  # edited before there were guidelines
    set_guidelines(lead, markdown(tmp_path, FIRST))
    lead.add_span(document, "badr", 4, 8, "PER")
    set_guidelines(lead, markdown(tmp_path, SECOND))
    assert (seen(lead, "amal"), seen(lead, "badr")) == (None, 1)
    lead.delete_spans([lead.annotation_set(document, "amal").spans[0].id])  # type: ignore[union-attr]
    assert seen(lead, "amal") == 2
    stats = json.loads(json.dumps(project_stats(lead)))
    assert stats["guidelines"] == {
        "version": 2,
        "sha256": text_sha256(SECOND),
        "sets_seen_by_annotator": {"amal": {"2": 1}, "badr": {"1": 1}},
    }


def package(lead: Project, tmp_path: Path) -> Path:
    assign(lead, "amal", choose_documents(lead, every=True))
    out = tmp_path / "amal.tawsim"
    write_package(lead, "amal", out)
    return out


def test_a_package_carries_the_guidelines_and_the_leads_newer_version_wins(
    lead: Project, tmp_path: Path
) -> None:
    set_guidelines(lead, markdown(tmp_path, FIRST))
    out = package(lead, tmp_path)
    with Project.open(out) as annotators_copy:
        assert project_guidelines(annotators_copy).text == FIRST  # type: ignore[union-attr]
        with pytest.raises(WorkbenchError, match="'amal''s package: its guidelines are the lead's"):
            set_guidelines(annotators_copy, markdown(tmp_path, SECOND))
        document = annotators_copy.documents()[0].id
        annotators_copy.add_span(document, "amal", 4, 8, "PER")
    set_guidelines(lead, markdown(tmp_path, SECOND))  # the lead moves on meanwhile
    assert merge_packages(lead, [out]).replaced == 1
    assert project_guidelines(lead).version == 2  # type: ignore[union-attr]
    assert seen(lead, "amal") == 1  # what amal saw while annotating


def test_a_package_whose_guidelines_were_changed_is_refused_whole(
    lead: Project, tmp_path: Path
) -> None:
    set_guidelines(lead, markdown(tmp_path, FIRST))
    out = package(lead, tmp_path)
    with Project.open(out) as annotators_copy:
        annotators_copy.add_span(annotators_copy.documents()[0].id, "amal", 4, 8, "PER")
    conn = sqlite3.connect(out)
    with conn:
        conn.execute("UPDATE guidelines SET text = 'anything goes', sha256 = ?", [text_sha256("x")])
    conn.close()
    with pytest.raises(ProjectError, match=r"its guidelines version 1 is not this project's.*"
                       "nothing was merged"):
        merge_packages(lead, [out])
    assert lead.annotation_set(lead.documents()[0].id, "amal").spans == ()  # type: ignore[union-attr]


def test_check_reports_a_version_whose_text_was_changed(lead: Project, tmp_path: Path) -> None:
    set_guidelines(lead, markdown(tmp_path, FIRST))
    assert project_problems(lead) == []
    lead.conn.execute("UPDATE guidelines SET text = 'edited behind its back'")
    assert project_problems(lead) == [
        "guidelines version 1: the text does not match its sha256"
    ]


def test_a_format_2_file_gains_the_guidelines_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        with Project.create(path, builtin_schema("generic")) as project:
            span = Span("s1", 4, 8, "PER", "محمد")
            annotations = AnnotationSet("amal", (span,))
            project.add_documents([AnnotatedDocument(make_document("d0", "قال محمد"), (annotations,))])
    with Project.open(path) as project:
        assert migrations.file_version(project.conn) == migrations.format_version()
        assert seen(project, "amal") is None
        set_guidelines(project, markdown(tmp_path, FIRST))
        assert project_guidelines(project).version == 1  # type: ignore[union-attr]
    backup = sqlite3.connect(migrations.backup_path(path, 2))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    columns = [row[1] for row in backup.execute("PRAGMA table_info(annotation_sets)")]
    assert "guidelines_version" not in columns
    backup.close()


def test_the_panels_search_finds_lines_ignoring_case() -> None:
    matches = search_guidelines(SECOND, "PERSON")
    assert [(m.line, m.text) for m in matches] == [(3, SECOND.splitlines()[2])]
    assert search_guidelines(SECOND, "  ") == []
