from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from workbench.app.agreement import measures_input, project_agreement, report_rows
from workbench.app.agreement_html import (
    agreement_html,
    documents_by_disagreement,
    format_score,
    heat_colour,
)
from workbench.cli import main
from workbench.cli.team_commands import agreement_text
from workbench.core.agreement import agreement_report
from workbench.core.errors import WorkbenchError
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Relation,
    Span,
    Status,
    make_document,
)
from workbench.core.schema import builtin_schema
from workbench.store.project import Project

TEXT = "قال محمد إن تنظيم داعش هاجم الموصل أمس."


def spans(*ranges: tuple[int, int, str]) -> tuple[Span, ...]:
    return tuple(Span(f"{a}-{b}-{label}", a, b, label, TEXT[a:b]) for a, b, label in ranges)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    same = make_document("same", TEXT)
    other = make_document("other", TEXT + " ")
    project.add_documents([
        AnnotatedDocument(same, (
            AnnotationSet("amal", spans((4, 8, "PER"), (12, 22, "ORG"))),
            AnnotationSet("badr", spans((4, 8, "PER"), (12, 22, "ORG"))),
        )),
        AnnotatedDocument(other, (
            AnnotationSet("amal", spans((4, 8, "PER"))),
            AnnotationSet("badr", spans((29, 35, "LOC"))),
            AnnotationSet("gold", spans((4, 8, "PER"))),
        )),
    ])
    return project


def test_the_report_counts_finished_sets_of_annotators_but_not_gold(project: Project) -> None:
    report = project_agreement(project)
    assert report["annotators"] == ["amal", "badr"]
    assert report["documents"] == 2
    exact = report["span_f1"]["exact_labeled"]
    assert exact["counts"]["amal|badr"] == {"tp": 2, "a": 3, "b": 3}
    assert exact["pairs"]["amal|badr"] == pytest.approx(2 / 3)
    [worst, best] = documents_by_disagreement(report)
    assert (worst["name"], best["name"]) == ("other", "same")


def test_unfinished_documents_are_left_out(project: Project) -> None:
    other = project.documents()[1].id
    project.set_status(other, "badr", Status.IN_PROGRESS)
    report = project_agreement(project)
    assert report["span_f1"]["exact_labeled"]["pairs"]["amal|badr"] == pytest.approx(1.0)


def test_unknown_or_too_few_annotators_are_refused(project: Project) -> None:
    with pytest.raises(WorkbenchError, match="nobody"):
        project_agreement(project, ["amal", "nobody"])
    with pytest.raises(WorkbenchError, match="two annotators"):
        project_agreement(project, ["amal"])


def test_csv_rows_cover_every_number(project: Project) -> None:
    rows = dict(report_rows(project_agreement(project)))
    assert rows["/span_f1/exact_labeled/pairs/amal|badr"] == pytest.approx(2 / 3)
    assert "/conventions/pair_key" not in rows


def test_the_html_report_has_the_heatmap_labels_and_documents(project: Project) -> None:
    page = agreement_html(project_agreement(project), "Agreement")
    assert page.count("<svg") == 1 and "<rect" in page and "0.667" in page
    assert "PER" in page and "LOC" in page
    assert page.index(">other<") < page.index(">same<")


def test_scores_read_with_three_decimals_and_never_minus_zero() -> None:
    assert [format_score(v) for v in (0.71428, -0.00004, -0.25, None)] == ["0.714", "0.000", "-0.250", "n/a"]


def test_heat_colours() -> None:
    assert heat_colour(None) == "#dddddd"
    assert heat_colour(1.0) != heat_colour(0.0)


def test_cli_json_csv_and_html(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project.path
    project.close()
    html = tmp_path / "r.html"
    assert main(["agreement", str(path), "--json", "--html", str(html)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["span_f1"]["exact_labeled"]["pairs"]["amal|badr"] == pytest.approx(2 / 3)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["agreement", str(path), "--csv", "--annotators", "amal,badr", "--documents", "same"]) == 0
    rows = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert float(rows["/span_f1/exact_labeled/pairs/amal|badr"]) == pytest.approx(1.0)
    assert main(["agreement", str(path)]) == 0
    assert "span F1 exact_labeled" in capsys.readouterr().out


# -- relations and document labels (issue 14, point 6) -----------------------------------------


def linked(
    annotator: str, relation_type: str, labels: dict[str, str | tuple[str, ...]]
) -> AnnotationSet:
    """amal's and badr's sets on TEXT: PER محمد and ORG تنظيم داعش, linked by ``relation_type``."""
    person, group = spans((4, 8, "PER"), (12, 22, "ORG"))
    return AnnotationSet(
        annotator,
        (person, group),
        relations=(Relation(f"{annotator}-r", relation_type, group.id, person.id),),
        document_labels=labels,
    )


@pytest.fixture
def linked_report() -> dict[str, Any]:
    """A report over one document whose relations and document labels the measures read from
    the AnnotatedDocument (whatever the store keeps of them)."""
    document = make_document("linked", TEXT)
    annotated = AnnotatedDocument(document, (
        linked("amal", "near", {"relevance": "yes", "topic": ("war",)}),
        linked("badr", "near", {"relevance": "no", "topic": ("war", "politics")}),
    ))
    names: dict[str, str] = {}
    inputs = [measures_input(annotated, ["amal", "badr"], names)]
    return agreement_report(inputs, ["amal", "badr"], symmetric_relations={"near"})


def test_relations_and_document_labels_reach_the_report(linked_report: dict[str, Any]) -> None:
    assert linked_report["relations"]["exact"]["pairs"]["amal|badr"] == 1.0
    assert linked_report["relations"]["symmetric_types"] == ["near"]
    fields = linked_report["document_labels"]["fields"]
    assert fields["relevance"]["observed_agreement"]["amal|badr"] == 0.0
    assert fields["topic"]["kind"] == "multiple_choice"


def test_project_agreement_passes_the_symmetric_types(project: Project) -> None:
    report = project_agreement(project, symmetric_relations=["near", "affiliated-with"])
    assert report["relations"]["symmetric_types"] == ["affiliated-with", "near"]
    assert set(report) >= {"relations", "document_labels"}


def test_project_agreement_takes_the_symmetric_types_from_the_schema(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.tawsim", builtin_schema("conflict-news")) as project:
        project.add_documents([AnnotatedDocument(make_document("d", "نص"))])
        for annotator in ("amal", "badr"):
            project.set_status(project.documents()[0].id, annotator, Status.DONE)
        report = project_agreement(project)
    assert report["relations"]["symmetric_types"] == ["affiliated-with"]


def test_the_html_report_shows_relations_and_document_labels(linked_report: dict[str, Any]) -> None:
    page = agreement_html(linked_report, "Agreement")
    assert "<h2>Relations by type</h2>" in page and "<h2>Document labels</h2>" in page
    assert "relation F1, exact" in page
    relations = page[page.index("Relations by type"):page.index("<h2>Document labels")]
    assert ">near<" in relations and "symmetric" in relations and "1.000" in relations
    labels = page[page.index("<h2>Document labels"):]
    assert "relevance (single choice)" in labels and "topic (multiple choice)" in labels
    assert "topic = politics" in labels and "topic = war" in labels


def test_the_html_report_says_when_there_are_none(project: Project) -> None:
    page = agreement_html(project_agreement(project), "Agreement")
    assert "No relations." in page and "No document labels." in page


def test_the_summary_lists_relation_f1_and_each_field(linked_report: dict[str, Any]) -> None:
    text = agreement_text(linked_report, as_json=False, as_csv=False)
    assert "relation F1 exact" in text and "relation F1 overlap" in text
    assert "document label relevance: alpha" in text and "document label topic: alpha" in text
    assert '"document_labels"' in agreement_text(linked_report, as_json=True, as_csv=False)
    rows = dict(report_rows(linked_report))
    assert rows["/relations/overlap/pairs/amal|badr"] == 1.0
    assert rows["/document_labels/fields/relevance/observed_agreement/amal|badr"] == 0.0


def test_a_document_none_of_the_annotators_has_a_set_on_is_left_out(project: Project) -> None:
    """By default the report covers the documents any compared annotator has a set on: one
    nobody of them was given (gold's, or untouched) changes no figure, and at 100,000 documents
    with annotators on 10,000 reading the others cost half the time and a third of the memory."""
    project.add_documents([
        AnnotatedDocument(make_document("gold only", TEXT + "  "), (AnnotationSet("gold", spans((4, 8, "PER"))),)),
        AnnotatedDocument(make_document("untouched", TEXT + "   ")),
    ])
    report = project_agreement(project)
    every = project_agreement(project, documents=[d.id for d in project.documents()])
    assert report["documents"] == 2 and every["documents"] == 4
    assert [row["name"] for row in report["per_document"]] == ["same", "other"]
    assert [row["name"] for row in every["per_document"]] == ["same", "other", "gold only", "untouched"]
    same = ("annotators", "finished_documents", "conventions", "span_f1", "alpha_u", "events", "relations",
            "document_labels")
    assert {key: report[key] for key in same} == {key: every[key] for key in same}
    token, every_token = report["token"], every["token"]
    assert {k: v for k, v in token.items() if k not in ("tokens", "fleiss_kappa")} == {
        k: v for k, v in every_token.items() if k not in ("tokens", "fleiss_kappa")
    }
    assert (token["tokens"], every_token["tokens"]) == (18, 36)
    # the untouched documents' tokens were units lacking every value: Fleiss' kappa was undefined
    assert token["fleiss_kappa"] == pytest.approx(0.7037, abs=1e-4) and every_token["fleiss_kappa"] is None
