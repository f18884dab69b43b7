from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO_ROOT
from workbench.app.demo import ensure_demo_project
from workbench.core.model import text_sha256
from workbench.core.text_io import read_text_file
from workbench.store.project import Project


def test_the_demo_project_holds_the_seed_articles(tmp_path: Path) -> None:
    path = ensure_demo_project(tmp_path / "data" / "demo.tawsim")
    seeds = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    with Project.open(path) as project:
        documents = project.documents()
        assert [d.name for d in documents] == [s.stem for s in seeds]
        assert [d.sha256 for d in documents] == [text_sha256(read_text_file(s)) for s in seeds]
        assert project.schema.id == "conflict-news"


def test_an_existing_demo_project_is_kept(tmp_path: Path) -> None:
    path = ensure_demo_project(tmp_path / "demo.tawsim")
    with Project.open(path) as project:
        project.add_span(project.documents()[0].id, "amal", 0, 2, "PER")
    assert ensure_demo_project(path) == path
    with Project.open(path) as project:
        assert project.annotators() == ["amal"]
