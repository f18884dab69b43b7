"""A schema file's problems in the window's language: the New project dialog of an Arabic window
said "/tmp/news.yaml, line 7, schema.entity_types[1]: the required key 'ar' is missing" in the
command line's English. Each message is a ``Problem`` of its place, the problem a ``Problem`` of
its own, so that the window says both in Arabic, the file's path, the place in the document and
the file's own names kept as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.test_problem_words import latin_words
from workbench.core.errors import SchemaError
from workbench.core.schema import load_schema
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated
from workbench.ui.project_dialogs import NewProjectDialog

SCHEMA = """\
schema:
  id: news
  version: 1
  name: {en: News, ar: أخبار}
  entity_types:
    - {id: PER, en: Person, ar: شخص}
"""
"""A valid schema but for the entity label each test adds on its line 7."""


def refused(path: Path) -> SchemaError:
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    return raised.value


def arabic_words(path: Path, text: str | bytes) -> str:
    """The window's words for the refusal of a schema file holding ``text``, which hold no Latin
    word but what is kept left to right (the path, the place in the document, syntax) and the
    file's own names, quoted."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    words = error_words(refused(path))
    assert latin_words(words) == [], words
    return words


def place(path: Path, line: int, where: str) -> str:
    return f"في ملف المخطط {isolated(str(path))}، السطر {line}، عند {isolated(where)}"


def test_a_value_of_the_wrong_kind_at_a_nested_place_is_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    path = tmp_path / "أخبار.yaml"
    words = arabic_words(path, SCHEMA + "    - {id: LOC, en: [Place], ar: مكان}\n")
    assert words == f"{place(path, 7, 'schema.entity_types[1].en')}: المتوقع نص، والمعطى قائمة"


def test_a_missing_required_key_is_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    path = tmp_path / "news.yaml"
    words = arabic_words(path, SCHEMA + "    - {id: LOC, en: Place}\n")
    assert words == f"{place(path, 7, 'schema.entity_types[1]')}: المفتاح المطلوب «{isolated('ar')}» مفقود"


def test_an_unknown_key_is_said_in_arabic_with_the_key_it_may_be(arabic: None, tmp_path: Path) -> None:
    path = tmp_path / "news.yaml"
    words = arabic_words(path, SCHEMA + "    - {id: LOC, en: Place, ar: مكان, colr: '#ff0000'}\n")
    allowed = isolated("ar, attributes, color, colour, en, extension, hotkey, id, maps, ner_core, note")
    assert words == (
        f"{place(path, 7, 'schema.entity_types[1].colr')}: مفتاح غير معروف «{isolated('colr')}» "
        f"(أتقصد «{isolated('color')}»؟)؛ المسموح: {allowed}"
    )


def test_a_file_that_is_not_utf8_is_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    path = tmp_path / "news.yaml"
    words = arabic_words(path, "schema:\n  id: أخبار\n".encode("cp1256"))
    assert words.startswith(f"في ملف المخطط {isolated(str(path))}، السطر 2: ليس الملف بترميز \u2066UTF-8\u2069")


def test_invalid_yaml_is_said_in_arabic_with_pyyamls_words_kept_apart(arabic: None, tmp_path: Path) -> None:
    """What PyYAML says of the syntax stays its English, in its own direction."""
    path = tmp_path / "news.yaml"
    words = arabic_words(path, "schema:\n  id: [unclosed\n")
    assert words.startswith(f"في ملف المخطط {isolated(str(path))}، السطر 3، العمود 1: ليس \u2066YAML\u2069 سليمًا: ")


@pytest.mark.parametrize(
    "entity",
    [
        "{id: PER, en: Place, ar: مكان}",
        "{id: LOC, en: Place, ar: مكان, hotkey: [1]}",
        "{id: LOC, en: Place, ar: مكان, color: red}",
        "{id: loc city, en: Place, ar: مكان}",
        "{id: LOC, en: Place, ar: مكان, attributes: {level: {values: [NAM], default: NOM}}}",
    ],
)
def test_the_schemas_other_problems_are_said_in_arabic(arabic: None, tmp_path: Path, entity: str) -> None:
    words = arabic_words(tmp_path / "news.yaml", SCHEMA + f"    - {entity}\n")
    assert words.startswith("في ملف المخطط ")


def test_the_english_window_says_the_command_lines_words(tmp_path: Path) -> None:
    path = tmp_path / "news.yaml"
    path.write_text(SCHEMA + "    - {id: LOC, en: Place}\n", encoding="utf-8")
    error = refused(path)
    english = f"{path}, line 7, schema.entity_types[1]: the required key 'ar' is missing"
    assert error_words(error) == str(error) == english


def test_the_new_project_dialog_says_a_broken_schema_file_in_arabic(
    arabic: None, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "news.yaml"
    broken.write_text(SCHEMA + "    - {id: LOC, en: Place}\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(broken), "")))
    dialog = NewProjectDialog()
    qtbot.addWidget(dialog)
    file_entry = dialog.schema_combo.count() - 1  # "A schema file (YAML)…"
    dialog.schema_combo.setCurrentIndex(file_entry)
    dialog.schema_combo.activated.emit(file_entry)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.problem.text() == (
        f"{place(broken, 7, 'schema.entity_types[1]')}: المفتاح المطلوب «{isolated('ar')}» مفقود"
    )
