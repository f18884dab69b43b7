"""Suggestions for a document as it opens: built from the spans labelled in the project, with
the annotator's rejections read from the file (run off the GUI thread: a long document and a
large project take longer than a frame).

A text of the training documents (gold, else done sets) is offered only when the project labels
it so in enough of the places it occurs there (``gazetteer.MIN_SCORE``, as the strings
recommender offers it); a text labelled only in unfinished work is offered as it is. Offered
whatever their evidence, a word labelled once by mistake (في as an organization) or one that
folds onto another (على onto علي) was offered at every occurrence: on ANERcorp, the annotator
then spent more actions with suggestions than without (1.03 times as many).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

from workbench.core.normalize import NormalizedText, normalize
from workbench.core.progress import CancelCheck, never
from workbench.core.recommenders.gazetteer import labelled_texts, part_labels, trusted_texts
from workbench.core.suggestions import (
    DocumentSuggestions,
    LabelledRange,
    Places,
    Suggestion,
    lexicon_suggestions,
)
from workbench.store.project import Project
from workbench.store.recommending import (
    rejected_strings,
    training_documents,
    training_spans_overlap,
    training_version,
)
from workbench.store.throughput import log_action


@dataclass(frozen=True)
class DocumentOffer:
    document_id: str
    suggestions: DocumentSuggestions
    """Built here, in text order, and handed to the window (which goes on with it: ordering a
    long document's tens of thousands takes longer than a frame)."""
    taken: frozenset[LabelledRange]
    """The annotator's spans it was built from (``DocumentSuggestions.take_over``)."""


def document_suggestions(
    project: Project, document_id: str, annotator: str, cancelled: CancelCheck = never
) -> DocumentOffer:
    """The offer; ``Cancelled`` when ``cancelled()`` while the training documents are weighed
    (the window that asked closed)."""
    document = project.document(document_id)
    taken = frozenset((e.start, e.end, e.label) for e in project.span_entries(document_id, annotator))
    rejected = project.rejected_suggestions(document_id, annotator)
    learnt = _learnt(project, cancelled)
    searched = _searched(document.sha256, document.text)
    found = lexicon_suggestions(
        searched.normalized, offered_texts(project), taken, rejected, learnt.nested, searched.places
    )
    offer = DocumentSuggestions(found, (Suggestion(*r) for r in rejected), learnt.nested, learnt.parts)
    return DocumentOffer(document_id, offer, taken)


def offered_texts(project: Project) -> set[tuple[str, str]]:
    """The (text, label) pairs offered at their occurrences (see above): those the weighed
    training documents trust, and those labelled only elsewhere."""
    learnt = _learnt(project)
    return set(learnt.texts) | labelled_beyond(project, learnt.weighed)


def labelled_beyond(project: Project, weighed: AbstractSet[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (text, label) pairs labelled in the project but not among ``weighed``, those of the
    training documents weighed: unfinished work, and training documents past the sample. The
    project has no evidence on them beyond their being labelled so."""
    return project.labelled_texts() - weighed


def names_nest(project: Project, cancelled: CancelCheck = never) -> bool:
    """Whether two entity spans of one training set overlap: then a suggestion of another
    label inside a span may be a nested name, and stays (``core.suggestions.hides``)."""
    return _learnt(project, cancelled).nested


@dataclass(frozen=True)
class _Searched:
    sha256: str
    normalized: NormalizedText
    places: Places


_SEARCHED: list[_Searched] = []
"""The last document text built for, normalized, with the places of the texts found in it
(``lexicon_suggestions``): the offer is built again after every edit, and a million characters
searched for 9,000 labelled texts took 6 s of a worker's time, holding the GIL from the window."""


def _searched(sha256: str, text: str) -> _Searched:
    """The kept search of ``text``, or a new one that replaces it. Builds run on worker threads,
    and two may run at once for two documents: each keeps hold of its own."""
    searched = _SEARCHED[0] if _SEARCHED else None
    if searched is None or searched.sha256 != sha256:
        searched = _Searched(sha256, normalize(text), {})
        _SEARCHED[:] = [searched]
    return searched


@dataclass(frozen=True)
class _Learnt:
    version: tuple[object, ...]
    texts: frozenset[tuple[str, str]]
    weighed: frozenset[tuple[str, str]]
    """Every (text, label) labelled in the training documents weighed: those not in ``texts``
    were labelled in too few of their places there."""
    nested: bool
    parts: frozenset[str]


_LEARNT: dict[Path, _Learnt] = {}
"""Per project file, ``trusted_texts`` of its training documents, whether their names nest, the
labels whose last words are offered (``part_labels``), and the ``training_version`` they were
computed at: the offer is built again after every edit, the training documents seldom change
meanwhile, and weighing them reads them."""

WEIGHED_CHARACTERS = 1_000_000
"""How much of the training documents' text the offer weighs its texts in, from the first
training document (about 330 news articles; ANERcorp's test part, 150,000 characters, is weighed
whole), as the CRF learns the company of words from a sample (``CONTEXT_CHARACTERS``). A text
labelled only beyond it is offered as unfinished work's is. Weighing every training document of
a project of 100,000 imported as gold read them all when the window opened: 5 minutes of a
worker's time and 440 MB, and the window could not close meanwhile."""


_WEIGHING: dict[Path, Lock] = {}
"""A project's lock, held while its training documents are weighed: two workers that want the
offer at once (as the window opens) weigh them once, the second waiting for the first's; another
project's offer does not wait."""
_WEIGHING_LOCKS = Lock()
"""Held while a project's lock is looked up or made."""


def _weighing(project: Project) -> Lock:
    with _WEIGHING_LOCKS:
        return _WEIGHING.setdefault(project.path, Lock())


def _learnt(project: Project, cancelled: CancelCheck = never) -> _Learnt:
    with _weighing(project):
        version = training_version(project)
        cached = _LEARNT.get(project.path)
        if cached is None or cached.version != version:
            documents = training_documents(project, WEIGHED_CHARACTERS, cancelled)
            texts = trusted_texts(documents, rejected_strings(project))
            cached = _Learnt(
                version, frozenset(texts), frozenset(labelled_texts(documents)),
                training_spans_overlap(project, cancelled), part_labels(documents),
            )  # fmt: skip
            _LEARNT[project.path] = cached
        return cached


def reject_in_document(
    project: Project, document_id: str, annotator: str, suggestion: Suggestion
) -> None:
    """Keep a rejected in-document suggestion in the project (it stays rejected after a
    restart) and log the rejection (throughput counts it against the accepted ones)."""
    project.reject_suggestion(
        document_id, annotator, suggestion.start, suggestion.end, suggestion.label
    )
    log_action(project, annotator, document_id, "reject")
