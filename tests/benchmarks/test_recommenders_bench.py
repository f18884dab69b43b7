"""The recommenders of issue 15 on ANERcorp (the shared corpora's CAMeL Lab test split), read by the
workbench's CoNLL importer with PERS mapped to the generic schema's PER, cut into documents of
10 sentences and shuffled (seed 0).

Printed: exact labeled span F1 of each recommender trained on 80% of the documents and scored on
the other 20% (targets: CRF >= 0.65, strings + CRF higher); the time to train the CRF on 20,000
tokens (target < 10 s); the time to suggest on a 3,000-character document (target < 50 ms); and
a replay of the corpus by an annotator who accepts the right suggestions, rejects the wrong ones
and labels the rest, the CRF retrained as the program retrains it (``recommending.retrain_due``;
actions per gold span with assistance / without, target <= 0.7). The suggestions replayed are
those the window shows (``evaluation.on_opening``), and once a span is labelled its other
occurrences and, for the labels of ``gazetteer.part_labels``, its last word. The CRF reads the
company of words in the whole corpus, as the program reads the project's texts
(``crf.contexts_of``). Times are processor
time of this process. Run with ``uv run pytest -m benchmark -s tests/benchmarks/test_recommenders_bench.py``.
"""

from __future__ import annotations

import gc
import statistics
import time
from functools import lru_cache

import pytest

from tests.conftest import SHARED_DIR
from workbench.app.recommending import RETRAIN_AFTER, RETRAIN_EACH_BELOW, retrain_due
from workbench.core.recommenders import TrainingDocument
from workbench.core.recommenders.crf import contexts_of, train_crf
from workbench.core.recommenders.evaluation import (
    Actions,
    added,
    exact_scores,
    held_out,
    on_opening,
    replay_actions,
)
from workbench.core.recommenders.gazetteer import gazetteer_of, part_labels, trusted_texts
from workbench.core.recommenders.trained import (
    LEARNING,
    crf_recommender,
    strings_recommender,
    trained,
)
from workbench.core.schema import builtin_schema
from workbench.core.suggestions import any_overlap
from workbench.formats import conll
from workbench.formats.base import ImportOptions

pytestmark = pytest.mark.benchmark
ANERCORP = SHARED_DIR / "corpora" / "anercorp_test.conll"
SENTENCES_PER_DOCUMENT = 10
BULK_ABOVE = 0.9


@lru_cache(maxsize=1)
def anercorp_documents() -> tuple[TrainingDocument, ...]:
    if not ANERCORP.is_file():
        pytest.skip(f"{ANERCORP} is absent")
    options = ImportOptions(schema=builtin_schema("generic"), label_map={"PERS": "PER"})
    [whole] = conll.read([ANERCORP], options)
    text, spans = whole.document.text, [(s.start, s.end, s.label) for s in whole.sets[0].spans]
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    documents = []
    for first in range(0, len(lines), SENTENCES_PER_DOCUMENT):
        start, end = lines[first][0], lines[min(first + SENTENCES_PER_DOCUMENT, len(lines)) - 1][1]
        inside = [(s - start, e - start, label) for s, e, label in spans if start <= s and e <= end]
        documents.append(TrainingDocument(text[start:end], inside))
    return tuple(documents)


@lru_cache(maxsize=1)
def project_contexts() -> dict[str, tuple[str, ...]]:
    """The company of each word in every document's text, as the program reads a project's
    (``recommending.project_contexts``): the held-out documents are in the project too."""
    return contexts_of(d.text for d in anercorp_documents())


def test_f1_of_each_recommender_on_held_out_documents() -> None:
    training, testing = held_out(anercorp_documents())
    offered, nested, parts = trusted_texts(training), any_overlap(d.spans for d in training), part_labels(training)
    print(f"\nANERcorp: {len(training)} training documents, {len(testing)} held out")
    for name in LEARNING:
        began = time.process_time()
        recommend = trained(name, training, contexts=project_contexts())
        found = [recommend(d.text) for d in testing]
        scores = exact_scores([d.spans for d in testing], [[r.key for r in f] for f in found])
        actions = Actions(0, 0, 0)
        for document, shown in zip(testing, found, strict=True):
            window = on_opening(shown, document.text, offered, nested)
            replayed = replay_actions(document.spans, window, document.text, nested=nested, parts=parts)
            actions = added(actions, replayed)
        print(
            f"  {name:<12} P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}  "
            f"actions with/without {actions.ratio:.3f}  ({time.process_time() - began:.1f} s CPU)"
        )


def test_training_time_on_20000_tokens_and_suggestion_time_on_3000_characters() -> None:
    documents = anercorp_documents()
    chosen, tokens = [], 0
    for document in documents:
        if tokens >= 20_000:
            break
        chosen.append(document)
        tokens += len(document.text.split())
    gazetteer_of(chosen[:1])  # camel-tools' character map loaded once, not timed
    began = time.process_time()
    contexts = contexts_of(d.text for d in documents)
    print(f"\nthe company of each word in the whole corpus: {time.process_time() - began:.2f} s CPU")
    for _ in range(3):
        began = time.process_time()
        model = train_crf(chosen, contexts)
        print(
            f"\nCRF trained on {tokens} tokens ({len(chosen)} documents): "
            f"{time.process_time() - began:.2f} s CPU (target < 10 s)"
        )
    recommend = crf_recommender(model, gazetteer_of(chosen), with_strings=True, contexts=contexts)
    text = "\n".join(d.text for d in documents[len(chosen) :])[:3000]
    gc.collect()  # the training's garbage and a first pass over the contexts, not the suggestions'
    times = []
    for _ in range(20):
        began = time.process_time()
        recommend(text)
        times.append((time.process_time() - began) * 1000)
    print(
        f"strings + CRF suggestions on {len(text)} characters: median {statistics.median(times):.1f} ms "
        f"CPU, worst {max(times):.1f} ms (target < 50 ms)"
    )


def test_replay_of_the_corpus_with_the_model_in_the_loop() -> None:
    documents, _ = held_out(anercorp_documents(), share=0.0)
    one_by_one, bulk, model, trained_on = Actions(0, 0, 0), Actions(0, 0, 0), None, 0
    rejected: list[tuple[str, str]] = []
    began = time.process_time()
    for index, document in enumerate(documents):
        done = documents[:index]
        if done and retrain_due(index, trained_on):
            model, trained_on = train_crf(done, project_contexts()), index
        gazetteer = gazetteer_of(done, rejected=rejected)
        recommend = (
            strings_recommender(gazetteer)
            if model is None
            else crf_recommender(model, gazetteer, with_strings=True, contexts=project_contexts())
        )
        nested, parts = any_overlap(d.spans for d in done), part_labels(done)
        shown = on_opening(recommend(document.text), document.text, trusted_texts(done, rejected), nested)
        replayed = replay_actions(document.spans, shown, document.text, nested=nested, parts=parts)
        one_by_one = added(one_by_one, replayed)
        rejected += [(document.text[start:end], label) for start, end, label in replayed.rejected]
        bulk = added(bulk, replay_actions(document.spans, shown, document.text, BULK_ABOVE, nested, parts))
    print(
        f"\nreplay of {len(documents)} documents ({one_by_one.gold_spans} gold spans), CRF "
        f"retrained after each document below {RETRAIN_EACH_BELOW}, then every {RETRAIN_AFTER}, "
        "actions per gold span "
        f"({one_by_one.unassisted / one_by_one.gold_spans:.3f} without assistance; "
        f"{time.process_time() - began:.0f} s CPU):"
    )
    for name, actions in (("one by one", one_by_one), (f"bulk accept >= {BULK_ABOVE}", bulk)):
        print(
            f"  {name:<18} {actions.assisted / actions.gold_spans:.3f} with assistance: "
            f"ratio {actions.ratio:.3f} (target <= 0.7)"
        )
