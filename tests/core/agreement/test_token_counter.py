"""The token study counted in batches of documents laid end to end (``TokenCounter``, issue 16)
holds exactly the columns of the definitions, counted one token at a time: whatever the batch
size, so also when a batch ends inside the corpus."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.agreement import MISSING, Codebook, DocumentAnnotations, entity_spans
from workbench.core.agreement.documents import EntitySpan
from workbench.core.agreement.report_tokens import Column, TokenCounter

from .strategies import Corpus, corpora

Values = tuple[str | None, ...]


def value_of(spans: tuple[EntitySpan, ...], start: int, end: int) -> str:
    """The label of the longest spans overlapping the token, ties joined by '|', else 'O'."""
    overlapping = [(e - s, label) for s, e, label in spans if s < end and start < e]
    if not overlapping:
        return "O"
    longest = max(length for length, _ in overlapping)
    return "|".join(sorted({label for length, label in overlapping if length == longest}))


def finished_entities(
    document: DocumentAnnotations, annotators: tuple[str, ...]
) -> dict[str, tuple[EntitySpan, ...]]:
    return {
        a: entity_spans(document.sets[a], document.text_length)
        for a in document.finished_among(annotators)
    }


class Reference:
    """The study's counts made from the definitions, token by token."""

    def __init__(self, corpus: Corpus) -> None:
        self.columns: Counter[Values] = Counter()
        self.patterns: Counter[Column] = Counter()
        self.labelled: dict[str, Counter[Column]] = {}
        self.labelled_by_pattern: dict[str, Counter[Column]] = {}
        for document in corpus.build():
            entities = finished_entities(document, corpus.annotators)
            pattern = tuple(0 if a in entities else MISSING for a in corpus.annotators)
            for start, end in document.tokens:
                self.patterns[pattern] += 1
                self.columns[
                    tuple(
                        value_of(entities[a], start, end) if a in entities else None
                        for a in corpus.annotators
                    )
                ] += 1
                self.count_labels(entities, pattern, start, end, corpus.annotators)

    def count_labels(
        self,
        entities: dict[str, tuple[EntitySpan, ...]],
        pattern: Column,
        start: int,
        end: int,
        annotators: tuple[str, ...],
    ) -> None:
        labels = {label for spans in entities.values() for s, e, label in spans if s < end and start < e}
        for label in labels:
            column = tuple(
                MISSING
                if a not in entities
                else int(any(x == label and s < end and start < e for s, e, x in entities[a]))
                for a in annotators
            )
            self.labelled.setdefault(label, Counter())[column] += 1
            self.labelled_by_pattern.setdefault(label, Counter())[pattern] += 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(min_annotators=1, max_annotators=4, max_documents=6), st.integers(1, 80))
def test_the_study_counted_in_batches_is_the_study_of_the_definitions(
    corpus: Corpus, batch_tokens: int
) -> None:
    codebook = Codebook()
    counter = TokenCounter(corpus.annotators, codebook, batch_tokens)
    for document in corpus.build():
        counter.add(document.tokens, document.text_length, finished_entities(document, corpus.annotators))
    study = counter.study()
    reference = Reference(corpus)

    decoded: Counter[Values] = Counter()
    for column, weight in zip(study.columns.T.tolist(), study.weights.tolist(), strict=True):
        decoded[tuple(None if code == MISSING else codebook.values[code] for code in column)] += weight
    assert decoded == +reference.columns
    assert +study.patterns == +reference.patterns
    assert {k: +v for k, v in study.labelled.items()} == reference.labelled
    assert {k: +v for k, v in study.labelled_by_pattern.items()} == reference.labelled_by_pattern
