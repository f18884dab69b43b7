"""The JSONL importer reads its lines with orjson where orjson reads them as json does
(``core.nested_data.fast_json_object``): each file here gives the same documents, or the same
refusal naming the file, the line or byte and what is wrong, as reading every line with json
gives (what the importer did before)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.nested_data import fast_json_object
from workbench.core.schema import builtin_schema
from workbench.formats import jsonl
from workbench.formats.base import ImportOptions
from workbench.formats.report import FormatReport

TEXT = "زار محمد بغداد 😀"
SPANS = [
    {"id": "s1", "start": 4, "end": 8, "label": "PER", "text": "محمد", "annotator": "amal"},
    {"id": "s2", "start": 9, "end": 14, "label": "GPE", "text": "بغداد", "annotator": "amal"},
]

TRIGGER = {"id": "t", "start": 0, "end": 3, "label": "Movement.Transport", "text": "زار"}


def line(**fields: Any) -> bytes:
    record = {"id": "d1", "name": "d1", "text": TEXT, "spans": SPANS, **fields}
    return json.dumps(record, ensure_ascii=False).encode("utf-8", errors="surrogatepass")


def escaped(**fields: Any) -> bytes:
    """A line written with \\u escapes only (how json writes a lone surrogate)."""
    return json.dumps({"id": "d1", "name": "d1", "text": TEXT, "spans": SPANS, **fields}).encode()


GOOD = line()
FILES = {
    "plain spans": GOOD + b"\n" + line(id="d2", text=TEXT + ".") + b"\n",
    "a byte-order mark": b"\xef\xbb\xbf" + GOOD + b"\n",
    "a byte-order mark on line 2": GOOD + b"\n\xef\xbb\xbf" + line(id="d2", text="x") + b"\n",
    "CRLF line ends": GOOD + b"\r\n" + line(id="d2", text="a\r\nb", spans=[]) + b"\r\n",
    "blank lines": b"\n" + GOOD + b"\n  \t\r\n\xc2\xa0\n\n",
    "UTF-16": b"\xff\xfe" + (GOOD.decode() + "\n").encode("utf-16-le"),
    "not UTF-8": GOOD + b"\n" + GOOD.replace("بغداد".encode(), b"\xd8\xba\xff\xaf") + b"\n",
    "a cut sequence": GOOD + b"\n" + b'{"text": "\xd8\n',
    "a surrogate in UTF-8": GOOD + b"\n" + line(id="d2", name="\udc80") + b"\n",
    "a control character": GOOD + b"\n" + GOOD.replace(b"d1", b"d\x1b") + b"\n",
    "a NUL": GOOD + b"\n" + GOOD.replace(b'"d1"', b'"\x00"', 1) + b"\n",
    "a lone surrogate escape in the text": escaped(text=TEXT + "\ud800"),
    "a lone surrogate escape in the name": escaped(name="\udfff"),
    "a lone surrogate escape in the metadata": escaped(metadata={"k": "\ud83d"}),
    "a reversed pair": escaped(metadata={"k": "\ude00\ud83d"}),
    "a pair": escaped(metadata={"k": "\U0001f600"}),
    "an integer beyond 64 bits in the metadata": line(metadata={"n": 2**64, "m": -(2**63) - 1}),
    "an integer of 64 bits in the metadata": line(metadata={"n": 2**64 - 1, "m": -(2**63)}),
    "an integer beyond 64 bits as an offset": line(spans=[SPANS[0] | {"end": 10**30}]),
    "an integer beyond 64 bits as a name": line(name=10**25),
    "NaN and Infinity in the metadata": line(metadata={"a": float("nan"), "b": float("-inf")}),
    "a number beyond a float": GOOD.replace(b'"id": "d1"', b'"id": "d1", "x": 1e999'),
    "a float as an offset": line(spans=[SPANS[0] | {"start": 4.0}]),
    "a bool as an offset": line(spans=[SPANS[0] | {"start": True}]),
    "not JSON": GOOD + b"\n" + GOOD[:-1] + b"\n",
    "two objects on a line": GOOD + b" " + GOOD,
    "not an object": b"[" + GOOD + b"]",
    "null": b"null\n",
    "nested too deeply": b'{"text": "x", "metadata": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    "metadata too deep": line(metadata={"a": json.loads("[" * 100 + "]" * 100)}),
    "an unknown label": line(spans=[SPANS[0] | {"label": "NOPE"}]),
    "the text elsewhere": line(spans=[SPANS[0] | {"text": "بغداد"}]),
    "a wrong sha256": line(sha256="0" * 64),
    "events": line(spans=[*SPANS, TRIGGER], events=[{"id": "e", "type": "Movement.Transport", "trigger": "t"}]),
}  # fmt: skip


def outcome(path: Path) -> list[str] | str:
    """The documents read from ``path`` as their reprs (with the values' types; NaN equal to
    itself), or the error's message."""
    options = ImportOptions(schema=builtin_schema("conflict-news"))
    try:
        return [repr(document) for document in jsonl.read_plain([path], options, report=FormatReport())]
    except WorkbenchError as error:
        return str(error)


@pytest.mark.parametrize("name", FILES)
def test_orjson_reads_what_json_reads_and_refuses_what_it_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(FILES[name])
    read = outcome(path)
    monkeypatch.setattr(jsonl, "fast_json_object", lambda data: None)  # every line read by json
    assert read == outcome(path)


def test_the_lines_of_plain_spans_are_read_by_orjson(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Else the test above would compare json with itself."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(FILES["plain spans"] + FILES["a pair"])
    read: list[bytes] = []

    def counted(data: bytes) -> Any:
        read.append(data)
        return fast_json_object(data)

    monkeypatch.setattr(jsonl, "fast_json_object", counted)
    monkeypatch.setattr(jsonl, "parse_json", None)  # json is not asked
    assert len(outcome(path)) == 3
    assert len(read) == 3
