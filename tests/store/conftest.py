from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.schema import builtin_schema
from workbench.store.project import Project


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "p.tawsim"
    Project.create(path, builtin_schema("generic")).close()
    return path


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with Project.open(project_path) as opened:
        yield opened
