"""Each document's alpha_U studies, worked out in a second process while the report goes on.

alpha_U is the costliest measure of the report (5 s of 13 at 10,000 documents x 3 annotators),
and it reads of a document only its length and the entity spans of the annotators who finished
it. So the report hands those on as it prepares each document (``AlphaUStudies.add``), and a
second process (``core.ahead_process``) works out the studies of each batch (``BATCH``
documents) while the report reads and prepares the documents that follow; the report takes them
back, in order, for its alpha_U section (``studies``).

The first batch is worked out here (the process starts once it is full, to take those that
follow), so a report smaller than a batch starts no process; so is the last, partial one, and
any batch whose studies are not back when they are asked for while the process has answered
nothing yet (it is still starting), or once it has died.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType

from workbench.core.ahead_process import AheadProcess

from .alpha_u import Continuum, UnitSpec
from .values import FEWER_THAN_TWO_FINISHED, Score, Undefined, pair_key

BATCH = 100
"""Documents handed on at once. A batch is pickled (and its studies unpickled) in one call that
holds the interpreter: 1.5 ms for 100 documents of 3 annotators with 20 spans each, 9 ms for
500, with which a window's thread waited up to 27 ms while the dashboard computed
(``tests/benchmarks/test_interpreter_waits_bench.py``)."""

Entities = Mapping[str, Sequence[UnitSpec]]
"""The entity spans of each annotator who finished a document, in the study's order."""
Batch = tuple[Sequence[tuple[str, str]], list[tuple[int, Entities]]]
"""The pairs of annotators, and documents as their text's length and their ``Entities``."""


@dataclass(frozen=True, slots=True)
class DocumentStudies:
    """A document's alpha_U: of all who finished it (undefined for fewer than two), of each
    category there, and of each pair of them, by the pair's key."""

    overall: Score
    per_category: dict[str, Score]
    pairs: dict[str, Score]


def document_studies(
    text_length: int, entities: Mapping[str, Iterable[UnitSpec]], pairs: Iterable[tuple[str, str]]
) -> DocumentStudies:
    if len(entities) < 2:
        return DocumentStudies(Undefined(FEWER_THAN_TWO_FINISHED), {}, {})
    continuum = Continuum(entities, text_length)
    study = continuum.alpha_u()
    return DocumentStudies(
        study.overall,
        study.per_category,
        {
            pair_key(a, b): continuum.alpha_u([a, b]).overall
            for a, b in pairs
            if a in entities and b in entities
        },
    )


def batch_studies(batch: Batch) -> list[DocumentStudies]:
    """The studies of a batch's documents, in its order (what the process answers)."""
    pairs, documents = batch
    return [document_studies(length, entities, pairs) for length, entities in documents]


@dataclass(slots=True)
class _HandedOn:
    """A batch, and the number it was sent to the process as (None: it is worked out here)."""

    documents: list[tuple[int, Entities]]
    number: int | None


class AlphaUStudies:
    """The studies of the documents added, worked out ahead (module docstring); a context
    manager, which ends the process however the report ends."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.pairs = list(pairs)
        self.handed_on: list[_HandedOn] = []
        self.filling: list[tuple[int, Entities]] = []
        self.process: AheadProcess[Batch, list[DocumentStudies]] | None = None

    def __enter__(self) -> AlphaUStudies:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.process is not None:
            self.process.close()

    def add(self, text_length: int, entities: Entities) -> None:
        self.filling.append((text_length, entities))
        if len(self.filling) >= BATCH:
            self._hand_on(self.filling)
            self.filling = []

    def studies(self) -> list[DocumentStudies]:
        """Every document's studies, in the order they were added."""
        if self.filling:
            self.handed_on.append(_HandedOn(self.filling, None))
            self.filling = []
        here = {
            index: self._worked_out_here(batch)
            for index, batch in enumerate(self.handed_on)
            if batch.number is None
        }  # first, while the process finishes its own
        found: list[DocumentStudies] = []
        for index, batch in enumerate(self.handed_on):
            answer = here[index] if batch.number is None else self._answer(batch.number)
            found.extend(self._worked_out_here(batch) if answer is None else answer)
        # The documents' entities are the report's to free, a slice at a time; held here to the
        # report's end, they were all freed at once, the window's thread waiting 20-28 ms.
        self.handed_on = []
        return found

    def _worked_out_here(self, batch: _HandedOn) -> list[DocumentStudies]:
        return batch_studies((self.pairs, batch.documents))

    def _answer(self, number: int) -> list[DocumentStudies] | None:
        """The process's answer to the batch sent as ``number``; None when it has none
        (``AheadProcess.answer``)."""
        assert self.process is not None, "a batch was sent, so the process was started"
        return self.process.answer(number)

    def _hand_on(self, documents: list[tuple[int, Entities]]) -> None:
        if self.process is None:  # the first batch: the process starts for those that follow
            self.process = AheadProcess(batch_studies, "workbench alpha_U")
            self.handed_on.append(_HandedOn(documents, None))
            return
        number = self.process.send((self.pairs, documents)) if self.process.alive() else None
        self.handed_on.append(_HandedOn(documents, number))
