"""Times the project stores in UTC are shown as the user's clock reads them, to the minute (the
adjudication window's comments showed "2026-12-05T15:31", UTC, with its ISO T)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from workbench.store.comments import Comment
from workbench.ui.i18n import isolated, local_time
from workbench.ui.lead.adjudication_layout import comment_item

STORED = "2026-12-05T15:31:20+00:00"


@pytest.fixture
def in_riyadh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "AST-3")  # POSIX for UTC+3 (Riyadh), needing no time-zone files
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_stored_time_reads_as_the_users_clock(in_riyadh: None) -> None:
    assert local_time(STORED) == isolated("2026-12-05 18:31")


def test_a_comment_shows_its_time_so(in_riyadh: None, qapp: QApplication) -> None:
    item = comment_item(Comment("c1", "d1", "carim", "راجعوا الاسم", STORED))
    assert item.text() == f"carim · {isolated('2026-12-05 18:31')}\nراجعوا الاسم"
