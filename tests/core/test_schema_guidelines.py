"""Guidelines at hand (issue 13, point 9): definitions and short examples in the schema, for
labels, event types, roles and attributes, in Arabic and English, and the tooltips made of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import SchemaError
from workbench.core.schema import BUILTIN_SCHEMAS, Schema, builtin_schema, load_schema
from workbench.core.schema.guidelines import attribute_tooltip, label_tooltip, role_tooltip
from workbench.core.schema.label_attributes import every_attribute
from workbench.core.schema.model import EntityType, EventType

SCHEMA = """\
schema:
  id: guided
  version: 1
  name: {en: Guided, ar: موجّه}
  mention_attributes:
    mention_level: {name: {en: Mention level, ar: مستوى الذكر}, values: [NAM, NOM]}
  entity_types:
    - {id: PER, en: Person, ar: شخص}
    - {id: GPE, en: Country or city, ar: دولة أو مدينة}
  event_types:
    - id: Attack
      en: Attack
      ar: هجوم
      roles:
        - {id: Target, en: Target, ar: المستهدف, fillers: [PER, GPE]}
        - {id: Place, en: Place, ar: المكان, fillers: [GPE]}
  guidelines:
    labels:
      PER:
        definition: {en: A human being., ar: إنسان.}
        examples: ["وصل الرئيس", {ar: قال المتحدث, en: the spokesman said}]
      Attack: {definition: {en: A violent act.}}
    roles:
      Place: {definition: {en: Where it happens., ar: مكان الوقوع.}}
      Target: {definition: {en: Who is aimed at., ar: من يُستهدف.}}
      Attack:Target: {definition: {en: Who or what is attacked., ar: من أو ما يُهاجَم.}}
    attributes:
      mention_level: {definition: {en: How it is mentioned., ar: كيف يُذكر.}}
"""


def load(tmp_path: Path, text: str = SCHEMA) -> Schema:
    path = tmp_path / "guided.yaml"
    path.write_text(text, encoding="utf-8")
    return load_schema(path)


def test_a_label_tooltip_gives_name_definition_and_examples_in_each_language(
    tmp_path: Path,
) -> None:
    schema = load(tmp_path)
    assert label_tooltip(schema, "PER", "en") == (
        "Person\nA human being.\nExamples:\n• وصل الرئيس\n• قال المتحدث — the spokesman said"
    )
    assert label_tooltip(schema, "PER", "ar") == (
        "شخص\nإنسان.\nأمثلة:\n• وصل الرئيس\n• قال المتحدث"
    )
    # a definition in one language only is shown in the other too; no guide: the name alone
    assert label_tooltip(schema, "Attack", "ar") == "هجوم\nA violent act."
    assert label_tooltip(schema, "GPE", "en") == "Country or city"


def test_a_role_tooltip_prefers_the_event_types_own_guide(tmp_path: Path) -> None:
    schema = load(tmp_path)
    assert role_tooltip(schema, "Attack", "Target", "en") == "Target\nWho or what is attacked."
    assert role_tooltip(schema, "Attack", "Place", "ar") == "المكان\nمكان الوقوع."


def test_an_attribute_tooltip(tmp_path: Path) -> None:
    schema = load(tmp_path)
    assert attribute_tooltip(schema, "mention_level", "ar") == "مستوى الذكر\nكيف يُذكر."


def test_guidelines_survive_the_stored_copy(tmp_path: Path) -> None:
    schema = load(tmp_path)
    assert Schema.from_json(schema.to_json()) == schema
    assert Schema.from_json(schema.to_json()).guidelines.roles["Attack:Target"].definition


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      PER:\n", "      PERS:\n",
         "guided.yaml, line 19, schema.guidelines.labels.PERS: 'PERS' is not an entity label or "
         "event type of this schema (did you mean 'PER'?)"),
        ("      Attack:Target:", "      Attack:Victim:",
         "guided.yaml, line 26, schema.guidelines.roles['Attack:Victim']: 'Attack:Victim' is "
         "not a role"),
        ("{en: A violent act.}", "{fr: Un acte violent.}",
         "guided.yaml, line 22, schema.guidelines.labels.Attack.definition.fr: unknown key 'fr'"),
        ('["وصل الرئيس",', "[3,", "guided.yaml, line 21, schema.guidelines.labels.PER.examples[0]: "
         "expected a mapping {en: ..., ar: ...}, got 3"),
        ("      PER:\n        definition:", "      PER:\n        definiton:",
         "line 20, schema.guidelines.labels.PER.definiton: unknown key 'definiton' (did you mean "
         "'definition'?)"),
    ],
    ids=["unknown label", "unknown role", "unknown language", "example not text", "typo"],
)
def test_a_wrong_guideline_is_named_with_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in SCHEMA
    with pytest.raises(SchemaError) as caught:
        load(tmp_path, SCHEMA.replace(old, new))
    assert message in str(caught.value)


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_every_builtin_label_role_and_attribute_has_a_definition_in_both_languages(
    name: str,
) -> None:
    schema = builtin_schema(name)
    guides = schema.guidelines
    labels: list[EntityType | EventType] = [*schema.entity_types, *schema.event_types]
    for label in labels:
        assert set(guides.labels[label.id].definition) == {"en", "ar"}, label.id
    for event in schema.event_types:
        for role in event.roles:
            assert set(guides.roles[role.id].definition) == {"en", "ar"}, role.id
    for attribute in every_attribute(schema):
        assert set(guides.attributes[attribute.name].definition) == {"en", "ar"}
    examples = [guide for guide in guides.labels.values() if guide.examples]
    assert len(examples) >= len(schema.entity_types) * 3 // 4, "most labels show examples"


def test_the_date_tooltip_of_the_default_schema_explains_the_label() -> None:
    schema = builtin_schema("conflict-news")
    tip = label_tooltip(schema, "DATE", "ar")
    assert tip.startswith("تاريخ\n") and "أمس" in tip and "يوم الأحد" in tip
