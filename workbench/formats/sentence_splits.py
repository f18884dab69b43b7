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

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from workbench.core.model import ImportedDocument
from workbench.core.progress import Progress
from workbench.formats.base import ExportOptions, atomic_text_output, check_offsets
from workbench.formats.splits import SPLIT_NAMES, assign_splits, refuse_empty_splits


class Sentence(NamedTuple):
    """A sentence as an export writes it, and the labels of the spans that start in it."""

    text: str
    labels: frozenset[str]


def write_sentence_splits(
    documents: Iterable[ImportedDocument],
    folder: Path,
    options: ExportOptions,
    progress: Progress,
    *,
    suffix: str,
    sentences: Callable[[ImportedDocument], Iterable[Sentence]],
) -> list[str]:
    """Write ``train``, ``validation`` and ``test`` files of whole sentences into ``folder``, a
    folder being built by ``export_folder``; the names of the splits written. ``options.split``
    must be set."""
    assert options.split is not None, "a split by sentence needs the percentages"
    collected: list[Sentence] = []
    for done, annotated in enumerate(documents, start=1):
        check_offsets(annotated)
        collected.extend(sentences(annotated))
        progress(done, 0)
    refuse_empty_splits(len(collected), options.split, "sentence")
    assignment = assign_splits([s.labels for s in collected], options.split, options.seed)
    written = []
    for number, name in enumerate(SPLIT_NAMES):
        chosen = [s.text for s, split in zip(collected, assignment, strict=True) if split == number]
        if chosen:
            with atomic_text_output(folder / f"{name}{suffix}", in_built_folder=True) as stream:
                stream.writelines(chosen)
            written.append(name)
    return written
