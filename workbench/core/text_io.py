"""Reading a document's text from a file (DESIGN.md, the offset contract).

A text file is accepted as UTF-8 (with or without a byte-order mark) or as UTF-16 with a
byte-order mark. Anything else is refused with an ``InputError`` that names the file and the byte
where reading failed, so a user can open the file in an editor and see the problem.

Besides undecodable bytes, the text may not hold C0 control characters other than tab, line feed,
vertical tab, form feed and carriage return. A NUL or a control character shows a binary file, or
a text in another encoding (UTF-16 without a byte-order mark decodes as UTF-8 with a control byte
beside almost every character). They are also invisible in the annotation view and would sit
inside spans unnoticed. DEL (U+007F) and the C1 controls are kept: valid UTF-8 never produces them
from a mis-decoding, and U+0085 is a line break.

The stored text is the decoded text with the byte-order mark removed and CRLF and CR turned into
LF. Nothing else changes: no Unicode normalization, no trimming.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from workbench.core.errors import InputError, Place, Problem, TextFault, UnreadableText

BOM = "\ufeff"

_REFUSED_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")
"""C0 controls other than tab, LF, VT, FF and CR."""

_REFUSED_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
"""The same controls as bytes: in UTF-8, a byte below 0x80 is always the ASCII character."""

_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


@dataclass(frozen=True, slots=True)
class _Encoding:
    codec: str
    bom: bytes

    @property
    def name(self) -> str:
        return self.codec.upper()


_UTF8 = _Encoding("utf-8", b"")
_UTF8_BOM = _Encoding("utf-8", b"\xef\xbb\xbf")
_UTF16_LE = _Encoding("utf-16-le", b"\xff\xfe")
_UTF16_BE = _Encoding("utf-16-be", b"\xfe\xff")


def read_text_file(path: Path) -> str:
    """The canonical text of the file at ``path``; ``InputError`` when it cannot be read as text."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, Problem("cannot read the file: {reason}", reason=error.strerror or error)) from error
    return canonical_text(decode_text(data, path))


def decode_text(data: bytes, path: Path) -> str:
    """Decode a text file's bytes, keeping the byte-order mark out of the result.

    ``path`` only names the file in the error raised when the bytes are not acceptable text.
    """
    if not data:
        raise UnreadableText(path, "the file is empty", TextFault.EMPTY)
    if data.startswith(_UTF32_BOMS):
        raise UnreadableText(path, "UTF-32 text is not supported: save the file as UTF-8", TextFault.UTF32)
    encoding = _detect_encoding(data)
    if len(data) == len(encoding.bom):
        raise UnreadableText(path, "the file holds only a byte-order mark and no text", TextFault.ONLY_A_BOM)
    text = _decode_strict(data, encoding, path)
    _refuse_control_characters(text, encoding, path)
    return text


_LINES_BUFFER = 1024 * 1024
"""Bytes read at once by ``raw_lines``. A line of a corpus (a document of 3,000 Arabic characters
with its spans, about 8 KB) spans the default buffer of 8 KB: reading 10,000 of them took a
third more processor time with it (0.14 s -> 0.10 s)."""


class RawLine(NamedTuple):
    """A line of a UTF-8 text file as read: its bytes with the LF that ends it, neither decoded
    nor checked (``line_text`` does both), and the byte of the file where it starts."""

    data: bytes
    position: int


def text_lines(path: Path) -> Iterator[str]:
    """The lines of a text file, split at LF only and without it, read one at a time so that
    memory does not grow with the file: the lines of ``decode_text``, refused with the same
    errors (where a file holds several faults, the first line holding one is named first)."""
    for line in raw_lines(path):
        yield line_text(line, path)


def raw_lines(path: Path) -> Iterator[RawLine | str]:
    """The lines of ``text_lines``, a UTF-8 file's as they were read (``RawLine``), for a reader
    that reads bytes and checks them itself (``line_text`` gives the text and the errors of
    ``text_lines``). UTF-16 files are decoded whole (they are rare, and their LF is two bytes),
    their lines given as text."""
    with path.open("rb", buffering=_LINES_BUFFER) as stream:
        head = stream.read(4)
        if _detect_encoding(head) not in (_UTF8, _UTF8_BOM):
            yield from decode_text(head + stream.read(), path).split("\n")
            return
        if head in (b"", _UTF8_BOM.bom):  # read(4) stops short only at the end of the file
            decode_text(head, path)  # raises the error of an empty file or a lone BOM
        encoding = _UTF8_BOM if head.startswith(_UTF8_BOM.bom) else _UTF8
        position = len(encoding.bom)
        stream.seek(position)
        raw = b"\n"
        for raw in stream:
            yield RawLine(raw, position)
            position += len(raw)
        if raw.endswith(b"\n"):
            yield RawLine(b"", position)  # what follows the last line break, as str.split gives it


def line_text(line: RawLine | str, path: Path) -> str:
    """The text of a line of ``raw_lines``, without its LF, checked as ``decode_text`` checks
    a file (``path`` names the file in the error)."""
    if isinstance(line, str):
        return line
    try:
        text = line.data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _undecodable(path, error, _UTF8, line.position + error.start) from error
    if len(line.data.translate(None, _REFUSED_CONTROL_BYTES)) != len(line.data):
        _refuse_control_characters(text, _UTF8, path, start=line.position)
    return text.removesuffix("\n")


def canonical_text(raw: str) -> str:
    """The stored form of a decoded text: no leading byte-order mark, LF line breaks only.

    Nothing else changes. Unicode normalization would reorder Arabic diacritics and change
    lengths, and trimming would move every offset.
    """
    text = raw.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect_encoding(data: bytes) -> _Encoding:
    for encoding in (_UTF8_BOM, _UTF16_LE, _UTF16_BE):
        if data.startswith(encoding.bom):
            return encoding
    return _UTF8


def _decode_strict(data: bytes, encoding: _Encoding, path: Path) -> str:
    bom_length = len(encoding.bom)
    try:
        return data[bom_length:].decode(encoding.codec)
    except UnicodeDecodeError as error:
        raise _undecodable(path, error, encoding, bom_length + error.start) from error


def _undecodable(path: Path, error: UnicodeDecodeError, encoding: _Encoding, byte: int) -> UnreadableText:
    """The refusal of bytes that are not text in ``encoding``, from ``byte`` of the file on."""
    if encoding.codec == "utf-8":
        problem = (
            f"not valid UTF-8 text ({error.reason}); the file is binary or in another encoding: "
            "save it as UTF-8"
        )
        return UnreadableText(path, problem, TextFault.NOT_UTF8, where=Place(byte=byte))
    problem = f"not valid {encoding.name} text ({error.reason})"
    return UnreadableText(path, problem, TextFault.NOT_UTF16, where=Place(byte=byte))


def _refuse_control_characters(
    text: str, encoding: _Encoding, path: Path, *, start: int | None = None
) -> None:
    """Refuse ``text`` if it holds a refused control; ``start`` is the byte position of the
    text in the file (just after the byte-order mark when not given)."""
    found = _REFUSED_CONTROLS.search(text)
    if found is None:
        return
    index = found.start()
    offset = len(encoding.bom) if start is None else start
    byte_position = offset + len(text[:index].encode(encoding.codec))
    code = f"U+{ord(found.group()):04X}"
    problem = (
        "a NUL byte (U+0000): this is a binary file, or text in an encoding other than "
        "UTF-8 or UTF-16 with a byte-order mark"
        if code == "U+0000"
        else f"a control character ({code}) that text does not hold: the file is binary "
        "or in another encoding"
    )
    raise UnreadableText(path, problem, TextFault.CONTROL, where=Place(byte=byte_position), character=code)
