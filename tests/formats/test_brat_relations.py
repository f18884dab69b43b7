"""brat R lines and ``*`` equivalences in and out (issue 14, point 5), on brat's own tutorial
files (tests/data/brat/news, MIT, see tests/data/README.md) and on Arabic text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.test_brat import read_one, write_pair
from workbench.core.errors import InputError
from workbench.core.model import AnnotatedDocument, AnnotationSet, Relation, Span, make_document
from workbench.core.schema import Schema, load_schema
from workbench.formats import brat
from workbench.formats.base import ExportOptions, ImportOptions
from workbench.formats.report import FormatReport, Issue

DATA = Path(__file__).resolve().parents[1] / "data"
NEWS = DATA / "brat" / "news"
# brat's tutorial annotation.conf declares Located (Person -> GPE), Family (Person - Person) and
# Alias (symmetric-transitive, the `*` line of 060).
RELATIONS = """\
  relations:
    - {id: Located, en: Located, ar: يقع في, from: [Person], to: [GPE]}
    - {id: Family, en: Family, ar: قرابة, from: [Person], to: [Person], symmetric: true,
       attributes: {Certainty: [Sure, Unsure]}}
    - {id: Alias, en: Alias, ar: اسم آخر, from: [Person], to: [Person], symmetric: true}
"""


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Schema:
    text = (DATA / "schemas" / "brat-news.yaml").read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("schema") / "news-relations.yaml"
    path.write_text(text.rstrip("\n") + "\n" + RELATIONS, encoding="utf-8")
    return load_schema(path)


def ends(document: AnnotatedDocument) -> list[tuple[str, str, str]]:
    [annotations] = document.sets
    spans = {span.id: span for span in annotations.spans}
    return [
        (r.type, spans[r.from_span_id].text, spans[r.to_span_id].text) for r in annotations.relations
    ]


def test_the_tutorials_relation_and_equivalence_come_in(schema: Schema) -> None:
    report = FormatReport()
    [document] = brat.read(
        [NEWS / "060-relation_annotation.ann"], ImportOptions(schema=schema), report=report
    )
    assert ends(document) == [
        ("Alias", "Joanne Rowling", "Jo Rowling"),
        ("Alias", "Jo Rowling", "J. K. Rowling"),
        ("Located", "Terry Pratchett", "England"),
    ]
    assert not report.counts


def test_a_note_on_a_relation_is_skipped_and_counted(schema: Schema) -> None:
    report = FormatReport()
    [document] = brat.read(
        [NEWS / "110-note_annotation.ann"], ImportOptions(schema=schema), report=report
    )
    assert ends(document) == [
        ("Family", "Orville Wright", "Wilbur Wright"),
        ("Family", "Orville Wright", "Wilbur Wright"),
    ]
    assert report.counts == {Issue.SKIPPED_ANNOTATION: 1}
    assert "line 12: a note on the relation R1" in report.messages[0]


def test_relations_go_out_as_r_lines_and_come_back(schema: Schema, tmp_path: Path) -> None:
    documents = list(brat.read([NEWS], ImportOptions(schema=schema)))
    brat.write(documents, tmp_path / "out", ExportOptions(schema=schema))
    ann = (tmp_path / "out" / "060-relation_annotation.ann").read_text(encoding="utf-8")
    assert "\tAlias Arg1:T" in ann and "\tLocated Arg1:T" in ann
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    assert "Located\tArg1:Person, Arg2:GPE\n" in conf
    assert "Alias\tArg1:Person, Arg2:Person, <REL-TYPE>:symmetric\n" in conf
    again = list(brat.read([tmp_path / "out"], ImportOptions(schema=schema)))
    assert [sorted(ends(d)) for d in again] == [sorted(ends(d)) for d in documents]


TEXT = "قال أحمد إن داعش في الموصل"


def test_arabic_relations_with_attributes_round_trip(
    conflict_news: Schema, tmp_path: Path
) -> None:
    spans = (Span("a", 4, 8, "PER", "أحمد"), Span("b", 12, 16, "ORG", "داعش"),
             Span("c", 20, 26, "GPE", "الموصل"))  # fmt: skip
    relations = (
        Relation("r1", "member-of", "a", "b", {"membership_status": "claimed"}),
        Relation("r2", "located-in", "b", "c"),
    )
    document = AnnotatedDocument(
        make_document("d", TEXT), (AnnotationSet("amal", spans, relations=relations),)
    )
    brat.write([document], tmp_path / "out", ExportOptions(schema=conflict_news))
    ann = (tmp_path / "out" / "d.ann").read_text(encoding="utf-8")
    assert "R1\tmember-of Arg1:T1 Arg2:T2\nR2\tlocated-in Arg1:T2 Arg2:T3\n" in ann
    assert "A1\tmembership_status R1 claimed\n" in ann
    [again] = brat.read([tmp_path / "out"], ImportOptions(schema=conflict_news))
    [back] = again.sets
    texts = {span.id: span.text for span in back.spans}
    assert [(r.type, texts[r.from_span_id], texts[r.to_span_id], r.attributes) for r in back.relations] == [
        ("member-of", "أحمد", "داعش", {"membership_status": "claimed"}),
        ("located-in", "داعش", "الموصل", {}),
    ]


SPANS = "T1\tPER 4 8\tأحمد\nT2\tORG 12 16\tداعش\n"


@pytest.mark.parametrize(
    ("ann", "line", "problem"),
    [
        (SPANS + "R1\tmember-of Arg1:T1 Arg2:T9\n", 3, "the relation's end T9 is not a T id"),
        (SPANS + "R1\tmember-of Arg1:T1\n", 3, "expected R<n><TAB>TYPE Arg1:T<n> Arg2:T<n>"),
        (SPANS + "R1\tmember-of From:T1 To:T2\n", 3, "expected R<n><TAB>TYPE Arg1:T<n> Arg2:T<n>"),
        (SPANS + "R1\tmember-of Arg1:T1 Arg2:T2\nR1\tleader-of Arg1:T1 Arg2:T2\n", 4,
         "the id R1 is used twice"),
        (SPANS + "*\tmember-of T1 T2\n", 3, "an equivalence of 'member-of', which the schema does not"),
        (SPANS + "*\taffiliated-with T1\n", 3, "expected *<TAB>TYPE T<n> T<n> ..."),
        (SPANS + "R1\tmember-of Arg1:T1 Arg2:T2\nA1\tmembership_status R1 rumoured\n", 4,
         "cannot be 'rumoured'"),
    ],
)
def test_bad_relation_lines_are_refused_naming_file_and_line(
    conflict_news: Schema, tmp_path: Path, ann: str, line: int, problem: str
) -> None:
    path = write_pair(tmp_path, TEXT, ann)
    with pytest.raises(InputError) as refusal:
        read_one(path, conflict_news)
    message = str(refusal.value)
    assert message.startswith(f"{path}, line {line}: ") and problem in message


def test_an_equivalence_of_a_symmetric_type_links_each_member_to_the_next(
    conflict_news: Schema, tmp_path: Path
) -> None:
    text = "داعش والقاعدة وطالبان"
    ann = "T1\tORG 0 4\tداعش\nT2\tORG 5 13\tوالقاعدة\nT3\tORG 14 21\tوطالبان\n*\taffiliated-with T1 T2 T3\n"
    document = read_one(write_pair(tmp_path, text, ann), conflict_news)
    assert ends(document) == [
        ("affiliated-with", "داعش", "والقاعدة"),
        ("affiliated-with", "والقاعدة", "وطالبان"),
    ]
