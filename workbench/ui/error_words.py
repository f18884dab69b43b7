"""Errors in the window's language, where the window words them itself.

The program says its errors in the command line's words, in English, with their details
(``core.errors``): an Arabic window showed "not a Tawsim project file (file is not a database)"
as it was. The refusals met opening a project (no file there, not a project, from a newer
version, on read-only media, held by another program), an output refused (onto the project or a
database), an output that could not be written (a full disk, no permission) and a split refused
for too few documents or sentences (said with the export form's words rather than the command
line's options) carry what they are about, and are worded here: which file, and what to do.

So are an import's refusals that told the window's user to give the command line's ``--format``
or ``--label-map``: files whose format the import does not tell by itself (the window's user
chooses it among the file types of File > Import files…), files of several formats, and a label
the project's schema does not have (the window imports the schema's labels only). Any other file
that cannot be read is said with its path and its place (line, byte, task) in the window's
words, and the problem too (``ui.problem_words``): "الملف، السطر 3: expected a JSON object"
was half in English. Any other error keeps its own message, in the window's words when it is a
``Problem`` (a span the schema refuses, met by the store).
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from workbench.app.output_paths import OutputPathError, Refusal
from workbench.core.errors import (
    InputError,
    MixedFormats,
    Place,
    Problem,
    ProjectLocked,
    TextFault,
    Undetected,
    UndetectedFormat,
    UnknownLabel,
    Unopenable,
    UnopenableProject,
    UnreadableText,
    problem_of,
)
from workbench.core.schema import Schema
from workbench.formats.base import OutputError
from workbench.formats.splits import EmptySplit
from workbench.ui.events import event_text
from workbench.ui.format_titles import format_title
from workbench.ui.i18n import Language, current_language, isolated
from workbench.ui.problem_words import problem_words


def error_words(error: Exception) -> str:
    """``error`` in the window's words, the file's path kept left to right (``isolated``)."""
    words = _own_words(error)
    return problem_words(problem_of(error)) if words is None else words


def refusal_words(
    error: Exception,
    schema: Schema,
    event_type: str | None = None,
    language: event_text.Language | None = None,
) -> str:
    """``error_words`` of the store's refusal of an edit, the labels and event types it names
    said by the schema's names (and the roles, given the ``event_type`` of the event edited) in
    ``language``, the interface language unless given: an Arabic window said "لدى المُوسِّم
    «amal» من قبل مقطع «GPE»" where its palette says «كيان جيوسياسي» (``event_text.refusal_text``)."""
    words = _own_words(error)
    if words is not None:
        return words
    problem = problem_of(error)
    if not isinstance(problem, Problem):
        return problem
    if language is None:
        language = "ar" if current_language() is Language.ARABIC else "en"
    return event_text.refusal_text(schema, problem, event_type, language)


def _own_words(error: Exception) -> str | None:
    """The window's own words for the errors it words itself (module docstring); None for any
    other, which keeps its message."""
    if isinstance(error, ProjectLocked):
        return _locked_words(error.waited).format(path=isolated(str(error.path)))
    if isinstance(error, UnopenableProject):
        return _unopenable_words(error.reason).format(path=isolated(str(error.path)))
    if isinstance(error, OutputError):
        words = QCoreApplication.translate("ErrorWords", "Could not write {path}: {reason}. Nothing of it was kept.")
        return words.format(path=isolated(str(error.path)), reason=_output_reason(error))
    if isinstance(error, OutputPathError):
        return _refusal_words(error.refusal).format(path=isolated(str(error.out)))
    if isinstance(error, EmptySplit):
        return empty_split_words(error)
    if isinstance(error, UndetectedFormat):
        return _undetected_words(error.reason).format(
            path=isolated(str(error.path)), format=_suggested_format(error.reason), menu=_import_menu()
        )
    if isinstance(error, MixedFormats):
        each = QCoreApplication.translate("ErrorWords", "{path} ({format})")
        found = QCoreApplication.translate("ErrorWords", ", ").join(
            each.format(path=isolated(str(path)), format=format_title(name)) for name, path in error.found.items()
        )
        words = QCoreApplication.translate(
            "ErrorWords", "The files are of several formats: {found}. Import those of one format at a time."
        )
        return words.format(found=found)
    if isinstance(error, UnknownLabel):
        return QCoreApplication.translate(
            "ErrorWords",
            "{place}: “{label}” is not a label of the project's schema. The window imports the "
            "schema's labels only; to read others as the schema's, import the file from the "
            "command line with --label-map.",
        ).format(place=_file_place(error), label=error.foreign)
    if isinstance(error, UnreadableText):
        return _text_fault_words(error.fault).format(
            path=isolated(str(error.path)), place=_file_place(error), character=error.character
        )
    if isinstance(error, InputError):
        words = QCoreApplication.translate("ErrorWords", "{place}: {problem}")
        return words.format(place=_file_place(error), problem=problem_words(error.problem))
    return None


def _file_place(error: InputError) -> str:
    """The file's path, and the place in it when one is to blame, in the window's words."""
    path = isolated(str(error.path))
    if error.where is None:
        return path
    words = QCoreApplication.translate("ErrorWords", "{path}, {place}")
    return words.format(path=path, place=_place_words(error.where))


def _place_words(place: Place) -> str:
    """A place in a file in the window's words (``Place`` says it in the command line's)."""
    parts = []
    if place.task is not None:
        task = QCoreApplication.translate("ErrorWords", "task {task}")
        if place.task_id is not None:
            task = QCoreApplication.translate("ErrorWords", "task {task} (id {id})")
        parts.append(task.format(task=place.task, id=place.task_id))
    if place.line is not None:
        parts.append(QCoreApplication.translate("ErrorWords", "line {line}").format(line=place.line))
    if place.column is not None:
        parts.append(QCoreApplication.translate("ErrorWords", "column {column}").format(column=place.column))
    if place.byte is not None:
        parts.append(QCoreApplication.translate("ErrorWords", "byte {byte}").format(byte=place.byte))
    if place.result_id is not None:
        result = QCoreApplication.translate("ErrorWords", "result {result}")
        parts.append(result.format(result=repr(place.result_id)))
    return QCoreApplication.translate("ErrorWords", ", ").join(parts)


def _import_menu() -> str:
    """Where the window's user chooses an import's format: the menu and its item, as named there."""
    menu = QCoreApplication.translate("WindowActions", "&File").replace("&", "")
    item = QCoreApplication.translate("FileMenu", "Import files…")
    return QCoreApplication.translate("ErrorWords", "{menu} > {item}").format(menu=menu, item=item)


def _suggested_format(reason: Undetected) -> str:
    """The title of the file type to choose for a file that looks so, if there is one to choose."""
    names = {
        Undetected.LOOKS_LIKE_CONLL: "conll",
        Undetected.TSV_NOT_CONLL: "txt",
        Undetected.DOCCANO_JSONL: "doccano",
        Undetected.DOCCANO_JSON: "doccano",
    }
    return format_title(names[reason]) if reason in names else ""


def empty_split_words(refused: EmptySplit) -> str:
    """A split refused for too few documents or sentences, said with the export form's words (the
    error says it with the command line's options)."""
    if not refused.count:
        return QCoreApplication.translate(
            "ErrorWords", "There is nothing to split: no document has annotations of the chosen source."
        )
    parts = QCoreApplication.translate("ErrorWords", ", ").join(_split_part_name(name) for name in refused.empty)
    if refused.unit == "document":
        return QCoreApplication.translate(
            "ErrorWords",
            "Too few documents to give every part of the split one; left empty: {parts}. "
            "Split by sentences, or change the percentages.",
        ).format(parts=parts)
    return QCoreApplication.translate(
        "ErrorWords",
        "Too few sentences to give every part of the split one; left empty: {parts}. "
        "Change the percentages.",
    ).format(parts=parts)


def _split_part_name(name: str) -> str:
    names = {
        "train": QCoreApplication.translate("ErrorWords", "train"),
        "validation": QCoreApplication.translate("ErrorWords", "validation"),
        "test": QCoreApplication.translate("ErrorWords", "test"),
    }
    return names[name]


_DISK_FULL = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, name))
"""No room left: on the disk, in the user's quota, or for a file that large."""


def _output_reason(error: OutputError) -> str:
    """Why the output could not be written: the system's own words, but for the reasons a user
    meets most, said in the window's language."""
    if error.errno in _DISK_FULL:
        return QCoreApplication.translate("ErrorWords", "the disk is full, or the file too large for it")
    if error.errno in (errno.EACCES, errno.EPERM):
        return QCoreApplication.translate("ErrorWords", "you may not write there")
    if error.errno == errno.EROFS:
        return QCoreApplication.translate("ErrorWords", "it is on read-only media")
    return error.reason


def _locked_words(waited: bool) -> str:
    if waited:
        return QCoreApplication.translate(
            "ErrorWords",
            "{path}: the project is locked by another program; "
            "try again when that program has finished with it.",
        )
    return QCoreApplication.translate(
        "ErrorWords",
        "{path}: another program is changing the project (an import, say); "
        "try again when that program has finished with it.",
    )


def _unopenable_words(reason: Unopenable) -> str:
    words = {
        Unopenable.NO_FILE: QCoreApplication.translate("ErrorWords", "There is no project file at {path}."),
        Unopenable.NOT_A_PROJECT: QCoreApplication.translate("ErrorWords", "{path} is not a Tawsim project file."),
        Unopenable.NEWER_VERSION: QCoreApplication.translate(
            "ErrorWords",
            "{path} was written by a newer version of Tawsim Workbench. "
            "Update the program to open it; the file was left untouched.",
        ),
        Unopenable.READ_ONLY: QCoreApplication.translate(
            "ErrorWords",
            "{path} is on read-only media or in a folder you cannot write to; "
            "copy it to a writable folder to change it.",
        ),
    }
    return words[reason]


def _refusal_words(refusal: Refusal) -> str:
    words = {
        Refusal.THE_PROJECT: QCoreApplication.translate(
            "ErrorWords", "{path} is the project itself; choose another path."
        ),
        Refusal.A_SIDE_FILE: QCoreApplication.translate(
            "ErrorWords", "{path} is one of the project's own files; choose another path."
        ),
        Refusal.A_DATABASE: QCoreApplication.translate(
            "ErrorWords", "{path} is a database (a project or a package); choose another path."
        ),
        Refusal.HOLDS_THE_PROJECT: QCoreApplication.translate(
            "ErrorWords", "The folder {path} holds the project; choose another path."
        ),
        Refusal.HOLDS_A_DATABASE: QCoreApplication.translate(
            "ErrorWords", "The folder {path} holds a database (a project or a package); choose another path."
        ),
    }
    return words[refusal]


def _undetected_words(reason: Undetected) -> str:
    words = {
        Undetected.UNKNOWN_SUFFIX: QCoreApplication.translate(
            "ErrorWords",
            "{path}: the workbench cannot tell its format from its name. Choose its format among "
            "the file types of {menu}.",
        ),
        Undetected.LOOKS_LIKE_CONLL: QCoreApplication.translate(
            "ErrorWords",
            "{path} looks like CoNLL: a token and its tags on each line. Choose “{format}” among "
            "the file types of {menu}.",
        ),
        Undetected.TSV_NOT_CONLL: QCoreApplication.translate(
            "ErrorWords",
            "{path} is a .tsv file whose lines are not a token and its tags, as CoNLL's are. If "
            "it is plain text, rename it .txt or choose “{format}” among the file types of {menu}.",
        ),
        Undetected.DOCCANO_JSONL: QCoreApplication.translate(
            "ErrorWords",
            "{path} looks like doccano's JSONL, not the workbench's. Choose “{format}” among the "
            "file types of {menu}.",
        ),
        Undetected.DOCCANO_JSON: QCoreApplication.translate(
            "ErrorWords",
            "{path} looks like doccano's JSON export. Export JSONL from doccano, then import that "
            "file choosing “{format}” among the file types of {menu}.",
        ),
        Undetected.LABEL_STUDIO_MIN: QCoreApplication.translate(
            "ErrorWords",
            "{path} looks like Label Studio's JSON_MIN export, which leaves out the tasks' texts. "
            "Export the project from Label Studio as JSON, and import that file.",
        ),
    }
    return words[reason]


def _text_fault_words(fault: TextFault) -> str:
    """Why a file is not text the workbench reads: the faults an Arabic user meets first (a file
    saved in Windows-1256) in the window's words."""
    words = {
        TextFault.EMPTY: QCoreApplication.translate("ErrorWords", "{path} is empty."),
        TextFault.UTF32: QCoreApplication.translate(
            "ErrorWords", "{path} is UTF-32 text, which the workbench does not read: save it as UTF-8."
        ),
        TextFault.ONLY_A_BOM: QCoreApplication.translate(
            "ErrorWords", "{path} holds only a byte-order mark and no text."
        ),
        TextFault.NOT_UTF8: QCoreApplication.translate(
            "ErrorWords",
            "{place}: not UTF-8 text. The file is binary, or text in another encoding "
            "(Windows-1256, say): save it as UTF-8.",
        ),
        TextFault.NOT_UTF16: QCoreApplication.translate("ErrorWords", "{place}: not valid UTF-16 text."),
        TextFault.CONTROL: QCoreApplication.translate(
            "ErrorWords",
            "{place}: a control character ({character}) that text does not hold. The file is "
            "binary, or text in another encoding: save it as UTF-8.",
        ),
    }
    return words[fault]
