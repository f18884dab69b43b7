"""The JSONL importer refuses what the schema does not allow, as the brat and CoNLL importers do:
before, each of these imported, and the brat export of the project was refused by the
workbench's own brat importer (or held events no window could make)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli as run
from tests.e2e.test_cli import project  # noqa: F401 (a fixture)

TEXT = "هاجم مسلحون القرية أمس"
CYCLIC_SCHEMA = """schema:
  id: cyclic
  version: 1
  name: {en: Cyclic, ar: دوري}
  entity_types: [{id: PER, en: Person, ar: شخص, color: "#e6194b"}]
  event_types:
    - {id: Report, en: Report, ar: تقرير,
       roles: [{id: About, en: About, ar: عن, fillers: [PER, "EVENT:Report"]}]}
"""


def span(span_id: str, piece: str, label: str, **fields: Any) -> dict[str, Any]:
    start = TEXT.index(piece)
    return {"id": span_id, "start": start, "end": start + len(piece), "label": label,
            "text": piece, **fields}  # fmt: skip


def attack(*arguments: dict[str, str], **fields: Any) -> dict[str, Any]:
    return {"id": "e1", "type": "Conflict.Attack", "trigger": "t1", "arguments": list(arguments), **fields}


TRIGGER = span("t1", "هاجم", "Conflict.Attack")
GUNMEN = span("p1", "مسلحون", "PER")
YESTERDAY = span("d1", "أمس", "DATE")


def write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


REFUSED = {
    "unknown role": ([TRIGGER, GUNMEN], [attack({"role": "Weather", "span": "p1"})], "no role 'Weather'"),
    "wrong filler": ([TRIGGER, YESTERDAY], [attack({"role": "Target", "span": "d1"})],
                     "cannot be filled by DATE"),
    "unknown attribute": ([span("p1", "مسلحون", "PER", attributes={"colour": "red"})], [],
                          "no attribute 'colour'"),
    "unknown value": ([span("p1", "مسلحون", "PER", attributes={"mention_level": "XXX"})], [],
                      "cannot be 'XXX'"),
    "event attribute": ([TRIGGER], [attack(attributes={"polarity": ["POSITIVE"]})], "polarity"),
    "blank annotator": ([span("p1", "مسلحون", "PER", annotator="  ")], [], "name is blank"),
    "repeated event id": ([TRIGGER], [attack(), attack()], "event id 'e1' is used twice"),
    "repeated span id": ([GUNMEN, span("p1", "القرية", "LOC")], [], "span id 'p1' is used twice"),
    "missing filler": ([TRIGGER], [attack({"role": "Target", "span": "nope"})], "missing span or event"),
    "missing trigger": ([GUNMEN], [attack()], "trigger 't1' is not a span"),
    "text elsewhere": ([span("p1", "مسلحون", "PER") | {"start": 0}], [], "says 'مسلحون'"),
    "beyond the text": ([span("p1", "مسلحون", "PER") | {"end": 10**40}], [], "not a range of the text"),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSED)
def test_what_the_schema_does_not_allow_is_refused_naming_the_line(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    spans, events, expected = REFUSED[case]
    good = {"name": "good", "text": TEXT + " ", "spans": [GUNMEN]}
    source = write_jsonl(tmp_path / "in.jsonl", good, {"name": "bad", "text": TEXT, "spans": spans,
                                                       "events": events})
    code, _, err = run(capsys, "import", project, source)
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith(f"workbench: error: {source}, line 2: ")
    assert expected in err
    assert run(capsys, "stats", project, "--json")[1].count('"documents": 0') == 1


def test_events_filling_each_other_in_a_cycle_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = tmp_path / "cyclic.yaml"
    schema.write_text(CYCLIC_SCHEMA, encoding="utf-8")
    project = tmp_path / "p.tawsim"
    assert run(capsys, "new", project, "--schema", schema)[0] == 0
    reports = [span("t1", "هاجم", "Report"), span("t2", "القرية", "Report"), GUNMEN]
    cycle = [
        {"id": "e1", "type": "Report", "trigger": "t1", "arguments": [{"role": "About", "event": "e2"}]},
        {"id": "e2", "type": "Report", "trigger": "t2", "arguments": [{"role": "About", "event": "e1"}]},
    ]
    for events in (cycle, [*cycle[:1], {**cycle[1], "arguments": [{"role": "About", "span": "p1"}]}]):
        source = write_jsonl(tmp_path / "in.jsonl", {"text": TEXT, "spans": reports, "events": events})
        code, _, err = run(capsys, "import", project, source)
        if events is cycle:
            assert (code, err.count("\n")) == (1, 1)
            assert f"{source}, line 1: " in err and "contains itself" in err
        else:
            assert code == 0, err  # e1 about e2 about p1: nested, not a cycle


def test_an_accepted_jsonl_goes_through_brat_and_back(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {
        "text": TEXT,
        "spans": [TRIGGER, span("p1", "مسلحون", "PER", attributes={"mention_level": "NOM"}),
                  span("l1", "القرية", "LOC"), YESTERDAY],
        "events": [attack({"role": "Attacker", "span": "p1"}, {"role": "Place", "span": "l1"},
                          {"role": "Time", "span": "d1"}, attributes={"polarity": "POSITIVE"})],
    }  # fmt: skip
    assert run(capsys, "import", project, write_jsonl(tmp_path / "in.jsonl", record))[0] == 0
    assert run(capsys, "export", project, tmp_path / "brat", "--format", "brat", "--source", "all")[0] == 0
    again = tmp_path / "again.tawsim"
    assert run(capsys, "new", again)[0] == 0
    code, out, err = run(capsys, "import", again, tmp_path / "brat", "--format", "brat")
    assert code == 0, err
    assert out.endswith(", 4 spans, 1 event\n")
