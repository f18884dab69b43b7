"""A script that exports at its top level, without ``if __name__ == "__main__":``: the second
process an export starts runs the script again as it starts (Python's spawned processes import
the main script), and must not open the project and write the export a second time beside the
first, under the same hidden name (it deleted the first's file, and the export failed)."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.model import GOLD, AnnotatedDocument, AnnotationSet, Span, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

DOCUMENTS = 40
UNGUARDED_EXPORT = """
import sys
import time
from pathlib import Path

from workbench.app import render_ahead
from workbench.app.exporting import export_project
from workbench.store.project import Project

render_ahead.BATCH = 2  # batches enough for the second process to be sent some
ready = render_ahead._Renderer.ready


def waited_for(renderer):
    # As a long export finds it: the second process has started, or has died starting.
    deadline = time.monotonic() + 60
    while renderer.alive() and not ready(renderer) and time.monotonic() < deadline:
        time.sleep(0.01)
    return ready(renderer)


render_ahead._Renderer.ready = waited_for
with Project.open(Path(sys.argv[1])) as project:
    written = export_project(project, Path(sys.argv[2]), format_name=sys.argv[3])
print("written", written)
"""


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "p.tawsim"
    documents = [
        AnnotatedDocument(
            make_document(f"doc{number:02d}", f"قال محمد في الخبر رقم {number}."),
            (AnnotationSet(GOLD, (Span(f"s{number}", 4, 8, "PER", "محمد"),)),),
        )
        for number in range(DOCUMENTS)
    ]
    with Project.create(path, builtin_schema("generic")) as project:
        project.add_documents(documents)
    return path


@pytest.mark.parametrize("format_name", ["jsonl", "brat"])
def test_an_unguarded_script_exports_once_and_its_second_process_opens_no_project(
    project_path: Path, tmp_path: Path, format_name: str
) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED_EXPORT, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(script), str(project_path), str(out), format_name],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=REPO_ROOT, check=False,
    )  # fmt: skip

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [f"written {DOCUMENTS}"]  # the script's own process alone
    assert f"{script} opens the project at its top level" in run.stderr
    assert "Traceback" not in run.stderr  # the second process says why in one line and ends
    written = out.read_text(encoding="utf-8").splitlines() if out.is_file() else sorted(out.glob("*.ann"))
    assert len(written) == DOCUMENTS
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "p.tawsim", "unguarded.py"]


@pytest.mark.parametrize("opening", ["open", "create"])
def test_no_project_is_opened_or_made_while_a_second_process_imports_the_main_script(
    project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    monkeypatch.setattr(multiprocessing.current_process(), "_inheriting", True, raising=False)
    new = tmp_path / "new.tawsim"
    with pytest.raises(SystemExit, match='under if __name__ == "__main__":'):
        if opening == "open":
            Project.open(project_path)
        else:
            Project.create(new, builtin_schema("generic"))
    assert not new.exists()
