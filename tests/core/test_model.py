"""The annotation model's own logic: a span's check against its text, documents' identity."""

from __future__ import annotations

import hashlib

import pytest

from workbench.core.model import Argument, Span, make_document, replace_lone_surrogates, text_sha256

TEXT = "قال محمد 😀 في بيروت"


@pytest.mark.parametrize(
    ("start", "end", "text", "matches"),
    [
        (4, 8, "محمد", True),
        (9, 10, "😀", True),  # one code point, however many UTF-16 units
        (4, 8, "محمود", False),  # the text at the offsets changed
        (4, 4, "", False),  # empty
        (-1, 3, "قال", False),
        (15, 21, "بيروت", False),  # past the end
    ],
)
def test_a_span_matches_the_text_at_its_offsets_only(start: int, end: int, text: str, matches: bool) -> None:
    assert Span("s", start, end, "PER", text).matches(TEXT) is matches


def test_a_documents_identity_is_the_sha256_of_its_utf8_text() -> None:
    document = make_document("name", TEXT)
    assert document.sha256 == text_sha256(TEXT) == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert make_document("other", TEXT).sha256 == document.sha256
    assert make_document("other", TEXT).id != document.id
    assert make_document("name", TEXT, doc_id="fixed").id == "fixed"


def test_lone_surrogates_in_names_become_replacement_characters() -> None:
    assert replace_lone_surrogates("news-\udcff\udcfe.txt") == "news-\ufffd\ufffd.txt"
    assert replace_lone_surrogates(TEXT) == TEXT  # a real emoji is no lone surrogate
    document = make_document("\udcffname", "text", source="/in/\udcff")
    assert (document.name, document.source) == ("\ufffdname", "/in/\ufffd")


def test_an_arguments_filler_is_its_span_or_its_event() -> None:
    assert Argument("Attacker", span_id="s").filler_id == "s"
    assert Argument("Claimed", event_id="e").filler_id == "e"
