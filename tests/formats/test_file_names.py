"""File names made from document names are safe on Windows, macOS and Linux, and the brat export's
names.tsv brings the names back on import (issue 10, point 2)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.formats.builders import annotated, span_of
from workbench.core.errors import InputError
from workbench.core.model import AnnotatedDocument, AnnotationSet, make_document
from workbench.core.schema import Schema
from workbench.formats import brat
from workbench.formats.base import ExportOptions, ImportOptions
from workbench.formats.file_names import (
    MAX_FILE_NAME_BYTES,
    MAX_STEM_BYTES,
    NAMES_FILE,
    FileStems,
    folded,
    is_safe_character,
    safe_stem,
)

LONG_LATIN = "report-" + "x" * 238  # 245 bytes
LONG_ARABIC = "تقرير" * 28  # 140 Arabic letters, 280 bytes
CAFE_NFC = unicodedata.normalize("NFC", "café")
CAFE_NFD = unicodedata.normalize("NFD", "café")
HOSTILE_NAMES = [
    LONG_LATIN,
    LONG_ARABIC,
    "CON",
    "aux",
    "com1",
    "Lpt9.txt",
    "nul ",
    CAFE_NFC,
    CAFE_NFD,
    "invoice\u202egpj.exe",
    "tab\tand\nnewline\\back",
    "ends with dots...",
    "a/b:c*d?",
    "REPORT",
    "report",
]


def test_a_long_name_is_cut_with_a_hash_of_the_whole() -> None:
    for name in (LONG_LATIN, LONG_ARABIC):
        stem = safe_stem(name)
        assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
        assert stem[:20] == name[:20] and len(stem.rsplit("~", 1)[1]) == 8
    twins = [LONG_LATIN, LONG_LATIN[:-1] + "y"]
    assert safe_stem(twins[0]) != safe_stem(twins[1])
    assert safe_stem("short") == "short"


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("CON", "_CON"),
        ("aux", "_aux"),
        ("com1", "_com1"),
        ("COM¹", "_COM¹"),
        ("Lpt9.txt", "_Lpt9.txt"),
        ("nul ", "_nul"),
        ("console", "console"),
        ("invoice\u202egpj.exe", "invoice_gpj.exe"),
        ("zero\u200bwidth", "zero_width"),
        ("bell\x07", "bell_"),
        ("ends with dots...", "ends with dots"),
        ("  .hidden", "hidden"),
        ("...", "document"),
        ("a/b:c*d?", "a_b_c_d_"),
    ],
)
def test_unsafe_names_are_made_safe(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_names_equal_after_nfc_and_case_folding_get_distinct_stems() -> None:
    stems = FileStems()
    given = [stems.stem(f"id{n}", name) for n, name in enumerate([CAFE_NFC, CAFE_NFD, "CAFÉ", "x"])]
    assert given == [CAFE_NFC, f"{CAFE_NFC}-2", "CAFÉ-3", "x"]
    assert len({folded(stem) for stem in given}) == 4
    long_twins = [stems.stem("a", LONG_ARABIC), stems.stem("b", LONG_ARABIC)]
    assert long_twins[1].endswith("-2") and long_twins[1] != long_twins[0]
    assert all(len(stem.encode("utf-8")) <= MAX_STEM_BYTES for stem in long_twins)


def test_hostile_names_export_to_brat_and_come_back(conflict_news: Schema, tmp_path: Path) -> None:
    text = "زار محمد بغداد"
    documents = [
        annotated(text, [span_of(text, "بغداد", "GPE")], name=name) for name in HOSTILE_NAMES
    ]
    out = tmp_path / "brat"
    brat.write(documents, out, ExportOptions(schema=conflict_news))
    files = [path.name for path in out.iterdir()]
    assert all(len(name.encode("utf-8")) <= MAX_FILE_NAME_BYTES for name in files)
    assert len({folded(name) for name in files}) == len(files)
    devices = {"CON", "AUX", "COM1", "LPT9", "NUL"}
    assert not [name for name in files if "\u202e" in name or name.split(".")[0].upper() in devices]
    back = brat.read([out], ImportOptions(schema=conflict_news))
    assert sorted(document.document.name for document in back) == sorted(HOSTILE_NAMES)


def test_names_tsv_maps_each_stem_to_the_document(conflict_news: Schema, tmp_path: Path) -> None:
    document = annotated("زار محمد بغداد", name="CON")
    brat.write([document], tmp_path / "brat", ExportOptions(schema=conflict_news))
    lines = (tmp_path / "brat" / NAMES_FILE).read_text(encoding="utf-8").splitlines()
    assert lines == ["file\tdocument_id\tdocument_name", f"_CON\t{document.document.id}\tCON"]


def test_a_split_export_has_names_in_each_folder(conflict_news: Schema, tmp_path: Path) -> None:
    documents = [annotated("زار محمد بغداد", name=f"{LONG_ARABIC}{n}") for n in range(10)]
    out = tmp_path / "brat"
    brat.write(documents, out, ExportOptions(schema=conflict_news, split=(80, 10, 10)))
    assert all((out / split / NAMES_FILE).is_file() for split in ("train", "validation", "test"))
    back = brat.read([out], ImportOptions(schema=conflict_news))
    assert sorted(d.document.name for d in back) == sorted(d.document.name for d in documents)


def test_a_broken_names_tsv_is_refused_naming_the_line(conflict_news: Schema, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    brat.write([annotated("زار محمد بغداد", name="d")], out, ExportOptions(schema=conflict_news))
    (out / NAMES_FILE).write_text("file\tdocument_id\tdocument_name\nd\tonly two\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"{NAMES_FILE}, line 2: expected FILE"):
        list(brat.read([out], ImportOptions(schema=conflict_news)))


def test_without_names_tsv_a_document_is_named_after_its_file(
    conflict_news: Schema, tmp_path: Path
) -> None:
    out = tmp_path / "brat"
    brat.write([annotated("زار محمد بغداد", name="aux")], out, ExportOptions(schema=conflict_news))
    (out / NAMES_FILE).unlink()
    [back] = brat.read([out], ImportOptions(schema=conflict_news))
    assert back.document.name == "_aux"


def test_hostile_names_of_several_annotators_come_back_as_one_document_each(
    conflict_news: Schema, tmp_path: Path
) -> None:
    """A long or twin name is cut or numbered before ``@ANNOTATOR``, never the annotator, and
    an annotator's unsafe characters are quoted: names, annotators and sets all come back."""
    text = "زار محمد بغداد"
    annotators = ("amal", "omar\u202e@x.org")
    documents = []
    for name in (LONG_ARABIC, "REPORT", "report"):
        sets = tuple(
            AnnotationSet(who, spans=(span_of(text, "بغداد", "GPE"),)) for who in annotators
        )
        documents.append(AnnotatedDocument(make_document(name, text), sets))
    out = tmp_path / "brat"
    brat.write(documents, out, ExportOptions(schema=conflict_news))
    files = [path.name for path in out.iterdir() if path.suffix == ".ann"]
    assert len(files) == 6
    assert all(len(name.encode("utf-8")) <= MAX_FILE_NAME_BYTES for name in files)
    assert not [name for name in files if "\u202e" in name]
    back = list(brat.read([out], ImportOptions(schema=conflict_news)))
    assert sorted(d.document.name for d in back) == sorted([LONG_ARABIC, "REPORT", "report"])
    assert all(sorted(s.annotator for s in d.sets) == sorted(annotators) for d in back)


@given(st.text(st.characters(max_codepoint=0x7F), max_size=40))
def test_a_printable_ascii_name_is_safe_character_by_character(name: str) -> None:
    """``safe_stem`` keeps a printable ASCII name without a forbidden character as it is,
    without looking at each character (issue 16: a brat export names ten thousand files): the
    rule for each character and NFC must keep such a name whole."""
    if name.isprintable() and not any(c in '<>:"/\\|?*' for c in name):
        assert all(is_safe_character(c) for c in name)
        assert unicodedata.normalize("NFC", name) == name


@given(st.text(max_size=40))
def test_names_tsv_escapes_each_character_as_the_table_says(field: str) -> None:
    escapes = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
    stems = FileStems()
    stems.stem("id", field)
    row = stems.names_tsv().split("\n")[1]
    assert row.split("\t")[-1] == "".join(escapes.get(c, c) for c in field)


def test_names_tsv_gives_each_line_once_so_that_an_export_writes_them_as_it_goes() -> None:
    stems = FileStems()
    stems.stem("a", "أول")
    first = stems.names_tsv()
    stems.stem("b", "ثان")
    second = stems.names_tsv()
    assert first == "file\tdocument_id\tdocument_name\nأول\ta\tأول\n"
    assert second == "ثان\tb\tثان\n"
    assert stems.names_tsv() == ""


def test_a_brat_export_of_no_document_has_the_header_of_names(conflict_news: Schema, tmp_path: Path) -> None:
    brat.write([], tmp_path / "brat", ExportOptions(schema=conflict_news))
    assert (tmp_path / "brat" / NAMES_FILE).read_text(encoding="utf-8") == "file\tdocument_id\tdocument_name\n"
