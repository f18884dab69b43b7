"""The CRF recommender, the command protocol, and the action replay of evaluation."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.errors import WorkbenchError
from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.recommenders.command import run_command
from workbench.core.recommenders.crf import CrfModel, CrfTagger, shape, train_crf
from workbench.core.recommenders.evaluation import replay_actions, training_sizes
from workbench.core.recommenders.gazetteer import Gazetteer
from workbench.core.recommenders.words import sentences_of

PLACES = ["بغداد", "الموصل", "دمشق", "بيروت", "عمان", "القاهرة"]
PEOPLE = ["محمد", "علي", "سعيد", "خالد", "حسن", "يوسف"]


def training_set() -> list[TrainingDocument]:
    documents = []
    for index in range(12):
        person, place = PEOPLE[index % 6], PLACES[(index * 5 + index // 6) % 6]
        text = f"وصل {person} إلى {place} أمس وقال {person} إن الوضع هادئ في {place} ."
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


def test_shape_folds_runs_of_one_kind() -> None:
    assert (shape("بغداد"), shape("ISIS-2"), shape("٢٠١٤")) == ("A", "L.9", "9")


def example(*argv: str) -> str:
    return " ".join([sys.executable, *argv])


def test_the_example_command_of_the_docs_follows_the_protocol() -> None:
    script = REPO_ROOT / "docs" / "recommender_example.py"
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


def test_training_sizes_grow_to_what_is_available() -> None:
    assert training_sizes(74) == [4, 9, 18, 37, 74]
    assert training_sizes(1) == [1]


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
    text = "زار سعيد بغداد ثم غادر سعيد إلى وبغداد"
    gold = [(4, 8, "PER"), (9, 14, "LOC"), (23, 27, "PER"), (32, 38, "LOC")]
    # سعيد and بغداد labelled by hand (2 + 2), their second occurrences accepted (1 + 1)
    assert replay_actions(gold, [], text).assisted == 6
    assert replay_actions(gold, []).assisted == 8
