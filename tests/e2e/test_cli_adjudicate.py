"""`workbench adjudicate`: gold for many documents from the command line, idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_adjudication import attack_project, gold_events
from tests.conftest import run_cli as run
from workbench.store.project import Project


@pytest.fixture
def attack_file(tmp_path: Path) -> Path:
    project, _ = attack_project(tmp_path)
    project.close()
    return project.path


def test_agreed_adds_the_event_once(attack_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "adjudicate", attack_file, "--agreed")
    assert code == 0
    assert "d: 2 spans, 1 event, 1 argument added to gold" in out
    assert "gold changed on 1 of 1 document\n" in out
    code, out, _ = run(capsys, "adjudicate", attack_file, "--agreed", "--documents", "d")
    assert (code, out) == (0, "gold changed on 0 of 1 document\n")
    with Project.open(attack_file) as project:
        doc = project.documents()[0].id
        assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker"])]


def test_accept_and_replace(attack_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "adjudicate", attack_file, "--accept", "amal")[0] == 0
    code, out, _ = run(capsys, "adjudicate", attack_file, "--accept", "amal")
    assert (code, out) == (0, "gold changed on 0 of 1 document\n")
    code, out, _ = run(capsys, "adjudicate", attack_file, "--accept", "badr", "--replace")
    assert code == 0 and "gold changed on 1 of 1 document\n" in out
    with Project.open(attack_file) as project:
        doc = project.documents()[0].id
        assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker"])]


def test_usage_and_errors(attack_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        run(capsys, "adjudicate", attack_file)
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        run(capsys, "adjudicate", attack_file, "--accept", "amal", "--majority")
    assert usage.value.code == 2
    code, _, err = run(capsys, "adjudicate", attack_file, "--agreed", "--documents", "nope")
    assert code == 1 and "no document named or numbered 'nope'" in err
