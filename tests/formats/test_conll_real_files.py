"""CoNLL files as corpora and other tools write them: ``-DOCSTART-`` lines, extra columns
(CoNLL-2003, Label Studio's CONLL2003 export), IOB1 and BIOES, and ``--tag-columns``."""

from __future__ import annotations

from pathlib import Path

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from workbench.core.errors import InputError
from workbench.core.model import AnnotatedDocument
from workbench.core.schema import Schema
from workbench.formats import conll
from workbench.formats.base import ExportOptions, ImportOptions
from workbench.formats.report import FormatReport, Issue

CONLL_2003 = """\
-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

-DOCSTART- -X- -X- O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
"""


def read_all(
    path: Path, schema: Schema, report: FormatReport | None = None, **options: object
) -> list[AnnotatedDocument]:
    return list(conll.read([path], ImportOptions(schema=schema, **options), report=report))  # type: ignore[arg-type]


def spans_of(document: AnnotatedDocument) -> list[tuple[str, str]]:
    return [(span.label, span.text) for span in document.sets[0].spans]


@pytest.fixture
def generic() -> Schema:
    from workbench.core.schema import builtin_schema

    return builtin_schema("generic")


@pytest.fixture
def conll2003(tmp_path: Path) -> Path:
    path = tmp_path / "valid.txt"
    path.write_text(CONLL_2003, encoding="utf-8")
    return path


def test_docstart_lines_start_documents_and_are_never_text(
    conll2003: Path, generic: Schema
) -> None:
    report = FormatReport()
    first, second = read_all(conll2003, generic, report, label_map={"PER": "PER"})

    assert (first.document.name, second.document.name) == ("valid-1", "valid-2")
    assert first.document.text == "EU rejects German call ."
    assert second.document.text == "Peter Blackburn"
    assert spans_of(first) == [("ORG", "EU"), ("MISC", "German")]
    assert spans_of(second) == [("PER", "Peter Blackburn")]
    assert all("DOCSTART" not in d.document.text for d in (first, second))


def test_conll2003_columns_pos_and_chunk_are_named_not_read(
    conll2003: Path, generic: Schema
) -> None:
    """B-NP is a tag, but NP is no label of the schema: the chunk column stays out."""
    report = FormatReport()
    read_all(conll2003, generic, report)
    assert report.counts[Issue.IGNORED_COLUMN] == 2
    assert any("column 2 (values such as 'NNP', 'VBZ', 'JJ')" in m for m in report.messages)
    assert any("column 3 (values such as 'B-NP', 'B-VP', 'I-NP')" in m for m in report.messages)


def test_docstart_documents_export_with_their_marker_and_read_back_the_same(
    conll2003: Path, generic: Schema, tmp_path: Path
) -> None:
    documents = read_all(conll2003, generic)
    out = tmp_path / "out.conll"
    conll.write(documents, out, ExportOptions(schema=generic))
    assert out.read_text(encoding="utf-8").split("\n")[:4] == [
        "-DOCSTART- O",
        "",
        "EU B-ORG",
        "rejects O",
    ]

    again = read_all(out, generic)
    assert [d.document.text for d in again] == [d.document.text for d in documents]
    assert [spans_of(d) for d in again] == [spans_of(d) for d in documents]


def test_label_studio_conll2003_export_imports_as_it_is(tmp_path: Path, generic: Schema) -> None:
    """The layout label-studio-converter writes (convert_to_conll2003): one DOCSTART line at the
    top, ``TOKEN -X- _ TAG``, a blank line after each task."""
    path = tmp_path / "result.conll"
    path.write_text(
        "-DOCSTART- -X- O\nزار -X- _ O\nمحمد -X- _ B-PER\nبغداد -X- _ B-LOC\n\n"
        "وصل -X- _ O\nعلي -X- _ B-PER\n\n",
        encoding="utf-8",
    )
    report = FormatReport()
    [document] = read_all(path, generic, report)
    assert document.document.name == "result"
    assert document.document.text == "زار محمد بغداد\nوصل علي"
    assert spans_of(document) == [("PER", "محمد"), ("LOC", "بغداد"), ("PER", "علي")]
    assert report.counts[Issue.IGNORED_COLUMN] == 2


def test_tag_columns_name_the_columns_to_read(tmp_path: Path, generic: Schema) -> None:
    path = tmp_path / "two.conll"
    path.write_text("محمد B-PER O\nعلي I-PER B-PER\n", encoding="utf-8")

    [both] = read_all(path, generic)
    [last] = read_all(path, generic, tag_columns="last")
    [second] = read_all(path, generic, tag_columns=(2,))

    assert spans_of(both) == [("PER", "محمد علي"), ("PER", "علي")]
    assert spans_of(last) == [("PER", "علي")]
    assert spans_of(second) == [("PER", "محمد علي")]
    with pytest.raises(InputError, match="columns 2 to 3"):
        read_all(path, generic, tag_columns=(4,))


def test_an_unknown_label_in_the_last_column_still_names_the_label(
    tmp_path: Path, generic: Schema
) -> None:
    path = tmp_path / "x.conll"
    path.write_text("محمد NNP B-PERSON\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1: unknown label 'PERSON'.*--label-map"):
        read_all(path, generic)


def test_iob1_is_read_without_counting_its_starts_as_repairs(
    tmp_path: Path, generic: Schema
) -> None:
    path = tmp_path / "iob1.conll"
    path.write_text("محمد I-PER\nعلي I-PER\nحسن B-PER\nفي O\nبغداد I-LOC\n", encoding="utf-8")
    report = FormatReport()
    [document] = read_all(path, generic, report)

    assert spans_of(document) == [("PER", "محمد علي"), ("PER", "حسن"), ("LOC", "بغداد")]
    assert report.repaired_tags == 0
    assert report.counts[Issue.READ_AS_IOB1] == 1


def test_bioes_spans_not_closed_are_counted(tmp_path: Path, generic: Schema) -> None:
    path = tmp_path / "bioes.conll"
    path.write_text(
        "محمد B-PER\nعلي E-PER\nفي O\nبغداد B-LOC\nو O\nحسن S-PER\nجاء I-ORG\n", encoding="utf-8"
    )
    report = FormatReport()
    [document] = read_all(path, generic, report)
    tags = ["B-PER", "E-PER", "O", "B-LOC", "O", "S-PER", "I-ORG"]

    assert [(s.label, s.text) for s in document.sets[0].spans] == [
        ("PER", "محمد علي"), ("LOC", "بغداد"), ("PER", "حسن"), ("ORG", "جاء"),
    ]  # fmt: skip
    assert len(document.sets[0].spans) == len(get_entities(tags))
    assert report.counts[Issue.UNCLOSED_SPAN] == 2  # B-LOC alone, I-ORG alone
    assert report.repaired_tags == 1  # I-ORG starts a span


def test_a_line_of_only_a_tag_says_the_token_is_missing(tmp_path: Path, generic: Schema) -> None:
    path = tmp_path / "lost.conll"
    path.write_text("محمد B-PER\n O\n", encoding="utf-8")
    with pytest.raises(
        InputError, match="line 2: the line holds only 'O', a tag without its token"
    ):
        read_all(path, generic)
