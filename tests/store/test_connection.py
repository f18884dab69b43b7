"""Reading through sqlite3 alone, and sqlite-utils loaded at the first write that needs it."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from importlib import import_module
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.model import AnnotatedDocument, make_document
from workbench.store.connection import _HiddenFromThisThread
from workbench.store.project import Project

FIRST_WRITE = """
import json, sys
from pathlib import Path
from workbench.store.project import Project

with Project.open(Path(sys.argv[1])) as project:
    [document] = project.documents()
    loaded_to_read = "sqlite_utils" in sys.modules
    project.add_spans(document.id, "amal", [(4, 8)], "PER")
    written = project.annotation_set(document.id, "amal")
print(json.dumps({
    "loaded_to_read": loaded_to_read,
    "loaded_to_write": "sqlite_utils" in sys.modules,
    "hidden_loaded": [name for name in ("numpy", "pandas") if name in sys.modules],
    "spans": [[s.start, s.end, s.label, s.text] for s in written.spans],
}))
"""


def test_sqlite_utils_loads_at_the_first_write_without_pandas_or_numpy(project_path: Path) -> None:
    with Project.open(project_path) as project:
        project.add_documents([AnnotatedDocument(make_document("d", "قال محمد إن"))])
    result = subprocess.run(
        [sys.executable, "-c", FIRST_WRITE, str(project_path)], cwd=REPO_ROOT,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    outcome = json.loads(result.stdout.splitlines()[-1])
    assert outcome == {
        "loaded_to_read": False,
        "loaded_to_write": True,
        "hidden_loaded": [],
        "spans": [[4, 8, "PER", "محمد"]],
    }


def test_the_table_api_wraps_the_projects_own_connection(project: Project) -> None:
    assert project.db.conn is project.conn


def test_pandas_and_numpy_are_hidden_from_the_loading_thread_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window loads sqlite-utils on a background thread; meanwhile its own thread may
    import numpy, which must not fail."""
    (tmp_path / "probe_module.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(tmp_path)
    monkeypatch.setattr(sys, "meta_path", [_HiddenFromThisThread(["probe_module"]), *sys.meta_path])
    try:
        with pytest.raises(ModuleNotFoundError, match="hidden"):
            import_module("probe_module")
        imported: list[ModuleType] = []
        other = threading.Thread(target=lambda: imported.append(import_module("probe_module")))
        other.start()
        other.join()
        assert [module.__name__ for module in imported] == ["probe_module"]
        assert import_module("probe_module") is imported[0]  # once imported, seen everywhere
    finally:
        sys.modules.pop("probe_module", None)
