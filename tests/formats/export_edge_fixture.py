"""A second fixed project for the byte-for-byte export comparison (``export_fixture``): what the
first leaves out and a faster writer could get wrong. Texts with JSON's escaped characters (``"``,
``\\``, a tab), emoji, diacritics, tatweel and bidi marks; spans on them and across a line break;
relations; document labels; notes of several lines and of another type; attributes of spans,
events and relations; document names that a file system refuses or that fold to the same file.
Every id is fixed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.formats.export_fixture import export_all
from workbench.app.importing import import_paths
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

GOLDEN = Path(__file__).parent / "data" / "export_golden_edges"

TEXTS = (
    'قال "أبو محمد" إن قوات الأمن اعتقلت\nخمسة مسلحين في الموصل \\ نينوى\tأمس 👍🏽 🇮🇶.',
    "أعلنت وزارةُ الدفاعِ العراقيةُ مقتـــل قائد في تنظيم داعش\u200f في كركوك.\n\n"
    'وقال المتحدث "لا تعليق" على ذلك.',
    "Reuters reported that John Smith met ISIS leaders in Mosul on 3/4 (UTC+3).",
)
NAMES = ('خبر: "أول"', "خبر/ثان\u202e", "CON")


def _span(doc: int, who: str, text: str, number: int, word: str, label: str,
          **extra: object) -> dict[str, object]:
    start = text.index(word)
    return {"id": f"x{doc}-{who}-{number}", "start": start, "end": start + len(word),
            "label": label, "text": word, "annotator": who, "attributes": {}, **extra}


def _records() -> list[dict[str, object]]:
    first, second, third = TEXTS
    spans0 = [
        _span(0, "gold", first, 0, '"أبو محمد"', "PER", note="ملاحظة أولى\n[Comment] نوع آخر"),
        _span(0, "gold", first, 1, "أبو محمد", "PER", attributes={"mention_level": "NAM"}),
        _span(0, "gold", first, 2, "قوات الأمن", "ORG"),
        _span(0, "gold", first, 3, "اعتقلت\nخمسة", "Justice.Arrest-Jail"),
        _span(0, "gold", first, 4, "الموصل \\ نينوى", "GPE", note="سطر\nسطر ثان"),
        _span(0, "gold", first, 5, "🇮🇶", "GPE"),
        _span(0, "amal", first, 0, "قوات", "ORG"),
        _span(0, "amal", first, 1, "نينوى\tأمس", "GPE"),
    ]
    events0 = [{"id": "xe0", "type": "Justice.Arrest-Jail", "trigger": "x0-gold-3", "annotator": "gold",
                "arguments": [{"role": "Agent", "span": "x0-gold-2"},
                              {"role": "Person", "span": "x0-gold-1"},
                              {"role": "Place", "span": "x0-gold-4"}],
                "attributes": {"polarity": "POSITIVE"}}]
    relations0 = [
        {"id": "xr0", "type": "member-of", "from": "x0-gold-1", "to": "x0-gold-2",
         "annotator": "gold", "attributes": {"membership_status": "claimed"}},
        {"id": "xr1", "type": "located-in", "from": "x0-gold-2", "to": "x0-gold-4",
         "annotator": "gold", "attributes": {}},
    ]
    spans1 = [
        _span(1, "gold", second, 0, "وزارةُ الدفاعِ العراقيةُ", "ORG"),
        _span(1, "gold", second, 1, "الدفاعِ", "ORG"),
        _span(1, "gold", second, 2, "مقتـــل", "Life.Die"),
        _span(1, "gold", second, 3, "داعش\u200f", "ORG"),
        _span(1, "gold", second, 4, "كركوك", "GPE"),
        _span(1, "gold", second, 5, '"لا تعليق"', "PER"),
        _span(1, "gold", second, 6, "قائد في تنظيم", "PER"),
    ]
    events1 = [{"id": "xe1", "type": "Life.Die", "trigger": "x1-gold-2", "annotator": "gold",
                "arguments": [{"role": "Victim", "span": "x1-gold-6"},
                              {"role": "Victim", "span": "x1-gold-5"},
                              {"role": "Agent", "span": "x1-gold-3"}],
                "attributes": {"tense": "PAST"}}]
    relations1 = [{"id": "xr2", "type": "leader-of", "from": "x1-gold-6", "to": "x1-gold-3",
                   "annotator": "gold", "attributes": {}}]
    spans2 = [
        _span(2, "gold", third, 0, "John Smith", "PER"),
        _span(2, "gold", third, 1, "ISIS", "ORG"),
        _span(2, "gold", third, 2, "Mosul", "GPE"),
        _span(2, "gold", third, 3, "3/4", "DATE"),
        _span(2, "gold", third, 4, "Smith met", "PER"),
    ]
    labels = {"gold": {"relevance": "relevant", "topic": ["terrorism", "justice"]}}
    return [
        {"id": "edge-0", "name": NAMES[0], "text": first, "spans": spans0, "events": events0,
         "relations": relations0, "document_labels": labels,
         "status": {"gold": "done", "amal": "in_progress"}},
        {"id": "edge-1", "name": NAMES[1], "text": second, "spans": spans1, "events": events1,
         "relations": relations1, "metadata": {"كاتب": "\"س\" \\ ع"}},
        {"id": "edge-2", "name": NAMES[2], "text": third, "spans": spans2,
         "document_labels": {"gold": {"relevance": "not_relevant"}}},
        {"id": "edge-3", "name": NAMES[0], "text": third + " 🙂", "spans": [
            {**_span(3, "gold", third, 0, "Reuters", "ORG"), "annotator": "gold"}]},
    ]


def build_edge_project(folder: Path) -> Path:
    corpus = folder / "edges.jsonl"
    corpus.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8"
    )
    path = folder / "edges.tawsim"
    with Project.create(path, builtin_schema("conflict-news")) as project:
        import_paths(project, [corpus], format_name="jsonl")
    return path


if __name__ == "__main__":  # writes the golden files: run once with the code to compare against
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as temporary:
        project_path = build_edge_project(Path(temporary))
        shutil.rmtree(GOLDEN, ignore_errors=True)
        export_all(project_path, GOLDEN)
