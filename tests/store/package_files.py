"""Building a lead project and annotators' packages, and editing packages as an attacker would."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from workbench.app.packages import choose_documents
from workbench.core.model import GOLD, AnnotatedDocument, make_document
from workbench.core.schema import builtin_schema
from workbench.store.packages import assign, write_package
from workbench.store.project import Project

TEXTS = ["قال محمد إن الهجوم وقع.", "اعتقلت الشرطة خمسة أشخاص.", "زار الوزير الموصل أمس."]

SPAN_COLUMNS = ("id", "set_id", "start", "end", "label", "text", "attributes", "note")


def lead_project(folder: Path) -> Project:
    """Three documents, a gold span on the first, and amal's and badr's (empty) sets on all."""
    project = Project.create(folder / "lead.tawsim", builtin_schema("conflict-news"))
    project.add_documents(AnnotatedDocument(make_document(f"d{i}", t)) for i, t in enumerate(TEXTS))
    first = project.documents()[0].id
    project.add_span(first, GOLD, 4, 8, "PER")
    for annotator in ("amal", "badr"):
        assign(project, annotator, choose_documents(project, every=True))
    return project


def annotated_package(lead: Project, annotator: str, folder: Path) -> Path:
    """The annotator's package with, on the first document, a span of محمد and an attack
    (triggered by الهجوم) whose attacker it is."""
    path = folder / f"{annotator}.tawsim"
    write_package(lead, annotator, path)
    with Project.open(path) as package:
        first = package.documents()[0].id
        person = package.add_span(first, annotator, 4, 8, "PER", note="a note")
        attack = package.create_event(first, annotator, 12, 18, "Conflict.Attack")
        package.add_argument(attack.id, "Attacker", span_id=person.id)
    return path


def edit(path: Path, script: str) -> None:
    """Run SQL on a package, as someone editing it by hand would (its CHECK constraints off)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(f"PRAGMA ignore_check_constraints = ON; {script}")
    finally:
        conn.close()


def rebuild_spans(path: Path, columns: str, *, column_names: tuple[str, ...] = SPAN_COLUMNS) -> None:
    """Replace the package's spans table with one declared as ``columns``, keeping its rows."""
    names = ", ".join(f'"{name}"' for name in column_names)
    edit(
        path,
        f"""PRAGMA foreign_keys = OFF;
            CREATE TABLE new_spans ({columns});
            INSERT INTO new_spans ({names}) SELECT {names} FROM spans;
            DROP TABLE spans;
            ALTER TABLE new_spans RENAME TO spans;""",
    )


def rows_digest(project: Project) -> str:
    """A digest of every row of every table: equal digests, unchanged project."""
    digest = hashlib.sha256()
    tables = [r[0] for r in project.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in sorted(tables):
        for row in sorted(map(repr, project.conn.execute(f'SELECT * FROM "{table}"'))):
            digest.update(f"{table}:{row}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
