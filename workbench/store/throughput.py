"""Every annotation action with its time, per annotator, and what they add up to: documents and
spans per hour, how many suggestions are accepted, and the time a document takes with and
without suggestions (what a lead reads to see what assistance saves).

Time is counted as active time: the gaps between an annotator's consecutive actions, each
capped at ``IDLE`` seconds, so a lunch break between two spans does not count as work.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from math import fsum
from typing import TYPE_CHECKING, Any

from workbench.store.connection import write_transaction

if TYPE_CHECKING:
    from workbench.store.project import Project

ACTIONS = ("create", "delete", "relabel", "accept", "reject", "done")
IDLE = 300.0
"""Seconds after which a pause between two actions counts as a break, not as work."""


def log_action(
    project: Project, annotator: str, document_id: str, action: str, at: float | None = None
) -> None:
    with write_transaction(project.conn) as conn:
        record_action(conn, annotator, document_id, action, at)


def record_action(
    conn: sqlite3.Connection, annotator: str, document_id: str, action: str, at: float | None = None
) -> None:
    """``log_action`` in the transaction open on ``conn``: the action logged with the edit."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    conn.execute(
        "INSERT INTO actions (annotator, document_id, action, at) VALUES (?, ?, ?, ?)",
        [annotator, document_id, action, time.time() if at is None else at],
    )


def throughput(project: Project) -> dict[str, Any]:
    """The figures above, for the whole team and per annotator (none from a file of a format
    before the action log, opened read-only)."""
    has_log = project.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'actions'"
    ).fetchone()
    rows = [] if has_log is None else project.conn.execute(
        "SELECT annotator, document_id, action, at FROM actions ORDER BY annotator, at, id"
    ).fetchall()
    by_annotator: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for annotator, document_id, action, at in rows:
        by_annotator[annotator].append((document_id, action, at))
    work = {name: _Work.of(actions) for name, actions in by_annotator.items()}
    team = _Work.added(work.values())
    return {**team.figures(), "annotators": {name: w.figures() for name, w in work.items()}}


@dataclass
class _Work:
    """One annotator's actions (or the team's, added up)."""

    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    with_suggestions: list[float] = field(default_factory=list)
    without_suggestions: list[float] = field(default_factory=list)

    @classmethod
    def of(cls, actions: list[tuple[str, str, float]]) -> _Work:
        with_, without = _document_times(actions)
        counts = Counter(action for _, action, _ in actions)
        return cls(counts, _active_seconds([at for _, _, at in actions]), with_, without)

    @classmethod
    def added(cls, parts: Iterable[_Work]) -> _Work:
        total = cls()
        for part in parts:
            total.counts += part.counts
            total.seconds += part.seconds
            total.with_suggestions += part.with_suggestions
            total.without_suggestions += part.without_suggestions
        return total

    def figures(self) -> dict[str, Any]:
        counts, hours = self.counts, self.seconds / 3600
        decided = counts["accept"] + counts["reject"]
        return {
            "actions": {name: counts[name] for name in ACTIONS},
            "active_hours": round(hours, 4),
            "documents_per_hour": _per_hour(counts["done"], hours),
            "spans_per_hour": _per_hour(counts["create"] + counts["accept"], hours),
            "suggestion_acceptance": round(counts["accept"] / decided, 4) if decided else None,
            "seconds_per_document_with_suggestions": _mean(self.with_suggestions),
            "seconds_per_document_without_suggestions": _mean(self.without_suggestions),
        }


def _per_hour(count: int, hours: float) -> float | None:
    return round(count / hours, 2) if hours > 0 else None


def _mean(values: list[float]) -> float | None:
    """The mean to a tenth (without ``statistics``, whose import takes 5 ms of every command's start)."""
    return round(fsum(values) / len(values), 1) if values else None


def _active_seconds(times: list[float]) -> float:
    return sum(min(later - earlier, IDLE) for earlier, later in pairwise(times))


def _document_times(actions: list[tuple[str, str, float]]) -> tuple[list[float], list[float]]:
    """Active seconds each document took until it was done (one annotator's actions), split by
    whether suggestions were accepted or rejected on it."""
    times: dict[str, list[float]] = defaultdict(list)
    assisted: set[str] = set()
    finished: dict[str, float] = {}
    for document_id, action, at in actions:
        times[document_id].append(at)
        if action in ("accept", "reject"):
            assisted.add(document_id)
        if action == "done":
            finished[document_id] = _active_seconds(times[document_id])
    with_ = [seconds for d, seconds in finished.items() if d in assisted]
    without = [seconds for d, seconds in finished.items() if d not in assisted]
    return with_, without
