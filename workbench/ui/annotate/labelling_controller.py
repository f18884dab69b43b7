"""Labelling in the annotator's window, and the suggestions that follow it.

A label's hotkey or palette entry labels the selected text (snapped to words) or relabels the
selected span; the inspector relabels, sets attributes and notes; the search's matches are
labelled all at once after a preview; a span is deleted after a question when an event or a role
goes with it. Each edit is pushed through the window (``MainWindow._push``), which shows its change.

Labelling a word, or accepting a suggestion, offers its other occurrences in the document as
suggestions, and for a name of a label named by its last word (``gazetteer.part_labels``: a
person's last name) that word where it stands alone (``core.suggestions.places_elsewhere``; and the
suggestion builder adds those of every labelled span in the project, ``stored_suggestions`` the
recommenders' stored ones): Enter or a label's key accepts one (logged "accept"), Backspace or
Escape rejects it (remembered in the project file, logged "reject"); the suggestion keys of
``actions.py`` go from one to the next. Suggestions are drawn dashed in their label's colour.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.app import changes
from workbench.app.changes import Command, relabelled
from workbench.app.suggestions import DocumentOffer, reject_in_document
from workbench.core.errors import WorkbenchError
from workbench.core.model import Span
from workbench.core.normalize import NormalizedText, find_all, normalize
from workbench.core.suggestions import (
    DocumentSuggestions,
    Range,
    Suggestion,
    offered_one_by_one,
    places_elsewhere,
    same_name,
)
from workbench.ui import i18n
from workbench.ui.annotate.drawn_suggestions import DrawnSuggestions
from workbench.ui.annotate.inspector import NO_VALUE
from workbench.ui.annotate.label_all_dialog import LabelAllDialog, preview_label_all
from workbench.ui.annotate.stored_suggestions import StoredSuggestions
from workbench.ui.background import QuietTask
from workbench.ui.commands import AddSpans, DeleteSpans, Describe, ResizeSpan, S, UpdateSpan
from workbench.ui.error_words import error_words
from workbench.ui.label_style import label_colours

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow


SEARCH_AFTER_MS = 16
"""A frame: the new span's paint, in the next turn of the event loop, comes first."""


class Push(Protocol):
    """Apply a command and put its step on the window's undo stack; None when it was refused."""

    def __call__(self, step: type[S], command: Command, describe: Describe, /) -> S | None: ...
Found = tuple[str, int, int, str, list[Range], NormalizedText]
"""(document id, start, end, label) of a span just labelled, the places offered with its label
(``places_elsewhere``), and the document's normalized view they were found in."""
NamePlaces = tuple[str, Suggestion, list[Suggestion]]
"""(document id, a suggestion, the other suggestions of its name and label on offer)."""


class LabellingController(QObject):
    """Labels, relabels, attributes, notes, deletions and suggestions for ``window``; edits go
    through ``push``. ``suggestions`` (per document) are shared with the window, whose changes
    withdraw the suggestions they label."""

    _occurrences_found = Signal(object)
    """A ``Found`` from the worker: a signal of this object, so that nothing arrives once the
    window is gone."""
    _name_places_found = Signal(object)
    """``NamePlaces`` from the worker, likewise."""

    def __init__(self, window: MainWindow, push: Push) -> None:
        super().__init__(window)
        self._window = window
        self._push = push
        self.suggestions: defaultdict[str, DocumentSuggestions] = defaultdict(DocumentSuggestions)
        self._current_suggestion: Suggestion | None = None
        self.stored = StoredSuggestions(window, self.suggestions, push, self.show_suggestions)
        self._occurrences_found.connect(self._offer_suggestions)
        self._name_places_found.connect(self._accept_name_places)

    def connect_widgets(self) -> None:
        """The label palette, the inspector, the search panel's Label all, and the text view,
        which draws the suggestions."""
        window = self._window
        colours = partial(label_colours, window.schema)
        window.text_view.set_suggestion_source(DrawnSuggestions(self._shown_suggestions, colours))
        window.label_palette.labelChosen.connect(self.apply_label)
        window.inspector.labelChosen.connect(self._relabel_inspected)
        window.inspector.attributeChosen.connect(self._set_attribute)
        window.inspector.noteEdited.connect(self._set_note)
        window.search_panel.labelAllRequested.connect(self.label_all_matches)
        window.text_view.spanRangeRequested.connect(self.move_span)

    @property
    def current_suggestion(self) -> Suggestion | None:
        """The suggestion Enter accepts now, if any."""
        return self._current_suggestion

    def clear_current_suggestion(self) -> None:
        self._current_suggestion = None

    def text_selected(self, start: int, end: int) -> None:
        """A new text selection is the current suggestion when it is one (a suggested word
        selected with the mouse: Enter accepts it)."""
        document_id = self._window.current_document_id
        suggestions = self.suggestions[document_id] if document_id else None
        self._current_suggestion = suggestions.at(start, end) if suggestions else None
        self.enable_suggestion_keys()

    def apply_label(self, label: str) -> None:
        """A label's hotkey or palette entry: label the selected text, or, with no text selected,
        relabel the selected span."""
        if self._window.current_document_id is None:
            return
        selection = self._window.text_view.current_selection()
        if self._on_current_suggestion():
            self.accept_suggestion(label)
        elif selection is not None:
            self._label_selection(selection, label)
        elif self._window.text_view.selected_span_id is not None:
            self._relabel(self._window.text_view.selected_span_id, label)
        else:
            self._window.tell(self.tr("Select some text to label, or click a span to relabel it."))

    def _on_current_suggestion(self) -> bool:
        """Whether the text selected is the current suggestion (a label's key accepts it)."""
        suggestion = self._current_suggestion
        selected = self._window.text_view.current_selection(exact=True)
        return suggestion is not None and selected == (suggestion.start, suggestion.end)

    def _label_selection(self, selection: tuple[int, int], label: str) -> None:
        """A new span on the selection, which is then the selected span: a second key relabels it."""
        step = self._add_spans([selection], label)
        if step is None:
            return
        [span_id] = step.command.span_ids
        self._collapse_text_selection()
        self._window.select_span(span_id, scroll=False)
        self._offer_suggestions_later(*selection, label)

    def label_all_matches(self, label: str) -> LabelAllDialog | None:
        """The search's matches in this document as whole words, in a list to tick; those
        ticked get ``label``, as one undoable step. They are found in the document here, not
        taken from the search's results: a search of all documents may not have reached it yet,
        or may have stopped at its limit before it."""
        document_id = self._window.current_document_id
        query = self._window.search_panel.field.text()
        ranges = (
            find_all(self._window.text, query, self._window.texts.normalized(document_id))
            if document_id is not None and query.strip()
            else []
        )
        if not ranges:
            self._window.tell(self.tr("No matches in this document."))
            return None
        return preview_label_all(
            self._window,
            self._window.text,
            ranges,
            self._window.label_name(label),
            lambda span: self._window.span_model.is_labelled(span[0], span[1], label),
            partial(self._label_all, label),
        )

    def _label_all(self, label: str, ranges: list[tuple[int, int]]) -> None:
        step = self._add_spans(ranges, label) if ranges else None
        if step is not None:
            count = len(step.command.span_ids)
            self._window.tell(self.tr("Labelled %n match(es).", "", count))

    def _add_spans(
        self, ranges: list[tuple[int, int]], label: str, action: str = "create"
    ) -> AddSpans | None:
        """Push the spans the annotator does not have yet (logged as ``action``); None when
        there are none."""
        document_id = self._window.current_document_id
        if document_id is None:
            return None
        fresh = [r for r in ranges if not self._window.span_model.is_labelled(r[0], r[1], label)]
        if not fresh:
            self._window.tell(self.tr("That is labelled %1 already.").replace("%1", label))
            return None
        count = len(fresh)

        def describe() -> str:
            return self.tr("Label %n span(s) as %1", "", count).replace("%1", label)

        window = self._window
        command = changes.AddSpans(document_id, window.annotator, fresh, label, window.text, action)
        return self._push(AddSpans, command, describe)

    def _relabel(self, span_id: str, label: str) -> None:
        before = self._window.stored_span(span_id)
        if before.label == label:
            return
        if self._window.schema.has_event(before.label):
            self._window.tell(self.tr("This span is an event trigger: change its type in the events panel."))
            return
        if self._window.span_model.is_labelled(before.start, before.end, label):
            self._window.tell(self.tr("That is labelled %1 already.").replace("%1", label))
            return
        after = relabelled(before, label, self._window.schema)
        self._update_span(before, after, lambda: self.tr("Relabel as %1").replace("%1", label))
        self._offer_suggestions_later(before.start, before.end, label)

    def move_span(self, span_id: str, start: int, end: int) -> None:
        """A span's ends moved by key or by a drag: one undoable step; the span stays selected."""
        document_id = self._window.current_document_id
        if document_id is None:
            return
        before = self._window.stored_span(span_id)
        after = replace(before, start=start, end=end, text=self._window.text[start:end])
        if (after.start, after.end) == (before.start, before.end):
            return
        command = changes.ResizeSpan(document_id, before, after)
        self._push(ResizeSpan, command, lambda: self.tr("Move span ends"))

    def _relabel_inspected(self, label: str) -> None:
        if self._window.inspector.span is not None:
            self._relabel(self._window.inspector.span.id, label)

    def _set_attribute(self, name: str, value: str) -> None:
        span = self._window.inspector.span
        if span is None:
            return
        before = self._window.stored_span(span.id)
        attributes = dict(before.attributes)
        if value == NO_VALUE:
            attributes.pop(name, None)
        else:
            attributes[name] = value
        if attributes != before.attributes:
            after = replace(before, attributes=attributes)
            known = self._window.schema.attributes_for_entity(before.label)
            [attribute] = [a for a in known if a.name == name]

            def describe() -> str:
                return self.tr("Set %1").replace("%1", attribute.title(i18n.current_language().value))

            self._update_span(before, after, describe)

    def _set_note(self, note: str) -> None:
        span = self._window.inspector.span
        if span is not None:
            before = self._window.stored_span(span.id)
            after = replace(before, note=note)
            self._update_span(before, after, lambda: self.tr("Edit note"))

    def _update_span(self, before: Span, after: Span, describe: Describe) -> None:
        document_id = self._window.current_document_id
        if document_id is not None:
            self._push(UpdateSpan, changes.UpdateSpan(document_id, before, after), describe)

    def delete_selected_span(self) -> None:
        """Delete the selected span; ask first when an event or a role would go with it."""
        span_id = self._window.text_view.selected_span_id
        document_id = self._window.current_document_id
        if span_id is None or document_id is None:
            self._window.tell(self.tr("Click a span to select it first."))
            return
        if not self._deletion_confirmed(span_id):
            return
        deletion = changes.DeleteSpans(document_id, (span_id,))
        self._push(DeleteSpans, deletion, lambda: self.tr("Delete span"))

    def _deletion_confirmed(self, span_id: str) -> bool:
        dependents = self._window.project.dependents(span_id)
        events, roles = len(dependents.triggered_events), len(dependents.filled_roles)
        if not events and not roles:
            return True
        question = " ".join(
            part
            for part in (
                self.tr("This span triggers %n event(s), which will be deleted with it.", "", events) if events else "",
                self.tr("It fills %n event role(s), which will be emptied.", "", roles) if roles else "",
                self.tr("Delete it?"),
            )
            if part
        )
        return self._window.confirm(self._window, self.tr("Delete span"), question)

    def _collapse_text_selection(self) -> None:
        cursor = self._window.text_view.textCursor()
        cursor.clearSelection()
        self._window.text_view.setTextCursor(cursor)

    # -- suggestions --------------------------------------------------------------------------

    def _offer_suggestions_later(self, start: int, end: int, label: str) -> None:
        """Find the other occurrences on a worker thread (a common word of a long document takes
        longer than a frame: في, 6,841 times in a million characters, 58 ms; the document's
        normalized view, made there at its first label, 0.1 s more), and offer them when they
        arrive, if the span is still there. The search starts ``SEARCH_AFTER_MS`` later, once the
        new span is painted: run meanwhile, it held the GIL while the GUI thread painted, which
        waited for it up to the switch interval (5 ms) at every turn: a label's frame took
        24-30 ms of wall time at p95 for 8-9 ms of the GUI thread's processor time."""
        document_id = self._window.current_document_id
        if document_id is None:
            return
        kept, text = self._window.texts.kept_normalized(document_id), self._window.text
        last_word = label in self.suggestions[document_id].parts

        def find(*_: object) -> Found:
            normalized = kept or normalize(text)
            return document_id, start, end, label, places_elsewhere(normalized, start, end, last_word), normalized

        task = QuietTask(find)
        task.succeeded.connect(self._occurrences_found)
        QTimer.singleShot(SEARCH_AFTER_MS, self, lambda: task.start())

    def _offer_suggestions(self, occurrences_found: Found) -> None:
        document_id, start, end, label, found, normalized = occurrences_found
        self._window.texts.keep_normalized(document_id, normalized)
        if document_id != self._window.current_document_id or not self._window.span_model.is_labelled(
            start, end, label
        ):
            return
        if not offered_one_by_one(found):
            self._window.tell(
                self.tr("«%1» occurs %2 more times: search for it to label them all at once.")
                .replace("%1", self._window.text[start:end])
                .replace("%2", str(len(found)))
            )
            return
        suggestions = self.suggestions[document_id]
        suggestions.offer(found, label, self._window.span_model.taken_spans(suggestions.nested))
        self.show_suggestions(found)

    def show_suggestions(self, places: Iterable[Range] | None = None) -> None:
        """Show the suggestions again: those on ``places`` changed, or any (None)."""
        self._window.text_view.suggestions_changed(places)

    def _shown_suggestions(self) -> DocumentSuggestions | None:
        document_id = self._window.current_document_id
        return None if document_id is None else self.suggestions.get(document_id)

    def go_to_suggestion(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) suggestion, for Enter or Escape."""
        if self._window.current_document_id is None:
            return
        selection = self._window.text_view.current_selection(exact=True)
        position = selection[0] if selection else 0
        suggestions = self.suggestions[self._window.current_document_id]
        suggestion = suggestions.following(self._current_suggestion, position, step)
        if suggestion is None:
            self._current_suggestion = None
            self._window.tell(self.tr("No suggestions in this document."))
        else:
            self._show_suggestion(suggestion)
        self.enable_suggestion_keys()

    def _show_suggestion(self, suggestion: Suggestion) -> None:
        self._window.select_span(None, scroll=False)
        self._current_suggestion = suggestion
        self._window.text_view.scroll_to(suggestion.start)
        self._window.text_view.select_range(suggestion.start, suggestion.end)
        self._window.text_view.setFocus()
        self._window.tell(
            self.tr(
                "Suggestion: %1. Enter accepts it, Shift+Enter everywhere in the document; "
                "Backspace or Escape rejects it."
            )
            .replace("%1", self._window.label_name(suggestion.label))
        )

    def accept_suggestion(self, label: str | None = None) -> None:
        """Enter (``label`` None: the suggested label) or a label's key on the current suggestion."""
        suggestion = self._current_suggestion
        if suggestion is None:
            return
        if self.stored.holds(suggestion):
            span_id = self.stored.accept(suggestion, label)
        else:
            step = self._add_spans([(suggestion.start, suggestion.end)], label or suggestion.label, "accept")
            span_id = step.command.span_ids[0] if step is not None else None
        if span_id is not None:
            self._collapse_text_selection()
            self._after_suggestion(suggestion, span_id)
            self._offer_suggestions_later(suggestion.start, suggestion.end, label or suggestion.label)

    def accept_everywhere(self) -> None:
        """Shift+Enter on the current suggestion: it and every other one of its name and label
        in the document (``core.suggestions.same_name``), the recommenders' and the
        document's own, in one undo step. The others are found on a worker thread: a long
        document offers tens of thousands of suggestions (15,000 on a million characters: 12 ms
        to go through)."""
        suggestion = self._current_suggestion
        document_id = self._window.current_document_id
        if suggestion is None or document_id is None:
            return
        offered, text = list(self.suggestions[document_id].offered), self._window.text

        def find(*_: object) -> NamePlaces:
            return document_id, suggestion, same_name(text, suggestion, offered)

        task = QuietTask(find)
        task.succeeded.connect(self._name_places_found)
        task.start()

    def _accept_name_places(self, found: NamePlaces) -> None:
        """Accept the suggestion and its name's other places found, those still on offer; in
        the document they were found in while it is shown, and in an open window (a closed
        one, whose project may be closed with it, makes no more edits)."""
        document_id, suggestion, places = found
        if self._window.is_closed or document_id != self._window.current_document_id:
            return
        offered = self.suggestions[document_id].offered
        if suggestion not in offered:
            return  # accepted or rejected meanwhile
        chosen = [suggestion, *(place for place in places if place in offered)]
        stored = [place for place in chosen if self.stored.holds(place)]
        own = [(place.start, place.end) for place in chosen if not self.stored.holds(place)]
        with self._one_undo_step(self.stored.accepting(len(chosen)), bool(stored and own)):
            span_ids = [
                *(self.stored.accept_all(stored) if stored else ()),
                *self._accepted_own(own, suggestion.label),
            ]
        if not span_ids:
            return
        if self._current_suggestion == suggestion:
            self._collapse_text_selection()
            self._after_suggestion(suggestion, span_ids[0])
        self._offer_suggestions_later(suggestion.start, suggestion.end, suggestion.label)
        self._window.tell(self.stored.accepted(len(span_ids)))

    def _accepted_own(self, ranges: list[tuple[int, int]], label: str) -> tuple[str, ...]:
        """The spans made of the document's own suggestions on ``ranges`` (none: nothing)."""
        step = self._add_spans(ranges, label, "accept") if ranges else None
        return step.command.span_ids if step is not None else ()

    @contextmanager
    def _one_undo_step(self, text: str, several: bool) -> Iterator[None]:
        """The commands pushed inside, when ``several``, undone and redone together as ``text``."""
        stack = self._window.undo_stack
        if several:
            stack.beginMacro(text)
        try:
            yield
        finally:
            if several:
                stack.endMacro()

    def reject_suggestion(self) -> None:
        suggestion = self._current_suggestion
        if suggestion is None or self._window.current_document_id is None:
            return
        if self.stored.holds(suggestion):
            self.stored.reject(suggestion)
        else:
            self._remember_rejection(self._window.current_document_id, suggestion)
        self.suggestions[self._window.current_document_id].reject(suggestion)
        self.show_suggestions([(suggestion.start, suggestion.end)])
        self._collapse_text_selection()
        self._after_suggestion(suggestion, None)

    def _after_suggestion(self, handled: Suggestion, new_span_id: str | None) -> None:
        """Go on to the next suggestion; after the last, select the span just made, if any."""
        assert self._window.current_document_id is not None
        following = self.suggestions[self._window.current_document_id].following(handled, handled.start, 1)
        self._current_suggestion = None
        if following is not None:
            self._show_suggestion(following)
        elif new_span_id is not None:
            self._window.select_span(new_span_id, scroll=False)
        self.enable_suggestion_keys()

    def use_built_suggestions(self, offer: DocumentOffer) -> None:
        """The document's suggestions from every labelled span in the project, built in the
        background, take the place of those on offer, with what the annotator did meanwhile
        (``DocumentSuggestions.take_over``)."""
        if offer.document_id != self._window.current_document_id:
            return
        labelled_since = self._window.span_model.labelled_since(offer.taken)
        self.suggestions[offer.document_id].take_over(offer.suggestions, labelled_since)
        self.show_suggestions()

    def _remember_rejection(self, document_id: str, suggestion: Suggestion) -> None:
        """Keep a rejection in the project file: it stays rejected after a restart."""
        try:
            reject_in_document(self._window.project, document_id, self._window.annotator, suggestion)
        except WorkbenchError as error:
            self._window.report_error(error_words(error))

    def enable_suggestion_keys(self) -> None:
        active = self._current_suggestion is not None
        self._window.menu_actions.accept_suggestion.setEnabled(active)
        self._window.menu_actions.accept_everywhere.setEnabled(active)
        self._window.menu_actions.reject_suggestion.setEnabled(active)
