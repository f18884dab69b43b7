#!/usr/bin/env python3
"""An example program for ``workbench recommend --recommender command --command CMD``.

It reads documents as JSONL on stdin and writes spans as JSONL on stdout (README.md beside it).
This one labels every whole-word occurrence of a few names from a small list; replace
``recommend`` with a call to camel-tools' NER, a Hugging Face pipeline or a local LLM.

    workbench recommend project.tawsim --recommender command \\
        --command "python3 workbench/core/recommenders/example_command.py"
"""

from __future__ import annotations

import json
import re
import sys

NAMES = {"بغداد": "LOC", "الموصل": "LOC", "الأمم المتحدة": "ORG", "داعش": "ORG"}


def recommend(text: str, labels: list[str]) -> list[tuple[int, int, str, float]]:
    found: list[tuple[int, int, str, float]] = []
    for name, label in NAMES.items():
        if label not in labels:
            continue
        for match in re.finditer(rf"(?<!\w)[وفبكل]?{re.escape(name)}(?!\w)", text):
            found.append((match.start(), match.end(), label, 0.9))
    return found


def main() -> int:
    for line in sys.stdin:
        if not line.strip():
            continue
        document = json.loads(line)
        for start, end, label, score in recommend(document["text"], document["labels"]):
            span = {"id": document["id"], "start": start, "end": end, "label": label, "score": score}
            print(json.dumps(span, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
