"""The command recommender: any program that reads documents as JSONL on stdin and writes spans
as JSONL on stdout (the protocol is in this package's README.md).

Input, one line per document: ``{"id": ..., "text": ..., "labels": [...]}``.
Output, one line per span: ``{"id": ..., "start": S, "end": E, "label": L, "score": X}``, offsets
in code points of the text (Python string indices), ``score`` optional (1.0). The program has
``timeout`` seconds; whatever goes wrong (it cannot start, it fails, it runs too long, a line is
not a span of a document it was given) is one ``WorkbenchError`` line naming the command and the
place, and none of its output is used.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from collections.abc import Sequence
from typing import Any

from workbench.core.errors import WorkbenchError, one_line
from workbench.core.recommenders import Recommendation

NAME = "command"
TIMEOUT = 120.0


def run_command(
    command: str,
    documents: Sequence[tuple[str, str]],
    labels: Sequence[str],
    timeout: float = TIMEOUT,
) -> dict[str, list[Recommendation]]:
    """The spans ``command`` gives each of ``documents`` (id, text), by document id."""
    if not command.strip():
        raise WorkbenchError("the recommender command is empty")
    lines = "".join(
        json.dumps({"id": i, "text": text, "labels": list(labels)}, ensure_ascii=False) + "\n"
        for i, text in documents
    )
    output = _run(command, lines, timeout)
    texts = dict(documents)
    found: dict[str, list[Recommendation]] = {i: [] for i in texts}
    for number, line in enumerate(output.splitlines(), start=1):
        if line.strip():
            document_id, recommendation = _span(line, texts, set(labels), f"{command}: line {number}")
            found[document_id].append(recommendation)
    return found


def _run(command: str, stdin: str, timeout: float) -> str:
    arguments = shlex.split(command, posix=os.name != "nt")
    try:
        done = subprocess.run(
            arguments, input=stdin.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise WorkbenchError(f"{command}: no answer within {timeout:g} s; stopped") from error
    except OSError as error:
        raise WorkbenchError(one_line(f"{command}: cannot run it ({error})")) from error
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = said[-1] if said else "no message"
        raise WorkbenchError(one_line(f"{command}: exited with {done.returncode}: {last}"))
    try:
        return done.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WorkbenchError(f"{command}: its output is not UTF-8 (byte {error.start})") from error


def _span(
    line: str, texts: dict[str, str], labels: set[str], where: str
) -> tuple[str, Recommendation]:
    try:
        item: Any = json.loads(line)
    except json.JSONDecodeError as error:
        raise WorkbenchError(f"{where}: not JSON ({error.msg})") from error
    if not isinstance(item, dict):
        raise WorkbenchError(f"{where}: not a JSON object")
    document_id, start, end, label = (item.get(k) for k in ("id", "start", "end", "label"))
    score = item.get("score", 1.0)
    if document_id not in texts:
        raise WorkbenchError(f"{where}: no document {document_id!r} was given")
    if not (type(start) is int and type(end) is int and 0 <= start < end <= len(texts[document_id])):
        raise WorkbenchError(f"{where}: [{start}, {end}) is not a range of the document's text")
    if label not in labels:
        raise WorkbenchError(f"{where}: the label {label!r} is not in the schema")
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
        raise WorkbenchError(f"{where}: the score {score!r} is not a number from 0 to 1")
    return document_id, Recommendation(start, end, label, float(score), NAME)
