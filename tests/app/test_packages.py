"""The package use cases of app: choosing documents, writing a package where an output may go,
and a merge that checks every package first and can be cancelled until it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.package_files import annotated_package, lead_project
from workbench.app.output_paths import OutputPathError
from workbench.app.packages import checked_merge, choose_documents, write_package
from workbench.app.project import Project
from workbench.core.errors import Cancelled, WorkbenchError


@pytest.fixture
def lead(tmp_path: Path) -> Project:
    return lead_project(tmp_path)


def amal_labels(lead: Project) -> list[str]:
    annotation_set = lead.annotation_set(lead.documents()[0].id, "amal")
    assert annotation_set is not None
    return sorted(span.label for span in annotation_set.spans)


def test_choose_documents_by_name_all_or_sample(lead: Project) -> None:
    ids = [d.id for d in lead.documents()]
    assert choose_documents(lead, ["d2", ids[0]]) == [ids[2], ids[0]]
    assert choose_documents(lead, every=True) == ids
    sample = choose_documents(lead, sample=2, seed=7)
    assert sample == choose_documents(lead, sample=2, seed=7) and len(set(sample)) == 2
    with pytest.raises(WorkbenchError, match="nope"):
        choose_documents(lead, ["nope"])


def test_a_package_is_never_written_over_the_project(lead: Project) -> None:
    before = lead.path.read_bytes()
    with pytest.raises(OutputPathError):
        write_package(lead, "amal", lead.path)
    assert lead.path.read_bytes() == before


def test_a_checked_merge_counts_each_package_twice(lead: Project, tmp_path: Path) -> None:
    package = annotated_package(lead, "amal", tmp_path)
    seen: list[tuple[int, int]] = []
    summary = checked_merge(lead, [package], lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert (summary.replaced, summary.unchanged) == (1, 2)
    assert amal_labels(lead) == ["Conflict.Attack", "PER"]


def test_a_merge_cancelled_while_checking_changes_nothing(lead: Project, tmp_path: Path) -> None:
    package = annotated_package(lead, "amal", tmp_path)
    checked: list[int] = []
    with pytest.raises(Cancelled):
        checked_merge(
            lead, [package, package], lambda done, _: checked.append(done),
            cancelled=lambda: len(checked) == 1,
        )
    assert checked == [1] and amal_labels(lead) == []
