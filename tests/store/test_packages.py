from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli
from workbench.app.packages import choose_documents, first_names
from workbench.core.errors import ProjectError, WorkbenchError
from workbench.core.model import AnnotatedDocument, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store import migrations
from workbench.store.packages import (
    assign,
    assigned_documents,
    merge_packages,
    package_annotator,
    write_package,
)
from workbench.store.project import Project

TEXTS = ["قال محمد إن الهجوم وقع.", "اعتقلت الشرطة خمسة أشخاص.", "زار الوزير الموصل أمس."]


@pytest.fixture
def lead(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "lead.tawsim", builtin_schema("generic"))
    project.add_documents(AnnotatedDocument(make_document(f"d{i}", t)) for i, t in enumerate(TEXTS))
    return project


def package_for(lead: Project, annotator: str, tmp_path: Path) -> Path:
    assign(lead, annotator, choose_documents(lead, every=True))
    out = tmp_path / f"{annotator}.tawsim"
    write_package(lead, annotator, out)
    return out


def test_assigning_creates_new_sets_once(lead: Project) -> None:
    ids = choose_documents(lead, ["d0", "d1"])
    assert assign(lead, "amal", ids) == 2
    assert assign(lead, "amal", choose_documents(lead, every=True)) == 1
    assert assigned_documents(lead, "amal") == [d.id for d in lead.documents()]
    first = lead.annotation_set(ids[0], "amal")
    assert first is not None and first.status is Status.NEW and first.revision == 0
    with pytest.raises(WorkbenchError, match="adjudicated"):
        assign(lead, "gold", ids)


def test_a_package_holds_the_annotators_documents_and_sets(lead: Project, tmp_path: Path) -> None:
    assign(lead, "amal", choose_documents(lead, ["d1"]))
    lead.add_span(lead.documents()[1].id, "amal", 0, 6, "ORG")
    out = tmp_path / "amal.tawsim"
    assert write_package(lead, "amal", out) == 1
    with Project.open(out) as package:
        assert package.project_id == lead.project_id
        assert package_annotator(package) == "amal"
        assert package.schema == lead.schema
        [document] = package.documents()
        assert document.id == lead.documents()[1].id
        annotations = package.annotation_set(document.id, "amal")
        assert annotations is not None and [s.text for s in annotations.spans] == ["اعتقلت"]


def test_merging_takes_newer_sets_and_is_idempotent(lead: Project, tmp_path: Path) -> None:
    out = package_for(lead, "amal", tmp_path)
    with Project.open(out) as package:
        doc = package.documents()[0].id
        package.add_span(doc, "amal", 4, 8, "PER")
        package.set_status(doc, "amal", Status.DONE)
    first = merge_packages(lead, [out])
    assert (first.replaced, first.unchanged) == (1, 2)
    merged = lead.annotation_set(doc, "amal")
    assert merged is not None and merged.status is Status.DONE and [s.text for s in merged.spans] == ["محمد"]
    rows_before = lead.conn.execute("SELECT * FROM spans").fetchall()
    again = merge_packages(lead, [out])
    assert (again.replaced, again.unchanged) == (0, 3)
    assert lead.conn.execute("SELECT * FROM spans").fetchall() == rows_before


def test_an_older_package_does_not_overwrite_newer_work(lead: Project, tmp_path: Path) -> None:
    out = package_for(lead, "amal", tmp_path)
    doc = lead.documents()[0].id
    lead.add_span(doc, "amal", 4, 8, "PER")  # the lead's copy moves on
    summary = merge_packages(lead, [out])
    assert summary.replaced == 0
    kept = lead.annotation_set(doc, "amal")
    assert kept is not None and len(kept.spans) == 1


def test_a_set_changed_on_both_sides_takes_the_annotators_work_and_names_the_document(
    lead: Project, tmp_path: Path
) -> None:
    """The lead changes amal's set after writing her package (two edits), amal changes it in
    the package (one): by revisions alone the package's looked older, and her work was left out
    as "unchanged". Both sides changed since the package was written: her set is taken, and the
    summary names the document whose change in the project it replaced."""
    out = package_for(lead, "amal", tmp_path)
    changed, untouched_by_her = lead.documents()[0].id, lead.documents()[1].id
    lead.add_span(changed, "amal", 0, 3, "PER")
    lead.add_span(changed, "amal", 9, 18, "ORG")
    lead.add_span(untouched_by_her, "amal", 0, 6, "ORG")
    with Project.open(out) as package:
        package.add_span(changed, "amal", 4, 8, "PER")
    summary = merge_packages(lead, [out])
    assert (summary.replaced, summary.unchanged) == (1, 2)
    merged = lead.annotation_set(changed, "amal")
    assert merged is not None and [s.text for s in merged.spans] == ["محمد"]
    kept = lead.annotation_set(untouched_by_her, "amal")
    assert kept is not None and [s.text for s in kept.spans] == ["اعتقلت"]
    assert summary.changed_on_both_sides == ["d0"]
    assert merge_packages(lead, [out]).changed_on_both_sides == []  # merged: in step again


def test_a_package_that_cannot_be_put_in_place_counts_as_not_carried(
    lead: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead edits amal's set after her first package; a second package is written but cannot
    be moved to its name (a full disk, a file appearing there). Amal still holds the first, and
    edits it. Her merge names the document whose edits of the lead hers replace: had the second
    package's revisions been kept, the project's set would have looked carried to her, and her
    older work would have replaced the lead's without a word."""
    first = package_for(lead, "amal", tmp_path)
    doc = lead.documents()[0].id
    lead.add_span(doc, "amal", 0, 3, "PER")
    refused = OSError("No space left on device")

    def failing_rename(path: Path, target: Path) -> Path:
        raise refused

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError) as raised:
        write_package(lead, "amal", tmp_path / "amal-2.tawsim")
    monkeypatch.undo()
    assert raised.value is refused
    assert not (tmp_path / "amal-2.tawsim").exists() and not list(tmp_path.glob(".amal-2*"))
    with Project.open(first) as package:
        package.add_span(doc, "amal", 4, 8, "PER")
    assert merge_packages(lead, [first]).changed_on_both_sides == ["d0"]


def test_the_merge_command_names_the_documents_changed_on_both_sides(
    lead: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = package_for(lead, "amal", tmp_path)
    for document in lead.documents():
        lead.add_span(document.id, "amal", 0, 3, "PER")
        lead.add_span(document.id, "amal", 0, 3, "ORG")
    with Project.open(out) as package:
        for document in package.documents():
            package.add_span(document.id, "amal", 0, 3, "LOC")
    lead.close()
    code, printed, _ = run_cli(capsys, "merge", lead.path, out)
    assert code == 0
    assert printed.splitlines()[-1] == (
        "3 of the sets taken had been changed in this project too since their package was "
        "written; the package's replaced them: d0, d1, d2. The project's versions are kept: "
        f"`workbench replaced {lead.path}` lists them and puts one back"
    )
    assert first_names([f"d{n}" for n in range(12)]) == "d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, …"


@pytest.mark.parametrize(
    ("version", "dropped"),
    [(7, ("synced_package", "synced_revision")), (8, ("synced_package",))],
)
def test_a_package_of_an_older_format_still_merges(
    lead: Project, tmp_path: Path, version: int, dropped: tuple[str, ...]
) -> None:
    """A package of format 7 (no ``synced_revision``) or 8 (no package id, no carried
    revisions), as annotators hold them when their lead updates the program, is read through a
    copy brought forward in memory and merged."""
    out = package_for(lead, "amal", tmp_path)
    with Project.open(out) as package:
        package.add_span(package.documents()[0].id, "amal", 4, 8, "PER")
    conn = sqlite3.connect(out)
    conn.execute("DELETE FROM meta WHERE key = 'package_id'")
    conn.execute("DROP TABLE merged_packages")
    conn.execute("DROP TABLE replaced_sets")  # format 10
    conn.execute("UPDATE annotation_sets SET synced_revision = NULL")
    for column in dropped:
        conn.execute(f"ALTER TABLE annotation_sets DROP COLUMN {column}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    summary = merge_packages(lead, [out])
    assert (summary.replaced, summary.changed_on_both_sides) == (1, [])
    merged = lead.annotation_set(lead.documents()[0].id, "amal")
    assert merged is not None and [s.text for s in merged.spans] == ["محمد"]
    assert sqlite3.connect(out).execute("PRAGMA user_version").fetchone()[0] == version  # left as it was


def two_packages_of_amal(lead: Project, tmp_path: Path) -> tuple[Path, Path]:
    """Amal's package, then a second one written for her before the first came back (the lead
    sends her work again, say after assigning her more)."""
    first = package_for(lead, "amal", tmp_path)
    second = tmp_path / "amal-again.tawsim"
    write_package(lead, "amal", second)
    return first, second


def add_spans(package_path: Path, *ranges: tuple[int, int, str]) -> None:
    with Project.open(package_path) as package:
        for start, end, label in ranges:
            package.add_span(package.documents()[0].id, "amal", start, end, label)


def amal_spans(lead: Project) -> list[str]:
    merged = lead.annotation_set(lead.documents()[0].id, "amal")
    assert merged is not None
    return sorted(s.text for s in merged.spans)


def test_two_packages_both_worked_on_the_second_with_fewer_edits_is_taken_and_named(
    lead: Project, tmp_path: Path
) -> None:
    """Amal works on the same document in both packages: two edits in the first, one in the
    second. Once the first was merged, the second's set looked older than the project's (by
    the lead's synced revision) and was left out without a word. It is her later work on that
    document too: it is taken, and the document named, so the lead can tell."""
    first, second = two_packages_of_amal(lead, tmp_path)
    add_spans(first, (0, 3, "PER"), (9, 18, "ORG"))
    add_spans(second, (4, 8, "PER"))
    assert merge_packages(lead, [first]).changed_on_both_sides == []
    summary = merge_packages(lead, [second])
    assert (summary.replaced, summary.changed_on_both_sides) == (1, ["d0"])
    assert amal_spans(lead) == ["محمد"]
    again = merge_packages(lead, [second])  # merged: nothing more to take or to name
    assert (again.replaced, again.changed_on_both_sides) == (0, [])


def test_two_packages_both_worked_on_the_second_replacing_the_first_is_named(
    lead: Project, tmp_path: Path
) -> None:
    """The other way round: the second package's set has more edits, and replaced the first's
    merged work without naming the document (the project's set had not changed since the merge
    that brought it)."""
    first, second = two_packages_of_amal(lead, tmp_path)
    add_spans(first, (4, 8, "PER"))
    add_spans(second, (0, 3, "PER"), (9, 18, "ORG"))
    merge_packages(lead, [first])
    summary = merge_packages(lead, [second])
    assert (summary.replaced, summary.changed_on_both_sides) == (1, ["d0"])


def test_both_packages_merged_again_bring_nothing_they_brought_before(
    lead: Project, tmp_path: Path
) -> None:
    """A lead who merges every package in a folder each day merges both again: the second
    round takes nothing and names nothing (the project stays at what the last merge brought),
    where it took the first package's set back. New work in either is taken again."""
    first, second = two_packages_of_amal(lead, tmp_path)
    add_spans(first, (4, 8, "PER"))
    add_spans(second, (0, 3, "PER"), (9, 18, "ORG"))
    merge_packages(lead, [first, second])
    after_second = amal_spans(lead)
    again = merge_packages(lead, [first, second])
    assert (again.replaced, again.changed_on_both_sides) == (0, [])
    assert amal_spans(lead) == after_second
    add_spans(first, (19, 23, "LOC"))
    grown = merge_packages(lead, [first])
    assert (grown.replaced, grown.changed_on_both_sides) == (1, ["d0"])


def test_work_in_an_earlier_package_comes_back_unnamed_when_the_later_one_was_left_alone(
    lead: Project, tmp_path: Path
) -> None:
    """A second package written with nothing changed in between, and left alone: the first's
    work is taken without naming anything, and the second brings nothing."""
    first, second = two_packages_of_amal(lead, tmp_path)
    add_spans(first, (4, 8, "PER"))
    assert (merge_packages(lead, [first]).replaced, merge_packages(lead, [first]).replaced) == (1, 0)
    summary = merge_packages(lead, [second])
    assert (summary.replaced, summary.changed_on_both_sides) == (0, [])
    assert amal_spans(lead) == ["محمد"]


def test_a_set_only_the_annotator_changed_is_not_reported(lead: Project, tmp_path: Path) -> None:
    out = package_for(lead, "amal", tmp_path)
    first = package_for(lead, "badr", tmp_path)  # another annotator's package moves nothing of amal's
    with Project.open(out) as package:
        package.add_span(package.documents()[0].id, "amal", 4, 8, "PER")
    summary = merge_packages(lead, [out, first])
    assert (summary.replaced, summary.changed_on_both_sides) == (1, [])


def test_a_package_of_another_project_is_refused_whole(lead: Project, tmp_path: Path) -> None:
    good = package_for(lead, "amal", tmp_path)
    with Project.open(good) as package:
        package.add_span(package.documents()[0].id, "amal", 4, 8, "PER")
    other = Project.create(tmp_path / "other.tawsim", builtin_schema("generic"))
    other.add_documents([AnnotatedDocument(make_document("x", TEXTS[0]))])
    assign(other, "badr", choose_documents(other, every=True))
    stranger = tmp_path / "stranger.tawsim"
    write_package(other, "badr", stranger)
    with pytest.raises(ProjectError, match="another project"):
        merge_packages(lead, [good, stranger])
    assert lead.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_a_document_whose_text_differs_is_refused_and_named(lead: Project, tmp_path: Path) -> None:
    out = package_for(lead, "amal", tmp_path)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE documents SET text = 'نص آخر', sha256 = 'x' WHERE name = 'd1'")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match=r"'d1'.*another text"):
        merge_packages(lead, [out])


def test_a_package_from_a_newer_version_is_refused(lead: Project, tmp_path: Path) -> None:
    out = package_for(lead, "amal", tmp_path)
    conn = sqlite3.connect(out)
    conn.execute(f"PRAGMA user_version = {migrations.format_version() + 1}")
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        merge_packages(lead, [out])


def test_a_package_holding_a_label_outside_the_schema_is_refused(lead: Project, tmp_path: Path) -> None:
    out = package_for(lead, "amal", tmp_path)
    with Project.open(out) as package:
        package.add_span(package.documents()[0].id, "amal", 4, 8, "PER")
    conn = sqlite3.connect(out)
    conn.execute("UPDATE spans SET label = 'ALIEN'")
    conn.commit()
    conn.close()
    with pytest.raises(WorkbenchError, match="ALIEN"):
        merge_packages(lead, [out])
    assert lead.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 0
