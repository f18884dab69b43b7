"""brat's own example files (tests/data/brat/news, from brat's tutorial), notes of any type,
attribute values of any characters, and a multi-annotator export that comes back into its
annotators' sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.builders import set_contents, span_of
from workbench.app.exporting import export_project
from workbench.app.importing import import_paths
from workbench.core.errors import InputError, WorkbenchError
from workbench.core.model import AnnotatedDocument, AnnotationSet, make_document
from workbench.core.schema import Schema, load_schema
from workbench.formats import brat
from workbench.formats.base import ExportOptions, ImportOptions
from workbench.formats.report import FormatReport, Issue
from workbench.store.project import Project

DATA = Path(__file__).resolve().parents[1] / "data"
NEWS = DATA / "brat" / "news"


@pytest.fixture(scope="module")
def news_schema() -> Schema:
    return load_schema(DATA / "schemas" / "brat-news.yaml")


def canonical(document: AnnotatedDocument) -> tuple[object, ...]:
    """What a document holds, without ids (the spans in a set's order are compared sorted, since
    the export writes them in text order)."""
    sets = []
    for annotation_set in sorted(document.sets, key=lambda s: s.annotator):
        annotator, spans, events = set_contents(annotation_set)
        sets.append((annotator, sorted(spans), events))
    return document.document.name, document.document.text, sets


def test_brats_note_tutorial_imports_with_the_relation_and_its_note_skipped(
    news_schema: Schema,
) -> None:
    report = FormatReport()
    [document] = brat.read(
        [NEWS / "110-note_annotation.ann"], ImportOptions(schema=news_schema), report=report
    )
    spans = document.sets[0].spans
    assert (len(spans), len(document.sets[0].events)) == (14, 2)
    notes = {span.text: span.note for span in spans if span.note}
    assert notes["Discworld"] == "Should fictional places be annotated?"
    assert notes["merged"].startswith("Annotate as one merge event")  # E1's note, on its trigger
    assert report.counts == {Issue.SKIPPED_ANNOTATION: 3}  # R1, R2 and the note on R1
    assert any("line 12: a note on R1, which is skipped" in m for m in report.messages)


def test_brats_tutorial_folder_comes_in_and_round_trips_unchanged(
    news_schema: Schema, tmp_path: Path
) -> None:
    report = FormatReport()
    documents = list(brat.read([NEWS], ImportOptions(schema=news_schema), report=report))
    assert [len(d.sets[0].spans) for d in documents] == [10, 21, 22, 26, 14]
    assert [len(d.sets[0].events) for d in documents] == [0, 4, 6, 10, 2]
    assert report.counts == {Issue.SKIPPED_ANNOTATION: 5}  # *, R1 (060); R1, R2, #3 (110)

    brat.write(documents, tmp_path / "out", ExportOptions(schema=news_schema))
    export_report = FormatReport()
    again = list(
        brat.read([tmp_path / "out"], ImportOptions(schema=news_schema), report=export_report)
    )
    assert [canonical(d) for d in again] == [canonical(d) for d in documents]
    assert not export_report.counts
    for source in NEWS.glob("*.txt"):
        assert (tmp_path / "out" / source.name).read_bytes() == source.read_bytes()


def test_a_note_of_another_type_keeps_its_type(news_schema: Schema, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d.txt").write_text("Google merged.", encoding="utf-8")
    (folder / "d.ann").write_text(
        "T1\tOrganization 0 6\tGoogle\n#1\tAnnotatorNotes T1\tcheck\n#2\tReviewerNote T1\tok\n",
        encoding="utf-8",
    )
    [document] = brat.read([folder], ImportOptions(schema=news_schema))
    assert document.sets[0].spans[0].note == "check\n[ReviewerNote] ok"

    brat.write([document], tmp_path / "out", ExportOptions(schema=news_schema))
    ann = (tmp_path / "out" / "d.ann").read_text(encoding="utf-8").splitlines()
    assert ann[1:] == ["#1\tAnnotatorNotes T1\tcheck", "#2\tReviewerNote T1\tok"]


def test_an_attribute_value_may_hold_any_character(news_schema: Schema, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d.txt").write_text("Gogle merged.", encoding="utf-8")
    (folder / "d.ann").write_text(
        "T1\tOrganization 0 5\tGogle\nA1\tError T1 Typo+UNK\n", encoding="utf-8"
    )
    [document] = brat.read([folder], ImportOptions(schema=news_schema))
    assert document.sets[0].spans[0].attributes == {"Error": "Typo+UNK"}

    brat.write([document], tmp_path / "out", ExportOptions(schema=news_schema))
    assert "A1\tError T1 Typo+UNK" in (tmp_path / "out" / "d.ann").read_text(encoding="utf-8")
    assert "Value:Typo+UNK|Typo+OK" in (tmp_path / "out" / "annotation.conf").read_text(
        encoding="utf-8"
    )


def test_a_value_brats_configuration_cannot_list_is_refused_by_name(tmp_path: Path) -> None:
    schema_file = tmp_path / "s.yaml"
    text = (DATA / "schemas" / "brat-news.yaml").read_text(encoding="utf-8")
    schema_file.write_text(
        text.replace("[Typo+UNK, Typo+OK]", '["Typo|UNK", Typo+OK]'), encoding="utf-8"
    )
    schema = load_schema(schema_file)
    with pytest.raises(WorkbenchError, match=r"'Typo\|UNK'.*annotation\.conf cannot list"):
        brat.write([], tmp_path / "out", ExportOptions(schema=schema))


# ---- several annotators -----------------------------------------------------------------------

TEXT = "YouTube and DoubleClick merged with Google."


def two_annotators() -> AnnotatedDocument:
    sets = (
        AnnotationSet(
            "zainab",
            spans=(
                span_of(TEXT, "YouTube", "Organization"),
                span_of(TEXT, "Google", "Organization"),
            ),
        ),
        AnnotationSet("ali@example.org", spans=(span_of(TEXT, "DoubleClick", "Organization"),)),
    )
    return AnnotatedDocument(make_document("news 1", TEXT), sets)


def test_a_multi_annotator_export_comes_back_into_the_same_sets(
    news_schema: Schema, tmp_path: Path
) -> None:
    brat.write([two_annotators()], tmp_path / "out", ExportOptions(schema=news_schema))
    assert sorted(p.name for p in (tmp_path / "out").glob("*.ann")) == [
        "news 1@ali%40example.org.ann", "news 1@zainab.ann",
    ]  # fmt: skip

    [back] = brat.read([tmp_path / "out"], ImportOptions(schema=news_schema))
    assert canonical(back) == canonical(two_annotators())


def test_through_a_project_three_spans_stay_three_in_two_sets(
    news_schema: Schema, tmp_path: Path
) -> None:
    brat.write([two_annotators()], tmp_path / "out", ExportOptions(schema=news_schema))
    with Project.create(tmp_path / "p.tawsim", news_schema) as project:
        summary = import_paths(project, [tmp_path / "out"])
        assert (summary.documents_added, summary.spans) == (1, 3)
        assert project.annotators() == ["ali@example.org", "zainab"]
        assert [d.name for d in project.documents()] == ["news 1"]
        export_project(project, tmp_path / "again", format_name="brat", source="all")
    for ann in (tmp_path / "out").glob("*.ann"):
        assert (tmp_path / "again" / ann.name).read_text(encoding="utf-8") == ann.read_text(
            encoding="utf-8"
        )


def test_annotator_on_a_multi_annotator_export_is_refused(
    news_schema: Schema, tmp_path: Path
) -> None:
    brat.write([two_annotators()], tmp_path / "out", ExportOptions(schema=news_schema))
    with pytest.raises(InputError, match=r"2 annotators of one document.*without it"):
        list(brat.read([tmp_path / "out"], ImportOptions(schema=news_schema, annotator="lead")))


def test_a_lone_name_with_an_at_sign_stays_a_document_of_that_name(
    news_schema: Schema, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mail@home.txt").write_text(TEXT, encoding="utf-8")
    (folder / "mail@home.ann").write_text("T1\tOrganization 36 42\tGoogle\n", encoding="utf-8")
    [document] = brat.read([folder], ImportOptions(schema=news_schema))
    assert (document.document.name, document.sets[0].annotator) == ("mail@home", "imported")


def test_a_note_on_an_event_is_written_on_the_event_as_brat_requires(
    news_schema: Schema, tmp_path: Path
) -> None:
    """brat's verifier refuses a note that names a trigger ("Trigger referenced by non-event")."""
    documents = list(
        brat.read([NEWS / "110-note_annotation.ann"], ImportOptions(schema=news_schema))
    )
    brat.write(documents, tmp_path / "out", ExportOptions(schema=news_schema))
    written = (
        (tmp_path / "out" / "110-note_annotation.ann").read_text(encoding="utf-8").splitlines()
    )
    notes = [line for line in written if line.startswith("#")]
    source = (NEWS / "110-note_annotation.ann").read_text(encoding="utf-8").splitlines()
    assert [n.split("\t", 1)[1] for n in notes] == [
        line.split("\t", 1)[1] for line in source if line.startswith("#") and "R1" not in line
    ]  # the same notes on the same kinds of ids (T1 and E1 keep their numbers here)
