"""Screenshots of the window on the first seed article with labelled spans: light (English
interface) and dark (Arabic interface, mirrored, the dark theme chosen in View > Theme as an
annotator chooses it); and the welcome page of a first start.

They are written to the test's folder every run. With WORKBENCH_WRITE_SCREENSHOTS=1 they are also
written to resources/screenshots/ (the README shows the light one), so that ordinary runs leave
the committed pictures alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.ui.window_scene import ANNOTATOR, ini_settings, show_window
from workbench.core.model import AnnotatedDocument, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.i18n import Language
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.theme import Theme, theme_switch
from workbench.ui.welcome_page import WELCOME_SIZE, WelcomePage

SEEDS = sorted((REPO_ROOT / "seeds").glob("*.txt"))
COMMITTED = REPO_ROOT / "resources" / "screenshots"
WRITE_COMMITTED = os.environ.get("WORKBENCH_WRITE_SCREENSHOTS") == "1"
SCREENSHOT_SIZE = (1440, 860)
ENTITIES = (
    ("الثالث من فبراير من العام 2022", "DATE"),
    ("أمريكية", "GPE"),
    ("جهادي أجنبي", "PER"),
    ("إدلب", "GPE"),
    ("الرئيس الأمريكي", "TITLE"),
    ("الرئيس الأمريكي جو بايدن", "PER"),
    ("عبد الله قرداش", "PER"),
    ("قوات سوريا الديمقراطية", "ORG"),
    ("مدينة الحسكة", "GPE"),
    ("سجن الغويران", "FAC"),
)
"""First occurrences in the first seed article; the title nests inside the person."""
SUGGESTED = ("داعش", "ORG")
"""Labelled through the window, so that its other occurrences show as suggestions."""


@pytest.fixture
def seed_project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "seeds.tawsim", builtin_schema("conflict-news")) as project:
        documents = [make_document(path.stem, path.read_text(encoding="utf-8")) for path in SEEDS]
        project.add_documents(AnnotatedDocument(document) for document in documents)
        first = documents[0]
        for words, label in ENTITIES:
            start = first.text.index(words)
            project.add_span(first.id, ANNOTATOR, start, start + len(words), label)
        project.create_event(first.id, ANNOTATOR, *_first(first.text, "غارة"), "Conflict.Attack")
        project.set_status(documents[3].id, ANNOTATOR, Status.DONE)
        yield project


def _first(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def annotated_window(qtbot: QtBot, project: Project, tmp_path: Path) -> MainWindow:
    """The first article with its spans, one labelled through the window (its other occurrences
    suggested), the person with the nested title selected, and a search for غارة."""
    window = show_window(qtbot, MainWindow(project, ANNOTATOR, ini_settings(tmp_path / "s.ini")))
    window.resize(*SCREENSHOT_SIZE)
    view = window.text_view
    view.select_range(*_first(view.text, SUGGESTED[0]))
    window.labelling.apply_label(SUGGESTED[1])
    qtbot.waitUntil(lambda: bool(window._suggestions[window.current_document_id].offered))
    person = next(
        row for row in range(window.span_model.rowCount())
        if window.span_model.covered_text(window.span_model.entry_at(row)) == "الرئيس الأمريكي جو بايدن"
    )
    window.span_list.selectRow(person)
    window.show_search()
    window.search_panel.field.setText("غارة")
    window.search_panel.run_search()
    view.verticalScrollBar().setValue(0)
    return window


def grab(window: QWidget, path: Path) -> QImage:
    QApplication.processEvents()
    image = window.grab().toImage()
    assert image.save(str(path))
    if WRITE_COMMITTED:
        COMMITTED.mkdir(parents=True, exist_ok=True)
        assert image.save(str(COMMITTED / path.name))
    return image


def mean_lightness(image: QImage) -> float:
    samples = [
        image.pixelColor(x, y).lightnessF()
        for y in range(0, image.height(), 17)
        for x in range(0, image.width(), 17)
    ]
    return sum(samples) / len(samples)


def test_screenshots_light_and_dark(qtbot: QtBot, seed_project: Project, tmp_path: Path) -> None:
    window = annotated_window(qtbot, seed_project, tmp_path)
    light = grab(window, tmp_path / "main-window-light.png")

    try:
        window.menu_actions.themes[Theme.DARK].trigger()
        window.set_language(Language.ARABIC)
        qtbot.waitUntil(lambda: window.docks["documents"].x() > window.text_view.x())
        dark = grab(window, tmp_path / "main-window-dark.png")
    finally:
        theme_switch().set_theme(Theme.SYSTEM)
        i18n.set_language(Language.ENGLISH)
    assert (light.width(), light.height()) == SCREENSHOT_SIZE
    assert mean_lightness(dark) < mean_lightness(light) - 0.3
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_screenshot_of_the_welcome_page(qtbot: QtBot, tmp_path: Path) -> None:
    page = WelcomePage(ini_settings(tmp_path / "s.ini"), tmp_path / "demo.tawsim")
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    page.name_field.setText("Salma")
    image = grab(page, tmp_path / "welcome-page.png")
    assert (image.width(), image.height()) == WELCOME_SIZE
