"""Building a document's suggestions off the GUI thread, a moment after it opens and after its
spans change (so that label-all then undo, or a span deleted, brings them back). The moment
lets the window paint first: the build is Python's work under the GIL (the first trains the
recommenders: 0.9 s on a project of 10,000 gold documents)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.app.project import Project
from workbench.app.suggestions import DocumentOffer, document_suggestions
from workbench.ui.background import CancelCheck, QuietTask, read_only

REBUILD_DELAY_MS = 300
"""After the opening or the last change, so that a run of keystrokes rebuilds once."""


class SuggestionBuilder(QObject):
    """``build_later`` a document's suggestions; ``built`` delivers them."""

    built = Signal(object)
    """A ``DocumentOffer``."""

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = project.path
        self._annotator = annotator
        self._pending: str | None = None
        self._later = QTimer(self, singleShot=True, interval=REBUILD_DELAY_MS)
        self._later.timeout.connect(self._build_pending)

    def _build(self, document_id: str) -> QuietTask:
        annotator = self._annotator

        def use_case(project: Project, _progress: object, cancelled: CancelCheck) -> DocumentOffer:
            return document_suggestions(project, document_id, annotator, cancelled)

        task = QuietTask(read_only(self._path, use_case))
        task.succeeded.connect(self.built)
        task.start()
        return task

    def build_later(self, document_id: str) -> None:
        self._pending = document_id
        self._later.start()

    def _build_pending(self) -> None:
        if self._pending is not None:
            self._build(self._pending)
