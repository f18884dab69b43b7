"""How well a recommender would have helped: exact labeled span F1 on held-out documents at
growing training sizes (a learning curve), and the actions an annotator would have spent.

F1 is the micro average over the held-out documents of exact (start, end, label) matches: on
token-aligned spans the same figure as seqeval's default mode (tests check it against seqeval).

Actions, as docs/recommenders.md counts them: labelling a span by hand is two (select it, press
the label's key); accepting a suggestion is one (Enter, or the label's key, which also relabels a
suggestion whose range is right but whose label is not); rejecting one is one (Backspace).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workbench.core.recommenders import LabelledRange, Recommendation, TrainingDocument

CREATE, ACCEPT, REJECT = 2, 1, 1
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


def replay_actions(gold: Sequence[LabelledRange], shown: Sequence[Recommendation]) -> Actions:
    """The actions of an annotator who accepts the right suggestions, relabels those with the
    right range, rejects the others and labels the rest of ``gold`` by hand."""
    wanted = set(gold)
    ranges = {(start, end): label for start, end, label in wanted}
    assisted = 0
    for suggestion in {(r.start, r.end, r.label): r for r in shown}.values():
        key = suggestion.key
        if key in wanted:
            wanted.discard(key)
            assisted += ACCEPT
        elif (key[0], key[1]) in ranges and (key[0], key[1], ranges[key[0], key[1]]) in wanted:
            wanted.discard((key[0], key[1], ranges[key[0], key[1]]))
            assisted += ACCEPT
        else:
            assisted += REJECT
    assisted += CREATE * len(wanted)
    return Actions(assisted, CREATE * len(set(gold)), len(set(gold)))


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
        scores = exact_scores(
            [document.spans for document in testing], [[r.key for r in f] for f in found]
        )
        actions = Actions(0, 0, 0)
        for document, shown in zip(testing, found, strict=True):
            actions = added(actions, replay_actions(document.spans, shown))
        points.append(CurvePoint(size, scores, actions))
    return points
