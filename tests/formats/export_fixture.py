"""A fixed project for comparing exports byte for byte before and after a change to how they
are read and rendered: Arabic news text with nested and overlapping spans, a span inside a token,
attributes, notes, events with span and event fillers, two annotators and gold, a document
without annotations, emoji and CRLF-free mixed scripts. Every id is fixed."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from tests.conftest import REPO_ROOT
from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.schema import builtin_schema
from workbench.core.tokens import token_ranges
from workbench.formats.base import ExportOptions
from workbench.store.project import Project

GOLDEN = Path(__file__).parent / "data" / "export_golden"
EXPORTS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("jsonl", "all", {}),
    ("jsonl", "gold", {}),
    ("conll", "gold", {}),
    ("conll", "all", {"tag_scheme": "bioes", "split_clitics": True}),
    ("conll", "gold", {"nested": "outermost", "split": (60, 20, 20)}),
    ("hf", "gold", {}),
    ("hf", "all", {"split": (50, 25, 25), "split_by": "sentence"}),
    ("brat", "all", {}),
    ("events", "gold", {}),
)
ENTITIES = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE")


def _texts() -> list[str]:
    lines = [
        line.strip()
        for path in sorted((REPO_ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 40
    ]
    texts = ["\n".join(lines[n : n + 3]) for n in range(0, 24, 3)]
    texts[3] += " 🇮🇶 نهاية. (3.5%) OPEC+ د.محمد"
    return texts


def _record(number: int, text: str, rng: random.Random) -> dict[str, object]:
    tokens = [r for r in token_ranges(text) if text[r[0] : r[1]].isalpha()]
    spans: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    for annotator in ("gold", "amal", "basim")[: 1 + number % 3]:
        chosen = sorted(rng.sample(range(len(tokens) - 2), 8))
        mine = []
        for n, index in enumerate(chosen):
            start, end = tokens[index][0], tokens[index + n % 2][1]
            if n == 5:
                start += 1  # inside a token: widened by token exports
            span = {"id": f"s{number}-{annotator}-{n}", "start": start, "end": end,
                    "label": ENTITIES[(n + number) % len(ENTITIES)], "text": text[start:end],
                    "annotator": annotator, "attributes": {}}
            if span["label"] == "PER" and n % 2:
                span["attributes"] = {"mention_level": "NOM"}
            if n == 2:
                span["note"] = "ملاحظة"
            mine.append(span)
        outer = mine[0]
        mine.append({**outer, "id": f"s{number}-{annotator}-nested", "label": "NORP"})
        first, last = tokens[chosen[1]], tokens[chosen[3]]
        mine.append({"id": f"s{number}-{annotator}-wide", "start": first[0], "end": last[1],
                     "label": "LOC", "text": text[first[0] : last[1]], "annotator": annotator,
                     "attributes": {}})
        trigger = tokens[-1]
        mine.append({"id": f"s{number}-{annotator}-t", "start": trigger[0], "end": trigger[1],
                     "label": "Conflict.Attack", "text": text[trigger[0] : trigger[1]],
                     "annotator": annotator, "attributes": {}})
        spans += mine
        targets = [s for s in mine if s["label"] in ("PER", "ORG", "GPE", "NORP", "FAC", "LOC")]
        if targets:
            events.append({"id": f"e{number}-{annotator}", "type": "Conflict.Attack",
                           "trigger": f"s{number}-{annotator}-t", "annotator": annotator,
                           "arguments": [{"role": "Target", "span": targets[0]["id"]}],
                           "attributes": {"attack_method": "bombing_explosion"}})
    return {"id": f"doc-{number:02d}", "name": f"خبر {number}", "text": text,
            "metadata": {"source": "seeds", "n": number}, "spans": spans, "events": events,
            "status": {"gold": "done", "amal": "in_progress"} if number % 3 == 2 else {}}


def build_project(folder: Path) -> Path:
    """The fixed project, built in ``folder`` from a JSONL file."""
    rng = random.Random(16)
    records = [_record(n, text, rng) for n, text in enumerate(_texts())]
    records[-1] = {"id": "doc-bare", "name": "بلا توسيم", "text": records[-1]["text"]}
    corpus = folder / "fixture.jsonl"
    corpus.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    path = folder / "fixture.tawsim"
    with Project.create(path, builtin_schema("conflict-news")) as project:
        import_paths(project, [corpus], format_name="jsonl")
    return path


def export_all(project_path: Path, folder: Path) -> dict[str, bytes]:
    """Every export of ``EXPORTS`` written under ``folder``: each file's bytes by its path."""
    with Project.open(project_path, readonly=True) as project:
        for number, (name, source, settings) in enumerate(EXPORTS):
            options = ExportOptions(schema=project.schema, **settings)
            export_project(project, folder / f"{number}-{name}-{source}", format_name=name,
                           source=source, options=options)
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


if __name__ == "__main__":  # writes the golden files: run once with the code to compare against
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as temporary:
        project_path = build_project(Path(temporary))
        shutil.rmtree(GOLDEN, ignore_errors=True)
        export_all(project_path, GOLDEN)
