"""The window writes annotations only through the commands of ``app/changes.py`` (and gold
through ``app/adjudication.py``): no module of ``workbench/ui`` calls an editing operation of the
store itself, which would be an edit that undo does not know of (issue 17: the adjudication view
wrote gold with ``project.add_span``, ``update_span`` and ``delete_span``)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

UI = REPO_ROOT / "workbench" / "ui"
EDITS = frozenset(
    {
        "add_span", "add_spans", "update_span", "delete_span", "delete_spans", "restore",
        "replace_set", "create_event", "add_argument", "remove_argument", "update_event",
        "set_status", "insert_span", "touch_set",
    }
)
"""The store's editing operations (``store/editing.py`` and ``Project``)."""


def store_edits(path: Path) -> list[str]:
    """``line: call`` of each editing operation called on a project (``project.add_span``,
    ``self._project.delete_spans``; the text view's own ``add_span`` is not one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{node.lineno}: {ast.unparse(node.func)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in EDITS
        and "project" in ast.unparse(node.func.value).lower()
    ]


def test_no_ui_module_calls_a_store_edit() -> None:
    offenders = {
        str(path.relative_to(REPO_ROOT)): store_edits(path) for path in sorted(UI.rglob("*.py"))
    }
    assert {name: calls for name, calls in offenders.items() if calls} == {}


def test_the_check_finds_a_store_edit_and_passes_a_view_edit(tmp_path: Path) -> None:
    module = tmp_path / "view.py"
    module.write_text(
        "def f(self, doc):\n"
        "    self.text_view.add_span(doc)\n"
        "    self._project.delete_span(doc)\n",
        encoding="utf-8",
    )
    assert store_edits(module) == ["3: self._project.delete_span"]
