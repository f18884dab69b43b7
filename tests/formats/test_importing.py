from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import InputError
from workbench.formats.importing import load_label_map
from workbench.formats.source_offsets import SourceText


def test_a_label_map_is_two_columns_with_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "map.tsv"
    path.write_bytes("\ufeff# ANERcorp to generic\r\nPERS\tPER\r\n\r\nMISC   MISC\r\n".encode())
    assert load_label_map(path) == {"PERS": "PER", "MISC": "MISC"}


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("PERS\tPER\nLOC\n", 2, "expected two columns"),
        ("PERS\tPER\nORG\tORG\tX\n", 2, "expected two columns"),
        ("PERS\tPER\nPERS\tORG\n", 2, r"mapped twice \(first on line 1\)"),
    ],
)
def test_a_bad_label_map_is_refused_naming_the_line(
    tmp_path: Path, content: str, line: int, problem: str
) -> None:
    path = tmp_path / "map.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        load_label_map(path)
    assert str(caught.value).startswith(f"{path}, line {line}: ")


def test_source_offsets_count_crlf_a_bom_and_utf16_units() -> None:
    source = SourceText("\ufeff😀 أ\r\nب")
    assert source.text == "😀 أ\nب"
    # raw code points: BOM 0, emoji 1, space 2, alef 3, CR 4, LF 5, beh 6
    assert source.resolve(6, 7, "ب", ("code_point",)) == (4, 5, "code_point")
    # the same beh in UTF-16 units: the emoji counts twice
    assert source.resolve(7, 8, None, ("utf16",)) == (4, 5, "utf16")
    assert source.resolve(2, 3, None, ("utf16",)) is None  # cuts the emoji in two
    assert source.resolve(6, 7, "ب", ("utf16", "code_point")) == (4, 5, "code_point")
