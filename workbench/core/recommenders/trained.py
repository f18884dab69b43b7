"""Recommenders trained on a list of documents, as one function from a text to its
recommendations: what evaluation and the project's use cases both run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from workbench.core.recommenders import Recommendation, TrainingDocument, merged
from workbench.core.recommenders.crf import NAME, NO_CONTEXTS, Contexts, CrfModel, CrfTagger, train_crf
from workbench.core.recommenders.gazetteer import (
    Gazetteer,
    Key,
    gazetteer_of,
    recommend_strings,
)
from workbench.core.recommenders.words import Word, sentences_of, stems_of

Recommend = Callable[[str], list[Recommendation]]
LEARNING = ("strings", "crf", "strings+crf")
"""The recommenders that learn from the project, by name."""
READING_A_CRF = ("crf", "strings+crf")
"""Those of ``LEARNING`` that suggest with a CRF trained on the documents."""
STRINGS_OVER_CRF = 0.7
"""The share a string needs to be suggested where the CRF, which reads the gazetteer's tags
too, found nothing: such a match is one the model passed over in its context. 4-fold
cross-validation inside ANERcorp's training share: those scoring 0.3 to 0.6 were right 2 times
in 25, those over 0.6 9 in 19; strings + CRF F1 0.621 with the strings recommender's 0.3, 0.624
with 0.7, the CRF alone 0.623."""


def strings_recommender(gazetteer: Gazetteer) -> Recommend:
    return lambda text: recommend_strings(gazetteer, sentences_of(text))


def crf_recommender(
    model: CrfModel, gazetteer: Gazetteer, with_strings: bool = False, contexts: Contexts = NO_CONTEXTS
) -> Recommend:
    """The CRF's suggestions (``contexts`` as it was trained with: ``crf.contexts_of`` the
    project's texts), and with the strings' where it found nothing."""
    tagger = CrfTagger(model)

    def recommend(text: str) -> list[Recommendation]:
        sentences = sentences_of(text)
        found = [
            r
            for r in tagger.recommend(sentences, gazetteer, contexts)
            if not gazetteer.turned_down(text[r.start : r.end], r.label)
        ]
        found = merged(found, elsewhere_in_document(found, text, sentences))
        if with_strings:
            found = merged(found, recommend_strings(gazetteer, sentences, min_score=STRINGS_OVER_CRF))
        return found

    return recommend


def elsewhere_in_document(
    found: Sequence[Recommendation], text: str, sentences: Sequence[Sequence[Word]]
) -> list[Recommendation]:
    """The other places of the document where a string ``found`` there occurs (clitics and
    all, as the strings recommender finds it), with its label and its best score: a name the
    model sees in one context is the same name in another, where the context says less."""
    own = Gazetteer()
    scores: dict[tuple[Key, str], float] = {}
    for recommendation in found:
        string = text[recommendation.start : recommendation.end]
        own.add(string, recommendation.label)
        key = (stems_of(string), recommendation.label)
        scores[key] = max(scores.get(key, 0.0), recommendation.score)
    return [
        replace(r, score=scores[(stems_of(text[r.start : r.end]), r.label)], recommender=NAME)
        for r in recommend_strings(own, sentences, min_score=0.0)
    ]


def trained(
    name: str,
    documents: Sequence[TrainingDocument],
    strings: Iterable[tuple[str, str]] = (),
    rejected: Iterable[tuple[str, str]] = (),
    contexts: Contexts = NO_CONTEXTS,
    gazetteer: Gazetteer | None = None,
    model: CrfModel | None = None,
) -> Recommend:
    """Recommender ``name`` of ``LEARNING`` trained on ``documents`` (and, for the gazetteer,
    more labelled ``strings`` and the ``rejected`` suggestions; for the CRF, the ``contexts`` of
    the project's texts). ``gazetteer``: their ``gazetteer_of``, and ``model``: the CRF trained
    on them (``train_crf``), when they are made already."""
    gazetteer = gazetteer if gazetteer is not None else gazetteer_of(documents, strings, rejected)
    if name not in READING_A_CRF:
        return strings_recommender(gazetteer)
    model = model if model is not None else train_crf(documents, contexts)
    return crf_recommender(model, gazetteer, with_strings=name == "strings+crf", contexts=contexts)
