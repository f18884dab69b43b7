"""The CRF recommender: a linear-chain conditional random field (python-crfsuite) over Arabic
word features, trained on the project's own annotations.

Features of a word: its normalized form, its proclitics and stem (``words``), whether it has the
article, the stem's first and last one to three letters, the first two
letters of the whole word, its shape (Arabic, Latin, digits, punctuation), its length, its place
in the sentence, how often its stem occurs in the training texts (labelled or not: a name is
rarer than a common word) and in its own document, and the two together (a stem rare in the
project but repeated in one document is most often a name of that document's story), its vowel
skeleton and the share of its letters that write vowels (``vowel_skeleton``: a transliterated
foreign name, the names a model has seen least, writes its vowels), the gazetteer's tag on it,
the tag its stem most often has as a word of the gazetteer's entries and how often it is one
(``name_word_features``: a first name seen in other names begins a new one);
the form, stem, proclitics, affixes and
shape of the two words each side (and the gazetteer's tags and name-word tags next to it), and
the stem bigrams with each neighbour; and the stems found most often just before the word's stem
and just after it anywhere in the project's texts, labelled or not (``contexts_of``: a name seen
once in training is known by the company it keeps elsewhere). The gazetteer features of the
training sentences come from the other half of the training documents (a two-fold jackknife): a
gazetteer built from a sentence's own spans would always be right there, and the model would
learn to trust it more than it deserves on new text.

A span is suggested when the tagger's marginal probabilities make its range likelier right than
not (``MIN_SCORE``, ``Marginals.range_score``).

A trained model is the bytes of crfsuite's model file: the project stores them (a table), so the
model survives a restart and travels in packages.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pycrfsuite  # type: ignore[import-untyped]  # no type information published

from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.recommenders.gazetteer import Gazetteer, gazetteer_of, match_tags
from workbench.core.recommenders.words import Word, sentences_of, tag_chunks, word_tags

NAME = "crf"

TRAINING = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 100,
    "feature.possible_transitions": True,
}
"""L-BFGS with elastic-net regularization: crfsuite's usual settings for named entities. Chosen
by 4-fold cross-validation inside the training share of ANERcorp (never on its held-out fifth):
c1 0.02-0.2 and c2 0.005-0.05 all gave F1 0.59-0.61; 100 iterations gave what 150 gave (0.613,
0.614) in two thirds of the time."""
MIN_SCORE = 0.5
"""A span no likelier right than this is not suggested: a wrong suggestion costs the annotator
an action (rejecting it) as much as a right one saves (accepting it rather than labelling)."""
ARTICLE = ("\u0627\u0644", "\u0644\u0644")
"""The definite article ال at the end of a word's proclitics (ل + ال is written لل)."""


CONTEXT_WORDS = 8
"""How many of the stems most often just before a word, and of those most often just after it,
in the project's texts are its features (``contexts_of``). On ANERcorp, from 0 to 1, 3, 6, 8, 10
and 12: the CRF's F1 on the held-out fifth 0.678 -> 0.679, 0.691, 0.699, 0.697, 0.699, 0.704;
strings + CRF 0.679 -> 0.679, 0.690, 0.698, 0.698, 0.701, 0.709; replaying the corpus, actions
with/without 0.727 -> 0.726, 0.726, 0.721, 0.724, 0.726, 0.727 (noisy: each model tags a few names
otherwise). 6 replays best, but strings + CRF then falls under the CRF alone."""
EDGE = "|"
"""The neighbour of a sentence's first word before it, and of its last after it."""
SHAPES_KEPT = 1 << 15
"""Words whose ``shape`` is kept (a few megabytes)."""
Contexts = Mapping[str, Sequence[str]]
"""Per stem, its context features (``contexts_of``)."""
NO_CONTEXTS: Contexts = MappingProxyType({})


@dataclass(frozen=True)
class CrfModel:
    data: bytes
    documents: int
    """How many documents it was trained on."""


@lru_cache(maxsize=SHAPES_KEPT)
def shape(text: str) -> str:
    """The kinds of characters in ``text``, each run of one kind written once: ``A`` Arabic
    letters, ``L`` other letters, ``9`` digits, ``.`` punctuation, ``*`` anything else. Kept for
    the words met most (``SHAPES_KEPT``): a word's shape is a feature of it and of its four
    neighbours, and was made five times (``Marginals`` gives what keeping it saved)."""
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
    stem, normalized = word.stem, word.normalized
    return [
        f"w={normalized}",
        f"s={stem}",
        f"p={word.proclitics}",
        f"al={word.proclitics.endswith(ARTICLE)}",
        f"s1={stem[:1]}",
        f"s2={stem[:2]}",
        f"s3={stem[:3]}",
        f"e1={stem[-1:]}",
        f"e2={stem[-2:]}",
        f"e3={stem[-3:]}",
        f"b2={normalized[:2]}",
        f"sh={shape(word.text)}",
        f"n={min(len(stem), 8)}",
    ]


def _neighbour_features(word: Word, offset: int) -> list[str]:
    stem = word.stem
    return [
        f"{offset}w={word.normalized}",
        f"{offset}s={stem}",
        f"{offset}p={word.proclitics}",
        f"{offset}e2={stem[-2:]}",
        f"{offset}s2={stem[:2]}",
        f"{offset}sh={shape(word.text)}",
    ]


def frequency_class(count: int) -> str:
    """How often a stem occurs, in four classes."""
    return "0" if count == 0 else "1" if count == 1 else "few" if count < 5 else "many"


VOWEL_LETTERS = frozenset("\u0627\u0648\u064a")
"""ا و ي: long vowels in an Arabic word, and most vowels of a transliterated name."""


def vowel_skeleton(stem: str) -> str:
    """``stem`` with each letter read as a vowel letter (``V``) or not (``C``): Arabic words
    follow a few root patterns, a transliterated name (ستيفن، جيرمان، شميت) rarely does."""
    return "".join("V" if char in VOWEL_LETTERS else "C" for char in stem)


def _frequency_features(word: Word, gazetteer: Gazetteer, in_document: Mapping[str, int]) -> list[str]:
    skeleton = vowel_skeleton(word.stem)
    project = frequency_class(gazetteer.stems[word.stem])
    count = in_document.get(word.stem, 0)
    document = "1" if count <= 1 else "2" if count == 2 else "3+"
    return [
        f"f={project}",
        f"d={document}",
        f"fd={project}|{document}",
        f"sk={skeleton}",
        f"vr={round(4 * skeleton.count('V') / max(len(skeleton), 1))}",
    ]


def name_word_features(word: Word, gazetteer: Gazetteer) -> list[str]:
    """The tag the gazetteer's entries most often give ``word``'s stem as one of their words
    (``Gazetteer.name_words``), and the share of the stem's occurrences that are in an entry, in
    five classes (a word of names that is also a common word, عبد or بن, is seldom one)."""
    tags = gazetteer.name_words.get(word.stem)
    if not tags:
        return []
    tag = tags.most_common(1)[0][0]
    named = tags.total()
    share = round(4 * named / max(gazetteer.stems[word.stem], named))
    return [f"t={tag}", f"ts={share}", f"t|s={tag}|{share}"]


def contexts_of(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Per stem of ``texts`` (all the project's, labelled or not), the ``CONTEXT_WORDS`` stems
    found most often just before it and those found most often just after it (``EDGE`` at a
    sentence's ends), as features: where a word the model has seen little stands elsewhere (after
    قال, رئيس, في) tells what it is here. Tuples of strings, which the garbage collector stops
    following after its first pass: as lists, the tens of thousands of them made a full
    collection during a suggestion take 40 ms more."""
    before: defaultdict[str, Counter[str]] = defaultdict(Counter)
    after: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for sentence in sentences_of(text):
            stems = [EDGE, *(word.stem for word in sentence), EDGE]
            for index in range(1, len(stems) - 1):
                before[stems[index]][stems[index - 1]] += 1
                after[stems[index]][stems[index + 1]] += 1
    return {
        stem: (
            *(f"cb={other}" for other, _ in before[stem].most_common(CONTEXT_WORDS)),
            *(f"ca={other}" for other, _ in after[stem].most_common(CONTEXT_WORDS)),
        )
        for stem in before
    }


def document_stems(sentences: Sequence[Sequence[Word]]) -> Counter[str]:
    """How often each stem occurs in a document (its sentences)."""
    return Counter(word.stem for sentence in sentences for word in sentence)


def sentence_features(
    sentence: Sequence[Word],
    gazetteer: Gazetteer,
    in_document: Mapping[str, int],
    contexts: Contexts = NO_CONTEXTS,
) -> list[list[str]]:
    """Each word's features (see above); ``in_document`` counts the stems of its document
    (``document_stems``), ``contexts`` are those of the project's texts (``contexts_of``)."""
    gazetteer_tags = match_tags(gazetteer, sentence)
    name_words = [name_word_features(word, gazetteer) for word in sentence]
    own = [
        [*_own_features(word), *_frequency_features(word, gazetteer, in_document), *name_words[index]]
        for index, word in enumerate(sentence)
    ]
    near = {
        offset: [_neighbour_features(word, offset) for word in sentence] for offset in (-2, -1, 1, 2)
    }
    stems = [word.stem for word in sentence]
    features: list[list[str]] = []
    for index in range(len(sentence)):
        item = ["b", *own[index], f"g={gazetteer_tags[index]}", f"i={min(index, 3)}"]
        item += contexts.get(stems[index], ())
        for offset, words in near.items():
            position = index + offset
            if 0 <= position < len(sentence):
                item += words[position]
                if abs(offset) == 1:
                    item.append(f"{offset}g={gazetteer_tags[position]}")
                    item += (f"{offset}{feature}" for feature in name_words[position][:1])
            else:
                item.append(f"{offset}edge")
        if index > 0:
            item.append(f"-1|0={stems[index - 1]}|{stems[index]}")
        if index + 1 < len(sentence):
            item.append(f"0|1={stems[index]}|{stems[index + 1]}")
        features.append(item)
    return features


def train_crf(documents: Sequence[TrainingDocument], contexts: Contexts = NO_CONTEXTS) -> CrfModel:
    """A model trained on ``documents`` (at least one span among them), with the ``contexts`` of
    the project's texts (``contexts_of``; those it then suggests with)."""
    halves = (documents[0::2], documents[1::2])
    others = (gazetteer_of(halves[1]), gazetteer_of(halves[0]))
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(TRAINING)
    for half, gazetteer in zip(halves, others, strict=True):
        for document in half:
            sentences = sentences_of(document.text)
            in_document = document_stems(sentences)
            for sentence in sentences:
                trainer.append(
                    sentence_features(sentence, gazetteer, in_document, contexts),
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
        self, sentences: Sequence[Sequence[Word]], gazetteer: Gazetteer, contexts: Contexts = NO_CONTEXTS
    ) -> list[Recommendation]:
        """The model's spans in a document (its ``words.sentences_of``) likelier right than
        not, each scored by ``Marginals.range_score``; ``contexts`` as the model was trained
        with."""
        found: list[Recommendation] = []
        tagger = self._tagger
        in_document = document_stems(sentences)
        for sentence in sentences:
            tags = tagger.tag(sentence_features(sentence, gazetteer, in_document, contexts))
            marginals = Marginals(tagger, len(sentence))
            for first, past, label in tag_chunks(tags):
                score = marginals.range_score(first, past)
                if score > MIN_SCORE:
                    found.append(
                        Recommendation(sentence[first].start, sentence[past - 1].end, label, score, NAME)
                    )
        return found


class Marginals:
    """Per word of the sentence a tagger tagged last, the probability that a name (of any
    label) begins there, and that one goes on there: read from the tagger at the words a range
    asks about, before it tags another sentence. Most words are in no name suggested: every
    word's were read, for every tag (with ``shape`` kept, suggesting on 300 documents of 3,000
    characters went from 8.7-9.3 s to 7.2-7.9 s)."""

    def __init__(self, tagger: pycrfsuite.Tagger, length: int) -> None:
        tags = [tag for tag in tagger.labels() if tag != "O"]
        self._begin = [tag for tag in tags if tag.startswith("B-")]
        self._inside = [tag for tag in tags if tag.startswith("I-")]
        self._tagger = tagger
        self._length = length

    def _sum(self, tags: list[str], position: int) -> float:
        return float(sum(self._tagger.marginal(tag, position) for tag in tags))

    def range_score(self, first: int, past: int) -> float:
        """Roughly the probability that words ``[first, past)`` are a name, whatever its label
        (a right range with a wrong label costs the annotator no more than a right one: the
        label's key accepts and relabels it): the least of the marginals that one begins at
        ``first``, goes on to ``past`` and stops there."""
        inside = min((self._sum(self._inside, i) for i in range(first + 1, past)), default=1.0)
        stops = 1.0 - self._sum(self._inside, past) if past < self._length else 1.0
        return min(self._sum(self._begin, first), inside, stops)
