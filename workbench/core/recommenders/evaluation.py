"""How well a recommender would have helped: exact labeled span F1 on held-out documents at
growing training sizes (a learning curve), and the actions an annotator would have spent.

F1 is the micro average over the held-out documents of exact (start, end, label) matches: on
token-aligned spans the same figure as seqeval's default mode (tests check it against seqeval).

Actions, as docs/recommenders.md counts them: labelling a span by hand is two (select it, press
the label's key); accepting a suggestion is one (Enter, or the label's key, which also relabels a
suggestion whose range is right but whose label is not); rejecting one is one (Backspace);
accepting all suggestions above a score is one, and each of them that was wrong costs one more
(relabel or delete it). The suggestions are what the window offers (``on_opening``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workbench.core.normalize import normalize
from workbench.core.recommenders import LabelledRange, Recommendation, TrainingDocument
from workbench.core.recommenders.gazetteer import Gazetteer, recommend_strings, trusted_texts
from workbench.core.recommenders.words import sentences_of
from workbench.core.suggestions import lexicon_suggestions

CREATE, ACCEPT, REJECT = 2, 1, 1
BULK_FIX = 1
"""Relabelling or deleting one span that a bulk accept took wrongly."""
Train = Callable[[Sequence[TrainingDocument]], Callable[[str], list[Recommendation]]]


@dataclass(frozen=True)
class Scores:
    true_positives: int
    gold: int
    predicted: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.gold + self.predicted
        return 2 * self.true_positives / total if total else 0.0


def exact_scores(
    gold: Sequence[Sequence[LabelledRange]], predicted: Sequence[Sequence[LabelledRange]]
) -> Scores:
    """Exact labeled span matches, pooled over documents (each a list of ranges)."""
    tp = sum(len(set(g) & set(p)) for g, p in zip(gold, predicted, strict=True))
    return Scores(tp, sum(len(set(g)) for g in gold), sum(len(set(p)) for p in predicted))


@dataclass(frozen=True)
class Actions:
    assisted: int
    unassisted: int
    gold_spans: int

    @property
    def ratio(self) -> float:
        """Actions with assistance per action without."""
        return self.assisted / self.unassisted if self.unassisted else 1.0

    @property
    def saved_per_span(self) -> float:
        return (self.unassisted - self.assisted) / self.gold_spans if self.gold_spans else 0.0


def on_opening(
    found: Sequence[Recommendation], text: str, offered: set[tuple[str, str]]
) -> list[Recommendation]:
    """What the window offers on a document as it opens: the recommenders' ``found`` and,
    unscored (no bulk accept takes them), every other whole-word occurrence of the ``offered``
    texts (``gazetteer.trusted_texts``)."""
    keys = {r.key for r in found}
    return [
        *found,
        *(
            Recommendation(s.start, s.end, s.label, 0.0, "lexicon")
            for s in sorted(lexicon_suggestions(normalize(text), offered, set(), set()))
            if (s.start, s.end, s.label) not in keys
        ),
    ]


def replay_actions(
    gold: Sequence[LabelledRange],
    shown: Sequence[Recommendation],
    text: str | None = None,
    bulk_above: float | None = None,
) -> Actions:
    """The actions of an annotator who accepts the right suggestions, relabels those with the
    right range, rejects the others and labels the rest of ``gold`` by hand, in text order.

    With ``bulk_above``, they first accept every suggestion scored that or more in one action,
    then relabel the accepted ones with a wrong label and delete the wrong ones (one action
    each). With the document's ``text``, each span labelled by hand is also offered at its other
    occurrences in the document (as the window does, ``core.suggestions``), found the way the
    strings recommender finds them; they are accepted or rejected like any suggestion."""
    wanted = set(gold)
    decided: set[tuple[int, int]] = set()
    by_key = {r.key: r for r in sorted(shown, key=lambda r: -r.score)}
    bulk = [key for key, r in by_key.items() if bulk_above is not None and r.score >= bulk_above]
    assisted = ACCEPT if bulk else 0
    for key in bulk:
        verdict = _decide(wanted, decided, key)
        assisted += 0 if verdict in ("right", None) else BULK_FIX
    for key in by_key:
        assisted += _one_by_one(_decide(wanted, decided, key))
    for start, end, label in sorted(wanted):
        if (start, end, label) not in wanted:
            continue  # accepted meanwhile, at another occurrence
        wanted.discard((start, end, label))
        decided.add((start, end))
        assisted += CREATE
        if text is not None:
            for key in _other_occurrences(text, start, end, label):
                assisted += _one_by_one(_decide(wanted, decided, key))
    return Actions(assisted, CREATE * len(set(gold)), len(set(gold)))


def _one_by_one(verdict: str | None) -> int:
    """The actions of deciding one suggestion on its own (Enter, a label key, Backspace)."""
    if verdict is None:
        return 0
    return REJECT if verdict == "wrong" else ACCEPT


def _decide(
    wanted: set[LabelledRange], decided: set[tuple[int, int]], key: LabelledRange
) -> str | None:
    """The suggestion ``key`` decided: "right", "relabel" (its range is in ``wanted`` with
    another label) or "wrong"; None for a range decided already."""
    start, end, _ = key
    if (start, end) in decided:
        return None
    decided.add((start, end))
    if key in wanted:
        wanted.discard(key)
        return "right"
    other = next((w for w in wanted if w[:2] == (start, end)), None)
    if other is None:
        return "wrong"
    wanted.discard(other)
    return "relabel"


def _other_occurrences(text: str, start: int, end: int, label: str) -> list[LabelledRange]:
    gazetteer = Gazetteer()
    gazetteer.add(text[start:end], label)
    return [
        r.key
        for r in recommend_strings(gazetteer, sentences_of(text), min_score=0.0)
        if (r.start, r.end) != (start, end)
    ]


def added(first: Actions, second: Actions) -> Actions:
    return Actions(
        first.assisted + second.assisted,
        first.unassisted + second.unassisted,
        first.gold_spans + second.gold_spans,
    )


def held_out(
    documents: Sequence[TrainingDocument], share: float = 0.2, seed: int = 0
) -> tuple[list[TrainingDocument], list[TrainingDocument]]:
    """(training, held-out) documents, drawn at random with ``seed``."""
    shuffled = list(documents)
    random.Random(seed).shuffle(shuffled)
    cut = max(1, round(len(shuffled) * (1 - share)))
    return shuffled[:cut], shuffled[cut:]


@dataclass(frozen=True)
class CurvePoint:
    documents: int
    scores: Scores
    actions: Actions


def training_sizes(available: int, steps: int = 5) -> list[int]:
    """Growing training sizes up to ``available``: halving back from it, smallest first."""
    sizes = {available}
    while len(sizes) < steps and min(sizes) > 1:
        sizes.add(max(1, min(sizes) // 2))
    return sorted(sizes)


def learning_curve(
    train: Train,
    training: Sequence[TrainingDocument],
    testing: Sequence[TrainingDocument],
    sizes: Sequence[int],
) -> list[CurvePoint]:
    """Scores and actions on ``testing`` after training on the first ``size`` of ``training``."""
    points = []
    for size in sizes:
        recommend = train(training[:size])
        found = [recommend(document.text) for document in testing]
        offered = trusted_texts(training[:size])
        shown = [on_opening(f, d.text, offered) for f, d in zip(found, testing, strict=True)]
        scores = exact_scores(
            [document.spans for document in testing], [[r.key for r in f] for f in found]
        )
        actions = Actions(0, 0, 0)
        for document, window in zip(testing, shown, strict=True):
            actions = added(actions, replay_actions(document.spans, window, document.text))
        points.append(CurvePoint(size, scores, actions))
    return points
