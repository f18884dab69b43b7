"""Document titles: the metadata's title, else the first line shortened; renamed and put back;
the file stem stays, and the exports keep naming their files by it (issue 13, point 5)."""

from __future__ import annotations

from pathlib import Path

from workbench.cli import main
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.store.titles import TITLE_LENGTH, shown_title

LONG_LINE = "أعلنت وزارة الدفاع في بيان صدر صباح اليوم أن قواتها تصدت لهجوم واسع على مواقعها في شمال البلاد"


def test_the_metadata_title_else_the_first_line() -> None:
    assert shown_title("  عنوان   الخبر ", "نص") == "عنوان الخبر"
    assert shown_title(None, "\n\n  السطر الأول  \nالثاني") == "السطر الأول"
    assert shown_title("", "سطر") == "سطر"
    assert shown_title(None, "") == ""


def test_a_long_first_line_is_cut_at_a_word() -> None:
    title = shown_title(None, LONG_LINE)
    assert title.endswith("…") and len(title) <= TITLE_LENGTH + 1
    assert LONG_LINE.startswith(title[:-1]) and LONG_LINE[len(title) - 1] == " "


def test_renaming_keeps_the_stem_and_the_exports_use_it(tmp_path: Path) -> None:
    path = tmp_path / "p.tawsim"
    with Project.create(path, builtin_schema("generic")) as project:
        document = make_document("000_e8827d64ecf403cd", LONG_LINE + "\nوبقية الخبر.")
        project.add_documents([AnnotatedDocument(document)])
        [row] = project.annotator_progress("amal")
        assert row.title == shown_title(None, LONG_LINE) and row.name == "000_e8827d64ecf403cd"
        project.set_document_title(document.id, "تصدٍّ لهجوم في الشمال")
        assert project.document_title(document.id) == "تصدٍّ لهجوم في الشمال"
        [row] = project.annotator_progress("amal")
        assert row.title == "تصدٍّ لهجوم في الشمال" and row.name == "000_e8827d64ecf403cd"
    assert main(["export", str(path), str(tmp_path / "brat"), "--format", "brat", "--source", "all"]) == 0
    assert sorted(p.name for p in (tmp_path / "brat").rglob("*.txt")) == ["000_e8827d64ecf403cd.txt"]
    with Project.open(path) as project:
        project.set_document_title(document.id, None)
        assert project.document_title(document.id) is None
        assert project.annotator_progress("amal")[0].title == shown_title(None, LONG_LINE)
