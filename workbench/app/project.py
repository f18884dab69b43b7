"""The project file as the window and the command line see it: ``Project`` (opening, reading,
and the writes an edit makes), the rows it reads out, and the checks of ``workbench check``.

They are defined in ``workbench.store``; this module is their one door above app, so that ui and
cli depend on app and core only (the "store-through-app" contract in pyproject.toml). Long work on
a project has a use case module of its own beside this one: importing, exporting, packages,
agreement, adjudication.
"""

from __future__ import annotations

from workbench.store.comments import Comment
from workbench.store.connection import on_read_only_media
from workbench.store.inspection import project_problems, project_stats
from workbench.store.migrations import backup_before_update
from workbench.store.project import PROJECT_SUFFIX, DocumentSummary, Project
from workbench.store.reading import DocumentProgress, SpanEntry

__all__ = [
    "PROJECT_SUFFIX",
    "Comment",
    "DocumentProgress",
    "DocumentSummary",
    "Project",
    "SpanEntry",
    "backup_before_update",
    "on_read_only_media",
    "project_problems",
    "project_stats",
]
