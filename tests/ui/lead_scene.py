"""A lead's project for the lead's dialogs: the five seed articles with three annotators' work.

The work agrees and disagrees on purpose (``WORK``): on the first article all three agree on some
spans, two of three on others, and each has spans nobody else has; the second article is full
agreement; the third is wholesale disagreement; carim has not finished the fourth and badr never
had the fifth. The project is built once per session and copied for each test (it is closed by
then, so a file copy is safe).

Import the ``lead_project`` fixture into a test module to use it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import present
from workbench.app.demo import ensure_demo_project
from workbench.core.model import Status
from workbench.store.project import Project
from workbench.ui.lead.adjudication_view import AdjudicationView

ANNOTATORS = ("amal", "badr", "carim")
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "resources" / "screenshots"


@dataclass(frozen=True)
class Mark:
    """A span to add: ``phrase`` (its first occurrence) with ``label`` by ``who``."""

    phrase: str
    label: str
    who: tuple[str, ...]


WORK: dict[int, tuple[Mark, ...]] = {
    0: (
        Mark("جو بايدن", "PER", ANNOTATORS),
        Mark("إدلب", "GPE", ANNOTATORS),
        Mark("داعش", "ORG", ANNOTATORS),
        Mark("عبد الله قرداش", "PER", ("amal", "badr")),
        Mark("قرداش", "PER", ("carim",)),
        Mark("جهادي أجنبي", "PER", ("amal", "badr")),
        Mark("جهادي أجنبي", "NORP", ("carim",)),
        Mark("الرئيس الأمريكي", "TITLE", ("amal",)),
        Mark("أمريكية", "NORP", ("badr",)),
        Mark("فبراير", "DATE", ("carim", "amal")),
    ),
    1: (
        Mark("تنظيم الدولة الإسلامية", "ORG", ANNOTATORS),
        Mark("العراق", "GPE", ANNOTATORS),
        Mark("سوريا", "GPE", ANNOTATORS),
        Mark("ليبيا", "GPE", ANNOTATORS),
    ),
    2: (
        Mark("داعش", "ORG", ("amal",)),
        Mark("سوريا", "GPE", ("amal",)),
        Mark("سوريا", "LOC", ("badr",)),
        Mark("محمد الشرقاوي", "PER", ("badr",)),
        Mark("25 أكتوبر 2017", "DATE", ("carim",)),
    ),
    3: (
        Mark("التحالف الدولي", "ORG", ANNOTATORS),
        Mark("واشنطن", "GPE", ("amal",)),
    ),
    4: (
        Mark("داعش", "ORG", ("amal", "carim")),
        Mark("المناطق النائية", "LOC", ("amal",)),
    ),
}
UNFINISHED = {(3, "carim")}
"""(document number, annotator) sets left in progress."""
NOTE = ("amal", 0, "جهادي أجنبي", "لست متأكدة: شخص أم جماعة؟")
COMMENT = ("carim", 0, "راجعوا اسم قرداش الكامل")


@dataclass(frozen=True)
class LeadProject:
    project: Project
    document_ids: list[str]

    def text(self, number: int) -> str:
        return self.project.document(self.document_ids[number]).text


def phrase_range(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build(path: Path) -> Path:
    ensure_demo_project(path)
    with Project.open(path) as project:
        ids = [d.id for d in project.documents()]
        for number, marks in WORK.items():
            text = project.document(ids[number]).text
            for mark in marks:
                start, end = phrase_range(text, mark.phrase)
                for who in mark.who:
                    project.add_span(ids[number], who, start, end, mark.label)
            for who in sorted({who for mark in marks for who in mark.who}):
                if (number, who) not in UNFINISHED:
                    project.set_status(ids[number], who, Status.DONE)
        author, number, phrase, note = NOTE
        [span] = [s for s in present(project.annotation_set(ids[number], author)).spans if s.text == phrase]
        project.update_span(span.id, note=note)
        author, number, comment = COMMENT
        project.add_comment(ids[number], author, comment)
    return path


@pytest.fixture(scope="session")
def lead_project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("lead") / "lead.tawsim")


@pytest.fixture
def lead_project(lead_project_file: Path, tmp_path: Path) -> Iterator[LeadProject]:
    path = tmp_path / "lead.tawsim"
    shutil.copy(lead_project_file, path)
    project = Project.open(path)
    yield LeadProject(project, [d.id for d in project.documents()])
    project.close()


def save_screenshot(widget: QWidget, name: str) -> Path:
    """``widget`` as ``NAME.png`` in the temporary folder (``/tmp``), and in
    ``resources/screenshots`` when ``WORKBENCH_WRITE_SCREENSHOTS=1``."""
    QApplication.processEvents()  # lay out what changed last
    image = widget.grab()
    path = Path(tempfile.gettempdir()) / f"{name}.png"
    assert image.save(str(path))
    if os.environ.get("WORKBENCH_WRITE_SCREENSHOTS") == "1":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SCREENSHOT_DIR / f"{name}.png"))
    return path


def document_shown(qtbot: QtBot, window: AdjudicationView) -> AdjudicationView:
    """``window`` once the document it opened on (read on a worker thread) is shown."""
    qtbot.waitUntil(lambda: window.document_id is not None)
    return window


def wait_on_worker(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Block the calling (worker) thread until ``condition`` holds; fail after ``timeout_s``."""
    pause = threading.Event()
    for _ in range(int(timeout_s * 100)):
        if condition():
            return
        pause.wait(0.01)
    raise AssertionError("the condition never held")
