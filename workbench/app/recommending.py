"""Suggestions that learn from the project (issue 15): filling the reserved set ``suggestions``
from the recommenders, keeping the CRF model trained, and the annotator's accept and reject.

Every function here may run off the GUI thread (no Qt); each write is one transaction. Nothing
reaches an annotator's set but through ``AcceptSuggestions``, a command the annotator applies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

from workbench.app.changes import Change, Command
from workbench.app.suggestions import labelled_beyond, names_nest
from workbench.core.errors import WorkbenchError
from workbench.core.model import SUGGESTIONS, Span
from workbench.core.progress import CancelCheck, Progress, never, no_progress
from workbench.core.recommenders import Recommendation, TrainingDocument, best_per_range, without_rejected
from workbench.core.recommenders.command import run_command
from workbench.core.recommenders.crf import Contexts, CrfModel, contexts_of
from workbench.core.recommenders.crf_process import train_crf_apart
from workbench.core.recommenders.gazetteer import gazetteer_of, labelled_texts
from workbench.core.recommenders.trained import (
    Recommend,
    crf_recommender,
    strings_recommender,
)
from workbench.core.suggestions import TakenSpans
from workbench.store import editing
from workbench.store.editing import Removal
from workbench.store.project import Project
from workbench.store.reading import document_text
from workbench.store.recommending import (
    documents_to_suggest,
    forget_rejection,
    has_training_spans,
    load_model,
    project_texts,
    rejected_strings,
    save_model,
    store_suggestions,
    suggestion_spans,
    training_document_count,
    training_documents,
)
from workbench.store.throughput import log_action, record_action

RECOMMENDERS = ("strings", "crf", "command")
RETRAIN_AFTER = 5
"""Documents done since the CRF was trained that make it worth training again."""
RETRAIN_EACH_BELOW = 10
"""While fewer documents than this are done, the CRF is trained again after each one: a model of
a few documents gains the most from one more, and trains in well under a second. Replaying
ANERcorp, actions with/without 0.740 -> 0.737 one by one."""


def retrain_due(documents: int, trained_on: int) -> bool:
    """Whether a model trained on ``trained_on`` documents is due for training again now that
    ``documents`` are done."""
    return documents - trained_on >= (1 if documents < RETRAIN_EACH_BELOW else RETRAIN_AFTER)


# -- the CRF model ------------------------------------------------------------------------------


TRAINING_CHARACTERS = 300_000
"""How much of the training documents' text the recommenders learn from, from the first
training document (about 100 news articles; ANERcorp's test part, 150,000 characters, whole), as
the CRF learns the company of words from a sample (``CONTEXT_CHARACTERS``). On a project of
10,000 documents of 3,000 characters imported as gold, the recommenders learnt from all of them
after each document marked done: every text in memory, and still training after 15 minutes.
From 300,000 characters: 18.6 s of a worker's time, peak 153 MB (2,000,000: 109 s and 483 MB;
500,000: 29 s and 194 MB); the CRF's training is most of it."""


def needs_training(project: Project) -> bool:
    """Whether ``crf_model`` would train: more training documents than when the stored model was
    trained, as ``retrain_due`` says (or none stored and some spans to learn from). Counted, not
    read."""
    if not has_training_spans(project):
        return False
    stored = load_model(project, "crf")
    return stored is None or retrain_due(training_document_count(project), stored[1])


def crf_model(
    project: Project,
    *,
    retrain: bool | None = None,
    contexts: Callable[[], Contexts] | None = None,
    documents: Sequence[TrainingDocument] | None = None,
    cancelled: CancelCheck = never,
) -> CrfModel | None:
    """The project's CRF: the stored one, trained again first when ``needs_training`` (or
    ``retrain``) says so, on ``documents`` (the training sample, read now unless the caller has
    read it) with the ``contexts`` of the project's texts (``project_contexts``, read only then,
    through ``contexts`` when given); None when there is nothing to learn from yet. A training
    stops with ``Cancelled`` once ``cancelled()``."""
    if retrain if retrain is not None else needs_training(project):
        if documents is None:
            documents = training_documents(project, TRAINING_CHARACTERS)
        if any(document.spans for document in documents):
            model = train_crf_apart(
                documents, contexts() if contexts is not None else project_contexts(project), cancelled
            )
            save_model(project, "crf", model.data, training_document_count(project))
            return model
    stored = load_model(project, "crf")
    return None if stored is None else CrfModel(*stored)


CONTEXT_CHARACTERS = 1_000_000
"""How much of the project's texts ``project_contexts`` reads, from its first document: the words'
company is learnt from a sample, not from every text. Read whole, the 10,000 documents of
3,000 characters of the scale benchmark took 27.9 s of processor time at each fill and each
training, with every text in memory at once; a million characters take about 1 s. A corpus
the size of ANERcorp's test part (about 150,000 characters) is read whole."""


def project_contexts(project: Project) -> Contexts:
    """The company each word keeps in the project's texts, labelled or not (``crf.contexts_of``;
    the first ``CONTEXT_CHARACTERS`` of them): the CRF is trained and suggests with them."""
    return contexts_of(project_texts(project, CONTEXT_CHARACTERS))


# -- filling suggestions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Filled:
    documents: int
    suggestions: int
    by_recommender: dict[str, int]


def recommenders_for(
    project: Project, names: Sequence[str], command: str | None = None, cancelled: CancelCheck = never
) -> dict[str, Recommend]:
    """The named recommenders, ready to run on texts (the CRF trained first if it is due).
    Strings and the CRF together are one recommender, as evaluated (``trained.LEARNING``'s
    ``strings+crf``): the gazetteer's matches only where the CRF found nothing overlapping;
    the strings alone while there is no model yet."""
    unknown = [name for name in names if name not in RECOMMENDERS]
    if unknown:
        raise WorkbenchError(f"no recommender {unknown[0]!r} (there are {', '.join(RECOMMENDERS)})")
    documents = training_documents(project, TRAINING_CHARACTERS)
    beyond = labelled_beyond(project, labelled_texts(documents))  # learnt as strings alone
    gazetteer = gazetteer_of(documents, beyond, rejected_strings(project))
    chosen: dict[str, Recommend] = {}
    contexts = cache(partial(project_contexts, project))  # read once, and only for a model
    model = crf_model(project, contexts=contexts, documents=documents, cancelled=cancelled) if "crf" in names else None
    if model is not None:
        chosen["crf"] = crf_recommender(model, gazetteer, with_strings="strings" in names, contexts=contexts())
    elif "strings" in names:
        chosen["strings"] = strings_recommender(gazetteer)
    if "command" in names:
        if not command:
            raise WorkbenchError("the command recommender needs --command")
        chosen["command"] = command_recommender(project, command)
    return chosen


def command_recommender(project: Project, command: str) -> Recommend:
    labels = [label.id for label in project.schema.entity_types]

    def recommend(text: str) -> list[Recommendation]:
        return run_command(command, [("document", text)], labels)["document"]

    return recommend


def fill_suggestions(
    project: Project,
    *,
    annotator: str | None = None,
    names: Sequence[str] = ("strings", "crf"),
    command: str | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never,
    document_ids: Sequence[str] | None = None,
) -> Filled:
    """Suggestions for every document ``annotator`` (or anyone, when None) has not done: those
    assigned to them, or ``document_ids`` (the window's, which lists every document). Cancelled,
    it stops between documents: each document's suggestions are stored whole or not at all, and
    ``Filled.documents`` counts those looked at; cancelled while the CRF trains, it stops with
    ``Cancelled`` and stores nothing. With no document to look at, no recommender is made."""
    if document_ids is None:
        document_ids = documents_to_suggest(project, annotator)
    if not document_ids:  # no model trained for nothing: 23 s on 10,000 documents all done
        return Filled(0, 0, {})
    recommenders = recommenders_for(project, names, command, cancelled)
    counts = dict.fromkeys((n for n in names if n in recommenders or n == "strings"), 0)
    total = looked_at = 0
    for document_id in document_ids:
        if cancelled():
            break
        found = document_suggestions(project, document_id, annotator, recommenders)
        for recommendation in found:
            counts[recommendation.recommender] += 1
        total += len(store_suggestions(project, document_id, found))
        looked_at += 1
        progress(looked_at, len(document_ids))
    return Filled(looked_at, total, counts)


def document_suggestions(
    project: Project, document_id: str, annotator: str | None, recommenders: dict[str, Recommend]
) -> list[Recommendation]:
    """What the recommenders suggest on one document, less what ``annotator`` rejected there
    and what the spans they have there hide (``core.suggestions.hides``)."""
    text = project.document(document_id).text
    found = [r for recommend in recommenders.values() for r in recommend(text)]
    who = [annotator] if annotator is not None else project.annotators()
    rejected = {r for name in who for r in project.rejected_suggestions(document_id, name)}
    own = project.span_entries(document_id, annotator) if annotator is not None else []
    taken = TakenSpans(((e.start, e.end, e.label) for e in own), names_nest(project))
    return best_per_range(without_rejected(found, rejected, taken))


def suggestions_on(
    project: Project, document_id: str, annotator: str, cancelled: CancelCheck = never
) -> list[Span]:
    """The stored suggestions the window shows ``annotator`` on a document (dashed, with their
    label): those they have not rejected and that their spans do not hide
    (``core.suggestions.hides``). ``Cancelled`` when ``cancelled()`` while the training
    documents are weighed (``names_nest``)."""
    rejected = project.rejected_suggestions(document_id, annotator)
    own = project.span_entries(document_id, annotator)
    taken = TakenSpans(((e.start, e.end, e.label) for e in own), names_nest(project, cancelled))
    return [
        span
        for span in suggestion_spans(project, document_id)
        if (span.start, span.end, span.label) not in rejected
        and not taken.hide(span.start, span.end, span.label)
    ]


# -- accepting and rejecting ---------------------------------------------------------------------


@dataclass
class AcceptSuggestions(Command):
    """Suggestions labelled in the annotator's set: one (Enter; the label's key gives ``label``,
    which relabels it), or all above a score (``accept_above``), in one transaction. The
    suggestions stay in the reserved set, which holds what the recommenders suggested to every
    annotator of the project: the new span hides each from this annotator
    (``core.suggestions.hides``). Revert takes the spans away again."""

    document_id: str
    annotator: str
    suggestion_ids: tuple[str, ...]
    label: str | None = None
    _accepted: tuple[Span, ...] = field(default=(), init=False, repr=False)
    _added: tuple[str, ...] = field(default=(), init=False, repr=False)
    _logged: bool = field(default=False, init=False, repr=False)

    @property
    def span_ids(self) -> tuple[str, ...]:
        """The annotator's spans the last apply made (empty before it, and when the annotator
        had them already)."""
        return self._added

    def apply(self, project: Project) -> Change:
        if not self.suggestion_ids:
            raise WorkbenchError("no suggestion to accept")
        self._accepted = tuple(
            _suggestion(project, span_id, self.document_id) for span_id in self.suggestion_ids
        )
        with project.writing() as conn:
            text = document_text(conn, self.document_id)  # once, not once a suggestion
            added = [
                span
                for suggestion in self._accepted
                for span in editing.add_spans(
                    conn, project.schema, self.document_id, self.annotator,
                    [(suggestion.start, suggestion.end)], self.label or suggestion.label, text=text,
                )
            ]
            if not self._logged:  # one a span was made for: accepting one they had is no work
                for _ in added:
                    record_action(conn, self.annotator, self.document_id, "accept")
        self._logged = True
        self._added = tuple(span.id for span in added)
        return Change(self.document_id, added=tuple(added))

    def revert(self, project: Project) -> Change:
        if self._added:
            project.delete_spans(self._added)
        _offer_again(project, self.document_id, self._accepted)
        return Change(self.document_id, removed=self._added)


@dataclass
class RejectSuggestion(Command):
    """A suggestion rejected (Backspace) for this annotator: remembered, so that no recommender
    offers it to them again. It stays in the reserved set for the project's other annotators."""

    document_id: str
    annotator: str
    suggestion_id: str
    _rejected: Span | None = field(default=None, init=False, repr=False)
    _logged: bool = field(default=False, init=False, repr=False)

    def apply(self, project: Project) -> Change:
        span = self._rejected = _suggestion(project, self.suggestion_id, self.document_id)
        project.reject_suggestion(self.document_id, self.annotator, span.start, span.end, span.label)
        if not self._logged:
            log_action(project, self.annotator, self.document_id, "reject")
            self._logged = True
        return Change(self.document_id)

    def revert(self, project: Project) -> Change:
        span = self._rejected
        assert span is not None, "revert follows an apply"
        forget_rejection(project, self.document_id, self.annotator, span.start, span.end, span.label)
        _offer_again(project, self.document_id, (span,))
        return Change(self.document_id)


def accept_above(
    project: Project, document_id: str, annotator: str, threshold: float
) -> AcceptSuggestions:
    """The command accepting every suggestion the window shows ``annotator`` on the document
    (``suggestions_on``: none their spans hide) scored ``threshold`` or more (not applied yet:
    the caller applies it, or pushes it on the window's undo stack)."""
    chosen = [
        span.id
        for span in suggestions_on(project, document_id, annotator)
        if float(span.attributes.get("score", 0.0)) >= threshold
    ]
    return AcceptSuggestions(document_id, annotator, tuple(chosen))


def _offer_again(project: Project, document_id: str, suggestions: Sequence[Span]) -> None:
    """Put back in the reserved set those of ``suggestions`` that a fill since the annotator's
    accept or reject left out (a fill for them leaves out what their spans hide and what they
    rejected): their undo gives back what they saw."""
    stored = {(s.start, s.end, s.label) for s in suggestion_spans(project, document_id)}
    missing = tuple(s for s in suggestions if (s.start, s.end, s.label) not in stored)
    if missing:
        project.restore(Removal(document_id, SUGGESTIONS, missing))


def _suggestion(project: Project, span_id: str, document_id: str) -> Span:
    """The stored suggestion ``span_id`` on the document; any other span is refused."""
    span, owner_document, owner = project.span_owner(span_id)
    if owner != SUGGESTIONS or owner_document != document_id:
        raise WorkbenchError(f"span {span_id} is not a suggestion on document {document_id}")
    return span
