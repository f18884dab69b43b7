"""The CRF recommender, the command protocol, and the action replay of evaluation."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.errors import WorkbenchError
from workbench.core.normalize import normalize_query
from workbench.core.recommenders import Recommendation, TrainingDocument, evaluation
from workbench.core.recommenders import gazetteer as gazetteer_module
from workbench.core.recommenders.command import run_command
from workbench.core.recommenders.crf import (
    CONTEXT_WORDS,
    EDGE,
    MIN_SCORE,
    CrfModel,
    CrfTagger,
    Marginals,
    contexts_of,
    document_stems,
    sentence_features,
    shape,
    train_crf,
    vowel_skeleton,
)
from workbench.core.recommenders.evaluation import learning_curves, on_opening, replay_actions, training_sizes
from workbench.core.recommenders.gazetteer import Gazetteer, gazetteer_of, part_labels, trusted_texts
from workbench.core.recommenders.trained import (
    Recommend,
    crf_recommender,
    elsewhere_in_document,
    strings_recommender,
    trained,
)
from workbench.core.recommenders.words import sentences_of

PLACES = ["بغداد", "الموصل", "دمشق", "بيروت", "عمان", "القاهرة"]
PEOPLE = ["محمد", "علي", "سعيد", "خالد", "حسن", "يوسف"]


def training_set() -> list[TrainingDocument]:
    documents = []
    for index in range(12):
        person, place = PEOPLE[index % 6], PLACES[(index * 5 + index // 6) % 6]
        text = f"وصل {person} إلى {place} أمس"
        if index % 2:  # names said twice in half the documents, once in the others
            text += f" وقال {person} إن الوضع هادئ في {place} ."
        spans = []
        for word, label in ((person, "PER"), (place, "LOC")):
            start = text.index(word)
            while start >= 0:
                spans.append((start, start + len(word), label))
                start = text.find(word, start + 1)
        documents.append(TrainingDocument(text, spans))
    return documents


def test_the_crf_learns_contexts_and_its_model_is_bytes_that_reopen() -> None:
    model = train_crf(training_set())
    assert model.documents == 12 and model.data
    tagger = CrfTagger(CrfModel(bytes(model.data), model.documents))
    text = "وصل كريم إلى بيروت أمس"
    found = tagger.recommend(sentences_of(text), Gazetteer())
    assert ("بيروت", "LOC") in {(text[r.start : r.end], r.label) for r in found}
    assert all(0 < r.score <= 1 and r.recommender == "crf" for r in found)


def test_the_company_of_a_word_is_the_stems_most_often_each_side_of_it_in_every_text() -> None:
    """Labelled or not, normalized and proclitics stripped as everywhere (إن is ان, وقال قال);
    the most frequent first, the sentence's ends marked, no more than ``CONTEXT_WORDS`` each side."""
    texts = ["قال سعيد إنه بخير .", "وقال سعيد إن الوفد وصل", "قال سعيد إن"]
    contexts = contexts_of(texts)
    assert contexts["سعيد"] == ("cb=قال", "ca=ان", "ca=انه")
    assert contexts["قال"] == (f"cb={EDGE}", "ca=سعيد")
    many = contexts_of([" ".join(f"{word} سعيد" for word in PLACES + PEOPLE)])
    assert len([f for f in many["سعيد"] if f.startswith("cb=")]) == CONTEXT_WORDS


def test_a_words_company_is_among_its_features() -> None:
    sentences = sentences_of("قال كريم إن")
    contexts = contexts_of(["رحب الرئيس كريم بالوفد"])
    features = sentence_features(sentences[0], Gazetteer(), document_stems(sentences), contexts)
    assert {"cb=رئيس", "ca=وفد"} <= set(features[1])
    assert not {"cb=رئيس", "ca=وفد"} & set(sentence_features(sentences[0], Gazetteer(), document_stems(sentences))[1])


def test_shape_folds_runs_of_one_kind() -> None:
    assert (shape("بغداد"), shape("ISIS-2"), shape("٢٠١٤")) == ("A", "L.9", "9")


class FixedTagger:
    """A stand-in for crfsuite's tagger: the given tags and marginals for any sentence."""

    def __init__(self, tags: list[str], marginals: list[dict[str, float]]) -> None:
        self.tags, self.marginals = tags, marginals

    def tag(self, _features: object) -> list[str]:
        return self.tags

    def labels(self) -> list[str]:
        return ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]

    def marginal(self, tag: str, position: int) -> float:
        return self.marginals[position].get(tag, 0.0)


def test_a_span_is_scored_by_its_range_whatever_its_label() -> None:
    # a name over words 1-2: PER or LOC (0.5 + 0.4 begin there), going on at 2 (0.3 + 0.5),
    # stopping before 3 (0.1 goes on there)
    tagger = FixedTagger([], [{"O": 1.0}, {"B-PER": 0.5, "B-LOC": 0.4}, {"I-PER": 0.3, "I-LOC": 0.5},
                              {"I-PER": 0.1, "O": 0.9}])
    marginals = Marginals(tagger, 4)
    assert marginals.range_score(1, 3) == pytest.approx(min(0.9, 0.8, 0.9))
    assert marginals.range_score(1, 2) == pytest.approx(min(0.9, 1 - 0.8))
    assert marginals.range_score(2, 3) == 0.0  # nothing begins at word 2
    assert marginals.range_score(3, 4) == 0.0  # nor at the last word, which has no next one


def test_the_crf_suggests_only_spans_likelier_right_than_not() -> None:
    text = "وصل كريم إلى بيروت أمس"
    tagger = CrfTagger(train_crf(training_set()))
    sure = {"B-PER": 0.95, "I-PER": 0.01}
    unsure = {"B-LOC": 0.45, "O": 0.55}
    tagger._tagger = FixedTagger(["O", "B-PER", "O", "B-LOC", "O"], [{}, sure, {"O": 1.0}, unsure, {"O": 1.0}])
    found = tagger.recommend(sentences_of(text), Gazetteer())
    assert [(text[r.start : r.end], r.label) for r in found] == [("كريم", "PER")]
    assert found[0].score == pytest.approx(0.95)
    assert MIN_SCORE == 0.5


def test_a_word_is_read_with_its_article_affixes_neighbours_bigrams_and_frequency() -> None:
    sentences = sentences_of("زار الرئيس بغداد\nورئيس")
    gazetteer = gazetteer_of([TrainingDocument("في بغداد رئيس", [(3, 8, "LOC")])])
    features = sentence_features(sentences[0], gazetteer, document_stems(sentences))
    president = set(features[1])
    assert {"al=True", "s=رئيس", "e1=س", "e3=ئيس", "i=1", "f=1", "d=2", "fd=1|2"} <= president
    assert {"sk=CCVC", "vr=1"} <= president  # ر ئ ي س: one vowel letter in four
    assert {"-1w=زار", "1w=بغداد", "1s=غداد", "1g=B-LOC"} <= president
    assert {"-1|0=زار|رئيس", "0|1=رئيس|غداد"} <= president
    assert {"al=False", "f=0", "d=1", "-1edge"} <= set(features[0]) and "1edge" in features[2]


def test_a_word_seen_in_names_is_read_with_its_place_in_them_and_how_often_it_is_in_one() -> None:
    done = TrainingDocument("قال محمد علي إن محمد حضر ومحمد غاب وعلي غاب", [(4, 12, "PER")])
    sentences = sentences_of("التقى محمد البرادعي")
    features = sentence_features(sentences[0], gazetteer_of([done]), document_stems(sentences))
    first, name, next_word = (set(words) for words in features)
    assert {"t=B-PER", "ts=1", "t|s=B-PER|1"} <= name  # in a name once in its 3 places
    assert "1t=B-PER" in first and "-1t=B-PER" in next_word
    assert not any(feature.startswith(("t", "1t")) for feature in next_word)  # in no name


def test_a_vowel_skeleton_tells_a_transliterated_name_from_a_root_pattern() -> None:
    assert vowel_skeleton("ستيفن") == "CCVCC" and vowel_skeleton("مكتب") == "CCCC"


def example(*argv: str) -> str:
    return " ".join([sys.executable, *argv])


def test_the_example_command_follows_the_protocol() -> None:
    script = REPO_ROOT / "workbench" / "core" / "recommenders" / "example_command.py"
    found = run_command(example(str(script)), [("d1", "دخلوا الموصل وبغداد")], ["LOC", "ORG"])
    assert [(r.start, r.end, r.label, r.score) for r in found["d1"]] == [
        (13, 19, "LOC", 0.9),
        (6, 12, "LOC", 0.9),
    ]


@pytest.mark.parametrize(
    ("program", "message"),
    [
        ("import sys; sys.stdin.read(); print('not json')", "line 1: not JSON"),
        ("import sys; sys.stdin.read(); sys.exit('model missing')", "exited with 1: model missing"),
        ("import sys; sys.stdin.read(); print('{\"id\": \"d1\", \"start\": 0, \"end\": 99, \"label\": \"LOC\"}')",
         "line 1: [0, 99) is not a range"),
        ("import sys; sys.stdin.read(); print('{\"id\": \"d1\", \"start\": 0, \"end\": 2, \"label\": \"XX\"}')",
         "the label 'XX' is not in the schema"),
        ("import time; time.sleep(5)", "no answer within 0.5 s"),
    ],
)
def test_a_failing_command_is_one_line_naming_it(program: str, message: str, tmp_path: Path) -> None:
    script = tmp_path / "recommender.py"
    script.write_text(program, encoding="utf-8")
    with pytest.raises(WorkbenchError, match=re.escape(message)) as error:
        run_command(example(str(script)), [("d1", "نص")], ["LOC"], timeout=0.5)
    assert "\n" not in str(error.value) and str(script) in str(error.value)


def test_a_command_that_cannot_start_is_one_line() -> None:
    with pytest.raises(WorkbenchError, match="cannot run it"):
        run_command("/no/such/program", [("d1", "نص")], ["LOC"])


def test_replayed_actions_accept_relabel_reject_and_create() -> None:
    gold = [(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "ORG"), (30, 35, "PER")]
    shown = [
        Recommendation(0, 5, "PER", 0.9, "crf"),  # accepted: 1
        Recommendation(10, 15, "ORG", 0.9, "crf"),  # right range, label key: 1
        Recommendation(40, 45, "LOC", 0.9, "crf"),  # rejected: 1
    ]
    actions = replay_actions(gold, shown)
    assert (actions.assisted, actions.unassisted) == (3 + 2 * 2, 8)
    assert actions.saved_per_span == pytest.approx(1 / 4)


def test_a_name_labelled_over_a_suggestion_with_other_ends_takes_it_away_in_the_replay() -> None:
    gold = [(0, 9, "PER"), (20, 30, "ORG"), (40, 45, "LOC")]
    shown = [
        Recommendation(0, 4, "PER", 0.9, "crf"),  # جورج of جورج بوش: goes with the name, labelled: 2
        Recommendation(5, 9, "PER", 0.9, "crf"),  # the other half: goes too
        Recommendation(25, 30, "LOC", 0.9, "crf"),  # maybe nested in the ORG: stays, rejected: 1
        Recommendation(38, 45, "LOC", 0.9, "crf"),  # its own name's suggestion follows: 1
        Recommendation(40, 45, "LOC", 0.5, "crf"),
    ]
    assert replay_actions(gold, shown).assisted == 2 + 1 + 1 + 2  # the ORG by hand at the end
    # where names never nest, the LOC inside the ORG goes when the ORG is labelled, by hand
    assert replay_actions(gold, shown, nested=False).assisted == 2 + 2 + 1


def test_training_sizes_grow_to_what_is_available() -> None:
    assert training_sizes(74) == [4, 9, 18, 37, 74]
    assert training_sizes(1) == [1]


def test_a_points_gazetteer_is_made_once_for_every_recommender_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """``recommend --evaluate`` compares three recommenders on the same points: each point's
    gazetteer (3 s for 1,600 documents) was made again for each of them."""
    made: list[int] = []

    def counted_gazetteer(documents: Sequence[TrainingDocument]) -> Gazetteer:
        made.append(len(documents))
        return gazetteer_of(documents)

    monkeypatch.setattr(evaluation, "gazetteer_of", counted_gazetteer)
    training, testing = training_set()[:9], training_set()[9:]
    trains = {name: partial(trained_with, name) for name in ("strings", "crf")}
    together = learning_curves(trains, training, testing, [3, 9])
    assert made == [3, 9]
    for name, train in trains.items():
        assert learning_curves({name: train}, training, testing, [3, 9]) == {name: together[name]}
    assert together["strings"] != together["crf"]


def trained_with(name: str, documents: Sequence[TrainingDocument], gazetteer: Gazetteer) -> Recommend:
    return trained(name, documents, gazetteer=gazetteer)


def test_a_bulk_accept_is_one_action_and_each_wrong_span_in_it_one_more() -> None:
    gold = [(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "ORG")]
    shown = [
        Recommendation(0, 5, "PER", 0.95, "crf"),  # in the bulk, right: free
        Recommendation(10, 15, "ORG", 0.92, "crf"),  # in the bulk, relabelled: 1
        Recommendation(40, 45, "LOC", 0.91, "crf"),  # in the bulk, deleted: 1
        Recommendation(20, 25, "ORG", 0.5, "crf"),  # below: accepted on its own: 1
    ]
    assert replay_actions(gold, shown, bulk_above=0.9).assisted == 1 + 1 + 1 + 1
    assert replay_actions(gold, shown).assisted == 4


def test_a_hand_labelled_name_is_offered_at_its_other_occurrences_in_the_replay() -> None:
    text = "زار سعيد بغداد ثم غادر سعيد إلى وبغداد ثم بغداد"
    gold = [(4, 8, "PER"), (9, 14, "LOC"), (23, 27, "PER"), (32, 38, "LOC"), (42, 47, "LOC")]
    # سعيد and بغداد labelled by hand (2 + 2), their other occurrences accepted (1, and 1 for
    # both of بغداد's, Shift+Enter), as the window offers them: بغداد also with its proclitic
    # (وبغداد)
    assert replay_actions(gold, [], text).assisted == 2 + 2 + 1 + 1
    assert replay_actions(gold, []).assisted == 10


def test_an_accepted_suggestion_is_offered_at_its_other_occurrences_in_the_replay() -> None:
    text = "زار سعيد بغداد ثم غادر سعيد إلى وبغداد"
    gold = [(4, 8, "PER"), (9, 14, "LOC"), (23, 27, "PER"), (32, 38, "LOC")]
    shown = [Recommendation(9, 14, "ORG", 0.6, "crf")]
    # سعيد by hand (2) and at its other place (1); بغداد relabelled with the LOC key (1), then
    # offered as LOC at وبغداد (1), as the window offers it once accepted
    assert replay_actions(gold, shown, text).assisted == 2 + 1 + 1 + 1


def test_a_name_is_accepted_everywhere_in_one_action_only_where_each_of_its_places_is_right() -> None:
    text = "زار سعيد بغداد ثم غادر سعيد إلى وبغداد ثم سعيد"
    found = [Recommendation(start, start + 4, "PER", 0.8, "crf") for start in (4, 23, 42)]
    # سعيد suggested three times, right each time: one Shift+Enter; بغداد by hand (2), which
    # offers وبغداد (1)
    gold = [(4, 8, "PER"), (9, 14, "LOC"), (23, 27, "PER"), (32, 38, "LOC"), (42, 46, "PER")]
    assert replay_actions(gold, found, text).assisted == 1 + 2 + 1
    # the last سعيد is no name here: each place on its own, the wrong one rejected
    assert replay_actions(gold[:-1], found, text).assisted == 1 + 1 + 1 + 2 + 1


def test_a_persons_last_name_is_offered_after_the_full_name_in_the_replay() -> None:
    text = "قال باراك أوباما إن أوباما سيزور بغداد وقال أوباما"
    gold = [(4, 16, "PER"), (20, 26, "PER"), (33, 38, "LOC"), (44, 50, "PER")]
    # باراك أوباما by hand (2), أوباما alone accepted in both places at once (1), بغداد by hand (2)
    assert replay_actions(gold, [], text, parts={"PER"}).assisted == 2 + 1 + 2
    # without: the first أوباما alone by hand too, which offers the second
    assert replay_actions(gold, [], text, parts={"ORG"}).assisted == 2 + 2 + 1 + 2


def test_the_labels_named_by_their_last_word_are_those_the_documents_show() -> None:
    people = TrainingDocument(
        "قال باراك أوباما إن أوباما سيزور بغداد",
        [(4, 16, "PER"), (20, 26, "PER"), (33, 38, "LOC")],
    )
    unions = TrainingDocument(
        "اتحاد الكرة قال إن الكرة لن تلعب في اتحاد الكرة",
        [(0, 11, "ORG"), (36, 47, "ORG")],
    )
    assert part_labels([people]) == {"PER"}
    # الكرة alone is no ORG; the one inside the name said again counts neither way
    assert part_labels([people, unions]) == {"PER"}
    assert part_labels([]) == frozenset()


def test_the_last_words_of_a_long_documents_names_are_each_searched_for_once(
    searched_phrases: list[str],
) -> None:
    """A long gold document has thousands of names, which share their last words: weighing
    them searched the whole text for each name, and asked each place whether it lay inside one
    of every span, so that the window's suggestions for a document of a million characters
    and 10,000 spans never came (its worker ran for hours)."""
    sentence = "قال الرئيس باراك أوباما إن أوباما سيزور بغداد . "
    text = sentence * 40
    spans = [
        (len(sentence) * n + start, len(sentence) * n + end, label)
        for n in range(40)
        for start, end, label in ((11, 23, "PER"), (27, 33, "PER"), (40, 45, "LOC"))
    ]
    assert part_labels([TrainingDocument(text, spans)]) == {"PER"}
    assert searched_phrases == [normalize_query("أوباما")]  # searched for as normalized: اوباما


def test_only_the_first_names_with_places_are_weighed(monkeypatch: pytest.MonkeyPatch) -> None:
    people = TrainingDocument(
        "قال باراك أوباما إن أوباما سيزور بغداد", [(4, 16, "PER"), (20, 26, "PER"), (33, 38, "LOC")]
    )
    unions = TrainingDocument(
        "اتحاد الكرة قال إن الكرة لن تلعب ثم الكرة", [(0, 11, "ORG")]
    )
    assert part_labels([people, unions]) == {"PER"}
    monkeypatch.setattr(gazetteer_module, "PART_NAMES_WEIGHED", 1)
    assert part_labels([unions, people]) == frozenset()  # the ORG alone, wrong twice


def test_the_replay_offers_what_the_window_offers_as_a_document_opens() -> None:
    labelled = "زار سعيد بغداد ثم في حلب ثم في دمشق ثم في عمان ثم في حمص"
    done = [TrainingDocument(labelled, [(4, 8, "PER"), (18, 20, "ORG")])]
    assert labelled[18:20] == "في"
    text = "وصل سعيد إلى بغداد في الصباح"
    found = [Recommendation(4, 8, "PER", 0.8, "crf")]
    # سعيد is found already (and keeps its score); في, labelled once in its four places, is not offered
    assert on_opening(found, text, trusted_texts(done)) == found
    offered = on_opening([], text, trusted_texts(done))
    assert offered == [Recommendation(4, 8, "PER", 0.0, "lexicon")]
    gold = [(4, 8, "PER"), (13, 18, "LOC")]
    assert replay_actions(gold, offered, text).assisted == 1 + 2


def test_a_name_the_crf_finds_once_is_suggested_wherever_it_occurs_in_the_document() -> None:
    text = "قال سعيد إن الوضع هادئ ثم غادر وسعيد إلى بيروت"
    found = [Recommendation(4, 8, "PER", 0.7, "crf"), Recommendation(41, 46, "LOC", 0.9, "crf")]
    elsewhere = elsewhere_in_document(found, text, sentences_of(text))
    assert [(text[r.start : r.end], r.label, r.score, r.recommender) for r in elsewhere] == [
        ("سعيد", "PER", 0.7, "crf"), ("وسعيد", "PER", 0.7, "crf"), ("بيروت", "LOC", 0.9, "crf"),
    ]


def test_the_crf_does_not_suggest_what_the_project_rejected_more_often_than_it_labelled_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """الموسم rejected twice as PER, never labelled so: gone, والموسم too; سعيد, rejected once
    but labelled PER twice, stays."""
    labelled = TrainingDocument("قال سعيد إن سعيد وصل", [(4, 8, "PER"), (12, 16, "PER")])
    gazetteer = gazetteer_of([labelled], rejected=[("الموسم", "PER"), ("الموسم", "PER"), ("سعيد", "PER")])
    assert gazetteer.turned_down("والموسم", "PER") and not gazetteer.turned_down("الموسم", "LOC")
    assert not gazetteer.turned_down("سعيد", "PER")
    text = "قال سعيد إن الموسم بدأ"
    found = [Recommendation(4, 8, "PER", 0.7, "crf"), Recommendation(12, 18, "PER", 0.9, "crf")]
    monkeypatch.setattr(CrfTagger, "recommend", lambda *_: found)
    suggested = crf_recommender(train_crf(training_set()), gazetteer)(text)
    assert [text[r.start : r.end] for r in suggested] == ["سعيد"]


def test_a_replay_tells_the_suggestions_rejected() -> None:
    gold = [(0, 5, "PER")]
    shown = [Recommendation(0, 5, "PER", 0.9, "crf"), Recommendation(10, 15, "LOC", 0.6, "crf")]
    assert replay_actions(gold, shown).rejected == {(10, 15, "LOC")}


def test_strings_over_the_crf_need_most_of_their_places_labelled(monkeypatch: pytest.MonkeyPatch) -> None:
    """A string labelled in half its places: the strings recommender suggests it, strings + CRF
    (where the CRF, which read it, found nothing) does not; one labelled everywhere, both do."""
    first, second = "قال حسام إن سمير وصل", "حسام الدين في المكتب مع سمير"
    documents = [
        TrainingDocument(first, [(4, 8, "PER"), (first.index("سمير"), len(first) - 4, "PER")]),
        TrainingDocument(second, [(second.index("سمير"), len(second), "PER")]),
    ]
    gazetteer = gazetteer_of(documents)
    assert gazetteer.share("حسام", "PER") == 0.5 and gazetteer.share("سمير", "PER") == 1.0
    text = "رأى حسام سمير"
    alone = strings_recommender(gazetteer)(text)
    assert {text[r.start : r.end] for r in alone} == {"حسام", "سمير"}
    monkeypatch.setattr(CrfTagger, "recommend", lambda *_: [])
    combined = crf_recommender(train_crf(training_set()), gazetteer, with_strings=True)(text)
    assert {text[r.start : r.end] for r in combined} == {"سمير"}
