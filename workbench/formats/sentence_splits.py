"""Train/validation/test splits by sentence, for the CoNLL and Hugging Face exports.

``--split-by sentence`` splits the sentences of all documents instead of the documents, for a
corpus of few documents (each file of a CoNLL corpus is one document). A sentence is a segment
of ``tokenized`` (sentences joined where a span crosses a break), of one export unit. The
sentences are assigned as ``splits`` assigns documents: in export order, shuffled with the seed,
stratified by their rarest label, sizes by largest remainder, and a split left empty refused.
Each split file keeps the sentences in their order in the export. The texts of one document may
then be in several splits, which is what a split by sentence means; ``-DOCSTART-`` lines are not
written, since a split no longer holds whole documents.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import NamedTuple

from workbench.core.model import ImportedDocument
from workbench.core.progress import Progress
from workbench.formats.base import ExportOptions, atomic_text_output, check_offsets
from workbench.formats.report import FormatReport
from workbench.formats.splits import SPLIT_NAMES, assign_splits, refuse_empty_splits


class Sentence(NamedTuple):
    """A sentence as an export writes it, and the labels of the spans that start in it."""

    text: str
    labels: frozenset[str]


SentenceRenderer = Callable[[ImportedDocument], Iterable[Sentence]]
"""The sentences of one document."""
SentenceRendererFactory = Callable[[ExportOptions, FormatReport], SentenceRenderer]
"""An exporter's ``sentence_renderer``: what it renders each document's sentences with, counting
what it widened or left out in the report (``formats.sentence_renderer``)."""


def write_sentence_splits(
    documents: Iterable[ImportedDocument],
    folder: Path,
    options: ExportOptions,
    progress: Progress,
    *,
    suffix: str,
    sentences: SentenceRenderer,
) -> list[str]:
    """Write ``train``, ``validation`` and ``test`` files of whole sentences into ``folder``, a
    folder being built by ``export_folder``; the names of the splits written. ``options.split``
    must be set. Each document is checked (``check_offsets``) and its ``sentences`` rendered
    now, or they were so ahead (``ExportOptions.sentences_ahead``).

    The sentences cannot be assigned before all are known, so their texts are spilled in order
    to a temporary file in ``folder`` as the documents are rendered (``_Spill``), and only their
    labels are held; the texts are then read back once, each written to its split's file. Held,
    the texts of 10,000 documents of 3,000 characters were a peak of 410 MB (hf). What the disk
    refuses is said by ``export_folder``, naming the export."""
    assert options.split is not None, "a split by sentence needs the percentages"
    label_sets: list[frozenset[str]] = []
    shared: dict[frozenset[str], frozenset[str]] = {}  # one object for each set of labels
    document_sentences = options.sentences_ahead or _checked(sentences)
    with _Spill(folder) as spill:
        for done, annotated in enumerate(documents, start=1):
            for text, labels in document_sentences(annotated):
                spill.add(text)
                label_sets.append(shared.setdefault(labels, labels))
            progress(done, 0)
        refuse_empty_splits(len(label_sets), options.split, "sentence")
        assignment = assign_splits(label_sets, options.split, options.seed)
        return _write_assigned(spill.texts(), assignment, folder, suffix)


def _checked(sentences: SentenceRenderer) -> SentenceRenderer:
    def checked(annotated: ImportedDocument) -> Iterable[Sentence]:
        check_offsets(annotated)
        return sentences(annotated)

    return checked


def _write_assigned(texts: Iterator[str], assignment: bytearray, folder: Path, suffix: str) -> list[str]:
    """Write each sentence's text to the file of its split, keeping their order; the names of
    the splits that received any."""
    chosen = sorted(set(assignment))
    with ExitStack() as files:
        streams = {
            split: files.enter_context(
                atomic_text_output(folder / f"{SPLIT_NAMES[split]}{suffix}", in_built_folder=True)
            )
            for split in chosen
        }
        for text, split in zip(texts, assignment, strict=True):
            streams[split].write(text)
    return [SPLIT_NAMES[split] for split in chosen]


class _Spill:
    """Texts written in order to a temporary file in a folder, and read back in that order: the
    file holds them (UTF-8, exactly as written), and this their lengths. The file is gone once
    closed (at once where the system allows)."""

    def __init__(self, folder: Path) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=folder)  # noqa: SIM115 - closed by __exit__
        self.lengths = array("I")

    def __enter__(self) -> _Spill:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.file.close()

    def add(self, text: str) -> None:
        self.file.write(text)
        self.lengths.append(len(text))

    def texts(self) -> Iterator[str]:
        """The texts added, in order."""
        self.file.seek(0)
        for length in self.lengths:
            yield self.file.read(length)
