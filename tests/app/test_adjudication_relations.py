"""Adjudication use cases for relations and document labels (issue 14, point 6): the comparison
lists them, and accepting one writes gold through a ``GoldEdit`` that undo and redo replay.

The project file's relation tables come with the store's part of issue 14, so the project here
is a stand-in holding the sets in memory with the calls adjudication makes (``replace_set``
writes a set whole, as the store's does); the comparison is also loaded from a real project.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest

from workbench.app.adjudication import (
    Comparison,
    accept_agreed,
    accept_document_label,
    accept_relation,
    accept_version,
    redo_gold,
    undo_gold,
)
from workbench.cli import main
from workbench.core.adjudication import Added, Agreement, RelationKey, relation_key
from workbench.core.model import (
    GOLD,
    AnnotatedDocument,
    AnnotationSet,
    Document,
    DocumentLabelValue,
    Relation,
    Span,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.core.schema.relations import RelationType
from workbench.store.project import Project

TEXT = "انضم أحمد إلى حماس في غزة والتقى سارة"
SpanKey = tuple[int, int, str]
AHMAD, HAMAS, SARA = (5, 9, "PER"), (14, 18, "ORG"), (33, 37, "PER")


def annotator_set(
    name: str, relations: list[tuple[str, SpanKey, SpanKey]], labels: dict[str, DocumentLabelValue]
) -> AnnotationSet:
    spans = {
        key: Span(f"{name}{key[0]}", *key, TEXT[key[0] : key[1]]) for key in (AHMAD, HAMAS, SARA)
    }
    return AnnotationSet(
        name,
        tuple(spans.values()),
        relations=tuple(
            Relation(f"{name}-r{i}", kind, spans[a].id, spans[b].id, {"confidence": "high"})
            for i, (kind, a, b) in enumerate(relations)
        ),
        document_labels=labels,
    )


class MemoryProject:
    """The calls adjudication makes of a project, over sets held in memory (duck-typed for
    ``Project``)."""

    def __init__(self, document: Document, sets: list[AnnotationSet]) -> None:
        self._document = document
        self.sets = {s.annotator: s for s in sets}
        near = RelationType("near", "Near", "قرب", ("PER",), ("PER",), symmetric=True)
        self.schema = replace(builtin_schema("generic"), relation_types=(near,))

    def document(self, document_id: str) -> Document:
        return self._document

    def annotated_document(self, document_id: str) -> AnnotatedDocument:
        return AnnotatedDocument(self._document, tuple(self.sets.values()))

    def annotation_set(self, document_id: str, annotator: str) -> AnnotationSet | None:
        return self.sets.get(annotator)

    def replace_set(self, document_id: str, annotator: str, value: AnnotationSet | None) -> None:
        if value is None:
            self.sets.pop(annotator, None)
        else:
            self.sets[annotator] = value


@pytest.fixture
def project() -> MemoryProject:
    return MemoryProject(
        make_document("d", TEXT),
        [
            annotator_set(
                "amal",
                [("member-of", AHMAD, HAMAS), ("near", AHMAD, SARA)],
                {"relevance": "yes", "topic": ("war",)},
            ),
            annotator_set(
                "badr",
                [("member-of", AHMAD, HAMAS), ("near", SARA, AHMAD)],
                {"relevance": "no"},
            ),
        ],
    )


def as_project(memory: MemoryProject) -> Project:
    """The double where adjudication takes a ``Project`` (it makes only ``MemoryProject``'s calls)."""
    return cast(Project, memory)


def gold_relations(project: MemoryProject) -> set[RelationKey | None]:
    gold = project.sets.get(GOLD)
    spans = {s.id: s for s in gold.spans} if gold else {}
    return {relation_key(r, spans) for r in gold.relations} if gold else set()


def test_the_comparison_lists_relations_and_document_label_answers(project: MemoryProject) -> None:
    comparison = Comparison.load(as_project(project), "d", symmetric={"near"})
    relations = {c.key: c.agreement for c in comparison.relations}
    assert relations == {
        ("member-of", AHMAD, HAMAS): Agreement.ALL,
        ("near", AHMAD, SARA): Agreement.ALL,
    }
    answers = [(c.field, c.value, c.annotators) for c in comparison.document_labels]
    assert answers == [
        ("relevance", "no", ("badr",)),
        ("relevance", "yes", ("amal",)),
        ("topic", ("war",), ("amal",)),
    ]


def test_accepting_a_relation_writes_it_and_its_ends_to_gold(project: MemoryProject) -> None:
    comparison = Comparison.load(as_project(project), "d", symmetric={"near"})
    near = next(c for c in comparison.relations if c.type == "near")
    edit = accept_relation(as_project(project), "d", near, comparison.finished)
    assert edit is not None and edit.added == Added(spans=2, relations=1)
    assert gold_relations(project) == {("near", AHMAD, SARA)}
    [relation] = project.sets[GOLD].relations
    assert relation.attributes == {"confidence": "high"}  # as its holder made it
    assert accept_relation(as_project(project), "d", near, comparison.finished) is None
    undo_gold(as_project(project), edit)
    assert GOLD not in project.sets
    redo_gold(as_project(project), edit)
    assert gold_relations(project) == {("near", AHMAD, SARA)}


def test_accepting_an_answer_makes_it_golds(project: MemoryProject) -> None:
    comparison = Comparison.load(as_project(project), "d")
    [no, yes] = [c for c in comparison.document_labels if c.field == "relevance"]
    first = accept_document_label(as_project(project), "d", yes)
    second = accept_document_label(as_project(project), "d", no)
    assert first is not None and second is not None
    assert second.added == Added(document_labels=1)
    assert project.sets[GOLD].document_labels == {"relevance": "no"}
    undo_gold(as_project(project), second)
    assert project.sets[GOLD].document_labels == {"relevance": "yes"}
    assert Comparison.load(as_project(project), "d").document_labels[1].in_gold


def test_an_annotators_version_and_the_agreed_part_carry_both(project: MemoryProject) -> None:
    edit = accept_agreed(as_project(project), "d", Agreement.ALL)  # "near" symmetric, as the schema says
    assert edit is not None and edit.added == Added(spans=3, relations=2)
    assert project.sets[GOLD].document_labels == {}  # relevance is disagreed on
    version = accept_version(as_project(project), "d", "amal", replace_gold=True)
    assert version is not None
    assert gold_relations(project) == {("member-of", AHMAD, HAMAS), ("near", AHMAD, SARA)}
    assert project.sets[GOLD].document_labels == {"relevance": "yes", "topic": ("war",)}


def test_the_comparison_of_a_stored_project(tmp_path: Path) -> None:
    stored = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    document = make_document("d", TEXT)
    stored.add_documents([AnnotatedDocument(document, (annotator_set("amal", [], {}),))])
    comparison = Comparison.load(stored, document.id)
    assert comparison.candidates and comparison.relations == () == comparison.document_labels


def test_the_command_line_names_relations_and_labels_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    document = make_document("d", TEXT)
    stored.add_documents([AnnotatedDocument(document, (annotator_set("amal", [], {}),))])
    stored.close()
    added = Added(spans=2, relations=1, document_labels=2)
    monkeypatch.setattr(
        "workbench.app.adjudication.adjudicate", lambda *args, **kwargs: [(document.id, added)]
    )
    assert main(["adjudicate", str(tmp_path / "p.tawsim"), "--agreed"]) == 0
    out = capsys.readouterr().out
    assert "d: 2 spans, 0 events, 0 arguments, 1 relation, 2 document labels added to gold" in out
