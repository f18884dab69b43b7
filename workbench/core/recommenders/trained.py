"""Recommenders trained on a list of documents, as one function from a text to its
recommendations: what evaluation and the project's use cases both run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from workbench.core.recommenders import Recommendation, TrainingDocument, merged
from workbench.core.recommenders.crf import CrfModel, CrfTagger, train_crf
from workbench.core.recommenders.gazetteer import (
    Gazetteer,
    gazetteer_of,
    recommend_strings,
)
from workbench.core.recommenders.words import sentences_of

Recommend = Callable[[str], list[Recommendation]]
LEARNING = ("strings", "crf", "strings+crf")
"""The recommenders that learn from the project, by name."""


def strings_recommender(gazetteer: Gazetteer) -> Recommend:
    return lambda text: recommend_strings(gazetteer, sentences_of(text))


def crf_recommender(model: CrfModel, gazetteer: Gazetteer, with_strings: bool = False) -> Recommend:
    tagger = CrfTagger(model)

    def recommend(text: str) -> list[Recommendation]:
        sentences = sentences_of(text)
        found = tagger.recommend(sentences, gazetteer)
        return merged(found, recommend_strings(gazetteer, sentences)) if with_strings else found

    return recommend


def trained(
    name: str,
    documents: Sequence[TrainingDocument],
    strings: Iterable[tuple[str, str]] = (),
    rejected: Iterable[tuple[str, str]] = (),
) -> Recommend:
    """Recommender ``name`` of ``LEARNING`` trained on ``documents`` (and, for the gazetteer,
    more labelled ``strings`` and the ``rejected`` suggestions)."""
    gazetteer = gazetteer_of(documents, strings, rejected)
    if name == "strings":
        return strings_recommender(gazetteer)
    return crf_recommender(train_crf(documents), gazetteer, with_strings=name == "strings+crf")
