from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.formats.builders import annotated, event, span_of
from workbench.core.errors import WorkbenchError
from workbench.core.model import AnnotatedDocument, Argument, Event, new_id
from workbench.core.schema import Schema
from workbench.formats import textee
from workbench.formats.base import ExportOptions

TEXT = "هاجم مسلحون من تنظيم داعش قرية في الموصل. قتل خمسة مدنيين. وأعلن التنظيم مسؤوليته."


def attack_story(*, with_claim: bool = True) -> AnnotatedDocument:
    """An attack, deaths and (with_claim) a claim of the attack, one sentence each."""
    attack = span_of(TEXT, "هاجم", "Conflict.Attack")
    isis = span_of(TEXT, "تنظيم داعش", "ORG")
    mosul = span_of(TEXT, "الموصل", "GPE")
    killed = span_of(TEXT, "قتل", "Life.Die")
    civilians = span_of(TEXT, "مدنيين", "PER")
    claimed = span_of(TEXT, "وأعلن", "Conflict.Claim-Responsibility")
    group = span_of(TEXT, "التنظيم", "ORG")
    attack_event = event("Conflict.Attack", attack, Attacker=isis, Place=mosul)
    die = event("Life.Die", killed, Victim=civilians)
    claim = event(
        "Conflict.Claim-Responsibility", claimed, Claimant=group, ClaimedEvent=attack_event
    )
    spans = [attack, isis, mosul, killed, civilians, claimed, group]
    events = [attack_event, die, claim] if with_claim else [attack_event, die]
    return annotated(TEXT, spans, events, name="story")


def windows(documents: list[AnnotatedDocument], schema: Schema, out: Path) -> list[dict[str, Any]]:
    textee.write(documents, out, ExportOptions(schema=schema))
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def mention_tokens(window: dict[str, Any], mention: dict[str, Any]) -> str:
    return " ".join(window["tokens"][mention["start"] : mention["end"]])


def test_windows_hold_the_textee_fields(conflict_news: Schema, tmp_path: Path) -> None:
    story = attack_story(with_claim=False)
    first, second, third = windows([story], conflict_news, tmp_path / "events.jsonl")
    assert first["doc_id"] == story.document.id
    assert first["doc_name"] == "story"
    assert first["annotator"] == "gold"
    assert [w["wnd_id"] for w in (first, second, third)] == [
        f"{story.document.id}_{n}" for n in range(3)
    ]
    assert first["lang"] == "ar"
    assert first["tokens"][:3] == ["هاجم", "مسلحون", "من"]
    assert {m["entity_type"] for m in first["entity_mentions"]} == {"ORG", "GPE"}  # no triggers
    [attack] = first["event_mentions"]
    assert attack["event_type"] == "Conflict.Attack"
    assert attack["trigger"] == {
        "text": "هاجم",
        "start": 0,
        "end": 1,
        "char_start": 0,
        "char_end": 4,
    }
    entity_ids = {m["id"]: m for m in first["entity_mentions"]}
    roles = {(a["role"], a["text"]) for a in attack["arguments"]}
    assert roles == {("Attacker", "تنظيم داعش"), ("Place", "الموصل")}
    for argument in attack["arguments"]:
        mention = entity_ids[argument["entity_id"]]
        assert (argument["start"], argument["end"]) == (mention["start"], mention["end"])
    assert [e["event_type"] for e in second["event_mentions"]] == ["Life.Die"]
    assert third["event_mentions"] == [] and len(third["entity_mentions"]) == 1


def test_offsets_agree_with_tokens_and_text(conflict_news: Schema, tmp_path: Path) -> None:
    for window in windows([attack_story()], conflict_news, tmp_path / "events.jsonl"):
        assert TEXT[window["char_offset"] :].startswith(window["text"])
        mentions = [*window["entity_mentions"], *(e["trigger"] for e in window["event_mentions"])]
        for mention in mentions:
            assert window["text"][mention["char_start"] : mention["char_end"]] == mention["text"]
            assert mention_tokens(window, mention) == mention["text"]


def test_an_event_filled_role_joins_the_windows_it_spans(
    conflict_news: Schema, tmp_path: Path
) -> None:
    """The claim (third sentence) names the attack (first sentence): one window holds both."""
    lines = windows([attack_story()], conflict_news, tmp_path / "events.jsonl")
    assert len(lines) == 1
    [window] = lines
    events = {e["event_type"]: e for e in window["event_mentions"]}
    claim = events["Conflict.Claim-Responsibility"]
    assert claim["event_arguments"] == [
        {"event_id": events["Conflict.Attack"]["id"], "role": "ClaimedEvent", "text": "هاجم",
         "start": 0, "end": 1},
    ]  # fmt: skip
    assert [a["role"] for a in claim["arguments"]] == ["Claimant"]


def test_a_dangling_filler_is_refused(conflict_news: Schema, tmp_path: Path) -> None:
    killed = span_of(TEXT, "قتل", "Life.Die")
    broken = Event(new_id(), "Life.Die", killed.id, (Argument("Victim", span_id="nowhere"),))
    with pytest.raises(WorkbenchError, match="refers to the span nowhere"):
        windows([annotated(TEXT, [killed], [broken])], conflict_news, tmp_path / "events.jsonl")
