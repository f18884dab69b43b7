"""Screenshots of the window on the first seed article with labelled spans: light (English
interface) and dark (Arabic interface, mirrored); and the text with its label tags and every
event's arcs above the lines, in both interface languages; the dark theme is chosen in View > Theme
as an annotator chooses it; the Guidelines panel with a search, English and light, Arabic and
dark; and the welcome page of a first start.

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

from tests.conftest import REPO_ROOT, present
from tests.ui.window_scene import ANNOTATOR, ini_settings, show_window
from workbench.app.guidelines import set_guidelines
from workbench.core.model import AnnotatedDocument, Status, make_document
from workbench.core.schema import builtin_schema
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.i18n import Language
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
    qtbot.waitUntil(lambda: bool(window._suggestions[present(window.current_document_id)].offered))
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


def test_screenshots_of_tags_and_arcs_in_both_languages(
    qtbot: QtBot, seed_project: Project, tmp_path: Path
) -> None:
    """Label tags over every span and the attack's arcs (View > Show all arcs), English then
    Arabic: the tags and arcs sit in the room above the lines, none over a letter."""
    window = show_window(qtbot, MainWindow(seed_project, ANNOTATOR, ini_settings(tmp_path / "s.ini")))
    window.resize(*SCREENSHOT_SIZE)
    view = window.text_view
    attack = next(iter(window.events.document.events))
    first = view.text
    for role, words in (("Attacker", "أمريكية"), ("Target", "جهادي أجنبي"), ("Place", "إدلب")):
        entries = (window.span_model.entry_at(row) for row in range(window.span_model.rowCount()))
        entry = next(entry for entry in entries if first[entry.start : entry.end] == words)
        window.events.fill_from_span(attack, role, entry.id)
    window.menu_actions.all_arcs.trigger()
    view.verticalScrollBar().setValue(0)
    try:
        for language, name in ((Language.ENGLISH, "tags-and-arcs-en.png"), (Language.ARABIC, "tags-and-arcs-ar.png")):
            window.set_language(language)
            image = grab(window, tmp_path / name)
            geometry = view.span_geometry()
            lines = [rect.adjusted(1, 1, -1, -1) for rect in geometry.span_rects(0, len(first))]
            tags, arcs = geometry.tags(), geometry.arcs()
            assert len(arcs) == 3 and len(tags) >= len(ENTITIES)
            assert not any(tag.rect.intersects(line) for tag in tags for line in lines), language
            for arc in arcs:
                points = [arc.path.pointAtPercent(step / 100) for step in range(101)]
                assert not any(line.contains(point) for line in lines for point in points), arc.key
            assert image.width() == SCREENSHOT_SIZE[0]
    finally:
        i18n.set_language(Language.ENGLISH)
GUIDELINES = """# Conflict news: annotation guidelines

Label what the text **names or describes**, not what you know about it.

## Attacks

- The trigger is the word that names the attack: غارة، هجوم، قصف، انفجار.
- Fill *Attacker*, *Target*, *Place* and *Instrument* only from spans in the same sentence.

## Titles and people

A title inside a person's name is a TITLE span nested in the PER span:
«الرئيس الأمريكي جو بايدن».
"""


def test_screenshots_of_the_guidelines_panel(qtbot: QtBot, seed_project: Project, tmp_path: Path) -> None:
    """The project's guidelines and the schema's definitions, searched for an attack."""
    source = tmp_path / "guidelines.md"
    source.write_text(GUIDELINES, encoding="utf-8")
    set_guidelines(seed_project, source)
    window = show_window(qtbot, MainWindow(seed_project, ANNOTATOR, ini_settings(tmp_path / "s.ini")))
    window.resize(*SCREENSHOT_SIZE)
    dock = window.docks["guidelines"]
    dock.toggleViewAction().trigger()
    dock.toggleViewAction().trigger()
    panel = window.guide.panel
    try:
        shots = ((Language.ENGLISH, Theme.LIGHT, "attack"), (Language.ARABIC, Theme.DARK, "غارة"))
        for language, theme, query in shots:
            window.set_language(language)
            window.menu_actions.themes[theme].trigger()
            panel.search.setText(query)
            qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
            image = grab(window, tmp_path / f"guidelines-{language}.png")
            assert len(panel.highlighted()) >= 2 and image.width() == SCREENSHOT_SIZE[0]
    finally:
        theme_switch().set_theme(Theme.SYSTEM)
        i18n.set_language(Language.ENGLISH)


def test_screenshot_of_the_welcome_page(qtbot: QtBot, tmp_path: Path) -> None:
    page = WelcomePage(ini_settings(tmp_path / "s.ini"), tmp_path / "demo.tawsim")
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    page.name_field.setText("Salma")
    image = grab(page, tmp_path / "welcome-page.png")
    assert (image.width(), image.height()) == WELCOME_SIZE
