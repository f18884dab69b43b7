"""The document list's index (app/document_list.py) filters and sorts exactly as the list did
when it held every row behind a QSortFilterProxyModel: a title or name holding the folded typed
text, a chosen status, a stable sort by title (UTF-16 order, as Qt compares texts), by status in
working order or by span count, equal rows in project order either way."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.app import document_list
from workbench.app.document_list import NAME, SPANS, STATUS, STATUS_ORDER, DocumentIndex, index_documents
from workbench.app.project import DocumentProgress
from workbench.core.errors import Cancelled
from workbench.core.model import Status
from workbench.core.normalize import normalize_query
from workbench.store.document_list import IndexRow

CHARS = "ابتةىيأإآـَُِ aAbBzZ09٣😀\ue000\ufffd"
"""Arabic with its variants and marks, tatweel, Latin in both cases, digits, an emoji (outside
the BMP: UTF-16 orders it before U+E000, code points after) and characters above the surrogates."""
texts = st.text(alphabet=CHARS, max_size=8)
titles = texts.map(lambda text: " ".join(text.split()))  # as titles.shown_title gives them
rows = st.lists(
    st.builds(IndexRow, st.just(0), st.sampled_from(Status), st.integers(0, 4), titles, texts),
    max_size=25,
).map(lambda found: [row._replace(rowid=3 * number + 1) for number, row in enumerate(found)])
statuses = st.frozensets(st.sampled_from(Status), min_size=1)
sorts = st.one_of(st.none(), st.tuples(st.sampled_from((NAME, STATUS, SPANS)), st.booleans()))


def shown_before(
    rows: Sequence[IndexRow], typed: str, chosen: frozenset[Status], sort: tuple[int, bool] | None
) -> list[int]:
    """The positions the list showed before the index: each row checked, then sorted stably."""
    needle = normalize_query(typed.strip())
    kept = [
        position
        for position, row in enumerate(rows)
        if row.status in chosen
        and (not needle or needle in normalize_query(row.title) or needle in normalize_query(row.name))
    ]
    if sort is None:
        return kept
    column, descending = sort

    def key(position: int) -> bytes | int:
        row = rows[position]
        return (row.title.encode("utf-16-be"), STATUS_ORDER.index(row.status), row.spans)[column]

    return sorted(kept, key=key, reverse=descending)


@st.composite
def typed_texts(draw: st.DrawFn, rows: Sequence[IndexRow]) -> str:
    """Sometimes any text, more often a piece of a title or a name (so that rows match)."""
    fields = [text for row in rows for text in (row.title, row.name) if text]
    if not fields or draw(st.booleans()):
        return draw(st.text(alphabet=CHARS, max_size=3))
    field = draw(st.sampled_from(fields))
    start = draw(st.integers(0, len(field)))
    return field[start : draw(st.integers(start, len(field)))]


@settings(max_examples=300, deadline=None)
@given(st.data(), rows, statuses, sorts)
def test_the_index_shows_what_the_list_showed(
    data: st.DataObject, rows: list[IndexRow], chosen: frozenset[Status], sort: tuple[int, bool] | None
) -> None:
    typed = data.draw(typed_texts(rows))
    index = index_documents(rows)
    assert index.shown(typed, chosen, sort).tolist() == shown_before(rows, typed, chosen, sort)


changes = st.lists(st.tuples(st.integers(0, 24), st.sampled_from(Status), st.integers(0, 4), titles), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.data(), rows.filter(bool), changes, statuses, sorts, st.sampled_from((2, 1 << 20)))
def test_an_updated_index_shows_what_a_new_one_would(
    data: st.DataObject,
    rows: list[IndexRow],
    changed: list[tuple[int, Status, int, str]],
    chosen: frozenset[Status],
    sort: tuple[int, bool] | None,
    gap: int,
) -> None:
    """Rows changed one by one (a status, a span count, a rename) give the same list as the
    rows read afresh; with a rank gap of 2 renamed titles soon leave no room, and all titles
    are ranked again."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(document_list, "RANK_GAP", gap)
        index = index_documents(rows)
        for number, status, spans, title in changed:
            position = number % len(rows)
            rows[position] = rows[position]._replace(status=status, spans=spans, title=title)
            old = rows[position]
            index.update(position, DocumentProgress("id", old.name, status, spans, title))
        typed = data.draw(typed_texts(rows))
        assert index.shown(typed, chosen, sort).tolist() == shown_before(rows, typed, chosen, sort)
        assert index.shown(typed, chosen, sort).tolist() == index_documents(rows).shown(typed, chosen, sort).tolist()


def test_line_ends_and_unit_separators_in_names_are_compared_as_spaces() -> None:
    """They separate the documents in the index's keys (module docstring of document_list)."""
    index = index_documents([IndexRow(1, Status.NEW, 0, "title", "a\nb"), IndexRow(2, Status.NEW, 0, "t", "a\x1fb")])
    everyone = frozenset(Status)
    assert index.shown("a b", everyone, None).tolist() == [0, 1]
    assert index.shown("a\nb", everyone, None).tolist() == [0, 1]
    assert index.shown("b\nt", everyone, None).tolist() == []  # never across two documents


def test_a_document_is_found_by_its_rowid() -> None:
    index = index_documents([IndexRow(7, Status.NEW, 0, "a", "a"), IndexRow(3, Status.DONE, 1, "b", "b")])
    assert (index.position_of(3), index.position_of(7), index.position_of(4)) == (1, 0, None)


def test_reading_the_index_stops_when_cancelled() -> None:
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return True

    with pytest.raises(Cancelled):
        index_documents([IndexRow(1, Status.NEW, 0, "a", "a")], cancelled)
    assert asked


def test_an_empty_project_has_an_empty_index() -> None:
    index: DocumentIndex = index_documents([])
    assert len(index) == 0 and index.shown("x", frozenset(Status), (NAME, False)).tolist() == []
