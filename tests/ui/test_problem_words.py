"""A file's problems in the window's language (``ui.problem_words``): an Arabic window said where
the problem was in Arabic and the problem itself in the command line's English ("تعذّرت قراءة
…، السطر 3: 'ann': span T1 [0, 5) says …"). Every problem is made as a ``Problem`` of a
template, and every template has an Arabic translation, written by hand (lupdate does not look
outside the window's modules): these tests fail for one that has none."""

from __future__ import annotations

import ast
import importlib
import string
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tests.conftest import REPO_ROOT
from workbench.core.errors import InputError, Place, Problem, SchemaError
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated
from workbench.ui.problem_words import CONTEXT, problem_words

PACKAGE = REPO_ROOT / "workbench"


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts)


def problem_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """``Problem`` and the classes made on it (``EventProblem``)."""
    return {"Problem"} | {
        node.name
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and any(ast.unparse(base) == "Problem" for base in node.bases)
    }


def templates_of(call: ast.Call, path: Path) -> list[str]:
    """The templates a ``Problem(...)`` call can be made of: its literal first argument, a
    constant of its module (or one it imports), or the values of a table of its module
    (``_TEMPLATES[what]``)."""
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return [first.value]
    module = importlib.import_module(module_name(path))
    if isinstance(first, ast.Name) and isinstance(getattr(module, first.id, None), str):
        return [getattr(module, first.id)]
    if isinstance(first, ast.Subscript) and isinstance(first.value, ast.Name):
        table = getattr(module, first.value.id, None)
        if isinstance(table, dict) and all(isinstance(value, str) for value in table.values()):
            return list(table.values())
    raise AssertionError(f"{path}:{call.lineno}: a Problem whose template is not a literal: {ast.unparse(call)}")


def problem_templates() -> dict[str, str]:
    """Every template a problem is made of outside the window's modules, with where it is made."""
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for path in sorted(PACKAGE.rglob("*.py"))
        if PACKAGE / "ui" not in path.parents
    }
    classes = problem_classes(trees)
    found: dict[str, str] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) in classes and node.args:
                for template in templates_of(node, path):
                    found.setdefault(template, f"{path.relative_to(REPO_ROOT)}:{node.lineno}")
    return found


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def placeholders(template: str) -> set[tuple[str, str | None, str | None]]:
    """The fields of a template, each with its conversion (``!r``) and its format (``:,``)."""
    return {
        (field, conversion, spec)
        for _, field, spec, conversion in string.Formatter().parse(template)
        if field is not None
    }


def begins_with_an_arabic_letter(text: str) -> bool:
    return bool(text) and unicodedata.bidirectional(text[0]) in ("R", "AL")


def test_the_walk_finds_the_problems_of_the_imports_and_the_events() -> None:
    templates = problem_templates()
    assert len(templates) > 40
    assert "span {id} [{start}, {end}) says {text!r} but the text there is {found!r}" in templates
    assert "the role {role} cannot be filled by {label} (allowed: {allowed})" in templates  # an EventProblem
    assert "the event id {id!r} is used twice" in templates  # from a table of templates


def test_every_problem_has_an_arabic_translation_that_begins_with_an_arabic_word(arabic: None) -> None:
    """A message box takes its direction from its first letter: one beginning with a Latin name
    or a value is laid out left to right and reads backwards."""
    untranslated, not_arabic, placeholders_changed = [], [], []
    for template, where in problem_templates().items():
        translation = QCoreApplication.translate(CONTEXT, template)
        if translation == template:
            untranslated.append((where, template))
        elif not begins_with_an_arabic_letter(translation):
            not_arabic.append((where, translation))
        elif placeholders(translation) != placeholders(template):
            placeholders_changed.append((where, template, translation))
    assert untranslated == [], "add their Arabic to the ImportProblem context of workbench_ar.ts"
    assert not_arabic == []
    assert placeholders_changed == []


def test_the_check_finds_a_template_without_arabic(arabic: None) -> None:
    assert QCoreApplication.translate(CONTEXT, "a problem nobody translated") == "a problem nobody translated"
    assert begins_with_an_arabic_letter("المقطع") and not begins_with_an_arabic_letter("{id} المقطع")
    assert placeholders("{text!r} at {count:,}") == {("text", "r", ""), ("count", None, ",")}


def test_a_problem_is_said_in_arabic_with_its_values_as_they_are_in_the_file(arabic: None) -> None:
    """A quoted text stands between «» with its escapes; a number as it is."""
    span = Problem(
        "span {id} [{start}, {end}) says {text!r} but the text there is {found!r}",
        id="T1",
        start=0,
        end=5,
        text="محمد",
        found="زار\nم",
    )
    assert problem_words(span) == "المقطع T1 \u2066[0, 5)\u2069 نصه «محمد»، لكن النص في ذلك الموضع «زار\\nم»"


def test_a_problem_within_a_problem_is_said_in_arabic_too(arabic: None) -> None:
    attribute = Problem(
        "{owner!r} has no attribute {name!r}; its attributes: {attributes}",
        owner="PER",
        name="x",
        attributes=Problem("none"),
    )
    problem = Problem("{what}: {problem}", what=Problem("span {id}", id="s1"), problem=attribute)
    assert problem_words(problem) == "في المقطع s1: ليس لـ«PER» خاصية «x»؛ خصائصه: لا شيء"


def test_a_path_within_a_problem_is_kept_left_to_right(arabic: None) -> None:
    problem = Problem("cannot read the file: {reason}", reason=Path("news") / "a.txt")
    assert problem_words(problem) == f"تعذّرت قراءة الملف: {isolated(str(Path('news') / 'a.txt'))}"


def test_the_english_window_says_the_command_lines_words() -> None:
    problem = Problem("{what}: {problem}", what=Problem("span {id}", id="s1"), problem=Problem("none"))
    assert problem_words(problem) == "span s1: none"
    assert problem_words("a sentence of no template") == "a sentence of no template"


def test_an_error_whose_message_is_a_problem_is_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    blank = Problem("the annotator's name is blank")
    refused = SchemaError(Problem("document {name!r}: {problem}", name="خبر", problem=blank))
    assert error_words(refused) == "الوثيقة «خبر»: اسم المُوسِّم فارغ"
    unreadable = InputError(tmp_path / "a.jsonl", Problem("not valid JSON ({message})", message="Expecting value"))
    path = isolated(str(tmp_path / "a.jsonl"))
    assert error_words(unreadable) == f"تعذّرت قراءة {path}: ليس JSON سليمًا (Expecting value)"
    placed = InputError(tmp_path / "a.jsonl", blank, where=Place(line=3))
    assert error_words(placed).endswith("، السطر 3: اسم المُوسِّم فارغ")
