"""The schema's relation types and document-label fields (issue 14, point 1): the built-in
schemas, the API, the stored JSON round trip and the messages for invalid blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import SchemaError
from workbench.core.schema import Schema, builtin_schema, load_schema

# The line numbers matter to the tests of the messages.
TINY = """\
schema:
  id: tiny
  version: 1
  name: {en: Tiny, ar: صغير}
  entity_types:
    - {id: PER, en: Person, ar: شخص, color: "#e6194b"}
    - {id: ORG, en: Organization, ar: منظمة, color: "#4363d8"}
  relations:
    - id: member-of
      en: Member of
      ar: عضو في
      from: [PER]
      to: [ORG]
      attributes: {status: {values: [current, former], default: current}}
    - {id: ally-of, en: Ally of, ar: حليف, from: [ORG], to: [ORG], symmetric: true}
  document_labels:
    - id: relevance
      en: Relevance
      ar: الصلة
      values:
        - {id: relevant, en: Relevant, ar: ذو صلة, hotkey: Shift+Y}
        - {id: irrelevant, en: Not relevant, ar: غير ذي صلة}
    - id: topic
      en: Topic
      ar: الموضوع
      multiple: true
      values: [{id: war, en: War, ar: حرب}, {id: trial, en: Trial, ar: محاكمة}]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schema.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def message(tmp_path: Path, text: str) -> str:
    with pytest.raises(SchemaError) as caught:
        load_schema(write(tmp_path, text))
    return str(caught.value)


def test_relation_types_and_document_fields_are_read(tmp_path: Path) -> None:
    schema = load_schema(write(tmp_path, TINY))
    member_of = schema.relation_type("member-of")
    assert (member_of.en, member_of.ar) == ("Member of", "عضو في")
    assert (member_of.from_labels, member_of.to_labels, member_of.symmetric) == (
        ("PER",), ("ORG",), False,
    )
    assert member_of.allows("PER", "ORG") and not member_of.allows("ORG", "PER")
    ally = schema.relation_type("ally-of")
    assert ally.symmetric and ally.allows("ORG", "ORG")
    assert schema.default_attributes_for_entity("PER") == {}
    schema.check_attributes("member-of", {"status": "former"})
    with pytest.raises(SchemaError, match="cannot be 'past'"):
        schema.check_attributes("member-of", {"status": "past"})
    relevance = schema.document_field("relevance")
    assert relevance.value_ids == ("relevant", "irrelevant") and not relevance.multiple
    assert relevance.values[0].hotkey == "Shift+Y" and relevance.values[1].hotkey is None
    assert schema.document_field("topic").multiple


def test_a_schema_without_the_blocks_has_none(tmp_path: Path) -> None:
    text = TINY.split("  relations:")[0]
    schema = load_schema(write(tmp_path, text))
    assert schema.relation_types == () and schema.document_fields == ()
    with pytest.raises(SchemaError, match="no relation type 'member-of'; its relation types: none"):
        schema.relation_type("member-of")


def test_symmetric_types_allow_either_order(tmp_path: Path) -> None:
    symmetric = TINY.replace("to: [ORG]\n", "to: [ORG]\n      symmetric: true\n", 1)
    schema = load_schema(write(tmp_path, symmetric))
    assert schema.relation_type("member-of").allows("ORG", "PER")


@pytest.mark.parametrize("name", ["tiny", "conflict-news", "ace2005"])
def test_the_stored_json_keeps_the_blocks(tmp_path: Path, name: str) -> None:
    schema = load_schema(write(tmp_path, TINY)) if name == "tiny" else builtin_schema(name)
    again = Schema.from_json(schema.to_json())
    assert again.relation_types == schema.relation_types
    assert again.document_fields == schema.document_fields
    assert again == schema


def test_conflict_news_has_its_relations_and_document_labels() -> None:
    schema = builtin_schema("conflict-news")
    assert [r.id for r in schema.relation_types] == [
        "member-of", "located-in", "leader-of", "affiliated-with",
    ]
    assert schema.relation_type("affiliated-with").symmetric
    assert schema.relation_type("leader-of").allows("PER", "ORG")
    assert [f.id for f in schema.document_fields] == ["relevance", "topic", "country"]
    assert schema.document_field("topic").multiple
    assert not schema.document_field("country").multiple
    assert "EG" in schema.document_field("country").value_ids
    for document_field in schema.document_fields:
        assert document_field.ar and all(value.ar for value in document_field.values)


ACE_SUBTYPES = {
    "PART-WHOLE": {"Geographical", "Subsidiary", "Artifact"},
    "ORG-AFF": {"Employment", "Ownership", "Founder", "Student-Alum", "Sports-Affiliation",
                "Investor-Shareholder", "Membership"},
    "PHYS": {"Located", "Near"},
    "PER-SOC": {"Business", "Family", "Lasting-Personal"},
    "GEN-AFF": {"Citizen-Resident-Religion-Ethnicity", "Org-Location"},
    "ART": {"User-Owner-Inventor-Manufacturer"},
}  # fmt: skip


def test_ace2005_has_the_six_relation_types_with_their_subtypes() -> None:
    schema = builtin_schema("ace2005")
    assert {r.id for r in schema.relation_types} == set(ACE_SUBTYPES)
    for relation in schema.relation_types:
        [subtype] = relation.attributes
        assert subtype.name == "subtype"
        assert set(subtype.values) == ACE_SUBTYPES[relation.id]
        assert relation.ar and all(value in subtype.names_ar for value in subtype.values)
    assert [r.id for r in schema.relation_types if r.symmetric] == ["PER-SOC"]
    assert schema.relation_type("PHYS").allows("PER", "GPE")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("from: [PER]", "from: [PERSON]",
         ", line 12, schema.relations[0].from[0]: 'PERSON' is not an entity label of this "
         "schema (did you mean 'PER'?)"),
        ("to: [ORG]\n      attributes", "to: []\n      attributes",
         ", line 13, schema.relations[0].to: a relation needs at least one entity label"),
        ("    - {id: ally-of", "    - {id: member-of",
         ", line 15, schema.relations[1].id: duplicate relation type id 'member-of'"),
        ("    - {id: ally-of", "    - {id: PER",
         ", line 15, schema.relations[1].id: 'PER' is already an entity label or event type"),
        ("symmetric: true}", "symmetric: yes please}",
         ", line 15, schema.relations[1].symmetric: expected true or false"),
        ("      from: [PER]", "      form: [PER]",
         ", line 12, schema.relations[0].form: unknown key 'form' (did you mean 'from'?)"),
        ("hotkey: Shift+Y}", "hotkey: Shift+Y}\n        - {id: maybe, en: Maybe, ar: ربما, hotkey: Shift+Y}",
         ", line 22, schema.document_labels[0].values[1].hotkey: the hotkey 'Shift+Y' is "
         "already used by 'relevance: relevant'"),
        ("hotkey: Shift+Y}", "hotkey: 1}",
         ", line 21, schema.document_labels[0].values[0].hotkey: the hotkey '1' is already "
         "used by 'PER'"),
        ("{id: irrelevant, en", "{id: relevant, en",
         ", line 22, schema.document_labels[0].values[1].id: duplicate value id 'relevant'"),
        ("      multiple: true", "      multiple: 2",
         ", line 26, schema.document_labels[1].multiple: expected true or false"),
        ("values: [{id: war, en: War, ar: حرب}, {id: trial, en: Trial, ar: محاكمة}]", "values: []",
         ", line 27, schema.document_labels[1].values: a document-label field needs at least "
         "one value"),
        ("    - id: topic", "    - id: relevance",
         ", line 23, schema.document_labels[1].id: duplicate document-label field id"),
    ],
)
def test_invalid_blocks_are_refused_with_file_line_and_place(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in TINY
    text = message(tmp_path, TINY.replace(old, new, 1))
    assert text.startswith(str(tmp_path / "schema.yaml"))
    assert expected in text


def test_blocks_of_the_wrong_kind_are_refused(tmp_path: Path) -> None:
    text = message(tmp_path, TINY.split("  relations:")[0] + "  relations: {member-of: x}\n")
    assert ", line 8, schema.relations: expected a list, got a mapping" in text
    text = message(tmp_path, TINY.split("  relations:")[0] + "  document_labels: [relevance]\n")
    assert "schema.document_labels[0]: expected a document-label field" in text
