"""A file's problems in the window's language (``ui.problem_words``): an Arabic window said where
the problem was in Arabic and the problem itself in the command line's English ("تعذّرت قراءة
…، السطر 3: 'ann': span T1 [0, 5) says …"). Every problem is made as a ``Problem`` of a
template, and every template has an Arabic translation, written by hand (lupdate does not look
outside the window's modules): these tests fail for one that has none."""

from __future__ import annotations

import ast
import importlib
import json
import re
import string
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tests.conftest import REPO_ROOT
from tests.ui.test_import_refusal_words import project, refused, write  # noqa: F401 (a fixture)
from workbench.core.errors import InputError, Place, Problem, SchemaError
from workbench.store.project import Project
from workbench.ui.error_words import error_words
from workbench.ui.i18n import isolated
from workbench.ui.problem_words import CONTEXT, problem_words

PACKAGE = REPO_ROOT / "workbench"
FRAGMENTS = {"{suffix} or {suffixes}"}
"""Templates that only ever stand between two words of another problem ("a or b or c"), which
may begin with their value in Arabic too."""


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
        elif not begins_with_an_arabic_letter(translation) and template not in FRAGMENTS:
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
    found = isolated("زار\\nم")  # the line break escaped, as the English quotes it
    assert problem_words(span) == (
        f"المقطع {isolated('T1')} \u2066[0, 5)\u2069 نصه «{isolated('محمد')}»، لكن النص في ذلك الموضع «{found}»"
    )



def test_a_value_keeps_its_own_direction_unless_the_translation_gives_it_one(arabic: None) -> None:
    """A Latin id in an Arabic sentence read "-01a24cf4-7482-7f5f" where the line wrapped
    (looked at in the window's error box); a value the translation already keeps left to right
    ("⁦\"{key}\"⁩") is not isolated twice."""
    repeated = Problem("the span id {id!r} is used twice", id="01a24cf4-7482-7f5f")
    assert problem_words(repeated) == f"معرّف المقطع «{isolated('01a24cf4-7482-7f5f')}» مستعمل مرتين"
    listed = Problem('"{key}" must be a list', key="annotations")
    assert problem_words(listed) == 'لا بد أن يكون \u2066"annotations"\u2069 قائمة'


def test_a_problem_within_a_problem_is_said_in_arabic_too(arabic: None) -> None:
    attribute = Problem(
        "{owner!r} has no attribute {name!r}; its attributes: {attributes}",
        owner="PER",
        name="x",
        attributes=Problem("none"),
    )
    problem = Problem("{what}: {problem}", what=Problem("span {id}", id="s1"), problem=attribute)
    assert problem_words(problem) == (
        f"في المقطع {isolated('s1')}: ليس لـ«{isolated('PER')}» خاصية «{isolated('x')}»؛ خصائصه: لا شيء"
    )


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
    assert error_words(refused) == f"الوثيقة «{isolated('خبر')}»: اسم المُوسِّم فارغ"
    unreadable = InputError(tmp_path / "a.jsonl", Problem("not valid JSON ({message})", message="Expecting value"))
    path = isolated(str(tmp_path / "a.jsonl"))
    assert error_words(unreadable) == f"تعذّرت قراءة {path}: ليس JSON سليمًا ({isolated('Expecting value')})"
    placed = InputError(tmp_path / "a.jsonl", blank, where=Place(line=3))
    assert error_words(placed).endswith("، السطر 3: اسم المُوسِّم فارغ")


def reading_modules() -> dict[Path, ast.Module]:
    """The modules that read files and refuse them: not the window's, nor the command line's
    (whose options argparse refuses, in the command line's words)."""
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for layer in ("core", "formats", "store", "app")
        for path in sorted((PACKAGE / layer).rglob("*.py"))
    }


def is_english_text(node: ast.expr) -> bool:
    """A sentence written in place: a string, an f-string or ``str(...)`` of an error."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"


def sentences_not_made_as_problems(trees: dict[Path, ast.Module]) -> list[str]:
    """Where a file's problem is given as English text rather than a ``Problem``: to an
    ``InputError`` or to a reader's ``error`` helper, or returned by a function of ``core`` that
    says a problem (``*_problem``)."""
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) in ("InputError", "error", "_error"):
                texts = [argument for argument in node.args if is_english_text(argument)]
            elif isinstance(node, ast.FunctionDef) and node.name.endswith("_problem") and "core" in path.parts:
                returned = (child.value for child in ast.walk(node) if isinstance(child, ast.Return) and child.value)
                texts = [value for value in returned if is_english_text(value)]
            else:
                continue
            found += [f"{path.relative_to(REPO_ROOT)}:{text.lineno}: {ast.unparse(text)}" for text in texts]
    return found


def test_every_problem_of_a_file_is_made_as_a_problem() -> None:
    """So that a new problem said in English only cannot creep in. The refusals the window words
    from their own fields (``UnreadableText``, ``UndetectedFormat``, ``UnknownLabel``) keep the
    command line's sentence."""
    assert sentences_not_made_as_problems(reading_modules()) == []


def test_the_check_finds_a_problem_said_in_english_text() -> None:
    source = """
def read(line, path, error):
    raise InputError(path, f"line {line} is wrong")
def check(line, error):
    raise line.error("a span is wrong")
def spans_problem(span):
    return f"span {span} is wrong"
def more(path, error):
    raise InputError(path, str(error))
def fine(path, line):
    raise line.error(Problem("a span is wrong"))
"""
    tree = ast.parse(source)
    found = sentences_not_made_as_problems({PACKAGE / "core" / "sneaky.py": tree})
    assert sorted(place.split(": ", 1)[1] for place in found) == [
        "'a span is wrong'",
        "f'line {line} is wrong'",
        "f'span {span} is wrong'",
        "str(error)",
    ]


LEFT_TO_RIGHT = re.compile("[\u2066\u2068][^\u2069]*\u2069")
QUOTED = re.compile("«[^»]*»|'[^']*'")


def latin_words(words: str, *values: str) -> list[str]:
    """The Latin words of an Arabic message once the file's own names and values are taken out:
    ``values``, what is kept left to right (paths, keys, the format's syntax) and what is quoted
    (between «», or the result's id)."""
    for value in values:
        words = words.replace(value, "")
    return re.findall("[A-Za-z]+", QUOTED.sub("", LEFT_TO_RIGHT.sub("", words)))


def arabic_refusal(path: Path, project: Project, *values: str) -> str:
    """The window's words for the import's refusal of ``path``, which hold no Latin word but
    the file's own (``values`` among them)."""
    error = refused([path], project)
    assert type(error) is InputError
    words = error_words(error)
    assert latin_words(words, *values) == [], words
    return words


def test_a_span_whose_offsets_do_not_give_its_text_is_refused_in_arabic(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    span = {"id": "s1", "start": 4, "end": 8, "label": "PER", "text": "بغداد", "annotator": "ليلى"}
    path = write(tmp_path / "أخبار.jsonl", json.dumps({"text": "زار محمد بغداد", "spans": [span]}, ensure_ascii=False))
    assert arabic_refusal(path, project, "s1") == (
        f"تعذّرت قراءة {isolated(str(path))}، السطر 1: مجموعة المُوسِّم «{isolated('ليلى')}»: المقطع "
        f"{isolated('s1')} \u2066[4, 8)\u2069 نصه «{isolated('بغداد')}»، لكن النص في ذلك الموضع «{isolated('محمد')}»"
    )


def test_a_conll_line_with_no_tag_of_the_schemes_is_refused_in_arabic(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    path = write(tmp_path / "أخبار.conll", "زار O\nمحمد X-PER\n")
    assert arabic_refusal(path, project).endswith(
        f"السطر 2: القيمة «{isolated('X-PER')}» ليست وسمًا: المتوقع \u2066O\u2069، أو \u2066B-\u2069 أو "
        "\u2066I-\u2069 أو \u2066E-\u2069 أو \u2066S-\u2069 يليها وسم"
    )


def brat_document(folder: Path, annotations: str) -> Path:
    """A brat document of one Arabic sentence and ``annotations``: its ``.ann`` file."""
    write(folder / "خبر.txt", "زار محمد بغداد")
    return write(folder / "خبر.ann", annotations)


def test_a_brat_line_whose_offsets_give_another_text_is_refused_in_arabic(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    ann = brat_document(tmp_path, "T1\tPER 4 8\tمحمد\nT2\tLOC 0 3\tبغداد\n")
    words = arabic_refusal(ann, project)
    assert words.startswith(f"تعذّرت قراءة {isolated(str(ann))}، السطر 2: النص عند المواضع \u20660 3\u2069 في ")
    assert isolated("خبر.txt") in words and f"هو «{isolated('زار')}» لا «{isolated('بغداد')}»" in words


def test_a_label_studio_result_without_whole_offsets_is_refused_in_arabic(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    result = {"id": "r1", "type": "labels", "value": {"start": "0", "end": 3, "labels": ["PER"]}}
    task = {"id": 7, "data": {"text": "زار محمد"}, "annotations": [{"result": [result]}]}
    words = arabic_refusal(write(tmp_path / "مهام.json", json.dumps([task])), project)
    assert words.endswith(
        "المهمة 1 (المعرّف 7)، النتيجة 'r1': نتيجة \u2066\"labels\"\u2069 تحتاج إلى \u2066\"start\"\u2069 "
        "و\u2066\"end\"\u2069 عددين صحيحين وإلى قائمة \u2066\"labels\"\u2069"
    )


def test_an_attribute_the_schema_lacks_is_refused_in_arabic_with_the_schemas_words(
    arabic: None, tmp_path: Path, project: Project
) -> None:
    """The schema's refusal (a ``SchemaError``) becomes the import's problem."""
    ann = brat_document(tmp_path, "T1\tPER 4 8\tمحمد\nA1\tNegation T1\n")
    error = refused([ann], project)
    assert str(error).endswith("line 2: 'PER' has no attribute 'Negation'; its attributes: none")
    place = f"تعذّرت قراءة {isolated(str(ann))}، السطر 2"
    assert error_words(error) == f"{place}: ليس لـ«{isolated('PER')}» خاصية «{isolated('Negation')}»؛ خصائصه: لا شيء"
