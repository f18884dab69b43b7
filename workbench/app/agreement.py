"""Agreement over a project: the annotators' sets turned into the measures' input, and the report.

Tokens are the document's own token layer (kept from a tokenized import) or camel-tools tokens,
read from the project's token cache (``store.token_cache``), those it lacks cut a batch ahead in
a second process (``store.tokens_ahead``). The documents are read a batch at a time, and each is
reduced to what the measures read before the next is taken (``agreement_report``).
The cyclic garbage collector is paused meanwhile: the report keeps millions of small objects (the
documents' spans) to its end and makes no cycles, and the collector walked them again and again
(12% of the time at 10,000 documents x 3 annotators).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any

import numpy as np

from workbench.app.packages import choose_documents
from workbench.app.progress import counted
from workbench.core.agreement import DocumentAnnotations, agreement_report
from workbench.core.agreement.documents import TokenRanges
from workbench.core.errors import WorkbenchError
from workbench.core.gc_pause import collection_paused
from workbench.core.model import GOLD, AnnotatedDocument, Document
from workbench.core.progress import Progress, no_progress
from workbench.core.tokens import TextTokens, text_tokens
from workbench.store.project import Project
from workbench.store.token_cache import token_cache
from workbench.store.tokens_ahead import cut_ahead

TOKENIZER = "camel-tools simple_word_tokenize, or the document's own tokens where it has them"


def project_agreement(
    project: Project,
    annotators: Sequence[str] = (),
    documents: Sequence[str] = (),
    *,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
    symmetric_relations: Collection[str] | None = None,
) -> dict[str, Any]:
    """The agreement report of ``annotators`` (default: everyone but gold) on ``documents``
    (names or ids; default: every document any of them has a set on: a document none of them
    was given adds no figure, only an empty row and its tokens to nobody's count), with each
    document's name added.
    ``symmetric_relations``: the relation types whose ends match in either order (the schema's
    when not given)."""
    chosen = list(annotators) or [a for a in project.annotators() if a != GOLD]
    unknown = sorted(set(chosen) - set(project.annotators()))
    if unknown:
        raise WorkbenchError(f"no annotator {unknown[0]!r} in {project.path}")
    if len(chosen) < 2:
        raise WorkbenchError(f"agreement needs two annotators or more; {project.path} has {chosen}")
    document_ids = choose_documents(project, documents) if documents else project.documents_annotated_by(chosen)
    names: dict[str, str] = {}
    annotated = counted(project.iter_annotated(tuple(chosen), document_ids), progress, len(document_ids), cancelled)
    with (
        token_cache(project.conn, writable=not project.readonly) as cache,
        collection_paused(),
        cut_ahead(annotated, cache) as in_order,
    ):
        report = agreement_report(
            (measures_input(a, chosen, names, cache.tokens) for a in in_order),
            chosen,
            tokenizer=TOKENIZER,
            symmetric_relations=(
                project.schema.symmetric_relation_types if symmetric_relations is None else symmetric_relations
            ),
        )
    for row in report["per_document"]:
        row["name"] = names[row["document_id"]]
    return report


def measures_input(
    annotated: AnnotatedDocument,
    annotators: Sequence[str],
    names: dict[str, str],
    tokens_of: Callable[[Document], TextTokens] | None = None,
) -> DocumentAnnotations:
    """The measures' input for one document; ``tokens_of`` gives a text's camel-tools tokens
    where the document has no token layer of its own (a project's token cache; None: cut them
    now)."""
    document = annotated.document
    names[document.id] = document.name
    tokens: TokenRanges | None = document.tokens
    if not tokens:
        cut = text_tokens(document.text) if tokens_of is None else tokens_of(document)
        tokens = np.array((cut.starts, cut.ends), dtype=np.int64).T
    sets = [s for s in annotated.sets if s.annotator in annotators]
    return DocumentAnnotations.from_sets(document.id, len(document.text), tokens, sets)


def report_rows(report: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every number of the report as (JSON Pointer, value), for CSV output."""
    yield from _flatten(report, "")


def _flatten(value: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            yield from _flatten(item, f"{pointer}/{escaped}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{pointer}/{index}")
    elif value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        yield pointer, value
