"""Hostile nested data: deep nesting, alias bombs, huge numbers and lone surrogates get one
error naming the place, never a crash, a hang or a bare Python exception."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO_ROOT
from workbench.core.errors import SchemaError
from workbench.core.nested_data import (
    MAX_DEPTH,
    NestedDataError,
    decode_json_value,
    fast_json_object,
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


def parse_outcome(data: bytes) -> str:
    """What ``parse_json`` makes of the UTF-8 bytes ``data`` (as the JSONL reader hands it their
    text), written with its types: a value's repr (1 and 1.0, 0.0 and -0.0 differ), or None for
    anything refused."""
    try:
        return repr(parse_json(data.decode("utf-8")))
    except (UnicodeDecodeError, NestedDataError):
        return repr(None)


FAST_JSON_CASES = [
    (b'{"text": "\xd8\xb2\xd8\xa7\xd8\xb1", "n": [1, -2.5, 0.1, -0.0, true, null], "o": {}}\n', True),
    (b'{"a": 999999999999999999, "b": -999999999999999999, "c": 5e-324, "d": 1.5e300}', True),
    (b'{"a": "\\ud83d\\ude00 \\u00e9\\/\\"", "a": 2}', True),  # a pair escape; the last key kept
    (b'{"a": "\xef\xbf\xbe \xc2\x85\x7f", "b": "\\u0000"}\r\n', True),  # U+FFFE, NEL, DEL, escaped NUL
    (b'{"a": 123456789012345678901234567890}', False),  # orjson: a float
    (b'{"a": -9223372036854775809}', False),  # orjson: a float
    (b'{"sha256": "1234567890123456789"}', False),  # 19 digits in a row: left to json
    (b'{"a": "\\ud800"}', False),  # json reads a lone surrogate, parse_json refuses it
    (b'{"a": "\\ude00\\ud83d"}', False),
    (b'{"a": NaN, "b": -Infinity}', False),  # json reads them
    (b'{"a": 1e400}', False),  # json reads inf
    (b'\xef\xbb\xbf{"a": 1}', False),  # a byte-order mark inside a file
    (b'{"a": "\xed\xa0\x80"}', False),  # a surrogate written in UTF-8: not UTF-8
    (b'{"a": "\xc0\xaf"}', False),
    (b'{"a": "\xd8"}', False),
    (b'{"a": "x\x01"}', False),
    (b'{"a":\x0b1}', False),
    (b'[{"a": 1}]', False),  # not an object
    (b"null", False),
    (b"", False),
    (b" \t\r\n", False),
    (b'{"a": 1} {"b": 2}', False),
    (b'{"a": 01}', False),
    (b"{'a': 1}", False),
]


@pytest.mark.parametrize(("data", "read"), FAST_JSON_CASES)
def test_fast_json_object_reads_what_parse_json_reads_or_leaves_it_to_it(
    data: bytes, read: bool
) -> None:
    """orjson reads a line where it gives what json gives, and leaves the rest to json: what
    it refuses, and what it would read otherwise (integers beyond 64 bits as floats)."""
    value = fast_json_object(data)
    assert (value is not None) == read
    if read:
        assert repr(value) == parse_outcome(data)


def test_fast_json_object_reads_nesting_json_refuses_for_its_recursion_limit() -> None:
    """The one line read that json refused: a value nested 1,000 levels deep (orjson reads up to
    1,024). The import keeps nothing nested deeper than ``MAX_DEPTH`` levels."""
    data = b'{"a": ' + b"[" * 999 + b"]" * 999 + b"}"
    assert fast_json_object(data) is not None
    assert parse_outcome(data) == repr(None)
    assert fast_json_object(b'{"a": ' + b"[" * 1024 + b"]" * 1024 + b"}") is None


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    | st.integers(min_value=-(2**70), max_value=2**70),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300)
@given(st.dictionaries(st.text(), JSON_VALUES, max_size=6), st.booleans())
def test_fast_json_object_never_reads_otherwise_than_parse_json(
    record: dict[str, object], ascii_only: bool
) -> None:
    """Text (lone surrogates too), integers beyond 64 bits, floats (NaN and infinities too),
    written as json writes them: orjson's value, where it gives one, is json's."""
    data = json.dumps(record, ensure_ascii=ascii_only).encode("utf-8", errors="surrogatepass")
    value = fast_json_object(data)
    assert value is None or repr(value) == parse_outcome(data)
