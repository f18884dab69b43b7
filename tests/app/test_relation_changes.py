"""Relation and document-label commands beyond what test_changes checks for every command:
redo keeps ids, retyping keeps the attributes the new type allows, gold diffs name them."""

from __future__ import annotations

from pathlib import Path

from tests.store.test_editing import TEXT, at
from workbench.app.changes import set_difference
from workbench.app.relation_changes import AddRelation, DeleteRelation, retyped
from workbench.core.model import AnnotatedDocument, AnnotationSet, Relation, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project


def test_redo_puts_back_the_same_relation_and_undo_of_a_deletion_too(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document("a", TEXT))])
        document_id = project.documents()[0].id
        isis = project.add_span(document_id, "amal", *at("داعش"), "ORG")
        men = project.add_span(document_id, "amal", *at("مسلحون"), "PER")
        command = AddRelation(document_id, "amal", "member-of", men.id, isis.id)
        command.apply(project)
        first = command.relation
        command.revert(project)
        command.apply(project)
        annotations = project.annotation_set(document_id, "amal")
        assert annotations is not None and annotations.relations == (first,)
        assert first is not None and first.attributes == {"membership_status": "current"}
        deletion = DeleteRelation(document_id, "amal", first.id)
        deletion.apply(project)
        deletion.revert(project)
        annotations = project.annotation_set(document_id, "amal")
        assert annotations is not None and annotations.relations == (first,)


def test_retyping_keeps_what_the_new_type_allows() -> None:
    schema = builtin_schema("ace2005")
    relation = Relation("r", "PHYS", "a", "b", {"subtype": "Located"})
    assert retyped(relation, "PART-WHOLE", schema).attributes == {}
    assert retyped(relation, "PHYS", schema).attributes == {"subtype": "Located"}
    conflict = builtin_schema("conflict-news")
    moved = retyped(Relation("r", "located-in", "a", "b"), "member-of", conflict)
    assert (moved.type, moved.attributes) == ("member-of", {"membership_status": "current"})


def test_a_whole_set_written_names_its_relations_and_labels() -> None:
    kept = Relation("r1", "member-of", "a", "b")
    before = AnnotationSet("gold", relations=(kept, Relation("r2", "leader-of", "a", "b")),
                           document_labels={"relevance": "relevant", "country": "IQ"})
    after = AnnotationSet("gold", relations=(kept, Relation("r3", "located-in", "a", "b")),
                          document_labels={"relevance": "relevant", "topic": ("justice",)})
    change = set_difference("d", before, after)
    assert change.relations == ("r2", "r3")
    assert change.document_labels == ("country", "topic")
