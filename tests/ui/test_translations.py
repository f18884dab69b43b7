"""The Arabic interface is complete, and the compiled translations match their sources.

Checked for the modules of the annotator's window (``workbench.ui.app`` and ``main_window`` and
what they import from ``workbench.ui``): every string they mark for translation has an Arabic
translation, and every counted string ("%n spans") English plural forms. How to update the files
when this fails: the docstring of ``workbench/ui/i18n.py``.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.test_layers import imported_modules

TRANSLATIONS = REPO_ROOT / "resources" / "translations"
WINDOW_ENTRY_POINTS = ("workbench.ui.app", "workbench.ui.annotate.main_window")
TOOLS = Path(sys.executable).parent

Message = tuple[str, str]
"""(context, source text)."""


def module_file(module: str) -> Path:
    return REPO_ROOT.joinpath(*module.split(".")).with_suffix(".py")


def reached_modules(path: Path) -> set[str]:
    """What ``path`` imports, with ``from package import module`` counted as the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = imported_modules(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def window_modules() -> list[Path]:
    """The window's modules: the entry points and every ``workbench.ui`` module they reach."""
    pending = list(WINDOW_ENTRY_POINTS)
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for module in reached_modules(module_file(name)):
            if module.startswith("workbench.ui.") and module_file(module).is_file():
                pending.append(module)
    return sorted(module_file(name) for name in seen)


def messages(ts_file: Path) -> dict[Message, ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def is_translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return all(forms) if forms else bool(translation.text)


def run_tool(tool: str, *arguments: str | Path) -> None:
    subprocess.run([str(TOOLS / tool), *map(str, arguments)], check=True, capture_output=True)


@pytest.fixture(scope="module")
def window_messages(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, ET.Element]:
    """What lupdate finds in the window's modules now."""
    ts_file = tmp_path_factory.mktemp("lupdate") / "window.ts"
    run_tool("pyside6-lupdate", "-locations", "none", *window_modules(), "-ts", ts_file)
    return messages(ts_file)


def test_the_window_modules_include_its_panels() -> None:
    names = {path.stem for path in window_modules()}
    assert {"main_window", "inspector", "search_panel", "span_list", "actions"} <= names


def test_every_string_of_the_window_has_an_arabic_translation(
    window_messages: dict[Message, ET.Element],
) -> None:
    arabic = messages(TRANSLATIONS / "workbench_ar.ts")
    missing = [key for key in window_messages if key not in arabic or not is_translated(arabic[key])]
    assert missing == [], "untranslated: run the commands in workbench/ui/i18n.py's docstring"


def test_every_counted_string_has_english_plural_forms(
    window_messages: dict[Message, ET.Element],
) -> None:
    english = messages(TRANSLATIONS / "workbench_en.ts")
    counted = [key for key, message in window_messages.items() if message.get("numerus") == "yes"]
    assert counted, "the window counts things (spans, matches)"
    assert [key for key in counted if key not in english or not is_translated(english[key])] == []


def test_arabic_plural_messages_have_all_six_forms() -> None:
    for (_, source), message in messages(TRANSLATIONS / "workbench_ar.ts").items():
        if message.get("numerus") == "yes":
            assert len(list(message.iter("numerusform"))) == 6, source


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_compiled_file_is_the_translation_file_compiled(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"workbench_{language}.qm"
    run_tool("pyside6-lrelease", TRANSLATIONS / f"workbench_{language}.ts", "-qm", compiled)
    committed = TRANSLATIONS / f"workbench_{language}.qm"
    assert committed.read_bytes() == compiled.read_bytes(), f"run pyside6-lrelease on {committed.stem}.ts"


def test_placeholders_survive_translation() -> None:
    """A translation keeps the source's %1 and {name} placeholders; a plural form may spell its
    number out instead of %n ("مقطعين", two spans)."""
    placeholder = re.compile(r"%\d|%n|\{[a-z_!]+\}")
    for (_, source), message in messages(TRANSLATIONS / "workbench_ar.ts").items():
        if not is_translated(message):
            continue
        expected = set(placeholder.findall(source))
        translation = message.find("translation")
        assert translation is not None
        texts = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        for text in texts:
            found = set(placeholder.findall(text))
            assert found - {"%n"} == expected - {"%n"} and found <= expected, (source, text)
