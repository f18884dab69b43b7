"""The annotation model's own logic: a span's check against its text, documents' identity."""

from __future__ import annotations

import hashlib
import threading
import time
import uuid

import pytest

from workbench.core import model
from workbench.core.model import Argument, Span, make_document, new_id, replace_lone_surrogates, text_sha256

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


def test_new_ids_are_version_7_uuids_in_the_order_they_were_made() -> None:
    """Time-ordered ids keep SQLite's id indexes growing at their end (``new_id``)."""
    before = time.time_ns() // 1_000_000
    ids = [new_id() for _ in range(20_000)]
    after = time.time_ns() // 1_000_000
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = [uuid.UUID(i) for i in ids]
    assert {(u.version, u.variant) for u in parsed} == {(7, uuid.RFC_4122)}
    assert all(str(u) == i for u, i in zip(parsed, ids, strict=True))
    assert before <= parsed[0].int >> 80 <= parsed[-1].int >> 80 <= after


def test_ids_stay_in_order_when_the_clock_steps_back(monkeypatch: pytest.MonkeyPatch) -> None:
    first = new_id()
    monkeypatch.setattr(time, "time_ns", lambda: 0)
    assert sorted([first, second := new_id()]) == [first, second] and second != first


def test_ids_made_on_several_threads_are_all_different() -> None:
    made: list[list[str]] = [[] for _ in range(4)]
    threads = [threading.Thread(target=lambda out: out.extend(new_id() for _ in range(5_000)), args=(m,)) for m in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [i for m in made for i in m]
    assert len(set(every)) == len(every) and all(m == sorted(m) for m in made)


def test_version_7_keeps_the_time_and_random_bits_in_their_places() -> None:
    value = (0x0123456789AB << 74) | ((1 << 74) - 1)
    made = uuid.UUID(int=model._version_7(value))
    assert made.int >> 80 == 0x0123456789AB and made.version == 7 and made.variant == uuid.RFC_4122
    assert made.int & ((1 << 62) - 1) == (1 << 62) - 1 and made.int >> 64 & 0xFFF == 0xFFF
