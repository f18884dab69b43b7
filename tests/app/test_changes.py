"""The Qt-free change model (``workbench/app/changes.py``): every kind of edit is a command that
applies, reverts and re-applies to the same rows, in its own document only, and returns a
``Change`` that names that document and what changed.

Each project holds two documents with the same words at the same offsets and the same
annotations, and the command is made for the first. A command that took its document from
anywhere but itself (issue 12: an event's undo drew and edited the document the window happened
to show) would touch the second, or name it; these tests need no window to see it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.store.test_editing import TEXT, at
from workbench.app import adjudication, changes, relation_changes
from workbench.app.adjudication import GoldEdit, gold_of
from workbench.app.changes import Change, Command
from workbench.core.adjudication import add_to_gold, empty_gold
from workbench.core.errors import WorkbenchError
from workbench.core.model import (
    GOLD,
    AnnotatedDocument,
    Argument,
    Span,
    Status,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

ANNOTATOR = "amal"
Rows = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents(
            [
                AnnotatedDocument(make_document("a", TEXT)),
                AnnotatedDocument(make_document("b", TEXT + "\n")),  # same offsets, its own hash
            ]
        )
        yield project


def document_ids(project: Project) -> tuple[str, str]:
    ids = {document.name: document.id for document in project.documents()}
    return ids["a"], ids["b"]


def rows(project: Project, document_id: str) -> Rows:
    """The document's name and metadata (its title) and every annotation row of it (all sets,
    gold included), without revisions."""
    in_document = "set_id IN (SELECT id FROM annotation_sets WHERE document_id = ?)"
    query = {
        "documents": "SELECT name, metadata FROM documents WHERE id = ?",
        "sets": "SELECT annotator, status FROM annotation_sets WHERE document_id = ?",
        "spans": 'SELECT id, start, "end", label, text, attributes, note FROM spans WHERE '
        + in_document,
        "events": f"SELECT id, type, trigger_span_id, attributes FROM events WHERE {in_document}",
        "arguments": "SELECT event_id, role, span_id, filler_event_id, ord FROM arguments WHERE "
        f"event_id IN (SELECT id FROM events WHERE {in_document})",
        "relations": "SELECT id, type, from_span_id, to_span_id, attributes FROM relations WHERE "
        + in_document,
        "document_labels": f"SELECT field, value FROM document_labels WHERE {in_document}",
    }
    return {
        table: sorted(project.conn.execute(sql, [document_id]).fetchall(), key=repr)
        for table, sql in query.items()
    }


def changed_ids(before: Rows, after: Rows, table: str) -> set[str]:
    """Ids of the rows of ``table`` that differ (came, went or changed)."""
    return {row[0] for row in set(before[table]) ^ set(after[table])}


# -- one command of each kind; each builder first makes what the command works on ---------------


def begun(project: Project, document_id: str) -> None:
    """The annotator's set exists, work begun, with a span no command touches."""
    project.add_span(document_id, ANNOTATOR, *at("خمسة"), "CARDINAL")


def attack_with_roles(project: Project, document_id: str) -> tuple[str, str, str]:
    """(attack event, attackers span, place span): the attack with both roles filled, and a
    claim whose ClaimedEvent is the attack."""
    begun(project, document_id)
    attack = project.create_event(document_id, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")
    attackers = project.add_span(document_id, ANNOTATOR, *at("مسلحون"), "PER")
    place = project.add_span(document_id, ANNOTATOR, *at("الموصل"), "GPE")
    project.add_argument(attack.id, "Attacker", span_id=attackers.id)
    project.add_argument(attack.id, "Place", span_id=place.id)
    claim_type = "Conflict.Claim-Responsibility"
    claim = project.create_event(document_id, ANNOTATOR, *at("تبنى"), claim_type)
    project.add_argument(claim.id, "ClaimedEvent", filler_event_id=attack.id)
    return attack.id, attackers.id, place.id


def add_spans(project: Project, document_id: str) -> Command:
    """A hotkey, an accepted suggestion and label-all all make this command."""
    begun(project, document_id)
    ranges = [at("مسلحون"), at("قرية")]
    return changes.AddSpans(document_id, ANNOTATOR, ranges, "PER", TEXT)


def delete_spans(project: Project, document_id: str) -> Command:
    """A trigger (its event goes, and the claim's role it fills) and a role's filler."""
    attack, attackers, _place = attack_with_roles(project, document_id)
    trigger = project.event(attack).trigger_span_id
    return changes.DeleteSpans(document_id, (trigger, attackers))


def update_span(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    before = project.add_span(document_id, ANNOTATOR, *at("داعش"), "PER", note="check")
    after = changes.relabelled(before, "ORG", project.schema)
    return changes.UpdateSpan(document_id, before, after)


def resize_span(project: Project, document_id: str) -> Command:
    """A span's end moved one word later: the word after it joins its text."""
    begun(project, document_id)
    before = project.add_span(document_id, ANNOTATOR, *at("مسلحون"), "PER", note="check")
    end = TEXT.index(" ", before.end + 1)
    after = replace(before, end=end, text=TEXT[before.start : end])
    return changes.ResizeSpan(document_id, before, after)


def set_status(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    return changes.SetStatus(document_id, ANNOTATOR, Status.IN_PROGRESS, Status.DONE)


def rename_document(project: Project, document_id: str) -> Command:
    """A title of its own; undone, the first line stands for it again."""
    return changes.RenameDocument(document_id, None, "هجوم على القرية")


def create_event(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    return changes.CreateEvent(document_id, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")


def fill_role(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    attack = project.create_event(document_id, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")
    attackers = project.add_span(document_id, ANNOTATOR, *at("مسلحون"), "PER")
    argument = Argument("Attacker", span_id=attackers.id)
    return changes.EditRole(document_id, attack.id, argument, True)


def empty_role(project: Project, document_id: str) -> Command:
    """The first of two roles: put back, it stands first again."""
    attack, attackers, _place = attack_with_roles(project, document_id)
    return changes.EditRole(document_id, attack, Argument("Attacker", span_id=attackers), False)


def edit_event_attributes(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    attack = project.create_event(document_id, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")
    return changes.EditEventAttributes(
        document_id, attack.id, attack.attributes | {"polarity": "NEGATIVE"}
    )


def gold_edit(project: Project, document_id: str) -> Command:
    """The adjudicator accepts the annotator's version: gold written whole."""
    attack_with_roles(project, document_id)
    annotations = project.annotation_set(document_id, ANNOTATOR)
    assert annotations is not None
    after, added = add_to_gold(empty_gold(), annotations.spans, annotations.events)
    return GoldEdit(document_id, gold_of(project, document_id), after, added)


def related_spans(project: Project, document_id: str) -> tuple[str, str, str]:
    """(armed men, the village, a relation located-in between them)."""
    begun(project, document_id)
    attackers = project.add_span(document_id, ANNOTATOR, *at("مسلحون"), "PER")
    village = project.add_span(document_id, ANNOTATOR, *at("قرية"), "LOC")
    relation = relation_changes.AddRelation(
        document_id, ANNOTATOR, "located-in", attackers.id, village.id
    )
    relation.apply(project)
    assert relation.relation is not None
    return attackers.id, village.id, relation.relation.id


def add_relation(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    isis = project.add_span(document_id, ANNOTATOR, *at("داعش"), "ORG")
    attackers = project.add_span(document_id, ANNOTATOR, *at("مسلحون"), "PER")
    return relation_changes.AddRelation(document_id, ANNOTATOR, "member-of", attackers.id, isis.id)


def delete_relation(project: Project, document_id: str) -> Command:
    *_, relation_id = related_spans(project, document_id)
    return relation_changes.DeleteRelation(document_id, ANNOTATOR, relation_id)


def retype_relation(project: Project, document_id: str) -> Command:
    *_, relation_id = related_spans(project, document_id)
    annotations = project.annotation_set(document_id, ANNOTATOR)
    assert annotations is not None
    [before] = annotations.relations
    assert before.id == relation_id
    after = relation_changes.retyped(before, "affiliated-with", project.schema)
    return relation_changes.RetypeRelation(document_id, before, after)


def delete_related_span(project: Project, document_id: str) -> Command:
    """A span at one end of a relation: the relation goes with it, and comes back on undo."""
    attackers, _village, _relation = related_spans(project, document_id)
    return changes.DeleteSpans(document_id, (attackers,))


def set_document_label(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    first = relation_changes.SetDocumentLabel(document_id, ANNOTATOR, "topic", ("terrorism",))
    first.apply(project)
    return relation_changes.SetDocumentLabel(
        document_id, ANNOTATOR, "topic", ("terrorism", "armed_conflict")
    )


def clear_document_label(project: Project, document_id: str) -> Command:
    begun(project, document_id)
    relation_changes.SetDocumentLabel(document_id, ANNOTATOR, "relevance", "relevant").apply(project)
    return relation_changes.SetDocumentLabel(document_id, ANNOTATOR, "relevance", None)


Build = Callable[[Project, str], Command]
COMMANDS: dict[str, tuple[type[Command], Build]] = {
    "AddSpans": (changes.AddSpans, add_spans),
    "DeleteSpans": (changes.DeleteSpans, delete_spans),
    "UpdateSpan": (changes.UpdateSpan, update_span),
    "ResizeSpan": (changes.ResizeSpan, resize_span),
    "SetStatus": (changes.SetStatus, set_status),
    "RenameDocument": (changes.RenameDocument, rename_document),
    "CreateEvent": (changes.CreateEvent, create_event),
    "EditRole (fill)": (changes.EditRole, fill_role),
    "EditRole (empty)": (changes.EditRole, empty_role),
    "EditEventAttributes": (changes.EditEventAttributes, edit_event_attributes),
    "GoldEdit": (GoldEdit, gold_edit),
    "AddRelation": (relation_changes.AddRelation, add_relation),
    "DeleteRelation": (relation_changes.DeleteRelation, delete_relation),
    "RetypeRelation": (relation_changes.RetypeRelation, retype_relation),
    "DeleteSpans (a relation's end)": (changes.DeleteSpans, delete_related_span),
    "SetDocumentLabel": (relation_changes.SetDocumentLabel, set_document_label),
    "SetDocumentLabel (clear)": (relation_changes.SetDocumentLabel, clear_document_label),
}


def test_every_kind_of_command_is_covered() -> None:
    defined = {
        cls
        for module in (changes, adjudication, relation_changes)
        for cls in vars(module).values()
        if inspect.isclass(cls) and issubclass(cls, Command) and not inspect.isabstract(cls)
    }
    assert defined == {kind for kind, _build in COMMANDS.values()}


@pytest.mark.parametrize(("kind", "build"), COMMANDS.values(), ids=COMMANDS.keys())
def test_apply_revert_and_apply_again_give_the_same_rows_in_its_document_only(
    project: Project, kind: type[Command], build: Build
) -> None:
    a, b = document_ids(project)
    build(project, b)  # the same annotations in the other document
    command = build(project, a)
    assert type(command) is kind and command.document_id == a
    untouched = rows(project, b)
    before = rows(project, a)

    applied = command.apply(project)
    after = rows(project, a)
    assert after != before
    reverted = command.revert(project)
    assert rows(project, a) == before
    applied_again = command.apply(project)
    assert rows(project, a) == after

    assert rows(project, b) == untouched
    for change in (applied, reverted, applied_again):
        assert change.document_id == a
        assert_names_what_changed(change, before, after)


def assert_names_what_changed(change: Change, before: Rows, after: Rows) -> None:
    """The change names every span and event whose rows differ, and the new status."""
    assert changed_ids(before, after, "spans") <= set(change.span_ids)
    events = changed_ids(before, after, "events") | {
        row[0] for row in set(before["arguments"]) ^ set(after["arguments"])
    }
    assert events <= set(change.events)
    assert changed_ids(before, after, "relations") <= set(change.relations)
    assert changed_ids(before, after, "document_labels") <= set(change.document_labels)
    if before["sets"] != after["sets"] and not change.span_ids:
        assert change.status is not None


def test_a_deletion_put_back_keeps_every_id_and_position(project: Project) -> None:
    a, _b = document_ids(project)
    attack, attackers, place = attack_with_roles(project, a)
    command = changes.EditRole(a, attack, Argument("Attacker", span_id=attackers), False)
    command.apply(project)
    assert [arg.role for arg in project.event(attack).arguments] == ["Place"]
    command.revert(project)
    assert [(arg.role, arg.span_id) for arg in project.event(attack).arguments] == [
        ("Attacker", attackers), ("Place", place),
    ]


def test_a_refused_command_writes_nothing_and_raises(project: Project) -> None:
    a, b = document_ids(project)
    begun(project, a)
    in_b = project.add_span(b, ANNOTATOR, *at("مسلحون"), "PER")
    attack = project.create_event(a, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")
    before = rows(project, a), rows(project, b)
    refused = [
        changes.AddSpans(a, ANNOTATOR, [at("قرية")], "NO-SUCH-LABEL"),
        changes.EditRole(a, attack.id, Argument("Attacker", span_id=in_b.id), True),
        changes.CreateEvent(a, ANNOTATOR, 0, len(TEXT) + 5, "Conflict.Attack"),
    ]
    for command in refused:
        with pytest.raises(WorkbenchError):
            command.apply(project)
    assert (rows(project, a), rows(project, b)) == before


def test_a_command_refuses_the_spans_of_another_document(project: Project) -> None:
    a, b = document_ids(project)
    span_in_b = project.add_span(b, ANNOTATOR, *at("داعش"), "PER")
    before = rows(project, b)
    for command in (
        changes.DeleteSpans(a, (span_in_b.id,)),
        changes.UpdateSpan(a, span_in_b, changes.relabelled(span_in_b, "ORG", project.schema)),
    ):
        with pytest.raises(WorkbenchError, match="not in"):
            command.apply(project)
    assert rows(project, b) == before


def test_an_event_created_names_its_trigger_and_event(project: Project) -> None:
    a, _b = document_ids(project)
    command = changes.CreateEvent(a, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")
    change = command.apply(project)
    event = project.event(command.event_id)
    assert command.trigger_span_id == event.trigger_span_id
    assert [span.id for span in change.added] == [event.trigger_span_id]
    assert change.events == (event.id,)
    assert command.touched() == ((event.trigger_span_id,), (event.id,))


def test_gold_written_whole_is_told_as_spans_added_and_removed(project: Project) -> None:
    a, _b = document_ids(project)
    edit = gold_edit(project, a)
    assert isinstance(edit, GoldEdit)
    change = edit.apply(project)
    assert edit.after is not None
    assert {span.id for span in change.added} == {span.id for span in edit.after.spans}
    assert change.status is Status.IN_PROGRESS
    undone = edit.revert(project)
    assert set(undone.removed) == {span.id for span in edit.after.spans}
    assert gold_of(project, a) is None


def test_the_adjudicators_span_edits_are_gold_edits_that_undo(project: Project) -> None:
    a, b = document_ids(project)
    begun(project, b)
    untouched = rows(project, b)
    added = adjudication.add_gold_span(project, a, *at("داعش"), "PER")
    assert added is not None and [s.label for s in gold_spans(project, a)] == ["PER"]
    [span] = gold_spans(project, a)
    relabelled = adjudication.relabel_gold_span(project, a, span.id, "ORG")
    done = adjudication.mark_adjudicated(project, a)
    assert relabelled is not None and done is not None
    gold = gold_of(project, a)
    assert gold is not None and gold.status is Status.DONE
    assert [s.label for s in gold.spans] == ["ORG"]
    for edit in (done, relabelled, added):
        edit.revert(project)
    assert gold_of(project, a) is None
    for edit in (added, relabelled, done):
        edit.apply(project)
    assert gold_of(project, a) == gold
    deleted = adjudication.delete_gold_span(project, a, span.id)
    assert deleted is not None and gold_spans(project, a) == ()
    assert rows(project, b) == untouched


def test_a_gold_edit_refuses_an_annotators_span_or_another_documents(project: Project) -> None:
    a, b = document_ids(project)
    annotators = project.add_span(a, ANNOTATOR, *at("داعش"), "PER")
    in_b = project.add_span(b, GOLD, *at("داعش"), "PER")
    for span_id in (annotators.id, in_b.id):
        with pytest.raises(WorkbenchError, match="not a gold span"):
            adjudication.delete_gold_span(project, a, span_id)
        with pytest.raises(WorkbenchError, match="not a gold span"):
            adjudication.relabel_gold_span(project, a, span_id, "ORG")
    assert project.span_owner(annotators.id)[0] == annotators
    assert project.span_owner(in_b.id)[0] == in_b


def gold_spans(project: Project, document_id: str) -> tuple[Span, ...]:
    gold = gold_of(project, document_id)
    return gold.spans if gold else ()
