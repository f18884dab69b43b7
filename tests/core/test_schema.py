"""The label schema: the built-in files, the API, and the messages for invalid files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from workbench.core.errors import SchemaError
from workbench.core.schema import (
    BUILTIN_SCHEMAS,
    DEFAULT_SCHEMA,
    EVENT_PREFIX,
    Schema,
    builtin_schema,
    event_filler,
    load_schema,
    resolve_schema,
)
from workbench.paths import resources_dir

# A small valid schema; the line numbers matter to the tests of the messages.
TINY = """\
schema:
  id: tiny
  version: 1
  name: {en: Tiny, ar: صغير}
  mention_attributes:
    mention_level: {values: [NAM, NOM, PRO], default: NAM}
  entity_types:
    - {id: PER, en: Person, ar: شخص, color: "#e6194b"}
    - {id: ORG, en: Organization, ar: منظمة, color: "#4363d8"}
  event_types:
    - id: Life.Die
      en: Death
      ar: وفاة
      roles:
        - {id: Victim, en: Victim, ar: الضحية, fillers: [PER], required: true}
        - {id: Agent, en: Agent, ar: الفاعل, fillers: [PER, ORG]}
"""

WOJOOD_TYPES = [
    "PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LANGUAGE",
    "WEBSITE", "LAW", "PRODUCT", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "UNIT", "MONEY", "CURR",
]
ACE_VALUE_IDS = {
    "TIMEX2": "TIMEX2",
    "Money": "MONEY",
    "Percent": "PERCENT",
    "Crime": "CRIME",
    "Job-Title": "JOB_TITLE",
    "Sentence": "SENTENCE",
    "Contact-Info": "CONTACT_INFO",
}


def write(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str = TINY) -> str:
    assert text.count(old) == 1, f"{old!r} should occur once in the test schema"
    return text.replace(old, new)


def schema_error(path: Path) -> str:
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    message = str(caught.value)
    assert "\n" not in message, "a message is one line"
    return message


def assert_fillers_resolve(schema: Schema) -> None:
    for event in schema.event_types:
        for role in event.roles:
            for filler in role.fillers:
                if filler.startswith(EVENT_PREFIX):
                    assert schema.has_event(filler.removeprefix(EVENT_PREFIX)), filler
                else:
                    assert schema.has_entity(filler), (event.id, role.id, filler)


# ---- the built-in schemas -------------------------------------------------------------------


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_builtin_schema_loads_and_is_consistent(name: str) -> None:
    schema = builtin_schema(name)
    assert schema.id == name
    assert schema.entity_types
    assert_fillers_resolve(schema)
    labels = schema.entity_types + schema.event_types
    hotkeys = [label.hotkey for label in labels if label.hotkey]
    assert len(hotkeys) == len(set(hotkeys))
    colors = [label.color for label in labels]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", color) for color in colors)
    assert len(set(colors)) == len(colors), "every label and event type has its own colour"
    assert all(label.en and label.ar for label in labels)


def test_builtin_files_are_the_ones_shipped() -> None:
    shipped = {path.stem for path in (resources_dir() / "schemas").glob("*.yaml")}
    assert shipped == set(BUILTIN_SCHEMAS)
    assert DEFAULT_SCHEMA in BUILTIN_SCHEMAS


def test_conflict_news_has_the_recommended_inventory() -> None:
    schema = builtin_schema("conflict-news")
    assert len(schema.entity_types) == 17
    assert len(schema.event_types) == 19
    assert_fillers_resolve(schema)
    assert [entity.hotkey for entity in schema.entity_types[:9]] == list("123456789")
    assert schema.entity("DATE").hotkey is None
    event_hotkeys = {event.id: event.hotkey for event in schema.event_types if event.hotkey}
    assert event_hotkeys["Conflict.Attack"] == "Shift+A"
    assert all(key.startswith("Shift+") for key in event_hotkeys.values())
    assert schema.default_attributes_for_entity("PER") == {"mention_level": "NAM"}
    assert schema.entity("ORG").maps["wojood"] == "ORG"
    assert schema.entity("PER").ner_core


def test_conflict_news_roles_say_what_is_required_and_repeatable() -> None:
    schema = builtin_schema("conflict-news")
    assert schema.event("Life.Die").role("Victim").required
    assert schema.event("Justice.Arrest-Jail").role("Person").required
    attack = schema.event("Conflict.Attack")
    assert attack.role("Target").required or attack.role("Attacker").required
    for event in schema.event_types:
        for role in event.roles:
            if role.id in ("Time", "Place", "Count"):
                assert not role.repeatable, (event.id, role.id)
    assert schema.event("Life.Die").role("Agent").repeatable
    assert not schema.event("Life.Die").role("Agent").required


def test_shared_conflict_news_file_loads_as_is(shared_dir: Path) -> None:
    schema = load_schema(shared_dir / "schemas" / "ar_conflict_news_v1.yaml")
    assert schema.id == "ar-conflict-news"
    assert len(schema.entity_types) == 17
    assert len(schema.event_types) == 19
    assert_fillers_resolve(schema)
    assert schema.span_policy["default_snap"] == "word"
    assert schema.event("Life.Die").role("Count").extension
    assert "state actors" in schema.event("Justice.Execute").note
    assert schema.event("Conflict.Attack").maps["gtd_attacktype"] == [1, 2, 3, 7, 8]
    # Both event types share the roles of the YAML anchor &court_roles.
    trial, charge = schema.event("Justice.Trial-Hearing"), schema.event("Justice.Charge-Indict")
    assert trial.roles == charge.roles


def test_generic_has_four_labels_on_keys_1_to_4() -> None:
    schema = builtin_schema("generic")
    assert [(e.id, e.hotkey) for e in schema.entity_types] == [
        ("PER", "1"), ("ORG", "2"), ("LOC", "3"), ("MISC", "4"),
    ]  # fmt: skip
    assert schema.event_types == ()


def test_wojood_uses_wojood_tags_and_covers_anercorp() -> None:
    schema = builtin_schema("wojood")
    ids = [entity.id for entity in schema.entity_types]
    assert ids[:21] == WOJOOD_TYPES
    assert {"PERS", "LOC", "ORG", "MISC"} <= set(ids)
    assert schema.event_types == ()


def test_ace2005_matches_the_shared_inventory(shared_dir: Path) -> None:
    source = yaml.safe_load(
        (shared_dir / "schemas" / "ace2005.yaml").read_text(encoding="utf-8")
    )["schema"]
    schema = builtin_schema("ace2005")
    for entity_id, spec in source["entity_types"].items():
        subtype = schema.attributes_for_entity(entity_id)[0]
        assert subtype.name == "subtype" and list(subtype.values) == spec["subtypes"]
        assert schema.default_attributes_for_entity(entity_id) == {"mention_level": "NAM"}
    for value_type in source["value_types"]:
        assert schema.has_entity(ACE_VALUE_IDS[value_type])
    expected_events = {
        f"{kind}.{subtype}": spec
        for kind, subtypes in source["event_types"].items()
        for subtype, spec in subtypes.items()
    }
    assert len(expected_events) == 33
    assert [event.id for event in schema.event_types] == list(expected_events)
    for event_id, spec in expected_events.items():
        event = schema.event(event_id)
        assert event.ar == spec["ar"]
        expected_roles = {
            role: sorted(ACE_VALUE_IDS.get(filler, filler) for filler in fillers)
            for role, fillers in spec["roles"].items()
        }
        assert {role.id: sorted(role.fillers) for role in event.roles} == expected_roles


# ---- JSON and YAML, to_json and from_json ---------------------------------------------------


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_json_and_yaml_files_give_equal_schemas(name: str, tmp_path: Path) -> None:
    yaml_path = resources_dir() / "schemas" / f"{name}.yaml"
    data = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    json_path = write(tmp_path, json.dumps(data, ensure_ascii=False), f"{name}.json")
    assert load_schema(json_path) == load_schema(yaml_path)


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_to_json_round_trips(name: str, tmp_path: Path) -> None:
    schema = builtin_schema(name)
    text = schema.to_json()
    rebuilt = Schema.from_json(text)
    assert rebuilt == schema
    assert rebuilt.to_json() == text
    assert load_schema(write(tmp_path, text, "stored.json")) == schema, "a schema file as well"


def test_from_json_refuses_an_invalid_definition() -> None:
    data = yaml.safe_load(TINY)
    data["schema"]["version"] = "one"
    with pytest.raises(SchemaError, match=r"^the stored schema, schema\.version: .*whole number"):
        Schema.from_json(json.dumps(data))


# ---- the API ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def conflict() -> Schema:
    return builtin_schema("conflict-news")


def test_check_filler_accepts_allowed_fillers(conflict: Schema) -> None:
    conflict.check_filler("Life.Die", "Victim", "PER")
    conflict.check_filler("Conflict.Claim-Responsibility", "ClaimedEvent", "EVENT:Conflict.Attack")
    assert conflict.event("Life.Die").role("Victim").allows("NORP")
    assert event_filler("Life.Die") == "EVENT:Life.Die"


def test_check_filler_refuses_with_the_reason(conflict: Schema) -> None:
    refused = r"'Victim' of 'Life.Die' cannot be filled by 'WEA'; allowed: PER, NORP$"
    with pytest.raises(SchemaError, match=refused):
        conflict.check_filler("Life.Die", "Victim", "WEA")
    with pytest.raises(SchemaError, match=r"no role 'Target'; its roles: Agent, Victim"):
        conflict.check_filler("Life.Die", "Target", "PER")
    with pytest.raises(SchemaError, match=r"no event type 'Life.Born'"):
        conflict.check_filler("Life.Born", "Victim", "PER")
    with pytest.raises(SchemaError, match=r"cannot be filled by 'EVENT:Justice.Sentence'"):
        conflict.check_filler(
            "Conflict.Claim-Responsibility", "ClaimedEvent", "EVENT:Justice.Sentence"
        )


def test_check_attributes(conflict: Schema) -> None:
    conflict.check_attributes("PER", {"mention_level": "NOM"})
    conflict.check_attributes("ORG", {"mention_level": "PRO", "org_kind": "media"})
    conflict.check_attributes("Conflict.Attack", {"polarity": "NEGATIVE", "attack_method": "ied"})
    refused = r"'mention_level' of 'PER' cannot be 'XYZ'; allowed: NAM, NOM, PRO$"
    with pytest.raises(SchemaError, match=refused):
        conflict.check_attributes("PER", {"mention_level": "XYZ"})
    with pytest.raises(SchemaError, match=r"'PER' has no attribute 'org_kind'"):
        conflict.check_attributes("PER", {"org_kind": "media"})
    with pytest.raises(SchemaError, match=r"'Life.Die' has no attribute 'attack_method'"):
        conflict.check_attributes("Life.Die", {"attack_method": "ied"})
    with pytest.raises(SchemaError, match=r"no entity label or event type 'PERSON'"):
        conflict.check_attributes("PERSON", {})


def test_attributes_and_defaults(conflict: Schema) -> None:
    assert [a.name for a in conflict.attributes_for_entity("ORG")] == ["mention_level", "org_kind"]
    assert conflict.default_attributes_for_event("Life.Die") == {
        "polarity": "POSITIVE",
        "tense": "UNSPECIFIED",
        "modality": "ASSERTED",
        "genericity": "SPECIFIC",
    }
    mention_level = conflict.entity_attributes[0]
    assert mention_level.names_ar["NOM"] == "اسم عام"
    assert mention_level.names_en["PRO"] == "Pronoun"
    assert conflict.event_attributes[0].names_ar["NEGATIVE"] == "منفي"
    assert "attack_method" not in conflict.default_attributes_for_event("Conflict.Attack")


def test_attributes_are_named_in_both_languages_or_by_their_key(tmp_path: Path) -> None:
    named = edited("mention_level: {values:", "mention_level: {name: {en: Mention level, ar: مستوى الذكر}, values:")
    [attribute] = load_schema(write(tmp_path, named, "named.yaml")).entity_attributes
    assert (attribute.title("en"), attribute.title("ar")) == ("Mention level", "مستوى الذكر")
    [unnamed] = load_schema(write(tmp_path, TINY, "tiny.yaml")).entity_attributes
    assert (unnamed.title("en"), unnamed.title("ar")) == ("mention level", "mention level")
    stored = Schema.from_json(load_schema(write(tmp_path, named, "named.yaml")).to_json())
    assert stored.entity_attributes == (attribute,) and stored.entity_attributes[0].ar == "مستوى الذكر"


def test_lookups(conflict: Schema) -> None:
    assert conflict.entity("GPE").ar == "كيان جيوسياسي"
    assert conflict.has_entity("PER") and not conflict.has_entity("Life.Die")
    assert conflict.has_event("Life.Die") and not conflict.has_event("PER")
    with pytest.raises(SchemaError, match=r"no entity label 'PERS'; its labels: PER, ORG"):
        conflict.entity("PERS")
    with pytest.raises(SchemaError, match=r"no event type 'Attack'"):
        conflict.event("Attack")


def test_default_hotkeys_skip_digits_already_claimed(tmp_path: Path) -> None:
    labels = "\n".join(
        f'    - {{id: L{n}, en: L{n}, ar: ل{n}, color: "#0000{n:02x}"}}' for n in range(12)
    )
    text = f"""\
schema:
  id: many
  version: 1
  name: {{en: Many, ar: كثير}}
  entity_types:
{labels}
    - {{id: X, en: X, ar: س, color: "#ffffff", hotkey: 2}}
    - {{id: Y, en: Y, ar: ص, color: "#fffffe", hotkey: shift+y}}
  event_types:
    - {{id: E, en: E, ar: ح, hotkey: "5"}}
"""
    schema = load_schema(write(tmp_path, text, "many.yaml"))
    keys = [entity.hotkey for entity in schema.entity_types]
    assert keys == ["1", "3", "4", "6", "7", "8", "9", None, None, None, None, None, "2", "Shift+Y"]
    assert schema.event("E").hotkey == "5"


def test_event_types_without_colour_get_distinct_colours(tmp_path: Path) -> None:
    events = "\n".join(f"    - {{id: E{n}, en: E{n}, ar: ح{n}}}" for n in range(30))
    text = edited("  event_types:\n", f"  event_types:\n{events}\n")
    schema = load_schema(write(tmp_path, text, "colours.yaml"))
    colors = [label.color for label in schema.entity_types + schema.event_types]
    assert len(set(colors)) == len(colors)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", color) for color in colors)


def test_entity_attributes_is_another_name_for_mention_attributes(tmp_path: Path) -> None:
    text = edited("  mention_attributes:", "  entity_attributes:")
    assert load_schema(write(tmp_path, text)) == load_schema(write(tmp_path, TINY, "ok.yaml"))


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TINY.encode("utf-8"))
    assert load_schema(path).id == "tiny"


# ---- resolve_schema --------------------------------------------------------------------------


def test_resolve_schema_by_name_and_by_path(tmp_path: Path) -> None:
    assert resolve_schema("wojood") == builtin_schema("wojood")
    path = write(tmp_path, TINY, "tiny.yaml")
    assert resolve_schema(str(path)).id == "tiny"


@pytest.mark.parametrize("name", ["conflict", "no/such/file.yaml"])
def test_resolve_schema_refuses_unknown_names_listing_the_builtins(name: str) -> None:
    with pytest.raises(SchemaError) as caught:
        resolve_schema(name)
    message = str(caught.value)
    assert name in message
    assert all(builtin in message for builtin in BUILTIN_SCHEMAS)


def test_builtin_schema_refuses_an_unknown_name() -> None:
    with pytest.raises(SchemaError, match="conflict-news, generic, wojood, ace2005"):
        builtin_schema("ace-2005")


# ---- invalid files: the message names the file, the place and the problem ---------------------

INVALID_CASES = [
    pytest.param(
        '"#4363d8"', '"blue"',
        "schema.entity_types[1].color", 9, "#rrggbb", id="bad colour",
    ),
    pytest.param(
        'ar: منظمة, color: "#4363d8"', 'ar: منظمة, colr: "#4363d8"',
        "schema.entity_types[1].colr", 9, "unknown key 'colr' (did you mean 'color'?)",
        id="unknown key in a label",
    ),
    pytest.param(
        "fillers: [PER], required: true", "fillers: [PER], requird: true",
        "schema.event_types[0].roles[0].requird", 15, "did you mean 'required'?",
        id="unknown key in a role",
    ),
    pytest.param(
        "      roles:\n", "      role:\n",
        "schema.event_types[0].role", 14, "did you mean 'roles'?", id="unknown key in an event",
    ),
    pytest.param(
        "en: Organization, ar: منظمة,", "en: Organization,",
        "schema.entity_types[1]", 9, "required key 'ar' is missing", id="missing key",
    ),
    pytest.param(
        "  version: 1\n", "",
        "schema", 1, "required key 'version' is missing", id="missing schema key",
    ),
    pytest.param(
        "version: 1", "version: one",
        "schema.version", 3, "whole number", id="wrong type: version",
    ),
    pytest.param(
        "fillers: [PER], required", "fillers: PER, required",
        "schema.event_types[0].roles[0].fillers", 15, "expected a list", id="wrong type: fillers",
    ),
    pytest.param(
        "required: true", "required: yes please",
        "schema.event_types[0].roles[0].required", 15, "true or false", id="wrong type: flag",
    ),
    pytest.param(
        "name: {en: Tiny, ar: صغير}", "name: Tiny",
        "schema.name", 4, "expected a mapping {en: ..., ar: ...}, got 'Tiny'",
        id="wrong type: name",
    ),
    pytest.param(
        "{id: ORG, en: Organization", "{id: PER, en: Organization",
        "schema.entity_types[1].id", 9, "duplicate entity label id 'PER'", id="duplicate id",
    ),
    pytest.param(
        "- {id: Agent,", "- {id: Victim,",
        "schema.event_types[0].roles[1].id", 16, "duplicate role id 'Victim'", id="duplicate role",
    ),
    pytest.param(
        "    - id: Life.Die", "    - id: ORG",
        "schema.event_types[0].id", 11, "'ORG' is already an entity label",
        id="event id equal to a label id",
    ),
    pytest.param(
        'color: "#e6194b"}', 'color: "#e6194b", color: "#000000"}',
        "schema.entity_types[0].color", 8, "the key 'color' appears twice", id="duplicate key",
    ),
    pytest.param(
        "[PER, ORG]", "[PER, ORGG]",
        "schema.event_types[0].roles[1].fillers[1]", 16,
        "'ORGG' is not an entity label of this schema (did you mean 'ORG'?)",
        id="unknown entity filler",
    ),
    pytest.param(
        "[PER, ORG]", '[PER, "EVENT:Life.Died"]',
        "schema.event_types[0].roles[1].fillers[1]", 16,
        "'EVENT:Life.Died' names an unknown event type (did you mean 'Life.Die'?)",
        id="unknown event filler",
    ),
    pytest.param(
        "fillers: [PER], required", "fillers: [], required",
        "schema.event_types[0].roles[0].fillers", 15, "at least one filler", id="no fillers",
    ),
    pytest.param(
        "default: NAM", "default: NAME",
        "schema.mention_attributes.mention_level.default", 6,
        "'NAME' is not one of the values NAM, NOM, PRO", id="default not in values",
    ),
    pytest.param(
        "values: [NAM, NOM, PRO], default: NAM", "values: []",
        "schema.mention_attributes.mention_level.values", 6, "empty", id="empty values",
    ),
    pytest.param(
        "values: [NAM, NOM, PRO]", "values: [NAM, NOM, NAM]",
        "schema.mention_attributes.mention_level.values[2]", 6, "duplicate value 'NAM'",
        id="duplicate values",
    ),
    pytest.param(
        "values: [NAM, NOM, PRO], default: NAM", "values: [yes, no]",
        "schema.mention_attributes.mention_level.values[0]", 6, "put the value in quotes",
        id="value read as a boolean",
    ),
    pytest.param(
        '"#4363d8"}', '"#4363d8", hotkey: Ctrl+A}',
        "schema.entity_types[1].hotkey", 9, "a digit, a letter or Shift+<letter>", id="bad hotkey",
    ),
    pytest.param(
        '"#4363d8"}',
        '"#4363d8", hotkey: shift+v}\n'
        '    - {id: X, en: X, ar: س, color: "#000000", hotkey: Shift+V}',
        "schema.entity_types[2].hotkey", 10, "the hotkey 'Shift+V' is already used by 'ORG'",
        id="duplicate hotkey",
    ),
    pytest.param(
        "fillers: [PER, ORG]}\n",
        "fillers: [PER, ORG]}\n"
        "    - {id: Attack, en: Attack, ar: هجوم, hotkey: Shift+A}\n"
        "    - {id: Strike, en: Strike, ar: ضربة, hotkey: shift+a}\n",
        "schema.event_types[2].hotkey", 18, "the hotkey 'Shift+A' is already used by 'Attack'",
        id="duplicate event hotkey",
    ),
    pytest.param(
        "    mention_level: {", "    Mention Level: {",
        "schema.mention_attributes['Mention Level']", 6, "attribute name 'Mention Level'",
        id="bad attribute name",
    ),
    pytest.param(
        "mention_level: {values:", "mention_level: {name: {en: Mention level}, values:",
        "schema.mention_attributes.mention_level.name", 6, "required key 'ar' is missing",
        id="attribute name without its Arabic",
    ),
]


@pytest.mark.parametrize(("old", "new", "place", "line", "problem"), INVALID_CASES)
def test_invalid_yaml_names_file_place_line_and_problem(
    tmp_path: Path, old: str, new: str, place: str, line: int, problem: str
) -> None:
    message = schema_error(write(tmp_path, edited(old, new)))
    assert message.startswith(str(tmp_path / "bad.yaml"))
    assert f", line {line}, {place}: " in message
    assert problem in message


def test_duplicate_hotkey_in_a_default_label_position_is_not_an_error(tmp_path: Path) -> None:
    """A digit given explicitly is taken out of the defaults instead."""
    text = edited('color: "#4363d8"}', 'color: "#4363d8", hotkey: "1"}')
    schema = load_schema(write(tmp_path, text))
    assert [entity.hotkey for entity in schema.entity_types] == ["2", "1"]


def test_no_entity_types(tmp_path: Path) -> None:
    text = edited(
        '    - {id: PER, en: Person, ar: شخص, color: "#e6194b"}\n'
        '    - {id: ORG, en: Organization, ar: منظمة, color: "#4363d8"}\n',
        "",
        edited("  entity_types:\n", "  entity_types: []\n"),
    )
    message = schema_error(write(tmp_path, text))
    assert ", line 7, schema.entity_types: " in message
    assert "at least one entity label" in message


def test_entity_types_given_as_a_mapping(tmp_path: Path) -> None:
    text = edited(
        '    - {id: PER, en: Person, ar: شخص, color: "#e6194b"}\n'
        '    - {id: ORG, en: Organization, ar: منظمة, color: "#4363d8"}\n',
        '    PER: {en: Person, ar: شخص, color: "#e6194b"}\n',
    )
    message = schema_error(write(tmp_path, text))
    assert ", line 7, schema.entity_types: expected a list, got a mapping" in message


def test_a_problem_inside_an_alias_points_at_the_anchor(tmp_path: Path) -> None:
    text = edited(
        "  event_types:\n",
        "  role_templates:\n"
        "    Place: &place {id: Place, en: Place, ar: المكان, fillers: [LOC]}\n"
        "  event_types:\n",
    )
    text = edited("fillers: [PER, ORG]}\n", "fillers: [PER, ORG]}\n        - *place\n", text)
    message = schema_error(write(tmp_path, text))
    assert ", line 11, schema.event_types[0].roles[2].fillers[0]: 'LOC'" in message


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("schema:\n  id: x\n  version: 1: 2\n", 3, "mapping values are not allowed"),
        ("schema:\n  id: [x\n  version: 1\n", 3, "while parsing a flow sequence at line 2"),
        ("schema:\n  id: x\n\tversion: 1\n", 3, "tab"),
        ("schema:\n  id: x\x07\n", 2, "U+0007"),
    ],
)
def test_yaml_syntax_errors(tmp_path: Path, text: str, line: int, problem: str) -> None:
    message = schema_error(write(tmp_path, text))
    assert message.startswith(f"{tmp_path / 'bad.yaml'}, line {line}")
    assert "invalid YAML" in message
    assert problem in message


def test_yaml_tags_that_run_code_are_refused(tmp_path: Path) -> None:
    message = schema_error(write(tmp_path, "schema: !!python/object/apply:os.system [echo]\n"))
    assert "line 1" in message and "invalid YAML" in message


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "line 1: expected a mapping with one key, 'schema', got a list"),
        ("shema: {}\n", "line 1, shema: unknown key 'shema' (did you mean 'schema'?)"),
        ("schema: [1]\n", "line 1, schema: expected a mapping, got a list"),
    ],
)
def test_wrong_top_level(tmp_path: Path, text: str, problem: str) -> None:
    message = schema_error(write(tmp_path, text))
    assert message.startswith(str(tmp_path / "bad.yaml"))
    assert problem in message


def test_a_file_that_is_not_utf8_names_the_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(TINY.replace("Tiny", "Tiny é").encode("utf-8").replace("é".encode(), b"\xe9"))
    message = schema_error(path)
    assert message.startswith(f"{path}, line 4: ")
    assert "not UTF-8" in message
    assert "0xe9" in message


def test_a_missing_file(tmp_path: Path) -> None:
    message = schema_error(tmp_path / "absent.yaml")
    assert str(tmp_path / "absent.yaml") in message
    assert "cannot read" in message


def test_json_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "schema": {"id": "x",}\n}\n', "bad.json")
    message = schema_error(path)
    assert message.startswith(f"{path}, line 2, column 24: invalid JSON")


def test_json_validation_error_names_file_and_path(tmp_path: Path) -> None:
    data = yaml.safe_load(TINY)
    data["schema"]["entity_types"][1]["color"] = "blue"
    path = write(tmp_path, json.dumps(data, ensure_ascii=False), "bad.json")
    message = schema_error(path)
    assert message.startswith(f"{path}, schema.entity_types[1].color: ")
    assert "#rrggbb" in message


def test_json_duplicate_key(tmp_path: Path) -> None:
    path = write(tmp_path, '{"schema": {"id": "x", "id": "y"}}', "bad.json")
    assert "the key 'id' appears twice" in schema_error(path)
