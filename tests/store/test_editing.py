from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.errors import SchemaError, WorkbenchError
from workbench.core.model import AnnotatedDocument, Argument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "تبنى تنظيم داعش الهجوم الذي شنه مسلحون على قرية قرب الموصل وقتل فيه خمسة مدنيين."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document("d", TEXT))])
        yield project


@pytest.fixture
def doc(project: Project) -> str:
    return project.documents()[0].id


def snapshot(project: Project) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: sorted(project.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in ("spans", "events")
    } | {
        "arguments": project.conn.execute(
            "SELECT event_id, role, span_id, filler_event_id FROM arguments ORDER BY event_id, ord"
        ).fetchall()
    }


def test_an_event_with_arguments_and_an_event_filling_a_role(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    assert attack.attributes["polarity"] == "POSITIVE"  # the schema's defaults
    attackers = project.add_span(doc, "amal", *at("مسلحون"), "PER")
    place = project.add_span(doc, "amal", *at("الموصل"), "GPE")
    project.add_argument(attack.id, "Attacker", span_id=attackers.id)
    project.add_argument(attack.id, "Place", span_id=place.id)
    claim = project.create_event(doc, "amal", *at("تبنى"), "Conflict.Claim-Responsibility")
    project.add_argument(claim.id, "ClaimedEvent", filler_event_id=attack.id)
    stored = project.annotation_set(doc, "amal")
    assert stored is not None
    by_id = {e.id: e for e in stored.events}
    assert [(a.role, a.span_id) for a in by_id[attack.id].arguments] == [
        ("Attacker", attackers.id), ("Place", place.id),
    ]
    assert by_id[claim.id].arguments == (Argument("ClaimedEvent", event_id=attack.id),)


def test_a_filler_the_role_does_not_allow_is_refused_with_the_reason(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    date = project.add_span(doc, "amal", *at("خمسة"), "CARDINAL")
    with pytest.raises(SchemaError, match="CARDINAL") as refused:
        project.add_argument(attack.id, "Attacker", span_id=date.id)
    assert "PER" in str(refused.value)  # the allowed labels are named
    with pytest.raises(SchemaError):
        project.add_argument(attack.id, "NoSuchRole", span_id=date.id)


def test_a_role_that_is_not_repeatable_takes_one_filler(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    first = project.add_span(doc, "amal", *at("قرية"), "LOC")
    second = project.add_span(doc, "amal", *at("الموصل"), "GPE")
    project.add_argument(attack.id, "Place", span_id=first.id)
    with pytest.raises(SchemaError, match="one filler"):
        project.add_argument(attack.id, "Place", span_id=second.id)


def test_deleting_a_filler_then_restoring_it_puts_everything_back(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    attackers = project.add_span(doc, "amal", *at("مسلحون"), "PER")
    project.add_argument(attack.id, "Attacker", span_id=attackers.id)
    place = project.add_span(doc, "amal", *at("الموصل"), "GPE")
    project.add_argument(attack.id, "Place", span_id=place.id)
    before = snapshot(project)
    dependents = project.dependents(attackers.id)
    assert [(e.id, a.role) for e, a in dependents.filled_roles] == [(attack.id, "Attacker")]
    removal = project.delete_span(attackers.id)
    assert [a.role for a in project.event(attack.id).arguments] == ["Place"]
    project.restore(removal)
    assert snapshot(project) == before  # the Attacker back in first place


def test_removing_an_argument_and_undoing_keeps_its_place(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    attackers = project.add_span(doc, "amal", *at("مسلحون"), "PER")
    place = project.add_span(doc, "amal", *at("الموصل"), "GPE")
    first = project.add_argument(attack.id, "Attacker", span_id=attackers.id)
    project.add_argument(attack.id, "Place", span_id=place.id)
    position = project.remove_argument(attack.id, first)
    project.add_argument(attack.id, "Attacker", span_id=attackers.id, order=position)
    assert [a.role for a in project.event(attack.id).arguments] == ["Attacker", "Place"]


def test_deleting_a_trigger_removes_its_event_and_the_roles_it_filled(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    attackers = project.add_span(doc, "amal", *at("مسلحون"), "PER")
    project.add_argument(attack.id, "Attacker", span_id=attackers.id)
    claim = project.create_event(doc, "amal", *at("تبنى"), "Conflict.Claim-Responsibility")
    project.add_argument(claim.id, "ClaimedEvent", filler_event_id=attack.id)
    before = snapshot(project)
    removal = project.delete_span(attack.trigger_span_id)
    assert [e.id for e in removal.events] == [attack.id]
    assert project.event(claim.id).arguments == ()
    with pytest.raises(WorkbenchError):
        project.event(attack.id)
    project.restore(removal)
    assert snapshot(project) == before


def test_labelling_all_matches_is_one_step_that_skips_existing(project: Project, doc: str) -> None:
    project.add_span(doc, "amal", 0, 4, "PER")
    created = project.add_spans(doc, "amal", [(0, 4), (5, 10), (5, 10)], "PER")
    assert [(s.start, s.end) for s in created] == [(5, 10)]
    removal = project.delete_spans([s.id for s in created])
    assert len(removal.spans) == 1


def test_event_attributes_are_checked_and_the_old_value_returned(project: Project, doc: str) -> None:
    attack = project.create_event(doc, "amal", *at("الهجوم"), "Conflict.Attack")
    before = project.update_event(attack.id, attack.attributes | {"polarity": "NEGATIVE"})
    assert before.attributes["polarity"] == "POSITIVE"
    assert project.event(attack.id).attributes["polarity"] == "NEGATIVE"
    with pytest.raises(SchemaError):
        project.update_event(attack.id, {"polarity": "MAYBE"})
