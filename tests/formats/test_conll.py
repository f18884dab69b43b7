from __future__ import annotations

from pathlib import Path

import pytest
from seqeval.metrics import classification_report
from seqeval.metrics.sequence_labeling import get_entities

from tests.formats.builders import annotated, conll_rows, repaired_lines, span_of
from workbench.core.errors import InputError, WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Span, make_document, new_id
from workbench.core.schema import Schema, builtin_schema, load_schema
from workbench.formats import conll
from workbench.formats.base import EXPORT_MARK, ExportOptions, ImportOptions, StaleSpanError
from workbench.formats.importing import load_label_map
from workbench.formats.report import FormatReport, Issue

WOJOOD_FILES = ["wojood_sample_train.conll", "wojood_sample_val.conll", "wojood_sample_test.conll"]


def read_one(
    path: Path, options: ImportOptions, report: FormatReport | None = None
) -> AnnotatedDocument:
    documents = list(conll.read([path], options, report=report))
    assert len(documents) == 1
    return documents[0]


def written_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n\n")
    return text.split("\n")[:-1]


def assert_spans_match_text(document: AnnotatedDocument) -> None:
    for annotation_set in document.sets:
        for span in annotation_set.spans:
            assert span.matches(document.document.text), span


# ---- round trips on the real corpora ----------------------------------------------------------


@pytest.mark.parametrize("name", ["anercorp_test.conll", *WOJOOD_FILES])
def test_corpus_round_trip_gives_back_the_tokens_and_the_repaired_tags(
    corpora: Path, wojood: Schema, tmp_path: Path, name: str
) -> None:
    source = corpora / name
    report = FormatReport()
    document = read_one(source, ImportOptions(schema=wojood), report)
    assert_spans_match_text(document)

    out = tmp_path / "out.conll"
    export_report = FormatReport()
    conll.write([document], out, ExportOptions(schema=wojood), report=export_report)

    assert written_lines(out) == repaired_lines(conll_rows(source))
    assert not export_report.counts  # nothing widened, merged or left out


def test_anercorp_illegal_starts_are_repaired_and_counted(corpora: Path, wojood: Schema) -> None:
    report = FormatReport()
    document = read_one(corpora / "anercorp_test.conll", ImportOptions(schema=wojood), report)
    rows = [row for sentence in conll_rows(corpora / "anercorp_test.conll") for row in sentence]

    assert report.repaired_tags == 74
    assert len(document.document.tokens or ()) == len(rows) == 25_008
    tags = [
        [row[1] for row in sentence] for sentence in conll_rows(corpora / "anercorp_test.conll")
    ]
    assert len(document.sets[0].spans) == len(get_entities(tags))  # seqeval repairs the same way


def test_wojood_nested_columns_become_nested_spans(corpora: Path, wojood: Schema) -> None:
    document = read_one(corpora / "wojood_sample_test.conll", ImportOptions(schema=wojood))
    text = document.document.text
    spans = document.sets[0].spans
    # محكمة B-ORG / حكومة I-ORG B-ORG / فلسطين I-ORG I-ORG B-GPE
    court = next(s for s in spans if s.text == "محكمة حكومة فلسطين" and s.label == "ORG")
    inner = [s for s in spans if court.start <= s.start and s.end <= court.end and s is not court]
    assert {(s.text, s.label) for s in inner} >= {("حكومة فلسطين", "ORG"), ("فلسطين", "GPE")}
    assert text.count("\n") + 1 == len(conll_rows(corpora / "wojood_sample_test.conll"))


def test_newsfane_imports_without_loss(corpora: Path, tmp_path: Path) -> None:
    """BOM, CRLF, sentences separated by a line holding a tab, LRM before most tokens."""
    source = corpora / "newsfane_gold_2014.tsv"
    sentences = conll_rows(source)
    rows = [row for sentence in sentences for row in sentence]
    schema = _schema_with_labels(
        tmp_path, {row[1].split("-", 1)[1] for row in rows if row[1] != "O"}
    )

    document = read_one(source, ImportOptions(schema=schema))
    text = document.document.text
    tokens = [text[start:end] for start, end in document.document.tokens or ()]

    assert tokens == [row[0] for row in rows]  # every token, LRM included
    assert len(tokens) == 168_080
    assert sum(token.startswith("\u200e") for token in tokens) > 100_000
    assert "\r" not in text and "\ufeff" not in text
    assert text.count("\n") + 1 == len(sentences)
    entities = get_entities([[row[1] for row in sentence] for sentence in sentences])
    assert len(document.sets[0].spans) == len(entities) == 11_423
    assert_spans_match_text(document)


def _schema_with_labels(folder: Path, labels: set[str]) -> Schema:
    """A schema holding exactly ``labels``: NewsFANE's 46 fine-grained types are in no built-in
    schema, and mapping them onto coarser ones would merge what this test checks is kept."""
    entity_lines = "".join(
        f'    - {{id: {label}, en: {label}, ar: {label}, color: "#808080"}}\n'
        for label in sorted(labels)
    )
    path = folder / "newsfane.yaml"
    path.write_text(
        "schema:\n  id: newsfane\n  version: 1\n  name: {en: NewsFANE, ar: NewsFANE}\n"
        f"  entity_types:\n{entity_lines}",
        encoding="utf-8",
    )
    return load_schema(path)


# ---- import details and bad input -------------------------------------------------------------


def test_bom_crlf_whitespace_lines_and_lrm_are_read(tmp_path: Path, wojood: Schema) -> None:
    path = tmp_path / "s.conll"
    path.write_bytes(
        "\ufeff\u200eمحمد\tB-PERS\r\nعلي\tI-PERS\r\n \t\r\nفي O\r\n\u200eبغداد B-GPE\r\n".encode()
    )
    document = read_one(path, ImportOptions(schema=wojood, annotator="lead"))
    text = document.document.text

    assert text == "\u200eمحمد علي\nفي \u200eبغداد"
    assert document.document.tokens == ((0, 5), (6, 9), (10, 12), (13, 19))
    assert [(s.label, s.text) for s in document.sets[0].spans] == [
        ("PERS", "\u200eمحمد علي"),
        ("GPE", "\u200eبغداد"),
    ]
    assert document.sets[0].annotator == "lead"


def test_without_annotator_the_annotations_are_imported(tmp_path: Path, wojood: Schema) -> None:
    path = tmp_path / "s.conll"
    path.write_text("محمد B-PERS\n", encoding="utf-8")
    assert read_one(path, ImportOptions(schema=wojood)).sets[0].annotator == "imported"


def test_bioes_input_is_read(tmp_path: Path, wojood: Schema) -> None:
    path = tmp_path / "s.conll"
    path.write_text("أ B-ORG\nب E-ORG\nج S-GPE\nد O\n", encoding="utf-8")
    spans = read_one(path, ImportOptions(schema=wojood)).sets[0].spans
    assert [(s.text, s.label) for s in spans] == [("أ ب", "ORG"), ("ج", "GPE")]


def test_a_label_map_renames_foreign_labels(corpora: Path, tmp_path: Path) -> None:
    label_map = tmp_path / "anercorp.map"
    label_map.write_text("# ANERcorp -> generic\nPERS\tPER\n", encoding="utf-8")
    options = ImportOptions(schema=builtin_schema("generic"), label_map=load_label_map(label_map))

    document = read_one(corpora / "anercorp_test.conll", options)

    assert {span.label for span in document.sets[0].spans} == {"PER", "LOC", "ORG", "MISC"}


def test_an_unknown_label_stops_the_import_naming_label_file_and_line(
    corpora: Path, tmp_path: Path
) -> None:
    source = corpora / "anercorp_test.conll"
    with pytest.raises(InputError) as caught:
        read_one(source, ImportOptions(schema=builtin_schema("generic")))
    message = str(caught.value)
    assert message.startswith(f"{source}, line 4: unknown label 'PERS'")  # غيث B-PERS
    assert "--label-map" in message


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("محمد B-PERS\nعلي I-PERS\nفي\n", 3, "has no tag"),  # truncated line
        ("محمد B-PERS\nعلي B-\n", 2, "not a tag"),
        ("محمد X-PERS\n", 1, "not a tag"),
        ("محمد PERS\n", 1, "not a tag"),
        ("محمد B-PERS\nفي O\nبغداد B-CITY\n", 3, "unknown label 'CITY'"),
    ],
)
def test_bad_lines_are_refused_naming_the_line(
    tmp_path: Path, wojood: Schema, content: str, line: int, problem: str
) -> None:
    path = tmp_path / "bad.conll"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        read_one(path, ImportOptions(schema=wojood))
    assert str(caught.value).startswith(f"{path}, line {line}: ")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("محمد B-PERS\n".encode("cp1256"), "not valid UTF-8"),
        (b"", "empty"),
        (b"\n \n\t\n", "holds no token"),
    ],
)
def test_unreadable_files_are_refused(
    tmp_path: Path, wojood: Schema, data: bytes, problem: str
) -> None:
    path = tmp_path / "bad.conll"
    path.write_bytes(data)
    with pytest.raises(InputError, match=problem) as caught:
        read_one(path, ImportOptions(schema=wojood))
    assert str(caught.value).startswith(str(path))


# ---- export -----------------------------------------------------------------------------------

TEXT = "قال رئيس وزراء العراق إن القوات حررت الموصل. وزار بغداد أمس."


def nested_document() -> AnnotatedDocument:
    return annotated(
        TEXT,
        [
            span_of(TEXT, "رئيس وزراء العراق", "OCC"),
            span_of(TEXT, "العراق", "GPE"),
            span_of(TEXT, "الموصل", "GPE"),
            span_of(TEXT, "بغداد", "GPE"),
        ],
    )


def test_bioes_on_a_nested_example(tmp_path: Path, wojood: Schema) -> None:
    out = tmp_path / "out.conll"
    conll.write([nested_document()], out, ExportOptions(schema=wojood, tag_scheme="bioes"))
    assert written_lines(out) == [
        "قال O",
        "رئيس B-OCC",
        "وزراء I-OCC",
        "العراق E-OCC S-GPE",
        "إن O",
        "القوات O",
        "حررت O",
        "الموصل S-GPE",
        ". O",
        "",
        "وزار O",
        "بغداد S-GPE",
        "أمس O",
        ". O",
        "",
    ]


def test_outermost_keeps_only_the_first_layer_and_counts_the_rest(
    tmp_path: Path, wojood: Schema
) -> None:
    out = tmp_path / "out.conll"
    report = FormatReport()
    conll.write(
        [nested_document()], out, ExportOptions(schema=wojood, nested="outermost"), report=report
    )
    lines = written_lines(out)
    assert lines[1:4] == ["رئيس B-OCC", "وزراء I-OCC", "العراق I-OCC"]
    assert report.counts == {Issue.NESTED_LEFT_OUT: 1}


def test_seqeval_reads_the_export_and_finds_the_spans(
    corpora: Path, wojood: Schema, tmp_path: Path
) -> None:
    source = corpora / "wojood_sample_test.conll"
    document = read_one(source, ImportOptions(schema=wojood))
    out = tmp_path / "out.conll"
    conll.write([document], out, ExportOptions(schema=wojood, nested="outermost"))

    tags = [[row[1] for row in sentence] for sentence in conll_rows(out)]
    report = classification_report(tags, tags, output_dict=True, zero_division=0)
    assert report["micro avg"]["f1-score"] == 1.0
    assert report["micro avg"]["support"] == len(get_entities(tags))

    # Each entity seqeval finds is one of the document's spans, on its own tokens, and they are
    # the entities of the source file's first (outermost) column.
    offsets = document.document.tokens or ()
    flat = [tag for sentence in tags for tag in sentence]
    found = {
        (label, offsets[first][0], offsets[last][1]) for label, first, last in get_entities(flat)
    }
    assert found <= {(s.label, s.start, s.end) for s in document.sets[0].spans}
    source_first_column = [row[1] for sentence in conll_rows(source) for row in sentence]
    assert len(found) == len(get_entities(source_first_column))


def test_a_span_inside_a_token_is_widened_and_counted(tmp_path: Path, wojood: Schema) -> None:
    text = "وصل وبالموصل جنود"
    stem = span_of(text, "الموصل", "GPE")  # an ACE-style span without the clitics
    out = tmp_path / "out.conll"
    report = FormatReport()
    conll.write([annotated(text, [stem])], out, ExportOptions(schema=wojood), report=report)

    assert written_lines(out) == ["وصل O", "وبالموصل B-GPE", "جنود O", ""]
    assert report.expanded_spans == 1
    assert "'الموصل' widened" in report.messages[0]


def test_split_clitics_tags_follow_the_span_offsets(tmp_path: Path, wojood: Schema) -> None:
    text = "وصل وبالموصل جنود والعراقيين"
    whole_word = span_of(text, "وبالموصل", "GPE")  # clitics inside, as Wojood tags
    stem_only = span_of(text, "العراقيين", "NORP")  # و left out
    out = tmp_path / "out.conll"
    report = FormatReport()
    options = ExportOptions(schema=wojood, split_clitics=True)
    conll.write([annotated(text, [whole_word, stem_only])], out, options, report=report)

    assert written_lines(out) == [
        "وصل O",
        "و B-GPE",
        "ب I-GPE",
        "ال I-GPE",
        "موصل I-GPE",
        "جنود O",
        "و O",
        "ال B-NORP",
        "عراقيين I-NORP",
        "",
    ]
    assert not report.counts


def test_a_span_across_a_sentence_break_keeps_its_sentences_together(
    tmp_path: Path, wojood: Schema
) -> None:
    text = "زار الرئيس مدينة. الموصل أمس. ثم عاد."
    crossing = span_of(text, "مدينة. الموصل", "LOC")
    out = tmp_path / "out.conll"
    conll.write([annotated(text, [crossing])], out, ExportOptions(schema=wojood))
    lines = written_lines(out)
    assert lines[:7] == [
        "زار O",
        "الرئيس O",
        "مدينة B-LOC",
        ". I-LOC",
        "الموصل I-LOC",
        "أمس O",
        ". O",
    ]
    assert lines.count("") == 2


def test_each_annotation_set_is_written_once(tmp_path: Path, wojood: Schema) -> None:
    text = "زار محمد بغداد"
    document = make_document("doc", text)
    sets = (
        AnnotationSet("zainab", spans=(span_of(text, "محمد", "PERS"),)),
        AnnotationSet("ali", spans=(span_of(text, "بغداد", "GPE"),)),
    )
    out = tmp_path / "out.conll"
    conll.write([AnnotatedDocument(document, sets)], out, ExportOptions(schema=wojood))
    assert written_lines(out) == [
        "زار O", "محمد O", "بغداد B-GPE", "",  # ali first: sets in annotator order
        "زار O", "محمد B-PERS", "بغداد O", "",
    ]  # fmt: skip


def test_a_document_without_annotations_is_left_out_and_counted(
    tmp_path: Path, wojood: Schema
) -> None:
    out = tmp_path / "out.conll"
    report = FormatReport()
    conll.write(
        [AnnotatedDocument(make_document("empty", "نص"))],
        out,
        ExportOptions(schema=wojood),
        report=report,
    )
    assert out.read_text(encoding="utf-8") == ""
    assert report.counts == {Issue.UNANNOTATED_DOCUMENT: 1}


def test_a_split_writes_train_validation_and_test(tmp_path: Path, wojood: Schema) -> None:
    documents = [
        annotated(
            f"زار محمد بغداد {number}",
            [span_of(f"زار محمد بغداد {number}", "بغداد", "GPE")],
            name=f"d{number}",
        )
        for number in range(20)
    ]
    out = tmp_path / "out"
    conll.write(documents, out, ExportOptions(schema=wojood, split=(80, 10, 10), seed=3))
    files = {path.name: path.read_text(encoding="utf-8").count("\n\n") for path in out.iterdir()}
    assert files == {"train.conll": 16, "validation.conll": 2, "test.conll": 2, EXPORT_MARK: 0}


def test_a_stale_span_is_refused_naming_document_and_span(tmp_path: Path, wojood: Schema) -> None:
    stale = Span(new_id(), 4, 8, "PERS", "علي")
    with pytest.raises(StaleSpanError, match=f"document 'doc'.*span {stale.id}"):
        conll.write(
            [annotated("زار محمد بغداد", [stale])],
            tmp_path / "out.conll",
            ExportOptions(schema=wojood),
        )
    assert not (tmp_path / "out.conll").exists()


def test_own_tokens_with_whitespace_are_refused(tmp_path: Path, wojood: Schema) -> None:
    document = make_document("doc", "نيو يورك", tokens=((0, 8),))
    spans = (Span(new_id(), 0, 8, "GPE", "نيو يورك"),)
    with pytest.raises(WorkbenchError, match="holds whitespace"):
        conll.write(
            [AnnotatedDocument(document, (AnnotationSet("gold", spans),))],
            tmp_path / "out.conll",
            ExportOptions(schema=wojood),
        )
