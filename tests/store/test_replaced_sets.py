"""A set a merge replaced although the lead's project had changed it too is kept, and put back on
demand, whole (spans, events and arguments, relations, document labels, status and ids)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.app.packages import choose_documents
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Relation, Status, make_document, new_id
from workbench.core.schema import builtin_schema
from workbench.store.connection import write_transaction
from workbench.store.packages import assign, merge_packages, write_package
from workbench.store.project import Project
from workbench.store.replaced_sets import RESTORE, replaced_sets, restore_replaced

TEXT = "قال محمد إن الهجوم على الموصل وقع أمس."


def word(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


@pytest.fixture
def lead(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "lead.tawsim", builtin_schema("conflict-news"))
    project.add_documents(
        [AnnotatedDocument(make_document("d0", TEXT)), AnnotatedDocument(make_document("d1", "نص آخر."))]
    )
    assign(project, "amal", choose_documents(project, every=True))
    return project


def leads_own_work(lead: Project, document_id: str) -> AnnotationSet:
    """The lead's edits of amal's set after her package was written: a span, an event with an
    argument, a relation and a document label, the set marked done."""
    person = lead.add_span(document_id, "amal", *word("محمد"), "PER")
    place = lead.add_span(document_id, "amal", *word("الموصل"), "GPE")
    attack = lead.create_event(document_id, "amal", *word("الهجوم"), "Conflict.Attack")
    lead.add_argument(attack.id, "Target", span_id=place.id)
    lead.add_relation(document_id, "amal", Relation(new_id(), "located-in", person.id, place.id))
    lead.set_document_label(document_id, "amal", "relevance", "relevant")
    lead.set_status(document_id, "amal", Status.DONE)
    work = lead.annotation_set(document_id, "amal")
    assert work is not None
    return work


def same_work(a: AnnotationSet | None, b: AnnotationSet | None) -> bool:
    """The same annotations and status, ids included (not the revision, which counts edits)."""
    assert a is not None and b is not None
    return (a.spans, a.events, a.relations, a.document_labels, a.status) == (
        b.spans, b.events, b.relations, b.document_labels, b.status,
    )


def changed_on_both_sides(lead: Project, tmp_path: Path) -> tuple[Path, str, AnnotationSet, AnnotationSet]:
    """Amal's package, and the document whose set both the lead (``leads_own_work``) and amal
    (a date) changed since it was written, with each one's version of it."""
    out = tmp_path / "amal.tawsim"
    write_package(lead, "amal", out)
    document_id = lead.documents()[0].id
    leads = leads_own_work(lead, document_id)
    with Project.open(out) as package:
        package.add_span(document_id, "amal", *word("أمس"), "DATE")
        hers = package.annotation_set(document_id, "amal")
    assert hers is not None
    return out, document_id, leads, hers


def merged_on_both_sides(lead: Project, tmp_path: Path) -> tuple[str, AnnotationSet, AnnotationSet]:
    """The document, the lead's version of amal's set on it and amal's, merged over the lead's."""
    out, document_id, leads, hers = changed_on_both_sides(lead, tmp_path)
    assert merge_packages(lead, [out]).changed_on_both_sides == ["d0"]
    assert same_work(lead.annotation_set(document_id, "amal"), hers)
    return document_id, leads, hers


def test_the_projects_version_of_a_set_changed_on_both_sides_is_kept(lead: Project, tmp_path: Path) -> None:
    document_id, _, _ = merged_on_both_sides(lead, tmp_path)
    [kept] = replaced_sets(lead.conn)
    assert (kept.document_id, kept.document_name, kept.annotator) == (document_id, "d0", "amal")
    assert (kept.status, kept.spans, kept.replaced_by) == ("done", 3, "amal.tawsim")


def test_a_kept_version_is_put_back_whole_and_the_one_it_replaces_is_kept(
    lead: Project, tmp_path: Path
) -> None:
    document_id, leads, hers = merged_on_both_sides(lead, tmp_path)
    [kept] = replaced_sets(lead.conn)
    with write_transaction(lead.conn):
        restore_replaced(lead.conn, kept.id)
    assert same_work(lead.annotation_set(document_id, "amal"), leads)
    [put_aside] = replaced_sets(lead.conn)
    assert (put_aside.replaced_by, put_aside.spans) == (RESTORE, 1)
    with write_transaction(lead.conn):
        restore_replaced(lead.conn, put_aside.id)  # and back: nothing is lost either way
    assert same_work(lead.annotation_set(document_id, "amal"), hers)
    assert lead.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_restored_set_counts_as_changed_in_the_project(lead: Project, tmp_path: Path) -> None:
    """Its revision moves on: a package of amal's merged later names the document again, and
    keeps the restored version in its turn."""
    document_id, _, _ = merged_on_both_sides(lead, tmp_path)
    before = lead.annotation_set(document_id, "amal")
    with write_transaction(lead.conn):
        restore_replaced(lead.conn, replaced_sets(lead.conn)[0].id)
    after = lead.annotation_set(document_id, "amal")
    assert before is not None and after is not None and after.revision > before.revision


def test_a_merge_refused_half_way_keeps_nothing(lead: Project, tmp_path: Path) -> None:
    out, _, _, _ = changed_on_both_sides(lead, tmp_path)
    broken = tmp_path / "broken.tawsim"
    broken.write_bytes(b"not a project")
    with pytest.raises(WorkbenchError):
        merge_packages(lead, [out, broken])
    assert replaced_sets(lead.conn) == []


def test_an_unknown_version_is_refused_by_name(lead: Project) -> None:
    with pytest.raises(WorkbenchError, match="no replaced version 'nope'"), write_transaction(lead.conn):
        restore_replaced(lead.conn, "nope")


def test_a_deleted_document_takes_its_kept_versions_with_it(lead: Project, tmp_path: Path) -> None:
    document_id, _, _ = merged_on_both_sides(lead, tmp_path)
    with write_transaction(lead.conn):
        lead.conn.execute("DELETE FROM documents WHERE id = ?", [document_id])
    assert replaced_sets(lead.conn) == []
    assert lead.conn.execute("SELECT count(*) FROM replaced_sets").fetchone() == (0,)
