"""Every exporter writes a document given as plain spans (``PlainSpansDocument``, what a project
export reads where the sets hold spans alone) exactly as it writes the same document with whole
``Span``s, and refuses a stale plain span as it refuses a stale ``Span``."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.model import (
    AnnotatedDocument,
    PlainSpans,
    PlainSpansDocument,
    Span,
    Status,
    make_document,
)
from workbench.core.schema import Schema
from workbench.formats import EXPORTERS, exporter
from workbench.formats.base import ExportOptions, StaleSpanError

TEXTS = (
    "زار محمد بغداد\nثم عاد إلى الموصل مع \"علي\" 🇮🇶",
    "قال مسؤول في وزارة الدفاع إن الهجوم وقع صباح الأحد.\nوأضاف أن القوات ردت.",
    "لا شيء هنا",
)


def _span(text: str, number: int, start: int, end: int, label: str) -> Span:
    return Span(f"s{number}", start, end, label, text[start:end])


def _plain(annotator: str, spans: list[Span]) -> PlainSpans:
    return PlainSpans(
        annotator, Status.DONE,
        tuple(s.id for s in spans), tuple(s.start for s in spans), tuple(s.end for s in spans),
        tuple(s.label for s in spans), tuple(s.text for s in spans),
    )  # fmt: skip


def _documents() -> list[PlainSpansDocument]:
    """Two annotators' spans, nested, out of text order, across a line break (brat writes it
    in pieces), with an emoji and JSON escapes; a set without spans; a document without sets."""
    first, second, third = TEXTS
    amal = [
        _span(first, 1, 9, 14, "GPE"),
        _span(first, 2, 4, 8, "PER"),
        _span(first, 3, 4, 14, "PER"),
        _span(first, 4, 9, 24, "LOC"),  # across the line break
        _span(first, 5, 35, 40, "PER"),
    ]
    badr = [_span(first, 6, 4, 8, "ORG")]
    gold = [_span(second, 7, 14, 25, "ORG"), _span(second, 8, 4, 9, "PER")]
    return [
        PlainSpansDocument(make_document("first", first, doc_id="d1"), (_plain("amal", amal), _plain("badr", badr))),
        PlainSpansDocument(make_document("second", second, doc_id="d2"), (_plain("gold", gold), _plain("dana", []))),
        PlainSpansDocument(make_document("third", third, doc_id="d3")),
    ]


def _files(folder: Path) -> dict[str, bytes]:
    """The files under ``folder`` (or the file ``folder``) by path, without the export's mark."""
    if folder.is_file():
        return {"": folder.read_bytes()}
    paths = (p for p in folder.rglob("*") if p.is_file() and p.name != ".tawsim-export")
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths}


@pytest.mark.parametrize("split", [None, (50, 25, 25)])
@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
def test_plain_spans_are_written_as_whole_spans_are(
    conflict_news: Schema, tmp_path: Path, format_name: str, split: tuple[int, int, int] | None
) -> None:
    plain = _documents()
    whole = [document.annotated() for document in plain]
    options = ExportOptions(schema=conflict_news, split=split)
    exporter(format_name)(plain, tmp_path / "plain", options)
    exporter(format_name)(whole, tmp_path / "whole", options)
    written = _files(tmp_path / "plain")
    assert written == _files(tmp_path / "whole")
    assert any(b"\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf" in content for content in written.values())


@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
def test_a_stale_plain_span_is_refused_naming_the_document_and_the_span(
    conflict_news: Schema, tmp_path: Path, format_name: str
) -> None:
    text = "زار محمد بغداد"
    good = _plain("gold", [_span(text, 1, 4, 8, "PER")])
    stale = PlainSpans("gold", Status.DONE, ("s1", "s2"), (4, 9), (8, 14), ("PER", "GPE"), ("محمد", "علي"))
    documents = [
        PlainSpansDocument(make_document("good", text), (good,)),
        PlainSpansDocument(make_document("edited", text), (stale,)),
    ]
    with pytest.raises(StaleSpanError) as caught:
        exporter(format_name)(documents, tmp_path / "out", ExportOptions(schema=conflict_news))
    message = str(caught.value)
    assert "document 'edited'" in message and "s2" in message and "'بغداد'" in message


@pytest.mark.parametrize(
    ("starts", "ends"),
    [((4,), (4,)), ((9,), (8,)), ((-1,), (3,)), ((10,), (15,))],
    ids=["empty", "reversed", "before the text", "past the text"],
)
def test_a_plain_span_outside_the_text_or_empty_is_refused(
    conflict_news: Schema, tmp_path: Path, starts: tuple[int], ends: tuple[int]
) -> None:
    """As ``Span.matches``: a slice of such a range may still equal the stored text ("")."""
    text = "زار محمد بغداد"
    covered = (text[starts[0] : ends[0]],)
    plain = PlainSpans("gold", Status.DONE, ("s1",), starts, ends, ("PER",), covered)
    assert not plain.match(text)
    document = PlainSpansDocument(make_document("edited", text), (plain,))
    with pytest.raises(StaleSpanError, match="s1"):
        exporter("jsonl")([document], tmp_path / "out.jsonl", ExportOptions(schema=conflict_news))


def test_documents_of_both_kinds_in_one_export(conflict_news: Schema, tmp_path: Path) -> None:
    plain = _documents()
    mixed: list[PlainSpansDocument | AnnotatedDocument] = [plain[0], plain[1].annotated(), plain[2]]
    options = ExportOptions(schema=conflict_news)
    exporter("brat")(mixed, tmp_path / "mixed", options)
    exporter("brat")([d.annotated() for d in plain], tmp_path / "whole", options)
    assert _files(tmp_path / "mixed") == _files(tmp_path / "whole")
