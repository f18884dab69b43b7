"""Fixtures and helpers for the Qt view tests (pytest-qt, offscreen).

Points for mouse events come from the glyphs Qt actually drew (``QTextLayout.glyphRuns``), never
from ``cursorToX``, which is wrong at LTR/RTL run boundaries (notes §1.2). Positions go through
``Utf16Map``: the tests speak code points, Qt UTF-16 units.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.core.utf16 import Utf16Map
from workbench.ui import fonts, i18n
from workbench.ui.annotate.text_view import AnnotatedTextView
from workbench.ui.background import QuietTask
from workbench.ui.i18n import Language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt creates the QApplication

VIEW_WIDTH, VIEW_HEIGHT = 900, 700


@pytest.fixture(scope="session", autouse=True)
def english_translations(qapp: QApplication) -> None:
    """The English translations installed, as the program installs its language at start
    (``ui.app``): they hold the plural forms ("3 spans" for "%n span(s)"), so that a test run on
    its own sees what the window shows, not what an earlier test happened to install."""
    i18n.set_language(i18n.Language.ENGLISH)


@pytest.fixture(autouse=True)
def settings_in_a_temporary_folder(tmp_path: Path) -> None:
    """Whatever a test leaves in QSettings() goes to its own folder, never the user's settings."""
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def no_quiet_work_left(qtbot: QtBot) -> None:
    """What an earlier test's window left at work on a worker thread (a read, a search, a fill;
    on two busy cores one can outlast its test) is done before the next test begins: a test
    that asks whether a quiet task runs (``QuietTask.any_running``) would take it for its own,
    as one did in a CI dry run."""
    qtbot.waitUntil(lambda: not QuietTask.any_running(), timeout=20_000)


@pytest.fixture
def arabic() -> Iterator[None]:
    """The interface in Arabic for the test, then in English again."""
    i18n.set_language(Language.ARABIC)
    yield
    i18n.set_language(Language.ENGLISH)


@pytest.fixture(scope="session")
def arabic_font(qapp: QApplication) -> QFont:
    """The bundled Noto Naskh Arabic (with the Latin fallback) at 16 pt."""
    assert fonts.bundled_arabic_family() == "Noto Naskh Arabic"
    return fonts.annotation_font(16)


@pytest.fixture
def view(qtbot: QtBot, arabic_font: QFont) -> AnnotatedTextView:
    """A shown, exposed view of a fixed size with the bundled font."""
    text_view = AnnotatedTextView()
    text_view.setFont(arabic_font)
    text_view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    qtbot.addWidget(text_view)
    with qtbot.waitExposed(text_view):
        text_view.show()
    return text_view


def char_geometry(view: AnnotatedTextView, cp: int) -> tuple[QRectF, bool]:
    """The viewport rectangle of the glyph(s) of the character at code point ``cp`` (as tall as
    its line), and whether it sits in a right-to-left run. The lines are where the view puts them
    (after the room above them for tags and arcs)."""
    view.span_geometry()
    text = view.text
    u16 = Utf16Map(text).to_utf16(cp)
    units = 2 if ord(text[cp]) > 0xFFFF else 1
    block = view.document().findBlock(u16)
    layout = block.layout()
    relative = u16 - block.position()
    line = layout.lineForTextPosition(relative)
    runs = layout.glyphRuns(relative, units)
    assert runs, f"no glyph drawn for code point {cp} ({text[cp]!r})"
    glyphs = runs[0].boundingRect()
    for run in runs[1:]:
        glyphs = glyphs.united(run.boundingRect())
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    origin += layout.position()
    rect = QRectF(origin.x() + glyphs.left(), origin.y() + line.y(), glyphs.width(), line.height())
    return rect, runs[0].isRightToLeft()


def selected_id(view: AnnotatedTextView) -> str | None:
    """The selected span's id, read anew (mypy would keep it as last compared)."""
    return view.selected_span_id


def application() -> QApplication:
    """The running QApplication (``QApplication.instance()`` is typed as its base class)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def point_inside_char(
    view: AnnotatedTextView, cp: int, toward: Literal["centre", "start", "end"] = "centre"
) -> QPoint:
    """A viewport point on the character at code point ``cp``.

    ``centre`` is the middle of its glyph; ``start``/``end`` lie a quarter of the glyph's width
    in from its logical start/end edge (the right/left edge in a right-to-left run), so that Qt
    places the cursor unambiguously before/after it.
    """
    rect, right_to_left = char_geometry(view, cp)
    y = int(rect.center().y())
    if toward == "centre":
        return QPoint(int(rect.center().x()), y)
    from_right = (toward == "start") == right_to_left
    quarter = rect.width() / 4
    x = rect.right() - quarter if from_right else rect.left() + quarter
    return QPoint(int(x), y)
