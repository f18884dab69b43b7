"""How well a recommender would have helped: exact labeled span F1 on held-out documents at
growing training sizes (a learning curve), and the actions an annotator would have spent.

F1 is the micro average over the held-out documents of exact (start, end, label) matches: on
token-aligned spans the same figure as seqeval's default mode (tests check it against seqeval).

Actions, as this package's README.md counts them: labelling a span by hand is two (select it, press
the label's key); accepting a suggestion is one (Enter, or the label's key, which also relabels a
suggestion whose range is right but whose label is not); rejecting one is one (Backspace);
accepting a right one with every other suggestion of its name and label in the document is one
(Shift+Enter, ``core.suggestions.same_name``), which the annotator does when each of them is
right, and only then; accepting all suggestions above a score is one, and each of them that was
wrong costs one more (relabel or delete it). The suggestions are what the window offers
(``on_opening``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from workbench.core.normalize import NormalizedText, normalize
from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.recommenders.gazetteer import Gazetteer, gazetteer_of, part_labels, trusted_texts
from workbench.core.suggestions import (
    LabelledRange,
    Suggestion,
    TakenSpans,
    any_overlap,
    hides,
    lexicon_suggestions,
    offered_one_by_one,
    places_elsewhere,
    same_name,
)

CREATE, ACCEPT, REJECT = 2, 1, 1
BULK_FIX = 1
"""Relabelling or deleting one span that a bulk accept took wrongly."""
Train = Callable[[Sequence[TrainingDocument], Gazetteer], Callable[[str], list[Recommendation]]]
"""A recommender trained on documents, given their gazetteer (``gazetteer_of``), which the curve
builds once for the recommender and for what the window offers (``trusted_texts``)."""


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
    rejected: frozenset[LabelledRange] = frozenset()
    """The suggestions rejected, in one document's replay (a sum of several leaves them out):
    the project keeps them, and its recommenders count them (``gazetteer_of``)."""

    @property
    def ratio(self) -> float:
        """Actions with assistance per action without."""
        return self.assisted / self.unassisted if self.unassisted else 1.0

    @property
    def saved_per_span(self) -> float:
        return (self.unassisted - self.assisted) / self.gold_spans if self.gold_spans else 0.0


def on_opening(
    found: Sequence[Recommendation], text: str, offered: set[tuple[str, str]], nested: bool = True
) -> list[Recommendation]:
    """What the window offers on a document as it opens: the recommenders' ``found`` and,
    unscored (no bulk accept takes them), every other occurrence as words of the ``offered``
    texts (``gazetteer.trusted_texts``; ``core.suggestions.word_occurrences``)."""
    keys = {r.key for r in found}
    return [
        *found,
        *(
            Recommendation(s.start, s.end, s.label, 0.0, "lexicon")
            for s in sorted(lexicon_suggestions(normalize(text), offered, set(), set(), nested))
            if (s.start, s.end, s.label) not in keys
        ),
    ]


def replay_actions(
    gold: Sequence[LabelledRange],
    shown: Sequence[Recommendation],
    text: str | None = None,
    bulk_above: float | None = None,
    nested: bool = True,
    parts: AbstractSet[str] = frozenset(),
) -> Actions:
    """The actions of an annotator who goes through the ``shown`` suggestions in text order (as
    the suggestion keys do) and labels the rest of ``gold`` by hand. A right suggestion is
    accepted; one with the right range and another label takes the label's key; a wrong one
    that a span of ``gold`` still to label would hide (``core.suggestions.hides``: the same name
    with other ends) goes with that span, labelled by hand then (or through its own suggestion);
    any other wrong one is rejected. As in the window, every span the annotator gets hides the
    suggestions it settles (with ``nested`` False, as in a project whose names never overlap,
    every suggestion overlapping it).

    With ``bulk_above``, they first accept every suggestion scored that or more in one action,
    then relabel the accepted ones with a wrong label and delete the wrong ones (one action
    each). With the document's ``text``, each span labelled by hand is also offered at its other
    occurrences in the document, found as the window finds them (``core.suggestions.occurrences``:
    whole words with the proclitics in front of them, diacritics and letter forms folded); they
    are decided like any suggestion; so is, for a name of two words or more whose label is one of
    ``parts`` (``gazetteer.part_labels``), its last word where it stands alone
    (``core.suggestions.name_part_places``). Both are offered too when a suggestion is accepted
    one by one, as the window offers them, not after a bulk accept. A right suggestion whose
    name's other suggestions (of its label) are all right too is accepted with them in one
    action."""
    replay = _Replay(set(gold), None if text is None else normalize(text), nested, parts)
    replay.offer({r.key: r.score for r in shown})
    if bulk_above is not None:
        replay.accept_in_bulk(bulk_above)
    replay.finish()
    return Actions(replay.actions, CREATE * len(set(gold)), len(set(gold)), frozenset(replay.rejected))


@dataclass
class _Replay:
    wanted: set[LabelledRange]
    """The gold spans the annotator has not got yet."""
    text: NormalizedText | None
    nested: bool
    parts: AbstractSet[str]
    offered: dict[LabelledRange, float] = field(default_factory=dict)
    """The suggestions on offer and their scores."""
    rejected: set[LabelledRange] = field(default_factory=set)
    taken: list[LabelledRange] = field(default_factory=list)
    actions: int = 0

    def offer(self, found: dict[LabelledRange, float]) -> None:
        taken = TakenSpans(self.taken, self.nested)
        for key, score in found.items():
            if key not in self.rejected and not taken.hide(*key):
                self.offered[key] = max(score, self.offered.get(key, score))

    def take(self, span: LabelledRange) -> None:
        """``span`` joins the annotator's set: the suggestions it settles go."""
        self.wanted.discard(span)
        self.taken.append(span)
        for key in [key for key in self.offered if hides(span, key, self.nested)]:
            del self.offered[key]

    def on_range(self, key: LabelledRange) -> LabelledRange | None:
        """The wanted span on ``key``'s range (``key`` itself first), if any."""
        if key in self.wanted:
            return key
        return min((w for w in self.wanted if w[:2] == key[:2]), default=None)

    def accept_in_bulk(self, threshold: float) -> None:
        """Accept every suggestion scored ``threshold`` or more (one action); then relabel or
        delete the wrong ones (one action each: a deleted one hides nothing)."""
        chosen = sorted(key for key, score in self.offered.items() if score >= threshold)
        self.actions += ACCEPT if chosen else 0
        for key in chosen:
            self.offered.pop(key, None)
            wanted = self.on_range(key)
            self.actions += 0 if wanted == key else BULK_FIX
            if wanted is not None:
                self.take(wanted)

    def finish(self) -> None:
        """Decide the suggestions in text order, then label what is left by hand (which may
        offer more)."""
        while self.offered or self.wanted:
            if self.offered:
                self.decide(min(self.offered))
            else:
                self.by_hand(min(self.wanted))

    def decide(self, key: LabelledRange) -> None:
        del self.offered[key]
        wanted = self.on_range(key)
        if wanted is not None:
            self.actions += ACCEPT
            for span in [wanted, *(self.right_places_of(wanted) if wanted == key else ())]:
                self.take(span)
                self.offer_elsewhere(span)
            return
        rival = min((w for w in self.wanted if hides(w, key, self.nested)), default=None)
        if rival is None:
            self.actions += REJECT
            self.rejected.add(key)
        elif any(other[:2] == rival[:2] for other in self.offered):
            self.actions += ACCEPT
            self.take(rival)
            self.offer_elsewhere(rival)
        else:
            self.by_hand(rival)

    def right_places_of(self, span: LabelledRange) -> list[LabelledRange]:
        """The other suggestions of ``span``'s name and label, when they are all right: accepting
        it everywhere in the document (Shift+Enter) takes them in the same action. Nothing when
        one of them is wrong: the annotator accepts only right suggestions."""
        if self.text is None:
            return []
        places = same_name(self.text.source, Suggestion(*span), [Suggestion(*key) for key in self.offered])
        if not all(place in self.wanted for place in places):
            return []
        for place in places:
            del self.offered[place]
        return list(places)

    def by_hand(self, span: LabelledRange) -> None:
        self.actions += CREATE
        self.take(span)
        self.offer_elsewhere(span)

    def offer_elsewhere(self, span: LabelledRange) -> None:
        """What the window offers once ``span`` is labelled: its other occurrences and, for a
        label of ``parts``, its last word's places."""
        if self.text is None:
            return
        start, end, label = span
        found = places_elsewhere(self.text, start, end, label in self.parts)
        if offered_one_by_one(found):
            self.offer({(place_start, place_end, label): 0.0 for place_start, place_end in found})


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


def learning_curves(
    trains: Mapping[str, Train],
    training: Sequence[TrainingDocument],
    testing: Sequence[TrainingDocument],
    sizes: Sequence[int],
) -> dict[str, list[CurvePoint]]:
    """Each recommender's scores and actions on ``testing`` after training on the first ``size``
    of ``training``, by its name in ``trains``. Each point's gazetteer and what the window offers
    from it are made once for every recommender: the gazetteers of the five points of a project
    of 2,000 documents took 6.4 s, once for each of the three recommenders ``recommend
    --evaluate`` compares."""
    curves: dict[str, list[CurvePoint]] = {name: [] for name in trains}
    for size in sizes:
        documents = training[:size]
        gazetteer = gazetteer_of(documents)
        offered = trusted_texts(documents, gazetteer=gazetteer)
        nested, parts = any_overlap(d.spans for d in documents), part_labels(documents)
        for name, train in trains.items():
            recommend = train(documents, gazetteer)
            found = [recommend(document.text) for document in testing]
            shown = [on_opening(f, d.text, offered, nested) for f, d in zip(found, testing, strict=True)]
            scores = exact_scores(
                [document.spans for document in testing], [[r.key for r in f] for f in found]
            )
            actions = Actions(0, 0, 0)
            for document, window in zip(testing, shown, strict=True):
                replayed = replay_actions(document.spans, window, document.text, nested=nested, parts=parts)
                actions = added(actions, replayed)
            curves[name].append(CurvePoint(size, scores, actions))
    return curves
