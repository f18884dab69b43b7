"""Token tags: spans over token indices to IOB2 or BIOES tags and back, and nesting layers.

This is the one implementation of tagging that the CoNLL, Hugging Face and event exporters and the
CoNLL importer share.

- Writing: a layer of non-overlapping token spans becomes one column of tags. IOB2 marks the
  first token ``B-`` and the rest ``I-``; BIOES marks a one-token span ``S-`` and the last token of
  a longer one ``E-``.
- Reading accepts IOB2, IOB1 and BIOES alike. An ``I-`` (or ``E-``) that does not continue a span
  of the same label starts a new one, as seqeval and conlleval read it; the positions of these
  repairs are returned so that the importer can count them. ``read_scheme`` tells which scheme a
  file's tags follow, so that what is a repair in one scheme (an ``I-`` start in IOB2, a span not
  closed by ``E-`` or ``S-`` in BIOES, ``bioes_unclosed``) is not counted in another (IOB1 starts
  every span with ``I-``).
- Nesting: spans go into layers, outermost first (the Wojood layout), each span into the first
  layer where it overlaps nothing. Spans are taken by start, longer first, so a span that
  contains another always lands in an earlier layer; spans with the same range keep their order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from workbench.core.errors import Problem

TagScheme = Literal["iob2", "bioes"]
ReadScheme = Literal["iob1", "iob2", "bioes"]
OUTSIDE = "O"
PREFIXES = ("B", "I", "E", "S")

Tag = tuple[str, str]
"""A parsed tag: (prefix, label), with ``("O", "")`` for outside."""

OUTSIDE_TAG: Tag = (OUTSIDE, "")


class TokenSpan(NamedTuple):
    """A labelled half-open range ``[start, end)`` of token indices (a tuple: cheap to make and
    to hash, which exports do for every span)."""

    start: int
    end: int
    label: str


def parse_tag(tag: str) -> Tag:
    """``"B-PERS"`` -> ``("B", "PERS")``; ``ValueError`` for anything that is not a tag.

    Only the first hyphen separates: NewsFANE's ``B-Population-Center`` has the label
    ``Population-Center``.
    """
    if tag == OUTSIDE:
        return OUTSIDE_TAG
    prefix, hyphen, label = tag.partition("-")
    if not hyphen or prefix not in PREFIXES or not label:
        raise ValueError(Problem("{tag!r} is not a tag: expected O, or B-, I-, E- or S- and a label", tag=tag))
    return prefix, label


def span_tags(spans: Iterable[TokenSpan], length: int, scheme: TagScheme) -> list[str]:
    """One column of ``length`` tags for spans that do not overlap each other."""
    tags = [OUTSIDE] * length
    for span in spans:
        inside = f"I-{span.label}"
        for index in range(span.start, span.end):
            tags[index] = inside
        tags[span.start] = f"B-{span.label}"
        if scheme == "bioes":
            if span.end - span.start == 1:
                tags[span.start] = f"S-{span.label}"
            else:
                tags[span.end - 1] = f"E-{span.label}"
    return tags


def tag_spans(tags: Sequence[Tag]) -> tuple[list[TokenSpan], list[int]]:
    """The spans in one column of parsed tags, and the indices where a span was repaired."""
    spans: list[TokenSpan] = []
    repaired: list[int] = []
    open_start: int | None = None
    open_label = ""

    def close(end: int) -> None:
        nonlocal open_start
        if open_start is not None:
            spans.append(TokenSpan(open_start, end, open_label))
        open_start = None

    for index, (prefix, label) in enumerate(tags):
        continues = open_start is not None and label == open_label and prefix in ("I", "E")
        if not continues:
            close(index)
            if prefix in ("I", "E"):
                repaired.append(index)
            if prefix != OUTSIDE:
                open_start, open_label = index, label
        if prefix in ("E", "S"):
            close(index + 1)
    close(len(tags))
    return spans, repaired


def read_scheme(columns: Iterable[Sequence[Tag]]) -> ReadScheme:
    """The scheme of columns of tags: BIOES when any tag is ``E-`` or ``S-``; IOB1 when some span
    starts with ``I-`` and every ``B-`` follows a tag of its own label (IOB1 uses ``B-`` only
    between two adjacent spans of one label); else IOB2."""
    inside_starts = lone_begins = 0
    for tags in columns:
        previous = OUTSIDE_TAG
        for prefix, label in tags:
            if prefix in ("E", "S"):
                return "bioes"
            follows_own_label = previous[0] != OUTSIDE and previous[1] == label
            if not follows_own_label:
                inside_starts += prefix == "I"
                lone_begins += prefix == "B"
            previous = (prefix, label)
    return "iob1" if inside_starts and not lone_begins else "iob2"


def bioes_unclosed(spans: Iterable[TokenSpan], tags: Sequence[Tag]) -> list[int]:
    """The last token of each span whose last tag is not ``E-`` or ``S-`` (a BIOES repair)."""
    return [span.end - 1 for span in spans if tags[span.end - 1][0] not in ("E", "S")]


def nesting_layers(spans: Iterable[TokenSpan]) -> list[list[TokenSpan]]:
    """The spans in layers of non-overlapping spans, outermost first (see the module docstring)."""
    layers: list[list[TokenSpan]] = []
    layer_ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        for number, end in enumerate(layer_ends):
            if end <= span.start:
                layers[number].append(span)
                layer_ends[number] = span.end
                break
        else:
            layers.append([span])
            layer_ends.append(span.end)
    return layers


def tag_names(labels: Iterable[str], scheme: TagScheme) -> list[str]:
    """Every tag of ``labels`` in a fixed order: ``O``, then each label's ``B-``, ``I-`` (BIOES:
    ``B-``, ``I-``, ``E-``, ``S-``)."""
    prefixes = ("B", "I") if scheme == "iob2" else PREFIXES
    return [OUTSIDE, *(f"{prefix}-{label}" for label in labels for prefix in prefixes)]
