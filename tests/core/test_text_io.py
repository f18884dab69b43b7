from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import InputError, Place
from workbench.core.text_io import canonical_text, decode_text, read_text_file, text_lines

SAMPLE = "قالت المصادر إن الرَّقَّةِ 🇮🇶 شهدت الهجـــوم\nISIS ٣ 2022"
FILE = Path("article.txt")

# Characters the stored text must keep exactly as they are (DESIGN.md, the offset contract).
KEPT = (
    "\u00a0"  # NBSP
    "\u2028"  # line separator
    "\u2029"  # paragraph separator
    "\u200d"  # ZWJ
    "\u200c"  # ZWNJ
    "\u200f"  # RLM
    "\u200e"  # LRM
    "\u2067\u2069"  # RLI, PDI
    "\u0640"  # tatweel
    "ا\u0654"  # alef + combining hamza (NFC would compose it)
    "ﻻ"  # presentation form (NFKC would expand it)
    "\t\v\f"
    "\u0085\u007f"  # NEL, DEL
    "  trailing spaces  "
)


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        decode_text(data, FILE)
    return caught.value


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        b"\xff\xfe" + SAMPLE.encode("utf-16-le"),
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16-le bom", "utf-16-be bom"],
)
def test_every_accepted_encoding_reads_the_same_text(tmp_path: Path, data: bytes) -> None:
    assert decode_text(data, FILE) == SAMPLE
    assert read_text_file(write(tmp_path, data)) == SAMPLE


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb\r", "a\n\nb\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("\ufeffa", "a"),
        ("a\ufeffb", "a\ufeffb"),
    ],
)
def test_canonical_text_removes_the_bom_and_unifies_line_breaks(raw: str, expected: str) -> None:
    assert canonical_text(raw) == expected


def test_canonical_text_changes_nothing_else() -> None:
    assert canonical_text(KEPT) == KEPT
    assert canonical_text("\ufeff" + KEPT + "\r\n") == KEPT + "\n"


def test_read_text_file_keeps_invisible_and_special_characters(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + ("x\r\n" + KEPT + "\ry").encode("utf-8"))
    assert read_text_file(path) == "x\n" + KEPT + "\ny"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf", "the file holds only a byte-order mark and no text"),
        (b"\xff\xfe", "the file holds only a byte-order mark and no text"),
        (b"\xfe\xff", "the file holds only a byte-order mark and no text"),
    ],
)
def test_empty_and_bom_only_files_are_refused(data: bytes, problem: str) -> None:
    assert str(refusal(data)) == f"{FILE}: {problem}"


def test_invalid_utf8_names_the_file_and_the_byte() -> None:
    data = "مرحبا".encode() + b" \xff rest"  # 10 bytes of Arabic, a space, a bad byte
    error = refusal(data)
    assert error.where == Place(byte=11)
    assert str(error).startswith(f"{FILE}, byte 11: not valid UTF-8")


def test_invalid_utf8_position_counts_the_bom() -> None:
    error = refusal(b"\xef\xbb\xbfab\xc3(")
    assert error.where == Place(byte=5)


def test_truncated_utf8_sequence_at_the_end_is_refused() -> None:
    error = refusal(b"abc" + "ق".encode()[:1])
    assert error.where == Place(byte=3)


def test_nul_byte_is_refused_with_its_position() -> None:
    error = refusal("نص".encode() + b"\x00more")
    assert error.where == Place(byte=4)
    assert "NUL" in error.problem


def test_nul_in_utf16_is_refused_with_its_byte_position() -> None:
    error = refusal(b"\xff\xfe" + "ab\x00".encode("utf-16-le"))
    assert error.where == Place(byte=6)


def test_other_c0_control_characters_are_refused() -> None:
    error = refusal(b"line one\nline \x07two")
    assert error.where == Place(byte=14)
    assert "U+0007" in error.problem


def test_png_header_is_refused_as_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    error = refusal(png)
    assert error.where == Place(byte=0)
    assert "UTF-8" in error.problem


def test_utf16_without_bom_is_refused() -> None:
    error = refusal("abc".encode("utf-16-le"))
    assert error.where == Place(byte=1)


def test_utf16_with_odd_length_is_refused() -> None:
    error = refusal(b"\xff\xfe" + "ab".encode("utf-16-le") + b"c")
    assert error.where == Place(byte=6)
    assert "UTF-16-LE" in error.problem


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"\xff\xfe" + "a".encode("utf-16-le") + b"\x00\xd8" + "b".encode("utf-16-le"), Place(byte=4)),
        (b"\xff\xfe" + "a".encode("utf-16-le") + b"\x00\xdc", Place(byte=4)),
        (b"\xfe\xff" + "ab".encode("utf-16-be") + b"\xd8\x00", Place(byte=6)),
    ],
    ids=["high surrogate then a letter", "lone low surrogate", "high surrogate at the end"],
)
def test_utf16_lone_surrogates_are_refused(data: bytes, where: Place) -> None:
    assert refusal(data).where == where


def test_utf32_is_refused() -> None:
    error = refusal(b"\xff\xfe\x00\x00" + "a".encode("utf-32-le"))
    assert "UTF-32" in error.problem


def test_missing_file_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert caught.value.path == path
    assert str(caught.value) == f"{path}: cannot read the file: No such file or directory"


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_text_file(tmp_path)
    assert caught.value.path == tmp_path


def test_read_text_file_names_the_file_in_refusals(tmp_path: Path) -> None:
    path = write(tmp_path, b"ok\xfe", name="broken.txt")
    with pytest.raises(InputError, match=r"broken\.txt, byte 2: "):
        read_text_file(path)


LINE_CASES = [
    SAMPLE.encode("utf-8"),
    b"\xef\xbb\xbf" + (SAMPLE + "\n\n" + KEPT + "\n").encode("utf-8"),
    b"\xff\xfe" + (SAMPLE + "\n" + SAMPLE).encode("utf-16-le"),
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe\x00\x00abcd",
    b'{"a": 1}\n{"b": "\xff"}\n',
    b'{"a": 1}\r\n{"b": "\xd8\n"}',
    b"\xef\xbb\xbfok\nok\x00",
    "سطر\nسطر\x1b".encode(),
    b"line\nends with a cut sequence \xd8",
]


def _outcome(read: object) -> object:
    try:
        return list(read()) if callable(read) else read
    except InputError as error:
        return str(error)


@pytest.mark.parametrize("data", LINE_CASES)
def test_text_lines_reads_what_decode_text_reads_one_line_at_a_time(
    tmp_path: Path, data: bytes
) -> None:
    """Streaming the lines gives the lines of the whole decoded file, or the same refusal."""
    path = write(tmp_path, data)

    def whole() -> list[str]:
        return decode_text(data, path).split("\n")

    assert _outcome(lambda: text_lines(path)) == _outcome(whole)
