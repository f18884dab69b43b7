"""Importing files into a project: the format found or given, the annotator and label map applied,
all of one import or nothing of it."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from workbench.app.importing import ImportSummary, import_paths
from workbench.core.errors import Cancelled, WorkbenchError
from workbench.core.model import ImportedDocument
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

CONLL = "قال O\nمحمد B-PERSON\n\nفي O\nبيروت B-GPE\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        yield project


def conll_file(folder: Path, text: str = CONLL) -> Path:
    path = folder / "train.conll"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_format_is_found_the_labels_mapped_and_the_annotator_named(project: Project, tmp_path: Path) -> None:
    label_map = tmp_path / "map.tsv"
    label_map.write_text("PERSON\tPER\n", encoding="utf-8")
    summary = import_paths(project, [conll_file(tmp_path)], annotator="amal", label_map=label_map)
    assert (summary.documents_added, summary.spans) == (1, 2)
    assert project.annotators() == ["amal"]
    [annotated] = project.iter_annotated()
    assert sorted((s.text, s.label) for s in annotated.sets[0].spans) == [("بيروت", "GPE"), ("محمد", "PER")]


@pytest.mark.parametrize(
    ("annotator", "problem"),
    [("  ", "cannot be blank"), ("amal\udcff", "bytes that are not UTF-8")],
)
def test_a_bad_annotator_name_is_refused_before_reading(
    project: Project, tmp_path: Path, annotator: str, problem: str
) -> None:
    with pytest.raises(WorkbenchError, match=f"--annotator.*{problem}"):
        import_paths(project, [tmp_path / "not-read.conll"], annotator=annotator)


def test_a_cancelled_import_leaves_nothing(project: Project, tmp_path: Path) -> None:
    (tmp_path / "more").mkdir()
    paths = [conll_file(folder, CONLL.replace("PERSON", "PER")) for folder in (tmp_path, tmp_path / "more")]
    calls: list[int] = []

    def cancel_at_the_second() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        import_paths(project, paths, format_name="conll", cancelled=cancel_at_the_second)
    assert (len(calls), project.document_count()) == (2, 0)  # the first file was read, then taken back


def test_the_cyclic_collector_is_paused_while_adding_and_back_on_after(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import makes rows in bulk and no cycles; the collections it started were 3-5 % of an
    import of 10,000 documents (issue 16), as in an export."""
    enabled: list[bool] = []
    add_documents = project.add_documents

    def adding(documents: Iterable[ImportedDocument]) -> ImportSummary:
        enabled.append(gc.isenabled())
        return add_documents(documents)

    monkeypatch.setattr(project, "add_documents", adding)
    assert gc.isenabled()
    summary = import_paths(project, [conll_file(tmp_path, "قال O\nفي O\nبيروت B-GPE\n")])
    assert (summary.documents_added, enabled) == (1, [False])
    assert gc.isenabled()
