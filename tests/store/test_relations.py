"""Relations and document labels in the project file (issue 14, point 3): the migration, edits
and their undo, deleting a span, whole sets, imports, packages and merging."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.store.package_files import annotated_package, edit, lead_project
from workbench.core.errors import ProjectError, SchemaError, WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Relation, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store import migrations
from workbench.store.packages import merge_packages
from workbench.store.project import Project

TEXT = "قال أحمد إن داعش في الموصل"


def project_with_spans(tmp_path: Path) -> tuple[Project, str, Span, Span, Span]:
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news"))
    project.add_documents([AnnotatedDocument(make_document("d", TEXT))])
    document_id = project.documents()[0].id
    ahmad = project.add_span(document_id, "amal", 4, 8, "PER")
    isis = project.add_span(document_id, "amal", 12, 16, "ORG")
    mosul = project.add_span(document_id, "amal", 20, 26, "GPE")
    return project, document_id, ahmad, isis, mosul


def stored(project: Project, document_id: str) -> AnnotationSet:
    annotation_set = project.annotation_set(document_id, "amal")
    assert annotation_set is not None
    return annotation_set


def test_a_format_2_file_gains_the_tables_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        with Project.create(path, builtin_schema("conflict-news")) as project:
            # an import, which the format-2 program had too (its edits would meet the newer
            # columns this program writes)
            annotations = AnnotationSet("amal", (Span("s1", 4, 8, "PER", TEXT[4:8]),))
            project.add_documents([AnnotatedDocument(make_document("d", TEXT), (annotations,))])
            document_id = project.documents()[0].id
            assert migrations.file_version(project.conn) == 2
    with Project.open(path) as project:
        assert migrations.file_version(project.conn) == migrations.format_version()
        [span] = stored(project, document_id).spans
        other = project.add_span(document_id, "amal", 12, 16, "ORG")
        project.add_relation(document_id, "amal", Relation("", "member-of", span.id, other.id))
        project.set_document_label(document_id, "amal", "relevance", "relevant")
        assert [r.type for r in stored(project, document_id).relations] == ["member-of"]
    backup = sqlite3.connect(migrations.backup_path(path, 2))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    assert backup.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
    tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master")}
    assert not tables & {"relations", "document_labels"}
    backup.close()


def test_relations_are_added_retyped_and_deleted(tmp_path: Path) -> None:
    project, document_id, ahmad, isis, _ = project_with_spans(tmp_path)
    revision = stored(project, document_id).revision
    relation = project.add_relation(document_id, "amal", Relation("", "member-of", ahmad.id, isis.id))
    assert relation.id and relation.attributes == {"membership_status": "current"}
    assert stored(project, document_id).relations == (relation,)
    assert stored(project, document_id).revision == revision + 1
    before = project.update_relation(relation.id, "affiliated-with", {})
    assert before == relation
    [retyped] = stored(project, document_id).relations
    assert (retyped.type, retyped.attributes) == ("affiliated-with", {})
    assert project.delete_relation(relation.id) == retyped
    assert stored(project, document_id).relations == ()
    with pytest.raises(WorkbenchError, match="no relation"):
        project.delete_relation(relation.id)
    project.close()


def test_bad_relations_are_refused(tmp_path: Path) -> None:
    project, document_id, ahmad, isis, _ = project_with_spans(tmp_path)
    badr = project.add_span(document_id, "badr", 12, 16, "ORG")
    with pytest.raises(SchemaError, match="no relation type 'married-to'"):
        project.add_relation(document_id, "amal", Relation("", "married-to", ahmad.id, isis.id))
    with pytest.raises(WorkbenchError, match="not in amal's set"):
        project.add_relation(document_id, "amal", Relation("", "member-of", ahmad.id, badr.id))
    with pytest.raises(WorkbenchError, match="two different spans"):
        project.add_relation(document_id, "amal", Relation("", "member-of", isis.id, isis.id))
    with pytest.raises(SchemaError, match="cannot be 'rumoured'"):
        project.add_relation(
            document_id, "amal",
            Relation("", "member-of", ahmad.id, isis.id, {"membership_status": "rumoured"}),
        )
    assert stored(project, document_id).relations == ()
    project.close()


def test_document_labels_are_set_changed_and_cleared(tmp_path: Path) -> None:
    project, document_id, *_ = project_with_spans(tmp_path)
    assert project.set_document_label(document_id, "amal", "relevance", "relevant") is None
    assert project.set_document_label(document_id, "amal", "topic", ("terrorism",)) is None
    assert project.set_document_label(document_id, "amal", "relevance", "not_relevant") == "relevant"
    assert stored(project, document_id).document_labels == {
        "relevance": "not_relevant", "topic": ("terrorism",),
    }
    assert project.set_document_label(document_id, "amal", "topic", None) == ("terrorism",)
    assert stored(project, document_id).document_labels == {"relevance": "not_relevant"}
    with pytest.raises(SchemaError, match="cannot be 'sport'"):
        project.set_document_label(document_id, "amal", "topic", ("sport",))
    project.close()


def test_deleting_a_span_deletes_its_relations_and_restoring_puts_them_back(tmp_path: Path) -> None:
    project, document_id, ahmad, isis, mosul = project_with_spans(tmp_path)
    member = project.add_relation(document_id, "amal", Relation("", "member-of", ahmad.id, isis.id))
    located = project.add_relation(document_id, "amal", Relation("", "located-in", isis.id, mosul.id))
    removal = project.delete_span(isis.id)
    assert set(removal.relations) == {member, located}
    assert stored(project, document_id).relations == ()
    project.restore(removal)
    assert set(stored(project, document_id).relations) == {member, located}
    project.close()


def test_a_whole_set_is_written_with_its_relations_and_labels(tmp_path: Path) -> None:
    project, document_id, ahmad, isis, _ = project_with_spans(tmp_path)
    relation = Relation("r1", "leader-of", ahmad.id, isis.id)
    whole = AnnotationSet(
        "amal", (ahmad, isis), relations=(relation,), document_labels={"country": "IQ"}
    )
    project.replace_set(document_id, "amal", whole)
    written = stored(project, document_id)
    assert (written.relations, written.document_labels) == ((relation,), {"country": "IQ"})
    project.replace_set(document_id, "amal", AnnotationSet("amal", (ahmad,)))
    written = stored(project, document_id)
    assert (written.relations, written.document_labels) == ((), {})
    project.close()


def test_imports_keep_relations_and_labels_and_do_not_repeat_them(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news"))
    spans = (Span("s1", 4, 8, "PER", "أحمد"), Span("s2", 12, 16, "ORG", "داعش"))
    relation = Relation("r1", "member-of", "s1", "s2", {"membership_status": "former"})
    annotated = AnnotatedDocument(
        make_document("d", TEXT),
        (AnnotationSet("amal", spans, relations=(relation,), document_labels={"topic": ("terrorism",)}),),
    )
    first = project.add_documents([annotated])
    assert first.relations == 1
    again = project.add_documents([annotated])  # the same ids: spans reused, the relation kept once
    assert again.relations == 0
    document_id = project.documents()[0].id
    written = stored(project, document_id)
    assert written.relations == (relation,)
    assert written.document_labels == {"topic": ("terrorism",)}
    other = make_document("e", TEXT + ".")
    renamed = project.add_documents([AnnotatedDocument(other, annotated.sets)])
    assert renamed.relations == 1  # taken ids get fresh ones, the ends follow their spans
    [copy] = stored(project, project.documents()[1].id).relations
    copy_spans = {s.id: s.label for s in stored(project, project.documents()[1].id).spans}
    assert copy.id != "r1" and copy_spans[copy.from_span_id] == "PER" and copy_spans[copy.to_span_id] == "ORG"
    project.close()


def annotated_package_with_relations(lead: Project, tmp_path: Path) -> Path:
    path = annotated_package(lead, "amal", tmp_path)
    with Project.open(path) as package:
        document_id = package.documents()[0].id
        person, *_ = stored_of(package, document_id).spans
        organization = package.add_span(document_id, "amal", 0, 3, "ORG")
        package.add_relation(document_id, "amal", Relation("", "member-of", person.id, organization.id))
        package.set_document_label(document_id, "amal", "topic", ("terrorism", "justice"))
    return path


def stored_of(project: Project, document_id: str) -> AnnotationSet:
    annotation_set = project.annotation_set(document_id, "amal")
    assert annotation_set is not None
    return annotation_set


def test_packages_carry_relations_and_labels_and_merging_brings_them(tmp_path: Path) -> None:
    with lead_project(tmp_path) as lead:
        document_id = lead.documents()[0].id
        lead.set_document_label(document_id, "amal", "relevance", "relevant")
        path = annotated_package_with_relations(lead, tmp_path)
        with Project.open(path, readonly=True) as package:
            assert stored_of(package, document_id).document_labels["relevance"] == "relevant"
        merge_packages(lead, [path])
        merged = stored_of(lead, document_id)
        [relation] = merged.relations
        labels = {span.id: span.label for span in merged.spans}
        assert (relation.type, labels[relation.from_span_id], labels[relation.to_span_id]) == (
            "member-of", "PER", "ORG",
        )
        assert merged.document_labels == {"relevance": "relevant", "topic": ("terrorism", "justice")}
        merge_packages(lead, [path])  # twice is once
        assert stored_of(lead, document_id) == merged


@pytest.mark.parametrize(
    ("script", "match"),
    [
        ("UPDATE relations SET type = 'married-to'", "no relation type 'married-to'"),
        ("UPDATE relations SET attributes = '[1'", "not a JSON object"),
        ("UPDATE document_labels SET value = '\"sport\"' WHERE field = 'topic'",
         "takes a list of one or more values"),
        ("UPDATE document_labels SET value = '{\"a\": 1}'", "a document label that cannot be read"),
        ("UPDATE document_labels SET value = X'00'", "blob value in the column 'value'"),
        ("""INSERT INTO spans (id, set_id, start, "end", label, text)
            SELECT 'elsewhere', a.id, 0, 6, 'PER', 'اعتقلت' FROM annotation_sets a
            JOIN documents d ON a.document_id = d.id WHERE d.name = 'd1';
            UPDATE relations SET to_span_id = 'elsewhere';""",
         "its 'to' end 'elsewhere' is not a span of the set"),
    ],
)
def test_a_package_with_bad_relations_or_labels_is_refused(
    tmp_path: Path, script: str, match: str
) -> None:
    with lead_project(tmp_path) as lead:
        path = annotated_package_with_relations(lead, tmp_path)
        edit(path, script)
        with pytest.raises(ProjectError, match=match):
            merge_packages(lead, [path])
        assert stored_of(lead, lead.documents()[0].id).relations == ()
