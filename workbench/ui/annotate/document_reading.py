"""Reading a document for the annotator's window, and making it ready to show, off the GUI thread.

A document of a million characters with 10,000 spans took 90 ms of the GUI thread to open from
the document list, then 10-14 ms to paint: its span entries read (16 ms), its whole annotation
set read for the relations and events (33 ms), the span list's lookups (6 ms), the view's spans
and their index (21 ms). ``read_document`` does all of that without Qt, so a worker thread may;
what is left for the GUI thread is handing the results to the widgets (``MainWindow.show_read``):
Qt's own ``setPlainText`` (4 ms), the models reset, and the paint that follows in the next turn.

``DocumentReader`` runs ``read_document`` on a worker thread, with a connection of its own, for
a choice in the document list, Alt+arrows, a search match or an undo step in another document,
and the shown document after a reload: the window shows the document when its read arrives.
Only the latest request counts: a read that a later request (or the document opened at once)
overtook is dropped when it arrives, and nothing arrives once the window is gone. The window
opens only its first document at once (``read_document`` on the GUI thread), before it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from workbench.app.project import Project
from workbench.core.model import AnnotationSet
from workbench.core.schema import Schema
from workbench.ui.annotate.prepared_text import PreparedText, prepare_text
from workbench.ui.annotate.span_list import SpanRows
from workbench.ui.background import QuietTask, read_only
from workbench.ui.label_style import view_spans


@dataclass(frozen=True)
class ReadDocument:
    """A document read and made ready for the window's widgets."""

    document_id: str
    text: str
    rows: SpanRows
    """The span list's."""
    drawn: PreparedText
    """The text view's."""
    annotations: AnnotationSet
    """The annotator's whole set on the document: its relations, events and document labels."""


@dataclass(frozen=True)
class Reading:
    """What ``read_document`` needs beside the project: all of it taken on the GUI thread."""

    annotator: str
    schema: Schema
    colours: Mapping[str, str]
    """The labels' colours in the theme of now (``label_style.label_colours``)."""


def read_document(project: Project, document_id: str, reading: Reading, text: str | None = None) -> ReadDocument:
    """The document with the annotator's spans, as the window shows it (``text``: its stored text
    when the caller keeps it). No Qt here."""
    text = project.document(document_id).text if text is None else text
    entries = project.span_entries(document_id, reading.annotator)
    annotations = project.annotation_set(document_id, reading.annotator) or AnnotationSet(reading.annotator)
    drawn = prepare_text(text, view_spans(entries, reading.schema, reading.colours))
    return ReadDocument(document_id, text, SpanRows.of(text, entries), drawn, annotations)


class DocumentReader(QObject):
    """``read_later`` reads a document on a worker thread; ``read`` delivers it, if it is still
    the latest asked for (module docstring)."""

    read = Signal(object)
    """A ``ReadDocument``."""
    _arrived = Signal(object)
    """(request number, ``ReadDocument``) from the worker: a signal of this object, so that
    nothing arrives once its window is gone."""

    def __init__(self, path: Path, parent: QObject) -> None:
        super().__init__(parent)
        self._path = path
        self._latest = 0
        self.pending: str | None = None
        """The document being read for the window, if any."""
        self._arrived.connect(self._deliver)

    def read_later(self, document_id: str, reading: Reading, text: str | None) -> None:
        self._latest += 1
        number = self._latest
        self.pending = document_id

        def use_case(project: Project, *_: object) -> tuple[int, ReadDocument]:
            return number, read_document(project, document_id, reading, text)

        task = QuietTask(read_only(self._path, use_case))
        task.succeeded.connect(self._arrived)
        task.start()

    def drop_pending(self) -> None:
        """The read running now (if any) is not wanted any more: it is dropped when it arrives."""
        self._latest += 1
        self.pending = None

    def _deliver(self, arrived: tuple[int, ReadDocument]) -> None:
        number, document = arrived
        if number == self._latest:
            self.pending = None
            self.read.emit(document)
