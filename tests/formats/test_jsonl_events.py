"""Events through the JSONL format: a project with events, arguments, attributes and a role filled
by another event exports, imports into a new project unchanged, and exports again identically."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.model import AnnotatedDocument, AnnotationSet, Argument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "تبنى تنظيم داعش الهجوم الذي شنه مسلحون على قرية قرب الموصل وقتل فيه خمسة مدنيين."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def new_project(path: Path) -> Project:
    return Project.create(path, builtin_schema("conflict-news"))


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Project]:
    """Two annotators' events on one document, built through the editing operations."""
    with new_project(tmp_path / "source.tawsim") as project:
        build(project)
        yield project


def build(project: Project) -> None:
    project.add_documents([AnnotatedDocument(make_document("d", TEXT))])
    doc = project.documents()[0].id
    for annotator in ("amal", "omar"):
        attack = project.create_event(doc, annotator, *at("الهجوم"), "Conflict.Attack")
        gunmen = project.add_span(doc, annotator, *at("مسلحون"), "PER")
        village = project.add_span(doc, annotator, *at("قرية"), "LOC")
        project.add_argument(attack.id, "Attacker", span_id=gunmen.id)
        project.add_argument(attack.id, "Target", span_id=village.id)
        project.update_event(attack.id, attack.attributes | {"attack_method": "armed_assault"})
        claim = project.create_event(doc, annotator, *at("تبنى"), "Conflict.Claim-Responsibility")
        isis = project.add_span(doc, annotator, *at("داعش"), "ORG")
        project.add_argument(claim.id, "Claimant", span_id=isis.id)
        project.add_argument(claim.id, "ClaimedEvent", filler_event_id=attack.id)


def sets(project: Project) -> list[AnnotationSet]:
    """Every set of the project's only document, without the revision (an import starts its
    own count), spans and events in a stable order."""
    [document] = project.documents()
    return [
        AnnotationSet(
            s.annotator,
            tuple(sorted(s.spans, key=lambda span: span.id)),
            tuple(sorted(s.events, key=lambda event: event.id)),
            s.status,
        )
        for s in project.annotated_document(document.id).sets
    ]


def test_events_survive_an_export_and_an_import_into_a_new_project(
    source: Project, tmp_path: Path
) -> None:
    first = tmp_path / "first.jsonl"
    export_project(source, first, format_name="jsonl", source="all")
    with new_project(tmp_path / "copy.tawsim") as copy:
        summary = import_paths(copy, [first])
        assert summary.events == 4
        assert sets(copy) == sets(source)
        [copied] = copy.documents()
        assert copy.document(copied.id).text == TEXT
        second = tmp_path / "second.jsonl"
        export_project(copy, second, format_name="jsonl", source="all")
    assert second.read_bytes() == first.read_bytes()


def test_the_event_filled_role_and_attributes_are_in_the_file(
    source: Project, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    export_project(source, out, format_name="jsonl", source="amal")
    [line] = out.read_text(encoding="utf-8").splitlines()
    for fragment in ('"role": "ClaimedEvent", "event": ', '"attack_method": "armed_assault"'):
        assert fragment in line
    with new_project(tmp_path / "copy.tawsim") as copy:
        import_paths(copy, [out])
        [document] = copy.documents()
        annotations = copy.annotation_set(document.id, "amal")
        assert annotations is not None
        by_type = {event.type: event for event in annotations.events}
        claim = by_type["Conflict.Claim-Responsibility"]
        assert Argument("ClaimedEvent", event_id=by_type["Conflict.Attack"].id) in claim.arguments
        assert by_type["Conflict.Attack"].attributes["attack_method"] == "armed_assault"
