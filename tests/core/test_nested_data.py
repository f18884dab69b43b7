"""Hostile nested data: deep nesting, alias bombs, huge numbers and lone surrogates get one
error naming the place, never a crash, a hang or a bare Python exception."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core.errors import SchemaError
from workbench.core.nested_data import (
    MAX_DEPTH,
    NestedDataError,
    decode_json_value,
    parse_json,
    size_problem,
)
from workbench.core.schema import load_schema

GENERIC = (REPO_ROOT / "resources" / "schemas" / "generic.yaml").read_text(encoding="utf-8")


def alias_bomb(levels: int = 8) -> str:
    """A schema of ~500 bytes whose span_policy expands to 9**levels values."""
    lines = ["schema:", "  id: bomb", "  version: 1", "  name: {en: a, ar: b}", "  role_templates:"]
    lines.append('    a0: &a0 ["x","x","x","x","x","x","x","x","x"]')
    for level in range(1, levels):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"    a{level}: &a{level} [{refs}]")
    lines.append(f"  span_policy: {{x: *a{levels - 1}}}")
    lines.append('  entity_types: [{id: A, en: a, ar: b, color: "#000000"}]')
    return "\n".join(lines) + "\n"


def schema_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_yaml_alias_bomb_is_refused_quickly_naming_the_line(tmp_path: Path) -> None:
    path = schema_file(tmp_path, "bomb.yaml", alias_bomb())
    assert len(path.read_bytes()) < 600
    with pytest.raises(SchemaError) as error:
        load_schema(path)
    message = str(error.value)
    assert message.startswith(f"{path}, line ")
    assert "10,000 values" in message and "\n" not in message


def test_yaml_nested_50000_deep_is_refused_not_a_crash(tmp_path: Path) -> None:
    """libyaml's composer used to blow the C stack (SIGSEGV); run in a child to see a crash."""
    path = schema_file(tmp_path, "deep.yaml", "schema: " + "[" * 50_000 + "]" * 50_000 + "\n")
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from workbench.cli import main; "
         "sys.exit(main(sys.argv[1:]))", "new", str(tmp_path / "p.tawsim"), "--schema", str(path)],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
    )
    assert child.returncode == 1, child.stderr
    assert child.stderr.count("\n") == 1
    assert f"{path}, line 1, column " in child.stderr and f"more than {MAX_DEPTH} levels" in child.stderr
    assert not list(tmp_path.glob("*.tawsim*"))


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_json_schema_nested_too_deep_is_refused(tmp_path: Path, depth: int) -> None:
    path = schema_file(tmp_path, "deep.json", '{"schema": ' + "[" * depth + "]" * depth + "}")
    with pytest.raises(SchemaError) as error:
        load_schema(path)
    assert str(error.value).startswith(f"{path}")
    assert "deep" in str(error.value)


def test_a_schema_within_the_bounds_still_loads(tmp_path: Path) -> None:
    nested = "[" * 30 + "1" + "]" * 30  # metadata may nest 32 levels
    definition = GENERIC.replace("version: 1", f"version: 1\n  span_policy: {{x: {nested}}}")
    path = schema_file(tmp_path, "ok.yaml", definition)
    assert load_schema(path).id == "generic"
    assert load_schema(schema_file(tmp_path, "small.yaml", alias_bomb(3))).id == "bomb"


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        ("version: " + "1" * 5000, "line 7, column 12"),
        ("version: 1\n  note: 2001-02-30", "line 8, column 9"),
        ("version: 1\n  span_policy: {x: " + "9" * 5000 + "}", "line 8, column 20"),
    ],
)
def test_yaml_values_python_cannot_build_name_their_place(
    tmp_path: Path, replacement: str, expected: str
) -> None:
    path = schema_file(tmp_path, "s.yaml", GENERIC.replace("version: 1", replacement))
    with pytest.raises(SchemaError) as error:
        load_schema(path)
    assert str(error.value).startswith(f"{path}, {expected}: ")


def test_a_lone_surrogate_in_a_json_schema_is_refused(tmp_path: Path) -> None:
    text = json.dumps({"schema": {"id": "x", "version": 1, "name": {"en": "SURROGATE", "ar": "b"},
                                  "entity_types": [{"id": "A", "en": "a", "ar": "b", "color": "#000000"}]}})
    path = schema_file(tmp_path, "s.json", text.replace("SURROGATE", "\\ud800"))
    with pytest.raises(SchemaError) as error:
        load_schema(path)
    assert str(error.value).startswith(f"{path}, line 1, column ")
    assert "surrogate" in str(error.value)


def test_parse_json_names_the_place_of_each_failure() -> None:
    with pytest.raises(NestedDataError) as error:
        parse_json('{"a": 1,\n "b": ' + "7" * 5000 + "}")
    assert (error.value.line, error.value.column) == (2, 7)
    with pytest.raises(NestedDataError) as error:
        parse_json("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in error.value.problem
    with pytest.raises(NestedDataError) as error:
        parse_json('{"name": "ok",\n "id": "\\uDC00"}')
    assert (error.value.line, error.value.column) == (2, 9)
    with pytest.raises(NestedDataError) as error:
        parse_json('{"a": }')
    assert error.value.syntax == "Expecting value"


def test_a_surrogate_pair_escape_is_one_character_and_accepted() -> None:
    assert parse_json('"\\ud83d\\ude00"') == "\U0001f600"
    assert decode_json_value(json.JSONDecoder(), ' ["\\ud83d\\ude00"]', 1) == (["\U0001f600"], 17)


def test_size_problem_counts_levels_and_values() -> None:
    assert size_problem(nested(MAX_DEPTH)) is None
    assert "levels" in str(size_problem(nested(MAX_DEPTH + 1)))
    assert "values" in str(size_problem(list(range(10_001))))
    assert size_problem(list(range(10_001)), max_nodes=None) is None


def nested(levels: int) -> list[object]:
    value: list[object] = []
    for _ in range(levels - 1):
        value = [value]
    return value


def test_a_schema_version_sqlite_cannot_store_is_refused(tmp_path: Path) -> None:
    """Found by the fuzz run: version 10**30 was an OverflowError at the schema's insert."""
    path = schema_file(tmp_path, "s.yaml", GENERIC.replace("version: 1", "version: " + "9" * 30))
    with pytest.raises(SchemaError) as error:
        load_schema(path)
    assert str(error.value).startswith(f"{path}, line 7, schema.version: must be a whole number")
