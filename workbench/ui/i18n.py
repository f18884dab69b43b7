"""The interface language: Arabic or English, switched at run time.

Arabic installs ``resources/translations/workbench_ar.qm`` (the window's strings) and Qt's own
``qtbase_ar.qm`` (standard buttons and dialogs), and mirrors the whole layout with
``QApplication.setLayoutDirection``. Qt then sends every widget a ``LanguageChange`` event; the
widgets set their texts again in their ``retranslate`` methods.

The annotation view keeps its own right-to-left direction in both languages: the documents are
Arabic whatever language the menus speak.

Updating the translations after changing strings in ``workbench/ui``::

    uv run pyside6-lupdate -locations none -target-language ar workbench/ui/*.py workbench/ui/*/*.py \\
        -ts resources/translations/workbench_ar.ts
    uv run pyside6-lupdate -locations none -target-language en -pluralonly workbench/ui/*.py workbench/ui/*/*.py \\
        -ts resources/translations/workbench_en.ts
    sed -i '/<name>ImportProblem</,/<\\/context>/s/ type="vanished"//' resources/translations/workbench_ar.ts
    uv run pyside6-linguist resources/translations/workbench_*.ts    # translate the new ones
    uv run pyside6-lrelease resources/translations/workbench_ar.ts resources/translations/workbench_en.ts

The ``ImportProblem`` messages (``ui.problem_words``) are written by hand: their templates are
made outside ``workbench/ui``, so lupdate marks them vanished, and the ``sed`` line keeps them.

``tests/ui/test_translations.py`` fails when a string has no Arabic translation or the ``.qm``
is older than the ``.ts``; ``tests/ui/test_problem_words.py`` when a problem has none.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, Protocol

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from workbench.paths import resources_dir

log = logging.getLogger(__name__)


class Language(StrEnum):
    ENGLISH = "en"
    ARABIC = "ar"

    @property
    def native_name(self) -> str:
        """The language's name in itself, as language menus show it (never translated)."""
        return {Language.ENGLISH: "English", Language.ARABIC: "العربية"}[self]

    @property
    def direction(self) -> Qt.LayoutDirection:
        if self is Language.ARABIC:
            return Qt.LayoutDirection.RightToLeft
        return Qt.LayoutDirection.LeftToRight


class Named(Protocol):
    """A schema item with names in both languages (entity label, event type, role). Read-only,
    as the schema's frozen dataclasses have them."""

    @property
    def en(self) -> str: ...

    @property
    def ar(self) -> str: ...


def translations_dir() -> Path:
    return resources_dir() / "translations"


def use_plain_numbers() -> None:
    """Numbers in Qt's item views and spin boxes written as the rest of the program writes
    them: ASCII digits with no group separator, whatever the system's locale. Qt writes an
    integer cell in the locale's digits and groups: a span starting at 1176 read ١٬١٧٦ in the
    span list on an Egyptian Arabic system and 1,176 on an American one, beside 1176 in the
    inspector, the exports and the command line (and the digits of the news text itself)."""
    QLocale.setDefault(QLocale.c())


def system_language() -> Language:
    """Arabic on a system whose locale is Arabic, English elsewhere."""
    if QLocale.system().language() == QLocale.Language.Arabic:
        return Language.ARABIC
    return Language.ENGLISH


class _Installed:
    """The language in use and the translators installed for it (one set per application)."""

    language = Language.ENGLISH
    translators: ClassVar[list[QTranslator]] = []


def current_language() -> Language:
    return _Installed.language


def set_language(language: Language) -> list[Path]:
    """Install ``language``'s translations and layout direction in the running application.

    Returns the translation files that could not be loaded (logged too; the strings they hold
    stay in English), so that the self-test can fail on a build that lost them.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication must exist"
    for translator in _Installed.translators:
        app.removeTranslator(translator)
    files = translation_files(language)
    loaded = {path: _load_translator(path) for path in files}
    _Installed.translators = [translator for translator in loaded.values() if translator]
    for translator in _Installed.translators:
        app.installTranslator(translator)
    _Installed.language = language
    app.setLayoutDirection(language.direction)
    return [path for path, translator in loaded.items() if translator is None]


def translation_files(language: Language) -> list[Path]:
    """The window's translations, and Qt's own for Arabic. English has a file too: the plural
    forms of the messages that count ("1 span", "2 spans"), which the sources write as "span(s)"."""
    files = [translations_dir() / f"workbench_{language}.qm"]
    if language is not Language.ENGLISH:
        qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files.append(qt_translations / f"qtbase_{language}.qm")
    return files


def _load_translator(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(path)):
        return translator
    log.warning("could not load the translations %s", path)
    return None


def display_name(item: Named) -> str:
    """A schema item's name in the interface language."""
    return item.ar if current_language() is Language.ARABIC else item.en


def value_name(names_ar: dict[str, str], names_en: dict[str, str], value: str) -> str:
    """An attribute value's display name in the interface language, else its key."""
    names = names_ar if current_language() is Language.ARABIC else names_en
    return names.get(value, value)


LEFT_TO_RIGHT_ISOLATE = "\u2066"
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolated(text: str) -> str:
    """``text`` in its own direction inside a mirrored interface: a file name such as
    ``000_e8827d64`` would otherwise read ``e8827d64_000`` in an Arabic list."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def local_time(utc: str) -> str:
    """A time the project stores (UTC, ISO 8601) as the user's clock reads it, to the minute,
    kept left to right: ``2026-12-05T15:31:20+00:00`` reads ``2026-12-05 18:31`` in Riyadh."""
    return isolated(datetime.fromisoformat(utc).astimezone().strftime("%Y-%m-%d %H:%M"))
