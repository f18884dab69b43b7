"""The demo project: the sample articles in ``seeds/``, built on first launch."""

from __future__ import annotations

from pathlib import Path

from workbench.app.importing import import_paths
from workbench.core.schema import DEFAULT_SCHEMA, builtin_schema
from workbench.paths import seeds_dir, user_data_dir
from workbench.store.project import Project


def demo_project_path() -> Path:
    return user_data_dir() / "demo.tawsim"


def ensure_demo_project(path: Path | None = None) -> Path:
    """The demo project's path, building it from the seeds when it does not exist yet."""
    path = path or demo_project_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.building")
    partial.unlink(missing_ok=True)
    with Project.create(partial, builtin_schema(DEFAULT_SCHEMA)) as project:
        import_paths(project, [seeds_dir()], format_name="txt")
    partial.rename(path)
    return path
