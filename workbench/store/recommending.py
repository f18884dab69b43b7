"""What the recommenders keep in the project: the reserved set ``suggestions`` on each document
(each span's ``recommender`` and ``score`` as its attributes) and the trained models (bytes,
by recommender name), which packages carry to the annotators."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from workbench.core.model import GOLD, SUGGESTIONS, AnnotationSet, Span, Status
from workbench.core.progress import CancelCheck, never, stopping
from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.suggestions import any_overlap
from workbench.store.clock import now
from workbench.store.connection import write_transaction
from workbench.store.reading import PROJECT_ORDER
from workbench.store.rows import marks

if TYPE_CHECKING:
    from workbench.store.project import Project


def store_suggestions(
    project: Project, document_id: str, found: Sequence[Recommendation]
) -> list[Span]:
    """Make the document's suggestions exactly ``found`` (one per range and label). A
    suggestion stored already on the same range with the same label keeps its id: a window that
    read the suggestions before this fill accepts or rejects them by id."""
    text = project.document(document_id).text
    kept = {(s.start, s.end, s.label): s.id for s in suggestion_spans(project, document_id)}
    spans = [
        replace(
            span,
            id=kept.get(r.key, span.id),
            attributes={"recommender": r.recommender, "score": round(r.score, 4)},
        )
        for r in {r.key: r for r in found}.values()
        for span in (project.new_span(text, r.start, r.end, r.label),)
    ]
    suggested = AnnotationSet(SUGGESTIONS, tuple(spans), status=Status.NEW)
    project.replace_set(document_id, SUGGESTIONS, suggested)
    return spans


def suggestion_spans(project: Project, document_id: str) -> list[Span]:
    found = project.annotation_set(document_id, SUGGESTIONS)
    return list(found.spans) if found else []


def forget_rejection(
    project: Project, document_id: str, annotator: str, start: int, end: int, label: str
) -> None:
    """Undo ``Project.reject_suggestion``."""
    project.require_writable()
    with write_transaction(project.conn):
        project.conn.execute(
            "DELETE FROM rejected_suggestions WHERE document_id = ? AND annotator = ? AND start = ? "
            'AND "end" = ? AND label = ?',
            [document_id, annotator, start, end, label],
        )


def rejected_strings(project: Project) -> list[tuple[str, str]]:
    """(text, label) of every rejected suggestion in the project: the gazetteer counts them."""
    return [
        (text[start:end], label)
        for text, start, end, label in project.conn.execute(
            'SELECT d.text, r.start, r."end", r.label FROM rejected_suggestions r '
            "JOIN documents d ON d.id = r.document_id"
        )
    ]


def save_model(project: Project, name: str, model: bytes, documents: int) -> None:
    project.require_writable()
    with write_transaction(project.conn):
        project.conn.execute(
            "INSERT OR REPLACE INTO recommender_models (name, model, documents, trained) "
            "VALUES (?, ?, ?, ?)",
            [name, model, documents, now()],
        )


def load_model(project: Project, name: str) -> tuple[bytes, int] | None:
    """(model, the project's training documents when it was trained), or None when none was
    trained."""
    row = project.conn.execute(
        "SELECT model, documents FROM recommender_models WHERE name = ?", [name]
    ).fetchone()
    return None if row is None else (bytes(row[0]), int(row[1]))


def copy_models(source: Project, target: Project) -> None:
    """Every trained model of ``source`` into ``target`` (a package being written)."""
    models = source.conn.execute("SELECT name, model, documents, trained FROM recommender_models")
    with write_transaction(target.conn):
        target.conn.executemany(
            "INSERT OR REPLACE INTO recommender_models (name, model, documents, trained) "
            "VALUES (?, ?, ?, ?)",
            models.fetchall(),
        )


def training_documents(
    project: Project, most_characters: int | None = None, cancelled: CancelCheck = never
) -> list[TrainingDocument]:
    """What the recommenders learn from: gold where the project has any, else every done set
    of the annotators, in document order; with ``most_characters``, the first of them until
    that many characters of text are read (the document that reaches it whole). Read one
    document at a time, so that a bound also bounds what is read; ``Cancelled`` between two
    when ``cancelled()``."""
    where, params = _training_sets(project)
    rows = project.conn.execute(
        "SELECT a.document_id, a.id FROM annotation_sets a JOIN documents d ON d.id = a.document_id "
        f"WHERE {where} {PROJECT_ORDER}",
        params,
    )
    documents: list[TrainingDocument] = []
    characters = 0
    for document_id, sets in stopping(groupby(rows, key=itemgetter(0)), cancelled):
        if most_characters is not None and characters >= most_characters:
            break
        ids = [set_id for _, set_id in sets]
        spans = project.conn.execute(
            f'SELECT DISTINCT start, "end", label FROM spans WHERE set_id IN ({marks(ids)})',
            ids,
        ).fetchall()
        entity = [(s, e, label) for s, e, label in spans if project.schema.has_entity(label)]
        text = project.document(document_id).text
        documents.append(TrainingDocument(text, entity))
        characters += len(text)
    return documents


def training_spans_overlap(project: Project, cancelled: CancelCheck = never) -> bool:
    """Whether two entity spans of one training set overlap (``core.suggestions.any_overlap``):
    the project nests its names. ``Cancelled`` between two sets when ``cancelled()``."""
    where, params = _training_sets(project)
    rows = project.conn.execute(
        f'SELECT s.set_id, s.start, s."end", s.label FROM spans s '
        f"JOIN annotation_sets a ON a.id = s.set_id WHERE {where} ORDER BY s.set_id",
        params,
    )
    entity = ((set_id, (start, end, label)) for set_id, start, end, label in rows if project.schema.has_entity(label))
    sets = groupby(entity, key=itemgetter(0))
    return any_overlap([span for _, span in spans] for _, spans in stopping(sets, cancelled))


def project_texts(project: Project, most_characters: int) -> Iterator[str]:
    """The documents' texts in document order, labelled or not, read one at a time until
    ``most_characters`` are read (the last cut there): what the CRF learns the company of words
    from (``crf.contexts_of``)."""
    left = most_characters
    for (text,) in project.conn.execute(f"SELECT d.text FROM documents d {PROJECT_ORDER}"):
        if left <= 0:
            return
        yield text[:left]
        left -= len(text)


def training_document_count(project: Project) -> int:
    """How many documents ``training_documents`` would give without a bound."""
    where, params = _training_sets(project)
    row = project.conn.execute(
        f"SELECT count(DISTINCT a.document_id) FROM annotation_sets a WHERE {where}", params
    ).fetchone()
    return int(row[0])


def has_training_spans(project: Project) -> bool:
    """Whether any training set holds an entity span: something to learn from."""
    where, params = _training_sets(project)
    labels = [entity.id for entity in project.schema.entity_types]
    row = project.conn.execute(
        "SELECT 1 FROM spans s JOIN annotation_sets a ON a.id = s.set_id "
        f"WHERE {where} AND s.label IN ({marks(labels)}) LIMIT 1",
        [*params, *labels],
    ).fetchone()
    return row is not None


def training_version(project: Project) -> tuple[object, ...]:
    """A value that changes whenever ``training_documents`` or ``rejected_strings`` may: what
    a result computed from them is cached under."""
    where, params = _training_sets(project)
    sets = project.conn.execute(
        f"SELECT count(*), total(a.revision), max(a.updated) FROM annotation_sets a WHERE {where}",
        params,
    ).fetchone()
    rejected = project.conn.execute("SELECT count(*) FROM rejected_suggestions").fetchone()
    return (*sets, *rejected)


def _training_sets(project: Project) -> tuple[str, list[str]]:
    """The condition on annotation sets ``a`` that picks the training sets, and its values."""
    if _has_gold(project):
        return "a.annotator = ?", [GOLD]
    return "a.annotator NOT IN (?, ?) AND a.status = 'done'", [GOLD, SUGGESTIONS]


def _has_gold(project: Project) -> bool:
    row = project.conn.execute(
        "SELECT 1 FROM spans s JOIN annotation_sets a ON a.id = s.set_id WHERE a.annotator = ? "
        "LIMIT 1",
        [GOLD],
    ).fetchone()
    return row is not None


def documents_to_suggest(project: Project, annotator: str | None) -> list[str]:
    """Documents not done yet: those assigned to ``annotator`` when named, else those nobody
    has done (gold included)."""
    if annotator is not None:
        return [
            row[0]
            for row in project.conn.execute(
                "SELECT a.document_id FROM annotation_sets a JOIN documents d ON d.id = a.document_id "
                "WHERE a.annotator = ? AND a.status != 'done' ORDER BY d.ord",
                [annotator],
            )
        ]
    done = {
        row[0]
        for row in project.conn.execute(
            "SELECT DISTINCT document_id FROM annotation_sets WHERE status = 'done' AND annotator != ?",
            [SUGGESTIONS],
        )
    }
    return [document.id for document in project.documents() if document.id not in done]
