"""The spans of an import's batch, held a column at a time until they are inserted."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

from workbench.store import rows


class SpanColumns:
    """Spans to insert as one list per column of ``rows.SPAN_COLUMNS``, not a tuple per span.

    A plain set's spans arrive as columns (``PlainSpans``) and the statement that inserts them
    takes its values as one flat list: column to column, each goes over in one step
    (``bulk_import.insert_columns``), where a tuple was made for each span, walked to flatten
    it and freed. 200,000 spans: 28 ms against 80.
    """

    def __init__(self) -> None:
        self.columns: tuple[list[Any], ...] = tuple([] for _ in rows.SPAN_COLUMNS)

    @property
    def ids(self) -> list[str]:
        return self.columns[0]

    @property
    def set_ids(self) -> list[str]:
        return self.columns[1]

    def __len__(self) -> int:
        return len(self.columns[0])

    def append(self, values: tuple[Any, ...]) -> None:
        """One span, as ``rows.span_values`` gives it."""
        for column, value in zip(self.columns, values, strict=True):
            column.append(value)

    def extend_plain(
        self,
        set_id: str,
        ids: Sequence[str],
        starts: Sequence[int],
        ends: Sequence[int],
        labels: Sequence[str],
        texts: Sequence[str],
    ) -> None:
        """Spans of the set ``set_id`` without attributes or note: what ``rows.span_values``
        gives for such spans, a column at a time."""
        count = len(ids)
        given = (ids, repeat(set_id, count), starts, ends, labels, texts)
        left_out = (repeat(rows.EMPTY_JSON, count), repeat("", count))
        for column, values in zip(self.columns, (*given, *left_out), strict=True):
            column.extend(values)

    def clear(self) -> None:
        for column in self.columns:
            column.clear()
