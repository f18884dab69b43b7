"""The Qt steps of ``workbench --self-test``, and the command itself.

The Qt-free steps come from ``workbench.app.self_test``; these add what only a running GUI shows:
Qt starts on the platform plugin it was given (``QT_QPA_PLATFORM=offscreen`` on CI), the bundled
Arabic font loads through ``workbench.ui.fonts``, and the main window shows the temporary project
with its Arabic text actually drawn. PySide6 is imported inside the steps, so that an installation
whose Qt is broken still gets a report naming the failing step instead of a traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.app.self_test import (
    ANNOTATORS,
    CORE_STEPS,
    SelfTestContext,
    SelfTestFailure,
    Step,
    new_report,
    run_steps,
    self_test_context,
    write_json_report,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

WINDOW_SIZE = (1200, 800)  # as workbench.ui.app opens it
EXPOSE_TIMEOUT_S = 5.0
MIN_TEXT_PIXELS = 500
"""Dark pixels the text view must hold for its Arabic text to count as drawn (a few lines of
16 pt text give tens of thousands)."""
DARK = 96
"""A pixel darker than this in every channel is ink (the view draws black text on white)."""


def run_self_test(report_path: Path | None = None, screenshot: Path | None = None) -> int:
    """Run every step, print one line per step, write the JSON report if asked; 0 when all passed."""
    report = new_report()
    with self_test_context(screenshot) as context:
        run_steps([*CORE_STEPS, *GUI_STEPS], context, report)
    report.qt = loaded_qt_version()
    for line in report.lines():
        print(line, flush=True)
    if report_path is not None:
        write_json_report(report, report_path)
    return 0 if report.ok else 1


def loaded_qt_version() -> str:
    if "PySide6.QtCore" not in sys.modules:
        return "not loaded"
    from PySide6.QtCore import qVersion

    return qVersion()


def start_qt(context: SelfTestContext) -> str:
    import PySide6

    from workbench.ui.app import application

    app = application()
    return f"Qt {loaded_qt_version()}, PySide6 {PySide6.__version__}, platform {app.platformName()}"


def load_font(context: SelfTestContext) -> str:
    from PySide6.QtGui import QFontInfo, QFontMetrics

    from workbench.ui import fonts

    family = fonts.bundled_arabic_family()
    if family is None:
        raise SelfTestFailure(f"the bundled Arabic font did not load from {fonts.fonts_dir()}")
    font = fonts.annotation_font()
    if not QFontMetrics(font).inFontUcs4(ord("ب")):
        raise SelfTestFailure(f"the view's font {QFontInfo(font).family()!r} has no Arabic letters")
    return f"{family}, {font.pointSize()} pt, Arabic glyphs present"


def load_translations(context: SelfTestContext) -> str:
    """The Arabic interface: the window's translations and Qt's own load, and a menu reads Arabic."""
    from PySide6.QtCore import QCoreApplication

    from workbench.ui import i18n

    try:
        missing = i18n.set_language(i18n.Language.ARABIC)
        file_menu = QCoreApplication.translate("WindowActions", "&File")
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    finally:
        i18n.set_language(i18n.Language.ENGLISH)
    if missing:
        raise SelfTestFailure(f"could not load the translations {', '.join(map(str, missing))}")
    if file_menu == "&File" or cancel == "Cancel":
        raise SelfTestFailure(f"the Arabic interface still reads {file_menu!r}, {cancel!r}")
    return f"Arabic: {file_menu.replace('&', '')}, {cancel}"


def show_window(context: SelfTestContext) -> str:
    """The main window on the temporary project: shown, exposed, grabbed, its Arabic text drawn."""
    from workbench.ui.annotate.main_window import MainWindow
    from workbench.ui.annotate.text_view import AnnotatedTextView

    project = context.open_project()
    window = MainWindow(project, ANNOTATORS[0])
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_until_exposed(window)
        view = window.findChild(AnnotatedTextView)
        if view is None:
            raise SelfTestFailure("the main window has no annotation view")
        expected = project.document(context.document_id).text
        if view.text != expected:
            raise SelfTestFailure("the annotation view does not show the first seed article")
        ink = dark_pixels(view.viewport().grab().toImage())
        if ink < MIN_TEXT_PIXELS:
            raise SelfTestFailure(f"only {ink} dark pixels in the annotation view: no text drawn")
        picture = window.grab().toImage()
        saved = save_screenshot(picture, context.screenshot)
    finally:
        window.close()
        window.deleteLater()
    return f"{picture.width()}x{picture.height()} window, {ink} text pixels{saved}"


def wait_until_exposed(window: QWidget) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + EXPOSE_TIMEOUT_S
    while not is_exposed(window):
        if time.monotonic() > deadline:
            raise SelfTestFailure(f"the window was not shown within {EXPOSE_TIMEOUT_S:.0f} s")
        QApplication.processEvents()
    QApplication.processEvents()


def is_exposed(window: QWidget) -> bool:
    handle = window.windowHandle()
    return window.isVisible() and handle is not None and handle.isExposed()


def dark_pixels(image: QImage) -> int:
    """How many pixels of ``image`` are ink (every second row and column is looked at)."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if max(colour.red(), colour.green(), colour.blue()) < DARK:
                count += 1
    return count * 4


def save_screenshot(image: QImage, path: Path | None) -> str:
    if path is None:
        return ""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise SelfTestFailure(f"could not save the screenshot to {path}")
    return f", saved to {path}"


GUI_STEPS: tuple[Step, ...] = (
    Step("qt", start_qt),
    Step("font", load_font, needs=("qt",)),
    Step("translations", load_translations, needs=("qt",)),
    Step("window", show_window, needs=("qt", "font", "project")),
)
