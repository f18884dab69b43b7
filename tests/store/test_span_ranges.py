"""Moving a stored span's ends: the span keeps its id, label, note and the event it fills, its
text follows the range; a range outside the text or onto another span of the same label is
refused with one line and changes nothing."""

from __future__ import annotations

import pytest

from tests.store.test_editing import TEXT, at, doc, project, snapshot  # noqa: F401 (fixtures)
from workbench.core.errors import WorkbenchError
from workbench.core.model import Argument
from workbench.store.project import Project

ANNOTATOR = "amal"


def test_a_moved_span_keeps_its_identity_and_its_role(project: Project, doc: str) -> None:
    attack = project.create_event(doc, ANNOTATOR, *at("الهجوم"), "Conflict.Attack")
    gunmen = project.add_span(doc, ANNOTATOR, *at("مسلحون"), "PER", note="check")
    project.add_argument(attack.id, "Attacker", span_id=gunmen.id)
    start, end = at("مسلحون على قرية")
    moved = project.set_span_range(gunmen.id, start, end)
    assert (moved.id, moved.label, moved.note, moved.text) == (gunmen.id, "PER", "check", TEXT[start:end])
    assert project.span_owner(gunmen.id)[0] == moved
    assert project.event(attack.id).arguments == (Argument("Attacker", span_id=gunmen.id),)


@pytest.mark.parametrize("where", ["outside", "empty", "onto another"])
def test_a_refused_move_changes_nothing(project: Project, doc: str, where: str) -> None:
    span = project.add_span(doc, ANNOTATOR, *at("مسلحون"), "PER")
    project.add_span(doc, ANNOTATOR, *at("قرية"), "PER")
    ranges = {"outside": (0, len(TEXT) + 3), "empty": (span.start, span.start), "onto another": at("قرية")}
    before = snapshot(project)
    with pytest.raises(WorkbenchError) as refused:
        project.set_span_range(span.id, *ranges[where])
    assert "\n" not in str(refused.value)
    assert snapshot(project) == before
