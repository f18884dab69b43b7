"""Valid inputs, one per fuzzed area, that the mutations start from.

Each seed is a set of files (relative name -> bytes) that imports cleanly into a project made with
the default schema (or, for the schema areas, that ``workbench new --schema`` accepts), so that a
mutation is the only thing wrong with what the fuzzer feeds the program.
"""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import REPO_ROOT

TEXT = "هاجم مسلحون قرية قرب الموصل أمس.\nوقال محمد إن 🇮🇶 الهجوم أسفر عن 3 قتلى."
SECOND = "أعلن تنظيم داعش مسؤوليته عن الهجوم في بغداد."

Files = dict[str, bytes]


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _span(span_id: str, text: str, piece: str, label: str, **extra: Any) -> dict[str, Any]:
    start, end = at(text, piece)
    return {"id": span_id, "start": start, "end": end, "label": label, "text": piece, **extra}


def jsonl_seed() -> Files:
    first = {
        "id": "doc-1", "name": "mosul", "text": TEXT, "metadata": {"source": "fuzz", "n": [1, 2]},
        "status": {"amal": "done", "omar": "in_progress"},
        "spans": [
            _span("t1", TEXT, "هاجم", "Conflict.Attack", annotator="amal"),
            _span("p1", TEXT, "مسلحون", "PER", annotator="amal",
                  attributes={"mention_level": "NOM"}, note="ملاحظة"),
            _span("g1", TEXT, "الموصل", "GPE", annotator="amal"),
            _span("d1", TEXT, "أمس", "DATE", annotator="amal"),
            _span("p2", TEXT, "محمد", "PER", annotator="omar"),
        ],
        "events": [{"id": "e1", "type": "Conflict.Attack", "trigger": "t1", "annotator": "amal",
                    "arguments": [{"role": "Attacker", "span": "p1"}, {"role": "Place", "span": "g1"},
                                  {"role": "Time", "span": "d1"}],
                    "attributes": {"polarity": "POSITIVE", "tense": "PAST"}}],
    }  # fmt: skip
    second = {
        "name": "baghdad", "text": SECOND,
        "spans": [
            _span("c1", SECOND, "أعلن", "Conflict.Claim-Responsibility"),
            _span("o1", SECOND, "داعش", "ORG"),
            _span("a1", SECOND, "الهجوم", "Conflict.Attack"),
            _span("b1", SECOND, "بغداد", "GPE"),
        ],
        "events": [
            {"id": "e2", "type": "Conflict.Attack", "trigger": "a1",
             "arguments": [{"role": "Place", "span": "b1"}]},
            {"id": "e3", "type": "Conflict.Claim-Responsibility", "trigger": "c1",
             "arguments": [{"role": "Claimant", "span": "o1"}, {"role": "ClaimedEvent", "event": "e2"}]},
        ],
    }  # fmt: skip
    lines = [json.dumps(record, ensure_ascii=False) for record in (first, second)]
    return {"in.jsonl": ("\n".join(lines) + "\n").encode()}


def txt_seed() -> Files:
    return {"news/a.txt": TEXT.encode(), "news/b.txt": ("\ufeff" + SECOND + "\r\n").encode()}


def conll_seed() -> Files:
    rows = [("هاجم", "O"), ("مسلحون", "B-PER"), ("قرية", "B-LOC"), ("قرب", "O"),
            ("الموصل", "B-GPE"), (".", "O"), ("", ""), ("وقال", "O"), ("محمد", "B-PER"),
            ("بن", "I-PER"), ("علي", "I-PER"), ("إن", "O"), ("3", "B-CARDINAL")]  # fmt: skip
    lines = [f"{token} {tag}" if token else "" for token, tag in rows]
    return {"in.conll": ("\n".join(lines) + "\n").encode()}


def brat_seed() -> Files:
    def t_line(brat_id: str, label: str, piece: str) -> str:
        start, end = at(TEXT, piece)
        return f"{brat_id}\t{label} {start} {end}\t{piece}"

    ann = [
        t_line("T1", "Conflict_Attack", "هاجم"),
        t_line("T2", "PER", "مسلحون"),
        t_line("T3", "GPE", "الموصل"),
        t_line("T4", "PER", "محمد"),
        "E1\tConflict_Attack:T1 Attacker:T2 Place:T3",
        "A1\tmention_level T2 NOM",
        "A2\tpolarity E1 POSITIVE",
        "#1\tAnnotatorNotes T4\tالمتحدث",
    ]
    return {"brat/a.txt": TEXT.encode(), "brat/a.ann": ("\n".join(ann) + "\n").encode()}


def doccano_seed() -> Files:
    records = [
        {"id": 7, "text": TEXT, "label": [[*at(TEXT, "مسلحون"), "PER"], [*at(TEXT, "الموصل"), "GPE"]]},
        {"text": SECOND, "entities": [
            {"start_offset": at(SECOND, "داعش")[0], "end_offset": at(SECOND, "داعش")[1], "label": "ORG"}]},
    ]  # fmt: skip
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    return {"in.jsonl": ("\n".join(lines) + "\n").encode()}


def labelstudio_seed() -> Files:
    def result(text: str, piece: str, label: str) -> dict[str, Any]:
        start, end = at(text, piece)
        value = {"start": start, "end": end, "text": piece, "labels": [label]}
        return {"id": "r", "from_name": "label", "to_name": "text", "type": "labels", "value": value}

    tasks = [
        {"id": 1, "data": {"text": TEXT}, "annotations": [
            {"completed_by": {"id": 3, "email": "amal@example.org"},
             "result": [result(TEXT, "مسلحون", "PER"), result(TEXT, "الموصل", "GPE")]}]},
        {"id": 2, "data": {"text": SECOND}, "annotations": [
            {"completed_by": 4, "result": [result(SECOND, "بغداد", "GPE")]}]},
    ]  # fmt: skip
    return {"tasks.json": json.dumps(tasks, ensure_ascii=False, indent=1).encode()}


def schema_yaml_seed() -> Files:
    return {"schema.yaml": (REPO_ROOT / "resources" / "schemas" / "generic.yaml").read_bytes()}


def schema_json_seed() -> Files:
    from workbench.core.schema import builtin_schema

    return {"schema.json": builtin_schema("wojood").to_json().encode()}
