from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.builders import annotated, event, span_of
from workbench.core.errors import InputError
from workbench.core.model import (
    AnnotatedDocument,
    AnnotationSet,
    Event,
    Span,
    make_document,
    new_id,
)
from workbench.core.schema import Schema
from workbench.formats import brat
from workbench.formats.base import ExportOptions, ImportOptions, StaleSpanError
from workbench.formats.report import FormatReport, Issue

TEXT = (
    "هاجم مسلحون من تنظيم داعش\nقرية في الموصل أمس، وقتلوا خمسة مدنيين 😀.\n"
    "وأعلن التنظيم مسؤوليته عن الهجوم."
)


def claimed_attack() -> AnnotatedDocument:
    attack = span_of(TEXT, "هاجم", "Conflict.Attack")
    isis = span_of(
        TEXT, "تنظيم داعش", "ORG", attributes={"mention_level": "NAM"}, note="الاسم\nالمختصر"
    )
    village = span_of(TEXT, "داعش\nقرية", "LOC")  # crosses a line break
    mosul = span_of(TEXT, "الموصل", "GPE")
    killed = span_of(TEXT, "قتلوا", "Life.Die")
    civilians = span_of(TEXT, "مدنيين", "PER", attributes={"mention_level": "NOM"})
    claimed = span_of(TEXT, "أعلن", "Conflict.Claim-Responsibility")
    group = span_of(TEXT, "التنظيم", "ORG", attributes={"mention_level": "NOM"})
    attack_event = event("Conflict.Attack", attack, Attacker=isis, Place=mosul)
    attack_event = Event(
        attack_event.id, attack_event.type, attack_event.trigger_span_id, attack_event.arguments,
        {"attack_method": "armed_assault", "polarity": "POSITIVE"},
    )  # fmt: skip
    die = event("Life.Die", killed, Victim=civilians, Place=mosul)
    claim = event(
        "Conflict.Claim-Responsibility", claimed, Claimant=group, ClaimedEvent=attack_event
    )
    spans = [attack, isis, village, mosul, killed, civilians, claimed, group]
    return annotated(TEXT, spans, [attack_event, die, claim], name="news/1")


def span_key(document: AnnotatedDocument, span_id: str) -> tuple[int, int, str]:
    span = next(s for s in document.sets[0].spans if s.id == span_id)
    return span.start, span.end, span.label


def event_key(document: AnnotatedDocument, event: Event) -> tuple[object, ...]:
    events = {e.id: e for e in document.sets[0].events}

    def filler(argument_span: str | None, argument_event: str | None) -> object:
        if argument_span is not None:
            return span_key(document, argument_span)
        return ("event", span_key(document, events[argument_event].trigger_span_id))  # type: ignore[index]

    return (
        event.type,
        span_key(document, event.trigger_span_id),
        tuple((a.role, filler(a.span_id, a.event_id)) for a in event.arguments),
        tuple(sorted(event.attributes.items())),
    )


def export_and_import(
    documents: list[AnnotatedDocument], schema: Schema, tmp_path: Path
) -> list[AnnotatedDocument]:
    brat.write(documents, tmp_path / "brat", ExportOptions(schema=schema))
    return list(brat.read([tmp_path / "brat"], ImportOptions(schema=schema)))


# ---- round trip -------------------------------------------------------------------------------


def test_export_then_import_gives_the_same_spans_events_and_attributes(
    conflict_news: Schema, tmp_path: Path
) -> None:
    original = claimed_attack()
    [back] = export_and_import([original], conflict_news, tmp_path)

    assert back.document.text == original.document.text

    def spans(document: AnnotatedDocument) -> set[tuple[object, ...]]:
        return {
            (s.start, s.end, s.label, s.text, tuple(sorted(s.attributes.items())))
            for s in document.sets[0].spans
        }

    assert spans(back) == spans(original)
    assert {event_key(back, e) for e in back.sets[0].events} == {
        event_key(original, e) for e in original.sets[0].events
    }
    note = next(s.note for s in back.sets[0].spans if s.text == "تنظيم داعش")
    assert note == "الاسم المختصر"  # brat notes are one line


def test_the_files_hold_the_text_exactly_and_the_annotations_in_brat_form(
    conflict_news: Schema, tmp_path: Path
) -> None:
    report = FormatReport()
    brat.write([claimed_attack()], tmp_path, ExportOptions(schema=conflict_news), report=report)

    assert (tmp_path / "news_1.txt").read_bytes() == TEXT.encode("utf-8")
    ann = (tmp_path / "news_1.ann").read_text(encoding="utf-8").split("\n")
    assert "T1\tConflict_Attack 0 4\tهاجم" in ann
    village = TEXT.index("داعش\nقرية")
    assert f"T3\tLOC {village} {village + 4};{village + 5} {village + 9}\tداعش قرية" in ann
    assert "E1\tConflict_Attack:T1 Attacker:T2 Place:T4" in ann
    assert any(
        line.startswith("E3\tConflict_Claim-Responsibility:T7 Claimant:T8 ClaimedEvent:E1")
        for line in ann
    )
    assert any(line.endswith("\tmention_level T2 NAM") for line in ann)
    assert any(line.endswith("\tattack_method E1 armed_assault") for line in ann)
    assert "#1\tAnnotatorNotes T2\tالاسم المختصر" in ann
    assert report.counts == {Issue.FLATTENED_NOTE: 1}


def test_annotation_conf_is_made_from_the_schema(conflict_news: Schema, tmp_path: Path) -> None:
    brat.write([], tmp_path, ExportOptions(schema=conflict_news))
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    sections = [line for line in conf.split("\n") if line.startswith("[")]
    assert sections == ["[entities]", "[relations]", "[events]", "[attributes]"]
    lines = conf.split("\n")
    assert "PER" in lines and "NAMED_EVENT" in lines
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in lines
    claim = next(line for line in lines if line.startswith("Conflict_Claim-Responsibility\t"))
    assert "Claimant+:ORG|PER|NORP" in claim
    assert "ClaimedEvent*:Conflict_Attack|Conflict_Abduct|Life_Die|Life_Injure" in claim
    assert any(
        line.startswith("mention_level\tArg:PER|ORG|") and line.endswith("Value:NAM|NOM|PRO")
        for line in lines
    )
    assert (tmp_path / "visual.conf").is_file()


def test_a_repeated_role_is_numbered_as_brat_does_and_read_back(
    conflict_news: Schema, tmp_path: Path
) -> None:
    text = "قتل محمد وعلي"
    killed, first, second = (
        span_of(text, "قتل", "Life.Die"),
        span_of(text, "محمد", "PER"),
        span_of(text, "علي", "PER"),
    )
    die = Event(new_id(), "Life.Die", killed.id, (
        *event("Life.Die", killed, Victim=first).arguments,
        *event("Life.Die", killed, Victim=second).arguments,
    ))  # fmt: skip
    [back] = export_and_import(
        [annotated(text, [killed, first, second], [die])], conflict_news, tmp_path
    )
    ann = (tmp_path / "brat" / "doc.ann").read_text(encoding="utf-8")
    assert "Victim:T2 Victim2:T3" in ann
    assert [a.role for a in back.sets[0].events[0].arguments] == ["Victim", "Victim"]


def test_several_annotators_get_a_pair_of_files_each(conflict_news: Schema, tmp_path: Path) -> None:
    text = "زار محمد بغداد"
    sets = (
        AnnotationSet("zainab", spans=(span_of(text, "محمد", "PER"),)),
        AnnotationSet("ali", spans=(span_of(text, "بغداد", "GPE"),)),
    )
    documents = [
        AnnotatedDocument(make_document("doc", text), sets),
        annotated(text, name="report/1"),
        annotated(text, name="REPORT:1"),
    ]
    brat.write(documents, tmp_path, ExportOptions(schema=conflict_news))
    names = sorted(path.name for path in tmp_path.glob("*.ann"))
    # safe for every file system, and unique whatever the letter case
    assert names == ["REPORT_1-2.ann", "doc@ali.ann", "doc@zainab.ann", "report_1.ann"]


def test_a_split_puts_documents_in_subfolders(conflict_news: Schema, tmp_path: Path) -> None:
    documents = [annotated("زار محمد بغداد", name=f"d{n}") for n in range(10)]
    brat.write(documents, tmp_path, ExportOptions(schema=conflict_news, split=(80, 10, 10)))
    counts = {
        folder: len(list((tmp_path / folder).glob("*.ann")))
        for folder in ("train", "validation", "test")
    }
    assert counts == {"train": 8, "validation": 1, "test": 1}
    assert (tmp_path / "annotation.conf").is_file()


def test_a_stale_span_is_refused(conflict_news: Schema, tmp_path: Path) -> None:
    stale = Span(new_id(), 0, 3, "PER", "علي")
    with pytest.raises(StaleSpanError, match=stale.id):
        brat.write([annotated("زار محمد", [stale])], tmp_path, ExportOptions(schema=conflict_news))


# ---- import -----------------------------------------------------------------------------------


def write_pair(folder: Path, text: str | bytes, ann: str, name: str = "doc") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    txt = folder / f"{name}.txt"
    if isinstance(text, bytes):
        txt.write_bytes(text)
    else:
        txt.write_text(text, encoding="utf-8", newline="")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder / f"{name}.ann"


def read_one(path: Path, schema: Schema, report: FormatReport | None = None) -> AnnotatedDocument:
    [document] = brat.read([path], ImportOptions(schema=schema), report=report)
    return document


def test_crlf_text_is_read_with_brats_offsets(conflict_news: Schema, tmp_path: Path) -> None:
    ann = write_pair(tmp_path, "سطر\r\nزار محمد بغداد", "T1\tPER 9 13\tمحمد\n")
    document = read_one(ann, conflict_news)
    assert document.document.text == "سطر\nزار محمد بغداد"
    [span] = document.sets[0].spans
    assert (span.start, span.end, span.text) == (8, 12, "محمد")


def test_an_event_note_goes_to_its_trigger_and_relations_are_counted(
    conflict_news: Schema, tmp_path: Path
) -> None:
    ann = write_pair(
        tmp_path,
        "قتل محمد",
        "T1\tLife_Die 0 3\tقتل\nT2\tPER 4 8\tمحمد\nE1\tLife_Die:T1 Victim:T2\n"
        "#1\tAnnotatorNotes E1\tغير مؤكد\nR1\tKin Arg1:T2 Arg2:T2\nA1\tpolarity E1 NEGATIVE\n",
    )
    report = FormatReport()
    document = read_one(ann, conflict_news, report)
    trigger = next(s for s in document.sets[0].spans if s.label == "Life.Die")
    assert trigger.note == "غير مؤكد"
    assert document.sets[0].events[0].attributes == {"polarity": "NEGATIVE"}
    assert report.counts == {Issue.SKIPPED_ANNOTATION: 1}
    assert f"{ann}, line 5" in report.messages[0]


def test_whitespace_between_pieces_is_joined_and_counted(
    conflict_news: Schema, tmp_path: Path
) -> None:
    ann = write_pair(tmp_path, "مدينة\nالموصل", "T1\tLOC 0 5;6 12\tمدينة الموصل\n")
    report = FormatReport()
    [span] = read_one(ann, conflict_news, report).sets[0].spans
    assert (span.start, span.end, span.text) == (0, 12, "مدينة\nالموصل")
    assert report.counts == {Issue.JOINED_FRAGMENTS: 1}


@pytest.mark.parametrize(
    ("ann", "line", "problem"),
    [
        ("T1\tPER 4 8\tمحمد\nT2\tPER 9 40\tبغداد\n", 2, "outside the text"),
        ("T1\tPER 0 3\tمحمد\n", 1, "is 'زار', not 'محمد'"),
        ("T1\tLOC 0 3;9 14\tزار بغداد\n", 1, "discontinuous"),
        ("T1\tPER 4 8\tمحمد\nT2\tCITY 9 14\tبغداد\n", 2, "unknown label 'CITY'"),
        (
            "T1\tLife_Die 0 3\tزار\nT2\tPER 4 8\tمحمد\nE1\tLife_Die:T1 Killer:T2\n",
            3,
            "no role 'Killer'",
        ),
        ("T1\tLife_Die 0 3\tزار\nE1\tLife_Die:T1 Victim:T9\n", 2, "T9 is not a T or E id"),
        ("T1\tPER 4 8\tمحمد\nA1\tmention_level T1 SOMEONE\n", 2, "cannot be 'SOMEONE'"),
        ("T1\tPER 4 8\tمحمد\nX1\twhat\n", 2, "not a brat id"),
        ("T1\tPER 4 8\n", 1, "expected T<n>"),
        ("T1\tPER 4 8\tمحمد\nT1\tGPE 9 14\tبغداد\n", 2, "used twice"),
    ],
)
def test_bad_annotations_are_refused_naming_file_and_line(
    conflict_news: Schema, tmp_path: Path, ann: str, line: int, problem: str
) -> None:
    path = write_pair(tmp_path, "زار محمد بغداد", ann)
    with pytest.raises(InputError, match=problem) as caught:
        read_one(path, conflict_news)
    assert str(caught.value).startswith(f"{path}, line {line}: ")


def test_a_missing_text_and_a_wrong_encoding_are_refused(
    conflict_news: Schema, tmp_path: Path
) -> None:
    lone = tmp_path / "lone.ann"
    lone.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"lone\.txt: not found"):
        read_one(lone, conflict_news)

    path = write_pair(tmp_path / "cp1256", "زار محمد".encode("cp1256"), "")
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_one(path, conflict_news)
