"""The lead's project (``tests.ui.lead_scene``) with relations and document labels on top, made
through the store API as the annotators' windows make them, then each set marked done again.

On the first article: amal and badr link «عبد الله قرداش» to «داعش» as member-of, carim links
his shorter «قرداش» (the same relation with overlapping ends, not exact); amal and carim place
«داعش» in «إدلب»; badr alone has an affiliated-with. On the second all three agree on one
relation. The document labels agree on relevance, split two to one on the country, and give
the topic as sets in different orders (the same set for amal and badr).

Import the ``relation_project`` fixture into a test module to use it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import present
from tests.ui.lead_scene import ANNOTATORS, LeadProject, build
from workbench.core.model import DocumentLabelValue, Relation, Status
from workbench.store.project import Project


@dataclass(frozen=True)
class Link:
    """A relation to add on document ``number``: from the span on ``source`` to the one on
    ``target`` (each a phrase and its label), by ``who``."""

    number: int
    type: str
    source: tuple[str, str]
    target: tuple[str, str]
    who: tuple[str, ...]


LINKS = (
    Link(0, "member-of", ("عبد الله قرداش", "PER"), ("داعش", "ORG"), ("amal", "badr")),
    Link(0, "member-of", ("قرداش", "PER"), ("داعش", "ORG"), ("carim",)),
    Link(0, "located-in", ("داعش", "ORG"), ("إدلب", "GPE"), ("amal", "carim")),
    Link(0, "affiliated-with", ("جهادي أجنبي", "PER"), ("داعش", "ORG"), ("badr",)),
    Link(1, "located-in", ("تنظيم الدولة الإسلامية", "ORG"), ("العراق", "GPE"), ANNOTATORS),
)
ANSWERS: dict[tuple[int, str], dict[str, DocumentLabelValue]] = {
    (0, "amal"): {"relevance": "relevant", "topic": ("terrorism", "counter_terrorism"), "country": "SY"},
    (0, "badr"): {"relevance": "relevant", "topic": ("counter_terrorism", "terrorism"), "country": "SY"},
    (0, "carim"): {"relevance": "relevant", "topic": ("terrorism",), "country": "IQ"},
    (1, "amal"): {"relevance": "relevant", "country": "IQ"},
    (1, "badr"): {"relevance": "relevant", "country": "SY"},
    (1, "carim"): {"relevance": "not_relevant", "country": "IQ"},
}
"""(document number, annotator): the answers they gave."""


def span_id(project: Project, document_id: str, who: str, phrase: tuple[str, str]) -> str:
    text, label = phrase
    spans = present(project.annotation_set(document_id, who)).spans
    return next(s.id for s in spans if s.text == text and s.label == label)


def add_relations_and_labels(path: Path) -> Path:
    with Project.open(path) as project:
        ids = [d.id for d in project.documents()]
        for link in LINKS:
            document_id = ids[link.number]
            for who in link.who:
                source, target = (span_id(project, document_id, who, end) for end in (link.source, link.target))
                project.add_relation(document_id, who, Relation("", link.type, source, target))
        for (number, who), answers in ANSWERS.items():
            for field, value in answers.items():
                project.set_document_label(ids[number], who, field, value)
        for number, who in {(link.number, who) for link in LINKS for who in link.who} | set(ANSWERS):
            project.set_status(ids[number], who, Status.DONE)
    return path


@pytest.fixture(scope="session")
def relation_project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return add_relations_and_labels(build(tmp_path_factory.mktemp("relations") / "lead.tawsim"))


@pytest.fixture
def relation_project(relation_project_file: Path, tmp_path: Path) -> Iterator[LeadProject]:
    path = tmp_path / "relations.tawsim"
    shutil.copy(relation_project_file, path)
    project = Project.open(path)
    yield LeadProject(project, [d.id for d in project.documents()])
    project.close()
