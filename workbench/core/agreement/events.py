"""Agreement on events: the TextEE/ACE F1 family and role agreement (MEASURES.md §7).

Per document, each annotator's events become **sets** of tuples (set semantics: the same
(type, argument) in two events of one annotator counts once):

==================================  ===============================================
trigger_identification (Tri-I)      (trigger start, trigger end)
trigger_classification (Tri-C)      Tri-I + event type
argument_identification (Arg-I)     (event type, argument start, argument end)
argument_classification (Arg-C)     Arg-I + role
argument_identification_attached    (trigger offsets, event type, argument offsets)
argument_classification_attached    the attached tuple + role
==================================  ===============================================

Arg-I/Arg-C do not tie an argument to its trigger (the ACE/Li-2013 rule); the attached forms
(Arg-I+/Arg-C+) do. F1 is pairwise and symmetric, 2TP/(|A|+|B|), micro over the documents both
annotators finished. ``exact`` compares offsets exactly, as ACE does; ``overlap`` replaces
offset equality by one-to-one overlap matching (MEASURES.md §2.1): the keys (type, role) must be
equal and every offset range must share a character with its counterpart, which forgives a
clitic inside or outside a trigger (``والتقى`` vs ``التقى``).

**Role agreement** (conditional on the events): events of the two annotators are aligned
one-to-one (same type and overlapping triggers; a maximum-cardinality matching, the largest total
trigger Jaccard among those), and the argument sets ``(start, end, role)`` of each aligned pair
are compared by F1. Unaligned events do not count, so a trigger error is not counted a second
time as an argument error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .documents import EventMention
from .matching import best_alignment, interval_matching_size, jaccard, matching_size, overlaps
from .span_f1 import Counts

EVENT_MEASURES = (
    "trigger_identification",
    "trigger_classification",
    "argument_identification",
    "argument_classification",
    "argument_identification_attached",
    "argument_classification_attached",
)
MATCH_MODES = ("exact", "overlap")

Ranges = tuple[tuple[int, int], ...]
EventTuple = tuple[tuple[str, ...], Ranges]
"""``(key, ranges)``: the labels that must be equal, and the offset ranges that must match."""


def event_tuples(events: Sequence[EventMention]) -> dict[str, set[EventTuple]]:
    """The six tuple sets of one annotator on one document."""
    tuples: dict[str, set[EventTuple]] = {name: set() for name in EVENT_MEASURES}
    for event in events:
        trigger = (event.trigger_start, event.trigger_end)
        tuples["trigger_identification"].add(((), (trigger,)))
        tuples["trigger_classification"].add(((event.type,), (trigger,)))
        for start, end, role in event.arguments:
            argument = (start, end)
            tuples["argument_identification"].add(((event.type,), (argument,)))
            tuples["argument_classification"].add(((event.type, role), (argument,)))
            tuples["argument_identification_attached"].add(((event.type,), (trigger, argument)))
            tuples["argument_classification_attached"].add(
                ((event.type, role), (trigger, argument))
            )
    return tuples


def overlap_tp(a: set[EventTuple], b: set[EventTuple]) -> int:
    """Maximum one-to-one matching: equal keys, every range overlapping its counterpart."""
    a_by_key = _by_key(a)
    b_by_key = _by_key(b)
    total = 0
    for key in a_by_key.keys() & b_by_key.keys():
        a_ranges, b_ranges = a_by_key[key], b_by_key[key]
        if len(a_ranges[0]) == 1:
            total += interval_matching_size([r[0] for r in a_ranges], [r[0] for r in b_ranges])
        else:  # (trigger, argument)
            total += matching_size(a_ranges, b_ranges, _all_overlap)
    return total


def align_events(a: Sequence[EventMention], b: Sequence[EventMention]) -> list[tuple[int, int]]:
    """Index pairs of aligned events: same type, overlapping triggers, one-to-one."""
    weights = [
        [
            jaccard((x.trigger_start, x.trigger_end), (y.trigger_start, y.trigger_end))
            if x.type == y.type
            and overlaps(x.trigger_start, x.trigger_end, y.trigger_start, y.trigger_end)
            else None
            for y in b
        ]
        for x in a
    ]
    return best_alignment(weights)


@dataclass(slots=True)
class EventCounts:
    """One pair's event counts, pooled over the documents both finished."""

    exact: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in EVENT_MEASURES})
    overlap: dict[str, Counts] = field(
        default_factory=lambda: {m: Counts() for m in EVENT_MEASURES}
    )
    roles: Counts = field(default_factory=Counts)
    aligned_events: int = 0
    documents: int = 0

    def add_document(
        self,
        a: Sequence[EventMention],
        b: Sequence[EventMention],
        a_tuples: dict[str, set[EventTuple]] | None = None,
        b_tuples: dict[str, set[EventTuple]] | None = None,
    ) -> None:
        """Add one document's events of A and of B (``*_tuples``: their :func:`event_tuples`,
        when the caller has them already)."""
        self.documents += 1
        a_tuples = event_tuples(a) if a_tuples is None else a_tuples
        b_tuples = event_tuples(b) if b_tuples is None else b_tuples
        for name in EVENT_MEASURES:
            x, y = a_tuples[name], b_tuples[name]
            self.exact[name].add(len(x & y), len(x), len(y))
            self.overlap[name].add(overlap_tp(x, y), len(x), len(y))
        for i, j in align_events(a, b):
            a_arguments, b_arguments = a[i].arguments, b[j].arguments
            shared = len(a_arguments & b_arguments)
            self.roles.add(shared, len(a_arguments), len(b_arguments))
            self.aligned_events += 1


def _by_key(tuples: set[EventTuple]) -> dict[tuple[str, ...], list[Ranges]]:
    grouped: dict[tuple[str, ...], list[Ranges]] = {}
    for key, ranges in tuples:
        grouped.setdefault(key, []).append(ranges)
    return grouped


def _all_overlap(x: Ranges, y: Ranges) -> bool:
    (x0, x1), (y0, y1) = x, y  # trigger and argument: the attached tuples have two ranges
    return x0[0] < y0[1] and y0[0] < x0[1] and x1[0] < y1[1] and y1[0] < x1[1]
