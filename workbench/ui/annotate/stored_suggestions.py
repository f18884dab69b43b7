"""The project's stored suggestions in the annotator's window (issue 15): the reserved set
``suggestions`` that the recommenders fill (``app/recommending.py``).

They are read off the GUI thread a moment after a document opens and after each change (an
undone acceptance brings its suggestion back), and join the labelling controller's in-document
suggestions: one list, so F4 and Shift+F4, Enter, a label's key and Backspace work on both. Those
read here are accepted and rejected through the app's ``AcceptSuggestions`` and
``RejectSuggestion`` (undoable, logged "accept" and "reject"); ``accept_above`` accepts every
one scored at or above a threshold as one undo step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.app.project import Project
from workbench.app.recommending import AcceptSuggestions, RejectSuggestion, accept_above, suggestions_on
from workbench.core.model import Span
from workbench.core.suggestions import DocumentSuggestions, Suggestion
from workbench.ui.annotate.suggestion_builder import REBUILD_DELAY_MS
from workbench.ui.background import CancelCheck, QuietTask, read_only
from workbench.ui.commands import CommandStep

if TYPE_CHECKING:
    from workbench.ui.annotate.labelling_controller import Push
    from workbench.ui.annotate.main_window import MainWindow


Read = tuple[str, int, list[Span]]


class AcceptSuggestionsStep(CommandStep[AcceptSuggestions]):
    """Stored suggestions accepted: one (Enter, a label's key) or all above a score."""


class RejectSuggestionStep(CommandStep[RejectSuggestion]):
    """A stored suggestion rejected (Backspace, Escape)."""


class StoredSuggestions(QObject):
    """The stored suggestions of the shown document, merged into ``suggestions`` (the labelling
    controller's, per document); ``shown`` paints them all again."""

    _read = Signal(object)
    """(document id, generation, spans) from the worker: a signal of this object, so that
    nothing arrives once the window is gone."""

    def __init__(
        self,
        window: MainWindow,
        suggestions: defaultdict[str, DocumentSuggestions],
        push: Push,
        shown: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._suggestions = suggestions
        self._push = push
        self._shown = shown
        self._ids: dict[str, dict[Suggestion, str]] = {}
        """Per document, the stored suggestions on offer and their span ids."""
        self._generation = 0
        """Counts reads and edits: a read that an edit followed is stale, and dropped."""
        self._pending: str | None = None
        self._later = QTimer(self, singleShot=True, interval=REBUILD_DELAY_MS)
        self._later.timeout.connect(self._load_pending)
        self._read.connect(self._loaded)

    def load_later(self, document_id: str) -> None:
        self._pending = document_id
        self._later.start()

    def _load_pending(self) -> None:
        if self._pending is not None:
            self._load(self._pending)

    def _load(self, document_id: str) -> None:
        annotator = self._window.annotator
        self._generation += 1
        generation = self._generation

        def use_case(project: Project, _progress: object, cancelled: CancelCheck) -> Read:
            return document_id, generation, suggestions_on(project, document_id, annotator, cancelled)

        task = QuietTask(read_only(self._window.project.path, use_case))
        task.succeeded.connect(self._read)
        task.start()

    def _loaded(self, read: Read) -> None:
        """The stored suggestions read: those gone from the file go from the offer, and those not
        on offer join it unless the annotator's spans hide them. Only these are asked of the
        spans, not each stored suggestion again at every edit: a long document has thousands."""
        document_id, generation, spans = read
        if generation != self._generation:
            return
        found = {Suggestion(span.start, span.end, span.label): span.id for span in spans}
        known = self._ids.get(document_id, {})
        self._ids[document_id] = found
        suggestions = self._suggestions[document_id]
        suggestions.discard(known.keys() - found.keys())
        suggestions.rejected -= found.keys()  # a rejection undone
        if document_id != self._window.current_document_id:
            return
        new = found.keys() - suggestions.offered
        labelled = self._window.span_model.taken_spans(suggestions.nested)
        for label in {suggestion.label for suggestion in new}:
            suggestions.offer([(s.start, s.end) for s in new if s.label == label], label, labelled)
        self._shown()

    def holds(self, suggestion: Suggestion) -> bool:
        """Whether ``suggestion`` is a stored one (else it is an in-document suggestion)."""
        document_id = self._window.current_document_id
        return document_id is not None and suggestion in self._ids.get(document_id, {})

    def accept(self, suggestion: Suggestion, label: str | None) -> str | None:
        """Accept the stored ``suggestion`` (with ``label`` when a label's key gave another):
        the new span's id, or None when the store refused or the annotator had that span."""
        window = self._window
        relabel = label if label not in (None, suggestion.label) else None
        command = AcceptSuggestions(self._document_id(), window.annotator, self._stored_ids([suggestion]), relabel)
        shown = window.label_name(relabel or suggestion.label)
        added = self._accepted(command, lambda: self.tr("Accept suggestion: %1").replace("%1", shown))
        return added[0] if added else None

    def accept_all(self, suggestions: list[Suggestion]) -> tuple[str, ...]:
        """Accept the stored ``suggestions`` with their labels, as one undo step: the new spans'
        ids (none when the store refused, or the annotator had them all)."""
        command = AcceptSuggestions(self._document_id(), self._window.annotator, self._stored_ids(suggestions))
        return self._accepted(command, self._describe_accepting(len(suggestions)))

    def _accepted(self, command: AcceptSuggestions, describe: Callable[[], str]) -> tuple[str, ...]:
        """Push ``command``: the spans it made (none when the store refused it)."""
        self._generation += 1
        step = self._push(AcceptSuggestionsStep, command, describe)
        return step.command.span_ids if step is not None else ()

    def _describe_accepting(self, count: int) -> Callable[[], str]:
        return lambda: self.accepting(count)

    def accepting(self, count: int) -> str:
        """The undo step's text for ``count`` suggestions accepted at once."""
        return self.tr("Accept %n suggestion(s)", "", count)

    def accepted(self, count: int) -> str:
        """The status line's, once they are."""
        return self.tr("Accepted %n suggestion(s).", "", count)

    def _document_id(self) -> str:
        document_id = self._window.current_document_id
        assert document_id is not None
        return document_id

    def _stored_ids(self, suggestions: list[Suggestion]) -> tuple[str, ...]:
        """The span ids of ``suggestions``, each a stored one on the shown document."""
        ids = self._ids[self._document_id()]
        assert all(suggestion in ids for suggestion in suggestions)
        return tuple(ids[suggestion] for suggestion in suggestions)

    def reject(self, suggestion: Suggestion) -> None:
        [stored_id] = self._stored_ids([suggestion])
        command = RejectSuggestion(self._document_id(), self._window.annotator, stored_id)
        self._generation += 1
        self._push(RejectSuggestionStep, command, lambda: self.tr("Reject suggestion"))

    def accept_above(self, threshold: float) -> None:
        """Every stored suggestion on the shown document scored ``threshold`` or more, as one
        undo step."""
        window = self._window
        document_id = window.current_document_id
        if document_id is None:
            return
        command = accept_above(window.project, document_id, window.annotator, threshold)
        count = len(command.suggestion_ids)
        if not count:
            window.tell(self.tr("No suggestion here is scored %1 or more.").replace("%1", f"{threshold:g}"))
            return
        if self._accepted(command, self._describe_accepting(count)):
            window.tell(self.accepted(count))
