from __future__ import annotations

from pathlib import Path

import pytest

from workbench.app.adjudication import (
    accept_agreed,
    accept_annotations,
    accept_version,
    adjudicate,
    adjudication_progress,
    redo_gold,
    undo_gold,
)
from workbench.core.adjudication import Added, Agreement
from workbench.core.errors import WorkbenchError
from workbench.core.model import (
    GOLD,
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    Status,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل أمس."


def span(annotator: str, start: int, end: int, label: str) -> Span:
    return Span(f"{annotator}{start}{label}", start, end, label, TEXT[start:end])


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    project.add_documents([AnnotatedDocument(make_document("d", TEXT), (
        AnnotationSet("amal", (span("a", 4, 8, "PER"), span("a", 12, 22, "ORG"))),
        AnnotationSet("badr", (span("b", 4, 8, "PER"), span("b", 12, 22, "ORG"))),
        AnnotationSet("cala", (span("c", 4, 8, "PER"), span("c", 29, 35, "LOC")), status=Status.DONE),
        AnnotationSet("dima", (span("d", 29, 35, "LOC"),), status=Status.IN_PROGRESS),
    ))])
    return project


def gold_keys(project: Project, document_id: str) -> set[tuple[int, int, str]]:
    gold = project.annotation_set(document_id, GOLD)
    return set() if gold is None else {(s.start, s.end, s.label) for s in gold.spans}


def test_prefill_with_what_all_finished_annotators_agree_on(project: Project) -> None:
    [doc] = project.documents()
    edit = accept_agreed(project, doc.id)
    assert edit is not None and edit.added.spans == 1
    assert gold_keys(project, doc.id) == {(4, 8, "PER")}
    assert adjudication_progress(project) == {doc.id: Status.IN_PROGRESS}


def test_prefill_with_the_majority_and_never_twice(project: Project) -> None:
    [doc] = project.documents()
    edit = accept_agreed(project, doc.id, Agreement.MAJORITY)
    assert edit is not None and edit.added.spans == 2
    assert gold_keys(project, doc.id) == {(4, 8, "PER"), (12, 22, "ORG")}  # dima is unfinished
    assert accept_agreed(project, doc.id, Agreement.MAJORITY) is None


def test_accepting_one_annotators_version(project: Project) -> None:
    [doc] = project.documents()
    cala = project.annotation_set(doc.id, "cala")
    assert cala is not None
    edit = accept_annotations(project, doc.id, cala.spans)
    assert edit is not None and edit.added.spans == 2
    assert gold_keys(project, doc.id) == {(4, 8, "PER"), (29, 35, "LOC")}
    project.set_status(doc.id, GOLD, Status.DONE)
    assert adjudication_progress(project) == {doc.id: Status.DONE}


def test_comments_on_a_document(project: Project) -> None:
    [doc] = project.documents()
    project.add_comment(doc.id, "amal", "هل الموصل هنا GPE؟")
    [comment] = project.comments(doc.id)
    assert (comment.author, comment.text) == ("amal", "هل الموصل هنا GPE؟")


def attack_project(tmp_path: Path) -> tuple[Project, str]:
    """amal and badr both made the attack on «هاجم» with محمد as attacker; only amal gave it
    the place."""
    project = Project.create(tmp_path / "e.tawsim", builtin_schema("conflict-news"))
    sets = []
    for who, with_place in (("amal", True), ("badr", False)):
        trigger = Span(f"{who}t", 23, 27, "Conflict.Attack", TEXT[23:27])
        attacker = Span(f"{who}a", 4, 8, "PER", TEXT[4:8])
        place = Span(f"{who}p", 28, 34, "GPE", TEXT[28:34])
        arguments = (Argument("Attacker", span_id=attacker.id),) + (
            (Argument("Place", span_id=place.id),) if with_place else ()
        )
        event = Event(f"{who}e", "Conflict.Attack", trigger.id, arguments)
        sets.append(AnnotationSet(who, (trigger, attacker, place), (event,)))
    project.add_documents([AnnotatedDocument(make_document("d", TEXT), tuple(sets))])
    return project, project.documents()[0].id


def gold_events(project: Project, document_id: str) -> list[tuple[str, str, list[str]]]:
    gold = project.annotation_set(document_id, GOLD)
    assert gold is not None
    spans = {s.id: s for s in gold.spans}
    return [
        (e.type, spans[e.trigger_span_id].text, sorted(a.role for a in e.arguments))
        for e in gold.events
    ]


def test_what_all_agree_on_includes_the_event_both_made(tmp_path: Path) -> None:
    project, doc = attack_project(tmp_path)
    edit = accept_agreed(project, doc)
    assert edit is not None and edit.added == Added(spans=2, events=1, arguments=1)
    assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker"])]
    assert accept_agreed(project, doc) is None


def test_accepting_a_version_twice_writes_its_event_once(tmp_path: Path) -> None:
    project, doc = attack_project(tmp_path)
    first = accept_version(project, doc, "amal")
    assert first is not None and first.added == Added(spans=2, events=1, arguments=2)
    assert accept_version(project, doc, "amal") is None
    assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker", "Place"])]
    replaced = accept_version(project, doc, "badr", replace_gold=True)
    assert replaced is not None
    assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker"])]
    undo_gold(project, replaced)
    assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker", "Place"])]
    redo_gold(project, replaced)
    assert gold_events(project, doc) == [("Conflict.Attack", "هاجم", ["Attacker"])]
    undo_gold(project, replaced)
    undo_gold(project, first)
    assert project.annotation_set(doc, GOLD) is None


def test_adjudicating_many_documents_skips_what_has_not_changed(tmp_path: Path) -> None:
    project, doc = attack_project(tmp_path)
    assert adjudicate(project, [doc], minimum=Agreement.ALL) == [
        (doc, Added(spans=2, events=1, arguments=1))
    ]
    assert adjudicate(project, [doc], minimum=Agreement.ALL) == []
    assert adjudicate(project, [doc], annotator="amal") == [
        (doc, Added(arguments=1))
    ]
    with pytest.raises(WorkbenchError, match="no annotator named 'nobody'"):
        adjudicate(project, [doc], annotator="nobody")
