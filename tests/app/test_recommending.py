"""Suggestions from the project's own annotations (issue 15): the reserved set, accept and reject
through commands, the stored CRF model, packages, throughput, and the CLI."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.core.recommenders.test_crf_and_command import training_set
from workbench.app import recommender_evaluation, recommending
from workbench.app.changes import AddSpans, SetStatus
from workbench.app.recommender_evaluation import evaluate_project
from workbench.app.recommending import (
    AcceptSuggestions,
    Filled,
    RejectSuggestion,
    accept_above,
    crf_model,
    fill_suggestions,
    suggestions_on,
)
from workbench.app.suggestions import names_nest
from workbench.core.model import (
    GOLD,
    SUGGESTIONS,
    AnnotatedDocument,
    AnnotationSet,
    Span,
    Status,
    make_document,
    new_id,
)
from workbench.core.recommenders import Recommendation, TrainingDocument
from workbench.core.recommenders.crf import CrfTagger, contexts_of, train_crf
from workbench.core.recommenders.crf_process import train_crf_apart
from workbench.core.schema import builtin_schema
from workbench.store import migrations
from workbench.store.inspection import project_stats
from workbench.store.packages import assign, write_package
from workbench.store.project import Project
from workbench.store.recommending import load_model, project_texts, store_suggestions, suggestion_spans
from workbench.store.throughput import log_action, throughput

NEW_TEXT = "وصل كريم إلى بيروت أمس ثم والموصل"


def gold_document(text: str, spans: list[tuple[int, int, str]], name: str) -> AnnotatedDocument:
    gold = tuple(Span(new_id(), s, e, label, text[s:e]) for s, e, label in spans)
    return AnnotatedDocument(make_document(name, text), (AnnotationSet(GOLD, gold, status=Status.DONE),))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = Project.create(tmp_path / "p.tawsim", builtin_schema("generic"))
    project.add_documents(
        gold_document(d.text, list(d.spans), f"gold{i}") for i, d in enumerate(training_set())
    )
    project.add_documents([AnnotatedDocument(make_document("new", NEW_TEXT))])
    assign(project, "amal", [d.id for d in project.documents()][-1:])
    yield project
    with contextlib.suppress(sqlite3.ProgrammingError):  # a test closed it
        project.close()


def new_document(project: Project) -> str:
    return project.documents()[-1].id


def suggested(project: Project) -> set[tuple[str, str, str]]:
    return {
        (s.text, s.label, s.attributes["recommender"]) for s in suggestion_spans(project, new_document(project))
    }


def test_suggestions_fill_the_reserved_set_which_is_nobodys_work(project: Project) -> None:
    fill_suggestions(project, annotator="amal", names=["strings"])
    assert ("والموصل", "LOC", "strings") in suggested(project)  # الموصل labelled in gold
    filled = fill_suggestions(project, annotator="amal")
    assert filled.documents == 1 and filled.suggestions > 0
    assert ("والموصل", "LOC", "crf") in suggested(project)  # the CRF found it: not twice
    assert ("بيروت", "LOC", "crf") in suggested(project)
    assert SUGGESTIONS not in project.annotators()
    every = project.annotated_document(new_document(project), "all")
    assert [s.annotator for s in every.sets] == ["amal"]
    assert project.annotation_set(new_document(project), "amal").spans == ()  # type: ignore[union-attr]
    stats = project_stats(project)
    assert stats["suggestions"] == filled.suggestions and stats["spans"] == sum(
        len(d.spans) for d in training_set()
    )


def offered_to(project: Project, annotator: str) -> set[str]:
    """The ids of the stored suggestions the window shows ``annotator`` on the new document."""
    return {s.id for s in suggestions_on(project, new_document(project), annotator)}


def test_accepting_labels_a_suggestion_for_the_annotator_alone_and_undo_takes_the_span_away(
    project: Project,
) -> None:
    """The suggestion stays in the reserved set: another annotator of the project is still
    offered it, and ``--source suggestions`` keeps what the recommenders suggested."""
    fill_suggestions(project, annotator="amal")
    document = new_document(project)
    [mosul] = [s for s in suggestion_spans(project, document) if s.text == "والموصل"]
    command = AcceptSuggestions(document, "amal", (mosul.id,), label="MISC")
    change = command.apply(project)
    assert [(s.text, s.label) for s in change.added] == [("والموصل", "MISC")]
    assert mosul.id not in offered_to(project, "amal")
    assert mosul.id in offered_to(project, "badr")
    assert mosul.id in {s.id for s in suggestion_spans(project, document)}
    command.revert(project)
    assert project.annotation_set(document, "amal").spans == ()  # type: ignore[union-attr]
    assert mosul.id in offered_to(project, "amal")
    command.apply(project)
    assert throughput(project)["actions"]["accept"] == 1  # redo is not new work


def test_a_rejected_suggestion_is_not_suggested_again(project: Project) -> None:
    fill_suggestions(project, annotator="amal")
    document = new_document(project)
    [mosul] = [s for s in suggestion_spans(project, document) if s.text == "والموصل"]
    RejectSuggestion(document, "amal", mosul.id).apply(project)
    assert project.rejected_suggestions(document, "amal") == {(mosul.start, mosul.end, "LOC")}
    assert mosul.id not in offered_to(project, "amal")
    assert mosul.id in offered_to(project, "badr")
    fill_suggestions(project, annotator="amal")
    assert ("والموصل", "LOC") not in {(t, label) for t, label, _ in suggested(project)}


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_undo_after_a_fill_gives_the_suggestion_back(project: Project, decision: str) -> None:
    """A fill for the annotator leaves out what they accepted or rejected; undoing their
    decision afterwards puts the suggestion back, as the window showed it."""
    fill_suggestions(project, annotator="amal")
    document = new_document(project)
    [mosul] = [s for s in suggestion_spans(project, document) if s.text == "والموصل"]
    command: AcceptSuggestions | RejectSuggestion = (
        AcceptSuggestions(document, "amal", (mosul.id,))
        if decision == "accept"
        else RejectSuggestion(document, "amal", mosul.id)
    )
    command.apply(project)
    fill_suggestions(project, annotator="amal")
    assert mosul.id not in {s.id for s in suggestion_spans(project, document)}
    command.revert(project)
    assert mosul.id in offered_to(project, "amal")


def test_bulk_accept_takes_only_suggestions_above_the_threshold(project: Project) -> None:
    fill_suggestions(project, annotator="amal")
    document = new_document(project)
    scores = {s.id: s.attributes["score"] for s in suggestion_spans(project, document)}
    threshold = sorted(scores.values())[len(scores) // 2]
    change = accept_above(project, document, "amal", threshold).apply(project)
    assert len(change.added) == sum(1 for v in scores.values() if v >= threshold)
    assert all(scores[span_id] < threshold for span_id in offered_to(project, "amal"))
    assert offered_to(project, "badr") == set(scores)


def test_a_suggestion_of_another_document_or_a_plain_span_is_refused(project: Project) -> None:
    document = new_document(project)
    [span] = AddSpans(document, "amal", [(4, 8)], "PER").apply(project).added
    with pytest.raises(Exception, match="not a suggestion"):
        AcceptSuggestions(document, "amal", (span.id,)).apply(project)


def test_the_crf_model_is_stored_retrained_when_enough_documents_are_done_and_packaged(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = crf_model(project)
    assert model is not None and load_model(project, "crf") == (model.data, 12)
    project.close()
    with Project.open(project.path) as reopened:
        assert recommending.needs_training(reopened) is False
        assert crf_model(reopened) == model
        monkeypatch.setattr(recommending, "RETRAIN_AFTER", 1)
        reopened.add_documents([gold_document("جاء سعيد إلى دمشق", [(4, 8, "PER"), (13, 17, "LOC")], "g13")])
        assert recommending.needs_training(reopened) is True
        assert crf_model(reopened).documents == 13  # type: ignore[union-attr]
        write_package(reopened, "amal", tmp_path / "amal.tawsim")
    with Project.open(tmp_path / "amal.tawsim", readonly=True) as package:
        assert load_model(package, "crf")[1] == 13  # type: ignore[index]


def test_the_crf_learns_and_suggests_with_the_company_words_keep_in_every_text_of_the_project(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ثم stands only in the unlabelled document, before والموصل: the model is trained, and
    suggests, knowing it."""
    seen: list[Any] = []
    trained, recommend = train_crf_apart, CrfTagger.recommend

    def train(documents: Any, contexts: Any, cancelled: Any) -> Any:
        seen.append(contexts)
        return trained(documents, contexts, cancelled)

    def tag(tagger: CrfTagger, sentences: Any, gazetteer: Any, contexts: Any) -> Any:
        seen.append(contexts)
        return recommend(tagger, sentences, gazetteer, contexts)

    monkeypatch.setattr(recommending, "train_crf_apart", train)
    monkeypatch.setattr(CrfTagger, "recommend", tag)
    fill_suggestions(project, annotator="amal")
    assert len(seen) == 2 and all(contexts["ثم"] == ("cb=امس", "ca=موصل") for contexts in seen)


def test_the_company_of_words_is_learnt_from_the_first_texts_of_a_large_project(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read whole, a project of 10,000 documents took 28 s at each fill, every text in memory:
    only the first ``CONTEXT_CHARACTERS`` are read, one text at a time."""
    texts = [text for (text,) in project.conn.execute("SELECT text FROM documents ORDER BY ord")]
    monkeypatch.setattr(recommending, "CONTEXT_CHARACTERS", len(texts[0]) + 3)
    read = list(project_texts(project, recommending.CONTEXT_CHARACTERS))
    assert read == [texts[0], texts[1][:3]]
    whole = contexts_of(texts[:1])
    assert recommending.project_contexts(project) == contexts_of(read) != contexts_of(texts)
    assert set(whole) <= set(recommending.project_contexts(project))


def test_the_recommenders_learn_from_the_first_training_documents_of_a_large_project(
    project: Project, monkeypatch: pytest.MonkeyPatch, documents_read: list[str]
) -> None:
    """Every training document was read at each fill, and the CRF trained on all of them (a
    project of 10,000 imported as gold: minutes, every text in memory): they learn from the
    first ``TRAINING_CHARACTERS``. A string labelled only beyond is still found, as a string
    alone; whether to train again is counted, not read."""
    project.add_documents([gold_document("وصل زياد إلى صيدا أمس", [(4, 8, "PER"), (13, 17, "LOC")], "g13")])
    first = [d.text for d in training_set()[:2]]
    monkeypatch.setattr(recommending, "TRAINING_CHARACTERS", len(first[0]) + len(first[1]))
    assert recommending.needs_training(project) and documents_read == []
    trained: list[list[str]] = []

    def train(documents: Sequence[TrainingDocument], contexts: Any, cancelled: Any) -> Any:
        trained.append([d.text for d in documents])
        return train_crf_apart(documents, contexts, cancelled)

    monkeypatch.setattr(recommending, "train_crf_apart", train)
    recommend = recommending.recommenders_for(project, ["strings", "crf"])["crf"]  # with the strings
    assert trained == [first] and load_model(project, "crf")[1] == 13  # type: ignore[index]
    assert len(documents_read) == 2  # one sample, for the gazetteer and the CRF
    visit = "زار زياد صيدا وبيروت"
    found = {(visit[r.start : r.end], r.label) for r in recommend(visit)}
    assert {("زياد", "PER"), ("صيدا", "LOC")} <= found
    documents_read.clear()
    assert not recommending.needs_training(project) and documents_read == []


def test_the_crf_is_trained_again_after_each_document_while_few_are_done() -> None:
    few, many = recommending.RETRAIN_EACH_BELOW, recommending.RETRAIN_EACH_BELOW + 1
    assert recommending.retrain_due(2, 1) and recommending.retrain_due(few - 1, few - 2)
    assert not recommending.retrain_due(many, many - 1)
    assert recommending.retrain_due(many, many - recommending.RETRAIN_AFTER)


def test_throughput_counts_actions_per_annotator_from_the_commands_and_the_log(project: Project) -> None:
    document = new_document(project)
    AddSpans(document, "amal", [(4, 8)], "PER").apply(project)
    SetStatus(document, "amal", Status.IN_PROGRESS, Status.DONE).apply(project)
    logged = throughput(project)["annotators"]["amal"]["actions"]
    assert (logged["create"], logged["done"]) == (1, 1)
    other = project.documents()[0].id
    for at, action, doc in [(0, "accept", document), (30, "accept", document), (60, "reject", document),
                            (90, "done", document), (100, "create", other), (1000, "create", other),
                            (1060, "done", other)]:
        log_action(project, "badr", doc, action, at=at)
    badr = throughput(project)["annotators"]["badr"]
    assert badr["suggestion_acceptance"] == pytest.approx(2 / 3, abs=1e-4)
    assert badr["active_hours"] == pytest.approx((90 + 10 + 300 + 60) / 3600, abs=1e-4)  # 900 s idle capped at 300
    assert badr["seconds_per_document_with_suggestions"] == 90
    assert badr["seconds_per_document_without_suggestions"] == 360
    assert badr["documents_per_hour"] == pytest.approx(2 / ((90 + 10 + 300 + 60) / 3600), rel=1e-3)


def test_a_format_2_file_gains_the_recommender_tables_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.tawsim"
    with monkeypatch.context() as old_program:
        old_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        with Project.create(path, builtin_schema("generic")) as old:
            old.add_documents([gold_document("في بغداد", [(3, 8, "LOC")], "d")])
    with Project.open(path, readonly=True) as read_only:  # stats still read an old file
        assert project_stats(read_only)["throughput"]["actions"]["create"] == 0
    with Project.open(path) as project:
        assert migrations.file_version(project.conn) == migrations.format_version()
        assert crf_model(project) is not None
    backup = sqlite3.connect(migrations.backup_path(path, 2))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    backup.close()


def test_nothing_is_trained_when_no_document_is_left_to_suggest_for(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``workbench recommend`` on a project whose documents are all done trained the CRF for
    nothing: 23 s on 10,000 documents."""
    new = new_document(project)
    project.set_status(new, "amal", Status.DONE)

    def no_training(*_: object, **__: object) -> None:
        raise AssertionError("a recommender was made")

    monkeypatch.setattr(recommending, "recommenders_for", no_training)
    assert fill_suggestions(project, annotator="amal") == Filled(0, 0, {})
    assert fill_suggestions(project, document_ids=[]) == Filled(0, 0, {})
    project.close()
    code, out, _ = run_cli(capsys, "recommend", project.path, "--annotator", "amal")
    assert (code, out) == (0, "no document to suggest for: none assigned to amal is left to do\n")
    code, out, _ = run_cli(capsys, "recommend", project.path)
    assert (code, out) == (0, "no document to suggest for: every document is done\n")


def test_the_cli_fills_exports_and_evaluates(
    project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project.close()
    code, out, _ = run_cli(capsys, "recommend", project.path, "--annotator", "amal", "--recommender", "strings")
    assert code == 0 and "suggestions on 1 document (strings " in out
    suggestions = tmp_path / "s.jsonl"
    code, out, _ = run_cli(
        capsys, "export", project.path, suggestions, "--format", "jsonl", "--source", "suggestions"
    )
    assert code == 0
    exported = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(span["text"] == "والموصل" for d in exported for span in d["spans"])
    code, out, _ = run_cli(capsys, "recommend", project.path, "--evaluate", "--json")
    report = json.loads(out)
    assert code == 0 and set(report["recommenders"]) == {"strings", "crf", "strings+crf"}
    assert report["recommenders"]["crf"][-1]["training_documents"] == 10
    with pytest.raises(SystemExit) as usage:
        run_cli(capsys, "recommend", project.path, "--recommender", "command")
    assert usage.value.code == 2 and "--command" in capsys.readouterr().err
    code, _, err = run_cli(capsys, "recommend", project.path, "--recommender", "command", "--command", "/no/such")
    assert code == 1 and err.count("\n") == 1 and "cannot run it" in err
    code, out, _ = run_cli(capsys, "recommend", project.path, "--evaluate")
    assert code == 0 and "strings+crf:" in out and "held out" in out.splitlines()[0]
    with pytest.raises(SystemExit) as usage:
        run_cli(capsys, "recommend", project.path, "--json")
    assert usage.value.code == 2
    code, out, _ = run_cli(capsys, "stats", project.path, "--json")
    assert "throughput" in json.loads(out)


def test_the_evaluation_trains_a_points_crf_once_for_both_recommenders_that_read_it(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"crf" and "strings+crf" read the same model: ``recommend --evaluate`` trained it twice a
    point (with the gazetteers of its halves)."""
    trained_on: list[int] = []
    def counted_training(documents: Sequence[TrainingDocument], contexts: Any) -> Any:
        trained_on.append(len(documents))
        return train_crf(documents, contexts)

    monkeypatch.setattr(recommender_evaluation, "train_crf", counted_training)
    together = evaluate_project(project, ["crf", "strings+crf"])
    sizes = [point["training_documents"] for point in together["recommenders"]["crf"]]
    assert trained_on == sizes
    for name in ("crf", "strings+crf"):
        alone = evaluate_project(project, [name])
        assert alone["recommenders"][name] == together["recommenders"][name]


def test_the_evaluation_reads_as_much_as_the_recommenders_learn_from_and_a_fifth_more(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read whole, a project of 2,000 documents was evaluated in 23 minutes with a peak of 1 GB,
    training the CRF on 1,600 documents, which the program never does (``TRAINING_CHARACTERS``)."""
    texts = [d.text for d in training_set()]
    monkeypatch.setattr(recommender_evaluation, "EVALUATED_CHARACTERS", sum(map(len, texts[:5])))
    report = evaluate_project(project, ["strings"])
    assert (report["documents"], report["documents_read"], report["annotated_documents"]) == (5, 5, 12)
    assert report["characters_read"] == sum(map(len, texts[:5]))
    assert report["held_out"] == 1 and report["recommenders"]["strings"][-1]["training_documents"] == 4
    heading = recommender_evaluation.evaluation_text(report).splitlines()[0]
    assert heading.startswith("the first 5 of 12 annotated documents (")


def test_the_annotators_own_work_in_progress_is_in_the_gazetteer(project: Project) -> None:
    other = project.add_documents([AnnotatedDocument(make_document("other", "زار كريم المدينة"))])
    assert other.documents_added == 1
    first, second = [d.id for d in project.documents()][-2:]
    assign(project, "amal", [second])
    AddSpans(first, "amal", [(4, 8)], "PER").apply(project)  # كريم, in a document not done
    fill_suggestions(project, annotator="amal", names=["strings"])
    found = {(s.text, s.label) for s in suggestion_spans(project, second)}
    assert ("كريم", "PER") in found


def test_strings_and_the_crf_fill_as_one_recommender(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """As evaluated (strings+crf): the gazetteer's match only where the CRF found nothing
    overlapping it."""
    monkeypatch.setattr(CrfTagger, "recommend", lambda *_: [])  # a model that finds nothing
    fill_suggestions(project, annotator="amal")
    assert suggested(project) == {("بيروت", "LOC", "strings"), ("والموصل", "LOC", "strings")}
    found = [Recommendation(13, 18, "LOC", 0.9, "crf"), Recommendation(23, 33, "PER", 0.9, "crf")]
    monkeypatch.setattr(CrfTagger, "recommend", lambda *_: found)
    filled = fill_suggestions(project, annotator="amal")
    assert suggested(project) == {("بيروت", "LOC", "crf"), ("ثم والموصل", "PER", "crf")}
    assert filled.by_recommender == {"strings": 0, "crf": 2}


def test_fill_takes_the_documents_the_window_lists(project: Project) -> None:
    """The window lists every document, assigned or not: it names the ones to fill."""
    unassigned = project.documents()[0].id
    filled = fill_suggestions(project, annotator="badr", document_ids=[unassigned])
    assert filled.documents == 1
    assert fill_suggestions(project, annotator="badr").documents == 0  # nothing assigned to badr


def test_in_document_suggestions_are_logged_as_accepted_and_rejected(project: Project) -> None:
    from workbench.app.suggestions import reject_in_document
    from workbench.core.suggestions import Suggestion

    document = new_document(project)
    AddSpans(document, "amal", [(0, 3)], "LOC", action="accept").apply(project)
    reject_in_document(project, document, "amal", Suggestion(4, 8, "PER"))
    assert project.rejected_suggestions(document, "amal") == {(4, 8, "PER")}
    actions = throughput(project)["actions"]
    assert (actions["create"], actions["accept"], actions["reject"]) == (0, 1, 1)


def test_a_suggestion_inside_an_annotators_span_stays_only_where_the_projects_names_nest(
    project: Project,
) -> None:
    document = new_document(project)
    store_suggestions(project, document, [Recommendation(13, 18, "LOC", 0.9, "crf")])  # بيروت
    AddSpans(document, "amal", [(9, 18)], "ORG").apply(project)  # إلى بيروت
    assert not names_nest(project)  # the gold's names never overlap
    assert suggestions_on(project, document, "amal") == []
    gold = project.documents()[0]
    place = next(s for s in project.annotation_set(gold.id, GOLD).spans if s.label == "LOC")  # type: ignore[union-attr]
    project.add_span(gold.id, GOLD, place.start - 4, place.end, "ORG")  # a name around a place
    assert names_nest(project)
    assert [(s.start, s.end, s.label) for s in suggestions_on(project, document, "amal")] == [(13, 18, "LOC")]


def test_bulk_accept_takes_only_the_suggestions_the_window_shows(project: Project) -> None:
    document = new_document(project)
    found = [Recommendation(4, 8, "PER", 0.9, "crf"), Recommendation(13, 18, "LOC", 0.9, "crf")]
    store_suggestions(project, document, found)  # كريم, بيروت
    AddSpans(document, "amal", [(13, 22)], "LOC").apply(project)  # بيروت أمس: hides بيروت
    change = accept_above(project, document, "amal", 0.5).apply(project)
    assert [(s.start, s.end, s.label) for s in change.added] == [(4, 8, "PER")]


def test_a_suggestion_read_before_a_fill_is_accepted_after_it(project: Project) -> None:
    """A fill (a document marked done fills the rest in the background) rewrites the reserved
    set while the window holds the ids it read: the suggestions it finds again keep their ids,
    so the annotator's Enter on one still accepts it."""
    fill_suggestions(project, annotator="amal")
    document = new_document(project)
    read_by_the_window = {s.text: s.id for s in suggestions_on(project, document, "amal")}
    fill_suggestions(project, annotator="amal")
    change = AcceptSuggestions(document, "amal", (read_by_the_window["بيروت"],)).apply(project)
    assert [s.text for s in change.added] == ["بيروت"]
    assert {s.id for s in suggestion_spans(project, document)} == set(read_by_the_window.values())


def test_accepting_a_suggestion_whose_span_the_annotator_has_logs_no_acceptance(project: Project) -> None:
    """The window can still show a suggestion the annotator has just labelled by hand (its build
    read before): Enter on it adds nothing, and the acceptance rate must not count it."""
    document = new_document(project)
    store_suggestions(project, document, [Recommendation(4, 8, "PER", 0.9, "crf")])  # كريم
    [suggestion] = suggestion_spans(project, document)
    AddSpans(document, "amal", [(4, 8)], "PER").apply(project)
    change = AcceptSuggestions(document, "amal", (suggestion.id,)).apply(project)
    assert change.added == ()
    assert throughput(project)["actions"]["accept"] == 0


def test_a_bulk_accept_and_its_log_are_one_transaction(project: Project) -> None:
    fill_suggestions(project, annotator="amal")
    document = new_document(project)
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    change = accept_above(project, document, "amal", 0.0).apply(project)
    project.conn.set_trace_callback(None)
    assert len(change.added) > 1
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE"]
    assert throughput(project)["actions"]["accept"] == len(change.added)


def test_the_texts_company_is_read_once_and_only_for_a_model(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading it takes about a second per million characters: a project with nothing to
    learn from yet fills with the strings alone, and one due for training reads it once for
    the training and the suggestions both."""
    read: list[str] = []
    reading = recommending.project_contexts

    def counted(opened: Project) -> Mapping[str, Sequence[str]]:
        read.append(opened.path.name)
        return reading(opened)

    monkeypatch.setattr(recommending, "project_contexts", counted)
    with Project.create(tmp_path / "empty.tawsim", builtin_schema("generic")) as empty:
        empty.add_documents([AnnotatedDocument(make_document("new", NEW_TEXT))])
        assert set(recommending.recommenders_for(empty, ["strings", "crf"])) == {"strings"}
    assert read == []
    assert recommending.needs_training(project)
    assert set(recommending.recommenders_for(project, ["strings", "crf"])) == {"crf"}
    assert read == ["p.tawsim"]
