"""`workbench merge` says where the project's versions of sets changed on both sides are kept, and
`workbench replaced` lists them and puts one back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.store.test_replaced_sets import changed_on_both_sides, lead, same_work  # noqa: F401 (lead: a fixture)
from workbench.store.project import Project


def test_merge_points_to_the_kept_versions_and_replaced_puts_one_back(
    lead: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, document_id, leads, _ = changed_on_both_sides(lead, tmp_path)
    lead.close()
    code, merged, _ = run_cli(capsys, "merge", lead.path, out)
    assert code == 0 and f"The project's versions are kept: `workbench replaced {lead.path}`" in merged
    code, listed, _ = run_cli(capsys, "replaced", lead.path)
    [line] = listed.splitlines()
    assert code == 0 and "  d0  amal  done, 3 spans, replaced by amal.tawsim" in line
    code, restored, _ = run_cli(capsys, "replaced", lead.path, "--restore", line.split()[0])
    assert code == 0 and restored.startswith("put back amal's version of d0 (3 spans)")
    with Project.open(lead.path, readonly=True) as project:
        assert same_work(project.annotation_set(document_id, "amal"), leads)
    code, listed, _ = run_cli(capsys, "replaced", lead.path)
    assert "1 span, replaced by restore" in listed


def test_none_are_listed_and_an_unknown_one_is_refused_by_name(
    lead: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    lead.close()
    assert run_cli(capsys, "replaced", lead.path) == (0, "no replaced versions\n", "")
    code, _, err = run_cli(capsys, "replaced", lead.path, "--restore", "nope")
    assert code != 0 and "no replaced version 'nope'" in err
