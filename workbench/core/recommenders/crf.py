"""The CRF recommender: a linear-chain conditional random field (python-crfsuite) over Arabic
word features, trained on the project's own annotations.

Features of a word: its normalized form, its proclitics and stem (``words``), the stem's first
and last two and three letters, its shape (Arabic, Latin, digits, punctuation), its place in
the sentence, the same for its neighbours, and the gazetteer's tag on it and around it. The
gazetteer features of the training sentences come from the other half of the training documents
(a two-fold jackknife): a gazetteer built from a sentence's own spans would always be right
there, and the model would learn to trust it more than it deserves on new text.

A trained model is the bytes of crfsuite's model file: the project stores them (a table), so the
model survives a restart and travels in packages.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]  # no type information published

from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.recommenders.gazetteer import Gazetteer, gazetteer_of, match_tags
from workbench.core.recommenders.words import Word, sentences_of, tag_chunks, word_tags

NAME = "crf"

TRAINING = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
"""L-BFGS with elastic-net regularization: crfsuite's usual settings for named entities."""


@dataclass(frozen=True)
class CrfModel:
    data: bytes
    documents: int
    """How many documents it was trained on."""


def shape(text: str) -> str:
    """The kinds of characters in ``text``, each run of one kind written once: ``A`` Arabic
    letters, ``L`` other letters, ``9`` digits, ``.`` punctuation, ``*`` anything else."""
    kinds: list[str] = []
    for char in text:
        if char.isdigit():
            kind = "9"
        elif char.isalpha():
            kind = "A" if "\u0600" <= char <= "\u06ff" else "L"
        elif unicodedata.category(char).startswith("P"):
            kind = "."
        elif unicodedata.category(char).startswith("M"):
            continue
        else:
            kind = "*"
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    return "".join(kinds)


def _own_features(word: Word) -> list[str]:
    stem = word.stem
    return [
        f"w={word.normalized}",
        f"s={stem}",
        f"p={word.proclitics}",
        f"s2={stem[:2]}",
        f"s3={stem[:3]}",
        f"e2={stem[-2:]}",
        f"e3={stem[-3:]}",
        f"sh={shape(word.text)}",
        f"n={min(len(stem), 8)}",
    ]


def _neighbour_features(word: Word, offset: int) -> list[str]:
    stem = word.stem
    return [f"{offset}s={stem}", f"{offset}p={word.proclitics}", f"{offset}e2={stem[-2:]}"]


def sentence_features(sentence: Sequence[Word], gazetteer_tags: Sequence[str]) -> list[list[str]]:
    own = [_own_features(word) for word in sentence]
    near = {
        offset: [_neighbour_features(word, offset) for word in sentence] for offset in (-2, -1, 1, 2)
    }
    features: list[list[str]] = []
    for index in range(len(sentence)):
        item = ["b", *own[index], f"g={gazetteer_tags[index]}"]
        for offset, words in near.items():
            position = index + offset
            if 0 <= position < len(sentence):
                item += words[position]
                if abs(offset) == 1:
                    item.append(f"{offset}g={gazetteer_tags[position]}")
            else:
                item.append(f"{offset}edge")
        features.append(item)
    return features


def train_crf(documents: Sequence[TrainingDocument]) -> CrfModel:
    """A model trained on ``documents`` (at least one span among them)."""
    halves = (documents[0::2], documents[1::2])
    others = (gazetteer_of(halves[1]), gazetteer_of(halves[0]))
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(TRAINING)
    for half, gazetteer in zip(halves, others, strict=True):
        for document in half:
            for sentence in sentences_of(document.text):
                trainer.append(
                    sentence_features(sentence, match_tags(gazetteer, sentence)),
                    word_tags(sentence, document.spans),
                )
    with tempfile.TemporaryDirectory(prefix="tawsim-crf-") as folder:
        path = Path(folder) / "model.crfsuite"
        trainer.train(str(path))
        return CrfModel(path.read_bytes(), len(documents))


class CrfTagger:
    """A trained model, opened once, tagging documents (not shared between threads)."""

    def __init__(self, model: CrfModel) -> None:
        self.model = model
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model.data)

    def recommend(
        self, sentences: Sequence[Sequence[Word]], gazetteer: Gazetteer
    ) -> list[Recommendation]:
        """The model's spans in a document (its ``words.sentences_of``), each scored by the
        lowest marginal probability of its words' tags."""
        found: list[Recommendation] = []
        tagger = self._tagger
        for sentence in sentences:
            tags = tagger.tag(sentence_features(sentence, match_tags(gazetteer, sentence)))
            for first, past, label in tag_chunks(tags):
                score = min(tagger.marginal(tags[i], i) for i in range(first, past))
                found.append(
                    Recommendation(sentence[first].start, sentence[past - 1].end, label, score, NAME)
                )
        return found
