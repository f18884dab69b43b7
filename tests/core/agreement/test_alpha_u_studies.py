"""alpha_U's studies worked out in a second process while the report goes on
(``alpha_u_studies``): the same report as worked out in one process, whatever the process does."""

from __future__ import annotations

import random
import sys
from typing import Any, ClassVar

import pytest

from tests.core.ahead_process_doubles import DyingAfterFirstAnswer, WaitedFor
from workbench.core.agreement import DocumentAnnotations, agreement_report, alpha_u_studies
from workbench.core.agreement.alpha_u_studies import Batch, DocumentStudies
from workbench.core.model import AnnotationSet, Span, Status

ANNOTATORS = ("amal", "badr", "dana")
LABELS = ("PER", "LOC", "ORG")
DOCUMENTS = 14
BATCH = 3


def corpus(documents: int = DOCUMENTS) -> list[DocumentAnnotations]:
    """Documents of 60 characters in tokens of 4, each annotator's spans drawn at random, some
    sets unfinished and some annotators absent."""
    draw = random.Random(7)
    found = []
    for number in range(documents):
        sets = []
        for annotator in ANNOTATORS:
            if draw.random() < 0.1:
                continue
            spans = []
            for index in range(draw.randint(0, 5)):
                start = draw.randrange(0, 56)
                spans.append(Span(f"{annotator}{index}", start, start + draw.randint(1, 4), draw.choice(LABELS), ""))
            status = Status.IN_PROGRESS if draw.random() < 0.2 else Status.DONE
            sets.append(AnnotationSet(annotator, tuple(spans), (), status))
        tokens = tuple((start, start + 3) for start in range(0, 60, 4))
        found.append(DocumentAnnotations.from_sets(f"d{number}", 60, tokens, sets))
    return found


class StartedProcess(WaitedFor[Batch, list[DocumentStudies]]):
    """The process, waited for before its first answer is asked for, as a long report finds it;
    each one started is kept, to look at."""

    started: ClassVar[list[StartedProcess]] = []

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        StartedProcess.started.append(self)


class DyingProcess(DyingAfterFirstAnswer[Batch, list[DocumentStudies]], StartedProcess):
    """A process that dies once it has answered its first batch, before it is sent the next."""


class NoProcess:
    def __init__(self, *args: Any) -> None:
        raise AssertionError("a process was started")


@pytest.fixture
def report_here(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The corpus's report worked out in this process alone."""
    monkeypatch.setattr(alpha_u_studies, "BATCH", DOCUMENTS + 1)  # never full
    monkeypatch.setattr(alpha_u_studies, "AheadProcess", NoProcess)
    report = agreement_report(corpus(), ANNOTATORS)
    StartedProcess.started.clear()
    return report


def report_with(process: type[StartedProcess], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(alpha_u_studies, "BATCH", BATCH)
    monkeypatch.setattr(alpha_u_studies, "AheadProcess", process)
    return agreement_report(corpus(), ANNOTATORS)


def test_the_studies_of_the_process_make_the_report_of_one_process(
    report_here: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert report_with(StartedProcess, monkeypatch) == report_here
    [process] = StartedProcess.started
    # the first batch and the last, partial one are worked out here; the three between there
    assert (process.sent, process.received) == (3, 3)
    assert not process.alive()  # ended with the report
    assert report_here["alpha_u"]["documents"] > DOCUMENTS // 2


def test_batches_a_dead_process_did_not_answer_are_worked_out_here(
    report_here: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert report_with(DyingProcess, monkeypatch) == report_here
    [process] = StartedProcess.started
    assert process.received == 1


def test_a_report_smaller_than_a_batch_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alpha_u_studies, "BATCH", BATCH)
    monkeypatch.setattr(alpha_u_studies, "AheadProcess", NoProcess)
    report = agreement_report(corpus(BATCH - 1), ANNOTATORS)
    assert len(report["per_document"]) == BATCH - 1


def test_the_studies_given_hold_no_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Held to the report's end, every document's entities were freed at once as the report
    returned: one step of the interpreter of 20-28 ms at 3,000 documents, which a window's
    thread waited for (the report frees its own a slice at a time)."""
    monkeypatch.setattr(alpha_u_studies, "BATCH", BATCH)
    monkeypatch.setattr(alpha_u_studies, "AheadProcess", StartedProcess)
    entities = [{"amal": ((0, 3, "PER"),), "badr": ((1, 3, "PER"),)} for _ in range(DOCUMENTS)]
    held_before = [sys.getrefcount(each) for each in entities]
    with alpha_u_studies.AlphaUStudies([("amal", "badr")]) as studies:
        for index in range(DOCUMENTS):
            studies.add(10, entities[index])
        assert len(studies.studies()) == DOCUMENTS
        assert [sys.getrefcount(each) for each in entities] == held_before


def test_the_process_ends_when_the_report_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = corpus()
    broken = AnnotationSet("amal", (Span("s", 50, 70, "PER", ""),), (), Status.DONE)  # past the text
    documents[-1] = DocumentAnnotations.from_sets("bad", 60, (), [broken])
    monkeypatch.setattr(alpha_u_studies, "BATCH", BATCH)
    monkeypatch.setattr(alpha_u_studies, "AheadProcess", StartedProcess)
    StartedProcess.started.clear()
    with pytest.raises(ValueError, match="outside the text"):
        agreement_report(documents, ANNOTATORS)
    [process] = StartedProcess.started
    assert not process.alive()
