"""The package use cases of app: choosing documents, writing a package where an output may go,
and a merge that checks every package first and can be cancelled until it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.app.output_paths import OutputPathError
from workbench.app.packages import assign, checked_merge, choose_documents, write_package
from workbench.app.progress import Cancelled
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXTS = ["قال محمد إن الهجوم وقع.", "اعتقلت الشرطة خمسة أشخاص.", "زار الوزير الموصل أمس."]


@pytest.fixture
def lead(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "lead.tawsim", builtin_schema("generic"))
    project.add_documents(AnnotatedDocument(make_document(f"d{i}", t)) for i, t in enumerate(TEXTS))
    return project


@pytest.fixture
def amal_package(lead: Project, tmp_path: Path) -> Path:
    """amal's package with one ORG span on the first document."""
    assign(lead, "amal", choose_documents(lead, every=True))
    out = tmp_path / "amal.tawsim"
    write_package(lead, "amal", out)
    with Project.open(out) as package:
        package.add_span(package.documents()[0].id, "amal", 0, 3, "ORG")
    return out


def amal_labels(lead: Project) -> list[str]:
    annotation_set = lead.annotation_set(lead.documents()[0].id, "amal")
    assert annotation_set is not None
    return [span.label for span in annotation_set.spans]


def test_choose_documents_by_name_all_or_sample(lead: Project) -> None:
    ids = [d.id for d in lead.documents()]
    assert choose_documents(lead, ["d2", ids[0]]) == [ids[2], ids[0]]
    assert choose_documents(lead, every=True) == ids
    sample = choose_documents(lead, sample=2, seed=7)
    assert sample == choose_documents(lead, sample=2, seed=7) and len(set(sample)) == 2
    with pytest.raises(WorkbenchError, match="nope"):
        choose_documents(lead, ["nope"])


def test_a_package_is_never_written_over_the_project(lead: Project) -> None:
    assign(lead, "amal", choose_documents(lead, every=True))
    with pytest.raises(OutputPathError):
        write_package(lead, "amal", lead.path)
    assert [d.name for d in lead.documents()] == ["d0", "d1", "d2"]


def test_a_checked_merge_counts_each_package_twice(lead: Project, amal_package: Path) -> None:
    seen: list[tuple[int, int]] = []
    summary = checked_merge(lead, [amal_package], lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert summary.replaced == 1 and amal_labels(lead) == ["ORG"]


def test_a_merge_cancelled_while_checking_changes_nothing(lead: Project, amal_package: Path) -> None:
    checked: list[int] = []
    with pytest.raises(Cancelled):
        checked_merge(
            lead, [amal_package, amal_package], lambda done, _: checked.append(done),
            cancelled=lambda: len(checked) == 1,
        )
    assert checked == [1] and amal_labels(lead) == []
