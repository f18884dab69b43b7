"""The schema's definitions as one Markdown sheet (the Guidelines panel shows it under the
project's document): every label and event type, the roles the guidelines define, every attribute
with its values, each with its definition and examples, in the language asked for."""

from __future__ import annotations

import pytest

from workbench.core.schema import BUILTIN_SCHEMAS, builtin_schema
from workbench.core.schema.guide_sheet import definitions_markdown
from workbench.core.schema.label_attributes import every_attribute
from workbench.core.schema.model import EntityType, EventType


def test_the_english_sheet_defines_labels_roles_and_attributes_with_examples() -> None:
    sheet = definitions_markdown(builtin_schema("conflict-news"), "en")
    assert sheet.startswith("# Definitions in the schema\n")
    person = sheet.index("### Person (PER)")
    assert sheet.index("## Labels") < person < sheet.index("## Event types") < sheet.index("## Roles")
    assert sheet[person:].split("\n")[2].startswith("A human being, one person or a group of people")
    assert "- قال الرئيس عبد المجيد تبون — President Abdelmadjid Tebboune said" in sheet
    assert "### Target — every event type (Target)" in sheet
    assert "Who or what is attacked or aimed at." in sheet
    assert "Values: Name (NAM), Nominal (NOM), Pronoun (PRO)\n" in sheet
    assert "Values: POSITIVE, NEGATIVE\n" in sheet  # values the schema does not name


def test_the_arabic_sheet_is_in_arabic_and_examples_have_no_gloss() -> None:
    sheet = definitions_markdown(builtin_schema("conflict-news"), "ar")
    assert "## التسميات" in sheet and "### شخص (PER)" in sheet
    assert "- قال الرئيس عبد المجيد تبون\n" in sheet
    assert "President Abdelmadjid Tebboune" not in sheet
    assert "القيم: اسم علم (NAM)، اسم عام (NOM)، ضمير (PRO)" in sheet


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_every_label_event_type_and_attribute_of_a_built_in_schema_is_listed(name: str) -> None:
    schema = builtin_schema(name)
    sheet = definitions_markdown(schema, "en")
    labels: list[EntityType | EventType] = [*schema.entity_types, *schema.event_types]
    for label in labels:
        assert f"### {label.en} ({label.id})" in sheet
    for attribute in every_attribute(schema):
        assert f"({attribute.name})\n" in sheet
