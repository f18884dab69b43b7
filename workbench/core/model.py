"""The annotation model shared by the store, the formats, the agreement measures and the UI.

Offsets are half-open ranges ``[start, end)`` of Unicode code points (Python string indices)
into a document's stored text (DESIGN.md, the offset contract).
"""

from __future__ import annotations

import hashlib
import operator
import os
import re
import threading
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

GOLD = "gold"
"""The annotator name of the adjudicated gold layer."""
SUGGESTIONS = "suggestions"
"""The reserved set of the recommenders' suggestions on a document: never an annotator's work."""


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


_RANDOM_BITS = 74
_last_id_lock = threading.Lock()
_last_id = 0


def new_id() -> str:
    """A new UUID of version 7 (RFC 9562): its first 48 bits are the Unix time in milliseconds and
    the other 74 random, so ids made one after another sort one after another (within a process
    even in the same millisecond, or if the clock steps back). SQLite's indexes on ids then grow
    at their end rather than at a random page each: importing 30,000 documents x 20 spans took
    about a fifth less processor time than with random (version 4) ids."""
    global _last_id
    now = time.time_ns() // 1_000_000 << _RANDOM_BITS | int.from_bytes(os.urandom(10)) >> 6
    with _last_id_lock:
        _last_id = max(now, _last_id + 1)
        value = _last_id
    digits = f"{_version_7(value):032x}"  # as str(uuid.UUID(int=...)) writes it, without the object
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def _version_7(value: int) -> int:
    """The UUID of ``value`` (48 bits of milliseconds, then 74 random bits): those bits with the
    version (7) and the variant (binary 10) in their places."""
    milliseconds, rand_a, rand_b = value >> _RANDOM_BITS, value >> 62 & 0xFFF, value & (1 << 62) - 1
    return milliseconds << 80 | 7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    id: str
    start: int
    end: int
    label: str
    text: str
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)
    note: str = ""

    def matches(self, document_text: str) -> bool:
        """True when the stored covered text still equals the text at the offsets."""
        return 0 <= self.start < self.end <= len(document_text) and (
            document_text[self.start : self.end] == self.text
        )


@dataclass(frozen=True, slots=True)
class Argument:
    """A role filled either by a span (``span_id``) or by another event (``event_id``)."""

    role: str
    span_id: str | None = None
    event_id: str | None = None

    @property
    def filler_id(self) -> str:
        filler = self.span_id or self.event_id
        assert filler is not None, "an argument has a span or an event filler"
        return filler


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    trigger_span_id: str
    arguments: tuple[Argument, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two spans of the same annotation set (from ``from_span_id`` to
    ``to_span_id``; for a symmetric type the order carries no meaning)."""

    id: str
    type: str
    from_span_id: str
    to_span_id: str
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)


DocumentLabelValue = str | tuple[str, ...]
"""A document-label field's value: one named value (single choice) or several (multiple choice)."""


@dataclass(frozen=True, slots=True)
class AnnotationSet:
    """One annotator's annotations on one document."""

    annotator: str
    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    status: Status = Status.DONE
    revision: int = 1
    relations: tuple[Relation, ...] = ()
    document_labels: dict[str, DocumentLabelValue] = field(default_factory=dict, hash=False)
    """Labels of the whole document by field name (relevance, topic, country...)."""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    name: str
    text: str
    sha256: str
    source: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, hash=False)
    tokens: tuple[tuple[int, int], ...] | None = None
    """The document's own token layer (kept from a tokenized import such as CoNLL), else None."""


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document with the annotation sets a format read or an export writes."""

    document: Document
    sets: tuple[AnnotationSet, ...] = ()


@dataclass(frozen=True, slots=True)
class PlainSpans:
    """One annotator's annotations on a document when they are spans and nothing else: no
    attributes or note on a span, no events, relations or document labels. The spans are held
    as columns (``Span``'s fields in its order), not as a ``Span`` each: a corpus holds twenty
    times as many spans as documents, and building those objects, then walking them to check
    them and to make their rows, was most of an import's work above SQLite's. A reader hands
    these to the store (``formats.jsonl.read_plain``, ``store.bulk_import``); ``annotation_set``
    gives the same annotations as an ``AnnotationSet``."""

    annotator: str
    status: Status
    ids: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    labels: tuple[str, ...]
    texts: tuple[str, ...]
    revision: int = field(default=1, kw_only=True)

    def __post_init__(self) -> None:
        columns = (self.ids, self.starts, self.ends, self.labels, self.texts)
        if len(set(map(len, columns))) > 1:
            raise ValueError("the columns of plain spans must have the same length")

    def annotation_set(self) -> AnnotationSet:
        spans = tuple(map(Span, self.ids, self.starts, self.ends, self.labels, self.texts))
        return AnnotationSet(self.annotator, spans, status=self.status, revision=self.revision)

    def match(self, document_text: str) -> bool:
        """True when every span ``matches`` the text (``Span.matches``), each test made over a
        whole column at once; where one does not, ``annotation_set`` names it."""
        starts, ends = self.starts, self.ends
        return (
            (not starts or (min(starts) >= 0 and max(ends) <= len(document_text)))
            and all(map(operator.lt, starts, ends))
            and tuple(map(document_text.__getitem__, map(slice, starts, ends))) == self.texts
        )


PlainColumns = tuple[tuple[Any, ...], ...]
"""The columns of ``PlainSpans`` from ``ids`` to ``texts``."""


@dataclass(frozen=True, slots=True)
class PlainSpansDocument:
    """A document whose annotation sets hold spans and nothing else (``PlainSpans``)."""

    document: Document
    sets: tuple[PlainSpans, ...] = ()

    def annotated(self) -> AnnotatedDocument:
        return AnnotatedDocument(self.document, tuple(s.annotation_set() for s in self.sets))


ImportedDocument = AnnotatedDocument | PlainSpansDocument
"""What a reader hands the store to add to a project, and what the store hands an export."""


def as_annotated(document: ImportedDocument) -> AnnotatedDocument:
    """The document with ``AnnotationSet``s, for what needs whole spans."""
    return document.annotated() if isinstance(document, PlainSpansDocument) else document


_SURROGATES = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD.

    Python holds each byte of a file name or a command-line argument that is not UTF-8 as a lone
    surrogate, which is not a character: neither SQLite nor any UTF-8 file can hold it.
    """
    return _SURROGATES.sub("\ufffd", text)


def make_document(
    name: str,
    text: str,
    *,
    source: str = "",
    metadata: dict[str, Any] | None = None,
    doc_id: str | None = None,
    tokens: tuple[tuple[int, int], ...] | None = None,
) -> Document:
    return Document(
        id=doc_id or new_id(),
        name=replace_lone_surrogates(name),
        text=text,
        sha256=text_sha256(text),
        source=replace_lone_surrogates(source),
        metadata=metadata or {},
        tokens=tokens,
    )
