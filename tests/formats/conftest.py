"""Fixtures for the format tests: the shared corpora, schemas, and small annotated documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.schema import Schema, builtin_schema


@pytest.fixture(scope="session")
def corpora(shared_dir: Path) -> Path:
    """../shared/corpora (ANERcorp, Wojood, NewsFANE); skips when it is absent."""
    path = shared_dir / "corpora"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the external corpora are not beside this checkout")
    return path


@pytest.fixture(scope="session")
def wojood() -> Schema:
    return builtin_schema("wojood")
