"""Read-only looks at a project: counts for ``workbench stats``, problems for ``workbench check``."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.model import SUGGESTIONS, text_sha256
from workbench.store import rows
from workbench.store.guidelines import guidelines_problems, guidelines_stats
from workbench.store.project import Project
from workbench.store.throughput import throughput

_SUGGESTED_SETS = f"SELECT id FROM annotation_sets WHERE annotator = '{SUGGESTIONS}'"
"""The recommenders' suggestions: nobody's work, so not among the spans ``stats`` counts."""
SPANS_BY_LABEL = "SELECT label, count(*) FROM spans GROUP BY label ORDER BY label"
"""Walks the index by label (``migrations.m007_spans_by_label``) without sorting."""

PAGE = 200
"""Documents checked at a time."""


def project_stats(project: Project) -> dict[str, Any]:
    """The project's figures. The spans are counted per label down the index by label (no sort
    of two million rows), the suggestions' spans by label through the index by set, and each
    label's count is the difference; the span count is the sum of those."""
    conn = project.conn

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    spans_by_label = _spans_by_label(conn)
    return {
        "project": str(project.path),
        "project_id": project.project_id,
        "schema": project.schema.id,
        "documents": count("SELECT count(*) FROM documents"),
        "annotators": project.annotators(),
        "spans": sum(spans_by_label.values()),
        "suggestions": count(f"SELECT count(*) FROM spans WHERE set_id IN ({_SUGGESTED_SETS})"),
        "events": count("SELECT count(*) FROM events"),
        "arguments": count("SELECT count(*) FROM arguments"),
        "relations": count("SELECT count(*) FROM relations"),
        "document_labels": count("SELECT count(*) FROM document_labels"),
        "sets_by_status": dict(
            conn.execute("SELECT status, count(*) FROM annotation_sets GROUP BY status ORDER BY status")
        ),
        "spans_by_label": spans_by_label,
        "relations_by_type": dict(
            conn.execute("SELECT type, count(*) FROM relations GROUP BY type ORDER BY type")
        ),
        "document_labels_by_field": dict(
            conn.execute(
                "SELECT field, count(*) FROM document_labels GROUP BY field ORDER BY field"
            )
        ),
        "guidelines": guidelines_stats(conn),
        "throughput": throughput(project),
    }


def _spans_by_label(conn: sqlite3.Connection) -> dict[str, int]:
    """Every label's count of spans that are somebody's work (not suggestions), in label order."""
    suggested = dict(
        conn.execute(f"SELECT label, count(*) FROM spans WHERE set_id IN ({_SUGGESTED_SETS}) GROUP BY label")
    )
    return {
        label: count - suggested.get(label, 0)
        for label, count in conn.execute(SPANS_BY_LABEL)
        if count > suggested.get(label, 0)
    }


def project_problems(project: Project) -> list[str]:
    """Everything wrong with the file, one line each; an empty list means it is sound."""
    problems = _sqlite_problems(project)
    if problems:
        return problems  # the rows cannot be trusted enough to check further
    return (
        _schema_problems(project)
        + _document_problems(project)
        + _span_problems(project)
        + _event_problems(project)
        + _relation_problems(project)
        + guidelines_problems(project.conn)
    )


def _schema_problems(project: Project) -> list[str]:
    try:
        _ = project.schema  # reading it parses and checks the stored definition
    except WorkbenchError as error:
        return [str(error)]
    return []


def _sqlite_problems(project: Project) -> list[str]:
    conn = project.conn
    problems = [
        f"SQLite integrity: {row[0]}"
        for row in conn.execute("PRAGMA integrity_check")
        if row[0] != "ok"
    ]
    problems += [
        f"table {row[0]} row {row[1]} refers to a missing row of {row[2]}"
        for row in conn.execute("PRAGMA foreign_key_check")
    ]
    return problems


def _document_problems(project: Project) -> list[str]:
    return [
        f"document {name!r} ({doc_id}): its text no longer has the stored sha256"
        for doc_id, name, text, sha256 in project.conn.execute(
            "SELECT id, name, text, sha256 FROM documents"
        )
        if text_sha256(text) != sha256
    ]


def _span_problems(project: Project) -> list[str]:
    """Spans whose stored text differs from the document's text at their offsets.

    Compared in Python, one document text at a time: SQLite's substr() walks the UTF-8 text from
    its start for every span, which is slow for thousands of spans on long documents. The
    documents are read ``PAGE`` at a time with their spans, so memory does not grow with them.
    """
    conn = project.conn
    problems = []
    last = -1
    while documents := conn.execute(
        "SELECT rowid, id, name, text FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
        [last, PAGE],
    ).fetchall():
        last = documents[-1][0]
        spans_by_document: dict[str, list[tuple[str, str, int, int, str]]] = defaultdict(list)
        for document_id, *span in conn.execute(
            'SELECT a.document_id, s.id, a.annotator, s.start, s."end", s.text '
            "FROM spans s JOIN annotation_sets a ON s.set_id = a.id "
            f"WHERE a.document_id IN ({rows.marks(documents)}) ORDER BY s.rowid",
            [document_id for _, document_id, _, _ in documents],
        ):
            spans_by_document[document_id].append(tuple(span))
        for _, document_id, name, text in documents:
            for span_id, annotator, start, end, stored in spans_by_document.get(document_id, ()):
                actual = text[start:end] if end <= len(text) else None
                if actual != stored:
                    problems.append(
                        f"document {name!r}: span {span_id} of {annotator!r} at [{start}, {end}) "
                        f"says {stored!r} but the text there is {actual!r}"
                    )
    return problems


def _event_problems(project: Project) -> list[str]:
    misplaced = project.conn.execute(
        """SELECT e.id, 'trigger' FROM events e JOIN spans s ON e.trigger_span_id = s.id
           WHERE s.set_id != e.set_id
           UNION ALL
           SELECT e.id, 'argument ' || g.role FROM arguments g JOIN events e ON g.event_id = e.id
           LEFT JOIN spans s ON g.span_id = s.id LEFT JOIN events f ON g.filler_event_id = f.id
           WHERE coalesce(s.set_id, f.set_id) != e.set_id"""
    )
    return [
        f"event {event_id}: its {what} belongs to another annotation set" for event_id, what in misplaced
    ]


def _relation_problems(project: Project) -> list[str]:
    misplaced = project.conn.execute(
        """SELECT r.id FROM relations r JOIN spans f ON r.from_span_id = f.id
           JOIN spans t ON r.to_span_id = t.id
           WHERE f.set_id != r.set_id OR t.set_id != r.set_id"""
    )
    return [f"relation {relation_id}: an end belongs to another annotation set" for (relation_id,) in misplaced]
