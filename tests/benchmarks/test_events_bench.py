"""Events at scale: one document with 2,000 events and 8,000 arguments (10,000 spans).

Targets (issue 9): opening the document in the view with the event list and the overlay of a
selected event, under 300 ms; filling a role and repainting, p95 under 16 ms (one frame at
60 Hz).

The document goes into a project through ``add_documents``, as an import would put it. Opening
reads the annotator's set from the project file once (the window passes it to the controller),
builds the view's spans, shows the text, loads the events into the list model and the overlay,
selects an event and paints the first frame. Filling a role is what a hotkey does: the store's
transaction, the undo command, the list row, the panel's fillers and the view's repaint; it is
undone again unmeasured, so that every sample starts from the same state.

Each figure is printed as wall-clock time and as CPU time of the process (``process_time``):
the machine running the tests is loaded, which inflates the wall clock; the checks use the CPU
time.

Run with: uv run pytest tests/benchmarks/test_events_bench.py -m benchmark -s
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from tests.benchmarks.conftest import article_of
from tests.benchmarks.timing import Timings, p50, p95
from workbench.core.gc_pause import collection_paused
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Argument,
    Event,
    Span,
    make_document,
    new_id,
)
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.store.reading import SpanEntry
from workbench.ui import fonts
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.events.event_controller import EventController
from workbench.ui.label_style import view_spans

pytestmark = pytest.mark.benchmark

ANNOTATOR = "amal"
EVENTS = 2_000
ROLES = (("Attacker", "PER"), ("Target", "PER"), ("Instrument", "WEA"), ("Place", "GPE"))
"""The four arguments of every event (role, the filler's label): 8,000 in all."""
DOCUMENT_LENGTH = 150_000
OPENINGS = 5
EDITS = 200


def annotated_document() -> AnnotatedDocument:
    """Every fifth word a trigger, the four words after it its arguments' spans."""
    text = article_of(DOCUMENT_LENGTH, 0)
    words = [(found.start(), found.end()) for found in re.finditer(r"\S+", text)]
    assert len(words) >= 5 * EVENTS
    spans: list[Span] = []
    events: list[Event] = []
    for number in range(EVENTS):
        (start, end), *fillers = words[5 * number : 5 * number + 5]
        trigger = Span(new_id(), start, end, "Conflict.Attack", text[start:end])
        arguments = []
        spans.append(trigger)
        for (role, label), (start, end) in zip(ROLES, fillers, strict=True):
            filler = Span(new_id(), start, end, label, text[start:end])
            spans.append(filler)
            arguments.append(Argument(role, span_id=filler.id))
        events.append(Event(new_id(), "Conflict.Attack", trigger.id, tuple(arguments)))
    annotations = AnnotationSet(ANNOTATOR, tuple(spans), tuple(events))
    return AnnotatedDocument(make_document("events", text), (annotations,))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = Path(tmp_path_factory.mktemp("events")) / "events.tawsim"
    with Project.create(path, builtin_schema("conflict-news")) as created:
        created.add_documents([annotated_document()])
        yield created


def open_window(qtbot: QtBot, project: Project) -> EventController:
    """A view and the event widgets, not yet showing anything."""
    view = AnnotatedTextView()
    view.setFont(fonts.annotation_font(14))
    view.resize(900, 700)
    qtbot.addWidget(view)
    controller = EventController(project, ANNOTATOR, view, QUndoStack(view))
    for widget in (controller.panel, controller.event_list):
        qtbot.addWidget(widget)
    return controller


def read_document(project: Project, document_id: str) -> tuple[str, list[SpanEntry]]:
    """What the window reads to show a document: its text and the annotator's span ranges."""
    return project.document(document_id).text, project.span_entries(document_id, ANNOTATOR)


def show_document(
    controller: EventController, document_id: str, text: str, entries: list[SpanEntry]
) -> None:
    """The rest of opening, as the window does it: the view, the events and the spans they use
    read for the event widgets, the event list, the overlay, an event selected, painted."""
    view = controller.view
    with collection_paused():
        view.set_document(text, view_spans(entries, controller.project.schema))
        controller.open_document(document_id)
    controller.select_event(controller.list_model.event_id_at(0))
    view.show()
    view.grab()  # renders the whole view now, arcs included


def open_document(controller: EventController, document_id: str) -> None:
    show_document(controller, document_id, *read_document(controller.project, document_id))


def test_open_a_document_with_2000_events(qtbot: QtBot, project: Project) -> None:
    [document] = project.documents()
    total, reading, showing = Timings(), Timings(), Timings()
    for _ in range(OPENINGS):
        controller = open_window(qtbot, project)

        def open_in_two_steps(controller: EventController = controller) -> None:
            read: list[tuple[str, list[SpanEntry]]] = []
            reading.measure(lambda: read.append(read_document(project, document.id)))
            showing.measure(lambda: show_document(controller, document.id, *read[0]))

        total.measure(open_in_two_steps)
        assert controller.list_model.rowCount() == EVENTS
        assert len(controller.overlay.arcs(controller.view.span_geometry())) == len(ROLES)
        controller.view.close()
    print(f"\n{total.report('open + event list + overlay + first paint')}")
    print(reading.report("  of which reading the text and the span ranges"))
    print(showing.report("  of which the view, the events read, list, overlay, selection, paint"))
    assert p50(total.cpu) < 300, f"reading took {p50(reading.cpu):.0f} ms of it"


def test_fill_a_role_and_repaint(qtbot: QtBot, project: Project) -> None:
    [document] = project.documents()
    controller = open_window(qtbot, project)
    open_document(controller, document.id)
    event_id = controller.current_event_id
    assert event_id is not None
    people = [span.id for span in controller.document.spans.values() if span.label == "PER"]
    samples = Timings()
    for span_id in people[2 : 2 + EDITS]:

        def fill_and_repaint(span_id: str = span_id) -> None:
            controller.fill_from_span(event_id, "Target", span_id)
            controller.view.viewport().repaint()

        samples.measure(fill_and_repaint)
        assert len(controller.document.events[event_id].arguments) == len(ROLES) + 1
        controller.undo_stack.undo()
    print(f"\n{samples.report('fill a role (store + undo step + list + panel) + repaint')}")
    assert p95(samples.cpu) < 16
