"""Where the program finds its bundled files and keeps the user's.

Bundled files (schemas, translations, fonts, the demo articles) live in the repository's top-level
``resources/`` and ``seeds/`` folders. A wheel carries them under ``workbench/_bundled/`` and a
frozen app under its own folder; the first of these that exists wins.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

APP_NAME = "TawsimWorkbench"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundle_roots() -> list[Path]:
    roots = [_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parent]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.insert(0, Path(frozen_root))
    return roots


@cache
def bundled_dir(name: str) -> Path:
    """The bundled folder ``name`` ("resources" or "seeds")."""
    for root in _bundle_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from this installation")


def resources_dir() -> Path:
    return bundled_dir("resources")


def seeds_dir() -> Path:
    return bundled_dir("seeds")


def user_data_dir() -> Path:
    """The per-user folder for the demo project and other data the program keeps."""
    # Imported here: platformdirs (with tempfile and shutil) costs 20-35 ms, which every command
    # would pay through the schema's resources_dir, and only the demo project needs it.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
