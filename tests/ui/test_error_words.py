"""The refusals met opening a project, an output refused and an output that could not be written,
in the window's language (``ui.error_words``): an Arabic window showed the command line's English
("not a Tawsim project file (file is not a database)", "refused as an output: it is the project",
"cannot write ...: No space left on device"). An Arabic message begins with an Arabic word: one
that began with the path, isolated, was laid out left to right in a message box (its first strong
character, for Qt's label, the path's first letter)."""

from __future__ import annotations

import errno
import os
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.store.test_locks_and_media import ReadOnlyCopy, held_by_another_program, read_only_copy  # noqa: F401
from tests.ui.test_project_windows import windows  # noqa: F401 (fixture)
from workbench.app.output_paths import OutputPathError, Refusal, check_output_path
from workbench.core.errors import (
    InputError,
    MixedFormats,
    Place,
    ProjectError,
    ProjectLocked,
    TextFault,
    Undetected,
    UndetectedFormat,
    UnknownLabel,
    Unopenable,
    UnopenableProject,
    UnreadableText,
    WorkbenchError,
)
from workbench.core.schema import builtin_schema
from workbench.formats.base import EXPORT_MARK, OutputError, atomic_text_output
from workbench.formats.splits import EmptySplit
from workbench.store.migrations import format_version
from workbench.store.project import Project
from workbench.ui import i18n
from workbench.ui.background import run_in_background
from workbench.ui.error_words import error_words
from workbench.ui.i18n import Language, isolated
from workbench.ui.project_windows import ProjectWindows

WAIT_MS = 20_000


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "مشروع.tawsim"
    Project.create(path, builtin_schema("generic")).close()
    return path


def refusal(path: Path, **opening: bool) -> ProjectError:
    with pytest.raises(ProjectError) as refused:
        Project.open(path, **opening).close()
    return refused.value


def newer(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {format_version() + 1}")
    conn.close()
    return path


def not_a_database(path: Path) -> Path:
    path.write_text("هذا نص وليس قاعدة بيانات", encoding="utf-8")
    return path


def another_database(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    return path


NOT_A_PROJECT = ("الملف {path} ليس ملف مشروع توسيم.", "{path} is not a Tawsim project file.")
WORDS = {
    Unopenable.NO_FILE: ("لا يوجد ملف مشروع في {path}.", "There is no project file at {path}."),
    Unopenable.NOT_A_PROJECT: NOT_A_PROJECT,
    Unopenable.NEWER_VERSION: (
        "كُتب الملف {path} بإصدار أحدث من منصة توسيم. حدِّث البرنامج لتفتحه؛ لم يُمَسّ الملف.",
        "{path} was written by a newer version of Tawsim Workbench. Update the program to open it; "
        "the file was left untouched.",
    ),
}
"""Each refusal's words in Arabic and in English."""
HELD = "المشروع {path} مقفل لدى برنامج آخر؛ أعد المحاولة حين ينتهي منه ذلك البرنامج."


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: path, Unopenable.NO_FILE),
        (not_a_database, Unopenable.NOT_A_PROJECT),
        (another_database, Unopenable.NOT_A_PROJECT),
        (newer, Unopenable.NEWER_VERSION),
    ],
)
def test_a_file_that_cannot_be_opened_is_said_in_the_windows_language(
    tmp_path: Path, make: Callable[[Path], Path], reason: Unopenable
) -> None:
    arabic_words, english_words = WORDS[reason]
    path = tmp_path / "ملف.tawsim"
    if reason is Unopenable.NEWER_VERSION:
        Project.create(path, builtin_schema("generic")).close()
    error = refusal(make(path))
    assert isinstance(error, UnopenableProject) and error.reason is reason and error.path == path
    assert error_words(error) == english_words.format(path=isolated(str(path)))
    i18n.set_language(Language.ARABIC)
    try:
        assert error_words(error) == arabic_words.format(path=isolated(str(path)))
    finally:
        i18n.set_language(Language.ENGLISH)
    assert str(error).startswith(f"{path}: ")  # the command line's words, as they were


def test_a_project_another_program_holds_is_said_in_arabic(arabic: None, project_path: Path) -> None:
    with held_by_another_program(project_path, "PRAGMA journal_mode = DELETE", "BEGIN EXCLUSIVE"):
        error = refusal(project_path, wait=False)
    assert isinstance(error, ProjectLocked) and not error.waited
    assert error_words(error) == (
        f"برنامج آخر يغيّر المشروع {isolated(str(project_path))} الآن (استيراد مثلًا)؛ "
        "أعد المحاولة حين ينتهي منه ذلك البرنامج."
    )
    waited = ProjectLocked("held", project_path, waited=True)
    assert error_words(waited) == HELD.format(path=isolated(str(project_path)))


def test_a_project_on_read_only_media_is_said_in_arabic(
    arabic: None, project_path: Path, read_only_copy: ReadOnlyCopy
) -> None:
    copy = read_only_copy(project_path) / project_path.name
    error = refusal(copy)
    assert isinstance(error, UnopenableProject) and error.reason is Unopenable.READ_ONLY
    assert error_words(error).startswith(f"المشروع {isolated(str(copy))} على وسيط للقراءة فقط")


def test_other_errors_keep_their_own_message(arabic: None) -> None:
    assert error_words(WorkbenchError("p.tawsim: no such document")) == "p.tawsim: no such document"
    assert error_words(OSError(28, "No space left on device")) == "[Errno 28] No space left on device"


def test_the_window_opening_a_file_that_is_not_a_project_says_so_in_arabic(
    arabic: None, windows: ProjectWindows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    broken = not_a_database(tmp_path / "broken.tawsim")
    assert windows.open(broken) is None
    assert shown == [NOT_A_PROJECT[0].format(path=isolated(str(broken.resolve())))]


def test_a_background_task_says_a_held_project_in_arabic(arabic: None, qtbot: QtBot, project_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(*_: object) -> None:
        raise ProjectLocked("held", project_path, waited=False)

    task = run_in_background(parent, "Work", work)
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [error_words(ProjectLocked("held", project_path, waited=False))]
    assert blocker.args[0].startswith("برنامج آخر يغيّر المشروع")


@pytest.mark.parametrize(
    ("number", "system_words", "reason"),
    [
        (errno.ENOSPC, "No space left on device", "القرص ممتلئ، أو الملف أكبر مما يتّسع له"),
        (errno.EACCES, "Permission denied", "لا إذن لك بالكتابة هناك"),
        (errno.EROFS, "Read-only file system", "إنه على وسيط للقراءة فقط"),
        (errno.EIO, "Input/output error", "Input/output error"),
    ],
)
def test_an_output_that_could_not_be_written_is_said_in_arabic(
    arabic: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, system_words: str, reason: str
) -> None:
    def failing(_descriptor: int) -> None:
        raise OSError(number, system_words)

    monkeypatch.setattr(os, "fsync", failing)
    out = tmp_path / "تصدير.jsonl"
    with pytest.raises(OutputError) as failed, atomic_text_output(out) as stream:
        stream.write("{}\n")
    assert failed.value.errno == number and not out.exists()
    assert str(failed.value) == f"cannot write {out}: {system_words}; nothing of it was kept"  # the CLI's
    assert error_words(failed.value) == f"تعذّرت الكتابة في {isolated(str(out))}: {reason}. لم يُحفظ منه شيء."


def test_each_output_refused_is_said_in_arabic(arabic: None, project_path: Path, tmp_path: Path) -> None:
    """Onto the project, one of its side files, another database, a folder holding the project, an
    earlier export's folder that came to hold a database: each refused before anything is written."""
    another = tmp_path / "حزمة.tawsim"
    another.write_bytes(project_path.read_bytes())
    export = tmp_path / "تصدير"
    export.mkdir()
    (export / EXPORT_MARK).write_text("", encoding="utf-8")
    (export / "نسخة.db").write_bytes(project_path.read_bytes())
    side = project_path.with_name(project_path.name + "-wal")
    refusals = {
        project_path: "المسار {path} هو المشروع نفسه؛ اختر مسارًا آخر.",
        side: "المسار {path} من ملفات المشروع نفسه؛ اختر مسارًا آخر.",
        another: "المسار {path} قاعدة بيانات (مشروع أو حزمة)؛ اختر مسارًا آخر.",
        tmp_path: "المجلد {path} يحوي المشروع؛ اختر مسارًا آخر.",
        export: "المجلد {path} يحوي قاعدة بيانات (مشروع أو حزمة)؛ اختر مسارًا آخر.",
    }
    for out, words in refusals.items():
        with pytest.raises(OutputPathError) as refused:
            check_output_path(out, project_path)
        assert str(refused.value).startswith(f"{out}: refused as an output: ")  # the command line's
        assert error_words(refused.value) == words.format(path=isolated(str(out)))


def every_worded_error(path: Path) -> list[Exception]:
    """One error of each kind ``error_words`` words, about ``path``."""
    return [
        ProjectLocked("held", path, waited=True),
        ProjectLocked("held", path, waited=False),
        *(UnopenableProject("no", path, reason) for reason in Unopenable),
        OutputError(path, "No space left on device", errno.ENOSPC),
        *(OutputPathError(path, "no", refusal) for refusal in Refusal),
        EmptySplit(0, (80, 10, 10), "document", []),
        EmptySplit(3, (80, 10, 10), "document", ["test"]),
        EmptySplit(3, (80, 10, 10), "sentence", ["test"]),
        *(UndetectedFormat(path, "no", reason) for reason in Undetected),
        MixedFormats("no", {"conll": path, "txt": path.with_suffix(".txt")}),
        UnknownLabel(path, "no", foreign="WEAPON", where=Place(line=3)),
        *(UnreadableText(path, "no", fault, where=Place(byte=4), character="U+0001") for fault in TextFault),
        InputError(path, "not valid JSON", where=Place(line=3, column=4)),
        InputError(path, "the file is empty"),
    ]


def test_every_arabic_error_message_begins_with_an_arabic_word(arabic: None, tmp_path: Path) -> None:
    for error in every_worded_error(tmp_path / "news" / "article.jsonl"):
        words = error_words(error)
        assert unicodedata.bidirectional(words[0]) in ("R", "AL"), words
