"""The project's guidelines document: a Markdown text the lead sets, kept in every version.

Each version has a number (1, 2, ...), the text and its sha256. The current guidelines are the
highest version. Every edit of an annotation set records the current version in the set's
``guidelines_version`` (``SEEN_NOW``), so the lead can tell who worked under which guidelines.

A package carries a copy of the lead's versions (``copy_guidelines``) and cannot set its own.
Merging checks that each version a package holds is the lead's version of that number, with the
same text (``package_guidelines_problem``): the lead's guidelines always win, and a set merged
back keeps the version its annotator saw.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbench.core.errors import Problem
from workbench.core.model import text_sha256
from workbench.store.clock import now


@dataclass(frozen=True)
class GuidelinesVersion:
    version: int
    text: str
    sha256: str
    created: str


def current_guidelines(conn: sqlite3.Connection) -> GuidelinesVersion | None:
    """The newest version, or None when the project has no guidelines."""
    row = conn.execute(
        "SELECT version, text, sha256, created FROM guidelines ORDER BY version DESC LIMIT 1"
    ).fetchone()
    return None if row is None else GuidelinesVersion(*row)


def guidelines_versions(conn: sqlite3.Connection) -> dict[int, str]:
    """Every version's number and sha256."""
    return dict(conn.execute("SELECT version, sha256 FROM guidelines ORDER BY version"))


def add_guidelines(conn: sqlite3.Connection, text: str) -> GuidelinesVersion:
    """Store ``text`` as the next version, inside the caller's write transaction; the current
    version when it holds the same text already (setting the same file twice is one version)."""
    current = current_guidelines(conn)
    sha256 = text_sha256(text)
    if current is not None and current.sha256 == sha256:
        return current
    version = GuidelinesVersion((current.version if current else 0) + 1, text, sha256, now())
    conn.execute(
        "INSERT INTO guidelines (version, text, sha256, created) VALUES (?, ?, ?, ?)",
        [version.version, version.text, version.sha256, version.created],
    )
    return version


SEEN_NOW = "guidelines_version = (SELECT max(version) FROM guidelines)"
"""The assignment that records, in the UPDATE of a set an edit makes, that its annotator is
working under the current guidelines."""


def copy_guidelines(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """Every version of ``source`` into ``target`` (a new package), inside the caller's write
    transaction on ``target``."""
    target.executemany(
        "INSERT INTO guidelines (version, text, sha256, created) VALUES (?, ?, ?, ?)",
        source.execute("SELECT version, text, sha256, created FROM guidelines ORDER BY version"),
    )


_NOT_THE_LEADS = {
    True: "its guidelines version {version} is not this project's (this project has another "
    "text); guidelines are set in the lead's project only",
    False: "its guidelines version {version} is not this project's (this project has no such "
    "version); guidelines are set in the lead's project only",
}
"""A package's guidelines version the lead's project does not have, by whether it has one of
that number."""


def package_guidelines_problem(
    package: sqlite3.Connection, lead: sqlite3.Connection
) -> Problem | None:
    """What is wrong with a package's guidelines for the lead's project, in words that do not
    name the package; None when every version is the lead's, and every set names one."""
    lead_versions = guidelines_versions(lead)
    for version, sha256 in guidelines_versions(package).items():
        if lead_versions.get(version) != sha256:
            return Problem(_NOT_THE_LEADS[version in lead_versions], version=version)
    row = package.execute(
        "SELECT id, guidelines_version FROM annotation_sets WHERE guidelines_version IS NOT NULL "
        "AND guidelines_version NOT IN (SELECT version FROM guidelines) LIMIT 1"
    ).fetchone()
    if row is not None:
        return Problem(
            "its annotation set {set} names the guidelines version {version}, which it lacks",
            set=row[0], version=row[1],
        )
    return None


def guidelines_stats(conn: sqlite3.Connection) -> dict[str, object]:
    """The current version and, per annotator, how many sets were last edited under each
    version ("none": before there were guidelines, or never edited)."""
    current = current_guidelines(conn)
    seen: dict[str, dict[str, int]] = {}
    for annotator, version, count in conn.execute(
        "SELECT annotator, guidelines_version, count(*) FROM annotation_sets "
        "GROUP BY annotator, guidelines_version ORDER BY annotator, guidelines_version"
    ):
        seen.setdefault(annotator, {})["none" if version is None else str(version)] = count
    return {
        "version": current.version if current else None,
        "sha256": current.sha256 if current else None,
        "sets_seen_by_annotator": seen,
    }


def guidelines_problems(conn: sqlite3.Connection) -> list[str]:
    """For ``workbench check``: a version whose text does not give its sha256, and a set naming
    a version the project lacks."""
    problems = [
        f"guidelines version {version}: the text does not match its sha256"
        for version, text, sha256 in conn.execute("SELECT version, text, sha256 FROM guidelines")
        if text_sha256(text) != sha256
    ]
    problems += [
        f"annotation set {set_id}: it names the guidelines version {version}, which the project "
        "lacks"
        for set_id, version in conn.execute(
            "SELECT id, guidelines_version FROM annotation_sets WHERE guidelines_version IS NOT "
            "NULL AND guidelines_version NOT IN (SELECT version FROM guidelines)"
        )
    ]
    return problems
