"""An import's refusals in the window's words (``ui.error_words``): the window told its user to
"give --format conll" or "map it with --label-map", options of the command line that the window
does not have, and said the file's place ("line 3", "byte 11") in English in an Arabic window.
Each refusal is made for real, by the import; the command line's words are unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.annotate.test_file_menu import drop, window, windows  # noqa: F401 (fixtures)
from workbench.app.importing import import_paths
from workbench.core.errors import (
    InputError,
    MixedFormats,
    Place,
    TextFault,
    Undetected,
    UndetectedFormat,
    UnknownLabel,
    UnreadableText,
)
from workbench.core.schema import builtin_schema
from workbench.formats.detection import detect_format
from workbench.store.project import Project
from workbench.ui.annotate.main_window import MainWindow
from workbench.ui.error_words import error_words
from workbench.ui.i18n import Language, isolated

CONLL = "زار O\nمحمد B-PER\nبغداد B-LOC\n\nوصل O\n"
ARABIC_MENU = "ملف ← استيراد ملفات…"
ENGLISH_MENU = "File > Import files…"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "مشروع.tawsim", builtin_schema("generic")) as created:
        yield created


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def refused(paths: list[Path], project: Project | None = None) -> Exception:
    """What the import (or, without a project, the telling of the format) refuses ``paths`` with."""
    with pytest.raises(Exception) as refusal:
        if project is None:
            detect_format(paths)
        else:
            import_paths(project, paths)
    return refusal.value


def undetected(tmp_path: Path) -> dict[Undetected, Path]:
    """A file that looks like each thing the import does not read by itself."""
    return {
        Undetected.UNKNOWN_SUFFIX: write(tmp_path / "تقرير.docx", "ليس نصًا يعرفه أحد"),
        Undetected.LOOKS_LIKE_CONLL: write(tmp_path / "أخبار.data", CONLL),
        Undetected.TSV_NOT_CONLL: write(tmp_path / "جدول.tsv", "الاسم\tالعمر\tالمدينة\nعلي\t30\tبيروت\n"),
        Undetected.DOCCANO_JSONL: write(tmp_path / "d.jsonl", json.dumps({"id": 1, "text": "نص", "label": []}) + "\n"),
        Undetected.DOCCANO_JSON: write(tmp_path / "d.json", json.dumps([{"id": 1, "text": "نص", "label": []}])),
        Undetected.LABEL_STUDIO_MIN: write(
            tmp_path / "min.json", json.dumps([{"text": "نص", "label": [{"start": 0, "end": 1}]}])
        ),
    }


ARABIC_UNDETECTED = {
    Undetected.UNKNOWN_SUFFIX: (
        f"لا تعرف منصة العمل صيغة الملف {{path}} من اسمه. اختر صيغته من أنواع الملفات في {ARABIC_MENU}."
    ),
    Undetected.LOOKS_LIKE_CONLL: (
        f"يبدو {{path}} ملف CoNLL: كلمة ووسومها في كل سطر. اختر «CoNLL (عمودا الكلمة والوسم)» من أنواع "
        f"الملفات في {ARABIC_MENU}."
    ),
    Undetected.TSV_NOT_CONLL: (
        "الملف {path} من نوع \u2066.tsv\u2069 وليست أسطره كلمةً ووسومها كأسطر CoNLL. إن كان نصًا عاديًا فغيّر "
        f"امتداده إلى \u2066.txt\u2069 أو اختر «نص عادي» من أنواع الملفات في {ARABIC_MENU}."
    ),
    Undetected.DOCCANO_JSONL: (
        f"يبدو {{path}} ملف JSONL من doccano لا من منصة العمل. اختر «JSONL من doccano» من أنواع الملفات في "
        f"{ARABIC_MENU}."
    ),
    Undetected.DOCCANO_JSON: (
        "يبدو {path} تصديرَ JSON من doccano. صدِّر من doccano بصيغة JSONL، ثم استورد ذلك الملف باختيار "
        f"«JSONL من doccano» من أنواع الملفات في {ARABIC_MENU}."
    ),
    Undetected.LABEL_STUDIO_MIN: (
        "يبدو {path} تصديرَ JSON_MIN من Label Studio، وهو يُسقط نصوص المهام. صدِّر المشروع من Label Studio "
        "بصيغة JSON، واستورد ذلك الملف."
    ),
}


def test_each_file_of_a_format_not_told_is_said_in_arabic_with_the_windows_way(
    arabic: None, tmp_path: Path
) -> None:
    for reason, path in undetected(tmp_path).items():
        error = refused([path])
        assert isinstance(error, UndetectedFormat) and error.reason is reason
        assert "--format" in str(error)  # the command line's words
        assert error_words(error) == ARABIC_UNDETECTED[reason].format(path=isolated(str(path)))


def test_in_english_the_window_names_its_menu_not_the_command_lines_option(tmp_path: Path) -> None:
    for reason, path in undetected(tmp_path).items():
        words = error_words(refused([path]))
        assert "--format" not in words and isolated(str(path)) in words
        assert ENGLISH_MENU in words or reason is Undetected.LABEL_STUDIO_MIN
    looks_like_conll = error_words(refused([undetected(tmp_path)[Undetected.LOOKS_LIKE_CONLL]]))
    assert "Choose “CoNLL (token and tag columns)” among the file types of File > Import files…" in looks_like_conll


def test_files_of_two_formats_name_each_with_its_file_type(arabic: None, tmp_path: Path) -> None:
    conll, text = write(tmp_path / "a.conll", CONLL), write(tmp_path / "b.txt", "خبر عن بيروت")
    error = refused([conll, text])
    assert isinstance(error, MixedFormats) and "give --format" in str(error)
    assert error_words(error) == (
        f"الملفات من صيغ عدة: {isolated(str(conll))} (CoNLL (عمودا الكلمة والوسم))، "
        f"{isolated(str(text))} (نص عادي). استورد ملفات كل صيغة على حدة."
    )


def test_a_label_the_schema_lacks_names_the_file_and_line_and_the_command_line_as_the_way(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    conll = write(tmp_path / "أخبار.conll", "زار O\nمحمد B-WEAPONX\n")
    error = refused([conll], project)
    assert isinstance(error, UnknownLabel) and error.foreign == "WEAPONX" and error.where == Place(line=2)
    assert str(error).startswith(f"{conll}, line 2: unknown label 'WEAPONX'")  # the command line's
    assert error_words(error) == (
        f"في {isolated(str(conll))}، السطر 2: «WEAPONX» ليس من وسوم مخطط المشروع. لا تستورد النافذة إلا وسوم "
        "المخطط؛ ولقراءة غيرها على أنها من وسومه، استورد الملف من سطر الأوامر مع \u2066--label-map\u2069."
    )
    assert project.document_count() == 0


def text_faults(tmp_path: Path) -> dict[TextFault, tuple[Path, str]]:
    """A file with each fault that makes it no text the workbench reads, and the window's words
    (``{path}``, ``{place}``) in Arabic."""
    files = {
        TextFault.EMPTY: ("فارغ.txt", b""),
        TextFault.UTF32: ("utf32.txt", b"\xff\xfe\x00\x00" + "نص".encode("utf-32-le")),
        TextFault.ONLY_A_BOM: ("bom.txt", b"\xef\xbb\xbf"),
        TextFault.NOT_UTF8: ("ويندوز.txt", "خبر عن بيروت".encode("cp1256")),
        TextFault.NOT_UTF16: ("utf16.txt", b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8"),
        TextFault.CONTROL: ("ثنائي.txt", "خبر".encode() + b"\x01" + "عن".encode()),
    }
    words = {
        TextFault.EMPTY: "الملف {path} فارغ.",
        TextFault.UTF32: "الملف {path} نص بترميز UTF-32، ولا تقرؤه منصة العمل: احفظه بترميز UTF-8.",
        TextFault.ONLY_A_BOM: "لا يحوي الملف {path} إلا علامة ترتيب البايتات، ولا نص فيه.",
        TextFault.NOT_UTF8: (
            "تعذّرت قراءة {path}، البايت 0: ليس نصًا بترميز UTF-8. الملف ثنائي، أو نص بترميز آخر "
            "(Windows-1256 مثلًا): احفظه بترميز UTF-8."
        ),
        TextFault.NOT_UTF16: "تعذّرت قراءة {path}، البايت 6: ليس نصًا سليمًا بترميز UTF-16.",
        TextFault.CONTROL: (
            "تعذّرت قراءة {path}، البايت 6: فيه محرف تحكّم (U+0001) لا يكون في النصوص. الملف ثنائي، أو "
            "نص بترميز آخر: احفظه بترميز UTF-8."
        ),
    }
    made = {}
    for fault, (name, data) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        made[fault] = (path, words[fault])
    return made


def test_a_file_that_is_not_text_the_workbench_reads_is_said_in_arabic(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    """A text saved in Windows-1256 above all, as an Arabic user's editor may save it."""
    for fault, (path, words) in text_faults(tmp_path).items():
        error = refused([path], project)
        assert isinstance(error, UnreadableText) and error.fault is fault
        assert error_words(error) == words.format(path=isolated(str(path)))
    assert project.document_count() == 0


def test_any_other_unreadable_file_is_said_with_its_place_in_arabic(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    jsonl = write(tmp_path / "أخبار.jsonl", '{"text": "نص", "spans": []}\n{"text": "نص", "spans": [}\n')
    task = write(tmp_path / "ls.json", json.dumps([{"id": 7, "data": {"text": "نص"}, "annotations": 3}]))
    places = {
        jsonl: ("السطر 2", Place(line=2), f"ليس JSON سليمًا ({isolated('Expecting value')})"),
        task: ("المهمة 1 (المعرّف 7)", Place(task=1, task_id=7), 'لا بد أن يكون \u2066"annotations"\u2069 قائمة'),
    }
    for path, (words, place, problem) in places.items():
        error = refused([path], project)
        assert type(error) is InputError
        assert error.where is not None and str(error.where).startswith(str(place))
        assert error_words(error).startswith(f"تعذّرت قراءة {isolated(str(path))}، {words}")
        assert error_words(error).endswith(f": {problem}")


def test_a_file_dropped_on_an_arabic_window_is_refused_in_arabic(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.set_language(Language.ARABIC)
    document = write(tmp_path / "مقال.docx", "ليس نصًا يعرفه أحد")
    assert drop(window, [document]).isAccepted()
    task = window.file_menu.task
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=20000) as failure:
        pass
    expected = ARABIC_UNDETECTED[Undetected.UNKNOWN_SUFFIX].format(path=isolated(str(document)))
    assert failure.args == [expected]
    assert task.error_box is not None and task.error_box.text() == expected
    task.error_box.close()
