"""``workbench stats`` counts relations and document labels, ``workbench check`` finds a relation
whose end is another set's (issue 14, point 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tests.e2e.test_cli import project  # noqa: F401 (a fixture)
from tests.formats.test_jsonl_relations import record, write_jsonl
from workbench.store.project import Project


def test_stats_counts_relations_and_document_labels(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", record())
    code, out, _ = run(capsys, "import", project, source)
    assert code == 0 and out.endswith(", 3 spans, 0 events, 2 relations\n")
    code, out, _ = run(capsys, "stats", project, "--json")
    stats = json.loads(out)
    assert code == 0
    assert (stats["relations"], stats["document_labels"]) == (2, 3)
    assert stats["relations_by_type"] == {"located-in": 1, "member-of": 1}
    assert stats["document_labels_by_field"] == {"country": 1, "relevance": 1, "topic": 1}
    text = run(capsys, "stats", project)[1]
    assert "  relations                2\n" in text and "  document labels          3\n" in text


def test_check_finds_a_relation_reaching_into_another_set(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", record())
    run(capsys, "import", project, source)
    with Project.open(project) as opened:
        document_id = opened.documents()[0].id
        other = opened.add_span(document_id, "omar", 4, 8, "PER")
        opened.conn.execute("UPDATE relations SET to_span_id = ? WHERE id = 'r1'", [other.id])
    code, _, err = run(capsys, "check", project)
    assert code == 1
    assert "relation r1: an end belongs to another annotation set" in err
