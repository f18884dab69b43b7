"""File names made from document names: safe on Windows, macOS and Linux, unique in their folder.

``FileStems.stem`` turns a name into a file stem that

- has no character a file system refuses or shows deceptively: ``< > : " / \\ | ? *``, control
  and format characters (bidi overrides such as U+202E, zero-width marks), line and paragraph
  separators, surrogates and unassigned code points all become ``_``;
- is in NFC (macOS stores names decomposed, Linux as given: NFC is what both read back alike);
- has no leading or trailing dots or spaces (Windows drops trailing ones), and is never empty;
- is not a Windows device name (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``-``COM9``,
  ``LPT1``-``LPT9``, in any case and with any extension): those get a ``_`` in front;
- fits in ``MAX_STEM_BYTES`` of UTF-8, so that the stem with a suffix such as ``.txt`` fits in
  100 bytes: a longer name is cut and ends in ``~`` and 8 hex digits of the full name's sha256;
- differs from every stem given before in the same folder after NFC and case folding (Windows
  and macOS do not tell ``A`` from ``a``): a later twin gets ``-2``, ``-3``...

The names themselves are kept in ``names.tsv`` beside the files (``FileStems.names_tsv``), and
``document_name`` reads them back, so an import restores them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from workbench.core.errors import InputError, Place, Problem, WorkbenchError
from workbench.core.text_io import canonical_text, decode_text

MAX_FILE_NAME_BYTES = 100
MAX_STEM_BYTES = MAX_FILE_NAME_BYTES - len(".txt")
MAX_VARIANT_BYTES = 48
"""The longest ``@VARIANT`` a stem may end in, so that the name keeps most of the stem."""
NAMES_FILE = "names.tsv"
NAMES_HEADER = ("file", "document_id", "document_name")

_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789¹²³"
}
_HASH_LENGTH = 8
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPE = re.compile(r"\\(.)")


def safe_stem(name: str, limit: int = MAX_STEM_BYTES) -> str:
    """``name`` as a file stem safe on every file system, in ``limit`` bytes (module docstring)."""
    if name.isascii() and name.isprintable() and not _FORBIDDEN.search(name):
        stem = name  # every character safe as it is, and NFC already: most names
    else:
        stem = "".join(_safe_character(c) for c in unicodedata.normalize("NFC", name))
    stem = stem.strip(" .") or "document"
    if stem.split(".")[0].rstrip(" ").upper() in _DEVICES:
        stem = f"_{stem}"
    if len(stem.encode("utf-8")) > limit:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
        stem = f"{_cut(stem, limit - _HASH_LENGTH - 1).rstrip(' .')}~{digest[:_HASH_LENGTH]}"
    return stem


def _safe_character(character: str) -> str:
    return character if is_safe_character(character) else "_"


def is_safe_character(character: str) -> bool:
    """Whether ``character`` may stand in a file name as it is (module docstring)."""
    return not _FORBIDDEN.match(character) and unicodedata.category(character) not in _UNSAFE_CATEGORIES


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` that fits in ``limit`` bytes of UTF-8."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def folded(stem: str) -> str:
    """What a case-insensitive, normalizing file system compares: NFC, case folded."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", stem).casefold())


class FileStems:
    """The stems given out in one folder, unique there, and the names they stand for (kept only
    until ``names_tsv`` takes them: an export writes them as it goes)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._rows: list[tuple[str, ...]] = [NAMES_HEADER]

    def stem(self, document_id: str, name: str) -> str:
        """A safe stem for the document ``name`` that no earlier stem of this folder equals when
        folded."""
        return self.variant_stems(document_id, name, [""])[0]

    def variant_stems(self, document_id: str, name: str, variants: Sequence[str]) -> list[str]:
        """One stem ``NAME@VARIANT`` per variant (an annotator, already made of safe characters;
        ``""`` for none), all with the same name part, cut or numbered alike, so that the files
        of one document still read as one; the variants end the stems whole."""
        endings = [f"@{variant}" if variant else "" for variant in variants]
        longest = max(len(ending.encode("utf-8")) for ending in endings)
        if longest > MAX_VARIANT_BYTES:
            raise WorkbenchError(
                f"{variants[0]!r}... is too long to end a file name ({longest} bytes of UTF-8, "
                f"at most {MAX_VARIANT_BYTES})"
            )
        limit, number = MAX_STEM_BYTES - longest, 1
        base = safe_stem(name, limit)
        while any(folded(base + ending) in self._taken for ending in endings):
            number += 1
            suffix = f"-{number}"
            base = safe_stem(name, limit - len(suffix)) + suffix
        stems = [base + ending for ending in endings]
        for stem in stems:
            self._taken.add(folded(stem))
            self._rows.append((stem, document_id, name))
        return stems

    def names_tsv(self) -> str:
        """The lines of ``names.tsv`` not taken yet (the header first), which it then forgets:
        stem, document id and document name for every stem (tabs, line breaks and backslashes
        escaped as ``\\t``, ``\\n``, ``\\\\``). The lines taken one after the other make the file."""
        lines = "".join("\t".join(_escape(field) for field in row) + "\n" for row in self._rows)
        self._rows.clear()
        return lines


_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def _escape(field: str) -> str:
    return field.translate(_ESCAPE_TABLE)


def _unescape(field: str) -> str:
    escaped = {value[1]: key for key, value in _ESCAPES.items()}
    return _UNESCAPE.sub(lambda found: escaped.get(found[1], found[0]), field)


def document_name(file: Path, default: str | None = None) -> str:
    """The document name of a file an export named: from ``names.tsv`` beside it, else
    ``default``, else the file's stem."""
    names = _names_in(file.parent / NAMES_FILE, *_signature(file.parent / NAMES_FILE))
    return names.get(file.stem, file.stem if default is None else default)


def _signature(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return 0, -1
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=8)
def _names_in(path: Path, mtime: int, size: int) -> dict[str, str]:
    """``names.tsv`` as stem -> document name ({} when there is none); cached by its signature,
    since every document of a folder asks."""
    if size < 0:
        return {}
    names: dict[str, str] = {}
    lines = canonical_text(decode_text(path.read_bytes(), path)).split("\n")
    for number, line in enumerate(lines, start=1):
        if not line or (number == 1 and tuple(line.split("\t")) == NAMES_HEADER):
            continue
        fields = line.split("\t")
        if len(fields) != len(NAMES_HEADER):
            raise InputError(
                path, Problem("expected FILE<TAB>DOCUMENT_ID<TAB>DOCUMENT_NAME"), where=Place(line=number)
            )
        names[_unescape(fields[0])] = _unescape(fields[2])
    return names
