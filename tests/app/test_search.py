"""Searching a whole project for the worker thread: the matches in project and text order, in
batches, at most a limit of them, and a stop when cancelled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.app import search
from workbench.app.search import Match, matches_in, search_project
from workbench.core.errors import Cancelled
from workbench.core.model import AnnotatedDocument, make_document
from workbench.core.normalize import normalize
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXTS = [
    f"قال الرَّئِيسُ في اليوم {number} إن الرئيس" if number % 3 else f"لا شيء هنا {number}" for number in range(10)
]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document(f"d{n}", text)) for n, text in enumerate(TEXTS)])
        yield project


def each_document(project: Project, query: str) -> list[Match]:
    """Every match, one document after the other (what the window searched before batches)."""
    return [
        match
        for document in project.annotator_progress("nobody")
        for match in matches_in(document.id, document.title, normalize(project.document(document.id).text), query)
    ]


def test_the_batches_hold_every_match_in_project_and_text_order(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "BATCH_DOCUMENTS", 3)
    batches: list[list[Match]] = []
    more = search_project(project, "الرئيس", batches.append)
    assert not more
    expected = each_document(project, "الرئيس")
    assert len(expected) == 12  # two in each of six documents
    assert [match for batch in batches for match in batch] == expected
    assert len(batches) == 3 and all(batches)  # a batch of each three documents that match
    assert [(m.document_title, m.start) for m in expected[:2]] == [(TEXTS[1], 4), (TEXTS[1], TEXTS[1].rindex("الرئيس"))]


def test_a_search_stops_past_the_limit_and_says_there_were_more(project: Project) -> None:
    found: list[Match] = []
    assert search_project(project, "الرئيس", found.extend, limit=5)
    assert found == each_document(project, "الرئيس")[:5]
    exactly: list[Match] = []
    assert not search_project(project, "الرئيس", exactly.extend, limit=12)
    assert len(exactly) == 12


def test_a_cancelled_search_stops_and_hands_on_nothing_more(project: Project) -> None:
    found: list[Match] = []
    with pytest.raises(Cancelled):
        search_project(project, "الرئيس", found.extend, cancelled=lambda: True)
    assert found == []


def test_a_match_names_its_document_by_the_title_the_list_shows(project: Project) -> None:
    """A renamed document is found under its new title, the others under their first line, as
    the document list shows them; not by the file stem of the import (d1, d2...)."""
    renamed = project.documents()[1].id
    project.set_document_title(renamed, "بيان الرئاسة")
    found: list[Match] = []
    search_project(project, "الرئيس", found.extend)
    assert {m.document_title for m in found} == {"بيان الرئاسة", TEXTS[2], TEXTS[4], TEXTS[5], TEXTS[7], TEXTS[8]}
